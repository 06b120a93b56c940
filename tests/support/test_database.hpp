#pragma once
// Where a test keeps its database. Every store, CLI and HTTP integration test
// runs twice: on SQLite (a file in the test's temporary directory) and, as
// the ctest variant named *.pg (MANDATE_TEST_BACKEND=postgresql), on a fresh
// database of the PostgreSQL cluster at MANDATE_TEST_PG (started by
// scripts/with-postgresql), dropped when the test ends. A .pg test without a
// cluster fails: it never passes silently.
#include <sys/file.h>
#include <unistd.h>

#include <cstdlib>
#include <random>
#include <stdexcept>
#include <string>

#include "run_command.hpp"
#include "temp_dir.hpp"

namespace mandate::test_support {

inline bool on_postgresql() {
  const char* backend = std::getenv("MANDATE_TEST_BACKEND");
  return backend && std::string(backend) == "postgresql";
}

// postgresql://user@host:port of the test cluster.
inline std::string postgresql_server() {
  const char* server = std::getenv("MANDATE_TEST_PG");
  if (!server || !*server)
    throw std::runtime_error(
        "MANDATE_TEST_PG is not set: run PostgreSQL tests through scripts/with-postgresql");
  return server;
}

// Runs SQL on the cluster's maintenance database; true when it succeeded.
inline bool psql(const std::string& database, const std::string& sql, bool quiet = false) {
  return run_command({"psql", postgresql_server() + "/" + database, "-q", "-v", "ON_ERROR_STOP=1",
                      "-c", sql},
                     quiet) == 0;
}

inline std::string unique_database_name(const std::string& prefix) {
  std::random_device rd;
  return prefix + std::to_string(::getpid()) + "_" + std::to_string(rd()) +
         std::to_string(rd() % 1000);
}

class TestDatabase {
 public:
  // A SQLite file named file_name in dir, or a PostgreSQL database: copied
  // from pg_template when given, else not created (the store creates it).
  TestDatabase(const TempDir& dir, const std::string& file_name,
               const std::string& pg_template = "") {
    if (!on_postgresql()) {
      location_ = dir.file(file_name);
      return;
    }
    name_ = unique_database_name("t_");
    location_ = postgresql_server() + "/" + name_;
    if (!pg_template.empty() &&
        !psql("postgres", "CREATE DATABASE " + name_ + " TEMPLATE " + pg_template))
      throw std::runtime_error("cannot create database " + name_ + " from " + pg_template);
  }
  ~TestDatabase() {
    if (!name_.empty())
      psql("postgres", "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)", true);
  }
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // What --db and open_store take.
  const std::string& location() const { return location_; }
  // The PostgreSQL database's name; empty on SQLite.
  const std::string& name() const { return name_; }

 private:
  std::string location_;
  std::string name_;
};

// A PostgreSQL database that `build` fills (given its location), kept on the
// cluster under name as a template for the tests' databases. Built once per
// cluster: the first test builds it under a file lock in lock_dir, the others
// find it (a test program of another lock_dir may build it at the same time:
// the second to finish drops its copy).
template <typename Build>
std::string postgresql_template(const std::string& name, const std::string& lock_dir, Build build) {
  auto exists = [&] {
    return psql("postgres",
                "DO $$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '" + name +
                    "') THEN RAISE EXCEPTION 'missing'; END IF; END$$",
                true);
  };
  if (exists())
    return name;
  const std::string lock_path = lock_dir + "/" + name + ".lock";
  const int fd = ::open(lock_path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0 || ::flock(fd, LOCK_EX) != 0)
    throw std::runtime_error("cannot lock " + lock_path);
  struct Unlock {
    int fd;
    ~Unlock() { ::close(fd); }
  } unlock{fd};
  if (exists())
    return name;
  const std::string partial = unique_database_name(name + "_");
  build(postgresql_server() + "/" + partial);
  if (!psql("postgres", "ALTER DATABASE " + partial + " RENAME TO " + name, true)) {
    // Test programs lock in their own directories: another one may have
    // built the same template meanwhile, and then this copy is not needed.
    psql("postgres", "DROP DATABASE IF EXISTS " + partial + " WITH (FORCE)", true);
    if (!exists())
      throw std::runtime_error("cannot keep the template database " + name);
  }
  return name;
}

}  // namespace mandate::test_support
