// The one list of output formats (export/writer_registry).
#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <set>
#include <siterank/host/errors.hpp>
#include <siterank/host/isochrones.hpp>
#include <siterank/host/writers.hpp>

#include "export/writer_registry.hpp"
#include "temp_dir.hpp"

using namespace siterank;

TEST_CASE("every writer has a name, extensions no other writer claims, and one way to write") {
  std::set<std::string> names, extensions;
  for (const auto& w : writers()) {
    INFO(w.name);
    CHECK(names.insert(w.name).second);
    CHECK_FALSE(w.extensions.empty());
    for (const auto& e : w.extensions) CHECK(extensions.insert(e).second);
    CHECK(static_cast<bool>(w.to_stream) != static_cast<bool>(w.to_file));
    CHECK(w.needs_file == static_cast<bool>(w.to_file));
  }
  CHECK(output_format_names() == "table, csv, json, geojson, gpkg, fgb, kml, html");
}

TEST_CASE("the writer of a path is found by its extension, in any case") {
  REQUIRE(output_format_for_path("out/Ranked.GeoJSON") != nullptr);
  CHECK(output_format_for_path("out/Ranked.GeoJSON")->name == "geojson");
  CHECK(output_format_for_path("r.htm")->name == "html");
  CHECK(output_format_for_path("r.HTML")->name == "html");
  CHECK(output_format_for_path("a.b/r.gpkg")->name == "gpkg");
  CHECK(output_format_for_path("r.pdf") == nullptr);
  CHECK(output_format_for_path("r") == nullptr);
  CHECK(find_writer("kml")->needs_file);
  CHECK_FALSE(find_writer("csv")->needs_file);
  CHECK(find_writer("pdf") == nullptr);
}

TEST_CASE("output options that do not go with the format are refused before any run") {
  const OutputFormat& csv = *find_output_format("csv");
  const OutputFormat& geojson = *find_output_format("geojson");
  const OutputFormat& gpkg = *find_output_format("gpkg");
  OutputOptions o;
  CHECK_NOTHROW(check_output(gpkg, o));
  o.csv_lonlat = true;
  CHECK_THROWS_WITH(check_output(geojson, o),
                    "csv_lonlat adds columns to CSV output, not to geojson");
  CHECK_NOTHROW(check_output(csv, o));
  o = {};
  o.crs = "EPSG:4549";
  CHECK_THROWS_WITH(check_output(gpkg, o),
                    Catch::StartsWith("crs sets the coordinates of geojson"));
  CHECK_THROWS_WITH(check_output(csv, o), Catch::StartsWith("crs sets the coordinates"));
  CHECK_NOTHROW(check_output(geojson, o));
  o.csv_wkt = true;
  CHECK_NOTHROW(check_output(csv, o));
  o = {};
  o.crs = "EPSG:999999";
  CHECK_THROWS_AS(check_output(geojson, o), UsageError);
  CHECK_THROWS_WITH(check_output(geojson, o, {"--crs-out", "--csv-lonlat", "--csv-wkt"}),
                    Catch::StartsWith("--crs-out: ") && Catch::Contains("EPSG:999999"));
  // A CRS without an authority code cannot be named in a GeoJSON file; CSV
  // columns need no name. GCJ-02 is marked by siterank's own member.
  o.crs = "+proj=utm +zone=51 +datum=WGS84 +units=m +no_defs";
  CHECK_THROWS_WITH(check_output(geojson, o), Catch::Contains("has none; give it as EPSG:XXXX"));
  o.csv_lonlat = true;
  CHECK_NOTHROW(check_output(csv, o));
  o = {};
  o.crs = "gcj02";
  CHECK_NOTHROW(check_output(geojson, o));
}

TEST_CASE("isochrones go with the html report only") {
  OutputOptions o;
  o.isochrones = std::make_shared<const IsochroneSet>();
  CHECK_NOTHROW(check_output(*find_output_format("html"), o));
  CHECK_THROWS_WITH(check_output(*find_output_format("gpkg"), o, {.isochrones = "--isochrones"}),
                    "--isochrones are drawn by the html report, not written to gpkg (siterank "
                    "isochrones writes them as files of their own)");
}

TEST_CASE(
    "a target whose directory cannot take a file fails the check, and the check leaves "
    "nothing behind") {
  CHECK_NOTHROW(check_target(""));
  CHECK_NOTHROW(check_target("-"));
  CHECK_THROWS_AS(check_target("/nonexistent-siterank-dir/ranked.csv"), OutputError);
  const testing::TempDir dir("check_target");
  CHECK_NOTHROW(check_target(dir.file("ranked.csv")));
  CHECK(std::filesystem::is_empty(dir.path()));
}

TEST_CASE("any text is written to a file only once it is complete") {
  const testing::TempDir dir("write_output");
  const std::string target = dir.file("explain.txt");
  write_output(target, [](std::ostream& out) { out << "parcel QT-01\n"; });
  CHECK(testing::read_file(target) == "parcel QT-01\n");
  // A writer that fails halfway leaves the old file as it was, and no temporary.
  CHECK_THROWS_WITH(write_output(target,
                                 [](std::ostream& out) {
                                   out << "half";
                                   throw std::runtime_error("writer failed");
                                 }),
                    "writer failed");
  CHECK(testing::read_file(target) == "parcel QT-01\n");
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++files;
  CHECK(files == 1);
  CHECK_THROWS_AS(write_output("/nonexistent-siterank-dir/explain.txt", [](std::ostream&) {}),
                  OutputError);
}
