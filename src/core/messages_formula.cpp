// Catalog part for the formula language: one message per syntax error reason
// (args: {0} formula text, {1} 1-based position, then the details noted),
// plus the formula graph errors.
#include <array>

#include "core/catalog.hpp"

namespace mandate::core::catalog {
namespace {

constexpr std::array kMessages = std::to_array<Message>({
    {"formula.syntax.empty", "Công thức trống", "The formula is empty"},
    // {2}: the character.
    {"formula.syntax.unexpected_character",
     "Công thức \"{0}\" sai ở vị trí {1}: không được dùng ký tự \"{2}\"",
     "Formula \"{0}\" is invalid at position {1}: the character \"{2}\" is not allowed"},
    {"formula.syntax.single_equals",
     "Công thức \"{0}\" sai ở vị trí {1}: so sánh bằng phải viết là \"==\", không phải \"=\"",
     "Formula \"{0}\" is invalid at position {1}: write \"==\" to compare, not \"=\""},
    {"formula.syntax.unexpected_end",
     "Công thức \"{0}\" sai ở vị trí {1}: công thức kết thúc khi còn thiếu một số, một chỉ tiêu "
     "hoặc một biểu thức",
     "Formula \"{0}\" is invalid at position {1}: the formula ends where a number, an indicator "
     "or an expression is still missing"},
    // {2}: the token found.
    {"formula.syntax.unexpected_token",
     "Công thức \"{0}\" sai ở vị trí {1}: \"{2}\" không thể đứng ở chỗ này",
     "Formula \"{0}\" is invalid at position {1}: \"{2}\" cannot appear here"},
    {"formula.syntax.unclosed_paren",
     "Công thức \"{0}\" sai ở vị trí {1}: dấu \"(\" này chưa có dấu \")\" đóng lại",
     "Formula \"{0}\" is invalid at position {1}: this \"(\" is never closed by \")\""},
    {"formula.syntax.unmatched_close_paren",
     "Công thức \"{0}\" sai ở vị trí {1}: dấu \")\" này không có dấu \"(\" tương ứng",
     "Formula \"{0}\" is invalid at position {1}: this \")\" has no matching \"(\""},
    {"formula.syntax.unclosed_brace",
     "Công thức \"{0}\" sai ở vị trí {1}: dấu \"{\" này chưa có dấu \"}\" đóng lại",
     "Formula \"{0}\" is invalid at position {1}: this \"{\" is never closed by \"}\""},
    {"formula.syntax.empty_reference",
     "Công thức \"{0}\" sai ở vị trí {1}: trong cặp ngoặc \"{}\" phải có mã chỉ tiêu, ví dụ "
     "{POPULATION}",
     "Formula \"{0}\" is invalid at position {1}: \"{}\" must hold an indicator code, e.g. "
     "{POPULATION}"},
    // {2}: the character.
    {"formula.syntax.bad_reference_character",
     "Công thức \"{0}\" sai ở vị trí {1}: mã chỉ tiêu không được chứa ký tự \"{2}\" (mã chỉ gồm "
     "chữ cái không dấu, chữ số, \"_\", \"-\", \".\" và kết thúc bằng \"}\")",
     "Formula \"{0}\" is invalid at position {1}: an indicator code cannot contain \"{2}\" (codes "
     "hold only unaccented letters, digits, \"_\", \"-\", \".\" and end with \"}\")"},
    // {2}: the function name.
    {"formula.syntax.unknown_function",
     "Công thức \"{0}\" sai ở vị trí {1}: không có hàm \"{2}\" (chỉ có các hàm min, max, if, "
     "viết thường)",
     "Formula \"{0}\" is invalid at position {1}: there is no function \"{2}\" (the functions are "
     "min, max and if, in lowercase)"},
    // {2}: the function name.
    {"formula.syntax.no_arguments",
     "Công thức \"{0}\" sai ở vị trí {1}: hàm {2} cần ít nhất một đối số",
     "Formula \"{0}\" is invalid at position {1}: {2} needs at least one argument"},
    // {2}: the function name, {3}: arguments required, {4}: arguments given.
    {"formula.syntax.wrong_argument_count",
     "Công thức \"{0}\" sai ở vị trí {1}: hàm {2} cần đúng {3} đối số nhưng có {4}",
     "Formula \"{0}\" is invalid at position {1}: {2} takes exactly {3} arguments but has {4}"},
    // {2}: the token found.
    {"formula.syntax.trailing_input",
     "Công thức \"{0}\" sai ở vị trí {1}: \"{2}\" thừa sau một biểu thức đã đủ (có thể thiếu "
     "phép tính + - * / ở giữa)",
     "Formula \"{0}\" is invalid at position {1}: \"{2}\" follows a complete expression (an "
     "operator + - * / may be missing)"},
    {"formula.syntax.comma_outside_function",
     "Công thức \"{0}\" sai ở vị trí {1}: dấu phẩy chỉ dùng để ngăn cách đối số của hàm; số "
     "thập phân viết bằng dấu chấm, ví dụ 2.5",
     "Formula \"{0}\" is invalid at position {1}: a comma only separates function arguments; "
     "write decimals with a point, e.g. 2.5"},
    // {2}: the number as written.
    {"formula.syntax.malformed_number",
     "Công thức \"{0}\" sai ở vị trí {1}: số \"{2}\" viết sai (số thập phân có đúng một dấu "
     "chấm giữa các chữ số, ví dụ 12 hoặc 0.5)",
     "Formula \"{0}\" is invalid at position {1}: the number \"{2}\" is malformed (decimals have "
     "one point between digits, e.g. 12 or 0.5)"},
    // {2}: the number as written.
    {"formula.syntax.number_too_large", "Công thức \"{0}\" sai ở vị trí {1}: số \"{2}\" quá lớn",
     "Formula \"{0}\" is invalid at position {1}: the number \"{2}\" is too large"},
    // {2}: the word; "{{2}}" renders as the word in braces.
    {"formula.syntax.bare_name",
     "Công thức \"{0}\" sai ở vị trí {1}: \"{2}\" không phải số, hàm hay chỉ tiêu (mã chỉ tiêu "
     "phải đặt trong ngoặc nhọn, ví dụ {{2}})",
     "Formula \"{0}\" is invalid at position {1}: \"{2}\" is not a number, function or indicator "
     "(put indicator codes in braces, e.g. {{2}})"},
    // {2}: the second comparison operator.
    {"formula.syntax.chained_comparison",
     "Công thức \"{0}\" sai ở vị trí {1}: không được nối liền hai phép so sánh; hãy dùng ngoặc "
     "hoặc hàm if",
     "Formula \"{0}\" is invalid at position {1}: comparisons cannot be chained; use parentheses "
     "or if()"},
    {"formula.syntax.too_complex",
     "Công thức \"{0}\" sai ở vị trí {1}: công thức lồng nhau quá sâu hoặc quá dài",
     "Formula \"{0}\" is invalid at position {1}: the formula is nested too deeply or too long"},

    // Graph of computed indicators. {0}: the cycle, e.g. "A → B → A".
    {"formula.cycle",
     "Các công thức tham chiếu vòng tròn: {0}; một chỉ tiêu không thể được tính từ chính nó",
     "Formulas refer to each other in a cycle: {0}; an indicator cannot be computed from itself"},
    // {0}: the computed indicator, {1}: the code it refers to.
    {"formula.unknown_reference",
     "Công thức của chỉ tiêu {0} tham chiếu {{1}} nhưng không có chỉ tiêu nào mã \"{1}\"",
     "The formula of indicator {0} refers to {{1}} but no indicator has the code \"{1}\""},
});

}  // namespace

std::span<const Message> formula_messages() {
  return kMessages;
}

}  // namespace mandate::core::catalog
