#pragma once
// The accounts black-box tests and harnesses sign in with: one per role, made
// with `mandate user add` on the server's database.
#include <cstdio>
#include <stdexcept>
#include <string>

namespace mandate::test_support {

struct Account {
  const char* username;
  const char* unit;
  const char* role;
};

// Scopes: LS is the city (root), LS-VT and LS-CL are wards.
inline constexpr Account kAccounts[] = {
    {"admin", "LS", "admin"},          {"planner", "LS", "planner"},
    {"reporter", "LS-VT", "reporter"}, {"approver", "LS-VT", "approver"},
    {"viewer", "LS-VT", "viewer"},     {"wardadmin", "LS-VT", "admin"},
};
inline constexpr const char* kPassword = "mật-khẩu-đủ-dài";

// Adds the account to db (a file or a postgresql:// location); throws when
// `mandate user add` fails.
inline void add_user(const std::string& binary, const std::string& db, const Account& a) {
  const std::string cmd = binary + " user add --db '" + db + "' --username " + a.username +
                          " --unit " + a.unit + " --role " + a.role + " >/dev/null";
  FILE* p = popen(cmd.c_str(), "w");
  if (!p)
    throw std::runtime_error("cannot run " + cmd);
  std::fputs(kPassword, p);
  std::fputs("\n", p);
  if (pclose(p) != 0)
    throw std::runtime_error("failed: " + cmd);
}

}  // namespace mandate::test_support
