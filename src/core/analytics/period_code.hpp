#pragma once
// Compact period codes for the analytics engine. A calendar period is its year
// and one of 32 slots (12 months, 4 quarters, 2 halves, nine months, year, 12
// year-to-date periods); a term is an index into the engine's term list. Codes
// sort by year, so a unit's values of one year lie together.
#include <array>
#include <cstdint>
#include <span>

namespace mandate::core::analytics {

using PeriodCode = std::uint32_t;

inline constexpr unsigned kSlotsPerYear = 32;
inline constexpr int kBaseYear = 1900;                 // Period accepts 1900..2200
inline constexpr PeriodCode kTermFlag = 0x8000'0000u;  // high bit: a term
inline constexpr PeriodCode kNoPeriod = 0xffff'ffffu;

namespace slot {
constexpr unsigned month(unsigned m) {
  return m - 1;  // 0..11
}
constexpr unsigned quarter(unsigned q) {
  return 11 + q;  // 12..15
}
constexpr unsigned half(unsigned h) {
  return 15 + h;  // 16..17
}
inline constexpr unsigned nine_months = 18;
inline constexpr unsigned year = 19;
constexpr unsigned year_to_date(unsigned m) {
  return 19 + m;  // 20..31
}
}  // namespace slot

constexpr PeriodCode calendar_code(int year, unsigned slot_index) {
  return static_cast<PeriodCode>(year - kBaseYear) * kSlotsPerYear + slot_index;
}
constexpr PeriodCode term_code(unsigned term_index) {
  return kTermFlag | term_index;
}
constexpr bool is_term(PeriodCode c) {
  return (c & kTermFlag) != 0;
}
constexpr unsigned term_index(PeriodCode c) {
  return c & ~kTermFlag;
}
constexpr int code_year(PeriodCode c) {
  return static_cast<int>(c / kSlotsPerYear) + kBaseYear;
}
constexpr unsigned code_slot(PeriodCode c) {
  return c % kSlotsPerYear;
}

// Months covered by a slot, 1-based and inclusive.
struct MonthSpan {
  unsigned first;
  unsigned last;
};
MonthSpan slot_span(unsigned slot_index);

// Bit i set when slot i's months contain all of slot_index's months (itself included).
std::uint32_t containing_slots(unsigned slot_index);

// The calendar-tree parts a slot's own figure is composed of when nothing is
// reported for it exactly, in time order: quarter = its 3 months, half = its 2
// quarters, year = 2 halves, nine months = first half + third quarter,
// year-to-date = decompose(1, m). Empty for a month.
std::span<const std::uint8_t> slot_parts(unsigned slot_index);

// Covers months [first, last] of one year with the fewest calendar nodes, in
// time order: the year, nine months (from January), halves, quarters, months.
// Writes at most 12 slots to out and returns how many.
unsigned decompose(unsigned first, unsigned last, std::array<std::uint8_t, 12>& out);

}  // namespace mandate::core::analytics
