// CSV (export/export_csv) on the hand-made result of
// ranked_result_fixture.hpp. docs/formats.md: one header row, then a row
// per parcel, best first; fields with , " or line breaks quoted (RFC 4180:
// quotes doubled); area_mu 2 decimals, area_m2 1, scores 4, trailing zeros
// dropped; rank and score empty when vetoed; --csv-lonlat and --csv-wkt
// add columns at the end. The parcel's name is not a CSV column, so quoting
// is checked on QT-02's district `Xiaoshan, "South"` and QT-03's veto
// reasons, which hold commas.
#include <catch2/catch.hpp>
#include <export_output.hpp>
#include <ranked_result_fixture.hpp>
#include <siterank/host/errors.hpp>
#include <sstream>

#include "crs/user_crs.hpp"
#include "export/exporters.hpp"

using namespace siterank;
using namespace siterank::testing;

namespace {

std::vector<std::string> csv_lines(const RankedResult& r, const Selection& sel = {}) {
  return split_lines(written_text(write_csv, r, sel));
}

// The last `n` comma-separated fields of a line (none of them quoted).
std::vector<std::string> last_fields(const std::string& line, std::size_t n) {
  std::vector<std::string> out;
  std::size_t end = line.size();
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t comma = line.rfind(',', end - 1);
    out.insert(out.begin(), line.substr(comma + 1, end - comma - 1));
    end = comma;
  }
  return out;
}

const std::string header =
    "rank,parcel_id,platform,district,land_use,status,area_mu,area_m2,vetoed,score,score_land,"
    "score_transport,reasons";
// 30000 m² = 45 亩; 20000 m² = 30 亩; 15000 m² = 22.5 亩 (fixture).
const std::string row_qt02 =
    "1,QT-02,临空经济示范区,\"Xiaoshan, \"\"South\"\"\",M0,available,45,30000,false,86,90,80,"
    "land 90×0.6=54; transport 80×0.4=32";
const std::string row_qt01 =
    "2,QT-01,钱塘芯谷,钱塘区,M1,ready,30,20000,false,60,40,90,transport 90×0.4=36; land 40×0.6=24";
const std::string row_qt04 =
    "3,QT-04,钱塘芯谷,钱塘区,100101,ready,22.5,15000,false,29,35,20,land 35×0.6=21; transport "
    "20×0.4=8";
// 12345 m² = 18.5175 亩 -> 18.52.
const std::string row_qt03 =
    ",QT-03,中国视谷,滨江区,B29,reserved,18.52,12345,true,,10,60,\"requirements: " +
    fixture_requirement_reason + "; land: " + fixture_land_reason + "\"";

}  // namespace

TEST_CASE("header and ranked rows, best first") {
  CHECK(csv_lines(fixture_result()) ==
        std::vector<std::string>{header, row_qt02, row_qt01, row_qt04});
}

TEST_CASE("vetoed rows follow when asked: no rank, no score, the veto reasons quoted") {
  Selection sel = with_vetoed();
  CHECK(csv_lines(fixture_result(), sel) ==
        std::vector<std::string>{header, row_qt02, row_qt01, row_qt04, row_qt03});
  sel.top = 2;  // --top applies to the ranked rows only
  CHECK(csv_lines(fixture_result(), sel) ==
        std::vector<std::string>{header, row_qt02, row_qt01, row_qt03});
}

TEST_CASE("p_topk after the score, empty when vetoed") {
  Selection sel = with_vetoed();
  const auto l = csv_lines(fixture_result_with_p_topk(), sel);
  REQUIRE(l.size() == 5);
  CHECK(l[0] ==
        "rank,parcel_id,platform,district,land_use,status,area_mu,area_m2,vetoed,score,p_topk,"
        "score_land,score_transport,reasons");
  CHECK_THAT(l[1], Catch::StartsWith("1,QT-02,") && Catch::Contains(",false,86,1,90,80,"));
  CHECK_THAT(l[2], Catch::Contains(",false,60,0.75,40,90,"));
  CHECK_THAT(l[3], Catch::Contains(",false,29,0.25,35,20,"));
  CHECK_THAT(l[4], Catch::Contains(",true,,,10,60,"));
}

TEST_CASE("--csv-lonlat: the representative point in degrees, as cs2cs has it") {
  Selection sel = with_vetoed();
  sel.csv_lonlat = true;
  const auto l = csv_lines(fixture_result(), sel);
  REQUIRE(l.size() == 5);
  CHECK(l[0] == header + ",lon,lat");
  CHECK(l[2] == row_qt01 + ",120.1979218,30.2432922");  // cs2cs 120.1979217642 30.2432921598
  // Rows QT-02, QT-01, QT-04, QT-03: table indexes 1, 0, 3, 2.
  const std::size_t parcel_of_row[] = {1, 0, 3, 2};
  for (std::size_t row = 0; row < 4; ++row) {
    const auto f = last_fields(l[row + 1], 2);
    const Wgs84Point want = rep_point_lonlat[parcel_of_row[row]];
    INFO(l[row + 1]);
    CHECK(std::stod(f[0]) == Approx(want.lon).margin(1e-7));
    CHECK(std::stod(f[1]) == Approx(want.lat).margin(1e-7));
  }
}

TEST_CASE("--csv-lonlat in a projected --crs-out: x, y in metres") {
  Selection sel;
  sel.csv_lonlat = true;
  sel.crs = user_crs("EPSG:4549");
  const auto l = csv_lines(fixture_result(), sel);
  CHECK(l[0] == header + ",x,y");
  CHECK(l[1] == row_qt02 + ",519225,3347100");  // the working CRS: the point as stored
}

TEST_CASE("--csv-wkt: the polygon in lon/lat, holes and parts kept, always quoted") {
  Selection sel;
  sel.csv_wkt = true;
  const auto l = csv_lines(fixture_result(), sel);
  REQUIRE(l.size() == 4);
  CHECK(l[0] == header + ",wkt");
  // QT-01's corners from cs2cs (fixture), rounded to 7 decimals by hand.
  CHECK(l[2] == row_qt01 +
                    ",\"POLYGON ((120.1974005 30.2423909, 120.1984394 30.2423893, 120.1984431 "
                    "30.2441934, 120.1974041 30.244195, 120.1974005 30.2423909))\"");
  // QT-02 has a hole: two rings in one polygon; QT-04 two parts.
  CHECK_THAT(l[1],
             Catch::Contains(",\"POLYGON ((120.1994784 30.2423877, ") && !Catch::Contains(")), ("));
  CHECK_THAT(l[1], Catch::Contains("), (120.1999988 30.242838, "));
  CHECK_THAT(l[3], Catch::Contains(",\"MULTIPOLYGON (((120.2046731 30.2423797, ") &&
                       Catch::Contains(")), ((120.2046768 30.2441838, ") &&
                       Catch::EndsWith(")))\""));
}

TEST_CASE("a working CRS PROJ does not know fails the point columns, not the plain CSV") {
  RankedResult r = fixture_result();
  r.dataset.working_crs = "EPSG:999999";
  CHECK(csv_lines(r).size() == 4);
  Selection sel;
  sel.csv_lonlat = true;
  std::ostringstream out;
  CHECK_THROWS_WITH(write_csv(r, sel, out),
                    Catch::StartsWith("CSV export: unknown CRS 'EPSG:999999'"));
  CHECK_THROWS_AS(write_csv(r, sel, out), OutputError);
}
