// A dataset folder's platforms as `siterank platforms` lists them
// (siterank/host/platforms.hpp), on a dataset written by hand: four
// parcels (rectangles in EPSG:4549, so their areas are width × height), a
// platforms layer of two platforms, and a metro layer whose file does not
// exist: only the platforms layer is read.
#include <catch2/catch.hpp>
#include <error_of.hpp>
#include <siterank/host/errors.hpp>
#include <siterank/host/platforms.hpp>
#include <temp_dir.hpp>

using namespace siterank;
using namespace siterank::testing;

namespace {

std::string rectangle(double x, double y, double w, double h) {
  const auto p = [](double px, double py) {
    return "[" + std::to_string(px) + ", " + std::to_string(py) + "]";
  };
  return R"({"type": "Polygon", "coordinates": [[)" + p(x, y) + ", " + p(x + w, y) + ", " +
         p(x + w, y + h) + ", " + p(x, y + h) + ", " + p(x, y) + "]]}";
}

std::string feature(const std::string& properties, const std::string& geometry) {
  return R"({"type": "Feature", "properties": )" + properties + R"(, "geometry": )" + geometry +
         "}";
}

// id, platform, district, status; width × height in m.
std::string hand_made_dataset() {
  static const TempDir d("host_platforms");
  d.write("parcels.geojson",
          R"({"type": "FeatureCollection", "features": [)" +
              // 钱塘芯谷: 100 × 200 = 20000 m² ready, 100 × 100 = 10000 m² available,
              // 200 × 200 = 40000 m² reserved.
              feature(R"({"id": "A", "p": "钱塘芯谷", "d": "钱塘区", "s": "ready"})",
                      rectangle(519000, 3347000, 100, 200)) +
              ", " +
              feature(R"({"id": "B", "p": "钱塘芯谷", "d": "钱塘区", "s": "available"})",
                      rectangle(519200, 3347000, 100, 100)) +
              ", " +
              feature(R"({"id": "C", "p": "钱塘芯谷", "d": "钱塘区", "s": "reserved"})",
                      rectangle(519400, 3347000, 200, 200)) +
              ", " +
              // 中国视谷, not in the layer: 150 × 200 = 30000 m² ready.
              feature(R"({"id": "D", "p": "中国视谷", "d": "滨江区", "s": "ready"})",
                      rectangle(519700, 3347000, 150, 200)) +
              "]}");
  d.write("platforms.geojson",
          R"({"type": "FeatureCollection", "features": [)" +
              feature(R"({"n": "钱塘芯谷", "d": "钱塘区", "i": "integrated_circuits;smart_iot",
                          "t": "芯片"})",
                      rectangle(518900, 3346900, 1000, 500)) +
              ", " +
              feature(R"({"n": "临空经济示范区", "d": "萧山区", "i": "low_altitude_economy",
                          "t": ""})",
                      rectangle(530000, 3340000, 1000, 1000)) +
              "]}");
  d.write("dataset.json", R"({"name": "platform test", "working_crs": "EPSG:4549",
      "parcels": {"source": "parcels.geojson", "crs": "EPSG:4549",
                  "fields": {"id": "id", "platform": "p", "district": "d", "status": "s"}},
      "layers": {
        "platforms": {"role": "platforms", "source": "platforms.geojson", "crs": "EPSG:4549",
                      "fields": {"name": "n", "district": "d", "industries": "i",
                                 "description": "t"}},
        "metro": {"role": "metro_stations", "source": "no_such_file.geojson",
                  "fields": {"name": "n"}}}})");
  return d.path();
}

}  // namespace

TEST_CASE("the dataset's name, its parcels and its platforms sorted by name") {
  const DatasetPlatforms d = dataset_platforms(hand_made_dataset());
  CHECK(d.dataset == "platform test");
  CHECK(d.parcels == 4);
  // UTF-8 byte order is code point order: 中 U+4E2D < 临 U+4E34 < 钱 U+94B1.
  REQUIRE(d.platforms.size() == 3);
  CHECK(d.platforms[0].name == "中国视谷");
  CHECK(d.platforms[1].name == "临空经济示范区");
  CHECK(d.platforms[2].name == "钱塘芯谷");
}

TEST_CASE("each platform: the layer's attributes and the parcels' counts and areas") {
  // How the counts are made is analysis/platform_summary's (its own test);
  // here, that the layer's attributes and the parcels' areas arrive.
  const DatasetPlatforms d = dataset_platforms(hand_made_dataset());
  const PlatformSummary& q = d.platforms.at(2);  // 钱塘芯谷: 3 parcels, 1 ready, 1 available
  CHECK((q.in_layer && q.district == "钱塘区" && q.description == "芯片"));
  CHECK(q.industries == std::vector<std::string>{"integrated_circuits", "smart_iot"});
  CHECK((q.parcels == 3 && q.ready == 1 && q.available == 1));
  CHECK(q.area_m2 == Approx(20000 + 10000 + 40000));
  CHECK(q.open_area_m2 == Approx(20000 + 10000));
  CHECK((d.platforms.at(1).in_layer && d.platforms.at(1).parcels == 0));  // 临空经济示范区
  CHECK_FALSE(d.platforms.at(0).in_layer);                                // 中国视谷
  CHECK(d.platforms.at(0).area_m2 == Approx(30000));
}

TEST_CASE("a folder without a manifest") {
  CHECK(error_of<InputError>([] { dataset_platforms("/no/such/dir"); }) ==
        "/no/such/dir: no dataset manifest here (expected a folder with dataset.json)");
}

TEST_CASE("industries by their Chinese name in the built-in taxonomy, else by code") {
  CHECK(industry_name_zh("integrated_circuits") == "集成电路");
  CHECK(industry_name_zh("low_altitude_economy") == "低空经济");
  CHECK(industry_name_zh("no_such_industry") == "no_such_industry");
  CHECK(industry_name_zh("") == "");
}
