// Monte Carlo over Dirichlet weights (mcda/monte_carlo.hpp): results known
// by construction, the documented procedure replayed sample by sample,
// determinism across threads and seeds, and the validation of its options.
#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <iostream>
#include <stdexcept>
#include <vector>

#include "mcda/monte_carlo.hpp"
#include "mcda/ranking_order.hpp"
#include "mcda/rng.hpp"
#include "sensitivity_problems.hpp"

using namespace siterank::mcda;
using namespace sensitivity_problems;

namespace {

bool same(const MonteCarloResult& x, const MonteCarloResult& y) {
  if (x.samples != y.samples || x.top_k_hits != y.top_k_hits ||
      x.tracked.size() != y.tracked.size())
    return false;
  for (std::size_t j = 0; j < x.tracked.size(); ++j) {
    const RankRange &p = x.tracked[j], &q = y.tracked[j];
    if (p.alternative != q.alternative || p.base_rank != q.base_rank || p.rank_min != q.rank_min ||
        p.rank_max != q.rank_max || p.rank_median != q.rank_median)
      return false;
  }
  return true;
}

}  // namespace

TEST_CASE("monte_carlo: a dominating alternative is always first") {
  Rows rows = random_rows(50, 4, 7);
  for (auto& row : rows)
    for (double& v : row) v = std::min(v, 99.0);
  rows[17] = {99.5, 99.5, 99.5, 99.5};
  MonteCarloOptions options;
  options.samples = 300;
  options.spread = 0.3;
  options.top_k = 1;
  const auto result = monte_carlo(weighted_sum(rows), {0.4, 0.3, 0.2, 0.1}, {}, {17, 3}, options);
  CHECK(result.samples == 300);
  REQUIRE(result.top_k_hits.size() == 50);
  CHECK(result.p_top_k(17) == 1.0);
  for (std::size_t i = 0; i < 50; ++i)
    if (i != 17) CHECK(result.top_k_hits[i] == 0);
  REQUIRE(result.tracked.size() == 2);
  const RankRange& r = result.tracked[0];
  CHECK(r.alternative == 17);
  CHECK(r.base_rank == 1);
  CHECK(r.rank_min == 1);
  CHECK(r.rank_max == 1);
  CHECK(r.rank_median == 1.0);
  CHECK(result.tracked[1].alternative == 3);
  CHECK(result.tracked[1].rank_min >= 2);
}

TEST_CASE("monte_carlo: two alternatives symmetric under swapping the criteria share first place") {
  // Equal weights; A (1, 0) and B (0, 1) swap with the criteria, and the
  // Dirichlet around (0.5, 0.5) is symmetric too: each leads about half the
  // samples (binomial sd 0.008 for 4000 samples). C and D never lead: their
  // totals stay below max(w0, w1) >= 0.5.
  const Rows rows = {{1.0, 0.0}, {0.0, 1.0}, {0.4, 0.4}, {0.3, 0.45}};
  MonteCarloOptions options;
  options.samples = 4000;
  options.spread = 0.3;
  options.top_k = 1;
  const auto result = monte_carlo(weighted_sum(rows), {0.5, 0.5}, {}, {0, 1}, options);
  CHECK(result.p_top_k(0) == Approx(0.5).margin(0.05));
  CHECK(result.p_top_k(1) == Approx(0.5).margin(0.05));
  CHECK(result.top_k_hits[0] + result.top_k_hits[1] == 4000);
  CHECK(result.tracked[0].rank_min == 1);
  CHECK(result.tracked[0].rank_max <= 4);  // below C and D when w0 < 0.4
}

TEST_CASE("monte_carlo is the documented procedure, sample by sample") {
  // Sample s: Rng(seed, s), dirichlet(dirichlet_alpha(w, S)), totals, the
  // full ranking; the top K and each tracked rank from it. Medians of an
  // even (10) and odd (11) number of samples.
  const Rows rows = random_rows(30, 3, 8);
  const auto scorer = weighted_sum(rows);
  const std::vector<double> w = {0.2, 0.5, 0.3};
  std::vector<std::size_t> tie(30);
  for (std::size_t i = 0; i < 30; ++i) tie[i] = (i * 7) % 30;
  const std::vector<std::size_t> tracked = {4, 0, 29, 4};
  for (std::size_t samples : {10u, 11u}) {
    MonteCarloOptions options;
    options.samples = samples;
    options.spread = 0.5;
    options.top_k = 5;
    options.seed = 99;
    options.threads = 2;
    const auto result = monte_carlo(scorer, w, tie, tracked, options);

    std::vector<std::uint32_t> hits(30, 0);
    std::vector<std::vector<std::size_t>> ranks(tracked.size());
    std::vector<double> totals;
    for (std::size_t s = 0; s < samples; ++s) {
      Rng rng(99, s);
      scorer(dirichlet(rng, dirichlet_alpha(w, 0.5)), totals);
      const auto order = ranking(totals, tie);
      for (std::size_t r = 0; r < 5; ++r) ++hits[order[r]];
      for (std::size_t j = 0; j < tracked.size(); ++j)
        ranks[j].push_back(std::find(order.begin(), order.end(), tracked[j]) - order.begin() + 1);
    }
    scorer(w, totals);
    const auto base_order = ranking(totals, tie);
    CHECK(result.samples == samples);
    CHECK(result.top_k_hits == hits);
    REQUIRE(result.tracked.size() == tracked.size());
    for (std::size_t j = 0; j < tracked.size(); ++j) {
      INFO("samples " << samples << " tracked " << j);
      auto r = ranks[j];
      std::sort(r.begin(), r.end());
      const double median =
          samples % 2 ? double(r[samples / 2]) : 0.5 * double(r[samples / 2 - 1] + r[samples / 2]);
      const RankRange& got = result.tracked[j];
      CHECK(got.alternative == tracked[j]);
      CHECK(got.base_rank ==
            std::size_t(std::find(base_order.begin(), base_order.end(), tracked[j]) -
                        base_order.begin() + 1));
      CHECK(got.rank_min == r.front());
      CHECK(got.rank_max == r.back());
      CHECK(got.rank_median == median);
    }
  }
}

TEST_CASE("monte_carlo gives the same result for any thread count") {
  const Rows rows = random_rows(500, 4, 9);
  MonteCarloOptions options;
  options.samples = 200;
  options.spread = 0.2;
  options.top_k = 10;
  options.seed = 5;
  const auto scorer = weighted_sum(rows);
  const std::vector<double> w = {0.4, 0.3, 0.2, 0.1};
  const std::vector<std::size_t> tracked = {0, 5, 17, 499};
  options.threads = 1;
  const auto one = monte_carlo(scorer, w, {}, tracked, options);
  for (unsigned threads : {2u, 3u, 0u}) {
    INFO("threads " << threads);
    options.threads = threads;
    CHECK(same(one, monte_carlo(scorer, w, {}, tracked, options)));
  }
  // top_k above the number of alternatives: every one, every sample.
  options.top_k = 1000;
  const auto all = monte_carlo(scorer, w, {}, tracked, options);
  CHECK(std::all_of(all.top_k_hits.begin(), all.top_k_hits.end(),
                    [](std::uint32_t h) { return h == 200; }));
}

TEST_CASE("monte_carlo: a seed reproduces, another seed differs but agrees") {
  const Rows rows = random_rows(60, 4, 10);
  const auto scorer = weighted_sum(rows);
  const std::vector<double> w = {0.25, 0.25, 0.25, 0.25};
  MonteCarloOptions options;
  options.samples = 1000;
  options.spread = 0.15;
  options.top_k = 5;
  options.seed = 1;
  const auto first = monte_carlo(scorer, w, {}, {0, 1}, options);
  CHECK(same(first, monte_carlo(scorer, w, {}, {0, 1}, options)));
  options.seed = 2;
  const auto other = monte_carlo(scorer, w, {}, {0, 1}, options);
  CHECK(first.top_k_hits != other.top_k_hits);
  double worst = 0.0;
  for (std::size_t i = 0; i < 60; ++i)
    worst = std::max(worst, std::abs(first.p_top_k(i) - other.p_top_k(i)));
  INFO("largest difference of p_top_k " << worst);
  CHECK(worst < 0.1);  // binomial sd of a difference at most 0.022
}

TEST_CASE("monte_carlo validates its options") {
  const auto scorer = weighted_sum(kExample);
  MonteCarloOptions good;
  good.samples = 10;
  CHECK_NOTHROW(monte_carlo(scorer, kExampleWeights, {}, {0}, good));
  auto bad = good;
  bad.samples = 0;
  CHECK_THROWS_AS(monte_carlo(scorer, kExampleWeights, {}, {}, bad), std::invalid_argument);
  for (double spread : {0.0, 1.0, -0.1, 1.5, std::nan("")}) {
    bad = good;
    bad.spread = spread;
    CHECK_THROWS_AS(monte_carlo(scorer, kExampleWeights, {}, {}, bad), std::invalid_argument);
  }
  bad = good;
  bad.top_k = 0;
  CHECK_THROWS_AS(monte_carlo(scorer, kExampleWeights, {}, {}, bad), std::invalid_argument);
  CHECK_THROWS_WITH(monte_carlo(scorer, {0.5, 0.3, 0.1}, {}, {}, good),
                    "sensitivity: weights sum to 0.9, not 1");
  CHECK_THROWS_WITH(monte_carlo(scorer, {0.5, 0.6, -0.1}, {}, {}, good),
                    "sensitivity: weight of criterion 2 is -0.1, not finite and >= 0");
  bad = good;
  bad.spread = 1e-200;  // 1/S^2 overflows
  CHECK_THROWS_WITH(monte_carlo(scorer, kExampleWeights, {}, {}, bad),
                    "sensitivity: spread 1e-200 is too small");
  CHECK_THROWS_AS(monte_carlo(scorer, {}, {}, {}, good), std::invalid_argument);
  CHECK_THROWS_AS(monte_carlo(scorer, kExampleWeights, {}, {4}, good), std::invalid_argument);
  CHECK_THROWS_AS(monte_carlo(scorer, kExampleWeights, {0, 1}, {}, good), std::invalid_argument);
  // A scorer that returns the wrong number of totals after the first call.
  const Scorer shrinking = [](const std::vector<double>& w, std::vector<double>& totals) {
    totals.assign(w[0] == 0.5 ? 4 : 3, 0.0);
  };
  CHECK_THROWS_AS(monte_carlo(shrinking, kExampleWeights, {}, {}, good), std::invalid_argument);
  // The scorer's own exceptions propagate, from any thread.
  const Scorer throwing = [](const std::vector<double>& w, std::vector<double>& totals) {
    if (w[0] != 0.5) throw std::runtime_error("scorer failed");
    totals.assign(4, 0.0);
  };
  good.threads = 3;
  CHECK_THROWS_AS(monte_carlo(throwing, kExampleWeights, {}, {}, good), std::runtime_error);
}

TEST_CASE("monte_carlo: 1000 samples over 100,000 alternatives", "[.perf]") {
  const std::size_t n = 100000;
  const Rows rows = random_rows(n, 4, 11);
  const auto scorer = weighted_sum(rows);
  const std::vector<double> w = {0.4, 0.3, 0.2, 0.1};
  std::vector<double> totals;
  scorer(w, totals);
  const auto order = ranking(totals, {});
  const std::vector<std::size_t> tracked(order.begin(), order.begin() + 10);
  for (unsigned threads : {1u, 2u}) {
    MonteCarloOptions options;
    options.samples = 1000;
    options.spread = 0.1;
    options.top_k = 10;
    options.threads = threads;
    const auto start = std::chrono::steady_clock::now();
    const auto result = monte_carlo(scorer, w, {}, tracked, options);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "monte_carlo: " << options.samples << " samples, " << n
              << " alternatives x 4 criteria, top 10, 10 tracked, " << threads
              << " thread(s): " << seconds << " s\n";
    CHECK(result.tracked[0].base_rank == 1);
  }
}
