// The JSON result (export/export_json) on the hand-made result of
// ranked_result_fixture.hpp. docs/formats.md: {siterank_result, profile,
// dataset, criteria, methods, summary, parcels}, each parcel what
// `explain -f json` prints without the neighbours.
#include <catch2/catch.hpp>
#include <export_output.hpp>
#include <ranked_result_fixture.hpp>

#include "analysis/explanation.hpp"
#include "export/exporters.hpp"

using namespace siterank;
using namespace siterank::testing;
using json = nlohmann::ordered_json;

namespace {

json written(const RankedResult& r, const Selection& sel = {}) {
  return json::parse(written_text(write_json, r, sel));
}

}  // namespace

TEST_CASE("the top-level members, in order") {
  const json j = written(fixture_result());
  CHECK(json_keys(j) == std::vector<std::string>{"siterank_result", "profile", "dataset",
                                                 "criteria", "methods", "summary", "parcels"});
  CHECK(j["siterank_result"] == 1);
  CHECK(j["profile"] == json{{"file", "profiles/drone.json"},
                             {"name", "无人机整机制造基地"},
                             {"industry", "low_altitude_economy"},
                             {"type", "factory"}});
  CHECK(j["dataset"] == json{{"name", "Hangzhou test"}, {"manifest", "data/hz/dataset.json"}});
}

TEST_CASE("criteria: normalised and stated weights, plugin versions") {
  const json c = written(fixture_result())["criteria"];
  REQUIRE(c.size() == 2);
  CHECK(json_keys(c[0]) ==
        std::vector<std::string>{"name", "plugin", "weight", "raw_weight", "plugin_version"});
  CHECK(c[0]["name"] == "land");
  CHECK(c[0]["plugin"] == "land");  // no "use": the plugin of the same name
  CHECK(c[0]["weight"].get<double>() == Approx(0.6));
  CHECK(c[0]["raw_weight"].get<double>() == 3);  // 3 : 2 normalised is 0.6 : 0.4
  CHECK(c[0]["plugin_version"] == "1.2.0");
  CHECK(c[1]["name"] == "transport");
  CHECK(c[1]["weight"].get<double>() == Approx(0.4));
  CHECK(c[1]["raw_weight"].get<double>() == 2);
  CHECK(c[1]["plugin_version"] == "0.9.1");
}

TEST_CASE("methods: weighting, aggregation and the formula") {
  const json m = written(fixture_result())["methods"];
  CHECK(m["weighting"] == json{{"method", "direct"}});
  CHECK(m["aggregation"] == json{{"method", "wsum"}});
  CHECK(m["formula"] == "sum of weight × criterion score");
  const json owa = written(fixture_result_owa())["methods"];
  CHECK(owa["aggregation"]["method"] == "owa");
  CHECK(owa["aggregation"]["order_weights"] == json::array({0.7, 0.3}));
}

TEST_CASE("summary: what the load kept, repaired and skipped, and the ranking's counts") {
  const json s = written(fixture_result())["summary"];
  CHECK(s == json{{"parcels_read", 5},
                  {"parcels_loaded", 4},
                  {"parcels_repaired", 1},
                  {"parcels_skipped", 1},
                  {"ranked", 3},
                  {"vetoed", 1}});
}

TEST_CASE("parcels: the explanations, best first, the vetoed ones when asked") {
  const RankedResult r = fixture_result();
  const json p = written(r)["parcels"];
  REQUIRE(p.size() == 3);
  CHECK(p[0]["parcel_id"] == "QT-02");
  CHECK(p[0]["rank"] == 1);
  CHECK(p[0]["score"].get<double>() == 86);
  CHECK(p[1]["parcel_id"] == "QT-01");
  CHECK(p[2]["parcel_id"] == "QT-04");
  // Exactly parcel_explanation: no neighbours.
  CHECK(p[1] == parcel_explanation(r, 0));
  CHECK_FALSE(p[1].contains("neighbours"));
  Selection sel = with_vetoed();
  sel.top = 1;
  const json v = written(r, sel)["parcels"];
  REQUIRE(v.size() == 2);
  CHECK(v[0]["parcel_id"] == "QT-02");
  CHECK(v[1]["parcel_id"] == "QT-03");
  CHECK(v[1]["rank"].is_null());
  CHECK(v[1]["vetoes"].size() == 2);
  // The summary counts the whole ranking whatever the selection.
  CHECK(written(r, sel)["summary"]["ranked"] == 3);
}

TEST_CASE("p_topk in each parcel with the shares") {
  const json p = written(fixture_result_with_p_topk())["parcels"];
  CHECK(p[0]["p_topk"].get<double>() == 1.0);   // QT-02
  CHECK(p[1]["p_topk"].get<double>() == 0.75);  // QT-01
  CHECK_FALSE(written(fixture_result())["parcels"][0].contains("p_topk"));
}

TEST_CASE("text is escaped, numbers have at most 6 decimals") {
  RankedResult r = fixture_result();
  r.profile.name = "a \"quoted\"\nname";
  r.criteria[0].weight = 2.0 / 3.0;
  r.criteria[1].weight = 1.0 / 3.0;
  const std::string text = written_text(write_json, r);
  CHECK_THAT(text, Catch::Contains(R"("name": "a \"quoted\"\nname")"));
  CHECK_THAT(text, Catch::Contains("0.666667") && !Catch::Contains("0.6666667"));
  CHECK(json::parse(text)["profile"]["name"] == "a \"quoted\"\nname");
}
