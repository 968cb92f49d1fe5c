#include "mcda/weighting.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <siterank/number_text.hpp>
#include <stdexcept>

namespace siterank::mcda {

namespace {

std::string at(std::size_t i, std::size_t j) {
  return "[" + std::to_string(i) + "][" + std::to_string(j) + "]";
}

// The method's weight for each position 1..n (index 0 = position 1), summing to 1.
std::vector<double> position_weights(RankWeighting method, std::size_t n) {
  std::vector<double> w(n);
  const double dn = static_cast<double>(n);
  switch (method) {
    case RankWeighting::rank_sum:
      // (n + 1 - k) / (n (n + 1) / 2)
      for (std::size_t k = 1; k <= n; ++k)
        w[k - 1] = (dn + 1.0 - static_cast<double>(k)) / (dn * (dn + 1.0) / 2.0);
      break;
    case RankWeighting::rank_reciprocal: {
      double harmonic = 0.0;
      for (std::size_t k = 1; k <= n; ++k) harmonic += 1.0 / static_cast<double>(k);
      for (std::size_t k = 1; k <= n; ++k) w[k - 1] = (1.0 / static_cast<double>(k)) / harmonic;
      break;
    }
    case RankWeighting::rank_order_centroid: {
      // (1/n) sum_{i=k}^{n} 1/i, summed from the tail so each tail is reused.
      double tail = 0.0;
      for (std::size_t k = n; k >= 1; --k) {
        tail += 1.0 / static_cast<double>(k);
        w[k - 1] = tail / dn;
      }
      break;
    }
  }
  return w;
}

}  // namespace

std::string_view name(RankWeighting method) {
  switch (method) {
    case RankWeighting::rank_sum:
      return "rank_sum";
    case RankWeighting::rank_reciprocal:
      return "rank_reciprocal";
    case RankWeighting::rank_order_centroid:
      return "rank_order_centroid";
  }
  return "";
}

RankWeighting rank_weighting_from_name(std::string_view s) {
  for (auto m : {RankWeighting::rank_sum, RankWeighting::rank_reciprocal,
                 RankWeighting::rank_order_centroid})
    if (name(m) == s) return m;
  throw std::invalid_argument("unknown rank weighting '" + std::string(s) +
                              "' (known: rank_sum, rank_reciprocal, rank_order_centroid)");
}

std::vector<double> rank_weights(RankWeighting method, const std::vector<int>& ranks) {
  if (ranks.empty()) throw std::invalid_argument("rank weights: no criteria ranked");
  for (std::size_t i = 0; i < ranks.size(); ++i)
    if (ranks[i] < 1)
      throw std::invalid_argument("rank weights: criterion " + std::to_string(i) + ": rank " +
                                  std::to_string(ranks[i]) + " is below 1");
  const std::size_t n = ranks.size();
  // Criteria by rank; only the order of the ranks matters, so gaps such as
  // {1, 2, 2, 4} give the same positions as {1, 2, 2, 3}.
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return ranks[a] < ranks[b]; });
  const auto per_position = position_weights(method, n);
  std::vector<double> w(n);
  // A group of tied criteria occupies positions first..last; each gets the
  // mean of those positions' weights, so the total stays 1.
  for (std::size_t first = 0; first < n;) {
    std::size_t last = first;
    while (last + 1 < n && ranks[order[last + 1]] == ranks[order[first]]) ++last;
    double sum = 0.0;
    for (std::size_t p = first; p <= last; ++p) sum += per_position[p];
    const double share = sum / static_cast<double>(last - first + 1);
    for (std::size_t p = first; p <= last; ++p) w[order[p]] = share;
    first = last + 1;
  }
  return w;
}

namespace {

const std::vector<RandomIndexTable>& tables() {
  static const std::vector<RandomIndexTable> t = {
      {"saaty",
       "Saaty T.L. (1980) The Analytic Hierarchy Process, McGraw-Hill (random index, n = 1..10)",
       {0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49}},
      {"alonso_lamata",
       "Alonso J.A., Lamata M.T. (2006) Consistency in the analytic hierarchy process: a new "
       "approach, Int. J. Uncertainty, Fuzziness and Knowledge-Based Systems 14(4):445-459 "
       "(100000 random matrices, n = 1..15)",
       {0.0, 0.0, 0.5245, 0.8815, 1.1086, 1.2479, 1.3417, 1.4056, 1.4499, 1.4854, 1.5141, 1.5365,
        1.5551, 1.5713, 1.5838}},
  };
  return t;
}

}  // namespace

const RandomIndexTable& random_index_table(std::string_view table_name) {
  for (const auto& t : tables())
    if (t.name == table_name) return t;
  std::string known;
  for (const auto& t : tables()) known += (known.empty() ? "" : ", ") + t.name;
  throw std::invalid_argument("unknown random-index table '" + std::string(table_name) +
                              "' (known: " + known + ")");
}

std::vector<std::string> random_index_table_names() {
  std::vector<std::string> names;
  for (const auto& t : tables()) names.push_back(t.name);
  return names;
}

namespace {

using Matrix = std::vector<std::vector<double>>;

void check_shape(const Matrix& a) {
  if (a.empty()) throw std::invalid_argument("the matrix is empty (no criteria compared)");
  const std::size_t n = a.size();
  for (std::size_t i = 0; i < n; ++i)
    if (a[i].size() != n)
      throw std::invalid_argument("[" + std::to_string(i) + "]: " + std::to_string(a[i].size()) +
                                  " entries in a matrix of " + std::to_string(n) +
                                  " rows (it must be square)");
}

void check_entries(const Matrix& a) {
  const std::size_t n = a.size();
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      if (!std::isfinite(a[i][j]) || !(a[i][j] > 0.0))
        throw std::invalid_argument(at(i, j) + ": " + format_general(a[i][j]) +
                                    " is not a positive finite number");
  for (std::size_t i = 0; i < n; ++i)
    if (a[i][i] != 1.0)
      throw std::invalid_argument(at(i, i) + ": " + format_general(a[i][i]) +
                                  " on the diagonal (a criterion compared with itself is 1)");
  // Within 1e-2, so judgements typed as 0.333 or 0.33 for 1/3 pass.
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j)
      if (std::fabs(a[j][i] * a[i][j] - 1.0) > 1e-2)
        throw std::invalid_argument(at(j, i) + ": " + format_general(a[j][i]) +
                                    " is not the reciprocal of " + at(i, j) + " = " +
                                    format_general(a[i][j]));
}

void check_table(std::size_t n, const RandomIndexTable& ri) {
  if (n > ri.values.size())
    throw std::invalid_argument(
        "a matrix of order " + std::to_string(n) + " is beyond the '" + ri.name +
        "' random-index table (n <= " + std::to_string(ri.values.size()) + ")");
}

std::vector<double> times(const Matrix& a, const std::vector<double>& w) {
  std::vector<double> y(a.size(), 0.0);
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j = 0; j < a.size(); ++j) y[i] += a[i][j] * w[j];
  return y;
}

void normalise_sum(std::vector<double>& w) {
  double s = 0.0;
  for (double x : w) s += x;
  for (double& x : w) x /= s;
}

// Power iteration from the uniform vector. A positive matrix has a simple
// dominant eigenvalue (Perron), so it converges; the cap only guards
// against a pathological matrix looping for ever.
constexpr int max_iterations = 10000;
constexpr double tolerance = 1e-12;

std::vector<double> principal_eigenvector(const Matrix& a, int& iterations) {
  const std::size_t n = a.size();
  std::vector<double> w(n, 1.0 / static_cast<double>(n));
  for (iterations = 1; iterations <= max_iterations; ++iterations) {
    auto next = times(a, w);
    normalise_sum(next);
    double change = 0.0;
    for (std::size_t i = 0; i < n; ++i) change = std::max(change, std::fabs(next[i] - w[i]));
    w = std::move(next);
    if (change < tolerance) break;
  }
  iterations = std::min(iterations, max_iterations);
  return w;
}

}  // namespace

AhpResult ahp(const Matrix& matrix, const RandomIndexTable& ri) {
  check_shape(matrix);
  check_entries(matrix);
  const std::size_t n = matrix.size();
  check_table(n, ri);

  AhpResult r;
  r.ri_table = ri.name;
  r.weights = principal_eigenvector(matrix, r.iterations);
  const auto aw = times(matrix, r.weights);
  double sum = 0.0;
  for (std::size_t i = 0; i < n; ++i) sum += aw[i] / r.weights[i];
  const double dn = static_cast<double>(n);
  // lambda_max >= n for a positive reciprocal matrix (Saaty); a value just
  // below n is rounding (or the 1e-2 reciprocity slack), and reads as 0 CI.
  r.lambda_max = std::max(sum / dn, dn);
  r.ci = n > 1 ? (r.lambda_max - dn) / (dn - 1.0) : 0.0;
  r.ri = n > 2 ? ri.values[n - 1] : 0.0;
  r.cr = r.ri > 0.0 ? r.ci / r.ri : 0.0;
  return r;
}

}  // namespace siterank::mcda
