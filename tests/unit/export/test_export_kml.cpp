// KML (export/export_kml) on the hand-made result of
// ranked_result_fixture.hpp, written to a temporary directory and read
// back as text and with OGR. docs/formats.md: one Placemark per parcel,
// named "#<rank> <parcel_id>" or "<parcel_id> (vetoed)", its balloon the
// breakdown, ExtendedData rank, parcel_id, score, and a style in the
// score's class colour (KML aabbggrr: fill alpha b3, outline ff).
// By hand: ogrinfo -al ranked.kml lists the same placemarks.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <catch2/catch.hpp>
#include <export_output.hpp>
#include <filesystem>
#include <ranked_result_fixture.hpp>
#include <siterank/host/errors.hpp>
#include <temp_dir.hpp>

#include "export/exporters.hpp"

using namespace siterank;
using namespace siterank::testing;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

struct Placemark {
  std::string name, description, parcel_id;
  bool rank_null = true;
  long long rank = 0;
  double score = 0;
};

// The placemarks of the file's one layer, in file order.
std::vector<Placemark> read_back(const std::string& path) {
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  REQUIRE(ds);
  REQUIRE(ds->GetLayerCount() == 1);
  OGRLayer* layer = ds->GetLayer(0);
  std::vector<Placemark> out;
  for (const auto& f : *layer) {
    Placemark p;
    p.name = f->GetFieldAsString("name");
    p.description = f->GetFieldAsString("description");
    p.parcel_id = f->GetFieldAsString("parcel_id");
    const int rank = f->GetFieldIndex("rank");
    REQUIRE(rank >= 0);
    p.rank_null = !f->IsFieldSetAndNotNull(rank);
    p.rank = f->GetFieldAsInteger64(rank);
    p.score = f->GetFieldAsDouble("score");
    out.push_back(p);
  }
  return out;
}

// Writes the result as ranked.kml in a fresh temporary directory `dir`.
std::string written(const RankedResult& r, const Selection& sel, const std::string& dir) {
  const std::string path = TempDir(dir).file("ranked.kml");
  write_kml(r, sel, path);
  return path;
}

}  // namespace

TEST_CASE("one placemark per ranked parcel, best first, named by rank and id") {
  const std::string path = written(fixture_result(), {}, "kml_ranked");
  const std::string text = read_file(path);
  CHECK(count(text, "<Placemark") == 3);
  const auto p = read_back(path);
  REQUIRE(p.size() == 3);
  CHECK(p[0].name == "#1 QT-02");
  CHECK(p[1].name == "#2 QT-01");
  CHECK(p[2].name == "#3 QT-04");
  CHECK(p[0].parcel_id == "QT-02");
  CHECK(p[0].rank == 1);
  CHECK(p[0].score == Approx(86));
  CHECK(p[1].rank == 2);
  CHECK(p[1].score == Approx(60));
}

TEST_CASE("vetoed parcels follow when asked, grey, without rank and score") {
  const std::string path = written(fixture_result(), with_vetoed(), "kml_vetoed");
  const std::string text = read_file(path);
  CHECK(count(text, "<Placemark") == 4);
  const auto p = read_back(path);
  REQUIRE(p.size() == 4);
  CHECK(p[3].name == "QT-03 (vetoed)");
  CHECK(p[3].parcel_id == "QT-03");
  CHECK(p[3].rank_null);
  // The class colours as KML writes them (aabbggrr): QT-02 86 green
  // #1a9641, QT-01 60 light green #a6d96a, QT-04 29 orange #fdae61,
  // QT-03 grey #808080.
  for (const char* colour : {"41961a", "6ad9a6", "61aefd", "808080"}) {
    INFO(colour);
    CHECK_THAT(text, Catch::Contains(std::string("b3") + colour));  // fill
    CHECK_THAT(text, Catch::Contains(std::string("ff") + colour));  // outline
  }
}

TEST_CASE("the balloon: attributes, rank and score or the vetoes, a row per criterion") {
  const auto p = read_back(written(fixture_result(), with_vetoed(), "kml_balloon"));
  REQUIRE(p.size() == 4);
  // QT-02: the district's quotes as entities; 45 亩; score 86; land
  // 90 × 0.6 = 54 with its factor area_mu 45 mu.
  CHECK_THAT(p[0].description,
             Catch::StartsWith("<p>临空经济示范区, Xiaoshan, &quot;South&quot;, land use M0, "
                               "status available, 45 亩</p>") &&
                 Catch::Contains("<p><b>rank 1 of 3, score 86</b> = sum of weight × criterion "
                                 "score</p>") &&
                 Catch::Contains("<tr><td>land</td><td>90</td><td>0.6</td><td>54</td>"
                                 "<td>area_mu 45 mu</td></tr>") &&
                 Catch::Contains("<tr><td>transport</td><td>80</td><td>0.4</td><td>32</td>"
                                 "<td>metro_m 2500 m</td></tr>"));
  // QT-03: both vetoes, no contributions, the missing factor n/a.
  CHECK_THAT(p[3].description,
             Catch::Contains(
                 "<p><b>vetoed</b>, not ranked:<br/>requirements: " + fixture_requirement_reason +
                 "<br/>land: " + fixture_land_reason + "<br/></p>") &&
                 Catch::Contains("<tr><td>transport</td><td>60</td><td>0.4</td><td>-</td>"
                                 "<td>metro_m n/a m</td></tr>"));
}

TEST_CASE("a target in a directory that does not exist is an output error") {
  const TempDir dir("kml_missing_dir");
  const std::string path = dir.file("no_such_dir/ranked.kml");
  CHECK_THROWS_AS(write_kml(fixture_result(), {}, path), OutputError);
  CHECK_THROWS_WITH(write_kml(fixture_result(), {}, path),
                    path + ": the directory " + dir.file("no_such_dir") + " does not exist");
}

TEST_CASE("a failed export leaves the existing file as it was and no temporary") {
  const TempDir dir("kml_failed");
  const std::string path = dir.write("ranked.kml", "previous run");
  RankedResult r = fixture_result();
  r.dataset.working_crs = "EPSG:999999";  // unknown to PROJ
  CHECK_THROWS_WITH(write_kml(r, {}, path), Catch::StartsWith("KML export: unknown CRS"));
  CHECK(read_file(path) == "previous run");
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++entries;
  CHECK(entries == 1);
}
