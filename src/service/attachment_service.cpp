#include "service/attachment_service.hpp"

#include <sodium.h>

#include <boost/json.hpp>

#include "core/error.hpp"
#include "io/content_type.hpp"
#include "io/journal_json.hpp"
#include "service/record_service.hpp"

namespace mandate::service {
namespace {

using core::AttachmentOwner;

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

// The unit whose rights govern the owner record; Error(not_found) when there is no such record.
std::string owner_scope(const Snapshot& s, AttachmentOwner owner, const std::string& code) {
  if (owner == AttachmentOwner::document) {
    for (const auto& d : s.data.documents)
      if (d.code == code)
        return record_scope(s, d);
  } else {
    for (const auto& t : s.data.tasks)
      if (t.code == code)
        return record_scope(s, t);
  }
  throw core::not_found("record.not_found", {code});
}

std::string json_text(const core::Attachment& a) {
  return boost::json::serialize(io::to_json(a));
}

std::string audit_key(const core::Attachment& a) {
  return std::string(core::attachment_owner_name(a.owner)) + "/" + a.owner_code + "/" +
         std::to_string(a.id);
}

}  // namespace

std::string attachment_etag(const core::Attachment& a) {
  return "\"" + a.sha256.substr(0, 24) + "-" + std::to_string(a.id) + "\"";
}

core::Attachment add_attachment(store::Store& store, SnapshotCache& cache, const Actor& actor,
                                AttachmentOwner owner, const std::string& owner_code,
                                std::string_view filename, std::string_view bytes) {
  const auto s = cache.get();
  core::require(actor.principal, core::Action::enter_values, owner_scope(*s, owner, owner_code),
                s->tree);
  core::Attachment a;
  a.owner = owner;
  a.owner_code = owner_code;
  a.filename = core::attachment_filename(filename);
  // Size first: no point asking libmagic about a file that is refused anyway.
  core::check_attachment_size(a.filename, bytes.size());
  a.content_type = io::detect_content_type(bytes);
  core::check_attachment_type(a.filename, a.content_type);
  a.size = static_cast<long long>(bytes.size());
  a.sha256 = sha256_hex(bytes);
  a.uploaded_by = actor.principal.username;
  a.uploaded_at = actor.at;

  auto tx = store.begin({actor.principal.username, actor.at});
  a.id = tx->add_attachment(a, bytes);
  tx->append_audit({0, actor.at, actor.principal.username, actor.address, "create", "attachment",
                    audit_key(a), std::nullopt, json_text(a)});
  tx->commit();
  return a;
}

std::vector<core::Attachment> list_attachments(store::Store& store, const Snapshot& s,
                                               const core::Principal& who, AttachmentOwner owner,
                                               const std::string& owner_code) {
  core::require(who, core::Action::read, owner_scope(s, owner, owner_code), s.tree);
  return store.attachments(owner, owner_code);
}

core::Attachment find_attachment(store::Store& store, const Snapshot& s, const core::Principal& who,
                                 long long id) {
  auto a = store.find_attachment(id);
  if (!a)
    throw core::not_found("attachment.not_found", {std::to_string(id)});
  core::require(who, core::Action::read, owner_scope(s, a->owner, a->owner_code), s.tree);
  return *a;
}

bool delete_attachment(store::Store& store, SnapshotCache& cache, const Actor& actor, long long id,
                       const std::string& etag) {
  const auto s = cache.get();
  auto tx = store.begin({actor.principal.username, actor.at});
  const auto a = store.find_attachment(id);
  if (!a)
    return false;
  core::require(actor.principal, core::Action::enter_values,
                owner_scope(*s, a->owner, a->owner_code), s->tree);
  if (attachment_etag(*a) != etag)
    throw StaleRecord(json_text(*a), attachment_etag(*a));
  const bool deleted = tx->delete_attachment(id);
  tx->append_audit({0, actor.at, actor.principal.username, actor.address, "delete", "attachment",
                    audit_key(*a), json_text(*a), std::nullopt});
  tx->commit();
  return deleted;
}

}  // namespace mandate::service
