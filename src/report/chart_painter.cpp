#include "report/chart_painter.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

#include "core/error.hpp"
#include "report/pango_text.hpp"

namespace mandate::report {
namespace {

constexpr double kTitleHeight = 24;
constexpr double kRowHeight = 17;
constexpr double kBottom = 8;
constexpr double kFontSize = 9.5;

void set_rgb(cairo_t* cr, unsigned rgb) {
  cairo_set_source_rgb(cr, ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0,
                       (rgb & 0xFF) / 255.0);
}

}  // namespace

double chart_height(const Chart& chart) {
  return kTitleHeight + kRowHeight * static_cast<double>(chart.bars.size()) + kBottom;
}

void draw_chart(cairo_t* cr, const Chart& chart, double width) {
  cairo_save(cr);
  set_rgb(cr, 0x000000);
  draw_text(cr, chart.title, {0, 2, width, kFontSize + 1, kBold, TextAlign::center});

  double max = chart.reference;
  for (const auto& b : chart.bars)
    max = std::max(max, b.value);
  max = max <= 0 ? 1 : max * 1.08;
  const double label_width = width * 0.42;
  const double value_width = 52;
  const double x0 = label_width + 6;
  const double bar_width = width - x0 - value_width;
  const double top = kTitleHeight;
  const double bottom = top + kRowHeight * static_cast<double>(chart.bars.size());

  for (size_t i = 0; i < chart.bars.size(); ++i) {
    const auto& b = chart.bars[i];
    const double y = top + kRowHeight * static_cast<double>(i);
    set_rgb(cr, 0x000000);
    draw_text(cr, b.label, {0, y + 2, label_width, kFontSize, kPlain, TextAlign::right, true});
    const double w = std::max(0.0, b.value) / max * bar_width;
    set_rgb(cr, chart.reference > 0 ? (b.good ? 0x2E7D32 : 0xC62828) : 0x1F5FA8);
    cairo_rectangle(cr, x0, y + 3, w, kRowHeight - 6);
    cairo_fill(cr);
    set_rgb(cr, 0x000000);
    draw_text(cr, b.display, {x0 + w + 3, y + 2, value_width, kFontSize, kPlain, TextAlign::left});
  }
  set_rgb(cr, 0x555555);
  cairo_set_line_width(cr, 0.6);
  cairo_move_to(cr, x0, top);
  cairo_line_to(cr, x0, bottom);
  cairo_stroke(cr);
  if (chart.reference > 0) {
    const double x = x0 + chart.reference / max * bar_width;
    const double dash[] = {3, 2};
    cairo_set_dash(cr, dash, 2, 0);
    cairo_move_to(cr, x, top - 2);
    cairo_line_to(cr, x, bottom + 2);
    cairo_stroke(cr);
  }
  cairo_restore(cr);
}

std::string chart_png(const Chart& chart, double width, double scale) {
  const int w = static_cast<int>(std::ceil(width * scale));
  const int h = static_cast<int>(std::ceil(chart_height(chart) * scale));
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h), cairo_surface_destroy);
  std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), cairo_destroy);
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  cairo_scale(cr.get(), scale, scale);
  draw_chart(cr.get(), chart, width);
  cairo_surface_flush(surface.get());
  std::string png;
  const auto status = cairo_surface_write_to_png_stream(
      surface.get(),
      [](void* closure, const unsigned char* data, unsigned int length) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
      },
      &png);
  if (status != CAIRO_STATUS_SUCCESS)
    throw core::Error(core::ErrorCategory::internal, "report.render.failed",
                      {"PNG", cairo_status_to_string(status)});
  return png;
}

}  // namespace mandate::report
