// GCJ-02 and BD-09 (core/src/crs/chinese_crs): each 16 bytes of input are
// two 64-bit words, used twice.
//  1. As raw doubles: any finite lon/lat on the globe ([-180, 180] x
//     [-90, 90]) must give finite results in every direction (a NaN would
//     reach the output files unnoticed). Other bit patterns (NaN, inf,
//     1e300) are not coordinates and only must not crash.
//  2. As fractions mapped into China's box (chinese_crs.hpp), kept 0.05
//     degree (~5 km, well over the ~700 m offset) inside its edges, where
//     the forward and inverse boxes agree: WGS 84 -> GCJ-02 -> WGS 84 and
//     WGS 84 -> BD-09 -> WGS 84 must come back within round_trip_tolerance,
//     and forward(inverse(p)) within the same of p.
// The rest of the input (under 16 bytes) is a datum name for chinese_datum.
#include <bit>
#include <cstring>
#include <string_view>

#include "crs/chinese_crs.hpp"
#include "fuzz_support.hpp"

namespace {

constexpr const char* harness = "fuzz_chinese_crs";
// The inverses iterate to a residual below 1e-9 degree; the offsets'
// derivatives are far below 1, so the round trip is within a few times
// that. 1e-8 degree is about 1 mm.
constexpr double round_trip_tolerance = 1e-8;
constexpr double margin = 0.05;
constexpr double lon_min = 72.004 + margin, lon_max = 137.8347 - margin;
constexpr double lat_min = 0.8293 + margin, lat_max = 55.8271 - margin;

using siterank::ChineseDatum;
using siterank::LonLat;

bool finite(LonLat p) { return std::isfinite(p.lon) && std::isfinite(p.lat); }

std::string text(LonLat p) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "(%.17g, %.17g)", p.lon, p.lat);
  return buf;
}

void check_near(LonLat got, LonLat want, const char* what, LonLat from) {
  const double err = std::max(std::fabs(got.lon - want.lon), std::fabs(got.lat - want.lat));
  siterank::fuzz::check(
      err <= round_trip_tolerance, harness,
      std::string(what) + " from " + text(from) + ": " + text(got) + ", expected " + text(want));
}

void raw(LonLat p) {
  const bool coordinate = finite(p) && std::fabs(p.lon) <= 180.0 && std::fabs(p.lat) <= 90.0;
  for (ChineseDatum d : {ChineseDatum::gcj02, ChineseDatum::bd09}) {
    const LonLat there = siterank::from_wgs84(d, p);
    const LonLat back = siterank::to_wgs84(d, p);
    if (coordinate)
      siterank::fuzz::check(finite(there) && finite(back), harness,
                            std::string(siterank::datum_name(d)) + ": not finite from " + text(p));
  }
}

void in_china(uint64_t a, uint64_t b) {
  // The top 53 bits as a fraction in [0, 1], exactly.
  const double fa = static_cast<double>(a >> 11) / static_cast<double>((uint64_t{1} << 53) - 1);
  const double fb = static_cast<double>(b >> 11) / static_cast<double>((uint64_t{1} << 53) - 1);
  const LonLat p{lon_min + fa * (lon_max - lon_min), lat_min + fb * (lat_max - lat_min)};
  for (ChineseDatum d : {ChineseDatum::gcj02, ChineseDatum::bd09}) {
    const std::string name = siterank::datum_name(d);
    check_near(siterank::to_wgs84(d, siterank::from_wgs84(d, p)), p,
               ("WGS 84 -> " + name + " -> WGS 84").c_str(), p);
    check_near(siterank::from_wgs84(d, siterank::to_wgs84(d, p)), p,
               (name + " -> WGS 84 -> " + name).c_str(), p);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  for (; size >= 16; data += 16, size -= 16) {
    uint64_t a = 0, b = 0;
    std::memcpy(&a, data, 8);
    std::memcpy(&b, data + 8, 8);
    raw({std::bit_cast<double>(a), std::bit_cast<double>(b)});
    in_china(a, b);
  }
  const std::string_view name(reinterpret_cast<const char*>(data), size);
  if (const auto d = siterank::chinese_datum(name))
    siterank::fuzz::check(siterank::chinese_datum(siterank::datum_name(*d)) == d, harness,
                          "datum name does not parse back");
  return 0;
}
