// The metadata format: strict reading (every error with its path), NFC
// storage, and writing that reads back to the same file.
#include "io/metadata_json.hpp"

#include <gtest/gtest.h>

#include <string>

#include "../support/sample_dataset.hpp"
#include "core/error.hpp"
#include "io/json_reader.hpp"

namespace {

using namespace mandate;

// A file with the given records after the header, e.g. R"("units": [...])".
std::string file_with(const std::string& body) {
  std::string out = R"({"format": "mandate-metadata", "version": 1)";
  if (!body.empty())
    out += ", " + body;
  return out + "}";
}

const std::string kUnit = R"({"code": "LS", "name": "Thành phố Lạng Sơn", "type": "city"})";

// Reads text and expects Error(invalid_input, code) at field; returns it.
core::Error expect_rejected(const std::string& text, const std::string& code,
                            const std::string& field) {
  try {
    io::read_metadata(text);
  } catch (const core::Error& e) {
    EXPECT_EQ(e.category(), core::ErrorCategory::invalid_input) << e.code();
    EXPECT_EQ(e.code(), code) << e.what();
    EXPECT_EQ(e.field(), field) << e.code();
    return e;
  }
  ADD_FAILURE() << "accepted; expected " << code << " at " << field;
  return core::Error(core::ErrorCategory::internal, "none");
}

// --- Header and syntax ---------------------------------------------------------

TEST(ReadMetadata, MinimalFileIsEmpty) {
  core::Dataset d = io::read_metadata(file_with(""));
  EXPECT_TRUE(d.units.empty());
  EXPECT_TRUE(d.indicators.empty());
  EXPECT_TRUE(d.documents.empty());
  EXPECT_EQ(d.note, "");
}

TEST(ReadMetadata, SyntaxErrorGivesLineAndColumn) {
  // Line 3 lacks the comma after "city"; the parser stops at the next key, in column 3.
  const std::string text =
      "{\"format\": \"mandate-metadata\", \"version\": 1,\n"
      " \"units\": [{\"code\": \"LS\", \"type\": \"city\"\n"
      "  \"name\": \"x\"}]}";
  core::Error e = expect_rejected(text, "json.syntax", "");
  ASSERT_EQ(e.args().size(), 3u);
  EXPECT_EQ(e.args()[0], "3");
  EXPECT_EQ(e.args()[1], "3");
  EXPECT_FALSE(e.args()[2].empty());  // the parser's reason
  EXPECT_NE(e.message(core::Lang::en).find("line 3, column 3"), std::string::npos);
  EXPECT_NE(e.message(core::Lang::vi).find("dòng 3, cột 3"), std::string::npos);
}

TEST(ReadMetadata, SyntaxErrorColumnsCountCharactersNotBytes) {
  // "Thành phố" has two non-ASCII letters before the stray character.
  const std::string text = "{\"note\": \"Thành phố\" x}";
  core::Error e = expect_rejected(text, "json.syntax", "");
  EXPECT_EQ(e.args()[0], "1");
  EXPECT_EQ(e.args()[1], "22");
}

TEST(ReadMetadata, TruncatedAndEmptyInput) {
  expect_rejected("", "json.syntax", "");
  expect_rejected(R"({"format": "mandate-metadata", "version": 1, "units": [)", "json.syntax", "");
  expect_rejected(file_with("") + " trailing", "json.syntax", "");
}

TEST(ReadMetadata, NotAMandateFile) {
  expect_rejected("{}", "metadata.format", "");
  expect_rejected(R"({"format": "dhis2", "version": 1})", "metadata.format", "");
  expect_rejected(R"({"format": "mandate-metadata", "version": 2})", "metadata.format", "");
  expect_rejected(R"({"format": "mandate-metadata"})", "metadata.format", "");
}

TEST(ReadMetadata, RootMustBeAnObject) {
  expect_rejected("[1, 2]", "json.expected_object", "");
  expect_rejected("\"mandate\"", "json.expected_object", "");
}

// --- Keys and types ------------------------------------------------------------

TEST(ReadMetadata, UnknownKeyWithPath) {
  core::Error e = expect_rejected(
      file_with(
          R"("units": [{"code": "LS", "name": "Lạng Sơn", "type": "city", "colour": "red"}])"),
      "json.unknown_key", "units[0].colour");
  EXPECT_EQ(e.args(), std::vector<std::string>{"units[0].colour"});
  expect_rejected(file_with(R"("unit": [])"), "json.unknown_key", "unit");
  expect_rejected(
      file_with(
          R"("ratingScales": [{"code": "t", "name": "T", "levels": [{"code": "a", "name": "A", "rank": 1}]}])"),
      "json.unknown_key", "ratingScales[0].levels[0].rank");
}

TEST(ReadMetadata, UnknownKeyInLaterRecord) {
  expect_rejected(file_with(R"("units": [)" + kUnit +
                            R"(, {"code": "VT", "name": "Phường Vĩnh Trại", "type": "ward",
                                  "parent": "LS", "Parent": "LS"}])"),
                  "json.unknown_key", "units[1].Parent");
}

TEST(ReadMetadata, WrongTypes) {
  expect_rejected(file_with(R"("units": [{"code": "LS", "name": 5, "type": "city"}])"),
                  "json.expected_string", "units[0].name");
  expect_rejected(file_with(R"("units": {"code": "LS"})"), "json.expected_array", "units");
  expect_rejected(file_with(R"("units": ["LS"])"), "json.expected_object", "units[0]");
  expect_rejected(
      file_with(R"("units": [{"code": "LS", "name": "x", "type": "city", "groups": ["a", 1]}])"),
      "json.expected_string", "units[0].groups[1]");
  expect_rejected(
      file_with(R"("units": [{"code": "LS", "name": "x", "type": "city", "illustrative": "yes"}])"),
      "json.expected_bool", "units[0].illustrative");
  expect_rejected(
      file_with(
          R"("values": [{"indicator": "A", "unit": "LS", "period": "2021", "kind": "official", "value": "65,3"}])"),
      "json.expected_number", "values[0].value");
  expect_rejected(
      file_with(
          R"("indicators": [{"code": "A", "name": "A", "valueType": "number", "direction": "higher_is_better", "aggregation": "sum", "decimals": 1.5}])"),
      "json.expected_integer", "indicators[0].decimals");
  expect_rejected(file_with(R"("note": ["a"])"), "json.expected_string", "note");
}

TEST(ReadMetadata, MissingKey) {
  core::Error e = expect_rejected(file_with(R"("units": [{"code": "LS", "type": "city"}])"),
                                  "json.missing_key", "units[0].name");
  EXPECT_EQ(e.args(), std::vector<std::string>{"units[0].name"});
  expect_rejected(
      file_with(
          R"("values": [{"indicator": "A", "unit": "LS", "period": "2021", "kind": "official"}])"),
      "json.missing_key", "values[0].value");
  expect_rejected(
      file_with(
          R"("activities": [{"code": "S1", "kind": "study_session", "name": "x", "unit": "LS"}])"),
      "json.missing_key", "activities[0].date");
}

TEST(ReadMetadata, NullCountsAsMissing) {
  expect_rejected(file_with(R"("units": [{"code": "LS", "name": null, "type": "city"}])"),
                  "json.missing_key", "units[0].name");
  core::Dataset d = io::read_metadata(
      file_with(R"("units": [{"code": "LS", "name": "x", "type": "city", "parent": null}])"));
  EXPECT_EQ(d.units[0].parent_code, "");
}

TEST(ReadMetadata, BadEnumValues) {
  core::Error e =
      expect_rejected(file_with(R"("units": [{"code": "LS", "name": "x", "type": "town"}])"),
                      "unit_type.invalid", "units[0].type");
  ASSERT_EQ(e.args().size(), 2u);
  EXPECT_EQ(e.args()[0], "town");
  expect_rejected(
      file_with(
          R"("indicators": [{"code": "A", "name": "A", "valueType": "ratio", "direction": "higher_is_better", "aggregation": "sum"}])"),
      "value_type.invalid", "indicators[0].valueType");
  expect_rejected(
      file_with(
          R"("indicators": [{"code": "A", "name": "A", "valueType": "number", "direction": "up", "aggregation": "sum"}])"),
      "direction.invalid", "indicators[0].direction");
  expect_rejected(
      file_with(
          R"("values": [{"indicator": "A", "unit": "LS", "period": "2021", "kind": "final", "value": 1}])"),
      "value_kind.invalid", "values[0].kind");
  expect_rejected(
      file_with(
          R"("documents": [{"code": "D", "kind": "letter", "title": "x", "date": "2021-01-01", "issuer": "LS"}])"),
      "document_kind.invalid", "documents[0].kind");
  expect_rejected(file_with(R"("tasks": [{"code": "T", "name": "x", "status": "done"}])"),
                  "task_status.invalid", "tasks[0].status");
}

TEST(ReadMetadata, BadDate) {
  core::Error e = expect_rejected(
      file_with(
          R"("units": [{"code": "LS", "name": "x", "type": "city", "validFrom": "2021-02-30"}])"),
      "date.invalid", "units[0].validFrom");
  EXPECT_EQ(e.args(), std::vector<std::string>{"2021-02-30"});
  expect_rejected(
      file_with(
          R"("documents": [{"code": "D", "kind": "plan", "title": "x", "date": "30/4/2021", "issuer": "LS"}])"),
      "date.invalid", "documents[0].date");
}

// --- Text ----------------------------------------------------------------------

TEST(ReadMetadata, InvalidUtf8InAString) {
  // A lone continuation byte inside a name: the JSON parser refuses it, with its place.
  const std::string text =
      file_with("\"units\": [{\"code\": \"LS\", \"name\": \"L\x80ng\", \"type\": \"city\"}]");
  core::Error e = expect_rejected(text, "json.syntax", "");
  EXPECT_EQ(e.args()[0], "1");
  // A byte sequence cut short at the end of a string.
  expect_rejected(file_with("\"note\": \"Th\xC3\""), "json.syntax", "");
}

TEST(ReadMetadata, LoneSurrogateEscapeIsRejected) {
  // Valid JSON escapes that make invalid Unicode.
  expect_rejected(file_with(R"("units": [{"code": "LS", "name": "L\udc80ng", "type": "city"}])"),
                  "json.syntax", "");
  expect_rejected(
      file_with(R"("units": [{"code": "LS", "name": "x", "type": "city", "groups": ["a\ud800"]}])"),
      "json.syntax", "");
}

TEST(ReadMetadata, DecomposedTextIsStoredComposed) {
  const std::string nfd_ward = "Phu\u031Bo\u031B\u0300ng Vi\u0303nh Tra\u0323i";
  const std::string text = file_with("\"units\": [{\"code\": \"VT\", \"name\": \"" + nfd_ward +
                                     "\", \"type\": \"ward\", \"groups\": [\"" + nfd_ward +
                                     "\"]}], \"note\": \"Ghi chu\u0301\"");
  core::Dataset d = io::read_metadata(text);
  ASSERT_EQ(d.units.size(), 1u);
  EXPECT_EQ(d.units[0].name, "Phường Vĩnh Trại");
  EXPECT_EQ(d.units[0].groups, std::vector<std::string>{"Phường Vĩnh Trại"});
  EXPECT_EQ(d.note, "Ghi chú");
}

TEST(ReadMetadata, TextIsTrimmedAndInnerSpacesCollapsed) {
  core::Dataset d = io::read_metadata(file_with(
      R"("units": [{"code": " LS ", "name": "  Thành   phố\tLạng Sơn ", "type": "city"}])"));
  EXPECT_EQ(d.units[0].code, "LS");
  EXPECT_EQ(d.units[0].name, "Thành phố Lạng Sơn");
}

// --- Reading every record kind ---------------------------------------------------

TEST(ReadMetadata, DefaultsOfOptionalKeys) {
  core::Dataset d = io::read_metadata(file_with(
      R"("indicators": [{"code": "A", "name": "A", "valueType": "percent", "direction": "higher_is_better", "aggregation": "average"}],
         "tasks": [{"code": "T", "name": "Nhiệm vụ"}],
         "documents": [{"code": "D", "kind": "plan", "title": "Kế hoạch", "date": "2021-04-01", "issuer": "LS"}],
         "activities": [{"code": "S", "kind": "contest", "name": "Hội thi", "unit": "LS", "date": "2021-05-01"}])"));
  const auto& i = d.indicators.at(0);
  EXPECT_EQ(i.value_type, core::ValueType::percent);
  EXPECT_EQ(i.aggregation, core::Aggregation::average);
  EXPECT_EQ(i.decimals, 1);
  EXPECT_FALSE(i.nearly_met_ratio);
  EXPECT_FALSE(i.min_value);
  EXPECT_FALSE(i.max_value);
  EXPECT_FALSE(i.computed());
  EXPECT_FALSE(i.illustrative);
  EXPECT_EQ(d.tasks.at(0).status, core::TaskStatus::not_started);
  EXPECT_EQ(d.tasks.at(0).progress, 0);
  EXPECT_FALSE(d.tasks.at(0).deadline);
  EXPECT_EQ(d.documents.at(0).status, core::DocumentStatus::in_force);
  EXPECT_EQ(d.documents.at(0).date, core::make_date(2021, 4, 1));
  EXPECT_EQ(d.activities.at(0).participants, 0);
  EXPECT_TRUE(d.activities.at(0).attendance.empty());
}

TEST(ReadMetadata, NumbersOfEveryForm) {
  core::Dataset d = io::read_metadata(file_with(
      R"("values": [
           {"indicator": "A", "unit": "LS", "period": "2021", "kind": "official", "value": 430000000000},
           {"indicator": "B", "unit": "LS", "period": "2021", "kind": "estimate", "value": 65.3},
           {"indicator": "C", "unit": "LS", "period": "2021", "kind": "official", "value": -2},
           {"indicator": "D", "unit": "LS", "period": "2021", "kind": "official", "value": 1e3}])"));
  ASSERT_EQ(d.values.size(), 4u);
  EXPECT_EQ(d.values[0].value, 430e9);
  EXPECT_EQ(d.values[1].value, 65.3);
  EXPECT_EQ(d.values[1].kind, core::ValueKind::estimate);
  EXPECT_EQ(d.values[2].value, -2);
  EXPECT_EQ(d.values[3].value, 1000);
}

TEST(ReadMetadata, ReferencesAreNotCheckedHere) {
  // Reading checks shapes only; validate_dataset checks references.
  core::Dataset d = io::read_metadata(file_with(
      R"("values": [{"indicator": "NOPE", "unit": "NOWHERE", "period": "2021Q9", "kind": "official", "value": 1}])"));
  EXPECT_EQ(d.values.at(0).period, "2021Q9");
}

// --- Writing -------------------------------------------------------------------

TEST(WriteMetadata, RoundTripsTheSampleDataSet) {
  const core::Dataset original = test_support::sample_dataset();
  const std::string written = io::write_metadata(original);
  const core::Dataset read = io::read_metadata(written);
  EXPECT_EQ(io::write_metadata(read), written);

  // Spot checks that the round trip kept what the text comparison covers.
  ASSERT_EQ(read.units.size(), original.units.size());
  ASSERT_EQ(read.values.size(), original.values.size());
  EXPECT_EQ(read.note, original.note);
  EXPECT_EQ(read.units[8].groups, original.units[8].groups);
  EXPECT_EQ(read.units[8].valid_from, original.units[8].valid_from);
  EXPECT_TRUE(read.units[9].illustrative);
  EXPECT_EQ(read.indicators[3].formula, original.indicators[3].formula);
  EXPECT_EQ(read.indicators[3].nearly_met_ratio, 0.95);
  EXPECT_EQ(read.indicators[4].min_value, 0.5);
  EXPECT_EQ(read.indicators[4].decimals, 2);
  EXPECT_EQ(read.plans[0].indicators, original.plans[0].indicators);
  EXPECT_EQ(read.targets[0].value, 368.5e9);
  EXPECT_EQ(read.targets[0].note, "dự toán tỉnh giao");
  EXPECT_EQ(read.targets[0].source, core::TargetSource::assigned_by_superior);
  EXPECT_EQ(read.values[0].kind, core::ValueKind::estimate);
  EXPECT_EQ(read.values[4].value, 1.2);
  EXPECT_EQ(read.tasks[0].coordinating_units, original.tasks[0].coordinating_units);
  EXPECT_EQ(read.tasks[0].deadline, original.tasks[0].deadline);
  EXPECT_EQ(read.tasks[0].status, core::TaskStatus::in_progress);
  EXPECT_EQ(read.tasks[0].progress, 40);
  EXPECT_EQ(read.task_ratings[3].task, "G1.1");
  ASSERT_EQ(read.activities[0].attendance.size(), 2u);
  EXPECT_EQ(read.activities[0].attendance[1].category_name, "Đảng viên");
  EXPECT_EQ(read.activities[0].attendance[1].attended, 480);
  EXPECT_EQ(read.activities[0].attendance[1].eligible, 500);
  EXPECT_EQ(read.activities[3].rating_level, "good");
  EXPECT_EQ(read.activities[6].participants, 1200);
  EXPECT_EQ(read.documents[7].amends, "D6");
  EXPECT_EQ(read.documents[1].implements, "D0");
  EXPECT_EQ(read.documents[6].status, core::DocumentStatus::amended);
  EXPECT_EQ(read.documents[4].date, core::make_date(2021, 12, 31));
  EXPECT_NO_THROW(core::validate_dataset(read));
}

TEST(WriteMetadata, EmptyDataSetRoundTrips) {
  const std::string written = io::write_metadata(core::Dataset{});
  EXPECT_EQ(io::write_metadata(io::read_metadata(written)), written);
  EXPECT_NE(written.find("\"format\": \"mandate-metadata\""), std::string::npos);
  EXPECT_NE(written.find("\"version\": 1"), std::string::npos);
}

TEST(WriteMetadata, NumbersAreWrittenPlainly) {
  core::Dataset d = test_support::sample_dataset();
  d.values[4].value = 65.3;
  const std::string written = io::write_metadata(d);
  EXPECT_NE(written.find("\"value\": 430000000000"), std::string::npos);
  EXPECT_NE(written.find("\"value\": 368500000000"), std::string::npos);
  EXPECT_NE(written.find("\"value\": 65.3"), std::string::npos);
  EXPECT_NE(written.find("\"nearlyMetRatio\": 0.95"), std::string::npos);
  EXPECT_NE(written.find("\"min\": 0.5"), std::string::npos);
  EXPECT_EQ(written.find("E1"), std::string::npos);
  EXPECT_EQ(written.find("E11"), std::string::npos);
  EXPECT_EQ(written.find("e+"), std::string::npos);
  EXPECT_EQ(written.find(".0,"), std::string::npos);  // whole numbers carry no ".0"
}

TEST(WriteMetadata, ExtremeNumbersRoundTrip) {
  core::Dataset d;
  auto add = [&](const std::string& code, double v) {
    d.values.push_back({code, "LS", "2021", core::ValueKind::official, v, {}, false});
  };
  add("HUGE", 1e20);         // beyond long long: written as a double, not cast
  add("NEG_HUGE", -9.5e18);  // beyond long long too
  add("BIG", 8.9e15);        // whole, still exact as an integer
  add("TINY", 0.000001);
  add("NEG", -0.5);
  add("ZERO", 0);
  const std::string written = io::write_metadata(d);
  const core::Dataset read = io::read_metadata(written);
  ASSERT_EQ(read.values.size(), 6u);
  EXPECT_EQ(read.values[0].value, 1e20);
  EXPECT_EQ(read.values[1].value, -9.5e18);
  EXPECT_EQ(read.values[2].value, 8.9e15);
  EXPECT_EQ(read.values[3].value, 0.000001);
  EXPECT_EQ(read.values[4].value, -0.5);
  EXPECT_EQ(read.values[5].value, 0);
  EXPECT_NE(written.find("\"value\": 8900000000000000"), std::string::npos);
  EXPECT_NE(written.find("\"value\": -0.5"), std::string::npos);
  EXPECT_EQ(io::write_metadata(read), written);
}

TEST(WriteMetadata, OptionalKeysAreLeftOutWhenEmpty) {
  core::Dataset d;
  core::Unit u;
  u.code = "LS";
  u.name = "Thành phố Lạng Sơn";
  u.type = core::UnitType::city;
  d.units.push_back(u);
  const std::string written = io::write_metadata(d);
  EXPECT_EQ(written.find("\"parent\""), std::string::npos);
  EXPECT_EQ(written.find("\"groups\""), std::string::npos);
  EXPECT_EQ(written.find("\"validFrom\""), std::string::npos);
  EXPECT_EQ(written.find("\"illustrative\""), std::string::npos);
  EXPECT_EQ(written.find("\"note\""), std::string::npos);
  // Vietnamese is written as UTF-8, not as \u escapes.
  EXPECT_NE(written.find("Thành phố Lạng Sơn"), std::string::npos);
}

TEST(WriteMetadata, KeysInTheDocumentedOrder) {
  const std::string written = io::write_metadata(test_support::sample_dataset());
  size_t last = 0;
  for (const char* key :
       {"\"format\"", "\"version\"", "\"note\"", "\"units\"", "\"fields\"", "\"ratingScales\"",
        "\"indicators\"", "\"plans\"", "\"targets\"", "\"values\"", "\"tasks\"", "\"taskRatings\"",
        "\"activities\"", "\"documents\""}) {
    const size_t at = written.find(key);
    ASSERT_NE(at, std::string::npos) << key;
    EXPECT_GT(at, last) << key;
    last = at;
  }
  EXPECT_EQ(written.back(), '\n');
}

// --- parse_json directly -------------------------------------------------------

TEST(ParseJson, SyntaxErrorOnTheFirstLine) {
  try {
    io::parse_json("{\"a\": }");
    FAIL() << "accepted";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "json.syntax");
    EXPECT_EQ(e.args()[0], "1");
    EXPECT_EQ(e.args()[1], "7");
  }
}

}  // namespace

namespace {

// --- Reporting cycles ----------------------------------------------------------

TEST(ReadMetadata, FormsRulesAndSubmissionsReadAndWriteBack) {
  const std::string text = file_with(R"("forms": [
      {"code": "BM-QUY", "name": "Biểu quý", "periodType": "quarter",
       "unitTypes": ["ward", "commune"], "indicators": ["A", "B"],
       "deadline": {"kind": "days_after_end", "days": 10}, "graceDays": 3,
       "afterGrace": "refuse", "approvalLevels": ["city", "province"]}],
    "validationRules": [
      {"code": "R1", "name": "A ≤ B", "kind": "compare", "indicator": "A", "op": "<=",
       "otherIndicator": "B", "refuseOnSave": true},
      {"code": "R2", "name": "Tăng giảm", "kind": "change", "indicator": "A",
       "maxChangePercent": 12.5}],
    "submissions": [
      {"form": "BM-QUY", "unit": "VT", "period": "2022Q1", "state": "reopened",
       "reopenReason": "Sai số"}])");
  const core::Dataset d = io::read_metadata(text);
  ASSERT_EQ(d.forms.size(), 1u);
  EXPECT_EQ(d.forms[0].period_type, core::PeriodType::quarter);
  EXPECT_EQ(d.forms[0].deadline.kind, core::DeadlineRule::Kind::days_after_end);
  EXPECT_EQ(d.forms[0].deadline.days, 10);
  EXPECT_EQ(d.forms[0].after_grace, core::AfterGrace::refuse);
  EXPECT_EQ(d.forms[0].approval_levels,
            (std::vector{core::UnitType::city, core::UnitType::province}));
  ASSERT_EQ(d.validation_rules.size(), 2u);
  EXPECT_TRUE(d.validation_rules[0].refuse_on_save);
  EXPECT_EQ(d.validation_rules[1].kind, core::RuleKind::change);
  EXPECT_EQ(d.validation_rules[1].max_change_percent, 12.5);
  ASSERT_EQ(d.submissions.size(), 1u);
  EXPECT_EQ(d.submissions[0].state, core::SubmissionState::reopened);
  EXPECT_EQ(d.submissions[0].reopen_reason, "Sai số");
  // Written and read again, it is the same.
  const std::string written = io::write_metadata(d);
  EXPECT_EQ(io::write_metadata(io::read_metadata(written)), written);
}

TEST(ReadMetadata, FormsAndRulesAreReadStrictly) {
  const std::string form_head =
      R"("forms": [{"code": "F", "name": "F", "periodType": "month", "unitTypes": ["ward"],
         "indicators": ["A"], )";
  expect_rejected(file_with(form_head + R"("deadline": {"kind": "weekly"}}])"),
                  "form.deadline_kind_invalid", "forms[0].deadline.kind");
  expect_rejected(file_with(form_head + R"("deadline": {"kind": "day_of_month", "hour": 1}}])"),
                  "json.unknown_key", "forms[0].deadline.hour");
  expect_rejected(file_with(form_head + R"("afterGrace": "accept_late"}])"), "json.missing_key",
                  "forms[0].deadline");
  expect_rejected(file_with(R"("forms": [{"code": "F", "name": "F", "periodType": "month",
          "unitTypes": ["town"], "indicators": ["A"], "deadline": {"kind": "day_of_month"}}])"),
                  "unit_type.invalid", "forms[0].unitTypes[0]");
  expect_rejected(file_with(R"("validationRules": [{"code": "R", "name": "R",
          "kind": "compare", "indicator": "A", "op": "=<", "otherIndicator": "B"}])"),
                  "rule.comparison_invalid", "validationRules[0].op");
  expect_rejected(file_with(R"("submissions": [{"form": "F", "unit": "U", "period": "202201",
          "state": "sent"}])"),
                  "submission.state_invalid", "submissions[0].state");
}

}  // namespace
