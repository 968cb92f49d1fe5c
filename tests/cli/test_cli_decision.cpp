// `siterank weights` and `siterank mcda` on published worked examples, as a
// planner checking the methods against a textbook would run them; and the
// decision methods of a profile through `rank`, `validate` and `--strict`.
#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"

using namespace siterank::testing;
using nlohmann::json;

namespace {

// Saaty T.L. (2008) Decision making with the analytic hierarchy process,
// Int. J. Services Sciences 1(1):83-98: "Which drink is consumed more in
// the US?". Published derived scale .177 .019 .042 .116 .190 .129 .327,
// CR 0.022.
const char* saaty_drinks = R"({
  "criteria": ["coffee", "wine", "tea", "beer", "sodas", "milk", "water"],
  "matrix": [
    [1,     9, 5,   2,     1,     1,     "1/2"],
    ["1/9", 1, "1/3", "1/9", "1/9", "1/9", "1/9"],
    ["1/5", 3, 1,   "1/3", "1/4", "1/3", "1/9"],
    ["1/2", 9, 3,   1,     "1/2", 1,     "1/3"],
    [1,     9, 4,   2,     1,     2,     "1/2"],
    [1,     9, 3,   1,     "1/2", 1,     "1/3"],
    [2,     9, 9,   3,     2,     3,     1]]})";

// 1 > 2 (3), 2 > 3 (3), yet 3 > 1 (9): far from consistent.
const char* cyclic = R"({"criteria": ["a", "b", "c"],
  "matrix": [[1, 3, "1/9"], ["1/3", 1, 3], [9, "1/3", 1]]})";

}  // namespace

TEST_CASE("weights --ahp reproduces Saaty's drink example") {
  TempDir d("weights_ahp");
  const std::string m = d.write("drinks.json", saaty_drinks);
  Outcome o = siterank_cli({"weights", "--ahp", m, "--json"});
  INFO(o.err);
  REQUIRE(o.code == 0);
  const json j = json::parse(o.out);
  const std::vector<double> published{0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327};
  REQUIRE(j["criteria"].size() == 7);
  for (std::size_t i = 0; i < 7; ++i)
    CHECK(j["criteria"][i]["weight"].get<double>() == Approx(published[i]).margin(5e-4));
  CHECK(j["cr"].get<double>() == Approx(0.022).margin(5e-4));
  CHECK(j["ri"] == 1.32);  // Saaty's table, n = 7
  CHECK(j["random_index"]["name"] == "saaty");
  CHECK(j["consistent"] == true);
  // The text form names the table it used and prints it.
  o = siterank_cli({"weights", "--ahp", m});
  REQUIRE(o.code == 0);
  CHECK_THAT(o.out, Catch::Contains("water") && Catch::Contains("CR 0.02") &&
                        Catch::Contains("random index table 'saaty'") && Catch::Contains("1.32"));
  o = siterank_cli({"weights", "--ahp", m, "--random-index", "alonso_lamata", "--json"});
  REQUIRE(o.code == 0);
  CHECK(json::parse(o.out)["random_index"]["name"] == "alonso_lamata");
}

TEST_CASE("weights --ahp: an inconsistent matrix warns, and fails with --strict") {
  TempDir d("weights_ahp_cr");
  const std::string m = d.write("cyclic.json", cyclic);
  Outcome o = siterank_cli({"weights", "--ahp", m});
  CHECK(o.code == 0);
  CHECK_THAT(o.err, Catch::StartsWith("warning: " + m + ": consistency ratio "));
  CHECK_THAT(o.out, Catch::Contains("inconsistent"));
  o = siterank_cli({"weights", "--ahp", m, "--strict"});
  CHECK(o.code == 3);
  CHECK_THAT(o.err, Catch::Contains("is above 0.1") && Catch::Contains("--strict"));
  CHECK(o.out.empty());
  // Bad matrices name the entry.
  const std::string bad =
      d.write("bad.json", R"({"criteria": ["a", "b"], "matrix": [[1, 2], [2, 1]]})");
  o = siterank_cli({"weights", "--ahp", bad});
  CHECK(o.code == 3);
  CHECK_THAT(o.err, Catch::Contains(bad + ": $.matrix[1][0]: "));
  const std::string typo =
      d.write("typo.json", R"({"criteria": ["a", "b"], "matrx": [[1, 2], ["1/2", 1]]})");
  o = siterank_cli({"weights", "--ahp", typo});
  CHECK(o.code == 3);
  CHECK_THAT(o.err, Catch::Contains(typo + ": $"));
}

TEST_CASE("weights --order gives the rank-order weights") {
  const Outcome o =
      siterank_cli({"weights", "--order", "land,talent=transport,industry_fit", "--json"});
  INFO(o.err);
  REQUIRE(o.code == 0);
  const json j = json::parse(o.out);
  REQUIRE(j.size() == 3);
  // Rank sum, n = 4, positions 4,3,2,1 / 10; talent and transport share
  // positions 2 and 3: (0.3 + 0.2) / 2 = 0.25 each.
  CHECK(j[0]["method"] == "rank_sum");
  CHECK(j[0]["criteria"][0]["weight"].get<double>() == Approx(0.4));
  CHECK(j[0]["criteria"][1]["weight"].get<double>() == Approx(0.25));
  CHECK(j[0]["criteria"][2]["weight"].get<double>() == Approx(0.25));
  CHECK(j[0]["criteria"][3]["weight"].get<double>() == Approx(0.1));
  // Rank-order centroid, n = 4 (Barron & Barrett 1996): 0.5208, 0.2708,
  // 0.1458, 0.0625; the tied pair shares (0.2708 + 0.1458) / 2 = 0.2083.
  CHECK(j[2]["method"] == "rank_order_centroid");
  CHECK(j[2]["criteria"][0]["weight"].get<double>() == Approx(0.5208).margin(1e-4));
  CHECK(j[2]["criteria"][1]["weight"].get<double>() == Approx(0.2083).margin(1e-4));
  CHECK(j[2]["criteria"][3]["weight"].get<double>() == Approx(0.0625).margin(1e-4));
  CHECK(siterank_cli({"weights", "--order", "a,a"}).code == 2);
  CHECK(siterank_cli({"weights"}).code == 2);
  CHECK(siterank_cli({"weights", "--order", "a,b", "--method", "magic"}).code == 2);
}

TEST_CASE("mcda ranks a decision table like the textbook") {
  TempDir d("mcda");
  // Triantaphyllou (2000), the WSM example: weights 0.20 0.15 0.40 0.25,
  // scores A1 21.50, A2 22.00, A3 22.00 (A2 before A3: table order).
  const std::string t = d.write("wsm.csv",
                                "alternative,c1,c2,c3,c4\n"
                                "#weight,0.20,0.15,0.40,0.25\n"
                                "A1,25,20,15,30\n"
                                "A2,10,30,20,30\n"
                                "A3,30,10,30,10\n");
  Outcome o = siterank_cli({"mcda", "--method", "wsum", t, "-f", "csv"});
  INFO(o.err);
  REQUIRE(o.code == 0);
  auto rows = parse_csv(o.out);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].at("alternative") == "A2");
  CHECK(std::stod(rows[0].at("score")) == Approx(22.0));
  CHECK(rows[1].at("alternative") == "A3");
  CHECK(rows[2].at("alternative") == "A1");
  CHECK(std::stod(rows[2].at("score")) == Approx(21.5));
  // The weighted product model on the same table: A1 is best (P(A1/A2) =
  // 1.007, P(A1/A3) = 1.067), P(A1) = 20.628 by hand.
  o = siterank_cli({"mcda", "--method", "wgm", t, "-f", "json"});
  REQUIRE(o.code == 0);
  json j = json::parse(o.out);
  CHECK(j["alternatives"][0]["name"] == "A1");
  CHECK(j["alternatives"][0]["score"].get<double>() == Approx(20.628).margin(1e-3));
  CHECK(j["normalisation"] == "none");
  // Weights from the command line override the file's.
  o = siterank_cli({"mcda", "--method", "wsum", t, "--weights", "1,0,0,0", "-f", "csv"});
  REQUIRE(o.code == 0);
  CHECK(parse_csv(o.out)[0].at("alternative") == "A3");  // 30 on c1

  // Opricovic & Tzeng (2004), numerical example: f1 a cost, f2 a benefit,
  // weights 0.5; TOPSIS closeness by hand (tests/unit/mcda/test_aggregation.cpp):
  // A1 0.76214, A2 0.72218, A3 0.23786.
  const std::string ot = d.write("ot.csv",
                                 "alternative,f1,f2\n"
                                 "#type,cost,benefit\n"
                                 "A1,1,3000\nA2,2,3750\nA3,5,4500\n");
  o = siterank_cli({"mcda", "--method", "topsis", ot, "--weights", "1,1", "-f", "json"});
  REQUIRE(o.code == 0);
  j = json::parse(o.out);
  CHECK(j["normalisation"] == "vector");
  CHECK(j["alternatives"][0]["name"] == "A1");
  CHECK(j["alternatives"][0]["score"].get<double>() == Approx(0.76214).margin(1e-4));
  CHECK(j["alternatives"][1]["score"].get<double>() == Approx(0.72218).margin(1e-4));
  CHECK(j["alternatives"][2]["score"].get<double>() == Approx(0.23786).margin(1e-4));
  // OWA, Yager's example (Wikipedia, "Ordered weighted averaging"):
  // W = (0.4, 0.3, 0.2, 0.1) on (0.7, 1, 0.3, 0.6) gives 0.76.
  const std::string y = d.write("owa.csv", "x,a,b,c,d\nX,0.7,1,0.3,0.6\n");
  o = siterank_cli({"mcda", "--method", "owa", y, "--weights", "1,1,1,1", "--order-weights",
                    "0.4,0.3,0.2,0.1", "-f", "csv"});
  REQUIRE(o.code == 0);
  CHECK(std::stod(parse_csv(o.out)[0].at("score")) == Approx(0.76));
}

TEST_CASE("mcda refuses bad tables and options with a clear message") {
  TempDir d("mcda_bad");
  const std::string t = d.write("t.csv", "alt,cost,time\n#type,cost,cost\nA,1,abc\n");
  Outcome o = siterank_cli({"mcda", "--method", "wsum", t, "--weights", "1,1"});
  CHECK(o.code == 3);
  CHECK_THAT(o.err, Catch::Contains(t + ":3: column 'time'"));
  const std::string ok = d.write("ok.csv", "alt,cost\n#type,cost\nA,1\nB,2\n");
  o = siterank_cli({"mcda", "--method", "wsum", ok, "--weights", "1"});
  CHECK(o.code == 3);  // a cost criterion needs a normalisation for wsum
  CHECK_THAT(o.err, Catch::Contains(ok + ": "));
  o = siterank_cli({"mcda", "--method", "wsum", ok, "--weights", "1", "--normalisation",
                    "linear_max", "-f", "csv"});
  REQUIRE(o.code == 0);
  CHECK(parse_csv(o.out)[0].at("alternative") == "A");  // the cheaper
  o = siterank_cli({"mcda", "--method", "wsum", ok});
  CHECK(o.code == 2);
  CHECK_THAT(o.err, Catch::Contains("no weight for criterion 'cost'"));
  CHECK(siterank_cli({"mcda", "--method", "vikor", ok, "--weights", "1"}).code == 2);
  CHECK(siterank_cli({"mcda", "--method", "wsum", d.file("missing.csv")}).code == 3);
  CHECK(siterank_cli({"mcda", "--method", "owa", ok, "--weights", "1"}).code == 2);
}

TEST_CASE("a profile's weighting and aggregation reach rank, validate and --strict") {
  TempDir d("profile_methods");
  const std::string ahp = d.write("ahp.json", R"({
    "project": {"name": "层次分析", "industry": "integrated_circuits"},
    "weighting": {"method": "ahp", "criteria": ["fixture_area", "fixture_distance"],
                  "matrix": [[1, 3], ["1/3", 1]]}})");
  // Two criteria, a_12 = 3: weights 3/4 and 1/4, as profile_two's 3:1.
  Outcome o = siterank_cli(with_plugins({"validate", "--profile", ahp, "--dataset", grid_dir}));
  INFO(o.err);
  REQUIRE(o.code == 0);
  CHECK_THAT(o.out, Catch::Contains("criterion fixture_area: weight 0.75,"));
  const Outcome a = siterank_cli(
      with_plugins({"rank", "--profile", ahp, "--dataset", grid_dir, "-f", "csv", "-q"}));
  const Outcome b = siterank_cli(with_plugins({"rank", "--profile", grid_dir + "/profile_two.json",
                                               "--dataset", grid_dir, "-f", "csv", "-q"}));
  REQUIRE(a.code == 0);
  CHECK(a.out == b.out);
  o = siterank_cli(
      with_plugins({"rank", "--profile", ahp, "--dataset", grid_dir, "-f", "json", "-q"}));
  REQUIRE(o.code == 0);
  json j = json::parse(o.out);
  CHECK(j["methods"]["weighting"]["method"] == "ahp");
  CHECK(j["methods"]["weighting"]["cr"] == 0.0);
  CHECK(j["methods"]["aggregation"]["method"] == "wsum");

  // The minimum of the two criteria (OWA, all weight on the worst score):
  // P-004 100/100 first, then the parcel with the best worse score.
  const std::string owa = d.write("owa.json", R"({
    "project": {"name": "最短板", "industry": "integrated_circuits"},
    "weights": {"fixture_area": 1, "fixture_distance": 1},
    "aggregation": {"method": "owa", "order_weights": [0, 1]}})");
  o = siterank_cli(
      with_plugins({"rank", "--profile", owa, "--dataset", grid_dir, "-f", "csv", "-q"}));
  REQUIRE(o.code == 0);
  const auto rows = parse_csv(o.out);
  for (const auto& r : rows) {
    const double expected =
        std::min(std::stod(r.at("score_fixture_area")), std::stod(r.at("score_fixture_distance")));
    CHECK(std::stod(r.at("score")) == Approx(expected).margin(1e-4));
  }
  o = siterank_cli(with_plugins(
      {"explain", "--profile", owa, "--dataset", grid_dir, "--parcel", "P-003", "-f", "json"}));
  REQUIRE(o.code == 0);
  j = json::parse(o.out);
  // The parts of an OWA total: the worst score carries all of it.
  CHECK(j["criteria"][0]["contribution"].get<double>() == Approx(0.0).margin(1e-9));
  CHECK(j["criteria"][1]["contribution"].get<double>() == Approx(j["score"].get<double>()));

  // An inconsistent AHP matrix: a warning on stderr, an error with --strict.
  const std::string bad = d.write("bad.json", R"({
    "project": {"name": "不一致", "industry": "integrated_circuits"},
    "weighting": {"method": "ahp", "criteria": ["fixture_area", "fixture_distance", "fixture_faulty"],
                  "matrix": [[1, 3, "1/9"], ["1/3", 1, 3], [9, "1/3", 1]]}})");
  o = siterank_cli(with_plugins({"validate", "--profile", bad, "--dataset", grid_dir}));
  CHECK_THAT(o.err, Catch::Contains("warning: " + bad + ": $.weighting.matrix: consistency ratio"));
  o = siterank_cli(with_plugins({"validate", "--profile", bad, "--dataset", grid_dir, "--strict"}));
  CHECK(o.code == 3);
  CHECK_THAT(o.err, Catch::Contains("(an error with --strict)"));
}
