#include "core/number_format.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string_view>

#include "core/error.hpp"

namespace mandate::core {
namespace {

// A finite decimal 0.d1d2d3... x 10^point, sign kept apart. digits has no
// leading or trailing zeros; an empty digits string is zero.
struct Decimal {
  bool negative = false;
  std::string digits;
  int point = 0;
};

void trim_zeros(Decimal& d) {
  size_t lead = d.digits.find_first_not_of('0');
  if (lead == std::string::npos) {
    d.digits.clear();
    d.point = 0;
    return;
  }
  d.digits.erase(0, lead);
  d.point -= static_cast<int>(lead);
  d.digits.erase(d.digits.find_last_not_of('0') + 1);
}

// The shortest representation that reads back as x: what a person typed.
Decimal to_decimal(double x) {
  std::array<char, 64> buf{};
  auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), x);
  std::string_view s(buf.data(), static_cast<size_t>(end - buf.data()));
  Decimal d;
  if (!s.empty() && s[0] == '-') {
    d.negative = true;
    s.remove_prefix(1);
  }
  int exponent = 0;
  if (size_t e = s.find('e'); e != std::string_view::npos) {
    std::string_view exp_text = s.substr(e + 1);
    if (!exp_text.empty() && exp_text[0] == '+')
      exp_text.remove_prefix(1);
    std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exponent);
    s = s.substr(0, e);
  }
  size_t dot = s.find('.');
  if (dot == std::string_view::npos) {
    d.digits = std::string(s);
    d.point = static_cast<int>(s.size());
  } else {
    d.digits = std::string(s.substr(0, dot)) + std::string(s.substr(dot + 1));
    d.point = static_cast<int>(dot);
  }
  d.point += exponent;
  trim_zeros(d);
  if (d.digits.empty())
    d.negative = false;
  return d;
}

// Rounds half away from zero to `decimals` places after the point.
Decimal round_decimal(Decimal d, int decimals) {
  long keep = static_cast<long>(d.point) + decimals;
  if (keep >= static_cast<long>(d.digits.size()))
    return d;
  if (keep < 0)
    return Decimal{};  // below half a unit of the last kept place
  bool up = d.digits[static_cast<size_t>(keep)] >= '5';
  d.digits.resize(static_cast<size_t>(keep));
  if (up) {
    size_t i = d.digits.size();
    while (i > 0 && d.digits[i - 1] == '9')
      d.digits[--i] = '0';
    if (i == 0) {
      d.digits.insert(d.digits.begin(), '1');
      d.point += 1;
    } else {
      ++d.digits[i - 1];
    }
  }
  trim_zeros(d);
  if (d.digits.empty())
    d.negative = false;
  return d;
}

std::string integer_part(const Decimal& d) {
  if (d.point <= 0)
    return "0";
  std::string out = d.digits.substr(0, std::min(d.digits.size(), static_cast<size_t>(d.point)));
  out.append(static_cast<size_t>(d.point) - out.size(), '0');
  return out;
}

std::string fraction_part(const Decimal& d) {
  if (d.point >= static_cast<int>(d.digits.size()))
    return {};
  if (d.point >= 0)
    return d.digits.substr(static_cast<size_t>(d.point));
  return std::string(static_cast<size_t>(-d.point), '0') + d.digits;
}

std::string render(const Decimal& d, Lang lang) {
  char group = lang == Lang::vi ? '.' : ',';
  char decimal = lang == Lang::vi ? ',' : '.';
  std::string whole = integer_part(d);
  std::string out;
  if (d.negative)
    out += '-';
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0)
      out += group;
    out += whole[i];
  }
  std::string fraction = fraction_part(d);
  if (!fraction.empty()) {
    out += decimal;
    out += fraction;
  }
  return out;
}

Decimal checked_decimal(double x) {
  if (!std::isfinite(x))
    throw invalid_input("number.not_finite");
  return to_decimal(x);
}

// True when |d| >= 10^power.
bool at_least_power(const Decimal& d, int power) {
  return !d.digits.empty() && d.point > power;
}

std::string trim_ascii(const std::string& text) {
  size_t b = text.find_first_not_of(" \t\r\n");
  if (b == std::string::npos)
    return {};
  size_t e = text.find_last_not_of(" \t\r\n");
  return text.substr(b, e - b + 1);
}

bool all_digits(std::string_view s) {
  if (s.empty())
    return false;
  for (char c : s) {
    if (c < '0' || c > '9')
      return false;
  }
  return true;
}

// "1.234.567": a first group of one to three digits not starting with 0 (a
// leading zero means the dot is a decimal point), then groups of exactly three.
bool strip_grouping(std::string_view s, std::string& out) {
  size_t dot = s.find('.');
  std::string_view first = s.substr(0, dot);
  if (first.empty() || first.size() > 3 || !all_digits(first) || first[0] == '0')
    return false;
  out = std::string(first);
  while (dot != std::string_view::npos) {
    size_t next = s.find('.', dot + 1);
    std::string_view group =
        s.substr(dot + 1, next == std::string_view::npos ? next : next - dot - 1);
    if (group.size() != 3 || !all_digits(group))
      return false;
    out += group;
    dot = next;
  }
  return true;
}

}  // namespace

double round_half_away(double x, int decimals) {
  if (!std::isfinite(x))
    return x;
  Decimal d = round_decimal(to_decimal(x), decimals);
  if (d.digits.empty())
    return 0.0;
  std::string text = (d.negative ? "-0." : "0.") + d.digits + "e" + std::to_string(d.point);
  double out = 0;
  std::from_chars(text.data(), text.data() + text.size(), out);
  return out;
}

std::string format_number(double x, Lang lang, int max_decimals) {
  return render(round_decimal(checked_decimal(x), max_decimals), lang);
}

std::string format_percent(double x, Lang lang, int max_decimals) {
  return format_number(x, lang, max_decimals) + "%";
}

std::string format_money(double dong, Lang lang, MoneyScale scale, int max_decimals) {
  Decimal d = checked_decimal(dong);
  // Beyond 400 places every double is exact or zero; the bound keeps the arithmetic below safe.
  max_decimals = std::clamp(max_decimals, -400, 400);
  if (scale == MoneyScale::automatic) {
    // Decide on the rounded amount, so 999,999,999 reads as 1 billion, not 1,000 million.
    if (at_least_power(round_decimal(d, max_decimals - 6), 9)) {
      scale = MoneyScale::billion;
    } else if (at_least_power(round_decimal(d, max_decimals), 6)) {
      scale = MoneyScale::million;
    } else {
      scale = MoneyScale::dong;
    }
  }
  // Scaling shifts the decimal point: exact, no binary division.
  std::string_view key = "money.dong";
  if (scale == MoneyScale::billion) {
    if (!d.digits.empty())
      d.point -= 9;
    key = "money.billion";
  } else if (scale == MoneyScale::million) {
    if (!d.digits.empty())
      d.point -= 6;
    key = "money.million";
  }
  return tr(lang, key, {render(round_decimal(d, max_decimals), lang)});
}

std::optional<double> parse_vi_number(const std::string& text) {
  std::string s = trim_ascii(text);
  bool negative = !s.empty() && s[0] == '-';
  std::string_view body = s;
  if (negative)
    body.remove_prefix(1);
  if (body.empty())
    return std::nullopt;

  std::string whole;
  std::string fraction;
  size_t comma = body.find(',');
  if (comma != std::string_view::npos) {
    // A comma is the decimal separator; the part before may be grouped with dots.
    std::string_view left = body.substr(0, comma);
    std::string_view right = body.substr(comma + 1);
    if (!all_digits(right))
      return std::nullopt;
    fraction = std::string(right);
    if (all_digits(left)) {
      whole = std::string(left);
    } else if (!strip_grouping(left, whole)) {
      return std::nullopt;
    }
  } else if (all_digits(body)) {
    whole = std::string(body);
  } else if (!strip_grouping(body, whole)) {
    // Not a thousands grouping: a single dot is then a decimal point ("65.3").
    size_t dot = body.find('.');
    if (dot == std::string_view::npos || body.find('.', dot + 1) != std::string_view::npos) {
      return std::nullopt;
    }
    std::string_view left = body.substr(0, dot);
    std::string_view right = body.substr(dot + 1);
    if (!all_digits(left) || !all_digits(right))
      return std::nullopt;
    whole = std::string(left);
    fraction = std::string(right);
  }

  std::string canonical = (negative ? "-" : "") + whole;
  if (!fraction.empty())
    canonical += "." + fraction;
  double value = 0;
  auto [end, ec] = std::from_chars(canonical.data(), canonical.data() + canonical.size(), value);
  if (ec != std::errc() || end != canonical.data() + canonical.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  if (value == 0)
    value = 0;  // "-0" reads as plain zero
  return value;
}

}  // namespace mandate::core
