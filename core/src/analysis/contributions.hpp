// What each criterion adds to a parcel's total, for the aggregation methods
// where the total is a sum of per-criterion parts (weighted sum, OWA), and
// the one-line formula every output states beside the total.
#pragma once

#include <string>
#include <vector>

#include "mcda/aggregation.hpp"

namespace siterank {

// True for wsum and owa: the total is the sum of the criteria's parts.
bool additive(const mcda::AggregationSpec& spec);

// The parts of one alternative's total, one per criterion (in `scores`
// order), summing to the total; empty when the method is not additive.
// OWA: a criterion's part is u v z / sum(u v) at its position in the
// alternative's order (positive weights first, then descending score, ties
// by criterion order), as mcda::aggregate orders them.
std::vector<double> contributions(const mcda::AggregationSpec& spec,
                                  const std::vector<double>& weights,
                                  const std::vector<double>& scores);

// "sum of weight × criterion score", "weighted geometric mean of the
// criterion scores", ...
std::string aggregation_formula(const mcda::AggregationSpec& spec);

}  // namespace siterank
