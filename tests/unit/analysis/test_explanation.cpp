// One parcel's explanation as JSON and text and its neighbours in the
// ranking (analysis/explanation), on the hand-made result of
// ranked_result_fixture.hpp (scores, totals and areas are listed there).
#include <catch2/catch.hpp>
#include <ranked_result_fixture.hpp>

#include "analysis/explanation.hpp"

using namespace siterank;
using namespace siterank::testing;
using json = nlohmann::ordered_json;

namespace {

std::string spaces(std::size_t n) { return std::string(n, ' '); }

// QT-02 (90, 80) leads QT-01 (40, 90). With the land weight w and transport
// 1 - w they draw level where 90w + 80(1 - w) = 40w + 90(1 - w):
// 80 + 10w = 90 - 50w, w = 1/6. With two criteria moving either weight is
// the same move, so the smallest change is land 0.6 -> 1/6 (-0.433333) or,
// equally far, transport 0.4 -> 5/6 (+0.433333): either may be reported.
bool is_qt01_qt02_reversal(const json& c) {
  if (c.is_null()) return false;
  if (c["criterion"] == "land")
    return c["weight"].get<double>() == Approx(0.6) &&
           c["new_weight"].get<double>() == Approx(0.166667).margin(1e-6) &&
           c["delta"].get<double>() == Approx(-0.433333).margin(1e-6);
  return c["criterion"] == "transport" && c["weight"].get<double>() == Approx(0.4) &&
         c["new_weight"].get<double>() == Approx(0.833333).margin(1e-6) &&
         c["delta"].get<double>() == Approx(0.433333).margin(1e-6);
}
bool is_qt01_qt02_reversal_text(const std::string& s) {
  return s == "land weight 0.6 -> 0.167 (-0.433), the others rescaled, reverses the pair" ||
         s == "transport weight 0.4 -> 0.833 (+0.433), the others rescaled, reverses the pair";
}

}  // namespace

TEST_CASE("a ranked parcel's explanation: attributes, rank, score, criteria, reasons") {
  const RankedResult r = fixture_result();
  const json e = parcel_explanation(r, 0);  // QT-01
  CHECK(json_keys(e) == std::vector<std::string>{"parcel_id", "name", "platform", "district",
                                                 "land_use", "status", "area_m2", "area_mu",
                                                 "vetoed", "rank", "score", "criteria", "reasons"});
  CHECK(e["parcel_id"] == "QT-01");
  CHECK(e["name"] == "东区, 一号");
  CHECK(e["platform"] == "钱塘芯谷");
  CHECK(e["district"] == "钱塘区");
  CHECK(e["land_use"] == "M1");
  CHECK(e["status"] == "ready");
  CHECK(e["area_m2"].get<double>() == 20000);
  CHECK(e["area_mu"].get<double>() == Approx(30));  // 20000 / 666.67
  CHECK(e["vetoed"] == false);
  CHECK(e["rank"] == 2);
  CHECK(e["score"].get<double>() == 60);
  REQUIRE(e["criteria"].size() == 2);
  const json& land = e["criteria"][0];
  CHECK(json_keys(land) ==
        std::vector<std::string>{"criterion", "score", "weight", "contribution", "factors"});
  CHECK(land["criterion"] == "land");
  CHECK(land["score"].get<double>() == 40);
  CHECK(land["weight"].get<double>() == Approx(0.6));
  CHECK(land["contribution"].get<double>() == Approx(24));  // 0.6 × 40
  REQUIRE(land["factors"].size() == 1);
  CHECK(land["factors"][0] ==
        json{{"name", "area_mu"}, {"value", 30.0}, {"unit", "mu"}, {"description", "parcel area"}});
  const json& transport = e["criteria"][1];
  CHECK(transport["criterion"] == "transport");
  CHECK(transport["score"].get<double>() == 90);
  CHECK(transport["weight"].get<double>() == Approx(0.4));
  CHECK(transport["contribution"].get<double>() == Approx(36));  // 0.4 × 90
  CHECK(transport["factors"][0]["name"] == "metro_m");
  CHECK(transport["factors"][0]["value"].get<double>() == 800);
  CHECK(transport["factors"][0]["unit"] == "m");
  CHECK(e["reasons"] == "transport 90×0.4=36; land 40×0.6=24");
}

TEST_CASE("no name member without a name; area in 亩 to 2 decimals") {
  const RankedResult r = fixture_result();
  const json e = parcel_explanation(r, 1);  // QT-02, no name
  CHECK_FALSE(e.contains("name"));
  CHECK(e["district"] == "Xiaoshan, \"South\"");
  CHECK(e["area_mu"].get<double>() == Approx(45));  // 30000 m² = 45 亩
  CHECK(e["rank"] == 1);
  // QT-03: 12345 m² = 18.5175 亩 -> 18.52.
  CHECK(parcel_explanation(r, 2)["area_mu"].get<double>() == 18.52);
  CHECK(parcel_explanation(r, 2)["area_m2"].get<double>() == 12345);
}

TEST_CASE("a vetoed parcel: rank and score null, its vetoes, no contributions") {
  const RankedResult r = fixture_result();
  const json e = parcel_explanation(r, 2);  // QT-03
  CHECK(json_keys(e) == std::vector<std::string>{"parcel_id", "platform", "district", "land_use",
                                                 "status", "area_m2", "area_mu", "vetoed", "rank",
                                                 "score", "vetoes", "criteria", "reasons"});
  CHECK(e["vetoed"] == true);
  CHECK(e["rank"].is_null());
  CHECK(e["score"].is_null());
  CHECK(e["vetoes"] ==
        json::array({json{{"criterion", "requirements"}, {"reason", fixture_requirement_reason}},
                     json{{"criterion", "land"}, {"reason", fixture_land_reason}}}));
  // Still scored by every criterion; the missing factor is null.
  CHECK(e["criteria"][0]["score"].get<double>() == 10);
  CHECK(e["criteria"][0]["contribution"].is_null());
  CHECK(e["criteria"][1]["score"].get<double>() == 60);
  CHECK(e["criteria"][1]["contribution"].is_null());
  CHECK(e["criteria"][1]["factors"][0]["value"].is_null());
  CHECK(e["reasons"] ==
        "requirements: " + fixture_requirement_reason + "; land: " + fixture_land_reason);
}

TEST_CASE("p_topk follows the score when the result has the shares") {
  const RankedResult r = fixture_result_with_p_topk();
  const json e = parcel_explanation(r, 0);
  CHECK(json_keys(e)[11] == "p_topk");
  CHECK(e["p_topk"].get<double>() == 0.75);
  CHECK(parcel_explanation(r, 2)["p_topk"].is_null());
  CHECK_FALSE(parcel_explanation(fixture_result(), 0).contains("p_topk"));
}

TEST_CASE("OWA contributions; none for a method that is not a sum") {
  // OWA, QT-01: land 7.2 / 0.46 = 15.652174, transport 25.2 / 0.46 = 54.782609.
  const json owa = parcel_explanation(fixture_result_owa(), 0);
  CHECK(owa["criteria"][0]["contribution"].get<double>() == Approx(15.652174));
  CHECK(owa["criteria"][1]["contribution"].get<double>() == Approx(54.782609));
  const json wgm = parcel_explanation(fixture_result_wgm(), 0);
  CHECK(wgm["criteria"][0]["contribution"].is_null());
  CHECK(wgm["criteria"][1]["contribution"].is_null());
}

TEST_CASE("neighbours: the gaps to the parcels ranked above and below") {
  const RankedResult r = fixture_result();
  // QT-01 (60, rank 2): QT-02 above at 86, gap 86 - 60 = 26; QT-04 below at
  // 29, gap 29 - 60 = -31. QT-04 (35, 20) is below QT-01 (40, 90) in both
  // criteria, so no weight reverses them.
  const json n = ranking_neighbours(r, 0);
  CHECK(json_keys(n) == std::vector<std::string>{"ranked", "above", "below"});
  CHECK(n["ranked"] == 3);
  const json& above = n["above"];
  CHECK(json_keys(above) ==
        std::vector<std::string>{"rank", "parcel_id", "score", "gap", "reversing_weight_change"});
  CHECK(above["rank"] == 1);
  CHECK(above["parcel_id"] == "QT-02");
  CHECK(above["score"].get<double>() == 86);
  CHECK(above["gap"].get<double>() == Approx(26));
  CHECK(is_qt01_qt02_reversal(above["reversing_weight_change"]));
  const json& below = n["below"];
  CHECK(below["rank"] == 3);
  CHECK(below["parcel_id"] == "QT-04");
  CHECK(below["score"].get<double>() == 29);
  CHECK(below["gap"].get<double>() == Approx(-31));
  CHECK(below["reversing_weight_change"].is_null());
}

TEST_CASE("neighbours at the ends of the ranking, and none for a vetoed parcel") {
  const RankedResult r = fixture_result();
  const json first = ranking_neighbours(r, 1);  // QT-02, rank 1
  CHECK(first["above"].is_null());
  CHECK(first["below"]["parcel_id"] == "QT-01");
  CHECK(first["below"]["gap"].get<double>() == Approx(-26));  // 60 - 86
  CHECK(is_qt01_qt02_reversal(first["below"]["reversing_weight_change"]));
  const json last = ranking_neighbours(r, 3);  // QT-04, rank 3
  CHECK(last["above"]["parcel_id"] == "QT-01");
  CHECK(last["above"]["gap"].get<double>() == Approx(31));  // 60 - 29
  CHECK(last["below"].is_null());
  CHECK(ranking_neighbours(r, 2) == json::object());
}

TEST_CASE("the text of a ranked parcel") {
  const RankedResult r = fixture_result();
  const auto t = split_lines(explanation_text(r, 0));  // QT-01
  REQUIRE(t.size() == 10);
  CHECK(t[0] ==
        "parcel QT-01 (东区, 一号): 钱塘芯谷, 钱塘区, land use M1, status ready, 30 亩 "
        "(20000 m²)");
  CHECK(t[1] == "rank 2 of 3, score 60 = sum of weight × criterion score");
  CHECK(t[2].empty());
  // Name padded to 14, score to 6, weight (3 decimals) to 5, contribution to 6.
  CHECK(t[3] == "land" + spaces(10) + " score " + spaces(4) + "40  weight " + spaces(2) +
                    "0.6  contribution " + spaces(4) + "24");
  // Factor: 4 spaces, name padded to 28, value right-aligned in 12, unit
  // padded to 8, 2 spaces, description.
  CHECK(t[4] == spaces(4) + "area_mu" + spaces(21) + spaces(10) + "30 mu" + spaces(6) + "  " +
                    "parcel area");
  CHECK(t[5] == "transport" + spaces(5) + " score " + spaces(4) + "90  weight " + spaces(2) +
                    "0.4  contribution " + spaces(4) + "36");
  CHECK(t[6] == spaces(4) + "metro_m" + spaces(21) + spaces(9) + "800 m" + spaces(7) + "  " +
                    "distance to the nearest metro station");
  CHECK(t[7].empty());
  CHECK_THAT(t[8], Catch::StartsWith("above: #1 QT-02 scores 86, 26 more; "));
  CHECK(is_qt01_qt02_reversal_text(
      t[8].substr(std::string("above: #1 QT-02 scores 86, 26 more; ").size())));
  CHECK(t[9] ==
        "below: #3 QT-04 scores 29, 31 less; no change of a single weight reverses the pair");
}

TEST_CASE("the text at the ends of the ranking") {
  const RankedResult r = fixture_result();
  const auto first = split_lines(explanation_text(r, 1));  // QT-02
  CHECK(first[0] ==
        "parcel QT-02: 临空经济示范区, Xiaoshan, \"South\", land use M0, status "
        "available, 45 亩 (30000 m²)");
  CHECK(first[1] == "rank 1 of 3, score 86 = sum of weight × criterion score");
  CHECK(first[8] == "above: none, this parcel ranks first");
  CHECK_THAT(first[9], Catch::StartsWith("below: #2 QT-01 scores 60, 26 less; "));
  const auto last = split_lines(explanation_text(r, 3));  // QT-04
  CHECK(last[8] ==
        "above: #2 QT-01 scores 60, 31 more; no change of a single weight reverses the pair");
  CHECK(last[9] == "below: none, this parcel ranks last");
}

TEST_CASE("the text of a vetoed parcel: its vetoes, no contributions, no neighbours") {
  const RankedResult r = fixture_result();
  const auto t = split_lines(explanation_text(r, 2));  // QT-03
  REQUIRE(t.size() == 9);
  CHECK(t[0] ==
        "parcel QT-03: 中国视谷, 滨江区, land use B29, status reserved, 18.52 亩 (12345 m²)");
  CHECK(t[1] == "VETOED, not ranked:");
  CHECK(t[2] == "  requirements: " + fixture_requirement_reason);
  CHECK(t[3] == "  land: " + fixture_land_reason);
  CHECK(t[4].empty());
  CHECK(t[5] == "land" + spaces(10) + " score " + spaces(4) + "10  weight " + spaces(2) + "0.6");
  CHECK(t[6] == spaces(4) + "area_mu" + spaces(21) + spaces(7) + "18.52 mu" + spaces(6) + "  " +
                    "parcel area");
  CHECK(t[7] ==
        "transport" + spaces(5) + " score " + spaces(4) + "60  weight " + spaces(2) + "0.4");
  // A missing factor value reads n/a.
  CHECK(t[8] == spaces(4) + "metro_m" + spaces(21) + spaces(9) + "n/a m" + spaces(7) + "  " +
                    "distance to the nearest metro station");
}

TEST_CASE("the text without contributions for a method that is not a sum") {
  const RankedResult r = fixture_result_wgm();
  const auto t = split_lines(explanation_text(r, 0));
  CHECK_THAT(t[1], Catch::StartsWith("rank 2 of 3, score 55.33 = weighted geometric mean"));
  CHECK(t[3] == "land" + spaces(10) + " score " + spaces(4) + "40  weight " + spaces(2) + "0.6");
}
