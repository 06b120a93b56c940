#pragma once
// Text laid out with pango on a cairo surface, in the report's font
// (Liberation Serif: the metrics of Times New Roman, every Vietnamese glyph).
#include <string_view>

#include <cairo.h>

#include "report/document.hpp"

namespace mandate::report {

inline constexpr const char* kFontFamily = "Liberation Serif";

enum class TextAlign { left, center, right, justify };

struct TextBox {
  double x = 0;
  double y = 0;
  double width = 0;
  double size = 14;  // points
  unsigned style = kPlain;
  TextAlign align = TextAlign::left;
  bool one_line = false;  // cut with "…" instead of wrapping
  double indent = 0;      // first line
  double line_spacing = 1.0;
};

// Draws text wrapped to the box's width; returns the height it took.
double draw_text(cairo_t* cr, std::string_view text, const TextBox& box);
// The height text would take, without drawing.
double text_height(cairo_t* cr, std::string_view text, const TextBox& box);

}  // namespace mandate::report
