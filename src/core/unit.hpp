#pragma once
// A unit (đơn vị) of the hierarchy.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace mandate::core {

enum class UnitType {
  province,           // tỉnh
  city,               // thành phố
  district,           // quận, huyện
  ward,               // phường
  commune,            // xã
  party_committee,    // đảng ủy, thành ủy
  peoples_committee,  // ủy ban nhân dân
  department,         // ban, phòng
  party_cell,         // chi bộ
  residential_block,  // khối, thôn
};

std::string_view unit_type_name(UnitType t);      // "ward", ...
UnitType parse_unit_type(std::string_view name);  // throws invalid_input
// True for the bodies of a unit (its committees and departments) as opposed to
// areas and grassroots units: documents they issue count as the unit's own.
bool is_body_type(UnitType t);

struct Unit {
  std::string code;  // stable identifier, e.g. "LS-VT"
  std::string name;  // NFC, e.g. "Phường Vĩnh Trại"
  UnitType type = UnitType::ward;
  std::string parent_code;          // empty for a root
  std::vector<std::string> groups;  // e.g. "urban", "rural"
  std::optional<Date> valid_from;
  std::optional<Date> valid_to;  // inclusive; empty while the unit exists
  bool illustrative = false;     // made up for the demo, not from a source

  bool valid_on(Date d) const;
};

}  // namespace mandate::core
