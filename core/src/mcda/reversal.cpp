// The weight-change reversal of two alternatives (see reversal.hpp;
// formulas in docs/methods.md, "Sensitivity").
#include "mcda/reversal.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "mcda/bisection.hpp"
#include "mcda/sensitivity_checks.hpp"
#include "mcda/with_weight.hpp"

namespace siterank::mcda {
namespace {

using detail::fail;

// Grid of the outward scan, in steps per unit of weight.
constexpr long kReversalGrid = 1000;

// The grid points i / grid strictly on one side of w0, nearest first.
class Walk {
 public:
  Walk(double w0, int direction, long grid) : direction_(direction), grid_(grid) {
    long i = static_cast<long>(std::floor(w0 * double(grid)));
    if (direction > 0) {
      while (i >= 0 && at(i) > w0) --i;
      while (at(i) <= w0) ++i;  // first above
    } else {
      while (i <= grid && at(i) < w0) ++i;
      while (at(i) >= w0) --i;  // first below
    }
    i_ = i;
  }
  bool done() const { return i_ < 0 || i_ > grid_; }
  double x() const { return at(i_); }
  void advance() { i_ += direction_; }

 private:
  double at(long i) const { return double(i) / double(grid_); }
  int direction_;
  long grid_;
  long i_ = 0;
};

}  // namespace

std::vector<WeightChange> reversal_changes(const Scorer& scorer, const std::vector<double>& weights,
                                           std::size_t a, std::size_t b) {
  detail::check_weights(weights);
  if (a == b) fail("the two alternatives of a reversal are the same (" + std::to_string(a) + ")");
  std::vector<double> totals;
  scorer(weights, totals);
  const std::size_t n = totals.size();
  if (a >= n || b >= n)
    fail("alternative " + std::to_string(std::max(a, b)) + " out of range (" + std::to_string(n) +
         " alternatives)");
  std::vector<WeightChange> out;
  if (weights.size() < 2) return out;
  const bool reached_at_base = totals[b] - totals[a] >= 0.0;

  for (std::size_t k = 0; k < weights.size(); ++k) {
    WeightChange change;
    change.criterion = k;
    change.weight = weights[k];
    if (reached_at_base) {
      change.new_weight = weights[k];
      out.push_back(change);
      continue;
    }
    const auto reached = [&](double x) {
      detail::score(scorer, with_weight(weights, k, x), totals, n);
      return totals[b] - totals[a] >= 0.0;
    };
    // Both directions at once, nearest grid point first; a direction stops
    // at its first sign change, or when it is farther out than a crossing
    // already found (which must then be the nearest).
    const double w0 = weights[k];
    Walk walks[2] = {Walk(w0, -1, kReversalGrid), Walk(w0, +1, kReversalGrid)};
    double previous[2] = {w0, w0};
    bool open[2] = {true, true};
    double best = std::numeric_limits<double>::quiet_NaN();
    double best_distance = std::numeric_limits<double>::infinity();
    for (;;) {
      int pick = -1;
      for (int d = 0; d < 2; ++d) {
        if (!open[d] || walks[d].done() || std::abs(previous[d] - w0) >= best_distance) continue;
        if (pick < 0 || std::abs(walks[d].x() - w0) < std::abs(walks[pick].x() - w0)) pick = d;
      }
      if (pick < 0) break;
      const double x = walks[pick].x();
      if (reached(x)) {
        const double hit = detail::bisect(reached, previous[pick], x).second;
        if (std::abs(hit - w0) < best_distance) {
          best = hit;
          best_distance = std::abs(hit - w0);
        }
        open[pick] = false;
      } else {
        previous[pick] = x;
        walks[pick].advance();
      }
    }
    change.new_weight = best;
    out.push_back(change);
  }
  return out;
}

std::optional<WeightChange> smallest_change(const std::vector<WeightChange>& changes) {
  std::optional<WeightChange> best;
  for (const auto& change : changes) {
    if (std::isnan(change.new_weight)) continue;
    if (!best || std::abs(change.delta()) < std::abs(best->delta())) best = change;
  }
  return best;
}

std::optional<WeightChange> smallest_reversal(const Scorer& scorer,
                                              const std::vector<double>& weights, std::size_t a,
                                              std::size_t b) {
  return smallest_change(reversal_changes(scorer, weights, a, b));
}

}  // namespace siterank::mcda
