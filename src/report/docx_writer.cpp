#include "report/docx_writer.hpp"

#include <sstream>

#include <pugixml.hpp>

#include "core/i18n.hpp"
#include "report/chart_painter.hpp"
#include "report/zip_writer.hpp"

namespace mandate::report {
namespace {

// A4 in twips; margins: top and bottom 20 mm, left 30 mm, right 20 mm.
constexpr int kPageWidth = 11906;
constexpr int kPageHeight = 16838;
constexpr int kMarginTop = 1134;
constexpr int kMarginLeft = 1701;
constexpr int kMarginRight = 1134;
constexpr int kTextWidth = kPageWidth - kMarginLeft - kMarginRight;
constexpr int kBody = 28;   // half-points: 14 pt
constexpr int kHead = 24;   // 12 pt in the header blocks
constexpr int kTable = 21;  // 10.5 pt
constexpr int kIndent = 567;
constexpr double kChartScale = 2.5;  // pixels per point in chart images (180 dpi)
constexpr long kEmuPerPoint = 12700;

const char* const kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>)";

// The page number, centred at the top from the second page on (titlePg).
const char* const kHeader =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>)";

const char* const kPackageRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>)";

const char* const kStyles =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>)";

std::string serialize(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw, pugi::encoding_utf8);
  return out.str();
}

class DocxBuilder {
 public:
  DocxBuilder() {
    auto decl = xml_.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    decl.append_attribute("standalone") = "yes";
    auto root = xml_.append_child("w:document");
    root.append_attribute("xmlns:w") =
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    root.append_attribute("xmlns:r") =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    root.append_attribute("xmlns:wp") =
        "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    root.append_attribute("xmlns:a") = "http://schemas.openxmlformats.org/drawingml/2006/main";
    root.append_attribute("xmlns:pic") = "http://schemas.openxmlformats.org/drawingml/2006/picture";
    body_ = root.append_child("w:body");
  }

  std::string build(const Document& doc) {
    header(doc);
    for (const Block& b : doc.body)
      block(b);
    footer(doc);
    section();
    ZipWriter zip;
    zip.add("[Content_Types].xml", kContentTypes);
    zip.add("_rels/.rels", kPackageRels);
    zip.add("word/document.xml", serialize(xml_));
    zip.add("word/styles.xml", kStyles);
    zip.add("word/header1.xml", kHeader);
    zip.add("word/_rels/document.xml.rels", relationships());
    for (size_t i = 0; i < images_.size(); ++i)
      zip.add("word/media/chart" + std::to_string(i + 1) + ".png", images_[i]);
    return zip.finish();
  }

 private:
  static void set(pugi::xml_node node, const char* name, const std::string& value) {
    node.append_child(name).append_attribute("w:val") = value.c_str();
  }

  static pugi::xml_node paragraph(pugi::xml_node parent, const char* jc, int first_line = 0,
                                  int after = 0) {
    auto p = parent.append_child("w:p");
    auto ppr = p.append_child("w:pPr");
    auto spacing = ppr.append_child("w:spacing");
    spacing.append_attribute("w:after") = after;
    spacing.append_attribute("w:line") = after > 0 ? 276 : 240;
    spacing.append_attribute("w:lineRule") = "auto";
    if (first_line > 0)
      ppr.append_child("w:ind").append_attribute("w:firstLine") = first_line;
    set(ppr, "w:jc", jc);
    return p;
  }

  static void run(pugi::xml_node p, const std::string& text, unsigned style, int size,
                  bool highlight = false) {
    auto r = p.append_child("w:r");
    auto rpr = r.append_child("w:rPr");
    if (style & kBold)
      rpr.append_child("w:b");
    if (style & kItalic)
      rpr.append_child("w:i");
    if (style & kUnderline)
      set(rpr, "w:u", "single");
    set(rpr, "w:sz", std::to_string(size));
    set(rpr, "w:szCs", std::to_string(size));
    if (highlight)
      set(rpr, "w:highlight", "yellow");
    auto t = r.append_child("w:t");
    t.append_attribute("xml:space") = "preserve";
    t.text().set(text.c_str());
  }

  static void lines(pugi::xml_node parent, const std::vector<StyledLine>& ls, const char* jc,
                    int size) {
    for (const auto& l : ls)
      run(paragraph(parent, jc), l.text, l.style, size);
  }

  // A table of width columns (twips); borders: "single" or "nil".
  static pugi::xml_node table(pugi::xml_node parent, const std::vector<int>& widths,
                              const char* border) {
    auto tbl = parent.append_child("w:tbl");
    auto pr = tbl.append_child("w:tblPr");
    auto w = pr.append_child("w:tblW");
    w.append_attribute("w:w") = 0;
    w.append_attribute("w:type") = "auto";
    set(pr, "w:jc", "center");
    auto borders = pr.append_child("w:tblBorders");
    for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
      auto b = borders.append_child(side);
      b.append_attribute("w:val") = border;
      b.append_attribute("w:sz") = 4;
      b.append_attribute("w:space") = 0;
      b.append_attribute("w:color") = "000000";
    }
    pr.append_child("w:tblLayout").append_attribute("w:type") = "fixed";
    auto grid = tbl.append_child("w:tblGrid");
    for (int width : widths)
      grid.append_child("w:gridCol").append_attribute("w:w") = width;
    return tbl;
  }

  static pugi::xml_node cell(pugi::xml_node row, int width, const char* shade = nullptr) {
    auto tc = row.append_child("w:tc");
    auto pr = tc.append_child("w:tcPr");
    auto w = pr.append_child("w:tcW");
    w.append_attribute("w:w") = width;
    w.append_attribute("w:type") = "dxa";
    if (shade) {
      auto s = pr.append_child("w:shd");
      s.append_attribute("w:val") = "clear";
      s.append_attribute("w:color") = "auto";
      s.append_attribute("w:fill") = shade;
    }
    return tc;
  }

  void header(const Document& doc) {
    const int left = kTextWidth * 40 / 100;
    auto tbl = table(body_, {left, kTextWidth - left}, "nil");
    auto tr = tbl.append_child("w:tr");
    lines(cell(tr, left), doc.left, "center", kHead);
    lines(cell(tr, kTextWidth - left), doc.right, "center", kHead);
    paragraph(body_, "center");
    lines(body_, with_bold(doc.title), "center", kBody);
    lines(body_, with_bold(doc.subtitle), "center", kBody);
    run(paragraph(body_, "center", 0, 240), "-----", kPlain, kBody);
  }

  void block(const Block& b) {
    switch (b.type) {
      case BlockType::heading1:
        run(paragraph(body_, "both", 0, 120), b.text, kBold, kBody);
        break;
      case BlockType::heading2:
        run(paragraph(body_, "both", kIndent, 120), b.text, kBold, kBody);
        break;
      case BlockType::heading3:
        run(paragraph(body_, "both", kIndent, 120), b.text, kBold | kItalic, kBody);
        break;
      case BlockType::paragraph:
      case BlockType::item:
        run(paragraph(body_, "both", kIndent, 120), b.text, kPlain, kBody);
        break;
      case BlockType::write_here: {
        run(paragraph(body_, "both", kIndent, 120),
            core::tr(core::Lang::vi, "report.write_here", {b.text}), kItalic, kBody, true);
        for (int i = 0; i < 2; ++i)
          run(paragraph(body_, "both", 0, 120), std::string(110, '.'), kPlain, kBody);
        break;
      }
      case BlockType::table:
        indicator_table(b.table);
        break;
      case BlockType::chart:
        chart(b.chart);
        break;
    }
  }

  void indicator_table(const Table& t) {
    double total = 0;
    for (double w : t.widths)
      total += w;
    std::vector<int> widths;
    for (double w : t.widths)
      widths.push_back(static_cast<int>(kTextWidth * w / total));
    auto tbl = table(body_, widths, "single");
    auto head = tbl.append_child("w:tr");
    head.append_child("w:trPr").append_child("w:tblHeader");
    for (size_t c = 0; c < t.header.size() && c < widths.size(); ++c)
      run(paragraph(cell(head, widths[c], "E0E0E0"), "center"), t.header[c], kBold, kTable);
    for (const auto& r : t.rows) {
      auto tr = tbl.append_child("w:tr");
      tr.append_child("w:trPr").append_child("w:cantSplit");
      for (size_t c = 0; c < r.size() && c < widths.size(); ++c) {
        const bool right = c < t.align_right.size() && t.align_right[c];
        run(paragraph(cell(tr, widths[c]), right ? "right" : "left"), r[c], kPlain, kTable);
      }
    }
    paragraph(body_, "both", 0, 120);
  }

  void chart(const Chart& c) {
    const double width = kTextWidth / 20.0;  // points
    images_.push_back(chart_png(c, width, kChartScale));
    const size_t n = images_.size();
    const std::string id = "rIdImage" + std::to_string(n);
    const long cx = static_cast<long>(width * kEmuPerPoint);
    const long cy = static_cast<long>(chart_height(c) * kEmuPerPoint);
    auto drawing = paragraph(body_, "center", 0, 120).append_child("w:r").append_child("w:drawing");
    auto inl = drawing.append_child("wp:inline");
    for (const char* d : {"distT", "distB", "distL", "distR"})
      inl.append_attribute(d) = 0;
    auto extent = inl.append_child("wp:extent");
    extent.append_attribute("cx") = cx;
    extent.append_attribute("cy") = cy;
    auto pr = inl.append_child("wp:docPr");
    pr.append_attribute("id") = static_cast<unsigned>(n);
    pr.append_attribute("name") = ("Chart " + std::to_string(n)).c_str();
    pr.append_attribute("descr") = c.title.c_str();
    auto data = inl.append_child("a:graphic").append_child("a:graphicData");
    data.append_attribute("uri") = "http://schemas.openxmlformats.org/drawingml/2006/picture";
    auto pic = data.append_child("pic:pic");
    auto nv = pic.append_child("pic:nvPicPr");
    auto cnv = nv.append_child("pic:cNvPr");
    cnv.append_attribute("id") = static_cast<unsigned>(n);
    cnv.append_attribute("name") = ("chart" + std::to_string(n) + ".png").c_str();
    nv.append_child("pic:cNvPicPr");
    auto fill = pic.append_child("pic:blipFill");
    fill.append_child("a:blip").append_attribute("r:embed") = id.c_str();
    fill.append_child("a:stretch").append_child("a:fillRect");
    auto sp = pic.append_child("pic:spPr");
    auto xfrm = sp.append_child("a:xfrm");
    auto off = xfrm.append_child("a:off");
    off.append_attribute("x") = 0;
    off.append_attribute("y") = 0;
    auto ext = xfrm.append_child("a:ext");
    ext.append_attribute("cx") = cx;
    ext.append_attribute("cy") = cy;
    auto geom = sp.append_child("a:prstGeom");
    geom.append_attribute("prst") = "rect";
    geom.append_child("a:avLst");
  }

  void footer(const Document& doc) {
    paragraph(body_, "both");
    const int left = kTextWidth * 45 / 100;
    auto tbl = table(body_, {left, kTextWidth - left}, "nil");
    auto tr = tbl.append_child("w:tr");
    tr.append_child("w:trPr").append_child("w:cantSplit");
    auto recipients = cell(tr, left);
    run(paragraph(recipients, "left"), core::tr(core::Lang::vi, "report.recipients"),
        kBold | kItalic, 24);
    for (const auto& r : doc.recipients)
      run(paragraph(recipients, "left"), r, kPlain, kTable);
    lines(cell(tr, kTextWidth - left), doc.signature, "center", kBody);
  }

  void section() {
    auto pr = body_.append_child("w:sectPr");
    auto header = pr.append_child("w:headerReference");
    header.append_attribute("w:type") = "default";
    header.append_attribute("r:id") = "rIdHeader";
    auto size = pr.append_child("w:pgSz");
    size.append_attribute("w:w") = kPageWidth;
    size.append_attribute("w:h") = kPageHeight;
    auto margin = pr.append_child("w:pgMar");
    margin.append_attribute("w:top") = kMarginTop;
    margin.append_attribute("w:right") = kMarginRight;
    margin.append_attribute("w:bottom") = kMarginTop;
    margin.append_attribute("w:left") = kMarginLeft;
    margin.append_attribute("w:header") = 720;
    margin.append_attribute("w:footer") = 720;
    margin.append_attribute("w:gutter") = 0;
    pr.append_child("w:titlePg");
  }

  std::string relationships() const {
    std::string out =
        R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>)";
    for (size_t i = 1; i <= images_.size(); ++i)
      out +=
          R"(<Relationship Id="rIdImage)" + std::to_string(i) +
          R"(" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/chart)" +
          std::to_string(i) + R"(.png"/>)";
    return out + "</Relationships>";
  }

  pugi::xml_document xml_;
  pugi::xml_node body_;
  std::vector<std::string> images_;
};

}  // namespace

std::string write_docx(const Document& doc) {
  return DocxBuilder().build(doc);
}

}  // namespace mandate::report
