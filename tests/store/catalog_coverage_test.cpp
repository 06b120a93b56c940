// The message catalog is complete: every key the sources use exists, every
// message has both languages with the same placeholders, and every key built
// at run time from an enum name exists for every value of the enum. Lives with
// the store tests because it reads the source files (MANDATE_SOURCE_DIR).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/activity.hpp"
#include "core/catalog.hpp"
#include "core/document.hpp"
#include "core/evaluation.hpp"
#include "core/i18n.hpp"
#include "core/indicator.hpp"
#include "core/period.hpp"
#include "core/submission.hpp"
#include "core/task.hpp"
#include "core/unit.hpp"
#include "core/unit_change.hpp"

namespace {

using namespace mandate;
namespace fs = std::filesystem;

// --- A small C++ tokenizer: enough to find string literals and the calls they are in.

struct Token {
  enum Kind { identifier, string, punct } kind;
  std::string text;  // the literal's content (escapes kept as written) or the spelling
  int line;
};

std::vector<Token> tokenize(const std::string& src) {
  std::vector<Token> out;
  int line = 1;
  size_t i = 0;
  auto ident_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  while (i < src.size()) {
    const char c = src[i];
    if (c == '\n') {
      ++line;
      ++i;
    } else if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (src.compare(i, 2, "//") == 0) {
      while (i < src.size() && src[i] != '\n')
        ++i;
    } else if (src.compare(i, 2, "/*") == 0) {
      size_t end = src.find("*/", i + 2);
      end = end == std::string::npos ? src.size() : end + 2;
      for (size_t k = i; k < end; ++k)
        if (src[k] == '\n')
          ++line;
      i = end;
    } else if (c == 'R' && src.compare(i, 2, "R\"") == 0) {  // raw string R"delim(...)delim"
      const size_t open = src.find('(', i + 2);
      const std::string close = ")" + src.substr(i + 2, open - i - 2) + "\"";
      const size_t end = src.find(close, open);
      const std::string body = src.substr(open + 1, end - open - 1);
      out.push_back({Token::string, body, line});
      for (char b : body)
        if (b == '\n')
          ++line;
      i = end + close.size();
    } else if (c == '"' || c == '\'') {
      std::string body;
      size_t k = i + 1;
      while (k < src.size() && src[k] != c) {
        if (src[k] == '\\' && k + 1 < src.size())
          body += src[k++];
        body += src[k++];
      }
      if (c == '"')
        out.push_back({Token::string, body, line});
      i = k + 1;
    } else if (ident_char(c)) {
      size_t k = i;
      while (k < src.size() && ident_char(src[k]))
        ++k;
      out.push_back({Token::identifier, src.substr(i, k - i), line});
      i = k;
    } else {
      out.push_back({Token::punct, std::string(1, c), line});
      ++i;
    }
  }
  return out;
}

bool looks_like_key(const std::string& s) {
  static const std::regex key(R"([a-z][a-z0-9_]*(\.[a-z0-9_]+)+)");
  return std::regex_match(s, key);
}

struct Use {
  std::string key;
  std::string where;  // file:line
};

struct Scan {
  std::vector<Use> in_calls;         // literals inside tr(), invalid_input(), ... calls
  std::vector<Use> elsewhere;        // other key-like literals
  std::vector<Use> formula_reasons;  // fail("reason", ...) in formula.cpp
  std::vector<Use> list_columns;     // headers(lang, {"code", ...}) in the CLI
  size_t files = 0;
};

bool is_punct(const std::vector<Token>& t, size_t i, const char* p) {
  return i < t.size() && t[i].kind == Token::punct && t[i].text == p;
}

// The index of the ')' closing the '(' at open.
size_t closing_paren(const std::vector<Token>& t, size_t open) {
  int depth = 0;
  for (size_t i = open; i < t.size(); ++i) {
    if (is_punct(t, i, "("))
      ++depth;
    if (is_punct(t, i, ")") && --depth == 0)
      return i;
  }
  return t.size();
}

// A literal that is only the first part of a key built at run time:
// "kind." + name, std::string("list.col.") + k, prefix + "x".
bool is_fragment(const std::vector<Token>& t, size_t i) {
  if (is_punct(t, i + 1, "+") || (i > 0 && is_punct(t, i - 1, "+")))
    return true;
  if (i > 1 && is_punct(t, i - 1, "(") && t[i - 2].text == "string" && is_punct(t, i + 1, ")") &&
      is_punct(t, i + 2, "+"))
    return true;
  return false;
}

void scan_file(const fs::path& path, Scan& scan) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::vector<Token> t = tokenize(ss.str());
  const std::string name = path.filename().string();
  ++scan.files;

  static const std::set<std::string> kCalls{"tr", "invalid_input", "not_found", "Error", "help"};
  std::vector<bool> in_call(t.size(), false);
  for (size_t i = 0; i + 1 < t.size(); ++i) {
    if (t[i].kind != Token::identifier || !is_punct(t, i + 1, "("))
      continue;
    const size_t close = closing_paren(t, i + 1);
    if (kCalls.contains(t[i].text)) {
      for (size_t k = i + 2; k < close; ++k)
        in_call[k] = true;
    } else if (t[i].text == "fail" && name == "formula.cpp") {
      if (i + 2 < close && t[i + 2].kind == Token::string)
        scan.formula_reasons.push_back({t[i + 2].text, name + ":" + std::to_string(t[i + 2].line)});
    } else if (t[i].text == "headers") {
      for (size_t k = i + 2; k < close; ++k)
        if (t[k].kind == Token::string)
          scan.list_columns.push_back({t[k].text, name + ":" + std::to_string(t[k].line)});
    }
  }
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].kind != Token::string || !looks_like_key(t[i].text) || is_fragment(t, i))
      continue;
    Use use{t[i].text, name + ":" + std::to_string(t[i].line)};
    (in_call[i] ? scan.in_calls : scan.elsewhere).push_back(use);
  }
}

const Scan& source_scan() {
  static const Scan scan = [] {
    Scan s;
    for (const auto& entry : fs::recursive_directory_iterator(MANDATE_SOURCE_DIR)) {
      if (!entry.is_regular_file())
        continue;
      const std::string ext = entry.path().extension().string();
      const std::string name = entry.path().filename().string();
      if ((ext != ".cpp" && ext != ".hpp") || name.starts_with("messages_"))
        continue;
      scan_file(entry.path(), s);
    }
    return s;
  }();
  return scan;
}

std::vector<std::span<const core::catalog::Message>> catalog_parts() {
  namespace c = core::catalog;
  return {c::general_messages(), c::period_messages(), c::formula_messages(), c::domain_messages(),
          c::report_messages(),  c::http_messages(),   c::dhis2_messages()};
}

// The first segments of all catalog keys ("unit", "narrative", ...).
std::set<std::string> catalog_heads() {
  std::set<std::string> heads;
  for (auto part : catalog_parts())
    for (const auto& m : part)
      heads.insert(std::string(m.key.substr(0, m.key.find('.'))));
  return heads;
}

std::set<std::string> placeholders(std::string_view text) {
  static const std::regex ph(R"(\{[0-9]\})");
  std::set<std::string> out;
  const std::string s(text);
  for (auto it = std::sregex_iterator(s.begin(), s.end(), ph); it != std::sregex_iterator(); ++it)
    out.insert(it->str());
  return out;
}

// --- The sources ---------------------------------------------------------------

TEST(CatalogCoverage, TheScanFindsTheSources) {
  const Scan& s = source_scan();
  EXPECT_GT(s.files, 40u);
  EXPECT_GT(s.in_calls.size(), 80u);
  EXPECT_GT(s.formula_reasons.size(), 15u);
  EXPECT_GT(s.list_columns.size(), 20u);
}

TEST(CatalogCoverage, EveryKeyPassedToACallExists) {
  for (const auto& use : source_scan().in_calls)
    EXPECT_TRUE(core::has_message(use.key)) << use.key << " used at " << use.where;
}

TEST(CatalogCoverage, EveryOtherKeyLikeLiteralExists) {
  // Keys held in variables or lists before being looked up (report table
  // columns, unit name prefixes, enum-table error codes). Literals whose first
  // segment names no catalog area ("index.html") are not keys.
  const auto heads = catalog_heads();
  size_t checked = 0;
  for (const auto& use : source_scan().elsewhere) {
    if (!heads.contains(use.key.substr(0, use.key.find('.'))))
      continue;
    ++checked;
    EXPECT_TRUE(core::has_message(use.key)) << use.key << " at " << use.where;
  }
  EXPECT_GT(checked, 10u);
}

TEST(CatalogCoverage, FormulaSyntaxReasons) {
  for (const auto& use : source_scan().formula_reasons)
    EXPECT_TRUE(core::has_message("formula.syntax." + use.key)) << use.key << " at " << use.where;
}

TEST(CatalogCoverage, ListColumns) {
  for (const auto& use : source_scan().list_columns)
    EXPECT_TRUE(core::has_message("list.col." + use.key)) << use.key << " at " << use.where;
  // value history's columns are listed in a loop rather than through headers().
  for (const char* k : {"at", "actor", "kind", "old", "new", "comment"})
    EXPECT_TRUE(core::has_message(std::string("list.col.") + k)) << k;
}

// --- Keys built from enum names ------------------------------------------------

TEST(CatalogCoverage, StatusLabelsAndNarrativeSuffixes) {
  using core::Status;
  for (Status s : {Status::exceeded, Status::met, Status::nearly_met, Status::not_met,
                   Status::no_target, Status::no_data}) {
    const std::string name(core::status_name(s));
    EXPECT_TRUE(core::has_message("status." + name)) << name;
    EXPECT_TRUE(core::has_message("narrative.status." + name)) << name;
  }
}

TEST(CatalogCoverage, UnitTypeLabels) {
  using core::UnitType;
  for (UnitType t : {UnitType::province, UnitType::city, UnitType::district, UnitType::ward,
                     UnitType::commune, UnitType::party_committee, UnitType::peoples_committee,
                     UnitType::department, UnitType::party_cell, UnitType::residential_block})
    EXPECT_TRUE(core::has_message("unit_type.label." + std::string(core::unit_type_name(t))))
        << core::unit_type_name(t);
}

TEST(CatalogCoverage, DocumentKindsPluralAndSingular) {
  using core::DocumentKind;
  for (DocumentKind k : {DocumentKind::resolution, DocumentKind::thematic_resolution,
                         DocumentKind::directive, DocumentKind::conclusion, DocumentKind::project,
                         DocumentKind::program, DocumentKind::plan, DocumentKind::regulation,
                         DocumentKind::guidance, DocumentKind::decision, DocumentKind::report}) {
    const std::string key = "doc.kind." + std::string(core::document_kind_name(k));
    EXPECT_TRUE(core::has_message(key)) << key;
    EXPECT_TRUE(core::has_message(key + ".one")) << key;
  }
}

TEST(CatalogCoverage, UnitChangeSentences) {
  using core::UnitChangeKind;
  for (UnitChangeKind k : {UnitChangeKind::merge, UnitChangeKind::split, UnitChangeKind::rename,
                           UnitChangeKind::move, UnitChangeKind::dissolve})
    EXPECT_TRUE(
        core::has_message("narrative.unit_change." + std::string(core::unit_change_kind_name(k))))
        << core::unit_change_kind_name(k);
  EXPECT_TRUE(core::has_message("narrative.unit_change.dissolve_into"));
}

TEST(CatalogCoverage, TaskStatusLabels) {
  using core::TaskStatus;
  for (TaskStatus s : {TaskStatus::not_started, TaskStatus::in_progress, TaskStatus::completed,
                       TaskStatus::cancelled})
    EXPECT_TRUE(core::has_message("task_status.label." + std::string(core::task_status_name(s))))
        << core::task_status_name(s);
}

TEST(CatalogCoverage, ActivityKindLabels) {
  using core::ActivityKind;
  for (ActivityKind k : {ActivityKind::study_session, ActivityKind::model_meeting,
                         ActivityKind::contest, ActivityKind::propaganda, ActivityKind::inspection})
    EXPECT_TRUE(
        core::has_message("activity_kind.label." + std::string(core::activity_kind_name(k))))
        << core::activity_kind_name(k);
}

TEST(CatalogCoverage, TargetPhrasesAndValueKinds) {
  using core::TargetSource;
  for (TargetSource s :
       {TargetSource::resolution, TargetSource::annual_plan, TargetSource::assigned_by_superior})
    EXPECT_TRUE(core::has_message("target.phrase." + std::string(core::target_source_name(s))))
        << core::target_source_name(s);
  for (core::ValueKind k : {core::ValueKind::estimate, core::ValueKind::official})
    EXPECT_TRUE(core::has_message("kind." + std::string(core::value_kind_name(k))))
        << core::value_kind_name(k);
}

TEST(CatalogCoverage, PeriodLabelsAndMonths) {
  using core::PeriodType;
  for (PeriodType t :
       {PeriodType::month, PeriodType::quarter, PeriodType::six_months, PeriodType::nine_months,
        PeriodType::year, PeriodType::year_to_date, PeriodType::term})
    EXPECT_TRUE(core::has_message("period_type.label." + std::string(core::period_type_name(t))))
        << core::period_type_name(t);
  for (int m = 1; m <= 12; ++m)
    EXPECT_TRUE(core::has_message("month." + std::to_string(m))) << m;
  EXPECT_TRUE(core::has_message("period.label.six_months.1"));
  EXPECT_TRUE(core::has_message("period.label.six_months.2"));
  // Every label renders without leaving the key in place.
  for (const char* id : {"202101", "2021Q3", "2021S1", "2021S2", "2021NM", "2021", "2021YTD01",
                         "2021YTD05", "2020-2025"}) {
    for (core::Lang lang : {core::Lang::vi, core::Lang::en}) {
      const std::string label = core::Period::parse(id).label(lang);
      EXPECT_EQ(label.find("period."), std::string::npos) << id << ": " << label;
      EXPECT_EQ(label.find("month."), std::string::npos) << id << ": " << label;
    }
  }
}

TEST(CatalogCoverage, CliHelpForEachListSubcommand) {
  for (const char* what :
       {"units", "indicators", "targets", "values", "tasks", "documents", "activities"})
    EXPECT_TRUE(core::has_message(std::string("cli.help.list_") + what)) << what;
}

// --- The catalog itself --------------------------------------------------------

TEST(Catalog, KeysAreUniqueAcrossParts) {
  std::map<std::string_view, int> seen;
  for (auto part : catalog_parts())
    for (const auto& m : part)
      ++seen[m.key];
  for (const auto& [key, n] : seen)
    EXPECT_EQ(n, 1) << key;
  EXPECT_GT(seen.size(), 200u);
}

TEST(Catalog, KeysAreWellFormed) {
  for (auto part : catalog_parts())
    for (const auto& m : part)
      EXPECT_TRUE(looks_like_key(std::string(m.key))) << m.key;
}

TEST(Catalog, BothLanguagesPresent) {
  // The status suffixes for "no data" and "no target" are deliberately empty:
  // the sentence then simply ends.
  const std::set<std::string_view> empty_by_design{"narrative.status.no_data",
                                                   "narrative.status.no_target"};
  for (auto part : catalog_parts()) {
    for (const auto& m : part) {
      if (empty_by_design.contains(m.key)) {
        EXPECT_TRUE(m.vi.empty() && m.en.empty()) << m.key;
        continue;
      }
      EXPECT_FALSE(m.vi.empty()) << m.key;
      EXPECT_FALSE(m.en.empty()) << m.key;
    }
  }
}

TEST(Catalog, SamePlaceholdersInBothLanguages) {
  // Period and date labels get the month both as a number and as a name (and
  // the quarter as a Roman and an Arabic numeral); each language picks the
  // form it writes. These differences are deliberate and pinned here.
  using Sets = std::pair<std::set<std::string>, std::set<std::string>>;
  const std::map<std::string_view, Sets> by_design{
      {"period.label.month", {{"{0}", "{1}"}, {"{1}", "{2}"}}},
      {"period.label.quarter", {{"{0}", "{1}"}, {"{1}", "{2}"}}},
      {"period.label.year_to_date", {{"{0}", "{1}"}, {"{1}", "{2}"}}},
      {"period.label.year_to_date.1", {{"{0}", "{1}"}, {"{1}"}}},
      {"date.long", {{"{0}", "{1}", "{2}"}, {"{0}", "{2}", "{3}"}}},
  };
  for (auto part : catalog_parts()) {
    for (const auto& m : part) {
      if (auto it = by_design.find(m.key); it != by_design.end()) {
        EXPECT_EQ(placeholders(m.vi), it->second.first) << m.key;
        EXPECT_EQ(placeholders(m.en), it->second.second) << m.key;
        continue;
      }
      EXPECT_EQ(placeholders(m.vi), placeholders(m.en))
          << m.key << "\n  vi: " << m.vi << "\n  en: " << m.en;
    }
  }
}

TEST(Catalog, PlaceholdersAreNumberedFromZeroWithoutGaps) {
  for (auto part : catalog_parts()) {
    for (const auto& m : part) {
      auto used = placeholders(m.vi);
      used.merge(placeholders(m.en));
      for (size_t n = 0; n < used.size(); ++n)
        EXPECT_TRUE(used.contains("{" + std::to_string(n) + "}"))
            << m.key << " lacks {" << n << "}";
    }
  }
}

TEST(Catalog, LookupSubstitutesArguments) {
  EXPECT_EQ(core::tr(core::Lang::en, "unit.not_found", {"LS-XX"}), "Unit \"LS-XX\" not found");
  EXPECT_EQ(core::tr(core::Lang::vi, "unit.not_found", {"LS-XX"}),
            "Không tìm thấy đơn vị \"LS-XX\"");
  // An unknown key comes back as itself, so a missing message is visible.
  EXPECT_FALSE(core::has_message("no.such.key"));
  EXPECT_EQ(core::tr(core::Lang::vi, "no.such.key"), "no.such.key");
}

}  // namespace

namespace {

TEST(CatalogCoverage, CliHelpForEachSubmissionStep) {
  for (const char* step : {"submit", "recall", "approve", "unapprove", "reopen"}) {
    EXPECT_EQ(std::string(core::submission_step_name(core::parse_submission_step(step))), step);
    EXPECT_TRUE(core::has_message(std::string("cli.help.submission_") + step)) << step;
  }
}

}  // namespace
