#!/usr/bin/env bash
# Called by bench/feed/run beside a throwaway cluster (MANDATE_TEST_PG).
set -euo pipefail
tmp="$(mktemp -d "${TMPDIR:-/tmp}/mandate-feed.XXXXXX")"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

db="$MANDATE_TEST_PG/feedbench"
password="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
"$MANDATE_BIN" demo --db "$db" >/dev/null
printf '%s\n' "$password" |
  "$MANDATE_BIN" user add --db "$db" --username bench --unit LS --role admin >/dev/null

start() {  # start NAME -> prints the server's base URL
  "$MANDATE_BIN" serve --db "$db" --listen 127.0.0.1:0 --threads 2 >"$tmp/$1.log" 2>"$tmp/$1.err" &
  pids+=($!)
  for _ in $(seq 1 200); do
    base="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$tmp/$1.log" 2>/dev/null | head -n1 || true)"
    [ -n "$base" ] && { echo "$base"; return; }
    sleep 0.05
  done
  cat "$tmp/$1.err" >&2
  exit 1
}
a="$(start a)"
b="$(start b)"
python3 - "$a" "$b" "$password" "$BENCH_WRITES" <<'PY'
import http.client, json, re, sys, time, urllib.parse
a, b, password, writes = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
def conn(base):
    u = urllib.parse.urlparse(base)
    return http.client.HTTPConnection(u.hostname, u.port, timeout=10)
def call(c, method, path, body=None, headers={}):
    c.request(method, path, body=body, headers=headers)
    r = c.getresponse()
    return r.status, r.read(), r
ca, cb, cm = conn(a), conn(b), conn(b)
status, body, r = call(ca, "POST", "/api/v1/auth/login",
                       json.dumps({"username": "bench", "password": password}),
                       {"Content-Type": "application/json"})
assert status == 200, body
cookie = r.getheader("Set-Cookie").split(";")[0]
auth = {"Cookie": cookie, "X-CSRF-Token": json.loads(body)["csrfToken"],
        "Content-Type": "application/json"}
def applied():
    _, text, _ = call(cm, "GET", "/metrics")
    return float(re.search(rb"\nmandate_feed_applied_id ([0-9.e+]+)", text).group(1))
def city(c):
    _, text, _ = call(c, "GET", "/api/v1/analytics?indicator=NEW_JOBS&unit=LS&period=2022",
                      headers={"Cookie": cookie})
    return json.loads(text)["rows"][0]["value"]
lat, wrong = [], 0
for k in range(writes):
    before = applied()
    value = 1000 + k
    status, body, _ = call(ca, "POST", "/api/v1/values/bulk", json.dumps({"values": [
        {"indicator": "NEW_JOBS", "unit": "LS-VT", "period": "202203", "value": value}]}), auth)
    assert status == 200, body
    t0 = time.perf_counter()
    while applied() == before:
        if time.perf_counter() - t0 > 5:
            break
    lat.append((time.perf_counter() - t0) * 1000)
    if city(cb) != value:
        wrong += 1
lat.sort()
pct = lambda q: lat[min(len(lat) - 1, int(len(lat) * q))]
print(f"change-feed propagation A -> B over {writes} writes: p50 {pct(0.5):.2f} ms, "
      f"p99 {pct(0.99):.2f} ms, max {lat[-1]:.2f} ms -> {'met' if pct(0.99) < 100 else 'NOT met'}"
      f" (target p99 < 100 ms); B's rollup showed the written value {writes - wrong}/{writes} times")
PY
