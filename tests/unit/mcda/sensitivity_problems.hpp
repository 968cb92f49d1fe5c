// The decision problems the sensitivity tests share: a weighted sum as a
// Scorer, the hand-derived example A, B, C, D (worked in the comments of the
// tests that use it) and random problems from a seed. One definition, so
// test_reversal, test_sweeps and test_monte_carlo mean the same example.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "mcda/rng.hpp"
#include "mcda/scorer.hpp"

namespace sensitivity_problems {

using Rows = std::vector<std::vector<double>>;  // per alternative: one score per criterion

// The weighted sum over a matrix held by value (read-only: safe from threads).
inline siterank::mcda::Scorer weighted_sum(const Rows& rows) {
  const std::size_t m = rows.empty() ? 0 : rows[0].size();
  std::vector<std::vector<double>> columns(m, std::vector<double>(rows.size()));
  for (std::size_t i = 0; i < rows.size(); ++i)
    for (std::size_t j = 0; j < m; ++j) columns[j][i] = rows[i][j];
  return [columns, n = rows.size()](const std::vector<double>& w, std::vector<double>& totals) {
    totals.assign(n, 0.0);
    for (std::size_t j = 0; j < columns.size(); ++j) {
      const double wj = w[j];
      const double* c = columns[j].data();
      for (std::size_t i = 0; i < n; ++i) totals[i] += wj * c[i];
    }
  };
}

// Alternatives A, B, C, D on three criteria, weights (0.5, 0.3, 0.2):
//   A (0.9, 0.3, 0.5)  -> 0.45 + 0.09 + 0.10 = 0.64
//   B (0.5, 0.8, 0.6)  -> 0.25 + 0.24 + 0.12 = 0.61
//   C (0.2, 0.5, 0.95) -> 0.10 + 0.15 + 0.19 = 0.44
//   D (0.8, 0.2, 0.4)  -> A - 0.1 on every criterion: 0.54
inline const Rows kExample = {{0.9, 0.3, 0.5}, {0.5, 0.8, 0.6}, {0.2, 0.5, 0.95}, {0.8, 0.2, 0.4}};
inline const std::vector<double> kExampleWeights = {0.5, 0.3, 0.2};
inline constexpr std::size_t A = 0, B = 1, C = 2, D = 3;

// A random problem: n alternatives, m criteria, scores uniform on [0, 100).
inline Rows random_rows(std::size_t n, std::size_t m, std::uint64_t seed) {
  siterank::mcda::Rng rng(seed);
  Rows rows(n, std::vector<double>(m));
  for (auto& row : rows)
    for (double& v : row) v = 100.0 * rng.uniform();
  return rows;
}

}  // namespace sensitivity_problems
