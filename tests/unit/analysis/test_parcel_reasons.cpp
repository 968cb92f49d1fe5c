// A parcel's parts of its total and the one-line reasons every output
// carries (analysis/parcel_reasons), on the hand-made result of
// ranked_result_fixture.hpp. Reasons: "criterion score×weight=part", score
// to 1 decimal, weight to 3, part to 2, trailing zeros dropped (as
// format_fixed writes every number), largest part first.
#include <catch2/catch.hpp>
#include <ranked_result_fixture.hpp>

#include "analysis/parcel_reasons.hpp"

using namespace siterank;
using namespace siterank::testing;

TEST_CASE("weighted sum: each part is weight × score, largest first") {
  const RankedResult r = fixture_result();
  // QT-02: land 0.6 × 90 = 54, transport 0.4 × 80 = 32.
  const auto qt02 = parcel_contributions(r, 1);
  REQUIRE(qt02.size() == 2);
  CHECK(qt02[0] == Approx(54));
  CHECK(qt02[1] == Approx(32));
  CHECK(parcel_reasons(r, 1) == "land 90×0.6=54; transport 80×0.4=32");
  // QT-01: land 0.6 × 40 = 24 < transport 0.4 × 90 = 36, so transport first.
  CHECK(parcel_reasons(r, 0) == "transport 90×0.4=36; land 40×0.6=24");
  // QT-04: land 0.6 × 35 = 21, transport 0.4 × 20 = 8.
  CHECK(parcel_reasons(r, 3) == "land 35×0.6=21; transport 20×0.4=8");
}

TEST_CASE("the parts of a ranked parcel sum to its total, weighted sum and OWA") {
  // Totals by hand in the fixture: 86, 60, 29; OWA 87.777778, 70.434783, 31.666667.
  for (const RankedResult& r : {fixture_result(), fixture_result_owa()}) {
    for (std::size_t p : r.scoring.ranking) {
      const auto parts = parcel_contributions(r, p);
      REQUIRE(parts.size() == 2);
      CHECK(parts[0] + parts[1] == Approx(r.scoring.total[p]));
    }
  }
}

TEST_CASE("a vetoed parcel has no parts; its reasons are its vetoes, requirements first") {
  const RankedResult r = fixture_result();
  CHECK(parcel_contributions(r, 2).empty());
  CHECK(parcel_reasons(r, 2) ==
        "requirements: " + fixture_requirement_reason + "; land: " + fixture_land_reason);
}

TEST_CASE("equal parts keep criterion order") {
  RankedResult r = fixture_result();
  // QT-01 with transport 60: 0.6 × 40 = 24 = 0.4 × 60.
  r.scoring.scores[1].scores[0] = 60;
  CHECK(parcel_reasons(r, 0) == "land 40×0.6=24; transport 60×0.4=24");
}

TEST_CASE("scores and weights are rounded to 1 and 3 decimals, parts to 2") {
  RankedResult r = fixture_result();
  // Weights 2/3 and 1/3; QT-02 scores 90.06 and 80.04:
  // 2/3 × 90.06 = 60.04, 1/3 × 80.04 = 26.68.
  r.criteria[0].weight = 2.0 / 3.0;
  r.criteria[1].weight = 1.0 / 3.0;
  r.scoring.scores[0].scores[1] = 90.06;
  r.scoring.scores[1].scores[1] = 80.04;
  CHECK(parcel_reasons(r, 1) == "land 90.1×0.667=60.04; transport 80×0.333=26.68");
}

TEST_CASE("OWA: the parts are u v z / Σ u v at each criterion's position") {
  const RankedResult r = fixture_result_owa();
  // QT-01 (fixture comment): transport 0.28 × 90 / 0.46 = 54.782609,
  // land 0.18 × 40 / 0.46 = 15.652174.
  const auto qt01 = parcel_contributions(r, 0);
  REQUIRE(qt01.size() == 2);
  CHECK(qt01[0] == Approx(7.2 / 0.46));
  CHECK(qt01[1] == Approx(25.2 / 0.46));
  CHECK(parcel_reasons(r, 0) == "transport 90×0.4=54.78; land 40×0.6=15.65");
  // QT-02: land 0.42 × 90 / 0.54 = 70, transport 0.12 × 80 / 0.54 = 17.777...
  CHECK(parcel_reasons(r, 1) == "land 90×0.6=70; transport 80×0.4=17.78");
}

TEST_CASE("a method that is not a sum has no parts: reasons by weighted score, no '='") {
  const RankedResult r = fixture_result_wgm();
  CHECK(parcel_contributions(r, 0).empty());
  // QT-01: 0.4 × 90 = 36 > 0.6 × 40 = 24.
  CHECK(parcel_reasons(r, 0) == "transport 90×0.4; land 40×0.6");
  CHECK(parcel_reasons(r, 1) == "land 90×0.6; transport 80×0.4");
  // Vetoes read the same whatever the method.
  CHECK(parcel_reasons(r, 2) ==
        "requirements: " + fixture_requirement_reason + "; land: " + fixture_land_reason);
}
