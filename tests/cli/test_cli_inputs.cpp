// Datasets in other formats and broken inputs, as a user meets them.
#include "cli_fixture.hpp"

using namespace siterank::testing;

namespace {
const std::string area_profile = grid_dir + "/profile_area.json";

// The ranked CSV for the grid data however it is stored.
std::string ranked_csv(const std::string& dataset) {
  const Outcome o = siterank_cli(
      with_plugins({"rank", "--profile", area_profile, "--dataset", dataset, "-f", "csv", "-q"}));
  INFO(o.err);
  REQUIRE(o.code == 0);
  return o.out;
}
}  // namespace

TEST_CASE("a GeoPackage dataset ranks like the GeoJSON it was converted from") {
  TempDir d("gpkg");
  REQUIRE(
      ogr2ogr({"-f", "GPKG", d.file("parcels.gpkg"), grid_dir + "/parcels.geojson", "-nln", "地块"})
          .code == 0);
  write_grid_manifest(d, "parcels.gpkg", R"(, "layer": "地块")");
  CHECK(ranked_csv(d.path()) == ranked_csv(grid_dir));
}

TEST_CASE("a FlatGeobuf dataset ranks like the GeoJSON it was converted from") {
  TempDir d("fgb");
  REQUIRE(
      ogr2ogr({"-f", "FlatGeobuf", d.file("parcels.fgb"), grid_dir + "/parcels.geojson"}).code ==
      0);
  write_grid_manifest(d, "parcels.fgb");
  CHECK(ranked_csv(d.path()) == ranked_csv(grid_dir));
}

TEST_CASE("a Shapefile with GBK attributes reads correctly, with a .cpg or a stated encoding") {
  TempDir d("gbk");
  REQUIRE(ogr2ogr({"-f", "ESRI Shapefile", d.file("parcels.shp"), grid_dir + "/parcels.geojson",
                   "-lco", "ENCODING=GBK"})
              .code == 0);
  // The .dbf really holds GBK: 钱塘芯谷 is C7AE CCC1 D0BE B9C8 there (iconv -f UTF-8 -t GBK).
  const std::string dbf = read_file(d.file("parcels.dbf"));
  CHECK(dbf.find("\xC7\xAE\xCC\xC1\xD0\xBE\xB9\xC8") != std::string::npos);
  CHECK(dbf.find("钱塘芯谷") == std::string::npos);
  write_grid_manifest(d, "parcels.shp");
  const std::string with_cpg = ranked_csv(d.path());
  CHECK_THAT(with_cpg, Catch::Contains(",钱塘芯谷,"));
  CHECK(with_cpg == ranked_csv(grid_dir));

  // Without the .cpg the manifest must say it; then it reads the same.
  std::filesystem::remove(d.file("parcels.cpg"));
  write_grid_manifest(d, "parcels.shp", R"(, "encoding": "GBK")");
  CHECK(ranked_csv(d.path()) == with_cpg);
}

TEST_CASE("a Shapefile without .prj is refused unless the manifest states the CRS") {
  TempDir d("noprj");
  REQUIRE(ogr2ogr({"-f", "ESRI Shapefile", d.file("parcels.shp"), grid_dir + "/parcels.geojson",
                   "-lco", "ENCODING=GBK"})
              .code == 0);
  std::filesystem::remove(d.file("parcels.prj"));
  write_grid_manifest(d, "parcels.shp");
  const Outcome o =
      siterank_cli(with_plugins({"rank", "--profile", area_profile, "--dataset", d.path(), "-q"}));
  CHECK(o.code == 3);
  CHECK(o.err ==
        "siterank rank: error: parcels.shp (layer parcels): the source has no CRS; state it with "
        "\"crs\" at "
        "$.parcels.crs in " +
            d.file("dataset.json") + "\n");
  write_grid_manifest(d, "parcels.shp", R"(, "crs": "EPSG:4549")");
  CHECK(ranked_csv(d.path()) == ranked_csv(grid_dir));
}

TEST_CASE("malformed manifests and profiles fail with exit 3 and one line naming the place") {
  TempDir d("malformed");
  write_grid_manifest(d, grid_dir + "/parcels.geojson");
  std::string manifest = read_file(d.file("dataset.json"));
  d.write("dataset.json", manifest.substr(0, manifest.size() - 3));  // truncated
  Outcome o =
      siterank_cli(with_plugins({"rank", "--profile", area_profile, "--dataset", d.path()}));
  CHECK(o.code == 3);
  CHECK_THAT(o.err, Catch::StartsWith("siterank rank: error: " + d.file("dataset.json") + ":"));
  CHECK_THAT(o.err, Catch::Contains("JSON syntax error"));
  CHECK(std::count(o.err.begin(), o.err.end(), '\n') == 1);

  write_grid_manifest(d, grid_dir + "/parcels.geojson");
  const std::string bad_field = read_file(d.file("dataset.json"));
  d.write("dataset.json", std::regex_replace(bad_field, std::regex("出让单价"), "单价"));
  o = siterank_cli(with_plugins({"rank", "--profile", area_profile, "--dataset", d.path()}));
  CHECK(o.code == 3);
  CHECK_THAT(o.err, Catch::Contains(
                        "$.parcels.fields.price_wan_per_mu: no field '单价' in parcels.geojson"));

  d.write("profile.json",
          R"({"project": {"name": "x", "industry": "integrated_circuits", "budget": 5},
      "weights": {"fixture_area": 1}})");
  o = siterank_cli(
      with_plugins({"rank", "--profile", d.file("profile.json"), "--dataset", grid_dir}));
  CHECK(o.code == 3);
  CHECK(o.err == "siterank rank: error: " + d.file("profile.json") +
                     ": $.project: unknown key 'budget' (allowed: chain_position, company, "
                     "description, industry, name, type)\n");

  d.write("profile.json", R"({"project": {"name": "x", "industry": "integrated_circuits"},
      "weights": {"fixture_area": 1}, "plugins": {"fixture_area": {"cap": 500}}})");
  o = siterank_cli(
      with_plugins({"rank", "--profile", d.file("profile.json"), "--dataset", grid_dir}));
  CHECK(o.code == 3);
  CHECK_THAT(o.err, Catch::EndsWith(": $.plugins.fixture_area.cap: 500 is outside [0.0, 100.0]\n"));
}

TEST_CASE("a dataset lacking a layer a plugin needs is refused before loading") {
  TempDir d("no_layer");
  d.write("dataset.json",
          R"({"parcels": {"source": ")" + grid_dir +
              R"(/parcels.geojson", "fields": {"id": "地块编号", "land_use": "用地性质"}}})");
  const Outcome o = siterank_cli(with_plugins(
      {"validate", "--profile", grid_dir + "/profile_two.json", "--dataset", d.path()}));
  CHECK(o.code == 3);
  CHECK_THAT(o.err, Catch::EndsWith("plugin 'fixture_distance' needs a reference layer with role "
                                    "'stations', which $.layers does not have\n"));
  d.write("dataset.json", R"({"parcels": {"source": ")" + grid_dir +
                              R"(/parcels.geojson", "fields": {"id": "地块编号"}}})");
  const Outcome p =
      siterank_cli(with_plugins({"validate", "--profile", area_profile, "--dataset", d.path()}));
  CHECK(p.code == 3);
  CHECK_THAT(p.err, Catch::EndsWith("plugin 'fixture_area' needs parcel field 'land_use', which "
                                    "$.parcels.fields (or extra_fields) does not map\n"));
}
