#include "crs/chinese_crs.hpp"

#include <cctype>
#include <cmath>
#include <numbers>
#include <string>

namespace siterank {

namespace {

// GCJ-02 works on the Krasovsky 1940 ellipsoid (the one of Beijing 1954).
constexpr double krasovsky_a = 6378245.0;
constexpr double krasovsky_ee = 0.00669342162296594323;  // first eccentricity squared
// Baidu's constant, with its own spelling of pi: other digits give other
// BD-09 coordinates (by ~1e-15 degree, but keep it bit-compatible).
constexpr double x_pi = 3.14159265358979324 * 3000.0 / 180.0;

constexpr double pi = std::numbers::pi;

// The published offset polynomials, in metres-like units on the Krasovsky
// ellipsoid, of x = lon - 105, y = lat - 35.
double offset_lat(double x, double y) {
  double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
  r += (20.0 * std::sin(6.0 * x * pi) + 20.0 * std::sin(2.0 * x * pi)) * 2.0 / 3.0;
  r += (20.0 * std::sin(y * pi) + 40.0 * std::sin(y / 3.0 * pi)) * 2.0 / 3.0;
  r += (160.0 * std::sin(y / 12.0 * pi) + 320.0 * std::sin(y * pi / 30.0)) * 2.0 / 3.0;
  return r;
}

double offset_lon(double x, double y) {
  double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
  r += (20.0 * std::sin(6.0 * x * pi) + 20.0 * std::sin(2.0 * x * pi)) * 2.0 / 3.0;
  r += (20.0 * std::sin(x * pi) + 40.0 * std::sin(x / 3.0 * pi)) * 2.0 / 3.0;
  r += (150.0 * std::sin(x / 12.0 * pi) + 300.0 * std::sin(x / 30.0 * pi)) * 2.0 / 3.0;
  return r;
}

// WGS 84 -> GCJ-02 without the out-of-China rule: the inverse iterates on
// this, so that a point near the box edge cannot flip between branches.
LonLat gcj02_shift(LonLat w) {
  const double dlat = offset_lat(w.lon - 105.0, w.lat - 35.0);
  const double dlon = offset_lon(w.lon - 105.0, w.lat - 35.0);
  // Metres to degrees with the meridian and parallel radii of curvature.
  const double rad_lat = w.lat / 180.0 * pi;
  const double s = std::sin(rad_lat);
  const double magic = 1.0 - krasovsky_ee * s * s;
  const double sqrt_magic = std::sqrt(magic);
  return {w.lon + dlon * 180.0 / (krasovsky_a / sqrt_magic * std::cos(rad_lat) * pi),
          w.lat + dlat * 180.0 / (krasovsky_a * (1.0 - krasovsky_ee) / (magic * sqrt_magic) * pi)};
}

// Solves forward(x) = target for x by x <- x - (forward(x) - target). The
// offsets vary slowly (their slope is below 0.007 for GCJ-02 and 0.022 for
// BD-09 inside the box), so each step shrinks the error at least 45-fold and
// a handful of steps reach the limit of doubles.
template <class Forward>
LonLat invert(Forward forward, LonLat target, LonLat start) {
  constexpr double tolerance = 1e-12;  // degree; the documented bound is 1e-9
  constexpr int max_steps = 30;        // never needed: NaN input ends here
  LonLat x = start;
  for (int i = 0; i < max_steps; ++i) {
    const LonLat f = forward(x);
    const double dlon = f.lon - target.lon, dlat = f.lat - target.lat;
    if (std::abs(dlon) < tolerance && std::abs(dlat) < tolerance) break;
    x.lon -= dlon;
    x.lat -= dlat;
  }
  return x;
}

// Baidu's one-step inverse, the usual published BD-09 -> GCJ-02 formula.
LonLat bd09_to_gcj02_one_step(LonLat bd) {
  const double x = bd.lon - 0.0065, y = bd.lat - 0.006;
  const double z = std::sqrt(x * x + y * y) - 0.00002 * std::sin(y * x_pi);
  const double theta = std::atan2(y, x) - 0.000003 * std::cos(x * x_pi);
  return {z * std::cos(theta), z * std::sin(theta)};
}

}  // namespace

bool outside_china(LonLat p) {
  return p.lon < 72.004 || p.lon > 137.8347 || p.lat < 0.8293 || p.lat > 55.8271;
}

LonLat wgs84_to_gcj02(LonLat wgs) { return outside_china(wgs) ? wgs : gcj02_shift(wgs); }

LonLat gcj02_to_wgs84(LonLat gcj) {
  return outside_china(gcj) ? gcj : invert(gcj02_shift, gcj, gcj);
}

LonLat gcj02_to_bd09(LonLat gcj) {
  // Polar coordinates about (0, 0), slightly stretched and turned, then moved.
  const double x = gcj.lon, y = gcj.lat;
  const double z = std::sqrt(x * x + y * y) + 0.00002 * std::sin(y * x_pi);
  const double theta = std::atan2(y, x) + 0.000003 * std::cos(x * x_pi);
  return {z * std::cos(theta) + 0.0065, z * std::sin(theta) + 0.006};
}

LonLat bd09_to_gcj02(LonLat bd) { return invert(gcj02_to_bd09, bd, bd09_to_gcj02_one_step(bd)); }

LonLat wgs84_to_bd09(LonLat wgs) { return gcj02_to_bd09(wgs84_to_gcj02(wgs)); }

LonLat bd09_to_wgs84(LonLat bd) { return gcj02_to_wgs84(bd09_to_gcj02(bd)); }

std::optional<ChineseDatum> chinese_datum(std::string_view name) {
  std::string key;
  for (char c : name)
    if (c != '-') key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (key == "gcj02") return ChineseDatum::gcj02;
  if (key == "bd09") return ChineseDatum::bd09;
  return std::nullopt;
}

const char* datum_name(ChineseDatum d) { return d == ChineseDatum::gcj02 ? "gcj02" : "bd09"; }

LonLat to_wgs84(ChineseDatum d, LonLat p) {
  return d == ChineseDatum::gcj02 ? gcj02_to_wgs84(p) : bd09_to_wgs84(p);
}

LonLat from_wgs84(ChineseDatum d, LonLat p) {
  return d == ChineseDatum::gcj02 ? wgs84_to_gcj02(p) : wgs84_to_bd09(p);
}

}  // namespace siterank
