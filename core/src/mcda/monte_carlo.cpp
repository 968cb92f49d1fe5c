// Monte Carlo over Dirichlet weights (see monte_carlo.hpp; the procedure
// in docs/methods.md, "Sensitivity").
#include "mcda/monte_carlo.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <string>

#include "mcda/ranking_order.hpp"
#include "mcda/rng.hpp"
#include "mcda/sensitivity_checks.hpp"
#include "util/parallel_chunks.hpp"

namespace siterank::mcda {

MonteCarloResult monte_carlo(const Scorer& scorer, const std::vector<double>& weights,
                             const std::vector<std::size_t>& tie_order,
                             const std::vector<std::size_t>& tracked,
                             const MonteCarloOptions& options) {
  using detail::fail;
  if (options.samples == 0) fail("samples must be at least 1");
  detail::check_bounded(options.samples, std::numeric_limits<std::uint32_t>::max(), "samples");
  if (!(options.spread > 0.0 && options.spread < 1.0))
    fail("spread " + detail::num(options.spread) + " is not in (0, 1)");
  if (options.top_k == 0) fail("top_k must be at least 1");
  detail::check_weights(weights);

  std::vector<double> base;
  scorer(weights, base);
  const std::size_t n = base.size();
  if (n == 0) fail("no alternatives");
  detail::check_bounded(n, std::numeric_limits<std::uint32_t>::max(), "number of alternatives");
  detail::check_tie_order(tie_order, n);
  for (std::size_t t : tracked)
    if (t >= n)
      fail("tracked alternative " + std::to_string(t) + " out of range (" + std::to_string(n) +
           " alternatives)");

  const std::vector<double> alpha = dirichlet_alpha(weights, options.spread);
  const std::size_t samples = options.samples;
  const std::size_t top_k = std::min(options.top_k, n);
  const std::size_t n_tracked = tracked.size();
  const std::size_t* tie = tie_order.empty() ? nullptr : tie_order.data();

  // Per worker: its own buffers and counts. The top K of a sample is a set
  // fixed by the strict order, whatever the state idx was left in, and
  // counts add up the same in any order: the result does not depend on
  // which worker ran which sample.
  struct Worker {
    std::vector<double> totals;
    std::vector<std::uint32_t> idx;
    std::vector<std::uint32_t> hits;
  };
  const unsigned workers =
      static_cast<unsigned>(std::clamp<std::size_t>(worker_count(options.threads), 1, samples));
  std::vector<Worker> state(workers);
  std::vector<std::uint32_t> ranks(samples * n_tracked);  // [sample][tracked]

  parallel_pieces(samples, workers, [&](std::size_t s, unsigned worker) {
    Worker& w = state.at(worker);
    if (w.idx.empty()) {
      w.totals.resize(n);
      w.idx.resize(n);
      std::iota(w.idx.begin(), w.idx.end(), std::uint32_t{0});
      w.hits.assign(n, 0);
    }
    Rng rng(options.seed, s);
    detail::score(scorer, dirichlet(rng, alpha), w.totals, n);
    const detail::Ahead order{w.totals.data(), tie};
    if (top_k < n) {
      std::nth_element(w.idx.begin(), w.idx.begin() + std::ptrdiff_t(top_k), w.idx.end(),
                       [&](std::uint32_t i, std::uint32_t j) { return order(i, j); });
    }
    for (std::size_t r = 0; r < top_k; ++r) ++w.hits[w.idx[r]];
    for (std::size_t j = 0; j < n_tracked; ++j)
      ranks[s * n_tracked + j] =
          static_cast<std::uint32_t>(1 + detail::count_ahead(order, n, tracked[j]));
  });

  MonteCarloResult result;
  result.samples = samples;
  result.top_k_hits.assign(n, 0);
  for (const Worker& w : state)
    for (std::size_t i = 0; i < w.hits.size(); ++i) result.top_k_hits[i] += w.hits[i];

  const detail::Ahead base_order{base.data(), tie};
  std::vector<std::uint32_t> column(samples);
  for (std::size_t j = 0; j < n_tracked; ++j) {
    RankRange range;
    range.alternative = tracked[j];
    range.base_rank = 1 + detail::count_ahead(base_order, n, tracked[j]);
    for (std::size_t s = 0; s < samples; ++s) column[s] = ranks[s * n_tracked + j];
    const auto [lo, hi] = std::minmax_element(column.begin(), column.end());
    range.rank_min = *lo;
    range.rank_max = *hi;
    const std::size_t mid = samples / 2;
    std::nth_element(column.begin(), column.begin() + std::ptrdiff_t(mid), column.end());
    const double upper = column[mid];
    if (samples % 2 == 1) {
      range.rank_median = upper;
    } else {
      const double lower = *std::max_element(column.begin(), column.begin() + std::ptrdiff_t(mid));
      range.rank_median = 0.5 * (lower + upper);
    }
    result.tracked.push_back(range);
  }
  return result;
}

}  // namespace siterank::mcda
