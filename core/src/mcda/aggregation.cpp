#include "mcda/aggregation.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <siterank/number_text.hpp>
#include <stdexcept>
#include <string>

namespace siterank::mcda {

namespace {

std::string criterion(std::size_t j) { return "criterion " + std::to_string(j); }

std::string cell(std::size_t i, std::size_t j) {
  return "row " + std::to_string(i) + ", " + criterion(j);
}

[[noreturn]] void fail(const std::string& what) { throw std::invalid_argument(what); }

constexpr double sum_tolerance = 1e-9;

double sum_of(const std::vector<double>& v) {
  double s = 0.0;
  for (double x : v) s += x;
  return s;
}

// --- the matrix ---------------------------------------------------------

void check_shape(const DecisionMatrix& m) {
  const std::size_t n = m.columns.size();
  if (n == 0) fail("decision matrix: no criteria");
  if (m.benefit.size() != n)
    fail("decision matrix: " + std::to_string(m.benefit.size()) + " benefit/cost flags for " +
         std::to_string(n) + " criteria");
  for (std::size_t j = 0; j < n; ++j)
    if (m.columns[j].size() != m.rows)
      fail(criterion(j) + ": " + std::to_string(m.columns[j].size()) + " values for " +
           std::to_string(m.rows) + " rows");
  for (std::size_t j = 0; j < n; ++j)
    for (std::size_t i = 0; i < m.rows; ++i)
      if (!std::isfinite(m.columns[j][i]))
        fail(cell(i, j) + ": value " + format_general(m.columns[j][i]) + " is not finite");
}

// linear_max is a ratio to the best value: meaningful on a ratio scale
// (values >= 0), and a cost value of 0 would divide by zero.
void check_linear_max(const DecisionMatrix& m) {
  for (std::size_t j = 0; j < m.columns.size(); ++j)
    for (std::size_t i = 0; i < m.rows; ++i) {
      const double x = m.columns[j][i];
      if (x < 0.0)
        fail(cell(i, j) + ": value " + format_general(x) +
             " is negative; linear_max needs values >= 0");
      if (x == 0.0 && !m.benefit[j])
        fail(cell(i, j) +
             ": value 0 in a cost criterion; linear_max (min / value) needs "
             "positive cost values");
    }
}

void check_matrix(const DecisionMatrix& m, Normalisation n) {
  check_shape(m);
  if (n == Normalisation::linear_max) check_linear_max(m);
}

// --- normalisations -----------------------------------------------------

void linear_max(const std::vector<double>& x, bool benefit, std::vector<double>& r) {
  if (benefit) {
    const double hi = *std::max_element(x.begin(), x.end());
    // An all-zero column: every row is at the best value.
    for (std::size_t i = 0; i < x.size(); ++i) r[i] = hi > 0.0 ? x[i] / hi : 1.0;
  } else {
    const double lo = *std::min_element(x.begin(), x.end());
    for (std::size_t i = 0; i < x.size(); ++i) r[i] = lo / x[i];
  }
}

void min_max(const std::vector<double>& x, bool benefit, std::vector<double>& r) {
  const auto [lo_it, hi_it] = std::minmax_element(x.begin(), x.end());
  const double lo = *lo_it, hi = *hi_it, range = hi - lo;
  // A constant column: every row is both best and worst; 1 keeps it
  // neutral in the ranking (and a wgm factor of 1 changes nothing).
  for (std::size_t i = 0; i < x.size(); ++i)
    r[i] = range > 0.0 ? (benefit ? (x[i] - lo) / range : (hi - x[i]) / range) : 1.0;
}

void vector_norm(const std::vector<double>& x, std::vector<double>& r) {
  // Scaled by the largest magnitude first, so squares of large values
  // cannot overflow.
  double scale = 0.0;
  for (double v : x) scale = std::max(scale, std::fabs(v));
  if (scale == 0.0) {
    std::fill(r.begin(), r.end(), 0.0);  // a zero column stays zero
    return;
  }
  double squares = 0.0;
  for (double v : x) squares += (v / scale) * (v / scale);
  const double norm = scale * std::sqrt(squares);
  for (std::size_t i = 0; i < x.size(); ++i) r[i] = x[i] / norm;
}

// --- the weights and the spec -------------------------------------------

void check_weights(const std::vector<double>& w, std::size_t n) {
  if (w.size() != n)
    fail(std::to_string(w.size()) + " weights for " + std::to_string(n) + " criteria");
  for (std::size_t j = 0; j < n; ++j) {
    if (!std::isfinite(w[j]))
      fail(criterion(j) + ": weight " + format_general(w[j]) + " is not finite");
    if (w[j] < 0.0) fail(criterion(j) + ": weight " + format_general(w[j]) + " is negative");
  }
  const double s = sum_of(w);
  if (std::fabs(s - 1.0) > sum_tolerance)
    fail("weights sum to " + format_general(s) + ", not 1 (within 1e-9)");
}

void check_order_weights(const AggregationSpec& spec, std::size_t n) {
  const auto& v = spec.order_weights;
  if (spec.method != Method::owa) {
    if (!v.empty()) fail("order weights are for owa only, not " + std::string(name(spec.method)));
    return;
  }
  if (v.size() != n)
    fail("owa: " + std::to_string(v.size()) + " order weights for " + std::to_string(n) +
         " criteria");
  for (std::size_t k = 0; k < n; ++k) {
    if (!std::isfinite(v[k]) || v[k] < 0.0)
      fail("owa: order weight " + std::to_string(k) + ": " + format_general(v[k]) +
           " is not a finite number >= 0");
  }
  const double s = sum_of(v);
  if (std::fabs(s - 1.0) > sum_tolerance)
    fail("owa: order weights sum to " + format_general(s) + ", not 1 (within 1e-9)");
}

void check_normalisation_choice(const DecisionMatrix& m, const AggregationSpec& spec) {
  const std::string method(name(spec.method));
  if (spec.normalisation == Normalisation::vector && spec.method != Method::topsis)
    fail(
        "normalisation vector is for topsis only (it does not turn cost criteria into "
        "benefit ones); use linear_max or min_max with " +
        method);
  const bool additive = spec.method == Method::weighted_sum || spec.method == Method::owa;
  if (additive && spec.normalisation == Normalisation::none)
    for (std::size_t j = 0; j < m.columns.size(); ++j)
      if (!m.benefit[j])
        fail(criterion(j) + ": a cost criterion needs normalisation linear_max or min_max with " +
             method);
}

// The weighted geometric mean takes powers: a negative base has no real
// power, and a cost criterion without normalisation enters as x^-w, so 0
// would be infinite. Criteria of weight 0 are left out, so not checked.
void check_wgm_values(const DecisionMatrix& m, const std::vector<double>& w) {
  for (std::size_t j = 0; j < m.columns.size(); ++j) {
    if (w[j] == 0.0) continue;
    for (std::size_t i = 0; i < m.rows; ++i) {
      const double x = m.columns[j][i];
      if (x < 0.0)
        fail(cell(i, j) + ": value " + format_general(x) + " is negative; wgm needs values >= 0");
      if (x == 0.0 && !m.benefit[j])
        fail(cell(i, j) +
             ": value 0 in a cost criterion; wgm without normalisation takes value^-weight");
    }
  }
}

// --- the methods --------------------------------------------------------

void weighted_sum(const DecisionMatrix& z, const std::vector<double>& w, std::vector<double>& out) {
  // Criterion by criterion, so each row's sum is accumulated in criterion
  // order from 0: the same bits as a row-wise loop.
  out.assign(z.rows, 0.0);
  for (std::size_t j = 0; j < z.columns.size(); ++j)
    for (std::size_t i = 0; i < z.rows; ++i) out[i] += w[j] * z.columns[j][i];
}

void weighted_geometric_mean(const DecisionMatrix& z, const std::vector<double>& w,
                             std::vector<double>& out) {
  out.assign(z.rows, 1.0);
  for (std::size_t j = 0; j < z.columns.size(); ++j) {
    if (w[j] == 0.0) continue;  // never 0^0
    const double e = z.benefit[j] ? w[j] : -w[j];
    for (std::size_t i = 0; i < z.rows; ++i) out[i] *= std::pow(z.columns[j][i], e);
  }
}

// Positions of one row's criteria: the largest value first, equal values in
// column order. Criteria of weight 0 go last whatever their value, so they
// cannot push the others to other order weights.
void owa_order(const DecisionMatrix& z, const std::vector<double>& w, std::size_t row,
               std::vector<std::size_t>& order) {
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const bool wa = w[a] > 0.0, wb = w[b] > 0.0;
    if (wa != wb) return wa;
    return z.columns[a][row] > z.columns[b][row];
  });
}

void owa(const DecisionMatrix& z, const std::vector<double>& w, const std::vector<double>& v,
         std::vector<double>& out) {
  const std::size_t n = z.columns.size();
  std::vector<std::size_t> order(n);
  out.assign(z.rows, 0.0);
  for (std::size_t i = 0; i < z.rows; ++i) {
    owa_order(z, w, i, order);
    double num = 0.0, den = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
      const double uv = w[order[k]] * v[k];
      num += uv * z.columns[order[k]][i];
      den += uv;
    }
    // den is 0 when the order weights sit only where the criterion weights
    // are 0: nothing is weighted, the score is 0.
    out[i] = den > 0.0 ? num / den : 0.0;
  }
}

void topsis(const DecisionMatrix& z, const std::vector<double>& w, std::vector<double>& out) {
  const std::size_t n = z.columns.size();
  out.assign(z.rows, 0.0);
  if (z.rows == 0) return;
  std::vector<double> best(n), worst(n);
  for (std::size_t j = 0; j < n; ++j) {
    const auto [lo, hi] = std::minmax_element(z.columns[j].begin(), z.columns[j].end());
    best[j] = w[j] * (z.benefit[j] ? *hi : *lo);
    worst[j] = w[j] * (z.benefit[j] ? *lo : *hi);
  }
  for (std::size_t i = 0; i < z.rows; ++i) {
    double to_best = 0.0, to_worst = 0.0;
    for (std::size_t j = 0; j < n; ++j) {
      const double v = w[j] * z.columns[j][i];
      to_best += (v - best[j]) * (v - best[j]);
      to_worst += (v - worst[j]) * (v - worst[j]);
    }
    const double d_best = std::sqrt(to_best), d_worst = std::sqrt(to_worst);
    // At the ideal (also: one row, or all rows alike) the closeness is 1.
    out[i] = d_best == 0.0 ? 1.0 : d_worst / (d_best + d_worst);
  }
}

}  // namespace

std::string_view name(Method m) {
  switch (m) {
    case Method::weighted_sum:
      return "wsum";
    case Method::weighted_geometric_mean:
      return "wgm";
    case Method::owa:
      return "owa";
    case Method::topsis:
      return "topsis";
  }
  return "";
}

std::string_view name(Normalisation n) {
  switch (n) {
    case Normalisation::none:
      return "none";
    case Normalisation::linear_max:
      return "linear_max";
    case Normalisation::min_max:
      return "min_max";
    case Normalisation::vector:
      return "vector";
  }
  return "";
}

Method method_from_name(std::string_view s) {
  for (auto m :
       {Method::weighted_sum, Method::weighted_geometric_mean, Method::owa, Method::topsis})
    if (name(m) == s) return m;
  fail("unknown aggregation method '" + std::string(s) + "' (known: wsum, wgm, owa, topsis)");
}

Normalisation normalisation_from_name(std::string_view s) {
  for (auto n : {Normalisation::none, Normalisation::linear_max, Normalisation::min_max,
                 Normalisation::vector})
    if (name(n) == s) return n;
  fail("unknown normalisation '" + std::string(s) + "' (known: none, linear_max, min_max, vector)");
}

Normalisation default_normalisation(Method m) {
  return m == Method::topsis ? Normalisation::vector : Normalisation::none;
}

DecisionMatrix normalised(const DecisionMatrix& m, Normalisation n) {
  check_matrix(m, n);
  DecisionMatrix r = m;
  if (n == Normalisation::none || m.rows == 0) return r;
  for (std::size_t j = 0; j < m.columns.size(); ++j) {
    switch (n) {
      case Normalisation::linear_max:
        linear_max(m.columns[j], m.benefit[j], r.columns[j]);
        break;
      case Normalisation::min_max:
        min_max(m.columns[j], m.benefit[j], r.columns[j]);
        break;
      case Normalisation::vector:
        vector_norm(m.columns[j], r.columns[j]);
        break;
      case Normalisation::none:
        break;
    }
  }
  // linear_max and min_max have turned cost into benefit; after vector
  // normalisation the direction still applies (TOPSIS's ideal).
  if (n == Normalisation::linear_max || n == Normalisation::min_max)
    r.benefit.assign(m.columns.size(), true);
  return r;
}

void validate(const DecisionMatrix& m, const std::vector<double>& weights,
              const AggregationSpec& spec) {
  check_shape(m);
  const std::size_t n = m.columns.size();
  check_weights(weights, n);
  check_order_weights(spec, n);
  check_normalisation_choice(m, spec);
  check_matrix(m, spec.normalisation);
  if (spec.method == Method::weighted_geometric_mean && spec.normalisation == Normalisation::none)
    check_wgm_values(m, weights);
}

void aggregate(const DecisionMatrix& m, const std::vector<double>& weights,
               const AggregationSpec& spec, std::vector<double>& out) {
  validate(m, weights, spec);
  const DecisionMatrix z = normalised(m, spec.normalisation);
  switch (spec.method) {
    case Method::weighted_sum:
      weighted_sum(z, weights, out);
      break;
    case Method::weighted_geometric_mean:
      weighted_geometric_mean(z, weights, out);
      break;
    case Method::owa:
      owa(z, weights, spec.order_weights, out);
      break;
    case Method::topsis:
      topsis(z, weights, out);
      break;
  }
}

}  // namespace siterank::mcda
