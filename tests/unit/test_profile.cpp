// Profile validation: schema errors name the JSON path, semantic rules hold.
#include <catch2/catch.hpp>
#include <fstream>

#include "errors.hpp"
#include "profile_loader.hpp"

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
  doc.erase("weights");
  CHECK(error_of(doc) == "p.json: $: missing required key 'weights'");
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
