// The Excel round-trip black-box: download a unit's template, fill it in (a
// workbook written here with libxlsxwriter, as another program would), upload
// it, see the values; bad uploads answer with a row-by-row report and change
// nothing; large files go to the background with progress.
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <chrono>
#include <thread>

#include "../support/api_fixture.hpp"
#include "../support/temp_dir.hpp"
#include "io/file.hpp"
#include "io/xlsx_reader.hpp"

namespace mandate {
namespace {

using test_support::HttpClient;
using test_support::HttpResponse;

struct Line {
  std::string unit, period, indicator;
  std::function<void(lxw_worksheet*, lxw_row_t)> value;  // writes column J
};

// A filled data-entry sheet: the template's header row (row 7), then the lines.
std::string filled_workbook(const std::vector<Line>& lines,
                            const std::string& sheet = "Nhập số liệu") {
  const test_support::TempDir dir;
  const std::string path = dir.file("filled.xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.c_str());
  worksheet_write_string(ws, 0, 0, "BIỂU NHẬP SỐ LIỆU CHỈ TIÊU", nullptr);
  const char* headers[] = {"Mã đơn vị",         "Tên đơn vị",  "Kỳ báo cáo",   "Mã chỉ tiêu",
                           "Tên chỉ tiêu",      "Đơn vị tính", "Kế hoạch",     "Kỳ trước",
                           "Cùng kỳ năm trước", "Số liệu",     "Loại số liệu", "Ghi chú"};
  for (lxw_col_t c = 0; c < 12; ++c)
    worksheet_write_string(ws, 6, c, headers[c], nullptr);
  lxw_row_t r = 7;
  for (const auto& l : lines) {
    worksheet_write_string(ws, r, 0, l.unit.c_str(), nullptr);
    worksheet_write_string(ws, r, 2, l.period.c_str(), nullptr);
    worksheet_write_string(ws, r, 3, l.indicator.c_str(), nullptr);
    l.value(ws, r);
    worksheet_write_string(ws, r, 11, "nhập từ Excel", nullptr);
    ++r;
  }
  EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
  return io::read_file(path);
}

auto number(double d) {
  return [d](lxw_worksheet* ws, lxw_row_t r) { worksheet_write_number(ws, r, 9, d, nullptr); };
}
auto text(const char* t) {
  return [t](lxw_worksheet* ws, lxw_row_t r) { worksheet_write_string(ws, r, 9, t, nullptr); };
}
auto formula(const char* f) {
  return [f](lxw_worksheet* ws, lxw_row_t r) { worksheet_write_formula(ws, r, 9, f, nullptr); };
}

class ImportHttp : public test_support::ApiFixture {
 protected:
  HttpResponse upload(HttpClient& c, const std::string& filename, const std::string& body) {
    return c.request("POST", "/api/v1/imports?filename=" + filename, body);
  }
  // How many values the unit has (everything below included).
  size_t values_of(HttpClient& c, const std::string& unit) {
    return c.get("/api/v1/values?limit=1&unit=" + unit).json().at("total").to_number<size_t>();
  }
  static std::vector<std::string> error_codes(const HttpResponse& r) {
    std::vector<std::string> out;
    const boost::json::value doc = r.json();
    for (const auto& e : doc.at_pointer("/result/errors").as_array())
      out.emplace_back(e.at("code").as_string());
    return out;
  }
};

TEST_F(ImportHttp, DownloadFillUploadAndTheValuesAreThere) {
  HttpClient reporter = signed_in("reporter");
  const HttpResponse t = reporter.get("/api/v1/templates/data-entry?unit=LS-VT&period=2022");
  ASSERT_EQ(t.status, 200) << t.body;
  EXPECT_EQ(t.header("Content-Type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_NE(t.header("Content-Disposition").find("LS-VT-2022.xlsx"), std::string::npos);
  // The template: Vietnamese headers, one row per direct indicator, codes in column D.
  const io::xlsx::Sheet sheet = io::xlsx::read_sheet(t.body, {"Nhập số liệu"});
  std::vector<std::string> codes;
  for (const auto& row : sheet.rows)
    if (row.line > 7 && row.cells.size() > 3)
      codes.push_back(row.cells[3].text);
  EXPECT_NE(std::find(codes.begin(), codes.end(), "POPULATION"), codes.end());
  EXPECT_EQ(std::find(codes.begin(), codes.end(), "BHYT_COVERAGE"), codes.end());  // computed

  const HttpResponse r = upload(reporter, "bieu.xlsx",
                                filled_workbook({{"LS-VT", "2022", "POPULATION", number(54321)},
                                                 {"LS-VT", "2022", "NEW_JOBS", number(120)}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json().at("status").as_string(), "succeeded");
  EXPECT_EQ(r.json().at_pointer("/result/imported").to_number<int>(), 2);
  const HttpResponse v = reporter.get("/api/v1/values/POPULATION/LS-VT/2022");
  ASSERT_EQ(v.status, 200) << v.body;
  EXPECT_EQ(v.json().at("value").to_number<double>(), 54321);
  EXPECT_EQ(v.json().at("comment").as_string(), "nhập từ Excel");

  // The job is there to read back, and the template now starts from the figure.
  const std::string id(r.json().at("id").as_string());
  EXPECT_EQ(reporter.get("/api/v1/imports/" + id).status, 200);
  EXPECT_EQ(reporter.get("/api/v1/imports").json().at("total").to_number<int>(), 1);
  const auto again = io::xlsx::read_sheet(
      reporter.get("/api/v1/templates/data-entry?unit=LS-VT&period=2022").body, {"Nhập số liệu"});
  bool prefilled = false;
  for (const auto& row : again.rows)
    prefilled = prefilled || (row.cells.size() > 9 && row.cells[3].text == "POPULATION" &&
                              row.cells[9].number == 54321);
  EXPECT_TRUE(prefilled);
}

TEST_F(ImportHttp, BadUploadsAreReportedRowByRowAndChangeNothing) {
  HttpClient reporter = signed_in("reporter");
  HttpClient admin = signed_in("admin");
  const size_t before = values_of(admin, "LS");
  const Line good{"LS-VT", "2023", "POPULATION", number(1)};

  struct Case {
    const char* name;
    std::string body;
    int status;
    std::string code;  // the error's code, or the first row error's
  };
  const std::vector<Case> cases = {
      {"not a zip", "this is not an excel file", 400, "xlsx.not_zip"},
      {"wrong sheet", filled_workbook({good}, "Sheet1"), 400, "xlsx.sheet_missing"},
      {"text in a number cell",
       filled_workbook({good, {"LS-VT", "2023", "NEW_JOBS", text("một trăm")}}), 422,
       "import.value_text"},
      {"formula", filled_workbook({good, {"LS-VT", "2023", "NEW_JOBS", formula("=1+1")}}), 422,
       "import.formula"},
      {"duplicate rows", filled_workbook({good, good}), 422, "import.duplicate_row"},
      {"unknown code", filled_workbook({good, {"LS-VT", "2023", "NO_SUCH", number(1)}}), 422,
       "dhis2.conflict.data_element_not_found"},
      {"out of scope", filled_workbook({good, {"LS-CL", "2023", "POPULATION", number(1)}}), 422,
       "dhis2.conflict.org_unit_out_of_scope"},
      {"out of range", filled_workbook({good, {"LS-VT", "2023", "NEW_JOBS", number(-5)}}), 422,
       "value.not_count"},
  };
  for (const auto& c : cases) {
    const HttpResponse r = upload(reporter, "bieu.xlsx", c.body);
    ASSERT_EQ(r.status, c.status) << c.name << ": " << r.body;
    if (c.status == 400) {
      EXPECT_EQ(error_code(r), c.code) << c.name;
    } else {
      ASSERT_EQ(error_codes(r).size(), 1u) << c.name << ": " << r.body;
      EXPECT_EQ(error_codes(r)[0], c.code) << c.name;
      const boost::json::value doc = r.json();
      const auto& e = doc.at_pointer("/result/errors/0").as_object();
      EXPECT_EQ(e.at("line").to_number<int>(), 9) << c.name;  // the second data row
      EXPECT_FALSE(e.at("message").at("vi").as_string().empty());
      EXPECT_FALSE(e.at("message").at("en").as_string().empty());
    }
    EXPECT_EQ(values_of(admin, "LS"), before) << c.name;
  }
  // The error report as XLSX: a row per problem, both languages.
  const HttpResponse failed = upload(reporter, "bieu.xlsx", cases[2].body);
  const std::string id(failed.json().at("id").as_string());
  const HttpResponse report = reporter.get("/api/v1/imports/" + id + "?format=xlsx");
  ASSERT_EQ(report.status, 200);
  const auto sheet = io::xlsx::read_sheet(report.body, {"Lỗi"});
  ASSERT_EQ(sheet.rows.size(), 2u);
  EXPECT_EQ(sheet.rows[1].cells.at(0).number, 9);
  EXPECT_NE(sheet.rows[1].cells.at(5).text.find("một trăm"), std::string::npos);
  EXPECT_NE(sheet.rows[1].cells.at(6).text.find("not a number"), std::string::npos);
}

TEST_F(ImportHttp, ViewersMayNotImportAndJobsAreTheirOwners) {
  HttpClient viewer = signed_in("viewer");
  const std::string csv = "unit,period,indicator,value\nLS-VT,2023,POPULATION,1\n";
  EXPECT_EQ(viewer.request("POST", "/api/v1/imports", csv).status, 403);
  HttpClient reporter = signed_in("reporter");
  const HttpResponse r = reporter.request("POST", "/api/v1/imports?filename=v.csv", csv);
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string id(r.json().at("id").as_string());
  HttpClient approver = signed_in("approver");
  EXPECT_EQ(error_code(approver.get("/api/v1/imports/" + id)), "import.job_unknown");
  // An id of an earlier run of the server.
  EXPECT_EQ(error_code(reporter.get("/api/v1/imports/0123456789-1")), "import.job_lost");
}

// 100,000 rows: five indicators, every month, quarter, half and year of LS-VT
// and LS-CL, both kinds, from 1900 on (no demo value is there); with bad_last,
// the last row's value is not a number.
std::string hundred_thousand_rows(bool bad_last) {
  std::string csv = "unit,period,indicator,value,kind,comment\n";
  size_t rows = 0;
  for (int year = 1900; rows < 100'000; ++year) {
    std::vector<std::string> periods = {std::to_string(year), std::to_string(year) + "S1",
                                        std::to_string(year) + "S2"};
    for (int q = 1; q <= 4; ++q)
      periods.push_back(std::to_string(year) + "Q" + std::to_string(q));
    for (int m = 1; m <= 12; ++m)
      periods.push_back(std::to_string(year) + (m < 10 ? "0" : "") + std::to_string(m));
    for (const auto& p : periods)
      for (const char* unit : {"LS-VT", "LS-CL"})
        for (const char* kind : {"official", "estimate"})
          for (const char* indicator :
               {"POPULATION", "NEW_JOBS", "TRAFFIC_ACCIDENTS", "NEW_PARTY_MEMBERS", "BHYT_INSURED"})
            if (rows < 100'000) {
              const bool bad = bad_last && rows == 99'999;
              csv += std::string(unit) + "," + p + "," + indicator + "," + (bad ? "x" : "1234") +
                     "," + kind + ",\n";
              ++rows;
            }
  }
  return csv;
}

// Uploads a large file, checks it went to the background, and follows its
// job until it ends; returns the last status document.
HttpResponse import_in_background(HttpClient& c, const std::string& csv) {
  HttpResponse r = c.request("POST", "/api/v1/imports?filename=big.csv", csv);
  EXPECT_EQ(r.status, 202) << r.body.substr(0, 300);
  const std::string location = r.header("Location");
  for (int i = 0; i < 1200; ++i) {
    r = c.get(location);
    const std::string status(r.json().at("status").as_string());
    if (status == "succeeded" || status == "failed")
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return r;
}

TEST_F(ImportHttp, LargeFilesRunInTheBackgroundAndFailWhole) {
  HttpClient admin = signed_in("admin");
  const size_t before = values_of(admin, "LS");
  const HttpResponse r = import_in_background(admin, hundred_thousand_rows(true));
  ASSERT_EQ(r.json().at("status").as_string(), "failed") << r.body.substr(0, 300);
  EXPECT_EQ(r.json().at_pointer("/progress/rowsRead").to_number<int>(), 100'000);
  EXPECT_EQ(r.json().at_pointer("/result/errors/0/code").as_string(), "import.value_not_number");
  EXPECT_EQ(r.json().at_pointer("/result/errors/0/line").to_number<int>(), 100'001);
  EXPECT_EQ(values_of(admin, "LS"), before);
}

TEST_F(ImportHttp, LargeFilesRunInTheBackgroundAndLandWhole) {
  HttpClient admin = signed_in("admin");
  const size_t before = values_of(admin, "LS");
  const HttpResponse r = import_in_background(admin, hundred_thousand_rows(false));
  ASSERT_EQ(r.json().at("status").as_string(), "succeeded") << r.body.substr(0, 300);
  EXPECT_EQ(r.json().at_pointer("/progress/rowsRead").to_number<int>(), 100'000);
  EXPECT_EQ(values_of(admin, "LS"), before + 100'000);
  // One of them, read back through the API.
  const HttpResponse v = admin.get("/api/v1/values/POPULATION/LS-CL/1900Q3");
  ASSERT_EQ(v.status, 200) << v.body;
  EXPECT_EQ(v.json().at("value").to_number<double>(), 1234);
}

}  // namespace
}  // namespace mandate
