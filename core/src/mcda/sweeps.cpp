// One-at-a-time weight sweeps (see sweeps.hpp).
#include "mcda/sweeps.hpp"

#include <utility>

#include "mcda/bisection.hpp"
#include "mcda/ranking_order.hpp"
#include "mcda/sensitivity_checks.hpp"
#include "mcda/with_weight.hpp"

namespace siterank::mcda {

std::vector<Sweep> one_at_a_time(const Scorer& scorer, const std::vector<double>& weights,
                                 const std::vector<std::size_t>& tie_order, std::size_t steps) {
  using detail::fail;
  if (steps == 0) fail("steps must be at least 1");
  detail::check_bounded(steps, 1u << 30, "steps");
  detail::check_weights(weights);
  std::vector<double> totals;
  scorer(weights, totals);
  const std::size_t n = totals.size();
  if (n == 0) fail("no alternatives");
  detail::check_tie_order(tie_order, n);
  std::vector<Sweep> out;
  if (weights.size() < 2) return out;
  const std::size_t base_leader = detail::leader_of(detail::make_order(totals, tie_order), n);

  for (std::size_t k = 0; k < weights.size(); ++k) {
    const auto leader_at = [&](double x) {
      detail::score(scorer, with_weight(weights, k, x), totals, n);
      return detail::leader_of(detail::make_order(totals, tie_order), n);
    };
    const auto changed = [&](double x) { return leader_at(x) != base_leader; };
    Sweep sweep;
    sweep.criterion = k;
    for (std::size_t i = 0; i <= steps; ++i) {
      const double x = double(i) / double(steps);
      sweep.weight.push_back(x);
      sweep.leader.push_back(leader_at(x));
    }
    // Out from the base weight through the sweep's points, each way, to the
    // first point with another leader; the end is then bisected.
    const double w0 = weights[k];
    sweep.stable_high = 1.0;
    double previous = w0;
    for (std::size_t i = 0; i <= steps; ++i) {
      const double x = sweep.weight[i];
      if (x <= w0) continue;
      if (sweep.leader[i] != base_leader) {
        sweep.stable_high = detail::bisect(changed, previous, x).first;
        break;
      }
      previous = x;
    }
    sweep.stable_low = 0.0;
    previous = w0;
    for (std::size_t i = steps + 1; i-- > 0;) {
      const double x = sweep.weight[i];
      if (x >= w0) continue;
      if (sweep.leader[i] != base_leader) {
        sweep.stable_low = detail::bisect(changed, previous, x).first;
        break;
      }
      previous = x;
    }
    out.push_back(std::move(sweep));
  }
  return out;
}

}  // namespace siterank::mcda
