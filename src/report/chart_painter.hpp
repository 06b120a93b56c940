#pragma once
// Draws a bar chart with cairo and pango: vector graphics in the PDF, a PNG
// image in the DOCX.
#include <string>

#include <cairo.h>

#include "report/document.hpp"

namespace mandate::report {

// The height, in points, of a chart drawn at any width.
double chart_height(const Chart& chart);
// Draws the chart with its top-left corner at the current origin of cr.
void draw_chart(cairo_t* cr, const Chart& chart, double width);
// The chart as a PNG, width points wide at `scale` pixels per point.
std::string chart_png(const Chart& chart, double width, double scale);

}  // namespace mandate::report
