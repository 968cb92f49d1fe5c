// Who leads as one weight sweeps from 0 to 1 (the others rescaled by
// with_weight), and how far that weight can move before the leader
// changes: the one-at-a-time view of a ranking's robustness
// (docs/methods.md, "Sensitivity").
#pragma once

#include <cstddef>
#include <vector>

#include "mcda/scorer.hpp"

namespace siterank::mcda {

struct Sweep {
  std::size_t criterion = 0;
  std::vector<double> weight;       // steps + 1 values from 0 to 1
  std::vector<std::size_t> leader;  // the alternative ranked first at each
  // The largest interval around the base weight within which the base
  // leader stays first (ends found by bisection to 1e-9 between the sweep's
  // grid points where the leader changes, moving out from the base weight;
  // a change and change back within one step is not seen).
  double stable_low = 0.0, stable_high = 1.0;
};

// One sweep per criterion (with_weight from 0 to 1 in `steps` steps); none
// for a single criterion. Throws std::invalid_argument on steps == 0,
// weights not summing to 1, or a tie_order neither empty nor one per
// alternative.
std::vector<Sweep> one_at_a_time(const Scorer& scorer, const std::vector<double>& weights,
                                 const std::vector<std::size_t>& tie_order, std::size_t steps = 20);

}  // namespace siterank::mcda
