#pragma once
// The formula language of computed indicators:
//   numbers (1, 2.5), + - * /, unary minus, parentheses,
//   references {CODE} to other indicators (CODE: ASCII letters, digits, _ - .),
//   functions min(a, b, ...), max(a, b, ...), if(cond, then, else)
//   where cond is true when non-zero and may use the comparisons < <= > >= == !=.
// Evaluation never yields 0, inf or NaN for a missing input or a division by
// zero: the result is "no value" (nullopt).
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace mandate::core {

struct FormulaNode;  // the parsed tree; defined in formula.cpp

class Formula {
 public:
  // Throws Error(invalid_input, "formula.syntax.<reason>", {text, position, details...}),
  // position 1-based in characters; one code per reason (see messages_formula.cpp).
  static Formula parse(std::string_view text);

  const std::string& text() const { return text_; }
  // Indicator codes referenced, sorted and unique.
  const std::set<std::string>& references() const { return references_; }
  // Evaluates with each reference resolved by lookup; lookup returning nullopt
  // (no value) makes the whole result nullopt unless an if() branch avoids it.
  std::optional<double> evaluate(
      const std::function<std::optional<double>(const std::string&)>& lookup) const;
  // The formula in words for people: "{A} / {B} * 100" with names substituted
  // by names(code), e.g. "Số người tham gia BHYT / Dân số × 100".
  std::string describe(const std::function<std::string(const std::string&)>& names) const;

 private:
  std::string text_;
  std::set<std::string> references_;
  std::shared_ptr<const FormulaNode> root_;  // shared: Formula is cheap to copy and immutable
};

// Given each computed indicator's references, throws
// Error(invalid_input, "formula.cycle", {"A → B → A"}) when any cycle exists,
// and Error(invalid_input, "formula.unknown_reference", {code, ref}) when a
// reference names no known indicator. `known` lists every indicator code.
void check_formula_graph(const std::map<std::string, std::set<std::string>>& references,
                         const std::set<std::string>& known);

}  // namespace mandate::core
