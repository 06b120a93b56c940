#!/usr/bin/env python3
"""A local SMTP server for the e-mail tests (Debian's python3-aiosmtpd).

Usage: smtp_sink.py DIR. Listens on 127.0.0.1 on a free port, prints the
port on the first line of standard output, and writes each message it
receives to DIR/<n>.json, decoded by Python's own e-mail parser:
{"mailFrom", "rcptTos", "to", "subject", "contentType", "body", "rawHeaders"}.
Runs until standard input closes or it is terminated.
"""
import email
import email.policy
import json
import os
import socket
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.original_content or envelope.content,
                                       policy=email.policy.default)
        body = msg.get_body(preferencelist=("plain",))
        record = {
            "mailFrom": envelope.mail_from,
            "rcptTos": envelope.rcpt_tos,
            "to": str(msg["to"]),
            "subject": str(msg["subject"]),
            "contentType": body.get_content_type() if body else "",
            "charset": body.get_content_charset() if body else "",
            "body": body.get_content() if body else "",
            "rawHeaders": envelope.original_content.split(b"\r\n\r\n", 1)[0].decode("ascii"),
        }
        self.count += 1
        # Written beside its final name and renamed: a reader never sees half a file.
        path = os.path.join(self.folder, "%04d.json" % self.count)
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        os.rename(path + ".tmp", path)
        return "250 Message accepted for delivery"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    folder = sys.argv[1]
    port = free_port()
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print(port, flush=True)
    try:
        sys.stdin.read()  # until the test closes the pipe (or dies)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
