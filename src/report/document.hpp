#pragma once
// A report laid out as blocks, independent of the file format: what a
// template produces once filled in, with its tables and charts resolved.
// The DOCX and PDF writers lay out the same Document.
#include <string>
#include <string_view>
#include <vector>

namespace mandate::report {

enum TextStyle : unsigned { kPlain = 0, kBold = 1, kItalic = 2, kUnderline = 4 };

struct StyledLine {
  std::string text;
  unsigned style = kPlain;
};

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<double> widths;     // relative column widths
  std::vector<bool> align_right;  // per column
};

struct ChartBar {
  std::string label;
  double value = 0;
  std::string display;  // the value as printed beside the bar
  bool good = true;     // drawn in the "met" colour
};

struct Chart {
  std::string title;
  std::vector<ChartBar> bars;
  double reference = 0;  // a vertical line at this value (100 for % of target); 0: none
};

enum class BlockType { heading1, heading2, heading3, paragraph, item, write_here, table, chart };

struct Block {
  BlockType type = BlockType::paragraph;
  std::string text;  // the text; for a table or chart, its name in the template
  Table table;       // type == table
  Chart chart;       // type == chart
};

struct Document {
  std::vector<StyledLine> left;         // issuing body, number (top left)
  std::vector<StyledLine> right;        // national or party motto, place and date (top right)
  std::vector<StyledLine> title;        // centred, bold
  std::vector<StyledLine> subtitle;     // centred under the title
  std::vector<StyledLine> signature;    // signing block (bottom right)
  std::vector<std::string> recipients;  // "Nơi nhận" (bottom left)
  std::vector<Block> body;
};

// The lines made bold (titles are bold whatever the template says).
std::vector<StyledLine> with_bold(std::vector<StyledLine> lines);

// Parses a filled-in template (docs/reports.md, "Template syntax"):
//   @left: / @right: / @title: / @subtitle: / @sign: STYLE|text   header and footer lines
//   @recipient: text                                               a "Nơi nhận" line
//   # / ## / ### text                                              headings
//   - text                                                         a list paragraph
//   ? prompt                                                       a place for the office to write
//   [table NAME] / [chart NAME]                                    a table or chart
//   any other non-empty line                                       a paragraph
// STYLE is any of b (bold), i (italic), u (underline). Throws
// Error(invalid_input, "report.template.unknown_block") on a line it cannot read.
Document parse_markup(std::string_view text);

}  // namespace mandate::report
