// The one list of output formats (export/writer_registry).
#include <catch2/catch.hpp>
#include <set>

#include "export/writer_registry.hpp"

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
  CHECK(writer_names() == "table, csv, json, geojson, gpkg, fgb, kml, html");
}

TEST_CASE("the writer of a path is found by its extension, in any case") {
  REQUIRE(writer_for_path("out/Ranked.GeoJSON") != nullptr);
  CHECK(writer_for_path("out/Ranked.GeoJSON")->name == "geojson");
  CHECK(writer_for_path("r.htm")->name == "html");
  CHECK(writer_for_path("r.HTML")->name == "html");
  CHECK(writer_for_path("a.b/r.gpkg")->name == "gpkg");
  CHECK(writer_for_path("r.pdf") == nullptr);
  CHECK(writer_for_path("r") == nullptr);
  CHECK(find_writer("kml")->needs_file);
  CHECK_FALSE(find_writer("csv")->needs_file);
  CHECK(find_writer("pdf") == nullptr);
}
