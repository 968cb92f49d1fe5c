// Sensitivity of a ranking to its weights: the generator against published
// reference outputs, the draws against their moments (a fixed seed, so
// deterministic, with generous bounds), and the reversal, sweep and Monte
// Carlo results against hand-derived values.
#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <iostream>
#include <limits>
#include <stdexcept>
#include <vector>

#include "mcda/sensitivity.hpp"

using namespace siterank::mcda;

namespace {

using Rows = std::vector<std::vector<double>>;  // per alternative: one score per criterion

// The weighted sum over a matrix held by value (read-only: safe from threads).
Scorer weighted_sum(const Rows& rows) {
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

// The weighted geometric mean prod_j s_j^w_j: not linear in the weights, but
// its logarithm is, which gives a closed form to test the generic path.
Scorer weighted_geometric_mean(const Rows& rows) {
  return [rows](const std::vector<double>& w, std::vector<double>& totals) {
    totals.assign(rows.size(), 0.0);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      double log_total = 0.0;
      for (std::size_t j = 0; j < w.size(); ++j) log_total += w[j] * std::log(rows[i][j]);
      totals[i] = std::exp(log_total);
    }
  };
}

// Where b's total reaches a's when weight k is set to x and the others are
// rescaled (with_weight), for a total linear in each score value v_Xj:
//   total_X(x) = x v_Xk + (1 - x) R_X,  R_X = sum_{j != k} w_j v_Xj / (1 - w_k),
// linear in x, so total_a(x) = total_b(x) at
//   x* = (R_a - R_b) / ((v_bk - R_b) - (v_ak - R_a)),
// NaN when the lines are parallel or x* is outside [0, 1]. With v = s this
// is the weighted sum; with v = ln s, the log of the weighted geometric mean.
double closed_form_crossing(const Rows& v, const std::vector<double>& w, std::size_t k,
                            std::size_t a, std::size_t b) {
  const auto rest = [&](std::size_t x) {
    double sum = 0.0;
    for (std::size_t j = 0; j < w.size(); ++j)
      if (j != k) sum += w[j] * v[x][j];
    return sum / (1.0 - w[k]);
  };
  const double ra = rest(a), rb = rest(b);
  const double denominator = (v[b][k] - rb) - (v[a][k] - ra);
  if (denominator == 0.0) return std::numeric_limits<double>::quiet_NaN();
  const double x = (ra - rb) / denominator;
  return x >= 0.0 && x <= 1.0 ? x : std::numeric_limits<double>::quiet_NaN();
}

// Alternatives A, B, C, D on three criteria, weights (0.5, 0.3, 0.2):
//   A (0.9, 0.3, 0.5)  -> 0.45 + 0.09 + 0.10 = 0.64
//   B (0.5, 0.8, 0.6)  -> 0.25 + 0.24 + 0.12 = 0.61
//   C (0.2, 0.5, 0.95) -> 0.10 + 0.15 + 0.19 = 0.44
//   D (0.8, 0.2, 0.4)  -> A - 0.1 on every criterion: 0.54
const Rows kExample = {{0.9, 0.3, 0.5}, {0.5, 0.8, 0.6}, {0.2, 0.5, 0.95}, {0.8, 0.2, 0.4}};
const std::vector<double> kExampleWeights = {0.5, 0.3, 0.2};
constexpr std::size_t A = 0, B = 1, C = 2, D = 3;

struct Moments {
  double mean = 0.0, variance = 0.0;
};

template <class Draw>
Moments moments(std::size_t count, Draw draw) {
  // Welford's running mean and variance.
  Moments m;
  double m2 = 0.0;
  for (std::size_t i = 1; i <= count; ++i) {
    const double x = draw();
    const double delta = x - m.mean;
    m.mean += delta / double(i);
    m2 += delta * (x - m.mean);
  }
  m.variance = m2 / double(count - 1);
  return m;
}

double ulps_apart(double x, double y) {
  if (x == y) return 0.0;
  const double ulp = std::abs(std::nextafter(y, x) - y);
  return std::abs(x - y) / ulp;
}

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

// A random problem: n alternatives, m criteria, scores uniform on [0, 100).
Rows random_rows(std::size_t n, std::size_t m, std::uint64_t seed) {
  Rng rng(seed);
  Rows rows(n, std::vector<double>(m));
  for (auto& row : rows)
    for (double& v : row) v = 100.0 * rng.uniform();
  return rows;
}

}  // namespace

// --- generator

TEST_CASE("xoshiro256** from state {1, 2, 3, 4} gives the reference outputs") {
  // The reference outputs of Blackman & Vigna's xoshiro256** for the state
  // s = {1, 2, 3, 4}, as published with ports of the reference C code.
  // By hand from the algorithm (result = rotl(s1 * 5, 7) * 9, then
  // t = s1 << 17; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 45)):
  //   1st: rotl(2 * 5, 7) * 9 = (10 << 7) * 9 = 1280 * 9 = 11520;
  //        then s2 = 3^1 = 2, s3 = 4^2 = 6, s1 = 2^2 = 0, s0 = 1^6 = 7, ...
  //   2nd: rotl(0 * 5, 7) * 9 = 0.
  const std::uint64_t reference[] = {11520u,
                                     0u,
                                     1509978240u,
                                     1215971899390074240u,
                                     1216172134540287360u,
                                     607988272756665600u,
                                     16172922978634559625u,
                                     8476171486693032832u,
                                     10595114339597558777u,
                                     2904607092377533576u};
  Rng rng = Rng::from_state(1, 2, 3, 4);
  for (std::uint64_t r : reference) CHECK(rng.next() == r);
  CHECK_THROWS_AS(Rng::from_state(0, 0, 0, 0), std::invalid_argument);
}

TEST_CASE("Rng(seed) takes its state from splitmix64(seed)") {
  // splitmix64 from 1234567, its published first outputs (Steele, Lea &
  // Flood's SplitMix64; e.g. Rosetta Code "Pseudo-random numbers/Splitmix64"):
  const std::uint64_t sm[] = {6457827717110365317u, 3203168211198807973u, 9817491932198370423u,
                              4593380528125082431u};
  // Stream 0 is plain splitmix64 seeding, so the first output is
  // rotl(sm[1] * 5, 7) * 9: sm[1] * 5 mod 2^64 = 0xde43b295b9a44e39,
  // rotl(.., 7) = 0x21d94adcd2271cef, times 9 mod 2^64 = 3504822795582309479.
  Rng seeded(1234567);
  CHECK(seeded.next() == 3504822795582309479u);
  Rng seeded_again(1234567, 0);
  Rng from_state = Rng::from_state(sm[0], sm[1], sm[2], sm[3]);
  for (int i = 0; i < 100; ++i) CHECK(seeded_again.next() == from_state.next());
}

TEST_CASE("streams are reproducible and distinct") {
  Rng a(7, 3), b(7, 3), c(7, 4), d(8, 3);
  std::vector<std::uint64_t> xa, xb, xc, xd;
  for (int i = 0; i < 8; ++i) {
    xa.push_back(a.next());
    xb.push_back(b.next());
    xc.push_back(c.next());
    xd.push_back(d.next());
  }
  CHECK(xa == xb);
  CHECK(xa != xc);
  CHECK(xa != xd);
  // Neighbouring streams are not shifted copies of each other.
  for (std::uint64_t v : xa) CHECK(std::find(xc.begin(), xc.end(), v) == xc.end());
}

TEST_CASE("uniform is the top 53 bits and has the moments of U[0, 1)") {
  Rng r1 = Rng::from_state(1, 2, 3, 4), r2 = Rng::from_state(1, 2, 3, 4);
  for (int i = 0; i < 10; ++i) CHECK(r1.uniform() == double(r2.next() >> 11) * 0x1.0p-53);

  Rng rng(42);
  double lo = 1.0, hi = 0.0;
  const auto m = moments(200000, [&] {
    const double u = rng.uniform();
    lo = std::min(lo, u);
    hi = std::max(hi, u);
    return u;
  });
  CHECK(lo >= 0.0);
  CHECK(hi < 1.0);
  CHECK(m.mean == Approx(0.5).margin(0.005));           // sd of the mean 0.0006
  CHECK(m.variance == Approx(1.0 / 12).margin(0.002));  // sd 0.0002
}

TEST_CASE("normal has the moments of N(0, 1)") {
  Rng rng(43);
  std::size_t within_one = 0;
  const std::size_t count = 200000;
  const auto m = moments(count, [&] {
    const double x = rng.normal();
    if (std::abs(x) < 1.0) ++within_one;
    return x;
  });
  CHECK(m.mean == Approx(0.0).margin(0.01));      // sd of the mean 0.0022
  CHECK(m.variance == Approx(1.0).margin(0.02));  // sd 0.0032
  CHECK(double(within_one) / double(count) == Approx(0.682689).margin(0.005));
}

TEST_CASE("gamma(k) has mean k and variance k") {
  for (double k : {0.05, 0.3, 1.0, 2.5, 10.0, 1000.0}) {
    INFO("shape " << k);
    Rng rng(44);
    bool positive = true;
    const auto m = moments(100000, [&] {
      const double g = rng.gamma(k);
      positive = positive && g >= 0.0 && std::isfinite(g);
      return g;
    });
    CHECK(positive);
    // Relative sd of the mean is sqrt(1 / (k n)), of the variance about
    // sqrt((2 + 6 / k) / n): 3.5% for k = 0.05, under 1.5% from k = 0.3.
    CHECK(m.mean == Approx(k).epsilon(k < 0.1 ? 0.05 : 0.03));
    CHECK(m.variance == Approx(k).epsilon(k < 0.1 ? 0.15 : 0.06));
  }
  Rng rng(1);
  CHECK_THROWS_AS(rng.gamma(0.0), std::invalid_argument);
  CHECK_THROWS_AS(rng.gamma(-1.0), std::invalid_argument);
  CHECK_THROWS_AS(rng.gamma(std::nan("")), std::invalid_argument);
  CHECK_THROWS_AS(rng.gamma(std::numeric_limits<double>::infinity()), std::invalid_argument);
}

TEST_CASE("portable log and exp agree with the library's to a few ulp") {
  using detail::portable_exp;
  using detail::portable_log;
  double worst_log = 0.0, worst_exp = 0.0;
  Rng rng(45);
  for (int i = 0; i < 20000; ++i) {
    // x across the whole range, and near 1 where log is small.
    const double x = std::ldexp(0.5 + 0.5 * rng.uniform(), int(rng.next() % 2100) - 1070);
    worst_log = std::max(worst_log, ulps_apart(portable_log(x), std::log(x)));
    const double near_one = 1.0 + (rng.uniform() - 0.5) * 1e-3;
    worst_log = std::max(worst_log, ulps_apart(portable_log(near_one), std::log(near_one)));
    const double y = (rng.uniform() - 0.5) * 1400.0;
    worst_exp = std::max(worst_exp, ulps_apart(portable_exp(y), std::exp(y)));
    const double small = (rng.uniform() - 0.5) * 1e-3;
    worst_exp = std::max(worst_exp, ulps_apart(portable_exp(small), std::exp(small)));
  }
  INFO("worst log " << worst_log << " ulp, worst exp " << worst_exp << " ulp");
  CHECK(worst_log <= 4.0);
  CHECK(worst_exp <= 4.0);
  CHECK(portable_log(1.0) == 0.0);
  CHECK(portable_exp(0.0) == 1.0);
  CHECK(portable_log(0.0) == -std::numeric_limits<double>::infinity());
  CHECK(std::isnan(portable_log(-1.0)));
  CHECK(portable_log(std::numeric_limits<double>::infinity()) ==
        std::numeric_limits<double>::infinity());
  CHECK(portable_log(std::numeric_limits<double>::denorm_min()) == Approx(-744.44007192138126));
  CHECK(portable_exp(-1000.0) == 0.0);
  CHECK(portable_exp(1000.0) == std::numeric_limits<double>::infinity());
  CHECK(portable_exp(-744.0) > 0.0);  // subnormal
}

// --- Dirichlet

TEST_CASE("dirichlet_alpha is w (1/S^2 - 1)") {
  // S = 0.2: 1/0.04 - 1 = 24.
  const auto alpha = dirichlet_alpha({0.5, 0.3, 0.2, 0.0}, 0.2);
  REQUIRE(alpha.size() == 4);
  CHECK(alpha[0] == Approx(12.0));
  CHECK(alpha[1] == Approx(7.2));
  CHECK(alpha[2] == Approx(4.8));
  CHECK(alpha[3] == 0.0);
  CHECK_THROWS_AS(dirichlet_alpha({0.5, 0.5}, 0.0), std::invalid_argument);
  CHECK_THROWS_AS(dirichlet_alpha({0.5, 0.5}, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(dirichlet_alpha({0.5, 0.5}, std::nan("")), std::invalid_argument);
  CHECK_THROWS_AS(dirichlet_alpha({1.5, -0.5}, 0.1), std::invalid_argument);
}

TEST_CASE("dirichlet draws have mean w and sd S sqrt(w (1 - w))") {
  const std::vector<double> w = {0.5, 0.3, 0.15, 0.05, 0.0};
  const double spread = 0.2;
  const auto alpha = dirichlet_alpha(w, spread);
  Rng rng(46);
  const std::size_t count = 50000;
  std::vector<double> sum(w.size()), sum2(w.size());
  double worst_sum_error = 0.0;
  bool zero_stays_zero = true;
  for (std::size_t s = 0; s < count; ++s) {
    const auto d = dirichlet(rng, alpha);
    double total = 0.0;
    for (std::size_t i = 0; i < w.size(); ++i) {
      sum[i] += d[i];
      sum2[i] += d[i] * d[i];
      total += d[i];
    }
    worst_sum_error = std::max(worst_sum_error, std::abs(total - 1.0));
    zero_stays_zero = zero_stays_zero && d[4] == 0.0;
  }
  CHECK(zero_stays_zero);
  CHECK(worst_sum_error < 1e-12);
  for (std::size_t i = 0; i < 4; ++i) {
    INFO("component " << i);
    const double mean = sum[i] / double(count);
    const double sd = std::sqrt(sum2[i] / double(count) - mean * mean);
    CHECK(mean == Approx(w[i]).margin(0.005));
    CHECK(sd == Approx(spread * std::sqrt(w[i] * (1 - w[i]))).epsilon(0.05));
  }
}

TEST_CASE("dirichlet is the normalised gamma draws, and survives tiny alphas") {
  const std::vector<double> alpha = {3.0, 0.4, 12.0};
  Rng r1(47, 5), r2(47, 5);
  const auto d = dirichlet(r1, alpha);
  double g[3], total = 0.0;
  for (int i = 0; i < 3; ++i) total += g[i] = r2.gamma(alpha[i]);
  for (int i = 0; i < 3; ++i) CHECK(d[i] == Approx(g[i] / total).epsilon(1e-12));

  // alpha 0.001: U^(1/alpha) underflows to 0 for most U, yet every draw
  // is a proper point of the simplex.
  Rng rng(48);
  for (int s = 0; s < 2000; ++s) {
    const auto x = dirichlet(rng, {0.001, 0.002, 0.001});
    double sum = 0.0;
    for (double v : x) {
      REQUIRE(std::isfinite(v));
      REQUIRE(v >= 0.0);
      sum += v;
    }
    REQUIRE(sum == Approx(1.0).margin(1e-12));
  }
  CHECK_THROWS_AS(dirichlet(rng, {0.0, 0.0}), std::invalid_argument);
  CHECK_THROWS_AS(dirichlet(rng, {1.0, -1.0}), std::invalid_argument);
}

// --- with_weight and ranking

TEST_CASE("with_weight rescales the other weights in proportion") {
  // {0.5, 0.3, 0.2}, weight 0 to 0.2: the others share 0.8 in the ratio
  // 0.3 : 0.2, i.e. times 0.8 / 0.5 = 1.6: 0.48 and 0.32.
  auto w = with_weight({0.5, 0.3, 0.2}, 0, 0.2);
  CHECK(w[0] == 0.2);
  CHECK(w[1] == Approx(0.48));
  CHECK(w[2] == Approx(0.32));
  // Weight 1 to 0.6: the others share 0.4 in the ratio 0.5 : 0.2.
  w = with_weight({0.5, 0.3, 0.2}, 1, 0.6);
  CHECK(w[0] == Approx(0.4 * 5 / 7));
  CHECK(w[1] == 0.6);
  CHECK(w[2] == Approx(0.4 * 2 / 7));
  w = with_weight({0.5, 0.3, 0.2}, 2, 1.0);
  CHECK(w == std::vector<double>{0.0, 0.0, 1.0});
  // The others all 0: they share 1 - x equally.
  w = with_weight({1.0, 0.0, 0.0}, 0, 0.4);
  CHECK(w[0] == 0.4);
  CHECK(w[1] == Approx(0.3));
  CHECK(w[2] == Approx(0.3));
  CHECK_THROWS_AS(with_weight({0.5, 0.5}, 2, 0.5), std::invalid_argument);
  CHECK_THROWS_AS(with_weight({0.5, 0.5}, 0, 1.5), std::invalid_argument);
  CHECK_THROWS_AS(with_weight({0.5, 0.5}, 0, -0.1), std::invalid_argument);
}

TEST_CASE("ranking orders by total, then tie_order, then index; NaN last") {
  const double nan = std::nan("");
  const std::vector<double> totals = {3.0, 5.0, 3.0, nan, 5.0, 1.0, nan};
  CHECK(ranking(totals, {}) == std::vector<std::size_t>{1, 4, 0, 2, 5, 3, 6});
  CHECK(ranking(totals, {9, 2, 0, 4, 1, 0, 3}) == std::vector<std::size_t>{4, 1, 2, 0, 5, 6, 3});
  CHECK(ranking(totals, {0, 0, 0, 0, 0, 0, 0}) == std::vector<std::size_t>{1, 4, 0, 2, 5, 3, 6});
  CHECK_THROWS_AS(ranking(totals, {1, 2}), std::invalid_argument);
}

// --- reversal

TEST_CASE("reversal of a weighted sum at the hand-derived weights") {
  // a = A (0.64) ahead of b = B (0.61). With R_X as in closed_form_crossing:
  // k = 0 (w 0.5): R_A = (0.3*0.3 + 0.2*0.5)/0.5 = 0.38, R_B = (0.24+0.12)/0.5 = 0.72;
  //   total_A = 0.38 + 0.52 x, total_B = 0.72 - 0.22 x: equal at x = 0.34/0.74 = 17/37.
  // k = 1 (w 0.3): R_A = (0.45+0.10)/0.7 = 11/14, R_B = (0.25+0.12)/0.7 = 37/70;
  //   total_B - total_A = 0.5 x - (1 - x) 9/35 = 0 at x = 18/53.
  // k = 2 (w 0.2): R_A = (0.45+0.09)/0.8 = 0.675, R_B = (0.25+0.24)/0.8 = 0.6125;
  //   total_B - total_A = 0.1 x - 0.0625 (1 - x) = 0 at x = 0.0625/0.1625 = 5/13.
  const auto scorer = weighted_sum(kExample);
  const auto changes = reversal_changes(scorer, kExampleWeights, A, B);
  REQUIRE(changes.size() == 3);
  const double expected[] = {17.0 / 37, 18.0 / 53, 5.0 / 13};
  for (std::size_t k = 0; k < 3; ++k) {
    INFO("criterion " << k);
    CHECK(changes[k].criterion == k);
    CHECK(changes[k].weight == kExampleWeights[k]);
    CHECK(std::abs(changes[k].new_weight - expected[k]) <= 1e-9);
    CHECK(std::abs(changes[k].new_weight -
                   closed_form_crossing(kExample, kExampleWeights, k, A, B)) <= 1e-9);
    // The same through Triantaphyllou & Sanchez's change of one weight
    // followed by renormalisation: delta = (P_B - P_A) / (s_Ak - s_Bk) with
    // P the base totals (-0.075, 0.06, 0.3), then x = (w_k + delta) / (1 + delta).
    const double ts_delta = (0.61 - 0.64) / (kExample[A][k] - kExample[B][k]);
    CHECK(changes[k].new_weight ==
          Approx((kExampleWeights[k] + ts_delta) / (1 + ts_delta)).margin(1e-9));
    // On the side where B has reached A.
    std::vector<double> t;
    scorer(with_weight(kExampleWeights, k, changes[k].new_weight), t);
    CHECK(t[B] >= t[A]);
  }
  // |delta|: 0.0405, 0.0396, 0.185: the second criterion.
  const auto smallest = smallest_reversal(scorer, kExampleWeights, A, B);
  REQUIRE(smallest);
  CHECK(smallest->criterion == 1);
  CHECK(smallest->delta() == Approx(18.0 / 53 - 0.3).margin(1e-9));

  // C reaches A at 3/10, 13/20 and 29/65 (the same algebra).
  const auto c = reversal_changes(scorer, kExampleWeights, A, C);
  CHECK(std::abs(c[0].new_weight - 0.3) <= 1e-9);
  CHECK(std::abs(c[1].new_weight - 0.65) <= 1e-9);
  CHECK(std::abs(c[2].new_weight - 29.0 / 65) <= 1e-9);

  // D is A - 0.1 on every criterion: no single weight makes it reach A.
  const auto d = reversal_changes(scorer, kExampleWeights, A, D);
  REQUIRE(d.size() == 3);
  for (const auto& change : d) CHECK(std::isnan(change.new_weight));
  CHECK_FALSE(smallest_reversal(scorer, kExampleWeights, A, D));
}

TEST_CASE("reversal matches the closed form on random weighted sums") {
  Rng rng(49);
  int crossings = 0, none = 0;
  for (int problem = 0; problem < 40; ++problem) {
    const Rows rows = random_rows(2, 4, 100 + problem);
    const auto w = dirichlet(rng, {2.0, 2.0, 2.0, 2.0});
    const auto scorer = weighted_sum(rows);
    std::vector<double> t;
    scorer(w, t);
    const std::size_t a = t[0] > t[1] ? 0 : 1, b = 1 - a;
    const auto changes = reversal_changes(scorer, w, a, b);
    REQUIRE(changes.size() == 4);
    for (std::size_t k = 0; k < 4; ++k) {
      const double expected = closed_form_crossing(rows, w, k, a, b);
      INFO("problem " << problem << " criterion " << k << " expected " << expected);
      if (std::isnan(expected)) {
        ++none;
        CHECK(std::isnan(changes[k].new_weight));
      } else {
        ++crossings;
        CHECK(std::abs(changes[k].new_weight - expected) <= 1e-9);
      }
    }
  }
  CHECK(crossings > 20);
  CHECK(none > 20);
}

TEST_CASE("reversal of a weighted geometric mean: the generic path") {
  // log prod s^w = sum w ln s is linear in the weights: the closed form on
  // ln s. Totals 5.76, 5.97 and 3.60: the second leads. Against the first
  // the crossings are at 0.529, 0.273 and (for criterion 2) -0.0024, out of
  // [0, 1]; against the third at 0.620 for criterion 2 only.
  const Rows rows = {{9, 3, 5}, {5, 8, 6}, {2, 5, 9.5}};
  Rows logs = rows;
  for (auto& row : logs)
    for (double& v : row) v = std::log(v);
  const auto scorer = weighted_geometric_mean(rows);
  std::vector<double> t;
  scorer(kExampleWeights, t);
  REQUIRE(t[1] > t[0]);
  REQUIRE(t[0] > t[2]);
  int crossings = 0;
  for (std::size_t b : {0, 2}) {
    const auto changes = reversal_changes(scorer, kExampleWeights, 1, b);
    REQUIRE(changes.size() == 3);
    for (std::size_t k = 0; k < 3; ++k) {
      const double expected = closed_form_crossing(logs, kExampleWeights, k, 1, b);
      INFO("b " << b << " criterion " << k << " expected " << expected);
      if (std::isnan(expected)) {
        CHECK(std::isnan(changes[k].new_weight));
      } else {
        ++crossings;
        CHECK(std::abs(changes[k].new_weight - expected) <= 1e-9);
      }
    }
  }
  CHECK(crossings == 3);
}

TEST_CASE("reversal finds the nearer of two crossings, either side") {
  // total_b - total_a = (w0 - 0.4)^2 - 0.01: zero at w0 = 0.3 and 0.5.
  const Scorer bowl = [](const std::vector<double>& w, std::vector<double>& totals) {
    totals = {0.0, (w[0] - 0.4) * (w[0] - 0.4) - 0.01};
  };
  // Base 0.42: 0.5 is 0.08 away, 0.3 is 0.12. For criterion 1 (base 0.58),
  // w0 = 1 - x: zero at x = 0.5 (0.08 away) and 0.7 (0.12).
  auto changes = reversal_changes(bowl, {0.42, 0.58}, 0, 1);
  REQUIRE(changes.size() == 2);
  CHECK(std::abs(changes[0].new_weight - 0.5) <= 1e-9);
  CHECK(std::abs(changes[1].new_weight - 0.5) <= 1e-9);
  // Base 0.38: 0.3 is nearer; criterion 1 at 0.62: 0.7 is nearer.
  changes = reversal_changes(bowl, {0.38, 0.62}, 0, 1);
  CHECK(std::abs(changes[0].new_weight - 0.3) <= 1e-9);
  CHECK(std::abs(changes[1].new_weight - 0.7) <= 1e-9);
}

TEST_CASE("reversal edge cases") {
  const auto scorer = weighted_sum(kExample);
  // b already level with or ahead of a: delta 0.
  const Rows level = {{0.5, 0.5}, {0.4, 0.6}};  // 0.5 and 0.5 at equal weights
  for (const auto& change : reversal_changes(weighted_sum(level), {0.5, 0.5}, 0, 1))
    CHECK(change.delta() == 0.0);
  for (const auto& change : reversal_changes(scorer, kExampleWeights, B, A))
    CHECK(change.delta() == 0.0);
  // One criterion: no reversal by a weight change.
  const Rows single = {{0.9}, {0.1}};
  CHECK(reversal_changes(weighted_sum(single), {1.0}, 0, 1).empty());
  CHECK_FALSE(smallest_reversal(weighted_sum(single), {1.0}, 0, 1));
  CHECK_THROWS_AS(reversal_changes(scorer, kExampleWeights, A, A), std::invalid_argument);
  CHECK_THROWS_AS(reversal_changes(scorer, kExampleWeights, A, 9), std::invalid_argument);
  CHECK_THROWS_AS(reversal_changes(scorer, {0.5, 0.3, 0.3}, A, B), std::invalid_argument);
  CHECK_THROWS_AS(reversal_changes(scorer, {0.5, 0.6, -0.1}, A, B), std::invalid_argument);
}

// --- one at a time

TEST_CASE("one_at_a_time: leaders and stable intervals of the hand example") {
  // Leader A at the base weights. Each total is linear in x (see the
  // reversal test); the leader changes:
  //   k = 0: B below 17/37 (B - C = 0.04 + 0.26 x > 0), A above: [17/37, 1];
  //   k = 1: A below 18/53, B above: [0, 18/53];
  //   k = 2: A below 5/13, B up to 6/13 (B = C at 0.3/0.65), C above: [0, 5/13].
  const auto sweeps = one_at_a_time(weighted_sum(kExample), kExampleWeights, {}, 20);
  REQUIRE(sweeps.size() == 3);
  const std::vector<std::vector<std::size_t>> leaders = {
      {B, B, B, B, B, B, B, B, B, B, A, A, A, A, A, A, A, A, A, A, A},
      {A, A, A, A, A, A, A, B, B, B, B, B, B, B, B, B, B, B, B, B, B},
      {A, A, A, A, A, A, A, A, B, B, C, C, C, C, C, C, C, C, C, C, C}};
  const double low[] = {17.0 / 37, 0.0, 0.0}, high[] = {1.0, 18.0 / 53, 5.0 / 13};
  for (std::size_t k = 0; k < 3; ++k) {
    INFO("criterion " << k);
    const Sweep& s = sweeps[k];
    CHECK(s.criterion == k);
    REQUIRE(s.weight.size() == 21);
    for (std::size_t i = 0; i <= 20; ++i) CHECK(s.weight[i] == Approx(i / 20.0));
    CHECK(s.weight.front() == 0.0);
    CHECK(s.weight.back() == 1.0);
    CHECK(s.leader == leaders[k]);
    CHECK(std::abs(s.stable_low - low[k]) <= 1e-9);
    CHECK(std::abs(s.stable_high - high[k]) <= 1e-9);
    CHECK(s.stable_low <= kExampleWeights[k]);
    CHECK(s.stable_high >= kExampleWeights[k]);
  }
  CHECK(one_at_a_time(weighted_sum({{1.0}, {0.5}}), {1.0}, {}).empty());
  CHECK_THROWS_AS(one_at_a_time(weighted_sum(kExample), kExampleWeights, {}, 0),
                  std::invalid_argument);
  CHECK_THROWS_AS(one_at_a_time(weighted_sum(kExample), kExampleWeights, {0, 1}),
                  std::invalid_argument);
}

TEST_CASE("one_at_a_time breaks equal totals by tie_order") {
  // Equal weights, A (1, 0) and B (0, 1) tie at the base: tie_order says B.
  const Rows rows = {{1.0, 0.0}, {0.0, 1.0}};
  const auto sweeps = one_at_a_time(weighted_sum(rows), {0.5, 0.5}, {1, 0}, 4);
  REQUIRE(sweeps.size() == 2);
  // Criterion 0 at x: A = x, B = 1 - x; B stays first up to 0.5 (the tie).
  CHECK(sweeps[0].leader == std::vector<std::size_t>{1, 1, 1, 0, 0});
  CHECK(sweeps[0].stable_low == 0.0);
  CHECK(std::abs(sweeps[0].stable_high - 0.5) <= 1e-9);
  CHECK(sweeps[1].leader == std::vector<std::size_t>{0, 0, 1, 1, 1});
  CHECK(std::abs(sweeps[1].stable_low - 0.5) <= 1e-9);
  CHECK(sweeps[1].stable_high == 1.0);
}

// --- Monte Carlo

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
