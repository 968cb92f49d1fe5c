// One weight moved, the rest kept in proportion: how the reversal
// (mcda/reversal.hpp) and the one-at-a-time sweeps (mcda/sweeps.hpp) vary a
// single criterion while the weights still sum to 1.
#pragma once

#include <cstddef>
#include <vector>

namespace siterank::mcda {

// Weight k set to x in [0, 1], the others scaled in proportion so the sum
// stays 1 (when the others are all 0 they share 1 - x equally). Throws
// std::invalid_argument on k out of range or x outside [0, 1].
std::vector<double> with_weight(const std::vector<double>& weights, std::size_t k, double x);

}  // namespace siterank::mcda
