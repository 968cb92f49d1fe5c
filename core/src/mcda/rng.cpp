// The portable generator, its draws and the Dirichlet (see rng.hpp;
// definitions and sources in docs/methods.md, "Sensitivity").
#include "mcda/rng.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "mcda/portable_math.hpp"
#include "mcda/sensitivity_checks.hpp"

// Portability of the draws needs every floating-point operation rounded on
// its own: no fused multiply-add. Clang honours this pragma; GCC (which
// fuses by default on targets with FMA, e.g. aarch64) needs
// -ffp-contract=off, which core/CMakeLists.txt sets for the whole of
// siterank_mcda.
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#endif

namespace siterank::mcda {
namespace {

using detail::fail;
using detail::num;
using detail::portable_exp;
using detail::portable_log;

// --- splitmix64 and xoshiro256** (Steele, Lea & Flood 2014; Blackman & Vigna)

constexpr std::uint64_t kGoldenGamma = 0x9E3779B97F4A7C15ULL;

// splitmix64's output function; a bijection with mix64(0) == 0.
std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

// --- gamma

// Marsaglia & Tsang (2000) for shape a >= 1: d v with d = a - 1/3,
// v = (1 + c x)^3, c = 1 / sqrt(9 d), x standard normal; the squeeze
// U < 1 - 0.0331 x^4 accepts most draws without the logarithms.
double gamma_at_least_one(Rng& rng, double a) {
  const double d = a - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    double x = 0.0, v = 0.0;
    do {
      x = rng.normal();
      v = 1.0 + c * x;
    } while (v <= 0.0);
    v = v * v * v;
    const double u = rng.uniform();
    const double x2 = x * x;
    if (u < 1.0 - 0.0331 * (x2 * x2)) return d * v;
    if (portable_log(u) < 0.5 * x2 + d * (1.0 - v + portable_log(v))) return d * v;
  }
}

void check_shape(double shape) {
  if (!(shape > 0.0) || !std::isfinite(shape))
    fail("gamma shape " + num(shape) + " is not positive and finite");
}

// log of the same draw as Rng::gamma(shape), without its underflow for tiny
// shapes: log G(a + 1) + log(U) / a.
double log_gamma_draw(Rng& rng, double shape) {
  if (shape < 1.0) {
    const double g = gamma_at_least_one(rng, shape + 1.0);
    const double u = 1.0 - rng.uniform();  // (0, 1]
    return portable_log(g) + portable_log(u) / shape;
  }
  return portable_log(gamma_at_least_one(rng, shape));
}

}  // namespace

// --- Rng

Rng::Rng(std::uint64_t seed, std::uint64_t stream) : Rng(from_splitmix64(seed ^ mix64(stream))) {}

Rng Rng::from_state(std::uint64_t s0, std::uint64_t s1, std::uint64_t s2, std::uint64_t s3) {
  if ((s0 | s1 | s2 | s3) == 0) fail("xoshiro256** state all zero");
  Rng rng;
  rng.s_[0] = s0;
  rng.s_[1] = s1;
  rng.s_[2] = s2;
  rng.s_[3] = s3;
  return rng;
}

Rng Rng::from_splitmix64(std::uint64_t z) {
  // mix64 is a bijection and the four inputs differ, so at most one word
  // is 0: the state is never all zero.
  Rng rng;
  for (auto& word : rng.s_) {
    z += kGoldenGamma;
    word = mix64(z);
  }
  return rng;
}

std::uint64_t Rng::next() {
  const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

double Rng::uniform() { return double(next() >> 11) * 0x1.0p-53; }

double Rng::normal() {
  // Marsaglia polar method: (u, v) uniform in the unit disc without 0,
  // s = u^2 + v^2, then u sqrt(-2 ln s / s) is standard normal (v's twin
  // is dropped, so no state beyond the generator's).
  for (;;) {
    const double u = 2.0 * uniform() - 1.0;  // exact
    const double v = 2.0 * uniform() - 1.0;
    const double s = u * u + v * v;
    if (s < 1.0 && s > 0.0) return u * std::sqrt(-2.0 * portable_log(s) / s);
  }
}

double Rng::gamma(double shape) {
  check_shape(shape);
  if (shape < 1.0) {
    // Boost (Marsaglia & Tsang 2000, section 6): G(a) = G(a + 1) U^(1/a).
    const double g = gamma_at_least_one(*this, shape + 1.0);
    const double u = 1.0 - uniform();  // (0, 1]
    return g * portable_exp(portable_log(u) / shape);
  }
  return gamma_at_least_one(*this, shape);
}

// --- Dirichlet

std::vector<double> dirichlet(Rng& rng, const std::vector<double>& alpha) {
  bool any = false;
  for (std::size_t i = 0; i < alpha.size(); ++i) {
    if (!std::isfinite(alpha[i]) || alpha[i] < 0.0)
      fail("Dirichlet alpha " + std::to_string(i) + " is " + num(alpha[i]) +
           ", not finite and >= 0");
    any = any || alpha[i] > 0.0;
  }
  if (!any) fail("Dirichlet alphas all zero");
  std::vector<double> out(alpha.size(), 0.0);
  double top = -std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < alpha.size(); ++i) {
    if (alpha[i] > 0.0) {
      out[i] = log_gamma_draw(rng, alpha[i]);
      top = std::max(top, out[i]);
    }
  }
  // w_i = G_i / sum G = exp(l_i - max l) / sum exp(l_j - max l): the largest
  // term is 1, so the sum never underflows.
  double sum = 0.0;
  for (std::size_t i = 0; i < alpha.size(); ++i) {
    out[i] = alpha[i] > 0.0 ? portable_exp(out[i] - top) : 0.0;
    sum += out[i];
  }
  for (double& w : out) w /= sum;
  return out;
}

std::vector<double> dirichlet_alpha(const std::vector<double>& weights, double spread) {
  if (!(spread > 0.0 && spread < 1.0)) fail("spread " + num(spread) + " is not in (0, 1)");
  const double concentration = 1.0 / (spread * spread) - 1.0;
  if (!std::isfinite(concentration)) fail("spread " + num(spread) + " is too small");
  std::vector<double> alpha(weights.size());
  for (std::size_t i = 0; i < weights.size(); ++i) {
    detail::check_weight(i, weights[i]);
    alpha[i] = weights[i] * concentration;
  }
  return alpha;
}

}  // namespace siterank::mcda
