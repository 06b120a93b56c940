#pragma once
// The parts of the message catalog, one per area, each in its own messages_*.cpp
// file. Those files hold all Vietnamese and English text of the core.
#include <span>
#include <string_view>

namespace mandate::core::catalog {

struct Message {
  std::string_view key;
  std::string_view vi;
  std::string_view en;
};

std::span<const Message> general_messages();  // messages_general.cpp: errors, CLI
std::span<const Message> period_messages();   // messages_period.cpp: period labels, dates
std::span<const Message> formula_messages();  // messages_formula.cpp
std::span<const Message> domain_messages();   // messages_domain.cpp: enum labels
std::span<const Message> report_messages();   // messages_report.cpp: narrative, headings
std::span<const Message> http_messages();     // messages_http.cpp: the HTTP server, `serve`
std::span<const Message> dhis2_messages();    // messages_dhis2.cpp: DHIS2 data exchange
std::span<const Message>
record_messages();  // messages_records.cpp: unit changes, attachments, search
std::span<const Message> analytics_messages();  // messages_analytics.cpp: GET /api/v1/analytics
// messages_cycle.cpp: forms, submission and approval, completeness, rules, task timeliness
std::span<const Message> cycle_messages();
std::span<const Message>
report_file_messages();  // messages_report_files.cpp: DOCX, PDF, XLSX, templates, charts
std::span<const Message> postgresql_messages();  // messages_postgresql.cpp: the PostgreSQL store
std::span<const Message> import_messages();  // messages_import.cpp: Excel templates, value imports
std::span<const Message> notify_messages();  // messages_notify.cpp: reminders, e-mail

}  // namespace mandate::core::catalog
