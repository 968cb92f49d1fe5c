// `siterank isochrones` on the road fixture (tests/data/roads): two
// straight roads at 36 km/h (10 m/s), the northern one one-way eastwards,
// access legs at 15 km/h within 50 m; rail hubs on each road and one 20 km
// from any road. GeoJSON parsed, GeoPackage read with ogrinfo, the report
// drawing them, the errors and their exit codes.
#include <cmath>
#include <nlohmann/json.hpp>
#include <numbers>

#include "cli_fixture.hpp"

using namespace siterank::testing;
using nlohmann::json;

namespace {

const std::string roads_dir = SITERANK_TEST_DATA "/roads";

Outcome isochrones(std::vector<std::string> args, const std::string& env = "") {
  args.insert(args.begin(), "isochrones");
  return siterank_cli(args, env);
}

std::size_t files_in(const std::string& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++n;
  return n;
}

// Convex hull of a disc of radius R and a point D from its centre.
double disc_and_point(double R, double D) {
  return R * std::sqrt(D * D - R * R) + R * R * (std::numbers::pi - std::acos(R / D));
}

}  // namespace

TEST_CASE("isochrones as GeoJSON: one feature per hub and limit, reaches by hand") {
  TempDir d("cli_isochrones");
  const std::string out = d.file("iso.geojson");
  const Outcome o =
      isochrones({"--dataset", roads_dir, "--role", "rail_hubs", "--minutes", "1,2", "-o", out});
  INFO(o.err);
  REQUIRE(o.code == 0);
  CHECK(o.out.empty());
  CHECK_THAT(o.err, Catch::Contains("note: layer 'rail_hubs' feature 2 '远站': no road within "
                                    "50 m, nothing reached"));
  CHECK_THAT(o.err, Catch::Contains("6 isochrones (3 features of layer 'rail_hubs' x 1, 2 min)"));
  const json fc = json::parse(read_file(out));
  CHECK(fc["type"] == "FeatureCollection");
  CHECK_FALSE(fc.contains("crs"));  // RFC 7946: WGS 84
  const auto& f = fc["features"];
  REQUIRE(f.size() == 6);
  const std::vector<std::pair<int, double>> want{{0, 1}, {0, 2}, {1, 1}, {1, 2}, {2, 1}, {2, 2}};
  for (std::size_t i = 0; i < f.size(); ++i) {
    INFO("feature " << i);
    CHECK(f[i]["properties"]["facility"] == want[i].first);
    CHECK(f[i]["properties"]["minutes"] == want[i].second);
    CHECK(f[i]["properties"]["role"] == "rail_hubs");
  }
  // A minute at 10 m/s from 南站, mid-road: 600 m each way.
  CHECK(f[0]["properties"]["name"] == "南站");
  CHECK(f[0]["properties"]["road_km"] == 1.2);
  CHECK(f[0]["properties"]["access_m"] == 0);
  CHECK(f[0]["geometry"]["type"] == "Polygon");
  // The 50 m cap while 12 s are left (480 m), then narrowing to 0 at 600 m.
  const double area_m2 = 2 * 480 * 100 + 2 * (disc_and_point(50, 120) - std::numbers::pi * 1250);
  CHECK(f[0]["properties"]["area_km2"].get<double>() == Approx(area_m2 / 1e6).epsilon(0.005));
  CHECK(f[1]["properties"]["road_km"] == 2.4);
  // 北站 on the one-way road: the road east of it cannot drive to it.
  CHECK(f[2]["properties"]["road_km"] == 0.6);
  // 远站: nothing, and no geometry.
  CHECK(f[4]["properties"]["access_m"].is_null());
  CHECK(f[4]["properties"]["road_km"] == 0);
  CHECK(f[4]["geometry"].is_null());
  // Lon/lat in Hangzhou, counter-clockwise exterior ring.
  const auto& ring = f[0]["geometry"]["coordinates"][0];
  CHECK(ring[0][0].get<double>() == Approx(120.23).margin(0.02));
  CHECK(ring[0][1].get<double>() == Approx(30.26).margin(0.02));
  double twice = 0;
  for (std::size_t k = 0; k + 1 < ring.size(); ++k)
    twice += ring[k][0].get<double>() * ring[k + 1][1].get<double>() -
             ring[k + 1][0].get<double>() * ring[k][1].get<double>();
  CHECK(twice > 0);
}

TEST_CASE("isochrones as GeoPackage, read with ogrinfo") {
  TempDir d("cli_isochrones_gpkg");
  const std::string out = d.file("iso.gpkg");
  const Outcome o = isochrones(
      {"--dataset", roads_dir, "--role", "rail_hubs", "--minutes", "1", "-o", out, "-q"});
  INFO(o.err);
  REQUIRE(o.code == 0);
  CHECK(o.err.empty());
  const Outcome info = run_program("ogrinfo", {"-ro", "-al", "-so", out});
  REQUIRE(info.code == 0);
  CHECK_THAT(info.out, Catch::Contains("Layer name: isochrones"));
  CHECK_THAT(info.out, Catch::Contains("Geometry: Multi Polygon"));
  CHECK_THAT(info.out, Catch::Contains("Feature Count: 3"));
  CHECK_THAT(info.out, Catch::Contains("ID[\"EPSG\",4326]"));
  for (const char* field : {"facility: Integer", "name: String", "role: String", "minutes: Real",
                            "road_km: Real", "area_km2: Real", "access_m: Real"})
    CHECK_THAT(info.out, Catch::Contains(field));
  const Outcome sql = run_program(
      "ogrinfo", {"-ro", "-q", out, "-dialect", "SQLite", "-sql",
                  "SELECT facility, road_km, ST_IsValid(geom) AS valid FROM isochrones"});
  CHECK_THAT(sql.out, Catch::Contains("road_km (Real) = 1.2"));
  CHECK_THAT(sql.out, Catch::Contains("road_km (Real) = 0.6"));
  CHECK_THAT(sql.out, Catch::Contains("valid (Integer) = 1"));
}

TEST_CASE("--filter keeps the hubs of one kind") {
  TempDir d("cli_isochrones_filter");
  const std::string out = d.file("iso.geojson");
  const Outcome o = isochrones({"--dataset", roads_dir, "--role", "rail_hubs", "--minutes", "1",
                                "--filter", "kind=high_speed", "-o", out});
  INFO(o.err);
  REQUIRE(o.code == 0);
  const json fc = json::parse(read_file(out));
  REQUIRE(fc["features"].size() == 1);
  CHECK(fc["features"][0]["properties"]["name"] == "南站");
}

TEST_CASE("the same bytes whatever the number of threads") {
  TempDir d("cli_isochrones_threads");
  std::vector<std::string> files;
  for (const std::string threads : {"1", "2", "3"}) {
    const std::string out = d.file("iso_" + threads + ".geojson");
    const Outcome o =
        isochrones({"--dataset", roads_dir, "--role", "rail_hubs", "--minutes", "1,2,5", "-o", out},
                   "SITERANK_NUM_THREADS=" + threads);
    REQUIRE(o.code == 0);
    files.push_back(read_file(out));
  }
  CHECK(files[0] == files[1]);
  CHECK(files[0] == files[2]);
  const std::string out = d.file("iso_flag.geojson");
  REQUIRE(isochrones({"--dataset", roads_dir, "--role", "rail_hubs", "--minutes", "1,2,5",
                      "--threads", "2", "-o", out})
              .code == 0);
  CHECK(read_file(out) == files[0]);
}

TEST_CASE("bad inputs: each error names the problem, and nothing is written") {
  TempDir d("cli_isochrones_errors");
  const std::string out = d.file("iso.geojson");
  d.write("iso.geojson", "old");
  const std::vector<std::string> ok{"--dataset", roads_dir, "--role", "rail_hubs"};
  auto run = [&](std::vector<std::string> extra, std::vector<std::string> base) {
    base.insert(base.end(), extra.begin(), extra.end());
    return isochrones(base);
  };
  struct Case {
    std::vector<std::string> args;
    int code;
    std::string message;
  };
  const std::vector<Case> cases{
      {{"--minutes", "1x", "-o", out},
       2,
       "siterank isochrones: --minutes: '1x' is not a number of minutes\n"},
      {{"--minutes", "15,,30", "-o", out},
       2,
       "siterank isochrones: --minutes: '' is not a number of minutes\n"},
      {{"--minutes", "-5", "-o", out},
       2,
       "siterank isochrones: --minutes: '-5' is not a time limit (minutes > 0)\n"},
      {{"--minutes", "15,15", "-o", out}, 2, "siterank isochrones: --minutes: 15 is given twice\n"},
      {{"-o", out},
       2,
       "siterank isochrones: --minutes is required (see siterank isochrones --help)\n"},
      {{"--minutes", "5", "-o", d.file("iso.shp")},
       2,
       "siterank isochrones: isochrones are written as gpkg, geojson; '" + d.file("iso.shp") +
           "' ends in neither .gpkg nor .geojson\n"},
      {{"--minutes", "5", "--filter", "kind", "-o", out},
       2,
       "siterank isochrones: --filter: 'kind' is not FIELD=VALUE (e.g. kind=high_speed)\n"},
      {{"--minutes", "5", "--filter", "kind=metro", "-o", out},
       3,
       "siterank isochrones: error: no feature of layer 'rail_hubs' (3 features) passes "
       "kind=metro\n"},
  };
  for (const Case& c : cases) {
    const Outcome o = run(c.args, ok);
    INFO(c.args[1]);
    CHECK(o.code == c.code);
    CHECK(o.err == c.message);
  }
  const std::string manifest = roads_dir + "/dataset.json";
  CHECK(isochrones({"--dataset", roads_dir, "--role", "metro", "--minutes", "5", "-o", out}).err ==
        "siterank isochrones: error: " + manifest +
            ": no layer with role 'metro' (roles: airports, rail_hubs)\n");
  CHECK(isochrones({"--dataset", roads_dir, "--role", "roads", "--minutes", "5", "-o", out}).code ==
        2);
  const Outcome empty =
      isochrones({"--dataset", roads_dir, "--role", "airports", "--minutes", "5", "-o", out});
  CHECK(empty.code == 3);
  CHECK(empty.err == "siterank isochrones: error: " + manifest +
                         ": $.layers.airports: layer 'airports' has no features\n");
  const Outcome no_roads =
      isochrones({"--dataset", grid_dir, "--role", "stations", "--minutes", "5", "-o", out});
  CHECK(no_roads.code == 3);
  CHECK(no_roads.err == "siterank isochrones: error: " + grid_dir +
                            "/dataset.json: no layer with role 'roads': isochrones need a road "
                            "network (docs/formats.md, \"Road network layer\")\n");
  // None of them touched the existing file or left a temporary beside it.
  CHECK(read_file(out) == "old");
  CHECK(files_in(d.path()) == 1);
}

TEST_CASE("an unwritable target fails before computing and leaves no temporary file") {
  TempDir d("cli_isochrones_target");
  const Outcome missing_dir = isochrones({"--dataset", roads_dir, "--role", "rail_hubs",
                                          "--minutes", "1", "-o", d.file("no/such/iso.gpkg")});
  CHECK(missing_dir.code == 5);
  CHECK_THAT(missing_dir.err,
             Catch::StartsWith("siterank isochrones: error: " + d.file("no/such/iso.gpkg") + ": "));
  // A directory where the file should go: the rename fails once the file
  // is written, and the temporary goes.
  std::filesystem::create_directory(d.file("taken.geojson"));
  std::filesystem::create_directory(d.file("taken.gpkg"));
  for (const char* name : {"taken.geojson", "taken.gpkg"}) {
    INFO(name);
    const Outcome o = isochrones(
        {"--dataset", roads_dir, "--role", "rail_hubs", "--minutes", "1", "-o", d.file(name)});
    CHECK(o.code == 5);
    CHECK(std::filesystem::is_directory(d.file(name)));
  }
  CHECK(files_in(d.path()) == 2);
}

TEST_CASE("the report draws a file of isochrones as a layer") {
  TempDir d("cli_isochrones_report");
  const std::string iso = d.file("iso.gpkg");
  REQUIRE(isochrones(
              {"--dataset", roads_dir, "--role", "rail_hubs", "--minutes", "1,2", "-o", iso, "-q"})
              .code == 0);
  const std::string html = d.file("report.html");
  const Outcome o =
      siterank_cli(with_plugins({"report", "--profile", grid_dir + "/profile_area.json",
                                 "--dataset", roads_dir, "-o", html, "--isochrones", iso, "-q"}));
  INFO(o.err);
  REQUIRE(o.code == 0);
  const std::string page = read_file(html);
  const std::string open = R"(<script type="application/json" id="siterank-data">)";
  const std::size_t begin = page.find(open) + open.size();
  const json data = json::parse(page.substr(begin, page.find("</script>", begin) - begin));
  REQUIRE(data.contains("isochrones"));
  CHECK(data["isochrones"]["role"] == "rail_hubs");
  CHECK(data["isochrones"]["minutes"] == json::array({1, 2}));
  const auto& features = data["isochrones"]["features"]["features"];
  REQUIRE(features.size() == 6);
  CHECK(features[0]["properties"]["name"] == "南站");
  CHECK(features[0]["geometry"]["type"] == "Polygon");
  CHECK(features[4]["geometry"].is_null());

  // Without --isochrones, no such member; a file that is not there fails
  // before the run, and the old report stays.
  REQUIRE(siterank_cli(with_plugins({"report", "--profile", grid_dir + "/profile_area.json",
                                     "--dataset", roads_dir, "-o", html, "-q"}))
              .code == 0);
  CHECK(read_file(html).find("\"isochrones\":") == std::string::npos);
  const std::string before = read_file(html);
  const Outcome bad = siterank_cli(
      with_plugins({"report", "--profile", grid_dir + "/profile_area.json", "--dataset", roads_dir,
                    "-o", html, "--isochrones", d.file("none.gpkg")}));
  CHECK(bad.code == 3);
  CHECK(bad.err == "siterank report: error: " + d.file("none.gpkg") + ": no such file\n");
  CHECK(read_file(html) == before);
}
