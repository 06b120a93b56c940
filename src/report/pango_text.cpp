#include "report/pango_text.hpp"

#include <memory>

#include <pango/pangocairo.h>

namespace mandate::report {
namespace {

using LayoutPtr = std::unique_ptr<PangoLayout, decltype(&g_object_unref)>;

LayoutPtr make_layout(cairo_t* cr, std::string_view text, const TextBox& box) {
  LayoutPtr layout(pango_cairo_create_layout(cr), g_object_unref);
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, kFontFamily);
  pango_font_description_set_size(font, static_cast<int>(box.size * PANGO_SCALE));
  pango_font_description_set_weight(font,
                                    box.style & kBold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(font,
                                   box.style & kItalic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description(layout.get(), font);
  pango_font_description_free(font);
  if (box.style & kUnderline) {
    PangoAttrList* attrs = pango_attr_list_new();
    pango_attr_list_insert(attrs, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE));
    pango_layout_set_attributes(layout.get(), attrs);
    pango_attr_list_unref(attrs);
  }
  pango_layout_set_width(layout.get(), static_cast<int>(box.width * PANGO_SCALE));
  if (box.one_line)
    pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
  else
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_indent(layout.get(), static_cast<int>(box.indent * PANGO_SCALE));
  pango_layout_set_line_spacing(layout.get(), static_cast<float>(box.line_spacing));
  switch (box.align) {
    case TextAlign::left:
      pango_layout_set_alignment(layout.get(), PANGO_ALIGN_LEFT);
      break;
    case TextAlign::center:
      pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
      break;
    case TextAlign::right:
      pango_layout_set_alignment(layout.get(), PANGO_ALIGN_RIGHT);
      break;
    case TextAlign::justify:
      pango_layout_set_justify(layout.get(), TRUE);
      break;
  }
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  return layout;
}

double height_of(PangoLayout* layout) {
  int w = 0;
  int h = 0;
  pango_layout_get_size(layout, &w, &h);
  return static_cast<double>(h) / PANGO_SCALE;
}

}  // namespace

double draw_text(cairo_t* cr, std::string_view text, const TextBox& box) {
  auto layout = make_layout(cr, text, box);
  cairo_move_to(cr, box.x, box.y);
  pango_cairo_show_layout(cr, layout.get());
  return height_of(layout.get());
}

double text_height(cairo_t* cr, std::string_view text, const TextBox& box) {
  return height_of(make_layout(cr, text, box).get());
}

}  // namespace mandate::report
