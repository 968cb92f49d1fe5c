// GCJ-02 and BD-09 against test vectors published by other implementations
// (each with its repository and file), to 1e-6 degree; the inverses'
// residuals; the out-of-China rule.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "crs/chinese_crs.hpp"

using namespace siterank;

namespace {

struct Vector {
  LonLat from;
  LonLat to;
  const char* source;
};

// The accuracy the transforms are held to against other implementations.
constexpr double published = 1e-6;  // degree, about 0.1 m

void check(LonLat (*f)(LonLat), const std::vector<Vector>& vectors) {
  for (const auto& v : vectors) {
    INFO(v.source << ": (" << v.from.lon << ", " << v.from.lat << ")");
    const LonLat got = f(v.from);
    CHECK(got.lon == Approx(v.to.lon).margin(published));
    CHECK(got.lat == Approx(v.to.lat).margin(published));
  }
}

// Pairs (WGS 84, GCJ-02) published by googollee/eviltransform,
// go/transform_test.go (`tests`: wgsLat, wgsLng, gcjLat, gcjLng; its
// TestGtoWExact runs them backwards too).
const Vector evil_shanghai{{121.5272106, 31.1774276},
                           {121.531541859215, 31.17530398364597},
                           "googollee/eviltransform go/transform_test.go (shanghai)"};
const Vector evil_shenzhen{{113.912316, 22.543847},
                           {113.9171764808363, 22.540796131694766},
                           "googollee/eviltransform go/transform_test.go (shenzhen)"};
const Vector evil_beijing{{116.377817, 39.911954},
                          {116.38404722455657, 39.91334545536069},
                          "googollee/eviltransform go/transform_test.go (beijing)"};

// One point in all three systems from Glatzel/pyxis, python/tests/test_crypto.py
// (`wgs84`, `gcj02`, `bd09`; its test_convert runs every direction).
constexpr LonLat pyxis_wgs84{121.0917077, 30.6107779};
constexpr LonLat pyxis_gcj02{121.09626935575027, 30.608604331756705};
constexpr LonLat pyxis_bd09{121.10271732371203, 30.61484572185035};
constexpr const char* pyxis = "Glatzel/pyxis python/tests/test_crypto.py";

// 金华市 in hujiulong/gcoord, test/fixtures/china-cities.json (GCJ02, BD09;
// gcoord tests both directions on it). Its WGS84 column comes from a web
// service and is ~5e-6 degree off the formula, so it is not used here.
constexpr LonLat jinhua_gcj02{119.6474509, 29.0790641};
constexpr LonLat jinhua_bd09{119.6538875, 29.0854003};
constexpr const char* gcoord_cities = "hujiulong/gcoord test/fixtures/china-cities.json (金华市)";

Vector backwards(const Vector& v) { return {v.to, v.from, v.source}; }

}  // namespace

TEST_CASE("WGS 84 -> GCJ-02 matches published vectors") {
  check(wgs84_to_gcj02,
        {evil_shanghai,
         evil_shenzhen,
         evil_beijing,
         {{116.404, 39.915},
          {116.41024449916938, 39.91640428150164},
          "wandergis/coordtransform test/app.js (wgs84togcj02)"},
         {{123, 45}, {123.00607541, 45.00197815}, "hujiulong/gcoord test/unit/crs/WGS84.spec.js"},
         {pyxis_wgs84, pyxis_gcj02, pyxis}});
}

TEST_CASE("GCJ-02 -> WGS 84 matches published vectors") {
  check(gcj02_to_wgs84,
        {backwards(evil_shanghai),
         backwards(evil_shenzhen),
         backwards(evil_beijing),
         {{123, 45}, {122.99395597, 44.99804071}, "hujiulong/gcoord test/unit/crs/GCJ02.spec.js"},
         {pyxis_gcj02, pyxis_wgs84, pyxis},
         // 湘湖 station: GCJ-02 from Amap via Naptie/openmetro
         // data/cn-hangzhou/stations.json, and its WGS 84, which equals gcoord's
         // conversion to 1e-8 (shared/realdata/hangzhou_metro_stations.csv,
         // row cn-hangzhou-xianghu, both rounded to 6 decimals).
         {{120.234391, 30.167585},
          {120.229900, 30.170037},
          "realdata hangzhou_metro_stations.csv (湘湖)"}});
}

TEST_CASE("GCJ-02 -> BD-09 matches published vectors") {
  check(gcj02_to_bd09,
        {{{116.404, 39.915},
          {116.41036949371029, 39.92133699351021},
          "wandergis/coordtransform test/app.js (gcj02tobd09)"},
         {{123, 45}, {123.00636499, 45.00636899}, "hujiulong/gcoord test/unit/crs/GCJ02.spec.js"},
         {pyxis_gcj02, pyxis_bd09, pyxis},
         {jinhua_gcj02, jinhua_bd09, gcoord_cities}});
}

TEST_CASE("BD-09 -> GCJ-02 matches published vectors") {
  // coordtransform and gcoord publish Baidu's one-step inverse, which our
  // iteration refines by 4e-7 and 7e-7 degree at these two points.
  check(bd09_to_gcj02,
        {{{116.404, 39.915},
          {116.39762729119315, 39.90865673957631},
          "wandergis/coordtransform test/app.js (bd09togcj02)"},
         {{123, 45}, {122.99363304, 44.99365430}, "hujiulong/gcoord test/unit/crs/BD09.spec.js"},
         {pyxis_bd09, pyxis_gcj02, pyxis},
         {jinhua_bd09, jinhua_gcj02, gcoord_cities}});
}

TEST_CASE("WGS 84 -> BD-09 matches published vectors") {
  check(wgs84_to_bd09,
        {{{123, 45}, {123.0124491, 45.0083293}, "hujiulong/gcoord test/unit/crs/WGS84.spec.js"},
         {pyxis_wgs84, pyxis_bd09, pyxis},
         {{116.404, 39.915},
          {116.41662724378733, 39.922699552216216},
          "wyxloading/coordtransform-rs tests/tests.rs (test_wgs84_to_bd09)"}});
}

TEST_CASE("BD-09 -> WGS 84 matches published vectors") {
  // gcoord's value comes through the one-step BD-09 inverse (8e-7 degree from
  // ours). coordtransform-rs's own bd09_to_wgs84 vector is not used: its
  // one-step GCJ-02 inverse is 2.4e-6 degree off; its forward pair, read
  // backwards, is.
  check(bd09_to_wgs84,
        {{{123, 45}, {122.98762210, 44.99171540}, "hujiulong/gcoord test/unit/crs/BD09.spec.js"},
         {pyxis_bd09, pyxis_wgs84, pyxis},
         {{116.41662724378733, 39.922699552216216},
          {116.404, 39.915},
          "wyxloading/coordtransform-rs tests/tests.rs (test_wgs84_to_bd09, backwards)"}});
}

TEST_CASE("the inverses leave a residual below 1e-9 degree all over China") {
  double worst_gcj = 0, worst_bd = 0;
  for (double lon = 73.3; lon < 135.5; lon += 0.71)
    for (double lat = 3.2; lat < 53.5; lat += 0.53) {
      const LonLat p{lon, lat};
      const LonLat g = wgs84_to_gcj02(gcj02_to_wgs84(p));
      worst_gcj = std::max({worst_gcj, std::abs(g.lon - lon), std::abs(g.lat - lat)});
      const LonLat b = gcj02_to_bd09(bd09_to_gcj02(p));
      worst_bd = std::max({worst_bd, std::abs(b.lon - lon), std::abs(b.lat - lat)});
    }
  CHECK(worst_gcj < 1e-9);
  CHECK(worst_bd < 1e-9);
  // And the round trip the other way recovers the original.
  const LonLat w = bd09_to_wgs84(wgs84_to_bd09(pyxis_wgs84));
  CHECK(w.lon == Approx(pyxis_wgs84.lon).margin(1e-9));
  CHECK(w.lat == Approx(pyxis_wgs84.lat).margin(1e-9));
}

TEST_CASE("outside the China box GCJ-02 is WGS 84") {
  // gcoord's WGS84.spec.js and GCJ02.spec.js: (183, 45) is returned as is.
  for (const LonLat p : {LonLat{183, 45}, LonLat{0, 0}, LonLat{72.0039, 30}, LonLat{137.8348, 30},
                         LonLat{120, 0.8292}, LonLat{120, 55.8272}}) {
    INFO(p.lon << ", " << p.lat);
    CHECK(outside_china(p));
    CHECK(wgs84_to_gcj02(p).lon == p.lon);
    CHECK(wgs84_to_gcj02(p).lat == p.lat);
    CHECK(gcj02_to_wgs84(p).lon == p.lon);
    CHECK(gcj02_to_wgs84(p).lat == p.lat);
  }
  CHECK_FALSE(outside_china({72.0041, 30}));
  CHECK_FALSE(outside_china({120, 55.827}));
  // BD-09 is still GCJ-02 plus Baidu's shift there: only the GCJ-02 step stops.
  const LonLat bd = wgs84_to_bd09({183, 45});
  CHECK(bd.lon == gcj02_to_bd09({183, 45}).lon);
  CHECK(bd.lat == gcj02_to_bd09({183, 45}).lat);
}

TEST_CASE("datum names") {
  CHECK(chinese_datum("gcj02") == ChineseDatum::gcj02);
  CHECK(chinese_datum("GCJ-02") == ChineseDatum::gcj02);
  CHECK(chinese_datum("bd09") == ChineseDatum::bd09);
  CHECK(chinese_datum("BD-09") == ChineseDatum::bd09);
  CHECK_FALSE(chinese_datum("EPSG:4326"));
  CHECK_FALSE(chinese_datum("gcj"));
  CHECK(std::string(datum_name(ChineseDatum::bd09)) == "bd09");
  CHECK(to_wgs84(ChineseDatum::gcj02, pyxis_gcj02).lon == gcj02_to_wgs84(pyxis_gcj02).lon);
  CHECK(from_wgs84(ChineseDatum::bd09, pyxis_wgs84).lat == wgs84_to_bd09(pyxis_wgs84).lat);
}
