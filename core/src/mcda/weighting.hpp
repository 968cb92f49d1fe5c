// Criterion weights derived from what a planner can state more easily than
// numbers: an importance order (rank-sum, rank-reciprocal, rank-order
// centroid) or a pairwise-comparison matrix (AHP). Pure functions, no I/O;
// formulas and sources in docs/methods.md.
#pragma once

#include <cstddef>
#include <siterank/host/methods.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace siterank::mcda {

enum class RankWeighting { rank_sum, rank_reciprocal, rank_order_centroid };

// "rank_sum", "rank_reciprocal", "rank_order_centroid".
std::string_view name(RankWeighting method);
// Throws std::invalid_argument naming the known methods.
RankWeighting rank_weighting_from_name(std::string_view name);

// Weights from importance ranks, one per criterion: 1 = most important, any
// positive integers, equal numbers tie ({1,2,2,3} and {1,2,2,4} are the same
// order). Positions 1..n get the method's weights; criteria that tie share
// the mean of the weights of the positions they occupy. Sums to 1.
// Throws std::invalid_argument on an empty list or a rank below 1.
std::vector<double> rank_weights(RankWeighting method, const std::vector<int>& ranks);

// Random consistency index by matrix order n: values[n - 1].
struct RandomIndexTable {
  std::string name;    // "saaty", "alonso_lamata"
  std::string source;  // the publication, one line
  std::vector<double> values;
};

// Throws std::invalid_argument naming the known tables.
const RandomIndexTable& random_index_table(std::string_view name);
std::vector<std::string> random_index_table_names();

// Saaty's eigenvector method. The matrix is square, n >= 1, every entry
// positive and finite, the diagonal exactly 1, and reciprocal: a[j][i] * a[i][j]
// within 1e-2 of 1 (so 0.333 for 1/3 passes). Throws std::invalid_argument
// naming the entry, e.g. "[2][1]: 0.5 is not the reciprocal of [1][2] = 3",
// or n larger than the table covers.
AhpResult ahp(const std::vector<std::vector<double>>& matrix, const RandomIndexTable& ri);

// Consistency ratio above which AHP judgements are usually revised (Saaty).
inline constexpr double ahp_cr_threshold = 0.1;

}  // namespace siterank::mcda
