// The roads layer read through OGR into network::RoadLines in the working
// CRS: points, directions, speeds and travel times as the manifest maps
// them, what is skipped with a note and what is refused.
#include <gdal_utils.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <set>
#include <siterank/host/errors.hpp>
#include <string>

#include "config/manifest.hpp"
#include "data/dataset.hpp"
#include "error_of.hpp"
#include "temp_dir.hpp"

using namespace siterank;
using network::Direction;
using network::RoadLine;
using siterank::testing::error_of;
using siterank::testing::TempDir;

namespace {

const std::string parcels_json = R"({"type": "FeatureCollection", "features": [{"type": "Feature",
    "properties": {"id": "A"}, "geometry": {"type": "Polygon", "coordinates":
    [[[120.2, 30.25], [120.201, 30.25], [120.201, 30.251], [120.2, 30.251], [120.2, 30.25]]]}}]})";

// Every feature has the four OSM-style properties (null unless given), so
// every layer has the fields the manifests below map.
std::string feature(std::string properties, const std::string& geometry) {
  for (const char* key : {"highway", "oneway", "maxspeed", "seconds"})
    if (properties.find("\"" + std::string(key) + "\"") == std::string::npos)
      properties += ", \"" + std::string(key) + "\": null";
  return R"({"type": "Feature", "properties": {)" + properties + "}, \"geometry\": " + geometry +
         "}";
}

std::string line(const std::string& coordinates) {
  return R"({"type": "LineString", "coordinates": )" + coordinates + "}";
}

// A dataset folder with parcels, a roads.geojson of these features (lon/lat,
// RFC 7946) and the given roads layer entry for the manifest.
std::string roads_dataset(const TempDir& d, const std::string& features,
                          const std::string& roads_entry) {
  d.write("parcels.geojson", parcels_json);
  d.write("roads.geojson", R"({"type": "FeatureCollection", "features": [)" + features + "]}");
  d.write("dataset.json",
          R"({"parcels": {"source": "parcels.geojson", "fields": {"id": "id"}},
      "layers": {"roads": {"role": "roads", "source": "roads.geojson", )" +
              roads_entry + "}}}");
  return d.path();
}

const std::string osm_fields =
    R"("fields": {"class": "highway", "oneway": "oneway", "speed_kmh": "maxspeed",
        "travel_time_s": "seconds"})";

std::string load_error(const std::string& dir) {
  return error_of<InputError>([&] { load_dataset(load_manifest(dir)); });
}

// cs2cs -f "%.4f" EPSG:4326 EPSG:4549 <<< "30.25 120.2
// 30.25 120.21
// 30.26 120.21
// 30.26 120.2"      (latitude first: EPSG:4326's axis order; output northing, easting)
//   3347843.9605	519248.7234
//   3347845.6953	520211.1617
//   3348954.2665	520209.1144
//   3348952.5314	519246.7737
constexpr Point sw{519248.7234, 3347843.9605};  // 120.20 E 30.25 N
constexpr Point se{520211.1617, 3347845.6953};  // 120.21 E 30.25 N
constexpr Point ne{520209.1144, 3348954.2665};  // 120.21 E 30.26 N
constexpr Point nw{519246.7737, 3348952.5314};  // 120.20 E 30.26 N

void check_point(Point got, Point want) {
  CHECK(got.x == Approx(want.x).margin(1e-3));
  CHECK(got.y == Approx(want.y).margin(1e-3));
}

}  // namespace

TEST_CASE("OSM-style roads load in the working CRS with their speeds and directions") {
  TempDir d("roads_osm");
  const std::string features =
      feature(R"("highway": "primary", "oneway": "yes")",
              line("[[120.2, 30.25], [120.21, 30.25]]")) +
      "," +
      feature(R"("highway": "secondary", "oneway": "-1", "maxspeed": "30 mph")",
              line("[[120.21, 30.25], [120.21, 30.26]]")) +
      "," +
      feature(R"("highway": "residential", "oneway": "no", "maxspeed": "45")",
              line("[[120.21, 30.26], [120.2, 30.26], [120.2, 30.25]]")) +
      "," +
      feature(R"("highway": "tertiary", "seconds": "90")",
              R"({"type": "MultiLineString", "coordinates": [[[120.21, 30.25], [120.21, 30.26]],
                  [[120.21, 30.26], [120.2, 30.26]]]})") +
      "," +
      feature(R"("highway": "primary", "maxspeed": "none")",
              line("[[120.2, 30.26], [120.21, 30.26]]"));
  const Dataset ds = load_dataset(load_manifest(roads_dataset(d, features, osm_fields)));
  const auto& r = ds.roads;
  REQUIRE(r.size() == 6);    // the MultiLineString gives two lines
  CHECK(ds.layers.empty());  // roads are not a reference layer

  REQUIRE(r[0].points.size() == 2);
  check_point(r[0].points[0], sw);
  check_point(r[0].points[1], se);
  CHECK(r[0].direction == Direction::forward);
  CHECK(r[0].speed_kmh == 60);  // the primary default (docs/formats.md, Road classes)
  CHECK(std::isnan(r[0].seconds));

  CHECK(r[1].direction == Direction::backward);    // against the digitised order
  CHECK(r[1].speed_kmh == Approx(30 * 1.609344));  // its own speed, in mph
  check_point(r[1].points[1], ne);

  REQUIRE(r[2].points.size() == 3);
  check_point(r[2].points[1], nw);
  check_point(r[2].points[2], sw);
  CHECK(r[2].direction == Direction::both);
  CHECK(r[2].speed_kmh == 45);  // its own speed over the residential 30

  // The tertiary feature's 90 s shared by its two parts in proportion to
  // their lengths, from the cs2cs points above.
  const double east = std::hypot(ne.x - se.x, ne.y - se.y);   // ~1108.57 m
  const double north = std::hypot(nw.x - ne.x, nw.y - ne.y);  // ~962.34 m
  CHECK(r[3].seconds == Approx(90 * east / (east + north)));
  CHECK(r[4].seconds == Approx(90 * north / (east + north)));
  CHECK(r[3].seconds + r[4].seconds == Approx(90));
  CHECK(r[3].speed_kmh == 40);  // the tertiary default, unused beside a time
  check_point(r[4].points[0], ne);
  check_point(r[4].points[1], nw);

  // maxspeed "none" is no speed: the primary default, and a note.
  CHECK(r[5].speed_kmh == 60);
  REQUIRE(ds.report.notes.size() == 1);
  CHECK(ds.report.notes[0] ==
        "roads.geojson (layer roads): 1 feature with a speed_kmh (field maxspeed) that is not a "
        "speed: 'none' 1; the class speed is used instead (a speed is a positive number of km/h, "
        "optionally followed by km/h or mph)");
  CHECK(ds.road_settings.snap_tolerance_m == 1.0);
}

TEST_CASE("classes without a speed are skipped with one note per class") {
  TempDir d("roads_skipped");
  const std::string seg = line("[[120.2, 30.25], [120.21, 30.25]]");
  std::string features = feature(R"("highway": "primary")", seg);
  for (int i = 0; i < 3; ++i) features += "," + feature(R"("highway": "footway")", seg);
  features += "," + feature(R"("highway": "cycleway")", seg);
  features += "," + feature(R"("highway": null)", seg);
  features += "," + feature(R"("highway": "")", seg);
  features += "," + feature(R"("highway": "track", "maxspeed": "20")", seg);
  features += "," + feature(R"("highway": "primary")", "null");
  const Dataset ds = load_dataset(load_manifest(roads_dataset(d, features, osm_fields)));
  REQUIRE(ds.roads.size() == 2);
  CHECK(ds.roads[0].speed_kmh == 60);
  CHECK(ds.roads[1].speed_kmh == 20);  // a track with its own speed is a road
  const std::string l = "roads.geojson (layer roads): ";
  CHECK(ds.report.notes ==
        std::vector<std::string>{l + "1 feature without geometry skipped",
                                 l + "3 features of class 'footway' skipped (no speed; add it to "
                                     "$.layers.roads.speeds to use it)",
                                 l + "2 features without a class (field highway) skipped",
                                 l + "1 feature of class 'cycleway' skipped (no speed; add it to "
                                     "$.layers.roads.speeds to use it)",
                                 l + "1 feature of class 'track' (not in the speed table) kept for "
                                     "their own speed or travel time"});
}

TEST_CASE("the manifest's speeds override and add classes") {
  TempDir d("roads_speeds");
  const std::string seg = line("[[120.2, 30.25], [120.21, 30.25]]");
  const std::string features = feature(R"("highway": "primary")", seg) + "," +
                               feature(R"("highway": "living_street")", seg) + "," +
                               feature(R"("highway": "secondary")", seg) + "," +
                               feature(R"("highway": "primary", "maxspeed": "70")", seg);
  const Dataset ds = load_dataset(load_manifest(
      roads_dataset(d, features, osm_fields + R"(, "speeds": {"primary": 55, "living_street": 10},
        "network": {"snap_tolerance_m": 0.5, "access_speed_kmh": 5, "max_access_m": 300})")));
  REQUIRE(ds.roads.size() == 4);
  CHECK(ds.roads[0].speed_kmh == 55);  // overridden
  CHECK(ds.roads[1].speed_kmh == 10);  // added
  CHECK(ds.roads[2].speed_kmh == 50);  // the default
  CHECK(ds.roads[3].speed_kmh == 70);  // its own speed wins over the override
  CHECK(ds.report.notes.empty());
  CHECK(ds.road_settings.snap_tolerance_m == 0.5);
  CHECK(ds.road_settings.access_speed_kmh == 5);
  CHECK(ds.road_settings.max_access_m == 300);
}

TEST_CASE("a local vocabulary maps through values; a layer in the working CRS is not moved") {
  TempDir d("roads_local");
  d.write("parcels.geojson", parcels_json);
  // A CSV has no CRS: the manifest states EPSG:4549, the working CRS.
  d.write("roads.csv",
          "等级,方向,限速,WKT\n"
          "高速公路,正向,,\"LINESTRING (500000 3000000,501000 3000000)\"\n"
          "主干路,反向,CN:urban,\"LINESTRING (501000 3000000,501000 3001000)\"\n"
          "主干路,双向,,\"LINESTRING (501000 3001000,500000 3001000)\"\n"
          "规划道路,双向,,\"LINESTRING (500000 3001000,500000 3000000)\"\n");
  d.write("dataset.json", R"({"parcels": {"source": "parcels.geojson", "fields": {"id": "id"}},
      "layers": {"net": {"role": "roads", "source": "roads.csv", "crs": "EPSG:4549",
        "fields": {"class": "等级", "oneway": "方向", "speed_kmh": "限速"},
        "values": {"class": {"高速公路": "motorway", "主干路": "primary", "规划道路": ""},
                   "oneway": {"正向": "yes", "反向": "-1", "双向": "no"},
                   "speed_kmh": {"CN:urban": "50"}}}}})");
  const Dataset ds = load_dataset(load_manifest(d.path()));
  REQUIRE(ds.roads.size() == 3);
  CHECK(ds.roads[0].points[0].x == 500000);
  CHECK(ds.roads[0].points[1].x == 501000);
  CHECK(ds.roads[0].points[1].y == 3000000);
  CHECK(ds.roads[0].speed_kmh == 100);
  CHECK(ds.roads[0].direction == Direction::forward);
  CHECK(ds.roads[1].speed_kmh == 50);
  CHECK(ds.roads[1].direction == Direction::backward);
  CHECK(ds.roads[2].speed_kmh == 60);
  CHECK(ds.roads[2].direction == Direction::both);
  REQUIRE(ds.report.notes.size() == 1);  // 规划道路 mapped to no class
  CHECK(ds.report.notes[0] ==
        "roads.csv (layer roads): 1 feature without a class (field 等级) skipped");
}

TEST_CASE("numeric oneway, speed and time fields") {
  TempDir d("roads_numeric");
  const std::string seg = line("[[120.2, 30.25], [120.21, 30.25]]");
  const std::string features =
      feature(R"("highway": "primary", "oneway": 1, "maxspeed": 35, "seconds": 12.5)", seg) + "," +
      feature(R"("highway": "primary", "oneway": -1, "maxspeed": 0, "seconds": 0)", seg) + "," +
      feature(R"("highway": "primary", "oneway": 0, "maxspeed": -20, "seconds": null)", seg) + "," +
      feature(R"("highway": "service", "oneway": null, "maxspeed": null, "seconds": -4)", seg);
  const Dataset ds = load_dataset(load_manifest(roads_dataset(d, features, osm_fields)));
  REQUIRE(ds.roads.size() == 4);
  CHECK(ds.roads[0].direction == Direction::forward);
  CHECK(ds.roads[0].speed_kmh == 35);
  CHECK(ds.roads[0].seconds == 12.5);
  CHECK(ds.roads[1].direction == Direction::backward);
  CHECK(ds.roads[1].speed_kmh == 60);  // 0 is no speed: the class speed
  CHECK(std::isnan(ds.roads[1].seconds));
  CHECK(ds.roads[2].direction == Direction::both);
  CHECK(ds.roads[2].speed_kmh == 60);
  CHECK(ds.roads[3].direction == Direction::both);  // null: both ways
  CHECK(ds.roads[3].speed_kmh == 20);
  CHECK(std::isnan(ds.roads[3].seconds));
  const std::string l = "roads.geojson (layer roads): ";
  CHECK(ds.report.notes ==
        std::vector<std::string>{
            l + "2 features with a speed_kmh (field maxspeed) that is not a speed: '-20' 1, '0' "
                "1; the class speed is used instead (a speed is a positive number of km/h, "
                "optionally followed by km/h or mph)",
            l + "2 features with a travel_time_s (field seconds) that is not a positive number "
                "of seconds: '-4' 1, '0' 1; the speed is used instead"});
}

TEST_CASE("roads are loaded only when the run asks for them") {
  TempDir d("roads_roles");
  const std::string features =
      feature(R"("highway": "primary")", line("[[120.2, 30.25], [120.21, 30.25]]"));
  const DatasetManifest m = load_manifest(
      roads_dataset(d, features, osm_fields + R"(, "network": {"max_access_m": 750})"));
  const std::set<std::string> others{"metro_stations"}, roads{"roads"};
  const Dataset without = load_dataset(m, &others, false);
  CHECK(without.roads.empty());
  CHECK(without.road_settings.max_access_m == 750);  // from the manifest all the same
  const Dataset with = load_dataset(m, &roads, false);
  CHECK(with.roads.size() == 1);
  CHECK(with.layers.empty());
  CHECK(load_dataset(m).roads.size() == 1);  // all roles
}

TEST_CASE("a roads layer of another geometry, or a feature of one, is refused") {
  TempDir d("roads_polygons");
  const std::string square =
      R"({"type": "Polygon", "coordinates": [[[120.2, 30.25], [120.21, 30.25], [120.21, 30.26],
          [120.2, 30.25]]]})";
  const std::string dir = roads_dataset(d, feature(R"("highway": "primary")", square), osm_fields);
  CHECK(load_error(dir) ==
        "roads.geojson (layer roads): a roads layer needs LineString or MultiLineString "
        "geometry, this one has Polygon geometry ($.layers.roads in " +
            d.file("dataset.json") + ")");

  // A layer of mixed geometry names the feature.
  roads_dataset(
      d,
      feature(R"("highway": "primary")", line("[[120.2, 30.25], [120.21, 30.25]]")) + "," +
          feature(R"("highway": "primary")", R"({"type": "Point", "coordinates": [120.2, 30.25]})"),
      osm_fields);
  CHECK(load_error(dir) ==
        "roads.geojson (layer roads): feature 1: Point geometry in a roads layer (roads are "
        "LineString or MultiLineString; $.layers.roads in " +
            d.file("dataset.json") + ")");
}

TEST_CASE("bad road data is named with the layer, field and values") {
  TempDir d("roads_bad");
  const std::string seg = line("[[120.2, 30.25], [120.21, 30.25]]");
  const std::string json = d.file("dataset.json");

  // Oneway values it cannot read, all listed at once.
  const std::string dir = roads_dataset(
      d,
      feature(R"("highway": "primary", "oneway": "yes")", seg) + "," +
          feature(R"("highway": "primary", "oneway": "reversible")", seg) + "," +
          feature(R"("highway": "primary", "oneway": "both")", seg) + "," +
          feature(R"("highway": "primary", "oneway": "reversible")", seg) + "," +
          feature(R"("highway": "footway", "oneway": "sometimes")", seg),  // skipped anyway
      osm_fields);
  CHECK(load_error(dir) ==
        "roads.geojson (layer roads): oneway values (field oneway) that are not yes, no or -1 "
        "(nor true, false, 1, 0): 'reversible' (2 features, first feature 1), 'both' (1 "
        "feature, first feature 2); map them in $.layers.roads.values.oneway of " +
            json);

  // A mapped field the layer does not have.
  roads_dataset(d, feature(R"("highway": "primary")", seg),
                R"("fields": {"class": "highway", "speed_kmh": "max_speed"})");
  CHECK(load_error(dir) == json +
                               ": $.layers.roads.fields.speed_kmh: no field 'max_speed' in "
                               "roads.geojson (layer roads) (fields: highway, oneway, maxspeed, "
                               "seconds)");

  // Nothing a car can use.
  roads_dataset(
      d, feature(R"("highway": "footway")", seg) + "," + feature(R"("highway": "steps")", "null"),
      osm_fields);
  CHECK(load_error(dir) ==
        "roads.geojson (layer roads): no usable roads in 2 features; 1 feature without geometry "
        "skipped; 1 feature of class 'footway' skipped (no speed; add it to "
        "$.layers.roads.speeds to use it)");
}

TEST_CASE("an OSM extract converted as docs/formats.md says loads with OSM's conventions") {
  TempDir d("roads_osm_extract");
  d.write("parcels.geojson", parcels_json);
  // The arguments of the documented command, after the file names:
  //   ogr2ogr -f GPKG roads.gpkg extract.osm.pbf -nln roads -dialect SQLite -sql "..."
  // GDAL's OSM driver reads .osm XML as it reads .osm.pbf.
  const char* sql =
      "SELECT highway, COALESCE(hstore_get_value(other_tags, 'oneway'), CASE WHEN highway = "
      "'motorway' OR hstore_get_value(other_tags, 'junction') IN ('roundabout', 'circular') THEN "
      "'yes' END) AS oneway, hstore_get_value(other_tags, 'maxspeed') AS maxspeed, name, osm_id, "
      "geometry FROM lines WHERE highway IS NOT NULL";
  const char* args[] = {"-f", "GPKG", "-nln", "roads", "-dialect", "SQLite", "-sql", sql, nullptr};
  GDALAllRegister();
  GDALVectorTranslateOptions* options =
      GDALVectorTranslateOptionsNew(const_cast<char**>(args), nullptr);
  GDALDatasetH src =
      GDALOpenEx(SITERANK_TEST_DATA "/osm/roads.osm", GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
  REQUIRE(src);
  int failed = 0;
  GDALDatasetH dst =
      GDALVectorTranslate(d.file("roads.gpkg").c_str(), nullptr, 1, &src, options, &failed);
  REQUIRE(dst);
  CHECK(failed == 0);
  GDALClose(dst);
  GDALClose(src);
  GDALVectorTranslateOptionsFree(options);
  // The manifest entry of docs/formats.md.
  d.write("dataset.json", R"({"parcels": {"source": "parcels.geojson", "fields": {"id": "id"}},
      "layers": {"roads": {"role": "roads", "source": "roads.gpkg", "layer": "roads",
        "fields": {"class": "highway", "oneway": "oneway", "speed_kmh": "maxspeed"},
        "values": {"oneway": {"reversible": "no", "alternating": "no"}},
        "speeds": {"living_street": 10}, "network": {"snap_tolerance_m": 0}}}})");
  const Dataset ds = load_dataset(load_manifest(d.path()));
  CHECK(ds.road_settings.snap_tolerance_m == 0);
  const auto& r = ds.roads;
  // Ways 10-19 of roads.osm: the footway (13) is skipped, the pedestrian
  // area (15) is a polygon to GDAL and the river (16) has no highway.
  REQUIRE(r.size() == 7);
  CHECK(r[0].direction == Direction::forward);  // 10: motorway, oneway implied
  CHECK(r[0].speed_kmh == 100);
  check_point(r[0].points[0], sw);
  check_point(r[0].points[1], se);
  CHECK(r[1].direction == Direction::forward);  // 11: oneway=yes maxspeed=60
  CHECK(r[1].speed_kmh == 60);
  CHECK(r[2].direction == Direction::backward);  // 12: oneway=-1 maxspeed="30 mph"
  CHECK(r[2].speed_kmh == Approx(48.28032));
  CHECK(r[3].direction == Direction::forward);  // 14: roundabout, oneway implied
  CHECK(r[3].points.size() == 4);
  CHECK(r[4].direction == Direction::both);  // 17: reversible, mapped to no
  CHECK(r[4].speed_kmh == 40);               // maxspeed CN:urban: the tertiary default
  CHECK(r[5].direction == Direction::both);  // 18: motorway with oneway=no
  CHECK(r[6].speed_kmh == 10);               // 19: living_street from $.speeds
  const std::string l = "roads.gpkg (layer roads): ";
  CHECK(ds.report.notes ==
        std::vector<std::string>{
            l + "1 feature of class 'footway' skipped (no speed; add it to "
                "$.layers.roads.speeds to use it)",
            l + "1 feature with a speed_kmh (field maxspeed) that is not a speed: 'CN:urban' 1; "
                "the class speed is used instead (a speed is a positive number of km/h, "
                "optionally followed by km/h or mph)"});
}
