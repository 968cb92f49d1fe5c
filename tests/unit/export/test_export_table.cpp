// The terminal table (export/export_table) on the hand-made result of
// ranked_result_fixture.hpp. docs/formats.md: a title, the weights, the
// formula, then aligned columns (CJK characters count two columns; rank,
// area, score, p_topK and the criteria right-aligned, two spaces between
// columns, no trailing spaces); area 1 decimal, score 2, criteria 1,
// p_topK 3, trailing zeros dropped.
#include <catch2/catch.hpp>
#include <export_output.hpp>
#include <ranked_result_fixture.hpp>

#include "export/exporters.hpp"

using namespace siterank;
using namespace siterank::testing;

namespace {

std::vector<std::string> table_lines(const RankedResult& r, const Selection& sel = {}) {
  return split_lines(written_text(write_table, r, sel));
}

}  // namespace

TEST_CASE("title, weights and formula, then the ranked parcels aligned") {
  const auto t = table_lines(fixture_result());
  // Column widths: rank 4, parcel 6, platform 14 (临空经济示范区: 7 × 2),
  // land use 8, status 9 (available), area 亩 7, score 5, land 4, transport 9.
  const std::vector<std::string> expected{
      "无人机整机制造基地 (low_altitude_economy, factory) on Hangzhou test: 3 ranked, 1 vetoed of "
      "4 parcels",
      "weights: land=0.6 transport=0.4",
      "score = sum of weight × criterion score",
      "",
      "rank  parcel  platform        land use  status     area 亩  score  land  transport",
      "----  ------  --------------  --------  ---------  -------  -----  ----  ---------",
      "   1  QT-02   临空经济示范区  M0        available       45     86    90         80",
      "   2  QT-01   钱塘芯谷        M1        ready           30     60    40         90",
      "   3  QT-04   钱塘芯谷        100101    ready         22.5     29    35         20"};
  CHECK(t == expected);
}

TEST_CASE("vetoed parcels follow when asked, with '-' for the score") {
  Selection sel = with_vetoed();
  const auto t = table_lines(fixture_result(), sel);
  REQUIRE(t.size() == 10);
  // "vetoed" widens the rank column to 6; QT-03's 18.5175 亩 reads 18.5.
  CHECK(t[4] ==
        "  rank  parcel  platform        land use  status     area 亩  score  land  transport");
  CHECK(t[6] ==
        "     1  QT-02   临空经济示范区  M0        available       45     86    90         80");
  CHECK(t[9] ==
        "vetoed  QT-03   中国视谷        B29       reserved      18.5      -    10         60");
}

TEST_CASE("--top keeps the best") {
  Selection sel;
  sel.top = 1;
  const auto t = table_lines(fixture_result(), sel);
  REQUIRE(t.size() == 7);
  // The title still counts every parcel; the columns fit the one row.
  CHECK(t[0] ==
        "无人机整机制造基地 (low_altitude_economy, factory) on Hangzhou test: 3 ranked, 1 vetoed "
        "of 4 parcels");
  CHECK(t[6] ==
        "   1  QT-02   临空经济示范区  M0        available       45     86    90         80");
}

TEST_CASE("p_topK: a column after the score and its definition under the formula") {
  Selection sel = with_vetoed();
  const auto t = table_lines(fixture_result_with_p_topk(), sel);
  REQUIRE(t.size() == 10);
  CHECK(t[2] ==
        "score = sum of weight × criterion score; p_top2 = share of Monte Carlo weight sets with "
        "the parcel in the top 2");
  // Shares to 3 decimals: QT-02 1, QT-01 0.75, QT-04 0.25; '-' when vetoed.
  const std::vector<std::string> expected{
      "  rank  parcel  platform        land use  status     area 亩  score  p_top2  land  "
      "transport",
      "------  ------  --------------  --------  ---------  -------  -----  ------  ----  "
      "---------",
      "     1  QT-02   临空经济示范区  M0        available       45     86       1    90         "
      "80",
      "     2  QT-01   钱塘芯谷        M1        ready           30     60    0.75    40         "
      "90",
      "     3  QT-04   钱塘芯谷        100101    ready         22.5     29    0.25    35         "
      "20",
      "vetoed  QT-03   中国视谷        B29       reserved      18.5      -       -    10         "
      "60"};
  CHECK(std::vector<std::string>(t.begin() + 4, t.end()) == expected);
}

TEST_CASE("the weighting method when not direct, and the aggregation's formula") {
  RankedResult r = fixture_result_owa();
  r.profile.weighting.method = "rank_sum";
  auto t = table_lines(r);
  CHECK(t[1] == "weights: land=0.6 transport=0.4 (rank_sum)");
  CHECK_THAT(t[2], Catch::StartsWith("score = ordered weighted average"));
  // OWA totals: QT-02 87.777778 -> 87.78, QT-01 70.434783 -> 70.43.
  CHECK_THAT(t[6], Catch::Contains("  87.78  "));
  CHECK_THAT(t[7], Catch::Contains("  70.43  "));
  r.profile.weighting.method = "ahp";
  r.profile.weighting.ahp.cr = 0.0512;
  r.profile.weighting.ahp.ri_table = "saaty";
  t = table_lines(r);
  CHECK(t[1] == "weights: land=0.6 transport=0.4 (ahp, CR 0.051, RI from the saaty table)");
}
