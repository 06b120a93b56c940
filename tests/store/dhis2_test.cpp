// DHIS2-compatible data exchange at the service level, against a SQLite store
// holding the Lạng Sơn demo: reading DHIS2's JSON and CSV, each idScheme,
// dryRun, each importStrategy, atomicMode, conflicts and their indexes, the
// summary, export filters, and the round trip export -> empty database ->
// import that gives the same values and the same counts.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "../support/test_database.hpp"
#include "core/dhis2_uid.hpp"
#include "core/error.hpp"
#include "io/dhis2_data_value_set.hpp"
#include "io/metadata_json.hpp"
#include "service/auth_service.hpp"
#include "service/dataset_service.hpp"
#include "service/dhis2_service.hpp"
#include "service/snapshot.hpp"
#include "store/store.hpp"

namespace {

using namespace mandate;
namespace d2 = io::dhis2;

core::Dataset demo_data() {
  std::ifstream in(MANDATE_DEMO_DATA);
  std::stringstream ss;
  ss << in.rdbuf();
  return io::read_metadata(ss.str());
}

const store::ChangeContext kCtx{"test", "2026-01-01T00:00:00Z"};

std::string uid_de(const std::string& code) {
  return core::dhis2_uid(core::kDhis2KindIndicator, code);
}
std::string uid_ou(const std::string& code) {
  return core::dhis2_uid(core::kDhis2KindUnit, code);
}

// A JSON data value set from {dataElement, period, orgUnit, value} rows.
struct Row {
  std::string de, pe, ou, value;
  std::string aoc = {};
  std::string comment = {};
};
std::string json_set(const std::vector<Row>& rows, const std::string& top = "") {
  boost::json::array values;
  for (const auto& r : rows) {
    boost::json::object o{
        {"dataElement", r.de}, {"period", r.pe}, {"orgUnit", r.ou}, {"value", r.value}};
    if (!r.aoc.empty())
      o["attributeOptionCombo"] = r.aoc;
    if (!r.comment.empty())
      o["comment"] = r.comment;
    values.push_back(std::move(o));
  }
  std::string body = boost::json::serialize(boost::json::object{{"dataValues", std::move(values)}});
  if (!top.empty())
    body = "{" + top + "," + body.substr(1);
  return body;
}

const d2::ImportConflict* conflict_with(const d2::ImportSummary& s, const std::string& code) {
  for (const auto& c : s.conflicts)
    if (c.error_code == code)
      return &c;
  return nullptr;
}

class Dhis2Test : public ::testing::Test {
 protected:
  void SetUp() override {
    store = store::open_store(db.location(), store::OpenMode::create_or_open);
    service::import_dataset(*store, demo_data(), kCtx);
    cache = std::make_unique<service::SnapshotCache>(*store);
  }

  service::Actor admin() const {
    return {{"admin", "LS", core::Role::admin}, "10.0.0.1", "2026-02-01T00:00:00Z"};
  }

  d2::ImportSummary import_json(const std::string& body, service::Dhis2ImportParams params = {},
                                const std::optional<service::Actor>& who = std::nullopt) {
    return service::dhis2_import(*store, *cache->get(), who.value_or(admin()), d2::read_json(body),
                                 params);
  }
  d2::ImportSummary import_csv(const std::string& body, service::Dhis2ImportParams params = {}) {
    return service::dhis2_import(*store, *cache->get(), admin(), d2::read_csv(body, std::nullopt),
                                 params);
  }

  std::optional<core::Value> stored(const std::string& ind, const std::string& unit,
                                    const std::string& period,
                                    core::ValueKind kind = core::ValueKind::official) {
    for (const auto& v : store->load().values)
      if (v.indicator == ind && v.unit == unit && v.period == period && v.kind == kind)
        return v;
    return std::nullopt;
  }

  std::vector<d2::DataValue> export_all(service::Dhis2ExportParams params = {}) {
    return service::dhis2_export(*store, *cache->get(), {"admin", "LS", core::Role::admin}, params);
  }

  test_support::TempDir dir;
  test_support::TestDatabase db{dir, "demo.db"};
  std::unique_ptr<store::Store> store;
  std::unique_ptr<service::SnapshotCache> cache;
};

// --- Reading the formats ----------------------------------------------------------

TEST(Dhis2Format, ReadsJsonWithTopLevelDefaultsAndExtraDhis2Keys) {
  const auto set = d2::read_json(R"({
    "dataSet": "pBOMPrpg1QX", "completeDate": "2022-01-17", "period": "2021",
    "orgUnit": "FDR6OMkpgHr", "attributeOptionCombo": "HllvX50cXC0",
    "idScheme": "code", "orgUnitIdScheme": "UID", "dryRun": true, "strategy": "UPDATE",
    "dataValues": [
      {"dataElement": "NEW_JOBS", "value": "2700", "comment": "c", "followup": false},
      {"dataElement": "NEW_JOBS", "period": "2020", "orgUnit": "x", "value": 12,
       "categoryOptionCombo": "HllvX50cXC0", "storedBy": "u", "created": "2021", "lastUpdated": "2021",
       "deleted": "true"}
    ]})");
  EXPECT_EQ(set.period, "2021");
  EXPECT_EQ(set.org_unit, "FDR6OMkpgHr");
  EXPECT_EQ(set.data_set, "pBOMPrpg1QX");
  EXPECT_EQ(set.options.id_scheme, d2::IdScheme::code);
  EXPECT_EQ(set.options.org_unit_id_scheme, d2::IdScheme::uid);
  EXPECT_EQ(set.options.dry_run, true);
  EXPECT_EQ(set.options.strategy, d2::ImportStrategy::update);
  ASSERT_EQ(set.values.size(), 2u);
  EXPECT_EQ(set.values[0].value, "2700");
  EXPECT_EQ(set.values[0].period, "");   // the default is applied by the import
  EXPECT_EQ(set.values[1].value, "12");  // a JSON number is taken as its text
  EXPECT_TRUE(set.values[1].deleted);
}

TEST(Dhis2Format, JsonIsStrictAboutUnknownKeysAndTypes) {
  auto code_of = [](const std::string& body) {
    try {
      d2::read_json(body);
    } catch (const core::Error& e) {
      return e.code() + "@" + e.field();
    }
    return std::string("ok");
  };
  EXPECT_EQ(code_of(R"({"dataValues": [], "bogus": 1})"), "json.unknown_key@bogus");
  EXPECT_EQ(code_of(R"({"dataValues": [{"dataElement": "A", "colour": "red"}]})"),
            "json.unknown_key@dataValues[0].colour");
  EXPECT_EQ(code_of(R"({"dataValues": [{"dataElement": 5}]})"),
            "json.expected_string@dataValues[0].dataElement");
  EXPECT_EQ(code_of(R"({"dataValues": [{"value": {"x": 1}}]})"),
            "json.expected_string@dataValues[0].value");
  EXPECT_EQ(code_of(R"({"dataValues": {}})"), "json.expected_array@dataValues");
  EXPECT_EQ(code_of(R"({"dataValues": [3]})"), "json.expected_object@dataValues[0]");
  EXPECT_EQ(code_of(R"({"idScheme": "ATTRIBUTE:abc"})"), "dhis2.id_scheme_invalid@idScheme");
  EXPECT_EQ(code_of(R"({"strategy": "SYNC"})"), "dhis2.import_strategy_invalid@importStrategy");
  EXPECT_EQ(code_of(R"([1, 2])"), "json.expected_object@body");
  EXPECT_EQ(code_of(R"({"dataValues": [)").substr(0, 11), "json.syntax");
  EXPECT_EQ(code_of(R"({"dataValues": []})"), "ok");
}

TEST(Dhis2Format, ReadsCsvWithOrWithoutHeader) {
  const std::string rows =
      "NEW_JOBS,2021,LS,,,2700,someone,2022-01-01,\"a comment, with a comma\",false\r\n"
      "\"NEW_JOBS\",\"2020\",\"LS\",\"HllvX50cXC0\",\"ESTIMATE\",\"12\"\n";
  const auto without = d2::read_csv(rows, std::nullopt);
  ASSERT_EQ(without.values.size(), 2u);
  EXPECT_EQ(without.values[0].comment, "a comment, with a comma");
  EXPECT_EQ(without.values[0].stored_by, "someone");
  EXPECT_EQ(without.values[1].attribute_option_combo, "ESTIMATE");
  EXPECT_EQ(without.values[1].comment, "");

  const std::string header =
      "dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,"
      "followup,deleted\n";
  EXPECT_EQ(d2::read_csv(header + rows, std::nullopt).values.size(), 2u);  // detected
  EXPECT_EQ(d2::read_csv("\xEF\xBB\xBF" + header + rows, std::nullopt).values.size(), 2u);
  // Told explicitly, as DHIS2's firstRowIsHeader.
  EXPECT_EQ(d2::read_csv(rows, true).values.size(), 1u);
  EXPECT_THROW(d2::read_csv(header + rows, false), core::Error);  // "followup" is no boolean
  // A quoted field may hold a line break.
  const auto multi = d2::read_csv("A,2021,LS,,,1,,,\"line 1\nline 2\"\n", std::nullopt);
  EXPECT_EQ(multi.values.at(0).comment, "line 1\nline 2");
  // deleted column.
  EXPECT_TRUE(d2::read_csv("A,2021,LS,,,,,,,false,TRUE\n", std::nullopt).values.at(0).deleted);
}

TEST(Dhis2Format, CsvErrors) {
  auto code_of = [](const std::string& body) {
    try {
      d2::read_csv(body, std::nullopt);
    } catch (const core::Error& e) {
      return e.code();
    }
    return std::string("ok");
  };
  EXPECT_EQ(code_of("A,2021,LS,,,1,,,,false,false,extra\n"), "dhis2.csv_too_many_columns");
  EXPECT_EQ(code_of("A,2021,LS,,,1,,,\"never closed\n"), "dhis2.csv_invalid");
  EXPECT_EQ(code_of("A,2021,\"L\"S,,,1\n"), "dhis2.csv_invalid");
  EXPECT_EQ(code_of("A,2021,LS,,,1,,,,maybe\n"), "dhis2.csv_boolean_invalid");
  EXPECT_EQ(code_of("A,2021,LS,,,\xFF\n"), "text.invalid_utf8");
  EXPECT_EQ(code_of(""), "ok");
}

TEST(Dhis2Format, WritesCsvThatReadsBack) {
  std::vector<d2::DataValue> values(2);
  values[0] = {"DE", "2021", "OU", "HllvX50cXC0", "HllvX50cXC0", "65.3", "admin",
               "",   "",     "",   false,         false};
  values[1] = values[0];
  values[1].comment = "có dấu phẩy, và \"ngoặc\"\nvà xuống dòng";
  const std::string csv = d2::write_csv(values);
  EXPECT_TRUE(
      csv.starts_with("dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,"
                      "lastupdated,comment,followup,deleted\r\n"));
  EXPECT_NE(csv.find("DE,2021,OU,HllvX50cXC0,HllvX50cXC0,65.3,admin,,,false,false\r\n"),
            std::string::npos);
  const auto back = d2::read_csv(csv, std::nullopt);
  ASSERT_EQ(back.values.size(), 2u);
  EXPECT_EQ(back.values[1].comment, values[1].comment);
}

TEST(Dhis2Format, NumbersAreWrittenPlainAndExact) {
  EXPECT_EQ(d2::number_text(65.3), "65.3");
  EXPECT_EQ(d2::number_text(61200000), "61200000");
  EXPECT_EQ(d2::number_text(3050000000000), "3050000000000");
  EXPECT_EQ(d2::number_text(0.05), "0.05");
  EXPECT_EQ(d2::number_text(-0.0), "0");
  EXPECT_EQ(d2::number_text(-2.5), "-2.5");
}

// --- Importing ------------------------------------------------------------------

TEST_F(Dhis2Test, ImportsByUidTheDefaultScheme) {
  const auto s =
      import_json(json_set({{uid_de("NEW_JOBS"), "2022", uid_ou("LS"), "2800"},
                            {uid_de("POOR_HOUSEHOLD_RATE"), "202203", uid_ou("LS-VT"), "0.45"}}));
  EXPECT_EQ(s.status, d2::ImportStatus::success);
  EXPECT_EQ(s.count.imported, 2u);
  EXPECT_EQ(s.count.updated + s.count.ignored + s.count.deleted, 0u);
  EXPECT_TRUE(s.conflicts.empty());
  EXPECT_EQ(stored("NEW_JOBS", "LS", "2022")->value, 2800);
  EXPECT_EQ(stored("POOR_HOUSEHOLD_RATE", "LS-VT", "202203")->value, 0.45);
  EXPECT_EQ(d2::http_status(s), 200);
}

TEST_F(Dhis2Test, ImportsByCodeAndByName) {
  service::Dhis2ImportParams by_code;
  by_code.id_scheme = d2::IdScheme::code;
  auto s = import_json(json_set({{"NEW_JOBS", "2022", "LS-VT", "30"}}), by_code);
  EXPECT_EQ(s.count.imported, 1u) << (s.conflicts.empty() ? "" : s.conflicts[0].message);

  // Specific schemes win over the general one.
  service::Dhis2ImportParams mixed;
  mixed.id_scheme = d2::IdScheme::code;
  mixed.org_unit_id_scheme = d2::IdScheme::uid;
  s = import_json(json_set({{"NEW_JOBS", "2023", uid_ou("LS-VT"), "31"}}), mixed);
  EXPECT_EQ(s.count.imported, 1u);

  // Names match after NFC and case folding: lower case, decomposed (NFD) Vietnamese.
  service::Dhis2ImportParams by_name;
  by_name.id_scheme = d2::IdScheme::name;
  s = import_json(json_set({{"SỐ LAO ĐỘNG ĐƯỢC GIẢI QUYẾT VIỆC LÀM MỚI", "2024",
                             "Phu\xcc\x9bo\xcc\x9b\xcc\x80ng Vi\xcc\x83nh Tra\xcc\xa3i", "32"}}),
                  by_name);
  EXPECT_EQ(s.count.imported, 1u) << (s.conflicts.empty() ? "" : s.conflicts[0].object);
  EXPECT_EQ(stored("NEW_JOBS", "LS-VT", "2024")->value, 32);

  // Two party cells are called "Chi bộ khối 3": a name that matches both is a conflict.
  s = import_json(
      json_set({{"Số lao động được giải quyết việc làm mới", "2024", "Chi bộ khối 3", "1"}}),
      by_name);
  ASSERT_EQ(s.conflicts.size(), 1u);
  EXPECT_EQ(s.conflicts[0].error_code, "E7612");
  EXPECT_EQ(s.conflicts[0].message, "dhis2.conflict.org_unit_ambiguous");
}

TEST_F(Dhis2Test, PayloadSchemesWinOverTheQuery) {
  service::Dhis2ImportParams query;
  query.id_scheme = d2::IdScheme::uid;
  const auto s =
      import_json(json_set({{"NEW_JOBS", "2022", "LS", "1"}}, R"("idScheme": "CODE")"), query);
  EXPECT_EQ(s.count.imported, 1u);
  EXPECT_EQ(s.data_element_id_scheme, d2::IdScheme::code);
}

TEST_F(Dhis2Test, TopLevelPeriodOrgUnitAndAttributeOptionComboAreDefaults) {
  const std::string body = R"({"period": "2022", "orgUnit": ")" + uid_ou("LS") +
                           R"(", "attributeOptionCombo": "ESTIMATE", "dataValues": [
      {"dataElement": ")" + uid_de("NEW_JOBS") +
                           R"(", "value": "2900"},
      {"dataElement": ")" + uid_de("NEW_JOBS") +
                           R"(", "period": "2023", "value": "3000",
       "attributeOptionCombo": "default"}]})";
  const auto s = import_json(body);
  EXPECT_EQ(s.count.imported, 2u);
  EXPECT_EQ(stored("NEW_JOBS", "LS", "2022", core::ValueKind::estimate)->value, 2900);
  EXPECT_EQ(stored("NEW_JOBS", "LS", "2023", core::ValueKind::official)->value, 3000);
}

TEST_F(Dhis2Test, EstimatesByCodeOrUid) {
  const std::string estimate_uid = core::dhis2_uid(core::kDhis2KindValueKind, "ESTIMATE");
  const auto s =
      import_json(json_set({{uid_de("NEW_JOBS"), "2022", uid_ou("LS"), "1", "ESTIMATE"},
                            {uid_de("NEW_JOBS"), "2023", uid_ou("LS"), "2", estimate_uid},
                            {uid_de("NEW_JOBS"), "2024", uid_ou("LS"), "3", "HllvX50cXC0"}}));
  EXPECT_EQ(s.count.imported, 3u);
  EXPECT_TRUE(stored("NEW_JOBS", "LS", "2022", core::ValueKind::estimate));
  EXPECT_TRUE(stored("NEW_JOBS", "LS", "2023", core::ValueKind::estimate));
  EXPECT_TRUE(stored("NEW_JOBS", "LS", "2024", core::ValueKind::official));
}

TEST_F(Dhis2Test, CsvImport) {
  const std::string csv =
      "dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment\n" +
      uid_de("NEW_JOBS") + ",2022," + uid_ou("LS") +
      ",HllvX50cXC0,HllvX50cXC0,2800,x,,\"ghi chú, có phẩy\"\n" + uid_de("NEW_JOBS") + ",2022," +
      uid_ou("NOWHERE") + ",,,1\n";
  service::Dhis2ImportParams none;
  none.atomic_mode = d2::AtomicMode::none;
  const auto s = import_csv(csv, none);
  EXPECT_EQ(s.status, d2::ImportStatus::warning);
  EXPECT_EQ(s.count.imported, 1u);
  EXPECT_EQ(s.count.ignored, 1u);
  ASSERT_EQ(s.conflicts.size(), 1u);
  EXPECT_EQ(s.conflicts[0].indexes, std::vector<size_t>{1});  // data rows, header not counted
  EXPECT_EQ(stored("NEW_JOBS", "LS", "2022")->comment, "ghi chú, có phẩy");
}

TEST_F(Dhis2Test, DryRunReportsCountsAndWritesNothing) {
  const auto before = io::write_metadata(store->load());
  const size_t audit_before = store->audit({}).size();
  service::Dhis2ImportParams dry;
  dry.dry_run = true;
  const auto s = import_json(json_set({{uid_de("NEW_JOBS"), "2022", uid_ou("LS"), "2800"},
                                       {uid_de("NEW_JOBS"), "2021", uid_ou("LS"), "2700"},
                                       {uid_de("NEW_JOBS"), "2020", uid_ou("LS"), "2410"}}),
                             dry);
  EXPECT_TRUE(s.dry_run);
  EXPECT_EQ(s.count.imported, 1u);
  EXPECT_EQ(s.count.updated, 1u);
  EXPECT_EQ(s.count.ignored, 1u);  // 2410 is what is stored already
  EXPECT_EQ(io::write_metadata(store->load()), before);
  EXPECT_EQ(store->audit({}).size(), audit_before);
  // The same without dryRun gives the same counts, and writes.
  const auto real = import_json(json_set({{uid_de("NEW_JOBS"), "2022", uid_ou("LS"), "2800"},
                                          {uid_de("NEW_JOBS"), "2021", uid_ou("LS"), "2700"},
                                          {uid_de("NEW_JOBS"), "2020", uid_ou("LS"), "2410"}}));
  EXPECT_EQ(real.count.imported, 1u);
  EXPECT_EQ(real.count.updated, 1u);
  EXPECT_EQ(real.count.ignored, 1u);
  EXPECT_EQ(stored("NEW_JOBS", "LS", "2021")->value, 2700);
}

TEST_F(Dhis2Test, DryRunFromThePayload) {
  const auto s =
      import_json(json_set({{uid_de("NEW_JOBS"), "2022", uid_ou("LS"), "1"}}, R"("dryRun": true)"));
  EXPECT_EQ(s.count.imported, 1u);
  EXPECT_FALSE(stored("NEW_JOBS", "LS", "2022"));
}

TEST_F(Dhis2Test, ImportStrategies) {
  const std::string body = json_set({{uid_de("NEW_JOBS"), "2022", uid_ou("LS"), "5"},     // new
                                     {uid_de("NEW_JOBS"), "2021", uid_ou("LS"), "2700"},  // changed
                                     {uid_de("NEW_JOBS"), "2020", uid_ou("LS"), "2410"}});  // same
  service::Dhis2ImportParams p;
  p.dry_run = true;

  p.strategy = d2::ImportStrategy::create;
  auto s = import_json(body, p);
  EXPECT_EQ(s.count.imported, 1u);
  EXPECT_EQ(s.count.updated, 0u);
  EXPECT_EQ(s.count.ignored, 2u);
  EXPECT_EQ(s.rejected_indexes, (std::vector<size_t>{1, 2}));

  p.strategy = d2::ImportStrategy::update;
  s = import_json(body, p);
  EXPECT_EQ(s.count.imported, 0u);
  EXPECT_EQ(s.count.updated, 1u);
  EXPECT_EQ(s.count.ignored, 2u);
  EXPECT_EQ(s.rejected_indexes, std::vector<size_t>{0});

  p.strategy = d2::ImportStrategy::create_and_update;
  s = import_json(body, p);
  EXPECT_EQ(s.count.imported, 1u);
  EXPECT_EQ(s.count.updated, 1u);
  EXPECT_EQ(s.count.ignored, 1u);
  EXPECT_TRUE(s.rejected_indexes.empty());

  p.strategy = d2::ImportStrategy::remove;
  p.dry_run = false;
  s = import_json(body, p);
  EXPECT_EQ(s.count.deleted, 2u);
  EXPECT_EQ(s.count.ignored, 1u);  // 2022 had nothing to delete
  EXPECT_FALSE(stored("NEW_JOBS", "LS", "2021"));
  EXPECT_FALSE(stored("NEW_JOBS", "LS", "2020"));
  EXPECT_EQ(s.status, d2::ImportStatus::success);
}

TEST_F(Dhis2Test, DeletedFlagDeletesUnderCreateAndUpdate) {
  const std::string body = R"({"dataValues": [{"dataElement": ")" + uid_de("NEW_JOBS") +
                           R"(", "period": "2021", "orgUnit": ")" + uid_ou("LS") +
                           R"(", "deleted": true}]})";
  const auto s = import_json(body);
  EXPECT_EQ(s.count.deleted, 1u);
  EXPECT_FALSE(stored("NEW_JOBS", "LS", "2021"));
}

TEST_F(Dhis2Test, AValueSentTwiceIsCreatedThenUpdated) {
  const std::string body = json_set({{uid_de("NEW_JOBS"), "2022", uid_ou("LS"), "1"},
                                     {uid_de("NEW_JOBS"), "2022", uid_ou("LS"), "2"}});
  service::Dhis2ImportParams dry;
  dry.dry_run = true;
  for (const auto& p : {dry, service::Dhis2ImportParams{}}) {
    const auto s = import_json(body, p);
    EXPECT_EQ(s.count.imported, 1u);
    EXPECT_EQ(s.count.updated, 1u);
  }
  EXPECT_EQ(stored("NEW_JOBS", "LS", "2022")->value, 2);
}

// One payload with every kind of problem, at known positions.
std::string troubled_body(const std::string& good_de, const std::string& good_ou) {
  return json_set({
      {good_de, "2022", good_ou, "2800"},                          // 0 fine
      {"NoSuchThing", "2022", good_ou, "1"},                       // 1 E7610
      {good_de, "2022", uid_ou("NOWHERE"), "1"},                   // 2 E7612
      {good_de, "2021Q5", good_ou, "1"},                           // 3 E7611
      {uid_de("BHYT_COVERAGE"), "2022", good_ou, "90"},            // 4 E7610 computed
      {good_de, "2023", good_ou, "nhiều"},                         // 5 E7619
      {uid_de("POOR_HOUSEHOLD_RATE"), "2022", good_ou, "150"},     // 6 E7619 range
      {"NoSuchThing", "2023", good_ou, "1"},                       // 7 E7610 again
      {good_de, "2024", good_ou, ""},                              // 8 E7618
      {good_de, "2024", good_ou, "1", "SOMETHING_ELSE"},           // 9 E7615
      {uid_de("NEW_JOBS"), "2025", good_ou, "-3"},                 // 10 E7619 count
      {uid_de("MILITARY_RECRUITMENT"), "2022", good_ou, "maybe"},  // 11 E7619 yes/no
      {uid_de("MILITARY_RECRUITMENT"), "2023", good_ou, "true"},   // 12 fine
      {good_de, "2026", good_ou, "1,5"},                           // 13 E7619
  });
}

TEST_F(Dhis2Test, ConflictsNameTheProblemAndTheIndexes) {
  service::Dhis2ImportParams none;
  none.atomic_mode = d2::AtomicMode::none;
  const auto s = import_json(troubled_body(uid_de("NEW_JOBS"), uid_ou("LS")), none);
  EXPECT_EQ(s.status, d2::ImportStatus::warning);
  EXPECT_EQ(d2::http_status(s), 409);
  EXPECT_EQ(s.count.imported, 2u);
  EXPECT_EQ(s.count.ignored, 12u);
  EXPECT_EQ(s.rejected_indexes, (std::vector<size_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13}));

  auto indexes_of = [&](const std::string& message) {
    std::vector<size_t> out;
    for (const auto& c : s.conflicts)
      if (c.message == message)
        out.insert(out.end(), c.indexes.begin(), c.indexes.end());
    return out;
  };
  // The same problem with the same object is one conflict listing both values.
  const auto* unknown_de = conflict_with(s, "E7610");
  ASSERT_TRUE(unknown_de);
  EXPECT_EQ(unknown_de->object, "NoSuchThing");
  EXPECT_EQ(unknown_de->property, "dataElement");
  EXPECT_EQ(unknown_de->indexes, (std::vector<size_t>{1, 7}));
  EXPECT_EQ(indexes_of("dhis2.conflict.org_unit_not_found"), std::vector<size_t>{2});
  EXPECT_EQ(conflict_with(s, "E7612")->object, uid_ou("NOWHERE"));
  EXPECT_EQ(indexes_of("dhis2.conflict.period_invalid"), std::vector<size_t>{3});
  EXPECT_EQ(conflict_with(s, "E7611")->object, "2021Q5");
  EXPECT_EQ(indexes_of("dhis2.conflict.data_element_computed"), std::vector<size_t>{4});
  EXPECT_EQ(indexes_of("dhis2.conflict.value_not_numeric"), (std::vector<size_t>{5, 13}));
  EXPECT_EQ(indexes_of("value.out_of_range"), std::vector<size_t>{6});
  EXPECT_EQ(indexes_of("dhis2.conflict.value_missing"), std::vector<size_t>{8});
  EXPECT_EQ(indexes_of("dhis2.conflict.attribute_option_combo_not_found"), std::vector<size_t>{9});
  EXPECT_EQ(indexes_of("value.not_count"), std::vector<size_t>{10});
  EXPECT_EQ(indexes_of("dhis2.conflict.value_not_boolean"), std::vector<size_t>{11});
  EXPECT_EQ(stored("MILITARY_RECRUITMENT", "LS", "2023")->value, 1);
  EXPECT_EQ(stored("NEW_JOBS", "LS", "2022")->value, 2800);
}

TEST_F(Dhis2Test, AtomicModeAllWritesNothingWhenAnythingConflicts) {
  const auto before = io::write_metadata(store->load());
  const auto s = import_json(troubled_body(uid_de("NEW_JOBS"), uid_ou("LS")));  // ALL: the default
  EXPECT_EQ(s.status, d2::ImportStatus::error);
  EXPECT_EQ(d2::http_status(s), 409);
  EXPECT_EQ(s.count.imported + s.count.updated + s.count.deleted, 0u);
  EXPECT_EQ(s.count.ignored, 14u);
  EXPECT_FALSE(s.conflicts.empty());
  EXPECT_EQ(io::write_metadata(store->load()), before);
}

TEST_F(Dhis2Test, CategoryOptionCombosOtherThanTheDefaultAreConflicts) {
  const std::string body = R"({"dataValues": [
    {"dataElement": ")" + uid_de("NEW_JOBS") +
                           R"(", "period": "2022", "orgUnit": ")" + uid_ou("LS") +
                           R"(", "categoryOptionCombo": "default", "value": "1"},
    {"dataElement": ")" + uid_de("NEW_JOBS") +
                           R"(", "period": "2023", "orgUnit": ")" + uid_ou("LS") +
                           R"(", "categoryOptionCombo": "HllvX50cXC0", "value": "1"},
    {"dataElement": ")" + uid_de("NEW_JOBS") +
                           R"(", "period": "2024", "orgUnit": ")" + uid_ou("LS") +
                           R"(", "categoryOptionCombo": "Prlt0C1RF0s", "value": "1"}]})";
  service::Dhis2ImportParams none;
  none.atomic_mode = d2::AtomicMode::none;
  const auto s = import_json(body, none);
  EXPECT_EQ(s.count.imported, 2u);
  ASSERT_EQ(s.conflicts.size(), 1u);
  EXPECT_EQ(s.conflicts[0].error_code, "E7613");
  EXPECT_EQ(s.conflicts[0].indexes, std::vector<size_t>{2});
}

TEST_F(Dhis2Test, UnitsOutsideTheCallersScopeAreConflicts) {
  const service::Actor ward_reporter{
      {"vt", "LS-VT", core::Role::reporter}, "", "2026-02-01T00:00:00Z"};
  service::Dhis2ImportParams none;
  none.atomic_mode = d2::AtomicMode::none;
  const auto s = import_json(json_set({{uid_de("NEW_JOBS"), "2022", uid_ou("LS-VT"), "5"},
                                       {uid_de("NEW_JOBS"), "2022", uid_ou("LS-DK"), "6"},
                                       {uid_de("NEW_JOBS"), "2022", uid_ou("LS"), "7"}}),
                             none, ward_reporter);
  EXPECT_EQ(s.count.imported, 1u);
  const auto* c = conflict_with(s, "E7617");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->property, "orgUnit");
  EXPECT_EQ(s.conflicts.size(), 2u);  // one per unit
  EXPECT_FALSE(stored("NEW_JOBS", "LS-DK", "2022"));
  EXPECT_TRUE(stored("NEW_JOBS", "LS-VT", "2022"));
}

TEST_F(Dhis2Test, AViewerMayNotImportAtAll) {
  const service::Actor viewer{{"v", "LS", core::Role::viewer}, "", "2026-02-01T00:00:00Z"};
  try {
    import_json(json_set({{uid_de("NEW_JOBS"), "2022", uid_ou("LS"), "5"}}), {}, viewer);
    FAIL() << "expected an error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.category(), core::ErrorCategory::permission);
  }
}

TEST_F(Dhis2Test, EveryChangeIsAudited) {
  import_json(
      json_set({{uid_de("NEW_JOBS"), "2022", uid_ou("LS"), "1"},
                {uid_de("NEW_JOBS"), "2021", uid_ou("LS"), "2"},
                {uid_de("NEW_JOBS"), "2020", uid_ou("LS"), "2410"}}));  // unchanged: no entry
  store::AuditFilter f;
  f.actor = "admin";
  const auto entries = store->audit(f);
  ASSERT_EQ(entries.size(), 2u);
  std::set<std::string> seen;
  for (const auto& e : entries) {
    EXPECT_EQ(e.entity, "value");
    EXPECT_EQ(e.address, "10.0.0.1");
    seen.insert(e.action + " " + e.entity_key);
  }
  EXPECT_TRUE(seen.contains("create NEW_JOBS/LS/2022/official"));
  EXPECT_TRUE(seen.contains("update NEW_JOBS/LS/2021/official"));
  // History records the writer.
  EXPECT_EQ(store->value_history("NEW_JOBS", "LS", "2021").back().actor, "admin");
}

TEST_F(Dhis2Test, CommentsAreNormalised) {
  // "Ghi chú" decomposed (NFD) and with runs of spaces.
  import_json(
      json_set({{uid_de("NEW_JOBS"), "2022", uid_ou("LS"), "1", "", "Ghi  chu\xcc\x81  "}}));
  EXPECT_EQ(stored("NEW_JOBS", "LS", "2022")->comment, "Ghi chú");
}

TEST_F(Dhis2Test, SummaryAsDhis2WebMessage) {
  service::Dhis2ImportParams none;
  none.atomic_mode = d2::AtomicMode::none;
  const auto s = import_json(json_set({{uid_de("NEW_JOBS"), "2022", uid_ou("LS"), "1"},
                                       {"NoSuchThing", "2022", uid_ou("LS"), "1"}}),
                             none);
  namespace json = boost::json;
  auto text = [](const json::value& v) { return std::string(v.as_string()); };
  auto number = [](const json::value& v) { return v.to_number<long long>(); };
  auto numbers = [&](const json::value& v) {
    std::vector<long long> out;
    for (const auto& x : v.as_array())
      out.push_back(number(x));
    return out;
  };
  const json::object m = d2::to_web_message(s, core::Lang::en);
  EXPECT_EQ(text(m.at("httpStatus")), "Conflict");
  EXPECT_EQ(number(m.at("httpStatusCode")), 409);
  EXPECT_EQ(text(m.at("status")), "WARNING");
  const auto& r = m.at("response").as_object();
  EXPECT_EQ(text(r.at("responseType")), "ImportSummary");
  EXPECT_EQ(text(r.at("status")), "WARNING");
  const auto& count = r.at("importCount").as_object();
  EXPECT_EQ(number(count.at("imported")), 1);
  EXPECT_EQ(number(count.at("ignored")), 1);
  EXPECT_EQ(number(count.at("updated")), 0);
  EXPECT_EQ(number(count.at("deleted")), 0);
  const auto& c = r.at("conflicts").as_array().at(0).as_object();
  EXPECT_EQ(text(c.at("object")), "NoSuchThing");
  EXPECT_EQ(text(c.at("objects").as_object().at("dataElement")), "NoSuchThing");
  EXPECT_EQ(text(c.at("errorCode")), "E7610");
  EXPECT_EQ(text(c.at("property")), "dataElement");
  EXPECT_EQ(text(c.at("value")), "Data element not found or not accessible: `NoSuchThing`");
  EXPECT_EQ(numbers(c.at("indexes")), std::vector<long long>{1});
  EXPECT_EQ(numbers(r.at("rejectedIndexes")), std::vector<long long>{1});
  EXPECT_EQ(text(r.at("importOptions").as_object().at("importStrategy")), "CREATE_AND_UPDATE");
  // And in Vietnamese.
  const json::object vi = d2::to_web_message(s, core::Lang::vi);
  EXPECT_EQ(
      text(vi.at("response").as_object().at("conflicts").as_array().at(0).as_object().at("value")),
      "Không tìm thấy chỉ tiêu (dataElement) `NoSuchThing`");

  const json::object ok = d2::to_web_message(
      import_json(json_set({{uid_de("NEW_JOBS"), "2023", uid_ou("LS"), "1"}})), core::Lang::en);
  EXPECT_EQ(text(ok.at("httpStatus")), "OK");
  EXPECT_EQ(number(ok.at("httpStatusCode")), 200);
  EXPECT_EQ(text(ok.at("status")), "OK");
  EXPECT_EQ(text(ok.at("response").as_object().at("status")), "SUCCESS");
}

// --- Exporting ------------------------------------------------------------------

TEST_F(Dhis2Test, ExportsEveryValueByDefaultWithUidsAndHistory) {
  const auto values = export_all();
  EXPECT_EQ(values.size(), demo_data().values.size());
  const auto it = std::find_if(values.begin(), values.end(), [](const d2::DataValue& d) {
    return d.data_element == uid_de("INCOME_PER_CAPITA") && d.period == "2021";
  });
  ASSERT_NE(it, values.end());
  EXPECT_EQ(it->org_unit, uid_ou("LS"));
  EXPECT_EQ(it->value, "65300000");
  EXPECT_EQ(it->category_option_combo, "HllvX50cXC0");
  EXPECT_EQ(it->attribute_option_combo, "HllvX50cXC0");
  EXPECT_EQ(it->comment, "Nguồn: Báo Lạng Sơn, 17/01/2022.");
  EXPECT_EQ(it->stored_by, "test");
  EXPECT_EQ(it->created, kCtx.at);
  EXPECT_EQ(it->last_updated, kCtx.at);
  // A yes/no indicator exports as DHIS2's BOOLEAN, an estimate with its combo.
  for (const auto& d : values) {
    if (d.data_element == uid_de("MILITARY_RECRUITMENT")) {
      EXPECT_EQ(d.value, "true");
    }
    if (d.data_element == uid_de("BUDGET_REVENUE") && d.period == "2021") {
      EXPECT_EQ(d.attribute_option_combo, core::dhis2_uid(core::kDhis2KindValueKind, "ESTIMATE"));
    }
  }
}

TEST_F(Dhis2Test, ExportFilters) {
  service::Dhis2ExportParams p;
  p.org_units = {uid_ou("LS-VT")};
  // LS-VT's own values: 3 of 2021, complaints received and resolved 2022-2025S1.
  EXPECT_EQ(export_all(p).size(), 3u + 8u);
  p.org_units = {"LS"};  // a code works too
  EXPECT_EQ(export_all(p).size(), 37u);
  p.children = true;  // with every ward's complaints of 2022-2025 (72)
  EXPECT_EQ(export_all(p).size(), 40u + 72u);
  p.periods = {"2020"};
  const auto y2020 = export_all(p);
  EXPECT_FALSE(y2020.empty());
  for (const auto& d : y2020)
    EXPECT_EQ(d.period, "2020");
  p.periods.clear();
  p.start_date = "2021-01-01";
  p.end_date = "2021-12-31";
  for (const auto& d : export_all(p))
    EXPECT_EQ(d.period, "2021");
  p.start_date = p.end_date = "";
  p.data_elements = {uid_de("NEW_JOBS"), "POPULATION"};
  EXPECT_EQ(export_all(p).size(), 4u);
  p.data_elements.clear();
  p.attribute_option_combos = {"ESTIMATE"};
  EXPECT_EQ(export_all(p).size(), 2u);
  p.attribute_option_combos.clear();

  p.data_element_id_scheme = d2::IdScheme::code;
  p.org_unit_id_scheme = d2::IdScheme::name;
  p.category_option_combo_id_scheme = d2::IdScheme::code;
  p.org_units = {uid_ou("LS-VT")};
  p.children = false;
  const auto named = export_all(p);
  ASSERT_FALSE(named.empty());
  EXPECT_EQ(named[0].org_unit, "Phường Vĩnh Trại");
  EXPECT_EQ(named[0].data_element, "BUDGET_REVENUE");
  EXPECT_EQ(named[0].attribute_option_combo, "ESTIMATE");
  EXPECT_EQ(named[0].category_option_combo, "default");
}

TEST_F(Dhis2Test, ExportOnlyWhatTheCallerMayRead) {
  const core::Principal ward{"vt", "LS-VT", core::Role::viewer};
  // Without orgUnit: the caller's own subtree.
  const auto own = service::dhis2_export(*store, *cache->get(), ward, {});
  EXPECT_EQ(own.size(), 3u + 8u);
  service::Dhis2ExportParams p;
  p.org_units = {uid_ou("LS")};
  try {
    service::dhis2_export(*store, *cache->get(), ward, p);
    FAIL() << "expected an error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.category(), core::ErrorCategory::permission);
  }
  p.org_units = {"NOWHERE"};
  EXPECT_THROW(service::dhis2_export(*store, *cache->get(), ward, p), core::Error);
  p.org_units.clear();
  p.periods = {"2021Q5"};
  EXPECT_THROW(service::dhis2_export(*store, *cache->get(), ward, p), core::Error);
}

// --- The round trip: export -> empty database -> import ------------------------

struct Cell {
  std::string indicator, unit, period;
  core::ValueKind kind;
  double value;
  std::string comment;
  auto operator<=>(const Cell&) const = default;
};

std::vector<Cell> cells_of(const core::Dataset& d) {
  std::vector<Cell> out;
  for (const auto& v : d.values)
    out.push_back({v.indicator, v.unit, v.period, v.kind, v.value, v.comment});
  std::sort(out.begin(), out.end());
  return out;
}

TEST_F(Dhis2Test, RoundTripIntoAnEmptyDatabaseGivesTheSameValuesAndCounts) {
  for (const bool csv : {false, true}) {
    SCOPED_TRACE(csv ? "CSV" : "JSON");
    const auto exported = export_all();
    const std::string text = csv ? d2::write_csv(exported) : d2::write_json(exported);

    // An empty database with only the metadata: units, fields, scales, indicators, and
    // the plan with the resolution it comes from.
    core::Dataset meta = demo_data();
    meta.targets.clear();
    meta.values.clear();
    meta.tasks.clear();
    meta.task_ratings.clear();
    meta.activities.clear();
    test_support::TestDatabase other_db(dir, csv ? "csv.db" : "json.db");
    auto other = store::open_store(other_db.location(), store::OpenMode::create_or_open);
    service::import_dataset(*other, meta, kCtx);
    service::SnapshotCache other_cache(*other);

    const auto set = csv ? d2::read_csv(text, std::nullopt) : d2::read_json(text);
    const auto s = service::dhis2_import(*other, *other_cache.get(), admin(), set, {});
    EXPECT_EQ(s.status, d2::ImportStatus::success);
    EXPECT_EQ(s.count.imported, exported.size());
    EXPECT_EQ(s.count.updated + s.count.ignored + s.count.deleted, 0u);
    EXPECT_TRUE(s.conflicts.empty());
    EXPECT_EQ(cells_of(other->load()), cells_of(store->load()));

    // Exported again, the new database gives the same document (but for who stored it, when).
    auto again =
        service::dhis2_export(*other, *other_cache.get(), {"admin", "LS", core::Role::admin}, {});
    ASSERT_EQ(again.size(), exported.size());
    for (size_t i = 0; i < again.size(); ++i) {
      EXPECT_EQ(again[i].stored_by, "admin");
      auto a = again[i], b = exported[i];
      a.stored_by = b.stored_by = a.created = b.created = a.last_updated = b.last_updated = "";
      EXPECT_EQ(d2::write_json({a}), d2::write_json({b}));
    }
    // And importing the same file again changes nothing: every value ignored.
    const auto second = service::dhis2_import(*other, *other_cache.get(), admin(), set, {});
    EXPECT_EQ(second.count.ignored, exported.size());
    EXPECT_EQ(second.count.imported + second.count.updated, 0u);
  }
}

// --- Uids --------------------------------------------------------------------------

TEST_F(Dhis2Test, DemoUidsAreWellFormedAndDistinct) {
  const auto data = demo_data();
  std::set<std::string> uids;
  size_t n = 0;
  for (const auto& u : data.units) {
    uids.insert(uid_ou(u.code));
    EXPECT_TRUE(core::is_dhis2_uid(uid_ou(u.code)));
    ++n;
  }
  for (const auto& i : data.indicators) {
    uids.insert(uid_de(i.code));
    EXPECT_TRUE(core::is_dhis2_uid(uid_de(i.code)));
    ++n;
  }
  uids.insert(core::dhis2_uid(core::kDhis2KindValueKind, "ESTIMATE"));
  uids.insert(std::string(core::kDhis2DefaultComboUid));
  EXPECT_EQ(uids.size(), n + 2);
  // Stable: the export of two separate loads names everything alike.
  EXPECT_EQ(d2::write_json(export_all()), d2::write_json(export_all()));
}

// --- HTTP Basic authentication (the service part) -----------------------------------

TEST_F(Dhis2Test, BasicCredentialsDecode) {
  // "admin:district" and a password holding a colon.
  auto c = service::basic_credentials("YWRtaW46ZGlzdHJpY3Q=");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->first, "admin");
  EXPECT_EQ(c->second, "district");
  c = service::basic_credentials("dTphOmI=");  // "u:a:b"
  ASSERT_TRUE(c);
  EXPECT_EQ(c->second, "a:b");
  EXPECT_FALSE(service::basic_credentials("not base64!"));
  EXPECT_FALSE(service::basic_credentials("bm9jb2xvbg=="));  // "nocolon"
  EXPECT_FALSE(service::basic_credentials(""));
}

TEST_F(Dhis2Test, BasicAuthChecksLikeALoginAndLocksOut) {
  auto now = service::from_iso("2026-03-01T08:00:00Z");
  service::AuthService auth(*store, [&] { return now; });
  auth.add_user("nhap_lieu", "Người nhập liệu", "LS-VT", core::Role::reporter, "mat-khau-dai",
                "test");
  const auto who = auth.from_basic("nhap_lieu", "mat-khau-dai", "10.0.0.2");
  EXPECT_EQ(who.principal.unit, "LS-VT");
  EXPECT_EQ(who.principal.role, core::Role::reporter);
  EXPECT_TRUE(who.csrf_token.empty());
  EXPECT_TRUE(who.session_hash.empty());

  auto code_of = [&](const std::string& password) {
    try {
      auth.from_basic("nhap_lieu", password, "10.0.0.2");
    } catch (const core::Error& e) {
      return e.code();
    }
    return std::string("ok");
  };
  EXPECT_EQ(code_of("sai"), "auth.bad_credentials");
  EXPECT_EQ(store->find_user("nhap_lieu")->failed_logins, 1);
  EXPECT_EQ(code_of("mat-khau-dai"), "ok");  // a success clears the count
  EXPECT_EQ(store->find_user("nhap_lieu")->failed_logins, 0);
  for (int i = 0; i < 4; ++i)
    EXPECT_EQ(code_of("sai"), "auth.bad_credentials");
  EXPECT_EQ(code_of("sai"), "auth.locked");           // the fifth failure locks
  EXPECT_EQ(code_of("mat-khau-dai"), "auth.locked");  // even the right password, for now
  now += std::chrono::minutes(16);
  EXPECT_EQ(code_of("mat-khau-dai"), "ok");
  EXPECT_EQ(code_of("x"), "auth.bad_credentials");
  EXPECT_THROW(auth.from_basic("nobody", "whatever-long", ""), core::Error);
}

}  // namespace
