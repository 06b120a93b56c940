#pragma once
// What the crash harness writes, and what it knows it wrote. Every writer owns
// its own cells of NEW_JOBS (a summed indicator) at five wards, in years before
// the demo's data, so writers never conflict and the city's rollups count them:
// - a SingleWriter owns the 60 months of one year (1950 + index) and PUTs one
//   value at a time, each value new (a counter), with If-Match / If-None-Match;
// - a BulkImporter owns the 300 months of five years (1960 + 10 index …) and
//   imports them all in one request, every value equal to the batch's number,
//   through POST /api/v1/values/bulk or DHIS2's /api/dataValueSets
//   (atomicMode=ALL).
// A write answered 2xx is acknowledged: it must survive the kill. A write whose
// answer never came (the server died under it) may be there or not, but a
// batch only whole. Any other answer is an error.
#include <atomic>
#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace mandate::reliability {

inline constexpr const char* kIndicator = "NEW_JOBS";
inline constexpr const char* kCity = "LS";
extern const std::vector<std::string> kWards;

struct Cell {
  std::string unit;
  std::string period;  // a month, YYYYMM
  auto operator<=>(const Cell&) const = default;
};

// The harness's cells as stored (official values), read after a restart.
using StoredValues = std::map<Cell, double>;

// What one run of writes against one server did, for the summary.
struct WriteCounts {
  int acknowledged = 0;
  int in_flight = 0;            // sent, never answered: the kill came first
  int in_flight_committed = 0;  // of those, found stored after the restart
};

class SingleWriter {
 public:
  explicit SingleWriter(int index);

  int year() const { return year_; }
  // PUTs values to random cells of its own until a request fails (the kill);
  // a 4xx/5xx answer is an error, kept in error().
  void run(uint16_t port, const std::string& token, uint32_t seed);
  // Compares stored with what it knows; appends what is wrong to errors; then
  // takes stored as the state to continue from.
  void check(const StoredValues& stored, std::vector<std::string>& errors);

  const std::string& error() const { return error_; }
  const WriteCounts& counts() const { return counts_; }

 private:
  struct State {
    std::optional<double> acknowledged;
    std::optional<double> in_flight;
  };
  int year_;
  double next_value_ = 1;
  std::vector<Cell> cells_;
  std::map<Cell, State> state_;
  std::string error_;
  WriteCounts counts_;
};

class BulkImporter {
 public:
  enum class Route { values_bulk, dhis2 };
  BulkImporter(int index, Route route);

  std::vector<int> years() const;
  void run(uint16_t port, const std::string& token);
  void check(const StoredValues& stored, std::vector<std::string>& errors);

  const std::string& error() const { return error_; }
  const WriteCounts& counts() const { return counts_; }
  int cells_per_batch() const { return static_cast<int>(cells_.size()); }

 private:
  std::string body(int batch) const;
  std::string target() const;

  int first_year_;
  Route route_;
  std::vector<Cell> cells_;
  int acknowledged_ = 0;  // the last batch answered 200; 0: none
  int in_flight_ = 0;     // a batch sent and not answered; 0: none
  int next_batch_ = 1;
  std::string error_;
  WriteCounts counts_;
};

}  // namespace mandate::reliability
