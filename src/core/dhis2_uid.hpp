#pragma once
// DHIS2-style identifiers. DHIS2 names every object by an 11-character uid: a
// letter, then 10 letters or digits. Mandate names its records by code and
// derives a uid from (kind, code) with a fixed hash, so the uid needs no
// storage, is the same on every machine and in every run, and a record keeps
// its uid for as long as it keeps its code.
//
// The kind strings below are part of the uids: changing one changes every uid
// of that kind, which breaks every script that has stored them.
#include <string>
#include <string_view>

namespace mandate::core {

// Kinds of records that are exchanged with DHIS2.
inline constexpr std::string_view kDhis2KindIndicator = "indicator";   // dataElement
inline constexpr std::string_view kDhis2KindUnit = "unit";             // organisationUnit
inline constexpr std::string_view kDhis2KindValueKind = "value_kind";  // attributeOptionCombo
// DHIS2's own uid of its "default" category option combo, the same in every
// DHIS2 database: what a data value without a breakdown carries.
inline constexpr std::string_view kDhis2DefaultComboUid = "HllvX50cXC0";

// The uid of the record of `kind` with `code`: [A-Za-z][A-Za-z0-9]{10}.
std::string dhis2_uid(std::string_view kind, std::string_view code);

// True when text has the shape of a DHIS2 uid.
bool is_dhis2_uid(std::string_view text);

}  // namespace mandate::core
