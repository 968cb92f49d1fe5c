// Phase timings of a run with a road network on stderr, for bench/run-roads
// and anyone asking where the time goes: set SITERANK_TIMINGS=1 (any value
// but empty or 0). Lines read "siterank: timing: WHAT  S s". Timings change
// nothing else: the results are the same with or without them.
#pragma once

#include <chrono>
#include <string>

namespace siterank::network {

// SITERANK_TIMINGS is set (read once).
bool timings_enabled();
// Prints one line when timings_enabled().
void report_timing(const std::string& what, double seconds);

// Reports the seconds from construction to stop() (or destruction).
class ScopedTiming {
 public:
  explicit ScopedTiming(std::string what)
      : what_(std::move(what)), start_(std::chrono::steady_clock::now()) {}
  ~ScopedTiming() { stop(); }
  ScopedTiming(const ScopedTiming&) = delete;
  ScopedTiming& operator=(const ScopedTiming&) = delete;
  void stop() {
    if (done_) return;
    done_ = true;
    report_timing(what_, seconds());
  }
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::string what_;
  std::chrono::steady_clock::time_point start_;
  bool done_ = false;
};

}  // namespace siterank::network
