// Isochrones through the public host API (siterank/host/isochrones.hpp)
// on the road fixture (tests/data/roads): two straight roads at 10 m/s,
// the northern one one-way eastwards, access legs at 15 km/h within 50 m,
// and three rail hubs: on the southern road, on the northern one, and 20 km
// from any road. Written to both formats and read back.
#include <catch2/catch.hpp>
#include <cmath>
#include <error_of.hpp>
#include <numbers>
#include <siterank/host/errors.hpp>
#include <siterank/host/isochrones.hpp>
#include <temp_dir.hpp>

using namespace siterank;
using namespace siterank::testing;

namespace {

const std::string roads_dir = SITERANK_TEST_DATA "/roads";

IsochroneRequest request(std::vector<double> minutes, unsigned threads = 0) {
  IsochroneRequest r;
  r.dataset_dir = roads_dir;
  r.role = "rail_hubs";
  r.minutes = std::move(minutes);
  r.threads = threads;
  return r;
}

// Convex hull of a disc of radius R and a point D from its centre.
double disc_and_point(double R, double D) {
  return R * std::sqrt(D * D - R * R) + R * R * (std::numbers::pi - std::acos(R / D));
}

// One minute from 南站, mid-road: 600 m each way; the buffer is the 50 m
// cap while at least 12 s are left (480 m), then narrows to 0 at 600 m.
const double south_1min_m2 =
    2 * 480 * 100 + 2 * (disc_and_point(50, 120) - std::numbers::pi * 50 * 50 / 2);

}  // namespace

TEST_CASE("isochrones of the road fixture, by hand") {
  const IsochroneSet set = compute_isochrones(request({2, 1}));
  CHECK(set.dataset == "roads fixture");
  CHECK(set.layer == "rail_hubs");
  CHECK(set.role == "rail_hubs");
  CHECK(set.crs == "EPSG:4549");
  REQUIRE(set.isochrones.size() == 6);  // 3 hubs x 2 limits, minutes ascending
  REQUIRE(set.polygons.feature_count() == 6);
  const auto& south = set.isochrones[0];
  CHECK(south.facility == 0);
  CHECK(south.name == "南站");
  CHECK(south.minutes == 1);
  CHECK(south.access_m == Approx(0).margin(1e-9));
  CHECK(south.road_km == Approx(1.2));
  CHECK(south.area_km2 == Approx(south_1min_m2 / 1e6).epsilon(0.005));
  CHECK(PolygonView(set.polygons, 0).area() == Approx(south.area_km2 * 1e6));
  CHECK(set.isochrones[1].minutes == 2);
  CHECK(set.isochrones[1].road_km == Approx(2.4));
  // 北站 on the one-way road: only the road west of it drives to it.
  CHECK(set.isochrones[2].name == "北站");
  CHECK(set.isochrones[2].road_km == Approx(0.6));
  CHECK(set.isochrones[3].road_km == Approx(1.2));
  // 远站: no road within 50 m.
  for (std::size_t i : {4, 5}) {
    CHECK(set.isochrones[i].facility == 2);
    CHECK(std::isnan(set.isochrones[i].access_m));
    CHECK(set.isochrones[i].road_km == 0);
    CHECK(set.isochrones[i].area_km2 == 0);
    CHECK(PolygonView(set.polygons, i).ring_count() == 0);
  }
  REQUIRE(set.notes.size() == 1);
  CHECK(set.notes[0] == "layer 'rail_hubs' feature 2 '远站': no road within 50 m, nothing reached");
}

TEST_CASE("a filter keeps the features holding the value") {
  IsochroneRequest r = request({1});
  r.filters = {{"kind", "conventional"}};
  const IsochroneSet set = compute_isochrones(r);
  REQUIRE(set.isochrones.size() == 1);
  CHECK(set.isochrones[0].facility == 1);
  r.filters = {{"kind", "metro"}};
  CHECK(error_of<InputError>([&] { compute_isochrones(r); }) ==
        "no feature of layer 'rail_hubs' (3 features) passes kind=metro");
  r.filters = {{"kinds", "x"}};
  CHECK(error_of<InputError>([&] { compute_isochrones(r); }) ==
        roads_dir +
            "/dataset.json: filter kinds=x: $.layers.rail_hubs.fields does not map "
            "'kinds' (it maps: kind, name)");
}

TEST_CASE("the same isochrones whatever the number of threads") {
  const IsochroneSet one = compute_isochrones(request({1, 2, 5}, 1));
  const IsochroneSet two = compute_isochrones(request({1, 2, 5}, 2));
  CHECK(one.polygons.points.size() == two.polygons.points.size());
  bool same = one.polygons.ring_offsets == two.polygons.ring_offsets;
  for (std::size_t i = 0; same && i < one.polygons.points.size(); ++i)
    same = one.polygons.points[i].x == two.polygons.points[i].x &&
           one.polygons.points[i].y == two.polygons.points[i].y;
  CHECK(same);
}

TEST_CASE("bad requests are refused before any layer is read") {
  CHECK(error_of<UsageError>([&] { compute_isochrones(request({})); }) ==
        "minutes: give at least one time limit");
  CHECK(error_of<UsageError>([&] {
          compute_isochrones(request({5, -1}));
        }) == "minutes: -1 is not a time limit (a number of minutes > 0)");
  CHECK(error_of<UsageError>([&] {
          compute_isochrones(request({5, 5}));
        }) == "minutes: 5 is given twice");
  IsochroneRequest r = request({5});
  r.role = "roads";
  CHECK(error_of<UsageError>([&] { compute_isochrones(r); }) ==
        "role 'roads' is the road network, not a layer of facilities (roles: airports, rail_hubs)");
  r.role = "metro_stations";
  CHECK(error_of<InputError>([&] { compute_isochrones(r); }) ==
        roads_dir +
            "/dataset.json: no layer with role 'metro_stations' (roles: airports, rail_hubs)");
  r.role = "airports";
  CHECK(error_of<InputError>([&] { compute_isochrones(r); }) ==
        roads_dir + "/dataset.json: $.layers.airports: layer 'airports' has no features");
  r.dataset_dir = SITERANK_TEST_DATA "/grid";
  r.role = "stations";
  CHECK(error_of<InputError>([&] { compute_isochrones(r); }) ==
        std::string(SITERANK_TEST_DATA) +
            "/grid/dataset.json: no layer with role 'roads': isochrones need a road network "
            "(docs/formats.md, \"Road network layer\")");
}

TEST_CASE("written as GeoPackage or GeoJSON and read back in EPSG:4326") {
  TempDir d("host_isochrones");
  const IsochroneSet set = compute_isochrones(request({1, 2}));
  for (const std::string name : {"iso.gpkg", "iso.geojson", "ISO.GeoJSON"}) {
    INFO(name);
    const std::string path = d.file(name);
    check_isochrones_target(path);
    write_isochrones(set, path);
    const IsochroneSet back = read_isochrones(path);
    CHECK(back.crs == "EPSG:4326");
    CHECK(back.role == "rail_hubs");
    REQUIRE(back.isochrones.size() == set.isochrones.size());
    REQUIRE(back.polygons.feature_count() == set.isochrones.size());
    for (std::size_t i = 0; i < set.isochrones.size(); ++i) {
      CHECK(back.isochrones[i].facility == set.isochrones[i].facility);
      CHECK(back.isochrones[i].name == set.isochrones[i].name);
      CHECK(back.isochrones[i].minutes == set.isochrones[i].minutes);
      CHECK(back.isochrones[i].road_km == Approx(set.isochrones[i].road_km).margin(5e-4));
      CHECK(back.isochrones[i].area_km2 == Approx(set.isochrones[i].area_km2).margin(1e-6));
      CHECK(std::isnan(back.isochrones[i].access_m) == std::isnan(set.isochrones[i].access_m));
      CHECK(PolygonView(back.polygons, i).ring_count() ==
            PolygonView(set.polygons, i).ring_count());
    }
    // Lon/lat near 120.2 E, 30.26 N.
    const Point p = back.polygons.points.front();
    CHECK(p.x == Approx(120.2).margin(0.05));
    CHECK(p.y == Approx(30.26).margin(0.05));
  }
}

TEST_CASE("targets and files that are not isochrones are refused") {
  TempDir d("host_isochrones_bad");
  CHECK(error_of<UsageError>([&] { check_isochrones_target(d.file("iso.shp")); }) ==
        "isochrones are written as gpkg, geojson; '" + d.file("iso.shp") +
            "' ends in neither .gpkg nor .geojson");
  CHECK(error_of<OutputError>([&] { check_isochrones_target(d.file("no/such/iso.gpkg")); }) !=
        "(no error)");
  CHECK(error_of<InputError>([&] { read_isochrones(d.file("missing.gpkg")); }) ==
        d.file("missing.gpkg") + ": no such file");
  const std::string other = d.write(
      "other.geojson",
      R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"id": 1},
          "geometry": {"type": "Point", "coordinates": [120, 30]}}]})");
  CHECK(error_of<InputError>([&] { read_isochrones(other); }) ==
        other +
            ": no field 'facility' (siterank isochrones writes facility, name, role, minutes, "
            "road_km, area_km2, access_m)");
}
