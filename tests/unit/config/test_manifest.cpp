// Manifest validation before any layer is opened.
#include <catch2/catch.hpp>
#include <siterank/host/errors.hpp>

#include "config/manifest.hpp"
#include "temp_dir.hpp"

using namespace siterank;
using siterank::testing::TempDir;

namespace {

std::string error_of(const std::string& manifest) {
  TempDir d("manifest");
  d.write("dataset.json", manifest);
  try {
    load_manifest(d.path());
  } catch (const InputError& e) {
    const std::string msg = e.what();
    return msg.substr(msg.find("dataset.json") + 12);  // drop the temp path
  }
  return "no error";
}

}  // namespace

TEST_CASE("a manifest resolves sources relative to its folder") {
  TempDir d("manifest_ok");
  d.write(
      "dataset.json",
      R"({"name": "t", "parcels": {"source": "p.gpkg", "layer": "parcels", "fields": {"id": "编号"}},
      "layers": {"metro": {"role": "metro_stations", "source": "PG:dbname=gis", "fields": {"name": "站名"}}}})");
  const DatasetManifest m = load_manifest(d.path());
  CHECK(m.working_crs == "EPSG:4549");
  CHECK(m.parcels.source == d.file("p.gpkg"));
  CHECK(m.parcels.fields.at("id") == "编号");
  REQUIRE(m.layers.size() == 1);
  CHECK(m.layers[0].source == "PG:dbname=gis");
  CHECK(m.layer_with_role("metro_stations") == &m.layers[0]);
}

TEST_CASE("manifest errors name the JSON path") {
  CHECK(error_of(R"({"parcels": {"source": "p.gpkg", "fields": {"id": "a", "colour": "b"}}})") ==
        ": $.parcels.fields: unknown key 'colour' (allowed: district, height_limit_m, id, "
        "land_use, name, platform, "
        "plot_ratio_max, plot_ratio_min, power_kva, price_wan_per_mu, status, water_m3_per_day)");
  CHECK(error_of(R"({"parcels": {"source": "p.gpkg", "fields": {"name": "a"}}})") ==
        ": $.parcels.fields: missing required key 'id'");
  CHECK(error_of(R"({"parcels": {"source": "p.gpkg", "fields": {"id": "a"}},
      "layers": {"a": {"role": "metro_stations", "source": "x"}, "b": {"role": "metro_stations", "source": "y"}}})") ==
        ": $.layers.b.role: role 'metro_stations' is already taken by layer 'a' (one layer per "
        "role)");
  CHECK(error_of(R"({"parcels": {"source": "p.gpkg", "fields": {"id": "a", "status": "s"},
      "values": {"status": {"售出": "sold"}}}})") ==
        ": $.parcels.values.status.售出: 'sold' is not a canonical status (ready, available, "
        "reserved, clearance, occupied)");
  CHECK(
      error_of(
          R"({"parcels": {"source": "p.gpkg", "fields": {"id": "a"}, "values": {"status": {"x": "ready"}}}})") ==
      ": $.parcels.values.status: field 'status' is not mapped in $.parcels.fields");
  CHECK(error_of(R"({"parcels": {"source": 5, "fields": {"id": "a"}}})") ==
        ": $.parcels.source: expected string, got integer");
}

TEST_CASE("a folder without dataset.json is refused") {
  TempDir d("manifest_none");
  CHECK_THROWS_WITH(
      load_manifest(d.path()),
      d.file("dataset.json") + ": no dataset manifest here (expected a folder with dataset.json)");
}
