#include "core/unit.hpp"

#include "core/enum_table.hpp"

namespace mandate::core {
namespace {
constexpr EnumTable<UnitType, 10> kUnitTypes{{{
                                                 {UnitType::province, "province"},
                                                 {UnitType::city, "city"},
                                                 {UnitType::district, "district"},
                                                 {UnitType::ward, "ward"},
                                                 {UnitType::commune, "commune"},
                                                 {UnitType::party_committee, "party_committee"},
                                                 {UnitType::peoples_committee, "peoples_committee"},
                                                 {UnitType::department, "department"},
                                                 {UnitType::party_cell, "party_cell"},
                                                 {UnitType::residential_block, "residential_block"},
                                             }},
                                             "unit_type.invalid"};
}  // namespace

std::string_view unit_type_name(UnitType t) {
  return kUnitTypes.name(t);
}
UnitType parse_unit_type(std::string_view name) {
  return kUnitTypes.parse(name);
}

bool is_body_type(UnitType t) {
  return t == UnitType::party_committee || t == UnitType::peoples_committee ||
         t == UnitType::department;
}

bool Unit::valid_on(Date d) const {
  if (valid_from && d < *valid_from)
    return false;
  if (valid_to && d > *valid_to)
    return false;
  return true;
}

}  // namespace mandate::core
