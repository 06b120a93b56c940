#include "core/formula.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace mandate::core {

enum class NodeKind {
  number,
  reference,
  negate,
  add,
  subtract,
  multiply,
  divide,
  less,
  less_equal,
  greater,
  greater_equal,
  equal,
  not_equal,
  min,
  max,
  if_,
};

// Built mutable by the parser, then only ever reached through
// shared_ptr<const FormulaNode>, so a parsed Formula never changes.
struct FormulaNode {
  NodeKind kind = NodeKind::number;
  double value = 0;  // number
  std::string text;  // number: its source spelling; reference: the code
  int parens = 0;    // parentheses written around it, so describe() keeps the author's grouping
  int height = 1;    // bounds the recursion of evaluate(), describe() and destruction
  std::vector<std::unique_ptr<const FormulaNode>> children;
};

namespace {

using NodePtr = std::unique_ptr<FormulaNode>;
using Lookup = std::function<std::optional<double>(const std::string&)>;

// Limits that keep hostile input from exhausting the stack: no real formula
// nests 50 parentheses or chains 500 operators.
constexpr int kMaxNesting = 50;
constexpr int kMaxHeight = 500;

enum class Tok {
  end,
  number,
  reference,
  word,
  plus,
  minus,
  star,
  slash,
  lparen,
  rparen,
  comma,
  less,
  less_equal,
  greater,
  greater_equal,
  equal,
  not_equal,
};

struct Token {
  Tok kind = Tok::end;
  size_t offset = 0;          // byte offset of the first character
  std::string_view spelling;  // the token as written
  std::string_view name;      // reference code or word
  double value = 0;           // number
  bool call = false;          // word directly followed by '('
};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_code_char(char c) {
  return is_letter(c) || is_digit(c) || c == '_' || c == '-' || c == '.';
}

bool is_comparison(Tok t) {
  return t == Tok::less || t == Tok::less_equal || t == Tok::greater || t == Tok::greater_equal ||
         t == Tok::equal || t == Tok::not_equal;
}

NodeKind binary_kind(Tok t) {
  switch (t) {
    case Tok::plus:
      return NodeKind::add;
    case Tok::minus:
      return NodeKind::subtract;
    case Tok::star:
      return NodeKind::multiply;
    case Tok::slash:
      return NodeKind::divide;
    case Tok::less:
      return NodeKind::less;
    case Tok::less_equal:
      return NodeKind::less_equal;
    case Tok::greater:
      return NodeKind::greater;
    case Tok::greater_equal:
      return NodeKind::greater_equal;
    case Tok::equal:
      return NodeKind::equal;
    default:
      return NodeKind::not_equal;
  }
}

// Length of the UTF-8 sequence starting at text[at], or 0 when invalid.
size_t utf8_length(std::string_view text, size_t at) {
  auto lead = static_cast<unsigned char>(text[at]);
  size_t n = lead < 0x80           ? 1
             : (lead >> 5) == 0x6  ? 2
             : (lead >> 4) == 0xE  ? 3
             : (lead >> 3) == 0x1E ? 4
                                   : 0;
  if (n == 0 || at + n > text.size())
    return 0;
  for (size_t i = 1; i < n; ++i) {
    if ((static_cast<unsigned char>(text[at + i]) & 0xC0) != 0x80)
      return 0;
  }
  return n;
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  NodePtr parse() {
    advance();
    if (token_.kind == Tok::end)
      fail("empty", 0);
    NodePtr root = parse_expression();
    switch (token_.kind) {
      case Tok::end:
        return root;
      case Tok::rparen:
        fail("unmatched_close_paren", token_.offset);
      case Tok::comma:
        fail("comma_outside_function", token_.offset);
      default:
        fail("trailing_input", token_.offset, {std::string(token_.spelling)});
    }
  }

  std::set<std::string> take_references() { return std::move(references_); }

 private:
  // Counts the nesting of parentheses, calls and unary minus while parsing.
  class Nest {
   public:
    Nest(Parser& p, size_t offset) : p_(p) {
      if (++p_.nesting_ > kMaxNesting)
        p_.fail("too_complex", offset);
    }
    ~Nest() { --p_.nesting_; }
    Nest(const Nest&) = delete;
    Nest& operator=(const Nest&) = delete;

   private:
    Parser& p_;
  };

  // Error codes are "formula.syntax.<reason>", one per reason, so each has a
  // whole sentence in the catalog in both languages.
  [[noreturn]] void fail(const char* reason, size_t offset, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{std::string(text_), std::to_string(position(offset))};
    for (auto& e : extra)
      args.push_back(std::move(e));
    throw invalid_input(std::string("formula.syntax.") + reason, std::move(args));
  }

  // 1-based position in code points, as a person counts characters.
  size_t position(size_t offset) const {
    size_t count = 1;
    for (size_t i = 0; i < offset && i < text_.size(); ++i) {
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80)
        ++count;
    }
    return count;
  }

  size_t skip_space(size_t at) const {
    while (at < text_.size()) {
      char c = text_[at];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++at;
      } else if (text_.substr(at, 2) == "\xC2\xA0") {
        at += 2;  // no-break space, common in text pasted from word processors
      } else {
        break;
      }
    }
    return at;
  }

  void advance() {
    size_t at = skip_space(pos_);
    token_ = Token{};
    token_.offset = at;
    if (at >= text_.size()) {
      pos_ = at;
      return;
    }
    char c = text_[at];
    size_t end = at + 1;
    switch (c) {
      case '+':
        token_.kind = Tok::plus;
        break;
      case '-':
        token_.kind = Tok::minus;
        break;
      case '*':
        token_.kind = Tok::star;
        break;
      case '/':
        token_.kind = Tok::slash;
        break;
      case '(':
        token_.kind = Tok::lparen;
        break;
      case ')':
        token_.kind = Tok::rparen;
        break;
      case ',':
        token_.kind = Tok::comma;
        break;
      case '<':
      case '>': {
        bool with_equal = at + 1 < text_.size() && text_[at + 1] == '=';
        end = at + (with_equal ? 2 : 1);
        token_.kind = c == '<' ? (with_equal ? Tok::less_equal : Tok::less)
                               : (with_equal ? Tok::greater_equal : Tok::greater);
        break;
      }
      case '=':
        if (at + 1 >= text_.size() || text_[at + 1] != '=')
          fail("single_equals", at);
        end = at + 2;
        token_.kind = Tok::equal;
        break;
      case '!':
        if (at + 1 >= text_.size() || text_[at + 1] != '=')
          fail("unexpected_character", at, {"!"});
        end = at + 2;
        token_.kind = Tok::not_equal;
        break;
      case '{':
        end = lex_reference(at);
        break;
      default:
        if (is_digit(c) || c == '.') {
          end = lex_number(at);
        } else if (is_letter(c) || c == '_') {
          end = lex_word(at);
        } else {
          size_t n = utf8_length(text_, at);
          std::string shown;
          if (n == 0) {
            static constexpr char hex[] = "0123456789ABCDEF";
            auto b = static_cast<unsigned char>(c);
            shown = std::string("\\x") + hex[b >> 4] + hex[b & 0xF];
          } else {
            shown = std::string(text_.substr(at, n));
          }
          fail("unexpected_character", at, {shown});
        }
    }
    token_.spelling = text_.substr(at, end - at);
    pos_ = end;
  }

  // Digits with at most one '.', which must have digits on both sides. The
  // whole run of digits and dots is read so "1..2" is one malformed number.
  size_t lex_number(size_t at) {
    size_t end = at;
    while (end < text_.size() && (is_digit(text_[end]) || text_[end] == '.'))
      ++end;
    std::string_view run = text_.substr(at, end - at);
    size_t i = 0;
    while (i < run.size() && is_digit(run[i]))
      ++i;
    size_t bad = std::string_view::npos;
    if (i == 0) {
      bad = 0;
    } else if (i < run.size()) {
      ++i;  // the '.'
      size_t digits_from = i;
      while (i < run.size() && is_digit(run[i]))
        ++i;
      if (i == digits_from || i < run.size())
        bad = i;
    }
    if (bad != std::string_view::npos)
      fail("malformed_number", at + bad, {std::string(run)});
    double value = 0;
    auto [ptr, ec] =
        std::from_chars(run.data(), run.data() + run.size(), value, std::chars_format::fixed);
    if (ec == std::errc::result_out_of_range || !std::isfinite(value)) {
      fail("number_too_large", at, {std::string(run)});
    }
    if (ec != std::errc{} || ptr != run.data() + run.size()) {
      fail("malformed_number", at, {std::string(run)});
    }
    token_.kind = Tok::number;
    token_.value = value;
    return end;
  }

  size_t lex_reference(size_t open) {
    size_t at = open + 1;
    while (at < text_.size() && text_[at] != '}') {
      if (!is_code_char(text_[at])) {
        size_t n = utf8_length(text_, at);
        fail("bad_reference_character", at, {std::string(text_.substr(at, n == 0 ? 1 : n))});
      }
      ++at;
    }
    if (at >= text_.size())
      fail("unclosed_brace", open);
    if (at == open + 1)
      fail("empty_reference", open);
    token_.kind = Tok::reference;
    token_.name = text_.substr(open + 1, at - open - 1);
    return at + 1;
  }

  size_t lex_word(size_t at) {
    size_t end = at;
    while (end < text_.size() &&
           (is_letter(text_[end]) || is_digit(text_[end]) || text_[end] == '_')) {
      ++end;
    }
    token_.kind = Tok::word;
    token_.name = text_.substr(at, end - at);
    size_t next = skip_space(end);
    token_.call = next < text_.size() && text_[next] == '(';
    return end;
  }

  NodePtr make(NodeKind kind, size_t offset, std::vector<NodePtr> children) {
    auto node = std::make_unique<FormulaNode>();
    node->kind = kind;
    for (auto& child : children) {
      node->height = std::max(node->height, child->height + 1);
      node->children.push_back(std::move(child));
    }
    if (node->height > kMaxHeight)
      fail("too_complex", offset);
    return node;
  }

  NodePtr make_binary(Tok op, size_t offset, NodePtr left, NodePtr right) {
    std::vector<NodePtr> children;
    children.push_back(std::move(left));
    children.push_back(std::move(right));
    return make(binary_kind(op), offset, std::move(children));
  }

  // expression := additive [comparison additive]; comparisons do not chain.
  NodePtr parse_expression() {
    NodePtr left = parse_additive();
    if (!is_comparison(token_.kind))
      return left;
    Token op = token_;
    advance();
    NodePtr right = parse_additive();
    if (is_comparison(token_.kind)) {
      fail("chained_comparison", token_.offset, {std::string(token_.spelling)});
    }
    return make_binary(op.kind, op.offset, std::move(left), std::move(right));
  }

  NodePtr parse_additive() {
    NodePtr left = parse_multiplicative();
    while (token_.kind == Tok::plus || token_.kind == Tok::minus) {
      Token op = token_;
      advance();
      left = make_binary(op.kind, op.offset, std::move(left), parse_multiplicative());
    }
    return left;
  }

  NodePtr parse_multiplicative() {
    NodePtr left = parse_unary();
    while (token_.kind == Tok::star || token_.kind == Tok::slash) {
      Token op = token_;
      advance();
      left = make_binary(op.kind, op.offset, std::move(left), parse_unary());
    }
    return left;
  }

  NodePtr parse_unary() {
    if (token_.kind != Tok::minus)
      return parse_primary();
    size_t offset = token_.offset;
    Nest nest(*this, offset);
    advance();
    std::vector<NodePtr> operand;
    operand.push_back(parse_unary());
    return make(NodeKind::negate, offset, std::move(operand));
  }

  NodePtr parse_primary() {
    switch (token_.kind) {
      case Tok::number: {
        auto node = std::make_unique<FormulaNode>();
        node->value = token_.value;
        node->text = std::string(token_.spelling);
        advance();
        return node;
      }
      case Tok::reference: {
        auto node = std::make_unique<FormulaNode>();
        node->kind = NodeKind::reference;
        node->text = std::string(token_.name);
        references_.insert(node->text);
        advance();
        return node;
      }
      case Tok::lparen:
        return parse_group();
      case Tok::word:
        return parse_call();
      case Tok::end:
        fail("unexpected_end", token_.offset);
      default:
        unexpected();
    }
  }

  NodePtr parse_group() {
    size_t open = token_.offset;
    Nest nest(*this, open);
    advance();
    bool saved = in_arguments_;
    in_arguments_ = false;
    NodePtr inner = parse_expression();
    if (token_.kind == Tok::end)
      fail("unclosed_paren", open);
    if (token_.kind != Tok::rparen)
      unexpected();  // still outside any argument list, for the comma hint
    in_arguments_ = saved;
    advance();
    ++inner->parens;
    return inner;
  }

  NodePtr parse_call() {
    size_t name_offset = token_.offset;
    std::string name(token_.name);
    if (!token_.call)
      fail("bare_name", name_offset, {name});
    NodeKind kind = NodeKind::min;
    if (name == "min") {
      kind = NodeKind::min;
    } else if (name == "max") {
      kind = NodeKind::max;
    } else if (name == "if") {
      kind = NodeKind::if_;
    } else {
      fail("unknown_function", name_offset, {name});
    }
    Nest nest(*this, name_offset);
    advance();  // the name
    size_t open = token_.offset;
    advance();  // '('
    bool saved = in_arguments_;
    in_arguments_ = true;
    std::vector<NodePtr> args;
    if (token_.kind != Tok::rparen) {
      while (true) {
        args.push_back(parse_expression());
        if (token_.kind == Tok::comma) {
          advance();
        } else if (token_.kind == Tok::rparen) {
          break;
        } else if (token_.kind == Tok::end) {
          fail("unclosed_paren", open);
        } else {
          unexpected();
        }
      }
    }
    advance();  // ')'
    in_arguments_ = saved;
    if (kind == NodeKind::if_ && args.size() != 3) {
      fail("wrong_argument_count", name_offset, {name, "3", std::to_string(args.size())});
    }
    if (args.empty())
      fail("no_arguments", name_offset, {name});
    return make(kind, name_offset, std::move(args));
  }

  [[noreturn]] void unexpected() {
    // A stray comma is most often a decimal comma ("2,5"), so say so.
    if (token_.kind == Tok::comma && !in_arguments_)
      fail("comma_outside_function", token_.offset);
    fail("unexpected_token", token_.offset, {std::string(token_.spelling)});
  }

  std::string_view text_;
  size_t pos_ = 0;
  Token token_;
  int nesting_ = 0;
  bool in_arguments_ = false;
  std::set<std::string> references_;
};

// A result that is inf or NaN is "no value", never a number.
std::optional<double> finite(double v) {
  if (!std::isfinite(v))
    return std::nullopt;
  return v;
}

std::optional<double> eval(const FormulaNode& n, const Lookup& lookup) {
  switch (n.kind) {
    case NodeKind::number:
      return n.value;
    case NodeKind::reference: {
      std::optional<double> v = lookup(n.text);
      if (!v)
        return std::nullopt;
      return finite(*v);
    }
    case NodeKind::negate: {
      std::optional<double> v = eval(*n.children[0], lookup);
      if (!v)
        return std::nullopt;
      return -*v;
    }
    case NodeKind::if_: {
      // Only the chosen branch is evaluated, so a guarded division stays valid.
      std::optional<double> cond = eval(*n.children[0], lookup);
      if (!cond)
        return std::nullopt;
      return eval(*n.children[*cond != 0 ? 1 : 2], lookup);
    }
    case NodeKind::min:
    case NodeKind::max: {
      std::optional<double> best;
      for (const auto& child : n.children) {
        std::optional<double> v = eval(*child, lookup);
        if (!v)
          return std::nullopt;
        if (!best || (n.kind == NodeKind::min ? *v < *best : *v > *best))
          best = v;
      }
      return best;
    }
    default:
      break;
  }
  std::optional<double> a = eval(*n.children[0], lookup);
  if (!a)
    return std::nullopt;
  std::optional<double> b = eval(*n.children[1], lookup);
  if (!b)
    return std::nullopt;
  switch (n.kind) {
    case NodeKind::add:
      return finite(*a + *b);
    case NodeKind::subtract:
      return finite(*a - *b);
    case NodeKind::multiply:
      return finite(*a * *b);
    case NodeKind::divide:
      if (*b == 0)
        return std::nullopt;
      return finite(*a / *b);
    case NodeKind::less:
      return *a < *b ? 1.0 : 0.0;
    case NodeKind::less_equal:
      return *a <= *b ? 1.0 : 0.0;
    case NodeKind::greater:
      return *a > *b ? 1.0 : 0.0;
    case NodeKind::greater_equal:
      return *a >= *b ? 1.0 : 0.0;
    case NodeKind::equal:
      return *a == *b ? 1.0 : 0.0;
    case NodeKind::not_equal:
      return *a != *b ? 1.0 : 0.0;
    default:
      return std::nullopt;  // unreachable: every kind is handled above
  }
}

std::string_view operator_text(NodeKind kind) {
  switch (kind) {
    case NodeKind::add:
      return " + ";
    case NodeKind::subtract:
      return " - ";
    case NodeKind::multiply:
      return " × ";
    case NodeKind::divide:
      return " / ";
    case NodeKind::less:
      return " < ";
    case NodeKind::less_equal:
      return " ≤ ";
    case NodeKind::greater:
      return " > ";
    case NodeKind::greater_equal:
      return " ≥ ";
    case NodeKind::equal:
      return " = ";
    case NodeKind::not_equal:
      return " ≠ ";
    default:
      return " ? ";
  }
}

void render(const FormulaNode& n, const std::function<std::string(const std::string&)>& names,
            std::string& out) {
  out.append(static_cast<size_t>(n.parens), '(');
  switch (n.kind) {
    case NodeKind::number:
      out += n.text;
      break;
    case NodeKind::reference: {
      std::string name = names(n.text);
      out += name.empty() ? "{" + n.text + "}" : name;
      break;
    }
    case NodeKind::negate:
      out += '-';
      render(*n.children[0], names, out);
      break;
    case NodeKind::min:
    case NodeKind::max:
    case NodeKind::if_:
      out += n.kind == NodeKind::min ? "min(" : n.kind == NodeKind::max ? "max(" : "if(";
      for (size_t i = 0; i < n.children.size(); ++i) {
        if (i > 0)
          out += ", ";
        render(*n.children[i], names, out);
      }
      out += ')';
      break;
    default:
      render(*n.children[0], names, out);
      out += operator_text(n.kind);
      render(*n.children[1], names, out);
  }
  out.append(static_cast<size_t>(n.parens), ')');
}

}  // namespace

Formula Formula::parse(std::string_view text) {
  Parser parser(text);
  Formula f;
  f.root_ = parser.parse();
  f.text_ = std::string(text);
  f.references_ = parser.take_references();
  return f;
}

std::optional<double> Formula::evaluate(const Lookup& lookup) const {
  if (!root_)
    return std::nullopt;  // a default-constructed Formula has no expression
  return eval(*root_, lookup);
}

std::string Formula::describe(const std::function<std::string(const std::string&)>& names) const {
  std::string out;
  if (root_)
    render(*root_, names, out);
  return out;
}

void check_formula_graph(const std::map<std::string, std::set<std::string>>& references,
                         const std::set<std::string>& known) {
  for (const auto& [code, refs] : references) {
    for (const auto& ref : refs) {
      if (!known.contains(ref))
        throw invalid_input("formula.unknown_reference", {code, ref});
    }
  }

  // Depth-first search with an explicit stack, so a long chain of formulas
  // cannot overflow the call stack. Codes are visited in sorted order, so the
  // cycle reported is the same on every run.
  enum class Mark { on_path, done };
  std::map<std::string_view, Mark> marks;
  struct Frame {
    const std::string* code;
    std::set<std::string>::const_iterator next;
    std::set<std::string>::const_iterator end;
  };
  for (const auto& [start, start_refs] : references) {
    if (marks.contains(start))
      continue;
    std::vector<Frame> path{{&start, start_refs.begin(), start_refs.end()}};
    marks[start] = Mark::on_path;
    while (!path.empty()) {
      Frame& top = path.back();
      if (top.next == top.end) {
        marks[*top.code] = Mark::done;
        path.pop_back();
        continue;
      }
      const std::string& ref = *top.next++;
      auto it = references.find(ref);
      if (it == references.end())
        continue;  // reported directly: cannot close a cycle
      auto mark = marks.find(ref);
      if (mark == marks.end()) {
        marks[it->first] = Mark::on_path;
        path.push_back({&it->first, it->second.begin(), it->second.end()});
      } else if (mark->second == Mark::on_path) {
        std::string cycle;
        bool in_cycle = false;
        for (const auto& frame : path) {
          in_cycle = in_cycle || *frame.code == ref;
          if (in_cycle)
            cycle += *frame.code + " → ";
        }
        cycle += ref;
        throw invalid_input("formula.cycle", {cycle});
      }
    }
  }
}

}  // namespace mandate::core
