#include "network/timings.hpp"

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace siterank::network {

bool timings_enabled() {
  static const bool on = [] {
    const char* v = std::getenv("SITERANK_TIMINGS");
    return v && *v && std::string_view(v) != "0";
  }();
  return on;
}

void report_timing(const std::string& what, double seconds) {
  if (!timings_enabled()) return;
  std::fprintf(stderr, "siterank: timing: %-58s %8.3f s\n", what.c_str(), seconds);
}

}  // namespace siterank::network
