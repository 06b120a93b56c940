#include "service/analytics_fingerprint.hpp"

#include <bit>
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

}  // namespace

std::string analytics_metadata(const core::Dataset& data) {
  std::string out;
  for (const auto& u : data.units) {
    field(out, u.code);
    field(out, u.parent_code);
    field(out, u.valid_from ? core::format_iso_date(*u.valid_from) : "");
    field(out, u.valid_to ? core::format_iso_date(*u.valid_to) : "");
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
    for (const double share : c.shares)
      field(out, std::to_string(std::bit_cast<std::uint64_t>(share)));
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

}  // namespace mandate::service
