// Feature factors: a factor whose value is a reference feature's index is
// shown by the feature's name in explain (text and JSON) and KML.
#include <catch2/catch.hpp>
#include <cmath>
#include <ranked_result_fixture.hpp>

#include "analysis/explanation.hpp"
#include "analysis/feature_factor.hpp"

using namespace siterank;
using namespace siterank::testing;

namespace {

// The fixture with two stations (the second unnamed) and, on transport, a
// feature factor naming the nearest: QT-01 -> 0, QT-02 -> 1, QT-03 none.
RankedResult with_station_factor() {
  RankedResult r = fixture_result();
  ReferenceLayer stations =
      make_point_layer("metro", "metro_stations", {{519000, 3347500}, {519300, 3347500}}, {"name"},
                       {{"江东二路站"}, {""}});
  r.layers = std::make_shared<const std::vector<ReferenceLayer>>(
      std::vector<ReferenceLayer>{std::move(stations)});
  r.criteria[1].factors.push_back(
      feature_factor("metro_nearest", "metro_stations", "the station metro_m is to"));
  // transport's factors per parcel: metro_m, metro_nearest.
  r.scoring.scores[1].factors = {800, 0, 2500, 1, missing, missing, 6000, 0};
  return r;
}

}  // namespace

TEST_CASE("a feature factor's value resolves to the feature's name", "[feature_factor]") {
  const RankedResult r = with_station_factor();
  const FactorSpec& spec = r.criteria[1].factors[1];
  const auto named = factor_feature(r, spec, 0);
  REQUIRE(named);
  CHECK(named->name == "江东二路站");
  CHECK(named->layer == "metro");
  CHECK(named->role == "metro_stations");
  CHECK(named->index == 0);
  // Without a name attribute the layer and index say which.
  CHECK(factor_feature(r, spec, 1)->name == "metro #1");
  // NaN, out of range, not whole, negative: none.
  CHECK_FALSE(factor_feature(r, spec, missing));
  CHECK_FALSE(factor_feature(r, spec, 2));
  CHECK_FALSE(factor_feature(r, spec, 0.5));
  CHECK_FALSE(factor_feature(r, spec, -1));
  // Not a feature factor, or a role the run did not load.
  CHECK_FALSE(factor_feature(r, r.criteria[1].factors[0], 0));
  CHECK_FALSE(factor_feature(r, feature_factor("x", "universities", ""), 0));
}

TEST_CASE("explain shows a feature factor by name", "[feature_factor]") {
  const RankedResult r = with_station_factor();
  const auto j = nlohmann::json::parse(explanation_json(r, 0));
  const auto& f = j["criteria"][1]["factors"][1];
  CHECK(f["name"] == "metro_nearest");
  CHECK(f["value"] == 0);
  CHECK(f["unit"] == "feature");
  CHECK(f["feature"] ==
        nlohmann::json{
            {"role", "metro_stations"}, {"layer", "metro"}, {"index", 0}, {"name", "江东二路站"}});
  // QT-03 has none: no "feature", the value null.
  const auto k = nlohmann::json::parse(explanation_json(r, 2));
  CHECK_FALSE(k["criteria"][1]["factors"][1].contains("feature"));
  CHECK(k["criteria"][1]["factors"][1]["value"].is_null());

  const std::string text = explanation_text(r, 1);
  CHECK_THAT(text, Catch::Contains("metro_nearest") && Catch::Contains("metro #1"));
}
