// The same inputs give byte-identical outputs whatever the thread count.
#include <cmath>

#include "cli_fixture.hpp"

using namespace siterank::testing;

namespace {

// 6,000 parcels (three batches of 2,048 and more) of varied sizes and
// shapes in EPSG:4549, and 40 stations.
void write_large_dataset(const TempDir& d) {
  std::string parcels =
      R"({"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4549"}}, "features": [)";
  for (int i = 0; i < 6000; ++i) {
    const double x = 500000 + (i % 80) * 150, y = 3340000 + (i / 80) * 150;
    const double w = 60 + (i * 37) % 80, h = 50 + (i * 53) % 90;
    char geom[400];
    std::snprintf(geom, sizeof geom,
                  "[[[%.1f,%.1f],[%.1f,%.1f],[%.1f,%.1f],[%.1f,%.1f],[%.1f,%.1f]]]", x, y, x + w, y,
                  x + w, y + h, x, y + h, x, y);
    parcels +=
        std::string(i ? "," : "") + R"({"type": "Feature", "properties": {"地块编号": "G-)" +
        std::to_string(i) + R"(", "所属平台": "测试平台", "用地性质": ")" +
        (i % 17 == 0 ? "B29" : "M1") +
        R"(", "供地状态": "可出让", "出让单价": 50, "供电容量": 1000}, "geometry": {"type": "Polygon", "coordinates": )" +
        geom + "}}";
  }
  d.write("parcels.geojson", parcels + "]}");
  std::string stations =
      R"({"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4549"}}, "features": [)";
  for (int i = 0; i < 40; ++i)
    stations += std::string(i ? "," : "") + R"({"type": "Feature", "properties": {"站名": "S)" +
                std::to_string(i) + R"("}, "geometry": {"type": "Point", "coordinates": [)" +
                std::to_string(500000 + (i * 2713) % 12000) + "," +
                std::to_string(3340000 + (i * 1931) % 11000) + "]}}";
  d.write("stations.geojson", stations + "]}");
  write_grid_manifest(d, "parcels.geojson");
  // write_grid_manifest copied the small stations file: put the large one back.
  d.write("stations.geojson", stations + "]}");
}

}  // namespace

TEST_CASE("outputs are byte-identical for 1, 2 and 3 threads") {
  TempDir d("determinism");
  write_large_dataset(d);
  const std::string profile = grid_dir + "/profile_two.json";
  std::vector<std::string> outputs;
  for (const char* threads : {"1", "2", "3"}) {
    for (const char* ext : {"geojson", "csv", "json"}) {
      const std::string out = d.file(std::string("out_") + threads + "." + ext);
      const Outcome o =
          siterank_cli(with_plugins({"rank", "--profile", profile, "--dataset", d.path(),
                                     "--threads", threads, "--include-vetoed", "-o", out, "-q"}));
      INFO(o.err);
      REQUIRE(o.code == 0);
    }
  }
  for (const char* ext : {"geojson", "csv", "json"}) {
    const std::string one = read_file(d.file(std::string("out_1.") + ext));
    CHECK(one.size() > 100000);
    CHECK(one == read_file(d.file(std::string("out_2.") + ext)));
    CHECK(one == read_file(d.file(std::string("out_3.") + ext)));
  }
  // Every parcel is there: 6000 - 353 vetoed B29 (every 17th) ranked.
  const auto rows = parse_csv(read_file(d.file("out_1.csv")));
  CHECK(rows.size() == 6000);
  CHECK(rows[5646].at("rank") == "5647");
  CHECK(rows[5647].at("vetoed") == "true");
}
