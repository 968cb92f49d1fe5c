// Per-platform counts for `siterank platforms` (analysis/platform_summary)
// on a Dataset built by hand: a platforms layer of two platforms, a metro
// layer that must be ignored, and five parcels on three platforms.
#include <catch2/catch.hpp>
#include <sdk_fixtures.hpp>

#include "analysis/platform_summary.hpp"

using namespace siterank;
using namespace siterank::testing;

namespace {

Dataset hand_made_dataset() {
  Dataset d;
  d.layers.push_back(
      make_point_layer("platforms", "platforms", {{519000, 3347000}, {530000, 3340000}},
                       {"name", "district", "industries", "description"},
                       {{"钱塘芯谷", "钱塘区", "integrated_circuits;;smart_iot;", "芯片"},
                        {"临空经济示范区", "萧山区", "low_altitude_economy", ""}}));
  d.layers.push_back(
      make_point_layer("metro", "metro_stations", {{519100, 3347100}}, {"name"}, {{"江东二路"}}));
  // id, x of the lower-left corner, width, height (m), platform, district, status.
  struct Row {
    const char* id;
    double x, w, h;
    const char *platform, *district, *status;
  };
  const Row rows[] = {
      // 钱塘芯谷: 20000 m² ready, 10000 m² available (no district), 40000 m² reserved.
      {"A", 519000, 100, 200, "钱塘芯谷", "钱塘区", "ready"},
      {"B", 519200, 100, 100, "钱塘芯谷", "", "available"},
      {"C", 519400, 200, 200, "钱塘芯谷", "钱塘区", "reserved"},
      // 中国视谷, not in the layer: 30000 m² ready (滨江区 first), 30000 m² occupied.
      {"D", 519700, 150, 200, "中国视谷", "滨江区", "ready"},
      {"E", 520000, 100, 300, "中国视谷", "西湖区", "occupied"},
  };
  std::vector<ParcelSpec> specs;
  for (const Row& row : rows) {
    ParcelSpec& s = specs.emplace_back();
    s.id = row.id;
    s.ring = rectangle(row.x, 3347000, row.w, row.h);
    s.platform = row.platform;
    s.district = row.district;
    s.status = row.status;
  }
  d.parcels = make_parcels(specs);
  return d;
}

}  // namespace

TEST_CASE("platforms of the layer and of the parcels, sorted by name") {
  const auto s = summarize_platforms(hand_made_dataset());
  // UTF-8 byte order is code point order: 中 U+4E2D < 临 U+4E34 < 钱 U+94B1.
  // The metro station's name is not a platform.
  REQUIRE(s.size() == 3);
  CHECK(s[0].name == "中国视谷");
  CHECK(s[1].name == "临空经济示范区");
  CHECK(s[2].name == "钱塘芯谷");
}

TEST_CASE("a platform of the layer with parcels: its attributes and the parcel counts") {
  const auto s = summarize_platforms(hand_made_dataset());
  const PlatformSummary& q = s.at(2);  // 钱塘芯谷
  CHECK(q.in_layer);
  CHECK(q.district == "钱塘区");
  CHECK(q.description == "芯片");
  // Empty codes between and after the separators are dropped.
  CHECK(q.industries == std::vector<std::string>{"integrated_circuits", "smart_iot"});
  CHECK(q.parcels == 3);
  CHECK(q.ready == 1);
  CHECK(q.available == 1);
  CHECK(q.area_m2 == Approx(20000 + 10000 + 40000));
  CHECK(q.open_area_m2 == Approx(20000 + 10000));  // ready + available
}

TEST_CASE("a platform of the layer without parcels") {
  const auto s = summarize_platforms(hand_made_dataset());
  const PlatformSummary& l = s.at(1);  // 临空经济示范区
  CHECK(l.in_layer);
  CHECK(l.district == "萧山区");
  CHECK(l.industries == std::vector<std::string>{"low_altitude_economy"});
  CHECK(l.parcels == 0);
  CHECK(l.area_m2 == 0.0);
  CHECK(l.open_area_m2 == 0.0);
}

TEST_CASE("a platform only the parcels name: the district of its first parcel") {
  const auto s = summarize_platforms(hand_made_dataset());
  const PlatformSummary& z = s.at(0);  // 中国视谷
  CHECK_FALSE(z.in_layer);
  CHECK(z.district == "滨江区");
  CHECK(z.industries.empty());
  CHECK(z.parcels == 2);
  CHECK(z.ready == 1);
  CHECK(z.available == 0);
  CHECK(z.area_m2 == Approx(30000 + 30000));
  CHECK(z.open_area_m2 == Approx(30000));
}

TEST_CASE("without a platforms layer only the parcels' platforms are listed") {
  Dataset d = hand_made_dataset();
  d.layers.erase(d.layers.begin());
  const auto s = summarize_platforms(d);
  REQUIRE(s.size() == 2);
  CHECK(s[0].name == "中国视谷");
  CHECK(s[1].name == "钱塘芯谷");
  CHECK_FALSE(s[1].in_layer);
  CHECK(s[1].district == "钱塘区");  // from parcel A, the first
  CHECK(s[1].industries.empty());
}
