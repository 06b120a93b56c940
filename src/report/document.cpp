#include "report/document.hpp"

#include "core/error.hpp"

namespace mandate::report {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// "bu|ĐẢNG CỘNG SẢN VIỆT NAM" -> bold underlined line; no "|" -> plain.
StyledLine styled(std::string_view value, size_t line_no) {
  const size_t bar = value.find('|');
  if (bar == std::string_view::npos)
    return {std::string(value), kPlain};
  StyledLine out{std::string(value.substr(bar + 1)), kPlain};
  for (char c : value.substr(0, bar)) {
    if (c == 'b')
      out.style |= kBold;
    else if (c == 'i')
      out.style |= kItalic;
    else if (c == 'u')
      out.style |= kUnderline;
    else
      throw core::invalid_input("report.template.unknown_block",
                                {std::to_string(line_no), std::string(value)});
  }
  return out;
}

Block text_block(BlockType type, std::string text) {
  Block b;
  b.type = type;
  b.text = std::move(text);
  return b;
}

}  // namespace

std::vector<StyledLine> with_bold(std::vector<StyledLine> lines) {
  for (auto& l : lines)
    l.style |= kBold;
  return lines;
}

Document parse_markup(std::string_view text) {
  Document doc;
  size_t line_no = 0;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    const std::string_view raw = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    ++line_no;
    const std::string_view line = trim(raw);
    if (line.empty())
      continue;
    if (line.front() == '@') {
      const size_t colon = line.find(':');
      const std::string_view key = line.substr(1, colon == std::string_view::npos ? 0 : colon - 1);
      const std::string_view value =
          colon == std::string_view::npos ? std::string_view{} : trim(line.substr(colon + 1));
      if (key == "left")
        doc.left.push_back(styled(value, line_no));
      else if (key == "right")
        doc.right.push_back(styled(value, line_no));
      else if (key == "title")
        doc.title.push_back(styled(value, line_no));
      else if (key == "subtitle")
        doc.subtitle.push_back(styled(value, line_no));
      else if (key == "sign")
        doc.signature.push_back(styled(value, line_no));
      else if (key == "recipient")
        doc.recipients.emplace_back(value);
      else
        throw core::invalid_input("report.template.unknown_block",
                                  {std::to_string(line_no), std::string(line)});
      continue;
    }
    Block b;
    if (starts_with(line, "### ")) {
      b = text_block(BlockType::heading3, std::string(trim(line.substr(4))));
    } else if (starts_with(line, "## ")) {
      b = text_block(BlockType::heading2, std::string(trim(line.substr(3))));
    } else if (starts_with(line, "# ")) {
      b = text_block(BlockType::heading1, std::string(trim(line.substr(2))));
    } else if (starts_with(line, "- ")) {
      b = text_block(BlockType::item, std::string(line));
    } else if (starts_with(line, "? ")) {
      b = text_block(BlockType::write_here, std::string(trim(line.substr(2))));
    } else if (starts_with(line, "[table ") || starts_with(line, "[chart ")) {
      if (line.back() != ']')
        throw core::invalid_input("report.template.unknown_block",
                                  {std::to_string(line_no), std::string(line)});
      b.type = line[1] == 't' ? BlockType::table : BlockType::chart;
      b.text = std::string(trim(line.substr(7, line.size() - 8)));
    } else {
      b = text_block(BlockType::paragraph, std::string(line));
    }
    doc.body.push_back(std::move(b));
  }
  return doc;
}

}  // namespace mandate::report
