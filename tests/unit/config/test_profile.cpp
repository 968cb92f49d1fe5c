// Profile validation: schema errors name the JSON path, semantic rules hold.
#include <catch2/catch.hpp>
#include <fstream>
#include <siterank/host/errors.hpp>

#include "config/profile_loader.hpp"

using namespace siterank;
using nlohmann::json;

namespace {

json minimal() {
  return json::parse(
      R"({"project": {"name": "测试", "industry": "integrated_circuits"}, "weights": {"land": 1}})");
}

std::string error_of(const json& doc) {
  try {
    parse_profile(doc, "p.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("a minimal profile gets defaults and taxonomy facts") {
  const auto d = parse_profile(minimal(), "p.json");
  CHECK(d.profile.name == "测试");
  CHECK(d.profile.project_type == "factory");
  CHECK(d.profile.ecosystem == "smart_iot");
  CHECK(std::count(d.profile.related_industries.begin(), d.profile.related_industries.end(),
                   "vision_intelligence") == 1);
  CHECK(d.profile.industry_ecosystems.at("biomedicine_devices") == "biomedicine");
  CHECK(std::isnan(d.profile.land_min_m2));
  CHECK(d.profile.weights.at("land") == 1.0);
}

TEST_CASE("land need is converted to m² and weights are normalised") {
  json doc = minimal();
  doc["land"] = {{"min", 100}, {"max", 150}};  // mu by default
  doc["weights"] = {{"land", 3}, {"transport", 1}};
  doc["talent"] = {{"mix", {{"researchers", 1}, {"engineers", 3}}}};
  auto d = parse_profile(doc, "p.json");
  CHECK(d.profile.land_min_m2 == Approx(66666.667).epsilon(1e-6));  // 100 * 10000/15
  CHECK(d.profile.land_max_m2 == Approx(100000.0));                 // 150 mu = 10 ha
  CHECK(d.profile.weights.at("land") == Approx(0.75));
  CHECK(d.profile.weights.at("transport") == Approx(0.25));
  CHECK(d.profile.talent.engineers == Approx(0.75));
  doc["land"] = {{"min", 2}, {"max", 5}, {"unit", "ha"}};
  d = parse_profile(doc, "p.json");
  CHECK(d.profile.land_min_m2 == Approx(20000));
}

TEST_CASE("relative weights near the largest double keep their ratios") {
  // 1e308 + 3e308 overflows a plain sum to infinity (every weight 0).
  json doc = minimal();
  doc["weights"] = {{"land", 1e308}, {"transport", 3e307}};
  const auto d = parse_profile(doc, "p.json");
  CHECK(d.profile.weights.at("land") == Approx(1.0 / 1.3));
  CHECK(d.profile.weights.at("transport") == Approx(0.3 / 1.3));
  doc["weights"] = {{"land", 1.7e308}, {"transport", 1.7e308}};
  CHECK(parse_profile(doc, "p.json").profile.weights.at("land") == Approx(0.5));
}

TEST_CASE("schema errors name the file and the JSON path") {
  json doc = minimal();
  doc["project"]["colour"] = "red";
  CHECK_THAT(error_of(doc), Catch::StartsWith("p.json: $.project: unknown key 'colour'"));

  doc = minimal();
  doc["land"] = {{"min", "lots"}};
  CHECK(error_of(doc) == "p.json: $.land.min: expected number, got string");

  doc = minimal();
  doc["project"]["type"] = "fab";
  CHECK_THAT(error_of(doc),
             Catch::StartsWith("p.json: $.project.type: expected one of [\"factory\""));

  doc = minimal();
  doc["weights"]["land"] = -1;
  CHECK(error_of(doc) == "p.json: $.weights.land: expected a number >= 0, got -1");

  doc = minimal();
  doc["weights"] = {{"Land-Use", 1}};
  CHECK(error_of(doc) ==
        "p.json: $.weights: key 'Land-Use' is not a valid name (lower-case letters, digits and "
        "'_', starting with a letter)");

  doc = minimal();
  doc.erase("weights");
  CHECK(error_of(doc) ==
        "p.json: $: missing key 'weights' (or give $.weighting a method that derives them)");
}

TEST_CASE("rules beyond the schema") {
  json doc = minimal();
  doc["weights"] = {{"land", 0}, {"talent", 0}};
  CHECK_THAT(error_of(doc), Catch::StartsWith("p.json: $.weights: all weights are zero"));

  doc = minimal();
  doc["project"]["industry"] = "chips";
  CHECK_THAT(error_of(doc),
             Catch::StartsWith("p.json: $.project.industry: unknown industry 'chips' (known: "));

  doc = minimal();
  doc["land"] = {{"min", 200}, {"max", 100}};
  CHECK(error_of(doc) == "p.json: $.land: min (200) is larger than max (100)");

  doc = minimal();
  doc["plugins"] = {{"talent", json::object()}};
  CHECK_THAT(error_of(doc),
             Catch::StartsWith("p.json: $.plugins.talent: options for criterion 'talent'"));
}

TEST_CASE("a JSON syntax error names line and column") {
  const std::string path = "test_profile_syntax.json";
  std::ofstream(path) << "{\n  \"project\": {\n    \"name\": \"x\",,\n  }\n}\n";
  try {
    load_profile(path);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK_THAT(e.what(), Catch::StartsWith(path + ":3:17: JSON syntax error"));
  }
  CHECK_THROWS_WITH(load_profile("no/such/profile.json"), "no/such/profile.json: cannot open file");
}

// ---- $.weighting and $.aggregation (docs/methods.md) ----------------------

TEST_CASE("rank-order weights come from $.weighting.ranks") {
  json doc = minimal();
  doc.erase("weights");
  doc["weighting"] = json::parse(
      R"({"method": "rank_order_centroid", "ranks": {"land": 1, "talent": 2, "transport": 3}})");
  auto d = parse_profile(doc, "p.json");
  // Barron & Barrett (1996), n = 3: (1 + 1/2 + 1/3)/3, (1/2 + 1/3)/3, (1/3)/3.
  CHECK(d.profile.weights.at("land") == Approx(0.6111).epsilon(1e-3));
  CHECK(d.profile.weights.at("talent") == Approx(0.2778).epsilon(1e-3));
  CHECK(d.profile.weights.at("transport") == Approx(0.1111).epsilon(1e-3));
  CHECK(d.raw_weights.at("talent") == 2);  // as written: the rank
  CHECK(d.weighting.method == "rank_order_centroid");
  doc["weighting"]["method"] = "rank_sum";  // (3, 2, 1) / 6
  d = parse_profile(doc, "p.json");
  CHECK(d.profile.weights.at("land") == Approx(0.5));
  CHECK(d.profile.weights.at("transport") == Approx(1.0 / 6));
}

TEST_CASE("AHP weights and the consistency warning") {
  json doc = minimal();
  doc.erase("weights");
  // A consistent matrix of the weights 4:2:1 (a_ij = w_i / w_j).
  doc["weighting"] = json::parse(R"({"method": "ahp", "criteria": ["land", "talent", "transport"],
      "matrix": [[1, 2, 4], ["1/2", 1, 2], [0.25, 0.5, 1]]})");
  auto d = parse_profile(doc, "p.json");
  CHECK(d.profile.weights.at("land") == Approx(4.0 / 7));
  CHECK(d.profile.weights.at("talent") == Approx(2.0 / 7));
  CHECK(d.profile.weights.at("transport") == Approx(1.0 / 7));
  CHECK(d.weighting.ahp.cr == Approx(0).margin(1e-9));
  CHECK(d.warnings.empty());
  // 1 > 3 > 5 but 5 > 1 (a_13 = 1/9): far from consistent.
  doc["weighting"]["matrix"] = json::parse(R"([[1, 3, "1/9"], ["1/3", 1, 3], [9, "1/3", 1]])");
  d = parse_profile(doc, "p.json");
  REQUIRE(d.warnings.size() == 1);
  CHECK_THAT(d.warnings[0], Catch::StartsWith("p.json: $.weighting.matrix: consistency ratio ") &&
                                Catch::Contains("is above 0.1"));
}

TEST_CASE("weighting errors name the JSON path") {
  json doc = minimal();
  doc["weighting"] = json::parse(R"({"method": "rank_sum", "ranks": {"land": 1}})");
  CHECK_THAT(error_of(doc), Catch::StartsWith("p.json: $.weights: the weights come from "
                                              "$.weighting (method 'rank_sum')"));
  doc.erase("weights");
  doc["weighting"] = json::parse(R"({"method": "rank_sum"})");
  CHECK(error_of(doc) ==
        "p.json: $.weighting: method 'rank_sum' needs 'ranks' (criterion -> 1, 2, ...)");
  doc["weighting"] = json::parse(R"({"method": "direct", "ranks": {"land": 1}})");
  CHECK(error_of(doc) == "p.json: $.weighting.ranks: not used by method 'direct'");
  doc["weighting"] = json::parse(R"({"method": "ahp", "criteria": ["land", "talent"],
      "matrix": [[1, 3], [3, 1]]})");
  CHECK_THAT(error_of(doc), Catch::StartsWith("p.json: $.weighting.matrix[1][0]: "));
  doc["weighting"] = json::parse(R"({"method": "ahp", "criteria": ["land", "talent"],
      "matrix": [[1, 3], ["1/x", 1]]})");
  CHECK_THAT(error_of(doc), Catch::StartsWith("p.json: $.weighting.matrix[1][0]: "));
  doc["weighting"] = json::parse(R"({"method": "magic"})");
  CHECK_THAT(error_of(doc), Catch::StartsWith("p.json: $.weighting.method: "));
  doc.erase("weighting");
  CHECK(error_of(doc) ==
        "p.json: $: missing key 'weights' (or give $.weighting a method that derives them)");
}

TEST_CASE("aggregation methods are checked before any data is read") {
  json doc = minimal();
  doc["weights"] = {{"land", 1}, {"talent", 1}};
  auto d = parse_profile(doc, "p.json");
  CHECK(d.aggregation.method == mcda::Method::weighted_sum);
  doc["aggregation"] = json::parse(R"({"method": "owa", "order_weights": [3, 1]})");
  d = parse_profile(doc, "p.json");
  CHECK(d.aggregation.method == mcda::Method::owa);
  CHECK(d.aggregation.order_weights == std::vector<double>{0.75, 0.25});
  doc["aggregation"] = json::parse(R"({"method": "owa", "order_weights": [1, 1, 1]})");
  CHECK_THAT(error_of(doc), Catch::StartsWith("p.json: $.aggregation.order_weights: 3 order "
                                              "weights for 2 criteria"));
  doc["aggregation"] = json::parse(R"({"method": "owa"})");
  CHECK_THAT(error_of(doc), Catch::StartsWith("p.json: $.aggregation: method 'owa' needs"));
  doc["aggregation"] = json::parse(R"({"method": "wsum", "order_weights": [1, 1]})");
  CHECK(error_of(doc) ==
        "p.json: $.aggregation.order_weights: only method 'owa' takes order weights");
  doc["aggregation"] = json::parse(R"({"method": "wgm", "normalisation": "vector"})");
  CHECK_THAT(error_of(doc),
             Catch::StartsWith("p.json: $.aggregation.normalisation: only topsis normalises"));
  doc["aggregation"] = json::parse(R"({"method": "topsis"})");
  d = parse_profile(doc, "p.json");
  CHECK(d.aggregation.normalisation == mcda::Normalisation::vector);
  doc["aggregation"] = json::parse(R"({"method": "topsis", "normalisation": "min_max"})");
  CHECK(parse_profile(doc, "p.json").aggregation.normalisation == mcda::Normalisation::min_max);
  doc["aggregation"] = json::parse(R"({"method": "vikor"})");
  CHECK_THAT(error_of(doc), Catch::StartsWith("p.json: $.aggregation.method: "));
}
