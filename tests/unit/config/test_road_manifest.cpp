// The roads layer of a manifest: fields, value maps, class speeds and
// network settings, refused with the JSON path before any layer is opened.
#include <catch2/catch.hpp>
#include <siterank/host/errors.hpp>
#include <string>

#include "config/manifest.hpp"
#include "error_of.hpp"
#include "temp_dir.hpp"

using namespace siterank;
using siterank::testing::error_of;
using siterank::testing::TempDir;

namespace {

const std::string parcels = R"("parcels": {"source": "p.gpkg", "fields": {"id": "a"}})";

std::string manifest_with(const std::string& layers) {
  return "{" + parcels + R"(, "layers": {)" + layers + "}}";
}

// The message without the temporary folder's path.
std::string manifest_error(const std::string& manifest) {
  TempDir d("road_manifest");
  d.write("dataset.json", manifest);
  const std::string msg = error_of<InputError>([&] { load_manifest(d.path()); });
  const auto at = msg.find("dataset.json");
  return at == std::string::npos ? msg : msg.substr(at + 12);
}

std::string roads_error(const std::string& roads_body) {
  return manifest_error(
      manifest_with(R"("roads": {"role": "roads", "source": "r.gpkg", )" + roads_body + "}"));
}

}  // namespace

TEST_CASE("a roads layer reads its fields, values, speeds and network settings") {
  TempDir d("road_manifest_ok");
  d.write("dataset.json", manifest_with(R"("roads": {"role": "roads", "source": "r.gpkg",
      "fields": {"class": "highway", "oneway": "oneway", "speed_kmh": "maxspeed",
                 "travel_time_s": "secs"},
      "values": {"oneway": {"T": "yes", "F": "no", "R": "-1"}, "class": {"高速": "motorway"},
                 "speed_kmh": {"CN:urban": "50", "CN:rural": "70 km/h"}},
      "speeds": {"primary": 55, "living_street": 10.5},
      "network": {"snap_tolerance_m": 0, "access_speed_kmh": 5, "max_access_m": 500}},
    "metro": {"role": "metro_stations", "source": "m.gpkg"})"));
  const DatasetManifest m = load_manifest(d.path());
  const LayerSource* r = m.layer_with_role("roads");
  REQUIRE(r);
  CHECK(r->json_path == "$.layers.roads");
  CHECK(r->fields.at("class") == "highway");
  CHECK(r->values.at("oneway").at("R") == "-1");
  CHECK(r->speeds == network::SpeedOverrides{{"living_street", 10.5}, {"primary", 55.0}});
  CHECK(r->network.snap_tolerance_m == 0.0);
  CHECK(r->network.access_speed_kmh == 5.0);
  CHECK(r->network.max_access_m == 500.0);
  // Settings left out keep their defaults; other layers have none.
  CHECK(m.layer_with_role("metro_stations")->speeds.empty());
  d.write("dataset.json", manifest_with(R"("roads": {"role": "roads", "source": "r.gpkg",
      "fields": {"class": "highway"}, "network": {"max_access_m": 800}})"));
  const DatasetManifest defaults = load_manifest(d.path());
  const RoadNetworkSettings& n = defaults.layer_with_role("roads")->network;
  CHECK(n.snap_tolerance_m == 1.0);
  CHECK(n.access_speed_kmh == 15.0);
  CHECK(n.max_access_m == 800.0);
}

TEST_CASE("the schema refuses bad speeds and network settings with their path") {
  const std::string fields = R"("fields": {"class": "highway"}, )";
  CHECK(roads_error(fields + R"("speeds": {"primary": -5})") ==
        ": $.layers.roads.speeds.primary: expected a number > 0, got -5");
  CHECK(roads_error(fields + R"("speeds": {"primary": 0})") ==
        ": $.layers.roads.speeds.primary: expected a number > 0, got 0");
  CHECK(roads_error(fields + R"("speeds": {"primary": "55"})") ==
        ": $.layers.roads.speeds.primary: expected number, got string");
  CHECK(roads_error(fields + R"("speeds": [55])") ==
        ": $.layers.roads.speeds: expected object, got array");
  CHECK(roads_error(fields + R"("network": {"snap_tolerance_m": -1})") ==
        ": $.layers.roads.network.snap_tolerance_m: expected a number >= 0, got -1");
  CHECK(roads_error(fields + R"("network": {"access_speed_kmh": 0})") ==
        ": $.layers.roads.network.access_speed_kmh: expected a number > 0, got 0");
  CHECK(roads_error(fields + R"("network": {"max_access_m": -200})") ==
        ": $.layers.roads.network.max_access_m: expected a number > 0, got -200");
  CHECK(roads_error(fields + R"("network": {"snap_m": 2})") ==
        ": $.layers.roads.network: unknown key 'snap_m' (allowed: access_speed_kmh, "
        "max_access_m, snap_tolerance_m)");
}

TEST_CASE("a roads layer's fields and value maps are checked for the role") {
  CHECK(roads_error(R"("fields": {"class": "highway", "speed": "maxspeed"})") ==
        ": $.layers.roads.fields: unknown key 'speed' (allowed for role roads: class, oneway, "
        "speed_kmh, travel_time_s)");
  CHECK(roads_error(R"("fields": {"oneway": "oneway"})") ==
        ": $.layers.roads.fields: missing required key 'class' (the field with the road class, "
        "e.g. OSM highway)");
  CHECK(roads_error(R"("layer": "lines")") ==
        ": $.layers.roads.fields: missing required key 'class' (the field with the road class, "
        "e.g. OSM highway)");
  CHECK(roads_error(R"("fields": {"class": "highway"}, "values": {"oneway": {"T": "yes"}})") ==
        ": $.layers.roads.values.oneway: field 'oneway' is not mapped in $.layers.roads.fields");
  CHECK(roads_error(R"("fields": {"class": "highway", "oneway": "ow"},
        "values": {"oneway": {"T": "yes", "双向": "both"}})") ==
        ": $.layers.roads.values.oneway.双向: 'both' is not a canonical oneway value (yes, no, "
        "-1)");
  CHECK(roads_error(R"("fields": {"class": "highway", "oneway": "ow"},
        "values": {"oneway": {"T": "true"}})") ==
        ": $.layers.roads.values.oneway.T: 'true' is not a canonical oneway value (yes, no, -1)");
  CHECK(roads_error(R"("fields": {"class": "highway", "speed_kmh": "maxspeed"},
        "values": {"speed_kmh": {"CN:urban": "urban"}})") ==
        ": $.layers.roads.values.speed_kmh.CN:urban: 'urban' is not a speed (a positive number "
        "of km/h, optionally followed by km/h or mph)");
  CHECK(roads_error(R"("fields": {"class": "highway", "travel_time_s": "t"},
        "values": {"travel_time_s": {"x": "5"}})") ==
        ": $.layers.roads.values: unknown key 'travel_time_s' (allowed for role roads: class, "
        "oneway, speed_kmh)");
}

TEST_CASE("speeds and network belong to the roads layer alone, and there is one") {
  CHECK(
      manifest_error(manifest_with(
          R"("metro": {"role": "metro_stations", "source": "m.gpkg", "speeds": {"primary": 50}})")) ==
      ": $.layers.metro.speeds: only the layer with role 'roads' takes speeds (this layer's role "
      "is 'metro_stations')");
  CHECK(manifest_error(manifest_with(
            R"("metro": {"role": "metro_stations", "source": "m.gpkg", "network": {}})")) ==
        ": $.layers.metro.network: only the layer with role 'roads' takes network (this layer's "
        "role is 'metro_stations')");
  CHECK(manifest_error(manifest_with(
            R"("a": {"role": "roads", "source": "a.gpkg", "fields": {"class": "highway"}},
               "b": {"role": "roads", "source": "b.gpkg", "fields": {"class": "highway"}})")) ==
        ": $.layers.b.role: role 'roads' is already taken by layer 'a' (one layer per role)");
}
