// /api/v1 attachments of documents and tasks: upload (the raw file as the
// body, its name in ?filename=), list, download, delete.
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <charconv>

#include "core/error.hpp"
#include "http/api/context.hpp"
#include "io/journal_json.hpp"
#include "service/attachment_service.hpp"

namespace mandate::http::api {
namespace {

namespace json = boost::json;
using core::AttachmentOwner;

long long attachment_id(const Request& r) {
  const std::string& text = r.param("id");
  long long id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0)
    throw core::not_found("attachment.not_found", {text});
  return id;
}

json::object attachment_json(const core::Attachment& a) {
  json::object o = io::to_json(a);
  o["etag"] = service::attachment_etag(a);
  return o;
}

// RFC 6266 / 5987: an ASCII fallback for old clients and the exact UTF-8 name.
std::string content_disposition(const std::string& filename) {
  std::string ascii;
  for (unsigned char c : filename)
    ascii += (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') ? static_cast<char>(c) : '_';
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" +
         boost::urls::encode(filename, boost::urls::unreserved_chars);
}

void add_owner_routes(Router& router, const std::shared_ptr<ApiContext>& api,
                      const std::string& path, AttachmentOwner owner) {
  router.add(
      "POST", path,
      [api, owner](Request& r) {
        const auto actor = api->actor(r);
        const std::string filename = required_query(r, "filename");
        const auto a = service::add_attachment(api->store(), api->cache(), actor, owner,
                                               r.param("code"), filename, r.body);
        return Response::json(201, attachment_json(a))
            .with_header("ETag", service::attachment_etag(a))
            .with_header("Location", "/api/v1/attachments/" + std::to_string(a.id));
      },
      core::kMaxAttachmentBytes);
  router.add("GET", path, [api, owner](Request& r) {
    const auto who = api->authenticate(r).principal;
    const auto s = api->cache().get();
    const auto items = service::list_attachments(api->store(), *s, who, owner, r.param("code"));
    return Response::json(200, paged(items, page_of(r), attachment_json));
  });
}

}  // namespace

void register_attachment_routes(Router& router, std::shared_ptr<ApiContext> api) {
  add_owner_routes(router, api, "/api/v1/documents/{code}/attachments", AttachmentOwner::document);
  add_owner_routes(router, api, "/api/v1/tasks/{code}/attachments", AttachmentOwner::task);

  router.add("GET", "/api/v1/attachments/{id}", [api](Request& r) {
    const auto who = api->authenticate(r).principal;
    const auto s = api->cache().get();
    const auto a = service::find_attachment(api->store(), *s, who, attachment_id(r));
    auto bytes = api->store().attachment_bytes(a.id);
    if (!bytes)
      throw core::not_found("attachment.not_found", {std::to_string(a.id)});
    return Response::text(200, std::move(*bytes), a.content_type)
        .with_header("Content-Disposition", content_disposition(a.filename))
        .with_header("ETag", service::attachment_etag(a))
        .with_header("Cache-Control", "private, no-cache");
  });

  router.add("DELETE", "/api/v1/attachments/{id}", [api](Request& r) {
    const auto actor = api->actor(r);
    const std::string if_match = required_if_match(r);
    const long long id = attachment_id(r);
    try {
      if (!service::delete_attachment(api->store(), api->cache(), actor, id, if_match))
        throw core::not_found("attachment.not_found", {std::to_string(id)});
      return Response::no_content();
    } catch (const service::StaleRecord& e) {
      return stale_response(e);
    }
  });
}

}  // namespace mandate::http::api
