#include "core/analytics/period_code.hpp"

#include <vector>

namespace mandate::core::analytics {
namespace {

struct Tables {
  std::array<MonthSpan, kSlotsPerYear> spans{};
  std::array<std::uint32_t, kSlotsPerYear> containing{};
  std::array<std::vector<std::uint8_t>, kSlotsPerYear> parts;
};

MonthSpan compute_span(unsigned s) {
  if (s < 12)
    return {s + 1, s + 1};
  if (s < 16)
    return {(s - 12) * 3 + 1, (s - 12) * 3 + 3};
  if (s < 18)
    return {(s - 16) * 6 + 1, (s - 16) * 6 + 6};
  if (s == slot::nine_months)
    return {1, 9};
  if (s == slot::year)
    return {1, 12};
  return {1, s - 19};
}

unsigned greedy(unsigned first, unsigned last, std::uint8_t* out) {
  unsigned n = 0;
  unsigned pos = first;
  while (pos <= last) {
    if (pos == 1 && last == 12) {
      out[n++] = slot::year;
      pos = 13;
    } else if (pos == 1 && last >= 9) {
      out[n++] = slot::nine_months;
      pos = 10;
    } else if ((pos == 1 || pos == 7) && pos + 5 <= last) {
      out[n++] = static_cast<std::uint8_t>(slot::half(pos == 1 ? 1 : 2));
      pos += 6;
    } else if (pos % 3 == 1 && pos + 2 <= last) {
      out[n++] = static_cast<std::uint8_t>(slot::quarter((pos + 2) / 3));
      pos += 3;
    } else {
      out[n++] = static_cast<std::uint8_t>(slot::month(pos));
      ++pos;
    }
  }
  return n;
}

const Tables& tables() {
  static const Tables t = [] {
    Tables x;
    for (unsigned s = 0; s < kSlotsPerYear; ++s)
      x.spans[s] = compute_span(s);
    for (unsigned inner = 0; inner < kSlotsPerYear; ++inner)
      for (unsigned outer = 0; outer < kSlotsPerYear; ++outer)
        if (x.spans[outer].first <= x.spans[inner].first &&
            x.spans[inner].last <= x.spans[outer].last)
          x.containing[inner] |= 1u << outer;
    for (unsigned q = 1; q <= 4; ++q)
      for (unsigned m = q * 3 - 2; m <= q * 3; ++m)
        x.parts[slot::quarter(q)].push_back(static_cast<std::uint8_t>(slot::month(m)));
    for (unsigned h = 1; h <= 2; ++h)
      for (unsigned q = h * 2 - 1; q <= h * 2; ++q)
        x.parts[slot::half(h)].push_back(static_cast<std::uint8_t>(slot::quarter(q)));
    x.parts[slot::nine_months] = {static_cast<std::uint8_t>(slot::half(1)),
                                  static_cast<std::uint8_t>(slot::quarter(3))};
    x.parts[slot::year] = {static_cast<std::uint8_t>(slot::half(1)),
                           static_cast<std::uint8_t>(slot::half(2))};
    for (unsigned m = 1; m <= 12; ++m) {
      std::uint8_t buf[12];
      // YTD12 spans the year, so its part is the year node itself.
      unsigned n = greedy(1, m, buf);
      x.parts[slot::year_to_date(m)].assign(buf, buf + n);
    }
    return x;
  }();
  return t;
}

}  // namespace

MonthSpan slot_span(unsigned slot_index) {
  return tables().spans[slot_index];
}

std::uint32_t containing_slots(unsigned slot_index) {
  return tables().containing[slot_index];
}

std::span<const std::uint8_t> slot_parts(unsigned slot_index) {
  return tables().parts[slot_index];
}

unsigned decompose(unsigned first, unsigned last, std::array<std::uint8_t, 12>& out) {
  return greedy(first, last, out.data());
}

}  // namespace mandate::core::analytics
