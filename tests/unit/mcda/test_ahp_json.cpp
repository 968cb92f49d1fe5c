// The AHP matrix as JSON: entries as numbers or fractions, every error with
// its JSON path.
#include <catch2/catch.hpp>
#include <functional>
#include <stdexcept>
#include <string>

#include "error_of.hpp"
#include "mcda/ahp_json.hpp"

using namespace siterank::mcda;
using nlohmann::json;

namespace {

std::string error_of(const json& j, const std::string& where = "$.weighting") {
  return siterank::testing::error_of([&] { parse_ahp_json(j, where); });
}

json example() {
  return json::parse(R"({"criteria": ["land", "talent", "transport"],
                         "matrix": [[1, 3, 5], ["1/3", 1, 2], ["1/5", "1/2", 1]]})");
}

}  // namespace

TEST_CASE("numbers and fractions, default random index") {
  const auto in = parse_ahp_json(example(), "$");
  CHECK(in.criteria == std::vector<std::string>{"land", "talent", "transport"});
  REQUIRE(in.matrix.size() == 3);
  CHECK(in.matrix[0] == std::vector<double>{1, 3, 5});
  CHECK(in.matrix[1][0] == 1.0 / 3.0);
  CHECK(in.matrix[2][0] == 0.2);
  CHECK(in.matrix[2][1] == 0.5);
  CHECK(in.random_index == "saaty");
}

TEST_CASE("fractions allow spaces, number strings and decimals") {
  auto j = example();
  j["matrix"][1][0] = " 1 / 3 ";
  j["matrix"][2][0] = "0.2";
  j["matrix"][2][1] = "2.5/5";
  j["random_index"] = "alonso_lamata";
  j["method"] = "ahp";  // the profile's weighting object carries it
  const auto in = parse_ahp_json(j, "$.weighting");
  CHECK(in.matrix[1][0] == 1.0 / 3.0);
  CHECK(in.matrix[2][0] == 0.2);
  CHECK(in.matrix[2][1] == 0.5);
  CHECK(in.random_index == "alonso_lamata");
}

TEST_CASE("entries are not checked for reciprocity here") {
  auto j = example();
  j["matrix"][1][0] = 7;  // ahp() names this one
  CHECK(error_of(j) == "(no error)");
}

TEST_CASE("errors on the object and its keys") {
  CHECK(error_of(json::array()) == "$.weighting: expected an object with criteria and matrix");
  auto extra = example();
  extra["matirx"] = json::array();
  CHECK(error_of(extra) ==
        "$.weighting.matirx: unknown key (expected criteria, matrix, random_index)");
  CHECK(error_of(json::object({{"matrix", json::array()}})) ==
        "$.weighting.criteria: missing (the names of the compared criteria)");
  CHECK(error_of(json::object({{"criteria", json::array({"a"})}}), "$") ==
        "$.matrix: missing (the pairwise comparisons, one row per criterion)");
}

TEST_CASE("errors in the criteria") {
  auto j = example();
  j["criteria"] = "land";
  CHECK(error_of(j) == "$.weighting.criteria: expected an array of criterion names");
  j["criteria"] = json::array();
  CHECK(error_of(j) == "$.weighting.criteria: no criteria");
  j["criteria"] = json::array({"land", 3, "x"});
  CHECK(error_of(j) == "$.weighting.criteria[1]: expected a criterion name (a string)");
  j["criteria"] = json::array({"land", "", "x"});
  CHECK(error_of(j) == "$.weighting.criteria[1]: empty criterion name");
  j["criteria"] = json::array({"land", "talent", "land"});
  CHECK(error_of(j) == "$.weighting.criteria[2]: duplicate criterion 'land' (also [0])");
}

TEST_CASE("errors in the matrix shape") {
  auto j = example();
  j["matrix"] = json::object();
  CHECK(error_of(j) == "$.weighting.matrix: expected an array of rows");
  j["matrix"] = json::array({json::array({1, 2, 3}), json::array({1, 1, 1})});
  CHECK(error_of(j) == "$.weighting.matrix: 2 rows for 3 criteria");
  j = example();
  j["matrix"][1] = 4;
  CHECK(error_of(j) == "$.weighting.matrix[1]: expected an array of entries");
  j = example();
  j["matrix"][2] = json::array({"1/5", 1});
  CHECK(error_of(j) == "$.weighting.matrix[2]: 2 entries for 3 criteria");
}

TEST_CASE("errors in the entries name the entry") {
  const auto with = [](const json& e) {
    auto j = example();
    j["matrix"][2][0] = e;
    return error_of(j);
  };
  CHECK(with("1/x") == "$.weighting.matrix[2][0]: '1/x' is not a number or a fraction a/b");
  CHECK(with("") == "$.weighting.matrix[2][0]: '' is not a number or a fraction a/b");
  CHECK(with("1/") == "$.weighting.matrix[2][0]: '1/' is not a number or a fraction a/b");
  CHECK(with("1/2/3") == "$.weighting.matrix[2][0]: '1/2/3' is not a number or a fraction a/b");
  CHECK(with("five") == "$.weighting.matrix[2][0]: 'five' is not a number or a fraction a/b");
  CHECK(with("1/0") ==
        "$.weighting.matrix[2][0]: '1/0': both parts of a fraction must be positive finite "
        "numbers");
  CHECK(with("-1/5") ==
        "$.weighting.matrix[2][0]: '-1/5': both parts of a fraction must be positive finite "
        "numbers");
  CHECK(with("inf/2") ==
        "$.weighting.matrix[2][0]: 'inf/2': both parts of a fraction must be positive finite "
        "numbers");
  CHECK(with("0") == "$.weighting.matrix[2][0]: '0' is not a positive finite number");
  CHECK(with("nan") == "$.weighting.matrix[2][0]: 'nan' is not a positive finite number");
  CHECK(with(-2) == "$.weighting.matrix[2][0]: -2 is not a positive finite number");
  CHECK(with(0) == "$.weighting.matrix[2][0]: 0 is not a positive finite number");
  CHECK(with(true) == "$.weighting.matrix[2][0]: expected a number or a string \"a/b\"");
  CHECK(with(nullptr) == "$.weighting.matrix[2][0]: expected a number or a string \"a/b\"");
}

TEST_CASE("errors in the random index") {
  auto j = example();
  j["random_index"] = 1;
  CHECK(error_of(j) == "$.weighting.random_index: expected the name of a random-index table");
  j["random_index"] = "dd";
  CHECK(error_of(j) ==
        "$.weighting.random_index: unknown random-index table 'dd' (known: saaty, alonso_lamata)");
}
