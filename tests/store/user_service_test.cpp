// The account rule no request over HTTP can reach alone (an administrator
// cannot demote themselves, so a second one is always there when one is
// demoted): the root unit keeps an active administrator, even against the
// command line's actor, which is no account.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "../support/test_database.hpp"
#include "core/error.hpp"
#include "io/metadata_json.hpp"
#include "service/auth_service.hpp"
#include "service/dataset_service.hpp"
#include "service/user_service.hpp"

namespace {

using namespace mandate;

class UserService : public ::testing::Test {
 protected:
  void SetUp() override {
    store = store::open_store(db.location(), store::OpenMode::create_or_open);
    std::ifstream in(MANDATE_DEMO_DATA);
    std::stringstream ss;
    ss << in.rdbuf();
    service::import_dataset(*store, io::read_metadata(ss.str()), {"test", kAt});
    tree = std::make_unique<core::UnitTree>(store->load().units);
    auth = std::make_unique<service::AuthService>(*store, [] { return service::from_iso(kAt); });
    auth->add_user("root", "", "LS", core::Role::admin, "mật-khẩu-đủ-dài", "test");
  }
  store::UserRecord change(const std::string& username, const service::UserChange& c) {
    const auto etag = service::user_etag(*store->find_user(username));
    return service::update_user(*store, *tree, actor, username, c, etag);
  }

  static constexpr const char* kAt = "2026-01-01T00:00:00Z";
  test_support::TempDir dir;
  test_support::TestDatabase db{dir, "users.db"};
  std::unique_ptr<store::Store> store;
  std::unique_ptr<core::UnitTree> tree;
  std::unique_ptr<service::AuthService> auth;
  const service::Actor actor{{"cli", "LS", core::Role::admin}, "", kAt};
};

service::UserChange role(core::Role r) {
  service::UserChange c;
  c.role = r;
  return c;
}
service::UserChange unit(const std::string& u) {
  service::UserChange c;
  c.unit = u;
  return c;
}
service::UserChange switched_off() {
  service::UserChange c;
  c.active = false;
  return c;
}

TEST_F(UserService, TheRootUnitKeepsAnActiveAdministrator) {
  for (const auto& c : {role(core::Role::planner), unit("LS-VT"), switched_off()}) {
    try {
      change("root", c);
      FAIL() << "the last administrator of the root unit was removed";
    } catch (const core::Error& e) {
      EXPECT_EQ(e.code(), "user.last_root_admin");
    }
  }
  EXPECT_EQ(store->find_user("root")->role, core::Role::admin);

  // With a second one, either may go.
  auth->add_user("root2", "", "LS", core::Role::admin, "mật-khẩu-đủ-dài", "test");
  EXPECT_EQ(change("root", role(core::Role::planner)).role, core::Role::planner);
  EXPECT_THROW(change("root2", switched_off()), core::Error);
}

}  // namespace
