#pragma once
// Time for the services: injected, so tests can move it (lockouts, expiry).
#include <chrono>
#include <functional>
#include <string>

namespace mandate::service {

using TimePoint = std::chrono::system_clock::time_point;
using Clock = std::function<TimePoint()>;

// "2026-11-27T21:00:00Z" (UTC, seconds): sorts as text in time order.
std::string to_iso(TimePoint t);
// The inverse; throws core::Error(invalid_input, "date.invalid") for anything else.
TimePoint from_iso(const std::string& text);

}  // namespace mandate::service
