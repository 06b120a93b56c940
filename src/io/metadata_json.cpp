#include "io/metadata_json.hpp"

#include "core/error.hpp"
#include "io/json_reader.hpp"
#include "io/json_writer.hpp"

namespace mandate::io {
namespace {

namespace json = boost::json;
using namespace mandate::core;

constexpr std::string_view kFormat = "mandate-metadata";
constexpr long long kVersion = 1;

// Calls read(element, path) for each element of the array under key.
template <typename F>
void each(ObjectReader& r, std::string_view key, F&& read) {
  const auto& a = r.array(key);
  for (size_t i = 0; i < a.size(); ++i)
    read(a[i], r.path_of(key) + "[" + std::to_string(i) + "]");
}

// Runs parse on text; an Error gets the path of the key it came from.
template <typename F>
auto at_path(const std::string& path, F&& parse) {
  try {
    return parse();
  } catch (const Error& e) {
    throw Error(e.category(), e.code(), e.args(), path);
  }
}

Unit read_unit(const json::value& v, const std::string& path) {
  ObjectReader r(v, path);
  Unit u;
  u.code = r.text("code");
  u.name = r.text("name");
  const std::string type = r.text("type");
  u.type = at_path(r.path_of("type"), [&] { return parse_unit_type(type); });
  u.parent_code = r.optional_text("parent");
  u.groups = r.texts("groups");
  u.valid_from = r.optional_date("validFrom");
  u.valid_to = r.optional_date("validTo");
  u.illustrative = r.boolean("illustrative", false);
  r.finish();
  return u;
}

Field read_field(const json::value& v, const std::string& path) {
  ObjectReader r(v, path);
  Field f{r.text("code"), r.text("name")};
  r.finish();
  return f;
}

RatingScale read_scale(const json::value& v, const std::string& path) {
  ObjectReader r(v, path);
  RatingScale s;
  s.code = r.text("code");
  s.name = r.text("name");
  each(r, "levels", [&](const json::value& lv, const std::string& p) {
    ObjectReader l(lv, p);
    s.levels.push_back({l.text("code"), l.text("name")});
    l.finish();
  });
  r.finish();
  return s;
}

Indicator read_indicator(const json::value& v, const std::string& path) {
  ObjectReader r(v, path);
  Indicator i;
  i.code = r.text("code");
  i.name = r.text("name");
  i.unit_of_measure = r.optional_text("unitOfMeasure");
  i.field = r.optional_text("field");
  const std::string vt = r.text("valueType"), dir = r.text("direction"),
                    agg = r.text("aggregation");
  i.value_type = at_path(r.path_of("valueType"), [&] { return parse_value_type(vt); });
  i.direction = at_path(r.path_of("direction"), [&] { return parse_direction(dir); });
  i.aggregation = at_path(r.path_of("aggregation"), [&] { return parse_aggregation(agg); });
  i.formula = r.optional_text("formula");
  i.responsible_unit = r.optional_text("responsibleUnit");
  i.decimals = static_cast<int>(r.integer("decimals", 1));
  i.nearly_met_ratio = r.optional_number("nearlyMetRatio");
  i.min_value = r.optional_number("min");
  i.max_value = r.optional_number("max");
  i.description = r.optional_text("description");
  i.illustrative = r.boolean("illustrative", false);
  r.finish();
  return i;
}

Plan read_plan(const json::value& v, const std::string& path) {
  ObjectReader r(v, path);
  Plan p;
  p.code = r.text("code");
  p.name = r.text("name");
  p.unit = r.text("unit");
  p.term = r.text("term");
  p.document = r.optional_text("document");
  p.indicators = r.texts("indicators");
  p.indicator_group_name = r.optional_text("indicatorGroupName");
  p.task_scale = r.optional_text("taskScale");
  p.task_good_level = r.optional_text("taskGoodLevel");
  p.meeting_scale = r.optional_text("meetingScale");
  p.meeting_good_level = r.optional_text("meetingGoodLevel");
  r.finish();
  return p;
}

Target read_target(const json::value& v, const std::string& path) {
  ObjectReader r(v, path);
  Target t;
  t.indicator = r.text("indicator");
  t.unit = r.text("unit");
  t.period = r.text("period");
  t.value = r.number("value");
  const std::string source = r.text("source");
  t.source = at_path(r.path_of("source"), [&] { return parse_target_source(source); });
  t.note = r.optional_text("note");
  t.illustrative = r.boolean("illustrative", false);
  r.finish();
  return t;
}

Value read_value(const json::value& v, const std::string& path) {
  ObjectReader r(v, path);
  Value x;
  x.indicator = r.text("indicator");
  x.unit = r.text("unit");
  x.period = r.text("period");
  const std::string kind = r.text("kind");
  x.kind = at_path(r.path_of("kind"), [&] { return parse_value_kind(kind); });
  x.value = r.number("value");
  x.comment = r.optional_text("comment");
  x.illustrative = r.boolean("illustrative", false);
  r.finish();
  return x;
}

Task read_task(const json::value& v, const std::string& path) {
  ObjectReader r(v, path);
  Task t;
  t.code = r.text("code");
  t.plan = r.optional_text("plan");
  t.parent_code = r.optional_text("parent");
  t.name = r.text("name");
  t.field = r.optional_text("field");
  t.responsible_unit = r.optional_text("responsibleUnit");
  t.coordinating_units = r.texts("coordinatingUnits");
  t.start = r.optional_date("start");
  t.deadline = r.optional_date("deadline");
  const std::string status = r.optional_text("status", "not_started");
  t.status = at_path(r.path_of("status"), [&] { return parse_task_status(status); });
  t.progress = static_cast<int>(r.integer("progress", 0));
  t.illustrative = r.boolean("illustrative", false);
  r.finish();
  return t;
}

TaskRating read_task_rating(const json::value& v, const std::string& path) {
  ObjectReader r(v, path);
  TaskRating t;
  t.task = r.text("task");
  t.period = r.text("period");
  t.scale = r.text("scale");
  t.level = r.text("level");
  t.comment = r.optional_text("comment");
  t.illustrative = r.boolean("illustrative", false);
  r.finish();
  return t;
}

Activity read_activity(const json::value& v, const std::string& path) {
  ObjectReader r(v, path);
  Activity a;
  a.code = r.text("code");
  const std::string kind = r.text("kind");
  a.kind = at_path(r.path_of("kind"), [&] { return parse_activity_kind(kind); });
  a.name = r.text("name");
  a.unit = r.text("unit");
  a.date = r.date("date");
  a.plan = r.optional_text("plan");
  each(r, "attendance", [&](const json::value& av, const std::string& p) {
    ObjectReader row(av, p);
    Attendance att;
    att.category = row.text("category");
    att.category_name = row.optional_text("categoryName");
    att.attended = row.integer("attended");
    att.eligible = row.integer("eligible");
    row.finish();
    a.attendance.push_back(std::move(att));
  });
  a.rating_scale = r.optional_text("ratingScale");
  a.rating_level = r.optional_text("ratingLevel");
  a.participants = r.integer("participants", 0);
  a.result = r.optional_text("result");
  a.illustrative = r.boolean("illustrative", false);
  r.finish();
  return a;
}

Document read_document(const json::value& v, const std::string& path) {
  ObjectReader r(v, path);
  Document d;
  d.code = r.text("code");
  const std::string kind = r.text("kind");
  d.kind = at_path(r.path_of("kind"), [&] { return parse_document_kind(kind); });
  d.number = r.optional_text("number");
  d.title = r.text("title");
  d.date = r.date("date");
  d.issuer = r.text("issuer");
  d.field = r.optional_text("field");
  d.plan = r.optional_text("plan");
  d.implements = r.optional_text("implements");
  d.amends = r.optional_text("amends");
  const std::string status = r.optional_text("status", "in_force");
  d.status = at_path(r.path_of("status"), [&] { return parse_document_status(status); });
  d.illustrative = r.boolean("illustrative", false);
  r.finish();
  return d;
}

UnitChange read_unit_change(const json::value& v, const std::string& path) {
  ObjectReader r(v, path);
  UnitChange c;
  c.code = r.text("code");
  const std::string kind = r.text("kind");
  c.kind = at_path(r.path_of("kind"), [&] { return parse_unit_change_kind(kind); });
  c.effective = r.date("effective");
  c.from = r.texts("from");
  c.to = r.texts("to");
  const auto& shares = r.array("shares");
  for (size_t i = 0; i < shares.size(); ++i) {
    const auto n = json_number(shares[i]);
    const std::string at = r.path_of("shares") + "[" + std::to_string(i) + "]";
    if (!n)
      throw invalid_input("json.expected_number", {at}, at);
    c.shares.push_back(*n);
  }
  c.new_name = r.optional_text("newName");
  c.new_parent = r.optional_text("newParent");
  c.document = r.optional_text("document");
  c.note = r.optional_text("note");
  c.illustrative = r.boolean("illustrative", false);
  r.finish();
  return c;
}

Form read_form(const json::value& v, const std::string& path) {
  ObjectReader r(v, path);
  Form f;
  f.code = r.text("code");
  f.name = r.text("name");
  const std::string type = r.text("periodType");
  f.period_type = at_path(r.path_of("periodType"), [&] { return parse_period_type(type); });
  const auto unit_types = r.texts("unitTypes");
  for (size_t i = 0; i < unit_types.size(); ++i)
    f.unit_types.push_back(at_path(r.path_of("unitTypes") + "[" + std::to_string(i) + "]",
                                   [&] { return parse_unit_type(unit_types[i]); }));
  f.indicators = r.texts("indicators");
  {
    ObjectReader d(r.value("deadline"), r.path_of("deadline"));
    const std::string kind = d.text("kind");
    f.deadline.kind = at_path(d.path_of("kind"), [&] { return parse_deadline_kind(kind); });
    f.deadline.months_after_end = static_cast<int>(d.integer("monthsAfterEnd", 1));
    f.deadline.day = static_cast<unsigned>(d.integer("day", 20));
    f.deadline.days = static_cast<int>(d.integer("days", 0));
    d.finish();
  }
  f.grace_days = static_cast<int>(r.integer("graceDays", 0));
  const std::string after = r.optional_text("afterGrace", "accept_late");
  f.after_grace = at_path(r.path_of("afterGrace"), [&] { return parse_after_grace(after); });
  const auto levels = r.texts("approvalLevels");
  for (size_t i = 0; i < levels.size(); ++i)
    f.approval_levels.push_back(at_path(r.path_of("approvalLevels") + "[" + std::to_string(i) + "]",
                                        [&] { return parse_unit_type(levels[i]); }));
  f.illustrative = r.boolean("illustrative", false);
  r.finish();
  return f;
}

ValidationRule read_rule(const json::value& v, const std::string& path) {
  ObjectReader r(v, path);
  ValidationRule x;
  x.code = r.text("code");
  x.name = r.text("name");
  const std::string kind = r.text("kind");
  x.kind = at_path(r.path_of("kind"), [&] { return parse_rule_kind(kind); });
  x.indicator = r.text("indicator");
  const std::string op = r.optional_text("op", "<=");
  x.op = at_path(r.path_of("op"), [&] { return parse_comparison(op); });
  x.other_indicator = r.optional_text("otherIndicator");
  x.min = r.optional_number("min");
  x.max = r.optional_number("max");
  x.max_change_percent = r.optional_number("maxChangePercent").value_or(0);
  x.refuse_on_save = r.boolean("refuseOnSave", false);
  x.illustrative = r.boolean("illustrative", false);
  r.finish();
  return x;
}

Submission read_submission(const json::value& v, const std::string& path) {
  ObjectReader r(v, path);
  Submission s;
  s.form = r.text("form");
  s.unit = r.text("unit");
  s.period = r.text("period");
  const std::string state = r.text("state");
  s.state = at_path(r.path_of("state"), [&] { return parse_submission_state(state); });
  s.approvals = static_cast<int>(r.integer("approvals", 0));
  s.submitted_at = r.optional_text("submittedAt");
  s.submitted_by = r.optional_text("submittedBy");
  s.reopen_reason = r.optional_text("reopenReason");
  s.updated_at = r.optional_text("updatedAt");
  s.updated_by = r.optional_text("updatedBy");
  r.finish();
  return s;
}

// Writing helpers: optional keys are left out when empty, so an exported file
// reads like a hand-written one.
void put_text(json::object& o, std::string_view key, const std::string& s) {
  if (!s.empty())
    o[key] = s;
}
void put_number(json::object& o, std::string_view key, const std::optional<double>& d) {
  if (d)
    o[key] = *d;
}
void put_date(json::object& o, std::string_view key, const std::optional<Date>& d) {
  if (d)
    o[key] = format_iso_date(*d);
}
void put_texts(json::object& o, std::string_view key, const std::vector<std::string>& items) {
  if (items.empty())
    return;
  json::array a;
  for (const auto& s : items)
    a.emplace_back(s);
  o[key] = std::move(a);
}
void put_flag(json::object& o, bool illustrative) {
  if (illustrative)
    o["illustrative"] = true;
}
// Whole numbers are written as integers (money in đồng reads better that way).
json::value number(double d) {
  // The range test comes first: casting a double outside long long's range is
  // undefined behaviour.
  if (d > -9e15 && d < 9e15 && d == static_cast<double>(static_cast<long long>(d)))
    return static_cast<long long>(d);
  return d;
}

}  // namespace

// Declared before use in list(): a name in the anonymous namespace would hide these.
template <typename T>
json::array list(const std::vector<T>& items);

json::object to_json(const RatingLevel& l) {
  return json::object{{"code", l.code}, {"name", l.name}};
}

json::object to_json(const Attendance& row) {
  json::object r{{"category", row.category}};
  put_text(r, "categoryName", row.category_name);
  r["attended"] = row.attended;
  r["eligible"] = row.eligible;
  return r;
}

json::object to_json(const Unit& u) {
  json::object o{{"code", u.code}, {"name", u.name}, {"type", unit_type_name(u.type)}};
  put_text(o, "parent", u.parent_code);
  put_texts(o, "groups", u.groups);
  put_date(o, "validFrom", u.valid_from);
  put_date(o, "validTo", u.valid_to);
  put_flag(o, u.illustrative);
  return o;
}

json::object to_json(const Field& f) {
  return json::object{{"code", f.code}, {"name", f.name}};
}

json::object to_json(const RatingScale& s) {
  return json::object{{"code", s.code}, {"name", s.name}, {"levels", list(s.levels)}};
}

json::object to_json(const Indicator& i) {
  json::object o{{"code", i.code}, {"name", i.name}};
  put_text(o, "unitOfMeasure", i.unit_of_measure);
  put_text(o, "field", i.field);
  o["valueType"] = value_type_name(i.value_type);
  o["direction"] = direction_name(i.direction);
  o["aggregation"] = aggregation_name(i.aggregation);
  put_text(o, "formula", i.formula);
  put_text(o, "responsibleUnit", i.responsible_unit);
  o["decimals"] = i.decimals;
  put_number(o, "nearlyMetRatio", i.nearly_met_ratio);
  put_number(o, "min", i.min_value);
  put_number(o, "max", i.max_value);
  put_text(o, "description", i.description);
  put_flag(o, i.illustrative);
  return o;
}

json::object to_json(const Plan& p) {
  json::object o{{"code", p.code}, {"name", p.name}, {"unit", p.unit}, {"term", p.term}};
  put_text(o, "document", p.document);
  put_texts(o, "indicators", p.indicators);
  put_text(o, "indicatorGroupName", p.indicator_group_name);
  put_text(o, "taskScale", p.task_scale);
  put_text(o, "taskGoodLevel", p.task_good_level);
  put_text(o, "meetingScale", p.meeting_scale);
  put_text(o, "meetingGoodLevel", p.meeting_good_level);
  return o;
}

json::object to_json(const Target& t) {
  json::object o{{"indicator", t.indicator},
                 {"unit", t.unit},
                 {"period", t.period},
                 {"value", number(t.value)},
                 {"source", target_source_name(t.source)}};
  put_text(o, "note", t.note);
  put_flag(o, t.illustrative);
  return o;
}

json::object to_json(const Value& v) {
  json::object o{{"indicator", v.indicator},
                 {"unit", v.unit},
                 {"period", v.period},
                 {"kind", value_kind_name(v.kind)},
                 {"value", number(v.value)}};
  put_text(o, "comment", v.comment);
  put_flag(o, v.illustrative);
  return o;
}

json::object to_json(const Task& t) {
  json::object o{{"code", t.code}};
  put_text(o, "plan", t.plan);
  put_text(o, "parent", t.parent_code);
  o["name"] = t.name;
  put_text(o, "field", t.field);
  put_text(o, "responsibleUnit", t.responsible_unit);
  put_texts(o, "coordinatingUnits", t.coordinating_units);
  put_date(o, "start", t.start);
  put_date(o, "deadline", t.deadline);
  o["status"] = task_status_name(t.status);
  o["progress"] = t.progress;
  put_flag(o, t.illustrative);
  return o;
}

json::object to_json(const TaskRating& t) {
  json::object o{{"task", t.task}, {"period", t.period}, {"scale", t.scale}, {"level", t.level}};
  put_text(o, "comment", t.comment);
  put_flag(o, t.illustrative);
  return o;
}

json::object to_json(const Activity& a) {
  json::object o{{"code", a.code},
                 {"kind", activity_kind_name(a.kind)},
                 {"name", a.name},
                 {"unit", a.unit},
                 {"date", format_iso_date(a.date)}};
  put_text(o, "plan", a.plan);
  if (!a.attendance.empty())
    o["attendance"] = list(a.attendance);
  put_text(o, "ratingScale", a.rating_scale);
  put_text(o, "ratingLevel", a.rating_level);
  if (a.participants)
    o["participants"] = a.participants;
  put_text(o, "result", a.result);
  put_flag(o, a.illustrative);
  return o;
}

json::object to_json(const Document& doc) {
  json::object o{{"code", doc.code}, {"kind", document_kind_name(doc.kind)}};
  put_text(o, "number", doc.number);
  o["title"] = doc.title;
  o["date"] = format_iso_date(doc.date);
  o["issuer"] = doc.issuer;
  put_text(o, "field", doc.field);
  put_text(o, "plan", doc.plan);
  put_text(o, "implements", doc.implements);
  put_text(o, "amends", doc.amends);
  o["status"] = document_status_name(doc.status);
  put_flag(o, doc.illustrative);
  return o;
}

json::object to_json(const UnitChange& c) {
  json::object o{{"code", c.code},
                 {"kind", unit_change_kind_name(c.kind)},
                 {"effective", format_iso_date(c.effective)}};
  put_texts(o, "from", c.from);
  put_texts(o, "to", c.to);
  if (!c.shares.empty()) {
    json::array a;
    for (double x : c.shares)
      a.emplace_back(number(x));
    o["shares"] = std::move(a);
  }
  put_text(o, "newName", c.new_name);
  put_text(o, "newParent", c.new_parent);
  put_text(o, "document", c.document);
  put_text(o, "note", c.note);
  put_flag(o, c.illustrative);
  return o;
}

json::object to_json(const Form& f) {
  json::object o{
      {"code", f.code}, {"name", f.name}, {"periodType", period_type_name(f.period_type)}};
  json::array types;
  for (UnitType t : f.unit_types)
    types.emplace_back(unit_type_name(t));
  o["unitTypes"] = std::move(types);
  put_texts(o, "indicators", f.indicators);
  json::object deadline{{"kind", deadline_kind_name(f.deadline.kind)}};
  if (f.deadline.kind == DeadlineRule::Kind::day_of_month) {
    deadline["monthsAfterEnd"] = f.deadline.months_after_end;
    deadline["day"] = f.deadline.day;
  } else {
    deadline["days"] = f.deadline.days;
  }
  o["deadline"] = std::move(deadline);
  o["graceDays"] = f.grace_days;
  o["afterGrace"] = after_grace_name(f.after_grace);
  if (!f.approval_levels.empty()) {
    json::array levels;
    for (UnitType t : f.approval_levels)
      levels.emplace_back(unit_type_name(t));
    o["approvalLevels"] = std::move(levels);
  }
  put_flag(o, f.illustrative);
  return o;
}

json::object to_json(const ValidationRule& x) {
  json::object o{{"code", x.code},
                 {"name", x.name},
                 {"kind", rule_kind_name(x.kind)},
                 {"indicator", x.indicator}};
  if (x.kind == RuleKind::compare) {
    o["op"] = comparison_name(x.op);
    o["otherIndicator"] = x.other_indicator;
  }
  if (x.min)
    o["min"] = number(*x.min);
  if (x.max)
    o["max"] = number(*x.max);
  if (x.kind == RuleKind::change)
    o["maxChangePercent"] = number(x.max_change_percent);
  if (x.refuse_on_save)
    o["refuseOnSave"] = true;
  put_flag(o, x.illustrative);
  return o;
}

json::object to_json(const Submission& s) {
  json::object o{{"form", s.form},
                 {"unit", s.unit},
                 {"period", s.period},
                 {"state", submission_state_name(s.state)},
                 {"approvals", s.approvals}};
  put_text(o, "submittedAt", s.submitted_at);
  put_text(o, "submittedBy", s.submitted_by);
  put_text(o, "reopenReason", s.reopen_reason);
  put_text(o, "updatedAt", s.updated_at);
  put_text(o, "updatedBy", s.updated_by);
  return o;
}

template <typename T>
json::array list(const std::vector<T>& items) {
  json::array a;
  for (const auto& x : items)
    a.emplace_back(to_json(x));
  return a;
}

void from_json(const json::value& v, const std::string& path, Unit& out) {
  out = read_unit(v, path);
}
void from_json(const json::value& v, const std::string& path, Field& out) {
  out = read_field(v, path);
}
void from_json(const json::value& v, const std::string& path, RatingScale& out) {
  out = read_scale(v, path);
}
void from_json(const json::value& v, const std::string& path, Indicator& out) {
  out = read_indicator(v, path);
}
void from_json(const json::value& v, const std::string& path, Plan& out) {
  out = read_plan(v, path);
}
void from_json(const json::value& v, const std::string& path, Target& out) {
  out = read_target(v, path);
}
void from_json(const json::value& v, const std::string& path, Task& out) {
  out = read_task(v, path);
}
void from_json(const json::value& v, const std::string& path, TaskRating& out) {
  out = read_task_rating(v, path);
}
void from_json(const json::value& v, const std::string& path, Activity& out) {
  out = read_activity(v, path);
}
void from_json(const json::value& v, const std::string& path, Document& out) {
  out = read_document(v, path);
}

void from_json(const json::value& v, const std::string& path, UnitChange& out) {
  out = read_unit_change(v, path);
}
void from_json(const json::value& v, const std::string& path, Form& out) {
  out = read_form(v, path);
}
void from_json(const json::value& v, const std::string& path, ValidationRule& out) {
  out = read_rule(v, path);
}
void from_json(const json::value& v, const std::string& path, Submission& out) {
  out = read_submission(v, path);
}

Dataset read_metadata(std::string_view json_text) {
  const json::value root = parse_json(json_text);
  ObjectReader r(root, "");
  if (r.optional_text("format") != kFormat || r.integer("version", 0) != kVersion)
    throw invalid_input("metadata.format");
  Dataset d;
  d.note = r.optional_text("note");
  each(r, "units", [&](const auto& v, const auto& p) { d.units.push_back(read_unit(v, p)); });
  each(r, "unitChanges",
       [&](const auto& v, const auto& p) { d.unit_changes.push_back(read_unit_change(v, p)); });
  each(r, "fields", [&](const auto& v, const auto& p) { d.fields.push_back(read_field(v, p)); });
  each(r, "ratingScales",
       [&](const auto& v, const auto& p) { d.rating_scales.push_back(read_scale(v, p)); });
  each(r, "indicators",
       [&](const auto& v, const auto& p) { d.indicators.push_back(read_indicator(v, p)); });
  each(r, "plans", [&](const auto& v, const auto& p) { d.plans.push_back(read_plan(v, p)); });
  each(r, "targets", [&](const auto& v, const auto& p) { d.targets.push_back(read_target(v, p)); });
  each(r, "values", [&](const auto& v, const auto& p) { d.values.push_back(read_value(v, p)); });
  each(r, "tasks", [&](const auto& v, const auto& p) { d.tasks.push_back(read_task(v, p)); });
  each(r, "taskRatings",
       [&](const auto& v, const auto& p) { d.task_ratings.push_back(read_task_rating(v, p)); });
  each(r, "activities",
       [&](const auto& v, const auto& p) { d.activities.push_back(read_activity(v, p)); });
  each(r, "documents",
       [&](const auto& v, const auto& p) { d.documents.push_back(read_document(v, p)); });
  each(r, "forms", [&](const auto& v, const auto& p) { d.forms.push_back(read_form(v, p)); });
  each(r, "validationRules",
       [&](const auto& v, const auto& p) { d.validation_rules.push_back(read_rule(v, p)); });
  each(r, "submissions",
       [&](const auto& v, const auto& p) { d.submissions.push_back(read_submission(v, p)); });
  r.finish();
  return d;
}

std::string write_metadata(const Dataset& d) {
  json::object root;
  root["format"] = kFormat;
  root["version"] = kVersion;
  put_text(root, "note", d.note);
  root["units"] = list(d.units);
  if (!d.unit_changes.empty())
    root["unitChanges"] = list(d.unit_changes);
  root["fields"] = list(d.fields);
  root["ratingScales"] = list(d.rating_scales);
  root["indicators"] = list(d.indicators);
  root["plans"] = list(d.plans);
  root["targets"] = list(d.targets);
  root["values"] = list(d.values);
  root["tasks"] = list(d.tasks);
  root["taskRatings"] = list(d.task_ratings);
  root["activities"] = list(d.activities);
  root["documents"] = list(d.documents);
  // Reporting cycles are left out of data sets that have none, as before them.
  if (!d.forms.empty())
    root["forms"] = list(d.forms);
  if (!d.validation_rules.empty())
    root["validationRules"] = list(d.validation_rules);
  if (!d.submissions.empty())
    root["submissions"] = list(d.submissions);
  return pretty_json(root);
}

}  // namespace mandate::io
