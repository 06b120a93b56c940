#include "store/postgresql/postgres_store.hpp"

#include <libpq-fe.h>

#include "core/error.hpp"
#include "store/postgresql/search_index.hpp"
#include "store/sql/migrator.hpp"
#include "store/sql/search_rebuild.hpp"
#include "store/sql/sql_store_impl.hpp"

namespace mandate::store {
extern const std::vector<EmbeddedFile> kPostgresqlMigrations;
}

namespace mandate::store::sql {
template class SqlStore<postgresql::PostgresBackend>;
}

namespace mandate::store::postgresql {
namespace {

using core::Error;
using core::ErrorCategory;

// Migrations of several processes starting at once run one after the other.
constexpr long long kMigrationLock = 0x4d616e6461746501;  // "Mandate\1"

// The location's parameters, with dbname replaced: a libpq connection string.
std::string with_database(const std::string& location, const std::string& dbname,
                          std::string* original_dbname) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(location.c_str(), &error);
  if (!options) {
    const std::string why = error ? error : "";
    PQfreemem(error);
    throw Error(ErrorCategory::invalid_input, "store.pg_bad_location", {redacted(location), why});
  }
  std::string out, user;
  for (auto* o = options; o->keyword; ++o) {
    if (!o->val)
      continue;
    const std::string key = o->keyword;
    if (key == "dbname") {
      *original_dbname = o->val;
      continue;
    }
    if (key == "user")
      user = o->val;
    std::string value;
    for (const char* p = o->val; *p; ++p) {
      if (*p == '\'' || *p == '\\')
        value += '\\';
      value += *p;
    }
    out += key + "='" + value + "' ";
  }
  PQconninfoFree(options);
  if (original_dbname->empty())
    *original_dbname = user;
  return out + "dbname='" + dbname + "'";
}

void create_database(const std::string& location) {
  std::string name;
  const std::string maintenance = with_database(location, "postgres", &name);
  Connection admin(maintenance);
  try {
    std::string quoted;
    for (char c : name)
      quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    admin.exec("CREATE DATABASE \"" + quoted + "\"");
  } catch (const Error& e) {
    // Another process created it first: just as good.
    if (e.category() != ErrorCategory::internal)
      throw;
    auto q = admin.prepare("SELECT count(*) FROM pg_database WHERE datname = ?");
    q.bind(1, name);
    if (!q.step() || q.integer(0) == 0)
      throw Error(ErrorCategory::unavailable, "store.pg_create_failed",
                  {redacted(location), e.args().empty() ? "" : e.args().back()});
  }
}

std::unique_ptr<Connection> connect(const std::string& location, OpenMode mode) {
  try {
    return std::make_unique<Connection>(location);
  } catch (const Error& e) {
    if (e.code() != "store.missing" || mode != OpenMode::create_or_open)
      throw;
  }
  create_database(location);
  return std::make_unique<Connection>(location);
}

}  // namespace

bool is_postgresql_location(const std::string& location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

void PostgresBackend::begin_write(Connection& c) {
  c.exec("UPDATE data_version SET version = version + 1 WHERE id = 1");
}

void PostgresBackend::announce_changes(Connection& c) {
  c.exec(std::string("NOTIFY ") + kChangesChannel);
}

void PostgresBackend::index(Connection& c, core::SearchEntity entity, const std::string& code,
                            const std::string& folded_text) {
  search_index::put(c, entity, code, folded_text);
}

void PostgresBackend::unindex(Connection& c, core::SearchEntity entity, const std::string& code) {
  search_index::remove(c, entity, code);
}

PostgresStore::PostgresStore(const std::string& location, OpenMode mode)
    : SqlStore([this] { return std::make_unique<Connection>(location_); }), location_(location) {
  auto conn = connect(location, mode);
  if (mode == OpenMode::existing) {
    auto q = conn->prepare(
        "SELECT CASE WHEN to_regclass('schema_migrations') IS NULL THEN 0 ELSE 1 END");
    if (!q.step() || q.integer(0) == 0)
      throw Error(ErrorCategory::not_found, "store.not_initialised", {conn->location()});
  }
  conn->exec("SELECT pg_advisory_lock(" + std::to_string(kMigrationLock) + ")");
  bool index_stale = false;
  try {
    sql::migrate<PostgresBackend>(*conn, kPostgresqlMigrations);
    index_stale = sql::search_index_stale(*conn);
  } catch (...) {
    conn->exec("SELECT pg_advisory_unlock_all()");
    throw;
  }
  conn->exec("SELECT pg_advisory_unlock_all()");
  pool_.give_back(std::move(conn));
  if (index_stale) {
    const core::Dataset d = load();
    auto lease = pool_.acquire();
    Transaction tx(*lease);
    PostgresBackend::begin_write(*lease);
    sql::rebuild_search_index<PostgresBackend>(*lease, d);
    tx.commit();
  }
}

long long PostgresStore::data_version() {
  auto lease = pool_.acquire();
  auto q = lease->prepare("SELECT version FROM data_version WHERE id = 1");
  return q.step() ? q.integer(0) : 0;
}

int PostgresStore::schema_version() {
  return sql::schema_version(*pool_.acquire());
}

std::vector<SearchHit> PostgresStore::search(const std::string& query,
                                             std::optional<core::SearchEntity> entity,
                                             size_t limit) {
  return search_index::find(*pool_.acquire(), query, entity, limit);
}

}  // namespace mandate::store::postgresql
