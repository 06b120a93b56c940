// Catalog: the HTTP server (errors found by the server itself, its start-up
// lines) and the help of `mandate serve`.
#include "core/catalog.hpp"

namespace mandate::core::catalog {
namespace {
constexpr Message kMessages[] = {
    {"http.bad_request", "Yêu cầu HTTP không hợp lệ", "The HTTP request is malformed"},
    {"http.bad_target", "Đường dẫn yêu cầu không hợp lệ: \"{0}\"",
     "The request target is not valid: \"{0}\""},
    {"http.not_found", "Không có tài nguyên tại \"{0}\"", "There is no resource at \"{0}\""},
    {"http.method_not_allowed", "Phương thức {0} không dùng được với \"{1}\"; dùng: {2}",
     "Method {0} is not allowed for \"{1}\"; use: {2}"},
    {"http.body_too_large", "Nội dung yêu cầu vượt quá giới hạn {0} byte",
     "The request body exceeds the limit of {0} bytes"},
    {"http.header_too_large", "Phần đầu (header) của yêu cầu vượt quá giới hạn {0} byte",
     "The request header exceeds the limit of {0} bytes"},
    {"http.internal", "Lỗi nội bộ của máy chủ; chi tiết đã được ghi vào nhật ký",
     "Internal server error; the details were logged"},
    {"http.listening", "Mandate đang chạy tại {0}", "Mandate is listening on {0}"},
    {"http.stopping", "Đang dừng máy chủ: không nhận kết nối mới, chờ tối đa {0} ms",
     "Stopping: no new connections, waiting at most {0} ms"},
    {"http.stopped", "Máy chủ đã dừng", "The server has stopped"},
    {"http.listen_invalid",
     "Địa chỉ lắng nghe \"{0}\" không hợp lệ; dùng HOST:PORT, ví dụ 127.0.0.1:8080",
     "The listen address \"{0}\" is not valid; use HOST:PORT, e.g. 127.0.0.1:8080"},
    {"http.bind_failed", "Không mở được cổng tại {0}: {1}", "Cannot listen on {0}: {1}"},
    {"http.web_root_missing", "Thư mục giao diện web \"{0}\" không tồn tại",
     "The web interface directory \"{0}\" does not exist"},

    {"cli.help.serve", "chạy máy chủ web (giao diện và API JSON)",
     "run the web server (interface and JSON API)"},
    {"cli.help.listen", "địa chỉ lắng nghe HOST:PORT (cổng 0: cổng trống bất kỳ)",
     "address to listen on, HOST:PORT (port 0: any free port)"},
    {"cli.help.threads", "số luồng xử lý yêu cầu", "number of request-handling threads"},
    {"cli.help.web_root", "thư mục chứa bản dựng giao diện web (mặc định web/dist nếu có)",
     "directory of the built web interface (default web/dist when present)"},
    {"cli.help.read_timeout_ms", "thời gian tối đa để nhận xong một yêu cầu, mili giây",
     "time allowed to receive a whole request, in milliseconds"},
    {"cli.help.idle_timeout_ms", "thời gian giữ kết nối rảnh (keep-alive), mili giây",
     "how long an idle keep-alive connection is kept, in milliseconds"},
    {"cli.help.shutdown_deadline_ms",
     "khi dừng, thời gian chờ các yêu cầu đang xử lý hoàn tất, mili giây",
     "on shutdown, how long requests in progress may take to finish, in milliseconds"},
};
}  // namespace

std::span<const Message> http_messages() {
  return kMessages;
}

}  // namespace mandate::core::catalog
