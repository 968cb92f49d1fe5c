// A decision table for `siterank mcda`: alternatives in rows, criteria in
// columns, read from CSV (format in docs/methods.md, "Decision tables"):
//
//   site,land_price,talent,metro_km      header: any first cell, then criteria
//   #type,cost,benefit,cost              optional: benefit or cost per criterion
//   #weight,0.5,0.3,0.2                  optional: weights >= 0
//   A1,1200,80,2.5                       one row per alternative
//
// UTF-8, comma separated, RFC 4180 quoting; a BOM at the start and empty
// lines are ignored; spaces and tabs around a cell are trimmed.
#pragma once

#include <istream>
#include <string>
#include <vector>

#include "mcda/aggregation.hpp"

namespace siterank::mcda {

struct DecisionTable {
  std::vector<std::string> alternatives;  // unique, in file order
  std::vector<std::string> criteria;      // unique, in file order
  DecisionMatrix matrix;                  // benefit from #type; all benefit without it
  std::vector<double> weights;            // from #weight as written; NaN each when not given
};

// `path` names the input in messages. Throws std::invalid_argument
// "PATH:LINE: ..." naming the column where there is one, e.g.
// "data.csv:4: column 'cost' (3): 'abc' is not a number" (columns counted
// from 1 as in a spreadsheet, the alternatives' column being 1).
DecisionTable read_decision_table(std::istream& in, const std::string& path);

}  // namespace siterank::mcda
