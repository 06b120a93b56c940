#include "io/report_render.hpp"

#include <algorithm>

#include "io/json_writer.hpp"

namespace mandate::io {
namespace {

namespace json = boost::json;

// Display width of NFC Vietnamese text: one column per code point.
size_t width(std::string_view s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string pad(const std::string& s, size_t w, bool right = false) {
  const size_t n = width(s);
  if (n >= w)
    return s;
  const std::string fill(w - n, ' ');
  return right ? fill + s : s + fill;
}

// Splits text into lines of at most w columns at spaces.
std::vector<std::string> wrap(const std::string& text, size_t w) {
  std::vector<std::string> lines;
  std::string line;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos)
      end = text.size();
    const std::string word = text.substr(start, end - start);
    if (!line.empty() && width(line) + 1 + width(word) > w) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    start = end + 1;
  }
  if (!line.empty())
    lines.push_back(line);
  return lines;
}

std::vector<std::string> row_cells(const core::IndicatorRow& row) {
  return {row.number,    row.name,  row.target, row.actual, row.percent_of_target,
          row.last_year, row.status};
}

constexpr size_t kNameWidth = 44;

// A sentence as a list item: ends with exactly one full stop.
std::string as_sentence(const std::string& s) {
  if (!s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?'))
    return s;
  return s + ".";
}

}  // namespace

std::string render_report_text(const core::ReportContent& r) {
  std::string out;
  out += r.title + "\n" + r.subtitle + "\n" + r.plan_line + "\n";
  int n = 0;
  for (const auto& section : r.sections) {
    out += "\n" + std::to_string(++n) + ". " + section.heading + "\n";
    for (const auto& sentence : section.sentences) {
      const auto lines = wrap(as_sentence(sentence), 88);
      for (size_t i = 0; i < lines.size(); ++i)
        out += (i == 0 ? "  - " : "    ") + lines[i] + "\n";
    }
  }
  if (r.table.empty())
    return out;

  out += "\n" + std::to_string(++n) + ". " + r.table_heading + "\n";
  std::vector<size_t> widths(r.table_columns.size());
  for (size_t c = 0; c < widths.size(); ++c)
    widths[c] = width(r.table_columns[c]);
  for (const auto& row : r.table) {
    const auto cells = row_cells(row);
    for (size_t c = 0; c < cells.size(); ++c)
      widths[c] = std::max(widths[c], width(cells[c]));
  }
  widths[1] = std::min(widths[1], kNameWidth);
  auto line = [&](const std::vector<std::string>& cells) {
    std::string s;
    for (size_t c = 0; c < cells.size(); ++c)
      s += (c ? " | " : "") + pad(cells[c], widths[c], c != 1 && c != 6 && c != 0);
    return s + "\n";
  };
  out += line(r.table_columns);
  std::string rule;
  for (size_t c = 0; c < widths.size(); ++c)
    rule += (c ? "-+-" : "") + std::string(widths[c], '-');
  out += rule + "\n";
  for (const auto& row : r.table) {
    auto cells = row_cells(row);
    const auto name_lines = wrap(row.name, kNameWidth);
    cells[1] = name_lines.empty() ? "" : name_lines[0];
    out += line(cells);
    for (size_t i = 1; i < name_lines.size(); ++i) {
      std::vector<std::string> more(cells.size());
      more[1] = name_lines[i];
      out += line(more);
    }
  }
  return out;
}

std::string render_report_markdown(const core::ReportContent& r) {
  auto escape = [](const std::string& s) {
    std::string o;
    for (char c : s) {
      if (c == '|' || c == '*' || c == '_' || c == '\\')
        o += '\\';
      o += c;
    }
    return o;
  };
  std::string out =
      "# " + r.title + "\n\n**" + escape(r.subtitle) + "**\n\n" + escape(r.plan_line) + "\n";
  int n = 0;
  for (const auto& section : r.sections) {
    out += "\n## " + std::to_string(++n) + ". " + escape(section.heading) + "\n\n";
    for (const auto& sentence : section.sentences)
      out += "- " + escape(as_sentence(sentence)) + "\n";
  }
  if (r.table.empty())
    return out;
  out += "\n## " + std::to_string(++n) + ". " + escape(r.table_heading) + "\n\n|";
  for (const auto& c : r.table_columns)
    out += " " + escape(c) + " |";
  out += "\n|---|---|---:|---:|---:|---:|---|\n";
  for (const auto& row : r.table) {
    out += "|";
    for (const auto& cell : row_cells(row))
      out += " " + escape(cell) + " |";
    out += "\n";
  }
  return out;
}

std::string render_report_json(const core::ReportContent& r, const core::Scorecard& s) {
  auto opt = [](const std::optional<double>& d) -> json::value {
    return d ? json::value(*d) : json::value(nullptr);
  };
  json::object root;
  root["unit"] = {{"code", s.unit->code}, {"name", s.unit->name}};
  root["period"] = {{"id", s.period.id()}, {"label", s.period.label(r.lang)}};
  root["plan"] = s.plan ? json::value(s.plan->code) : json::value(nullptr);
  root["title"] = r.title;
  root["subtitle"] = r.subtitle;

  json::object score;
  score["indicatorsMet"] = s.indicators_met;
  score["indicatorsEvaluated"] = s.indicators_evaluated;
  score["indicatorsInPlan"] = s.indicators.size();
  json::array indicators;
  for (size_t i = 0; i < s.indicators.size(); ++i) {
    const auto& res = s.indicators[i];
    json::object o{
        {"code", res.indicator->code},
        {"name", res.indicator->name},
        {"actual", opt(res.evaluation.actual)},
        {"target", opt(res.evaluation.target)},
        {"percentOfTarget", opt(res.evaluation.percent_of_target)},
        {"samePeriodLastYear", opt(res.same_period_last_year)},
        {"status", core::status_name(res.evaluation.status)},
        {"kind", res.kind ? json::value(core::value_kind_name(*res.kind)) : json::value(nullptr)},
        {"display",
         {{"actual", r.table[i].actual},
          {"target", r.table[i].target},
          {"percentOfTarget", r.table[i].percent_of_target}}}};
    indicators.push_back(std::move(o));
  }
  score["indicators"] = std::move(indicators);

  json::array groups;
  for (const auto& g : s.task_groups)
    groups.push_back({{"code", g.task->code},
                      {"name", g.task->name},
                      {"rating", g.rating ? json::value(g.rating->level) : json::value(nullptr)}});
  score["taskGroups"] = {{"total", s.task_groups.size()},
                         {"goodOrBetter", s.task_groups_good_or_better},
                         {"excellent", s.task_groups_excellent},
                         {"groups", std::move(groups)}};
  score["study"] = {{"sessions", s.study_sessions.size()},
                    {"attended", s.study.attended},
                    {"eligible", s.study.eligible},
                    {"rate", opt(s.study.rate())}};
  score["modelMeetings"] = {{"total", s.model_meetings.size()},
                            {"goodOrBetter", s.meetings_good_or_better}};
  score["contests"] = s.contests.size();
  json::object issued, amending;
  for (const auto& [kind, n] : s.documents_by_kind)
    issued[core::document_kind_name(kind)] = n;
  for (const auto& [kind, n] : s.documents_amending_by_kind)
    amending[core::document_kind_name(kind)] = n;
  score["documents"] = {{"total", s.documents_total},
                        {"issuedByKind", std::move(issued)},
                        {"amendingByKind", std::move(amending)}};
  root["scorecard"] = std::move(score);

  json::array sections;
  for (const auto& sec : r.sections) {
    json::array sentences;
    for (const auto& x : sec.sentences)
      sentences.emplace_back(x);
    sections.push_back({{"heading", sec.heading}, {"sentences", std::move(sentences)}});
  }
  root["narrative"] = std::move(sections);
  return pretty_json(root);
}

}  // namespace mandate::io
