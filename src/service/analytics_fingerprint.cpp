#include "service/analytics_fingerprint.hpp"

#include <bit>
#include <functional>
#include <string_view>

#include "core/date.hpp"
#include "core/unit_change.hpp"

namespace mandate::service {
namespace {

// Fields separated by a unit separator, records by a record separator, so no
// two different inputs give the same text.
void field(std::string& out, std::string_view s) {
  out.append(s).push_back('\x1f');
}
void end_record(std::string& out) {
  out.push_back('\x1e');
}

std::uint64_t mix(std::uint64_t x) {  // splitmix64's finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace

std::string analytics_metadata(const core::Dataset& data) {
  std::string out;
  for (const auto& u : data.units) {
    field(out, u.code);
    field(out, u.parent_code);
    end_record(out);
  }
  for (const auto& i : data.indicators) {
    field(out, i.code);
    field(out, core::aggregation_name(i.aggregation));
    field(out, core::direction_name(i.direction));
    field(out, i.formula);
    end_record(out);
  }
  for (const auto& c : data.unit_changes) {
    field(out, core::unit_change_kind_name(c.kind));
    field(out, core::format_iso_date(c.effective));
    for (const auto& f : c.from)
      field(out, f);
    field(out, "->");
    for (const auto& t : c.to)
      field(out, t);
    field(out, c.new_parent);
    end_record(out);
  }
  for (const auto& p : data.plans) {
    field(out, p.term);
    end_record(out);
  }
  for (const auto& t : data.targets) {
    field(out, t.indicator);
    field(out, t.unit);
    field(out, t.period);
    field(out, std::to_string(std::bit_cast<std::uint64_t>(t.value)));
    end_record(out);
  }
  return out;
}

std::uint64_t value_hash(const std::string& indicator, const std::string& unit,
                         const std::string& period, core::ValueKind kind, double value) {
  const std::hash<std::string> h;
  std::uint64_t x = mix(h(indicator));
  x = mix(x ^ h(unit));
  x = mix(x ^ h(period));
  x = mix(x ^ (kind == core::ValueKind::official ? 1u : 2u));
  return mix(x ^ std::bit_cast<std::uint64_t>(value));
}

std::uint64_t values_hash(const core::Dataset& data) {
  std::uint64_t sum = 0;
  for (const auto& v : data.values)
    sum += value_hash(v);
  return sum;
}

}  // namespace mandate::service
