#include "workload.hpp"

#include <boost/json.hpp>
#include <exception>
#include <string>

#include "../support/http_client.hpp"

namespace mandate::reliability {

using test_support::HttpClient;
using test_support::HttpResponse;
namespace json = boost::json;

const std::vector<std::string> kWards = {"LS-VT", "LS-CL", "LS-DK", "LS-HD", "LS-TT"};

namespace {

std::vector<Cell> months_of(int first_year, int years) {
  std::vector<Cell> cells;
  for (int y = first_year; y < first_year + years; ++y)
    for (int m = 1; m <= 12; ++m)
      for (const auto& ward : kWards)
        cells.push_back({ward, std::to_string(y) + (m < 10 ? "0" : "") + std::to_string(m)});
  return cells;
}

std::string cell_path(const Cell& c) {
  return std::string("/api/v1/values/") + kIndicator + "/" + c.unit + "/" + c.period;
}

std::string describe(const std::optional<double>& v) {
  return v ? std::to_string(*v) : std::string("absent");
}

HttpClient client_for(uint16_t port, const std::string& token) {
  HttpClient c(port);
  c.set_header("Authorization", "Bearer " + token);
  // A bulk import on a busy 2-core machine may take a while; a request that
  // times out would count as in flight, which only weakens the check.
  c.set_timeout(std::chrono::seconds(30));
  return c;
}

}  // namespace

SingleWriter::SingleWriter(int index) : year_(1950 + index), cells_(months_of(year_, 1)) {
  for (const auto& c : cells_)
    state_[c] = {};
}

void SingleWriter::run(uint16_t port, const std::string& token, uint32_t seed) {
  std::mt19937 rng(seed);
  HttpClient client = client_for(port, token);
  std::map<Cell, std::string> etags;  // learnt in this run; the version before is unknown
  for (;;) {
    const Cell& cell = cells_[rng() % cells_.size()];
    State& state = state_[cell];
    const double value = next_value_++;
    try {
      HttpClient::Headers headers = {{"Content-Type", "application/json"}};
      if (!state.acknowledged) {
        headers.emplace_back("If-None-Match", "*");
      } else {
        if (!etags.contains(cell)) {
          const HttpResponse current = client.get(cell_path(cell));
          if (current.status != 200) {
            error_ = "GET " + cell_path(cell) + ": " + std::to_string(current.status) + " " +
                     current.body;
            return;
          }
          etags[cell] = current.header("ETag");
        }
        headers.emplace_back("If-Match", etags[cell]);
      }
      state.in_flight = value;
      const HttpResponse r = client.request(
          "PUT", cell_path(cell),
          json::serialize(json::object{{"value", value}, {"comment", "single"}}), headers);
      if (r.status != 200 && r.status != 201) {
        error_ = "PUT " + cell_path(cell) + ": " + std::to_string(r.status) + " " + r.body;
        state.in_flight.reset();
        return;
      }
      state.acknowledged = value;
      state.in_flight.reset();
      etags[cell] = r.header("ETag");
      ++counts_.acknowledged;
    } catch (const std::exception&) {
      return;  // the server is gone; a PUT under way stays in flight
    }
  }
}

void SingleWriter::check(const StoredValues& stored, std::vector<std::string>& errors) {
  for (auto& [cell, state] : state_) {
    const auto it = stored.find(cell);
    const std::optional<double> found =
        it == stored.end() ? std::nullopt : std::optional<double>(it->second);
    if (state.in_flight) {
      ++counts_.in_flight;
      if (found == state.in_flight) {
        ++counts_.in_flight_committed;
        state.acknowledged = found;
        state.in_flight.reset();
        continue;
      }
    }
    if (found != state.acknowledged)
      errors.push_back("single write " + cell.unit + "/" + cell.period + ": acknowledged " +
                       describe(state.acknowledged) + (state.in_flight ? " (then sent " : "") +
                       (state.in_flight ? describe(state.in_flight) + ")" : "") + ", stored " +
                       describe(found));
    state.in_flight.reset();
    state.acknowledged = found;
  }
}

BulkImporter::BulkImporter(int index, Route route)
    : first_year_(1960 + 10 * index), route_(route), cells_(months_of(first_year_, 5)) {}

std::vector<int> BulkImporter::years() const {
  return {first_year_, first_year_ + 1, first_year_ + 2, first_year_ + 3, first_year_ + 4};
}

std::string BulkImporter::target() const {
  return route_ == Route::values_bulk ? "/api/v1/values/bulk"
                                      : "/api/dataValueSets?idScheme=CODE&atomicMode=ALL";
}

std::string BulkImporter::body(int batch) const {
  json::array values;
  const std::string comment = "batch " + std::to_string(batch);
  for (const auto& c : cells_) {
    if (route_ == Route::values_bulk)
      values.push_back(json::object{{"indicator", kIndicator},
                                    {"unit", c.unit},
                                    {"period", c.period},
                                    {"value", batch},
                                    {"comment", comment}});
    else
      values.push_back(json::object{{"dataElement", kIndicator},
                                    {"orgUnit", c.unit},
                                    {"period", c.period},
                                    {"value", std::to_string(batch)},
                                    {"comment", comment}});
  }
  return json::serialize(route_ == Route::values_bulk ? json::object{{"values", values}}
                                                      : json::object{{"dataValues", values}});
}

void BulkImporter::run(uint16_t port, const std::string& token) {
  HttpClient client = client_for(port, token);
  for (;;) {
    const int batch = next_batch_++;
    in_flight_ = batch;
    HttpResponse r;
    try {
      r = client.request("POST", target(), body(batch), {{"Content-Type", "application/json"}});
    } catch (const std::exception&) {
      return;  // the server is gone; the batch stays in flight
    }
    in_flight_ = 0;
    bool ok = r.status == 200;
    if (ok && route_ == Route::dhis2) {
      // DHIS2's summary says whether the import was applied.
      const json::value summary = r.json();
      boost::system::error_code ec;
      const json::value* status = summary.find_pointer("/response/status", ec);
      ok = status && status->is_string() && status->as_string() == "SUCCESS";
    }
    if (!ok) {
      error_ = "POST " + target() + ": " + std::to_string(r.status) + " " + r.body.substr(0, 500);
      return;
    }
    acknowledged_ = batch;
    ++counts_.acknowledged;
  }
}

void BulkImporter::check(const StoredValues& stored, std::vector<std::string>& errors) {
  // Which batches the cells hold: one batch, whole, or none at all.
  std::map<int, int> batches;  // batch → cells holding it
  int absent = 0;
  for (const auto& c : cells_) {
    const auto it = stored.find(c);
    if (it == stored.end())
      ++absent;
    else
      ++batches[static_cast<int>(it->second)];
  }
  const int total = static_cast<int>(cells_.size());
  int found = -1;  // the batch stored whole; 0: none stored
  if (absent == total)
    found = 0;
  else if (absent == 0 && batches.size() == 1 && batches.begin()->second == total)
    found = batches.begin()->first;
  if (in_flight_ != 0)
    ++counts_.in_flight;
  const std::string where =
      "bulk import " + target() + " (years from " + std::to_string(first_year_) + ")";
  if (found < 0) {
    std::string mix;
    for (const auto& [batch, n] : batches)
      mix += " batch " + std::to_string(batch) + ": " + std::to_string(n) + " cells;";
    errors.push_back(where + " is half applied:" + mix + " absent: " + std::to_string(absent) +
                     " of " + std::to_string(total));
  } else if (in_flight_ != 0 && found == in_flight_) {
    ++counts_.in_flight_committed;
    acknowledged_ = found;
  } else if (found != acknowledged_) {
    errors.push_back(where + ": acknowledged batch " + std::to_string(acknowledged_) +
                     (in_flight_ ? " (then sent " + std::to_string(in_flight_) + ")" : "") +
                     ", stored batch " + std::to_string(found));
    acknowledged_ = found;
  }
  in_flight_ = 0;
}

}  // namespace mandate::reliability
