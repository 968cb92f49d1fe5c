// The portable generator (mcda/rng.hpp): xoshiro256** against published
// reference outputs, its seeding against splitmix64's, the uniform, normal
// and gamma draws against their moments (a fixed seed, so deterministic,
// with generous bounds), and the Dirichlet against its mean and sd.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

#include "mcda/rng.hpp"

using namespace siterank::mcda;

namespace {

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

TEST_CASE("from_splitmix64(z) takes its state from splitmix64 started at z") {
  // The same published splitmix64 outputs from 1234567 as above.
  const std::uint64_t sm[] = {6457827717110365317u, 3203168211198807973u, 9817491932198370423u,
                              4593380528125082431u};
  Rng started = Rng::from_splitmix64(1234567);
  Rng from_state = Rng::from_state(sm[0], sm[1], sm[2], sm[3]);
  Rng stream_zero(1234567, 0);  // mix(0) = 0: the same starting point
  for (int i = 0; i < 100; ++i) {
    const std::uint64_t x = started.next();
    CHECK(x == from_state.next());
    CHECK(x == stream_zero.next());
  }
  // Other streams start elsewhere than at seed ^ stream.
  CHECK(Rng::from_splitmix64(1234567 ^ 3).next() != Rng(1234567, 3).next());
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
