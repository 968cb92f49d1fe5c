// The pairwise-comparison matrix as JSON, shared by a profile's
// $.weighting (method "ahp") and `siterank weights --ahp MATRIX.json`:
//   {"criteria": ["land", "talent", "transport"],
//    "matrix": [[1, 3, 5], ["1/3", 1, 2], ["1/5", "1/2", 1]],
//    "random_index": "saaty"}              (optional; default "saaty")
// Entries are positive numbers, or strings: a positive number ("0.2") or a
// fraction "a/b" of two positive numbers (spaces around '/' allowed).
// Extra keys are refused (a misspelt key must not be silently ignored),
// except "method", which the profile's weighting object carries.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "mcda/weighting.hpp"

namespace siterank::mcda {

struct AhpInput {
  std::vector<std::string> criteria;        // unique, non-empty names
  std::vector<std::vector<double>> matrix;  // criteria.size() square
  std::string random_index = "saaty";
};

// `where` is the JSON path of the object, e.g. "$.weighting" or "$".
// Throws std::invalid_argument with a one-line message that starts with the
// JSON path at fault, e.g. "$.weighting.matrix[2][0]: '1/x' is not a number
// or a fraction a/b"; a matrix whose size does not match the criteria, a
// duplicate criterion, an unknown random-index table. Entries are not
// checked for reciprocity here: ahp() does that and names the entry.
AhpInput parse_ahp_json(const nlohmann::json& j, const std::string& where);

struct AhpSolution {
  AhpInput input;
  AhpResult result;
  const RandomIndexTable* table = nullptr;
};

// parse_ahp_json, then ahp() with the named random-index table (or
// `random_index` when not empty, e.g. from a command-line option). Every
// std::invalid_argument starts with the JSON path at fault, ahp()'s with
// where.matrix and the entry: "$.weighting.matrix[1][0]: 3 is not the
// reciprocal of [0][1] = 3".
AhpSolution solve_ahp_json(const nlohmann::json& j, const std::string& where,
                           const std::string& random_index = "");

}  // namespace siterank::mcda
