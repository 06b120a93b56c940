// The formula language: parsing, evaluation, describe(), the error for every
// kind of malformed input, and the graph checks (cycles, unknown references).
#include "core/formula.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"

namespace mandate::core {
namespace {

using Values = std::map<std::string, std::optional<double>>;

std::optional<double> eval(std::string_view text, const Values& values = {}) {
  return Formula::parse(text).evaluate([&](const std::string& code) -> std::optional<double> {
    auto it = values.find(code);
    if (it == values.end())
      return std::nullopt;
    return it->second;
  });
}

// The error parse() throws for text; a test failure when it throws none.
Error parse_error(std::string_view text) {
  try {
    Formula::parse(text);
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error for \"" << text << "\"";
  return Error(ErrorCategory::internal, "none");
}

Error graph_error(const std::map<std::string, std::set<std::string>>& refs,
                  const std::set<std::string>& known) {
  try {
    check_formula_graph(refs, known);
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no graph error";
  return Error(ErrorCategory::internal, "none");
}

// ---- Numbers, operators, precedence ---------------------------------------

TEST(FormulaEvaluate, Numbers) {
  EXPECT_EQ(eval("42"), 42);
  EXPECT_EQ(eval("2.5"), 2.5);
  EXPECT_EQ(eval("0.125"), 0.125);
  EXPECT_EQ(eval("007"), 7);
  EXPECT_EQ(eval("  3  "), 3);
}

TEST(FormulaEvaluate, MultiplicationBindsTighterThanAddition) {
  EXPECT_EQ(eval("1 + 2 * 3"), 7);
  EXPECT_EQ(eval("(1 + 2) * 3"), 9);
  EXPECT_EQ(eval("2 * 3 + 4 * 5"), 26);
  EXPECT_EQ(eval("10 - 4 / 2"), 8);
}

TEST(FormulaEvaluate, ComparisonHasLowestPrecedence) {
  EXPECT_EQ(eval("1 + 2 < 4"), 1);
  EXPECT_EQ(eval("1 + 2 < 3"), 0);
  EXPECT_EQ(eval("2 * 3 == 6"), 1);
  EXPECT_EQ(eval("(1 < 2) + (3 < 4)"), 2);
}

TEST(FormulaEvaluate, LeftAssociative) {
  EXPECT_EQ(eval("8 - 3 - 2"), 3);
  EXPECT_EQ(eval("(8 - 3) - 2"), 3);
  EXPECT_EQ(eval("8 - (3 - 2)"), 7);
  EXPECT_EQ(eval("8 / 4 / 2"), 1);
  EXPECT_EQ(eval("8 / (4 / 2)"), 4);
  EXPECT_EQ(eval("2 * 3 / 4"), 1.5);
  EXPECT_EQ(eval("12 / 3 * 2"), 8);
}

TEST(FormulaEvaluate, UnaryMinus) {
  EXPECT_EQ(eval("-3"), -3);
  EXPECT_EQ(eval("--3"), 3);
  EXPECT_EQ(eval("-2 * 3"), -6);
  EXPECT_EQ(eval("2 * -3"), -6);
  EXPECT_EQ(eval("-(1 + 2)"), -3);
  EXPECT_EQ(eval("1 - -1"), 2);
  EXPECT_EQ(eval("-{A} + 10", {{"A", 4}}), 6);
  EXPECT_EQ(eval("-2 < 1"), 1);
}

TEST(FormulaEvaluate, Comparisons) {
  EXPECT_EQ(eval("1 < 2"), 1);
  EXPECT_EQ(eval("2 < 2"), 0);
  EXPECT_EQ(eval("2 <= 2"), 1);
  EXPECT_EQ(eval("3 <= 2"), 0);
  EXPECT_EQ(eval("3 > 2"), 1);
  EXPECT_EQ(eval("2 > 2"), 0);
  EXPECT_EQ(eval("2 >= 2"), 1);
  EXPECT_EQ(eval("1 >= 2"), 0);
  EXPECT_EQ(eval("2 == 2"), 1);
  EXPECT_EQ(eval("2 == 3"), 0);
  EXPECT_EQ(eval("2 != 3"), 1);
  EXPECT_EQ(eval("2 != 2"), 0);
}

TEST(FormulaEvaluate, WhitespaceAnywhereBetweenTokens) {
  EXPECT_EQ(eval(" \t1\n+\r2 "), 3);
  EXPECT_EQ(eval("{A}+{B}*2", {{"A", 1}, {"B", 2}}), 5);
  EXPECT_EQ(eval("max ( 1 , 2 )"), 2);
  EXPECT_EQ(eval("1\xC2\xA0+\xC2\xA0"
                 "2"),
            3);  // no-break spaces
}

TEST(FormulaEvaluate, References) {
  Values v{{"BHYT_INSURED", 45000}, {"POPULATION", 50000}};
  EXPECT_DOUBLE_EQ(*eval("{BHYT_INSURED} / {POPULATION} * 100", v), 90);
  EXPECT_EQ(eval("{a.b-c_1} * 2", {{"a.b-c_1", 4}}), 8);
}

TEST(FormulaEvaluate, MinAndMax) {
  EXPECT_EQ(eval("min(3, 1, 2)"), 1);
  EXPECT_EQ(eval("max(3, 1, 2)"), 3);
  EXPECT_EQ(eval("max(3)"), 3);
  EXPECT_EQ(eval("max(-1, -5)"), -1);
  EXPECT_EQ(eval("min(max(1, 4), 3) * 2"), 6);
  EXPECT_EQ(eval("min({A}, 100)", {{"A", 120}}), 100);
}

TEST(FormulaEvaluate, IfChoosesBranch) {
  EXPECT_EQ(eval("if(1, 2, 3)"), 2);
  EXPECT_EQ(eval("if(0, 2, 3)"), 3);
  EXPECT_EQ(eval("if(-0.5, 2, 3)"), 2);  // any non-zero is true
  EXPECT_EQ(eval("if({A} >= 50, 1, 0)", {{"A", 50}}), 1);
  EXPECT_EQ(eval("if({A} >= 50, 1, 0)", {{"A", 49.9}}), 0);
  const char* rate = "if({RECEIVED} == 0, 100, {RESOLVED} / {RECEIVED} * 100)";
  EXPECT_EQ(eval(rate, {{"RECEIVED", 0}, {"RESOLVED", 0}}), 100);
  EXPECT_EQ(eval(rate, {{"RECEIVED", 40}, {"RESOLVED", 30}}), 75);
}

TEST(FormulaEvaluate, IfEvaluatesOnlyTheChosenBranch) {
  EXPECT_EQ(eval("if({B} == 0, 0, {A} / {B})", {{"A", 5}, {"B", 0}}), 0);
  EXPECT_EQ(eval("if({B} == 0, 0, {A} / {B})", {{"A", 2}, {"B", 4}}), 0.5);
  EXPECT_EQ(eval("if(1, 5, {MISSING})"), 5);
  EXPECT_EQ(eval("if(0, {MISSING}, 6)"), 6);

  std::vector<std::string> looked_up;
  auto f = Formula::parse("if({C}, {T}, {E})");
  auto v = f.evaluate([&](const std::string& code) -> std::optional<double> {
    looked_up.push_back(code);
    return code == "C" ? 0 : 7;
  });
  EXPECT_EQ(v, 7);
  EXPECT_EQ(looked_up, (std::vector<std::string>{"C", "E"}));
}

// ---- No value: missing inputs, division by zero, overflow ------------------

TEST(FormulaNoValue, MissingInput) {
  EXPECT_EQ(eval("{A} + 1"), std::nullopt);
  EXPECT_EQ(eval("{A} * 0"), std::nullopt);  // never 0 for a missing input
  EXPECT_EQ(eval("-{A}"), std::nullopt);
  EXPECT_EQ(eval("{A} / {B}", {{"A", 1}}), std::nullopt);
  EXPECT_EQ(eval("{A} / {B}", {{"A", std::nullopt}, {"B", 2}}), std::nullopt);
  EXPECT_EQ(eval("{A} < 1"), std::nullopt);
  EXPECT_EQ(eval("min(1, {A}, 3)"), std::nullopt);
  EXPECT_EQ(eval("max({A}, 1)"), std::nullopt);
  EXPECT_EQ(eval("if({A}, 1, 2)"), std::nullopt);  // no condition: no value
  EXPECT_EQ(eval("if({A} == 0, 1, 2)"), std::nullopt);
}

TEST(FormulaNoValue, DivisionByZero) {
  EXPECT_EQ(eval("1 / 0"), std::nullopt);
  EXPECT_EQ(eval("0 / 0"), std::nullopt);
  EXPECT_EQ(eval("1 / (2 - 2)"), std::nullopt);
  EXPECT_EQ(eval("{A} / {B} * 100", {{"A", 3}, {"B", 0}}), std::nullopt);
  EXPECT_EQ(eval("(1 / 0) * 0"), std::nullopt);
  EXPECT_EQ(eval("(1 / 0) > 1"), std::nullopt);
}

TEST(FormulaNoValue, Overflow) {
  Values big{{"BIG", 1e308}};
  EXPECT_EQ(eval("{BIG} * 10", big), std::nullopt);
  EXPECT_EQ(eval("-{BIG} * 10", big), std::nullopt);
  EXPECT_EQ(eval("{BIG} + {BIG}", big), std::nullopt);
  EXPECT_EQ(eval("{BIG} / 0.1", big), std::nullopt);
  EXPECT_EQ(eval("{BIG} * 10 - {BIG} * 10", big), std::nullopt);  // not NaN
  EXPECT_EQ(eval("{BIG} * 1", big), 1e308);
  // A literal 1e308 written out in digits.
  EXPECT_EQ(eval("1" + std::string(308, '0') + " * 10"), std::nullopt);
}

TEST(FormulaNoValue, NonFiniteInputIsNoValue) {
  EXPECT_EQ(eval("{A} * 0", {{"A", std::numeric_limits<double>::infinity()}}), std::nullopt);
  EXPECT_EQ(eval("{A} + 1", {{"A", std::numeric_limits<double>::quiet_NaN()}}), std::nullopt);
  EXPECT_EQ(eval("if(1, 1, {A})", {{"A", std::numeric_limits<double>::quiet_NaN()}}), 1);
}

TEST(FormulaNoValue, DefaultConstructedFormula) {
  Formula f;
  EXPECT_EQ(f.evaluate([](const std::string&) { return 1.0; }), std::nullopt);
  EXPECT_EQ(f.describe([](const std::string& c) { return c; }), "");
}

// ---- Syntax errors, each with its position ---------------------------------

struct SyntaxCase {
  std::string text;
  std::string reason;                     // the code after "formula.syntax."
  int position;                           // 1-based, in characters
  std::vector<std::string> details = {};  // args after text and position, when checked
};

void PrintTo(const SyntaxCase& c, std::ostream* os) {
  *os << "\"" << c.text.substr(0, 80) << "\" -> " << c.reason << " at " << c.position;
}

class FormulaSyntaxError : public ::testing::TestWithParam<SyntaxCase> {};

TEST_P(FormulaSyntaxError, ReportsReasonAndPosition) {
  const SyntaxCase& c = GetParam();
  Error e = parse_error(c.text);
  EXPECT_EQ(e.category(), ErrorCategory::invalid_input);
  EXPECT_EQ(e.code(), "formula.syntax." + c.reason);
  ASSERT_GE(e.args().size(), 2u);
  EXPECT_EQ(e.args()[0], quotable(c.text, 200));  // quoted safely (Quotable.*)
  EXPECT_EQ(e.args()[1], std::to_string(c.position));
  if (!c.details.empty()) {
    EXPECT_EQ(std::vector<std::string>(e.args().begin() + 2, e.args().end()), c.details);
  }
  EXPECT_TRUE(has_message(e.code())) << e.code();
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, FormulaSyntaxError,
    ::testing::Values(
        SyntaxCase{"", "empty", 1}, SyntaxCase{"  \t ", "empty", 1},
        SyntaxCase{"1 +", "unexpected_end", 4}, SyntaxCase{"1 + ", "unexpected_end", 5},
        SyntaxCase{"-", "unexpected_end", 2}, SyntaxCase{"max(1, ", "unexpected_end", 8},
        SyntaxCase{"{A", "unclosed_brace", 1}, SyntaxCase{"1 + {AB", "unclosed_brace", 5},
        SyntaxCase{"{}", "empty_reference", 1}, SyntaxCase{"2 * {}", "empty_reference", 5},
        SyntaxCase{"{A B}", "bad_reference_character", 3, {" "}},
        SyntaxCase{"{A + {B}", "bad_reference_character", 3, {" "}},
        SyntaxCase{"foo(1)", "unknown_function", 1, {"foo"}},
        SyntaxCase{"1 + MIN(1, 2)", "unknown_function", 5, {"MIN"}},
        SyntaxCase{"min()", "no_arguments", 1, {"min"}},
        SyntaxCase{"2 * max( )", "no_arguments", 5, {"max"}},
        SyntaxCase{"if(1,2)", "wrong_argument_count", 1, {"if", "3", "2"}},
        SyntaxCase{"if(1, 2, 3, 4)", "wrong_argument_count", 1, {"if", "3", "4"}},
        SyntaxCase{"if()", "wrong_argument_count", 1, {"if", "3", "0"}},
        SyntaxCase{"1 2", "trailing_input", 3, {"2"}},
        SyntaxCase{"{A} {B}", "trailing_input", 5, {"{B}"}},
        SyntaxCase{"1e5", "trailing_input", 2, {"e5"}}, SyntaxCase{"(1", "unclosed_paren", 1},
        SyntaxCase{"2 * (1 + (3)", "unclosed_paren", 5},
        SyntaxCase{"min(1, 2", "unclosed_paren", 4}, SyntaxCase{"1)", "unmatched_close_paren", 2},
        SyntaxCase{"(1))", "unmatched_close_paren", 4},
        SyntaxCase{"1..2", "malformed_number", 3, {"1..2"}},
        SyntaxCase{"1.", "malformed_number", 3, {"1."}},
        SyntaxCase{".5", "malformed_number", 1, {".5"}},
        SyntaxCase{"1 + 1.2.3", "malformed_number", 8, {"1.2.3"}},
        SyntaxCase{"1" + std::string(400, '0'), "number_too_large", 1},
        SyntaxCase{"#", "unexpected_character", 1, {"#"}},
        SyntaxCase{"1 + #", "unexpected_character", 5, {"#"}},
        SyntaxCase{"1 ! 2", "unexpected_character", 3, {"!"}},
        SyntaxCase{"{A} \xC3\x97 2", "unexpected_character", 5, {"\xC3\x97"}},  // U+00D7
        SyntaxCase{"\xFF", "unexpected_character", 1, {"\\xFF"}},
        // Positions count characters, not bytes: each no-break space is 2 bytes.
        SyntaxCase{"1\xC2\xA0+\xC2\xA0#", "unexpected_character", 5, {"#"}},
        SyntaxCase{"{A} = 1", "single_equals", 5}, SyntaxCase{"()", "unexpected_token", 2, {")"}},
        SyntaxCase{"1 + * 2", "unexpected_token", 5, {"*"}},
        SyntaxCase{"+1", "unexpected_token", 1, {"+"}},
        SyntaxCase{"min(1,)", "unexpected_token", 7, {")"}},
        SyntaxCase{"min(1 2)", "unexpected_token", 7, {"2"}},
        SyntaxCase{"min(,1)", "unexpected_token", 5, {","}},
        SyntaxCase{"(1 2)", "unexpected_token", 4, {"2"}},
        SyntaxCase{"2,5", "comma_outside_function", 2},
        SyntaxCase{"(2,5)", "comma_outside_function", 3},
        SyntaxCase{"min((2,5))", "comma_outside_function", 7},
        SyntaxCase{"A + 1", "bare_name", 1, {"A"}}, SyntaxCase{"min + 1", "bare_name", 1, {"min"}},
        SyntaxCase{"1 < 2 < 3", "chained_comparison", 7, {"<"}},
        SyntaxCase{"1 == 2 != 3", "chained_comparison", 8, {"!="}},
        SyntaxCase{std::string(60, '(') + "1" + std::string(60, ')'), "too_complex", 51},
        SyntaxCase{std::string(60, '-') + "1", "too_complex", 51}));

TEST(FormulaSyntax, FirstErrorFromTheLeftWins) {
  // '#' comes after the missing operand, so the operand is reported.
  EXPECT_EQ(parse_error("1 + + #").code(), "formula.syntax.unexpected_token");
  EXPECT_EQ(parse_error("(1 #").code(), "formula.syntax.unexpected_character");
}

TEST(FormulaSyntax, FunctionNamesAreCaseSensitive) {
  EXPECT_EQ(parse_error("Max(1)").code(), "formula.syntax.unknown_function");
  EXPECT_EQ(parse_error("IF(1, 2, 3)").code(), "formula.syntax.unknown_function");
  EXPECT_NO_THROW(Formula::parse("max(1)"));
}

TEST(FormulaSyntax, ComparisonsChainOnlyWithParentheses) {
  EXPECT_EQ(eval("(1 < 2) < 3"), 1);
  EXPECT_EQ(eval("1 < (2 < 3)"), 0);
}

TEST(FormulaSyntax, NestingLimitIsGenerousForRealFormulas) {
  EXPECT_EQ(eval(std::string(40, '(') + "1" + std::string(40, ')')), 1);
  std::string sum = "1";
  for (int i = 0; i < 400; ++i)
    sum += " + 1";
  EXPECT_EQ(eval(sum), 401);
  std::string too_long = "1";
  for (int i = 0; i < 600; ++i)
    too_long += " + 1";
  EXPECT_EQ(parse_error(too_long).code(), "formula.syntax.too_complex");
  EXPECT_EQ(parse_error(std::string(100000, '(')).code(), "formula.syntax.too_complex");
}

TEST(FormulaSyntax, MessagesReadInBothLanguages) {
  Error e = parse_error("1 +");
  EXPECT_EQ(e.message(Lang::en),
            "Formula \"1 +\" is invalid at position 4: the formula ends where a number, an "
            "indicator or an expression is still missing");
  std::string vi = e.message(Lang::vi);
  EXPECT_NE(vi, e.message(Lang::en));
  EXPECT_NE(vi.find("\"1 +\""), std::string::npos);
  EXPECT_NE(vi.find(" 4"), std::string::npos);

  EXPECT_EQ(parse_error("POP * 2").message(Lang::en),
            "Formula \"POP * 2\" is invalid at position 1: \"POP\" is not a number, function or "
            "indicator (put indicator codes in braces, e.g. {POP})");
}

// ---- references(), text(), describe() --------------------------------------

TEST(FormulaReferences, SortedAndUnique) {
  auto f = Formula::parse("{B} + {A} * {B} + if({C}, 1, {D.x-1_2})");
  EXPECT_EQ(f.references(), (std::set<std::string>{"A", "B", "C", "D.x-1_2"}));
  EXPECT_TRUE(Formula::parse("1 + 2").references().empty());
  EXPECT_EQ(Formula::parse(" {A}+1 ").text(), " {A}+1 ");
}

TEST(FormulaReferences, CopiesShareTheSameMeaning) {
  Formula a = Formula::parse("{X} * 2");
  Formula b = a;
  auto lookup = [](const std::string&) -> std::optional<double> { return 21; };
  EXPECT_EQ(a.evaluate(lookup), 42);
  EXPECT_EQ(b.evaluate(lookup), 42);
  EXPECT_EQ(b.references(), a.references());
}

std::string names(const std::string& code) {
  static const std::map<std::string, std::string> n{{"A", "Insured"}, {"B", "Population"}};
  auto it = n.find(code);
  return it == n.end() ? "" : it->second;
}

TEST(FormulaDescribe, SubstitutesNamesAndShowsTimes) {
  EXPECT_EQ(Formula::parse("{A} / {B} * 100").describe(names), "Insured / Population \xC3\x97 100");
  EXPECT_EQ(Formula::parse("{A}/{B}*100").describe(names), "Insured / Population \xC3\x97 100");
}

TEST(FormulaDescribe, KeepsTheAuthorsParentheses) {
  EXPECT_EQ(Formula::parse("({A} + {B}) * 2").describe(names), "(Insured + Population) \xC3\x97 2");
  EXPECT_EQ(Formula::parse("{A} - ({B} - 1)").describe(names), "Insured - (Population - 1)");
  EXPECT_EQ(Formula::parse("((1))").describe(names), "((1))");
  EXPECT_EQ(Formula::parse("-(1 + {A})").describe(names), "-(1 + Insured)");
}

TEST(FormulaDescribe, FunctionsComparisonsAndNumbers) {
  EXPECT_EQ(Formula::parse("if({B} == 0, 0, {A} / {B})").describe(names),
            "if(Population = 0, 0, Insured / Population)");
  EXPECT_EQ(Formula::parse("min({A},2.50,max(1))").describe(names), "min(Insured, 2.50, max(1))");
  EXPECT_EQ(Formula::parse("if({A} <= 1, {A} >= 2, {A} != 3)").describe(names),
            "if(Insured \xE2\x89\xA4 1, Insured \xE2\x89\xA5 2, Insured \xE2\x89\xA0 3)");
  EXPECT_EQ(Formula::parse("{A} < {B}").describe(names), "Insured < Population");
}

TEST(FormulaDescribe, UnnamedReferenceKeepsItsCode) {
  EXPECT_EQ(Formula::parse("{ZZ} + 1").describe(names), "{ZZ} + 1");
}

// ---- check_formula_graph ---------------------------------------------------

TEST(FormulaGraph, AcyclicGraphsPass) {
  EXPECT_NO_THROW(check_formula_graph({}, {}));
  EXPECT_NO_THROW(check_formula_graph({{"A", {"B", "C"}}}, {"A", "B", "C"}));
  // Diamond: D is reached twice but there is no cycle.
  EXPECT_NO_THROW(check_formula_graph({{"A", {"B", "C"}}, {"B", {"D"}}, {"C", {"D"}}, {"D", {"E"}}},
                                      {"A", "B", "C", "D", "E"}));
}

TEST(FormulaGraph, TwoNodeCycle) {
  Error e = graph_error({{"A", {"B"}}, {"B", {"A"}}}, {"A", "B"});
  EXPECT_EQ(e.category(), ErrorCategory::invalid_input);
  EXPECT_EQ(e.code(), "formula.cycle");
  EXPECT_EQ(e.args(), (std::vector<std::string>{"A \xE2\x86\x92 B \xE2\x86\x92 A"}));
  EXPECT_TRUE(has_message("formula.cycle"));
}

TEST(FormulaGraph, SelfReferenceIsACycle) {
  Error e = graph_error({{"A", {"A"}}}, {"A"});
  EXPECT_EQ(e.code(), "formula.cycle");
  EXPECT_EQ(e.args(), (std::vector<std::string>{"A \xE2\x86\x92 A"}));
}

TEST(FormulaGraph, LongerChainReportsOnlyTheCycle) {
  // A leads into the cycle B -> C -> D -> B but is not part of it.
  Error e = graph_error({{"A", {"B"}}, {"B", {"C"}}, {"C", {"D"}}, {"D", {"B", "X"}}},
                        {"A", "B", "C", "D", "X"});
  EXPECT_EQ(e.code(), "formula.cycle");
  EXPECT_EQ(e.args(), (std::vector<std::string>{"B \xE2\x86\x92 C \xE2\x86\x92 D \xE2\x86\x92 B"}));
}

TEST(FormulaGraph, UnknownReference) {
  Error e = graph_error({{"A", {"B", "Z"}}}, {"A", "B"});
  EXPECT_EQ(e.category(), ErrorCategory::invalid_input);
  EXPECT_EQ(e.code(), "formula.unknown_reference");
  EXPECT_EQ(e.args(), (std::vector<std::string>{"A", "Z"}));
  EXPECT_EQ(e.message(Lang::en),
            "The formula of indicator A refers to {Z} but no indicator has the code \"Z\"");
}

TEST(FormulaGraph, LongChainDoesNotExhaustTheStack) {
  std::map<std::string, std::set<std::string>> refs;
  std::set<std::string> known;
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    known.insert("I" + std::to_string(i));
    if (i + 1 < n)
      refs["I" + std::to_string(i)] = {"I" + std::to_string(i + 1)};
  }
  EXPECT_NO_THROW(check_formula_graph(refs, known));
  refs["I" + std::to_string(n - 1)] = {"I0"};
  EXPECT_EQ(graph_error(refs, known).code(), "formula.cycle");
}

// ---- Catalog ---------------------------------------------------------------

TEST(FormulaCatalog, EveryMessageHasBothLanguagesWithTheSamePlaceholders) {
  auto placeholders = [](std::string_view s) {
    std::multiset<std::string> out;
    for (size_t i = 0; i + 2 < s.size(); ++i) {
      if (s[i] == '{' && s[i + 1] >= '0' && s[i + 1] <= '9' && s[i + 2] == '}') {
        out.insert(std::string(s.substr(i, 3)));
      }
    }
    return out;
  };
  auto messages = catalog::formula_messages();
  EXPECT_GE(messages.size(), 20u);
  for (const auto& m : messages) {
    SCOPED_TRACE(std::string(m.key));
    EXPECT_EQ(m.key.substr(0, 8), "formula.");
    EXPECT_FALSE(m.vi.empty());
    EXPECT_FALSE(m.en.empty());
    EXPECT_NE(m.vi, m.en);
    EXPECT_EQ(placeholders(m.vi), placeholders(m.en));
  }
}

}  // namespace
}  // namespace mandate::core
