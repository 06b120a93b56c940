#include "report/pdf_writer.hpp"

#include <algorithm>
#include <memory>

#include <cairo-pdf.h>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "report/chart_painter.hpp"
#include "report/pango_text.hpp"

namespace mandate::report {
namespace {

// A4 in points; margins (Nghị định 30/2020/NĐ-CP): top and bottom 20 mm,
// left 30 mm, right 20 mm.
constexpr double kPageWidth = 595.28;
constexpr double kPageHeight = 841.89;
constexpr double kTop = 56.7;
constexpr double kBottom = kPageHeight - 56.7;
constexpr double kLeft = 85.0;
constexpr double kRight = kPageWidth - 56.7;
constexpr double kWidth = kRight - kLeft;
constexpr double kBodySize = 14;
constexpr double kHeadSize = 12.5;  // the header blocks
constexpr double kIndent = 28.35;   // 1 cm
constexpr double kAfter = 6;
constexpr double kTableSize = 10.5;
constexpr double kCellPad = 2.5;

class PdfLayout {
 public:
  explicit PdfLayout(std::string& out)
      : surface_(cairo_pdf_surface_create_for_stream(
                     [](void* closure, const unsigned char* data, unsigned int length) {
                       static_cast<std::string*>(closure)->append(
                           reinterpret_cast<const char*>(data), length);
                       return CAIRO_STATUS_SUCCESS;
                     },
                     &out, kPageWidth, kPageHeight),
                 cairo_surface_destroy),
        cr_(cairo_create(surface_.get()), cairo_destroy) {}

  void write(const Document& doc) {
    header(doc);
    for (const Block& b : doc.body)
      block(b);
    footer(doc);
    cairo_show_page(cr());
    cairo_surface_finish(surface_.get());
    if (const auto status = cairo_surface_status(surface_.get()); status != CAIRO_STATUS_SUCCESS)
      throw core::Error(core::ErrorCategory::internal, "report.render.failed",
                        {"PDF", cairo_status_to_string(status)});
  }

 private:
  cairo_t* cr() { return cr_.get(); }

  // Starts a new page when h more points do not fit on this one.
  void ensure(double h) {
    if (y_ + h <= kBottom)
      return;
    cairo_show_page(cr());
    ++page_;
    y_ = kTop;
    // Page numbers from the second page on, centred at the top.
    draw_text(cr(), std::to_string(page_),
              {kLeft, kTop - 30, kWidth, 12, kPlain, TextAlign::center});
  }

  double lines_height(const std::vector<StyledLine>& lines, double width, double size) {
    double h = 0;
    for (const auto& l : lines)
      h += text_height(cr(), l.text.empty() ? " " : l.text, {0, 0, width, size, l.style});
    return h;
  }

  double draw_lines(const std::vector<StyledLine>& lines, double x, double y, double width,
                    double size, TextAlign align) {
    for (const auto& l : lines)
      y += draw_text(cr(), l.text.empty() ? " " : l.text, {x, y, width, size, l.style, align});
    return y;
  }

  void header(const Document& doc) {
    const double left_width = kWidth * 0.4;
    const double right_x = kLeft + left_width;
    const double right_width = kWidth - left_width;
    const double left_end =
        draw_lines(doc.left, kLeft - 20, y_, left_width + 10, kHeadSize, TextAlign::center);
    const double right_end =
        draw_lines(doc.right, right_x, y_, right_width, kHeadSize, TextAlign::center);
    y_ = std::max(left_end, right_end) + 18;
    y_ = draw_lines(with_bold(doc.title), kLeft, y_, kWidth, kBodySize, TextAlign::center);
    y_ = draw_lines(with_bold(doc.subtitle), kLeft, y_, kWidth, kBodySize, TextAlign::center);
    cairo_set_line_width(cr(), 0.6);
    cairo_move_to(cr(), kLeft + kWidth / 2 - 40, y_ + 9);
    cairo_line_to(cr(), kLeft + kWidth / 2 + 40, y_ + 9);
    cairo_stroke(cr());
    y_ += 22;
  }

  void paragraph(const std::string& text, unsigned style, double indent) {
    const TextBox box{kLeft, 0, kWidth, kBodySize, style, TextAlign::justify, false, indent, 1.1};
    const double h = text_height(cr(), text, box);
    ensure(h);  // a paragraph is not split across pages
    TextBox at = box;
    at.y = y_;
    y_ += draw_text(cr(), text, at) + kAfter;
  }

  void block(const Block& b) {
    switch (b.type) {
      case BlockType::heading1:
        y_ += 4;
        paragraph(b.text, kBold, 0);
        break;
      case BlockType::heading2:
        paragraph(b.text, kBold, kIndent);
        break;
      case BlockType::heading3:
        paragraph(b.text, kBold | kItalic, kIndent);
        break;
      case BlockType::paragraph:
      case BlockType::item:
        paragraph(b.text, kPlain, kIndent);
        break;
      case BlockType::write_here:
        paragraph(core::tr(core::Lang::vi, "report.write_here", {b.text}), kItalic, kIndent);
        dotted_lines(2);
        break;
      case BlockType::table:
        table(b.table);
        break;
      case BlockType::chart:
        ensure(chart_height(b.chart) + kAfter);
        cairo_save(cr());
        cairo_translate(cr(), kLeft, y_);
        draw_chart(cr(), b.chart, kWidth);
        cairo_restore(cr());
        y_ += chart_height(b.chart) + kAfter;
        break;
    }
  }

  void dotted_lines(int n) {
    const double dash[] = {1, 3};
    for (int i = 0; i < n; ++i) {
      ensure(20);
      y_ += 14;
      cairo_save(cr());
      cairo_set_dash(cr(), dash, 2, 0);
      cairo_set_line_width(cr(), 0.7);
      cairo_move_to(cr(), kLeft, y_);
      cairo_line_to(cr(), kRight, y_);
      cairo_stroke(cr());
      cairo_restore(cr());
      y_ += 6;
    }
    y_ += kAfter;
  }

  // Column x positions and widths from the table's relative widths.
  std::vector<double> column_widths(const Table& t) {
    double total = 0;
    for (double w : t.widths)
      total += w;
    std::vector<double> out;
    for (double w : t.widths)
      out.push_back(kWidth * w / total);
    return out;
  }

  double row_height(const std::vector<std::string>& cells, const std::vector<double>& widths,
                    unsigned style) {
    double h = 0;
    for (size_t c = 0; c < cells.size() && c < widths.size(); ++c)
      h = std::max(
          h, text_height(cr(), cells[c], {0, 0, widths[c] - 2 * kCellPad, kTableSize, style}));
    return h + 2 * kCellPad;
  }

  void row(const std::vector<std::string>& cells, const std::vector<double>& widths,
           const std::vector<bool>& right, bool head) {
    const unsigned style = head ? kBold : kPlain;
    const double h = row_height(cells, widths, style);
    double x = kLeft;
    for (size_t c = 0; c < cells.size() && c < widths.size(); ++c) {
      if (head) {
        cairo_set_source_rgb(cr(), 0.88, 0.88, 0.88);
        cairo_rectangle(cr(), x, y_, widths[c], h);
        cairo_fill(cr());
        cairo_set_source_rgb(cr(), 0, 0, 0);
      }
      const TextAlign align = head                           ? TextAlign::center
                              : c < right.size() && right[c] ? TextAlign::right
                                                             : TextAlign::left;
      draw_text(cr(), cells[c],
                {x + kCellPad, y_ + kCellPad, widths[c] - 2 * kCellPad, kTableSize, style, align});
      cairo_set_line_width(cr(), 0.5);
      cairo_rectangle(cr(), x, y_, widths[c], h);
      cairo_stroke(cr());
      x += widths[c];
    }
    y_ += h;
  }

  void table(const Table& t) {
    const auto widths = column_widths(t);
    const double head = row_height(t.header, widths, kBold);
    ensure(head + 2 * kTableSize);
    row(t.header, widths, t.align_right, true);
    for (const auto& r : t.rows) {
      const double h = row_height(r, widths, kPlain);
      if (y_ + h > kBottom) {
        ensure(h + head);
        row(t.header, widths, t.align_right, true);  // the header again on each page
      }
      row(r, widths, t.align_right, false);
    }
    y_ += kAfter * 2;
  }

  void footer(const Document& doc) {
    const double left_width = kWidth * 0.45;
    const double right_width = kWidth - left_width;
    std::vector<StyledLine> recipients{
        {core::tr(core::Lang::vi, "report.recipients"), kBold | kItalic}};
    for (const auto& r : doc.recipients)
      recipients.push_back({r, kPlain});
    const double h = std::max(lines_height(recipients, left_width, 11),
                              lines_height(doc.signature, right_width, kBodySize) + 70);
    ensure(h + 12);
    y_ += 12;
    draw_lines(recipients, kLeft, y_, left_width, 11, TextAlign::left);
    draw_lines(doc.signature, kLeft + left_width, y_, right_width, kBodySize, TextAlign::center);
    y_ += h;
  }

  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface_;
  std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr_;
  double y_ = kTop;
  int page_ = 1;
};

}  // namespace

std::string write_pdf(const Document& doc) {
  std::string out;
  {
    PdfLayout layout(out);
    layout.write(doc);
  }
  return out;
}

}  // namespace mandate::report
