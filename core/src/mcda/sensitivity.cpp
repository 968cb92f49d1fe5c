// Sensitivity of a ranking to its weights (see sensitivity.hpp; formulas,
// definitions and sources in docs/methods.md, "Sensitivity").
#include "mcda/sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>

#include "util/parallel_chunks.hpp"

// Portability of the draws needs every floating-point operation rounded on
// its own: no fused multiply-add. Clang honours this pragma; GCC (which
// fuses by default on targets with FMA, e.g. aarch64) needs
// -ffp-contract=off for the same bits across architectures.
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#endif

namespace siterank::mcda {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Grid of the reversal scan and tolerance of every bisection (in weight).
constexpr long kReversalGrid = 1000;
constexpr double kBisectTolerance = 1e-9;

// A number for a message: shortest round-trip form, e.g. 0.3 or 1e-200.
std::string num(double x) {
  char buffer[32];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, x);
    if (std::strtod(buffer, nullptr) == x || std::isnan(x)) break;
  }
  return buffer;
}

[[noreturn]] void fail(const std::string& message) {
  throw std::invalid_argument("sensitivity: " + message);
}

// --- splitmix64 and xoshiro256** (Steele, Lea & Flood 2014; Blackman & Vigna)

constexpr std::uint64_t kGoldenGamma = 0x9E3779B97F4A7C15ULL;

// splitmix64's output function; a bijection with mix64(0) == 0.
std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

// --- log and exp from basic operations

constexpr double kLn2Hi = 0x1.62e42fee00000p-1;   // ln 2 to 32 bits: k * kLn2Hi is exact
constexpr double kLn2Lo = 0x1.a39ef35793c76p-33;  // ln 2 - kLn2Hi
constexpr double kInvLn2 = 0x1.71547652b82fep+0;
constexpr double kSqrtHalf = 0x1.6a09e667f3bcdp-1;

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
    if (detail::portable_log(u) < 0.5 * x2 + d * (1.0 - v + detail::portable_log(v))) return d * v;
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
    return detail::portable_log(g) + detail::portable_log(u) / shape;
  }
  return detail::portable_log(gamma_at_least_one(rng, shape));
}

// --- validation

void check_weights(const std::vector<double>& weights) {
  if (weights.empty()) fail("no weights");
  double sum = 0.0;
  for (std::size_t j = 0; j < weights.size(); ++j) {
    if (!std::isfinite(weights[j]) || weights[j] < 0.0)
      fail("weight of criterion " + std::to_string(j) + " is " + num(weights[j]) +
           ", not finite and >= 0");
    sum += weights[j];
  }
  if (!(std::abs(sum - 1.0) <= 1e-9)) fail("weights sum to " + num(sum) + ", not 1");
}

void check_tie_order(const std::vector<std::size_t>& tie_order, std::size_t n) {
  if (!tie_order.empty() && tie_order.size() != n)
    fail("tie_order has " + std::to_string(tie_order.size()) + " entries for " + std::to_string(n) +
         " alternatives");
}

void score(const Scorer& scorer, const std::vector<double>& weights, std::vector<double>& totals,
           std::size_t n) {
  scorer(weights, totals);
  if (totals.size() != n)
    fail("the scorer returned " + std::to_string(totals.size()) + " totals, expected " +
         std::to_string(n));
}

// --- the order: higher total first, then lower tie_order, then lower index;
// NaN after every number. A strict total order, so the top K, ranks and the
// leader are unique whatever the algorithm or the input order.

struct Ahead {
  const double* total;
  const std::size_t* tie;  // null: the index alone

  bool tie_less(std::size_t i, std::size_t j) const {
    if (tie && tie[i] != tie[j]) return tie[i] < tie[j];
    return i < j;
  }
  bool operator()(std::size_t i, std::size_t j) const {
    const double a = total[i], b = total[j];
    if (a > b) return true;
    if (a < b) return false;
    const bool a_nan = std::isnan(a), b_nan = std::isnan(b);
    if (a_nan != b_nan) return b_nan;
    return tie_less(i, j);
  }
};

Ahead make_order(const std::vector<double>& totals, const std::vector<std::size_t>& tie_order) {
  return Ahead{totals.data(), tie_order.empty() ? nullptr : tie_order.data()};
}

// Number of alternatives ahead of t: one pass, O(n).
std::size_t count_ahead(const Ahead& order, std::size_t n, std::size_t t) {
  const double v = order.total[t];
  std::size_t ahead = 0;
  if (std::isnan(v)) {
    for (std::size_t i = 0; i < n; ++i)
      if (!std::isnan(order.total[i]) || (i != t && order.tie_less(i, t))) ++ahead;
    return ahead;
  }
  for (std::size_t i = 0; i < n; ++i) {
    const double x = order.total[i];
    if (x > v)
      ++ahead;
    else if (x == v && i != t && order.tie_less(i, t))
      ++ahead;
  }
  return ahead;
}

std::size_t leader_of(const Ahead& order, std::size_t n) {
  std::size_t best = 0;
  for (std::size_t i = 1; i < n; ++i)
    if (order(i, best)) best = i;
  return best;
}

// --- bisection and the outward scan

// changed(from) is false and changed(to) true; returns {last unchanged,
// first changed} no more than kBisectTolerance apart.
template <class Changed>
std::pair<double, double> bisect(const Changed& changed, double from, double to) {
  while (std::abs(to - from) > kBisectTolerance) {
    const double mid = 0.5 * (from + to);
    if (mid == from || mid == to) break;
    if (changed(mid))
      to = mid;
    else
      from = mid;
  }
  return {from, to};
}

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

void check_bounded(std::size_t value, std::size_t limit, const char* what) {
  if (value > limit) fail(std::string(what) + " too large");
}

}  // namespace

// --- detail

namespace detail {

double portable_log(double x) {
  if (std::isnan(x)) return x;
  if (x < 0.0) return kNaN;
  if (x == 0.0) return -kInf;
  if (x == kInf) return x;
  int e = 0;
  double m = std::frexp(x, &e);  // x = m 2^e, m in [0.5, 1), exact
  if (m < kSqrtHalf) {
    m *= 2.0;
    --e;
  }
  // m in [sqrt(1/2), sqrt(2)): log m = 2 atanh(s), s = (m - 1) / (m + 1),
  // |s| <= 0.1716, series 2 (s + s^3/3 + ... + s^23/23): the next term is
  // below 1e-18 relative.
  const double f = m - 1.0;  // exact (Sterbenz)
  const double s = f / (2.0 + f);
  const double z = s * s;
  double p = 1.0 / 23.0;
  for (int k = 21; k >= 1; k -= 2) p = p * z + 1.0 / double(k);
  const double log_m = 2.0 * s * p;
  const double de = double(e);
  return de * kLn2Hi + (de * kLn2Lo + log_m);
}

double portable_exp(double x) {
  if (std::isnan(x)) return x;
  if (x > 709.782712893384) return kInf;
  if (x < -745.1332191019412) return 0.0;
  // x = k ln 2 + r, |r| <= ln 2 / 2; e^r by Taylor to r^14 / 14! (next
  // term below 5e-18 relative), as 1 + r (1 + r/2 (1 + r/3 (...))).
  const double k = std::floor(x * kInvLn2 + 0.5);
  const double r = (x - k * kLn2Hi) - k * kLn2Lo;
  double p = 1.0;
  for (int n = 14; n >= 1; --n) p = 1.0 + r * p / double(n);
  return std::ldexp(p, static_cast<int>(k));
}

}  // namespace detail

// --- ranking

std::vector<std::size_t> ranking(const std::vector<double>& totals,
                                 const std::vector<std::size_t>& tie_order) {
  check_tie_order(tie_order, totals.size());
  std::vector<std::size_t> order(totals.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), make_order(totals, tie_order));
  return order;
}

// --- Rng

Rng::Rng(std::uint64_t seed, std::uint64_t stream) {
  std::uint64_t z = seed ^ mix64(stream);
  for (auto& word : s_) {
    z += kGoldenGamma;
    word = mix64(z);
  }
}

Rng Rng::from_state(std::uint64_t s0, std::uint64_t s1, std::uint64_t s2, std::uint64_t s3) {
  if ((s0 | s1 | s2 | s3) == 0) fail("xoshiro256** state all zero");
  Rng rng(0);
  rng.s_[0] = s0;
  rng.s_[1] = s1;
  rng.s_[2] = s2;
  rng.s_[3] = s3;
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
    if (s < 1.0 && s > 0.0) return u * std::sqrt(-2.0 * detail::portable_log(s) / s);
  }
}

double Rng::gamma(double shape) {
  check_shape(shape);
  if (shape < 1.0) {
    // Boost (Marsaglia & Tsang 2000, section 6): G(a) = G(a + 1) U^(1/a).
    const double g = gamma_at_least_one(*this, shape + 1.0);
    const double u = 1.0 - uniform();  // (0, 1]
    return g * detail::portable_exp(detail::portable_log(u) / shape);
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
  double top = -kInf;
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
    out[i] = alpha[i] > 0.0 ? detail::portable_exp(out[i] - top) : 0.0;
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
    if (!std::isfinite(weights[i]) || weights[i] < 0.0)
      fail("weight of criterion " + std::to_string(i) + " is " + num(weights[i]) +
           ", not finite and >= 0");
    alpha[i] = weights[i] * concentration;
  }
  return alpha;
}

// --- one weight changed

std::vector<double> with_weight(const std::vector<double>& weights, std::size_t k, double x) {
  if (k >= weights.size())
    fail("criterion " + std::to_string(k) + " out of range (" + std::to_string(weights.size()) +
         " criteria)");
  if (!(x >= 0.0 && x <= 1.0)) fail("weight " + num(x) + " is not in [0, 1]");
  const std::size_t n = weights.size();
  std::vector<double> out(n);
  double rest = 0.0;
  for (std::size_t j = 0; j < n; ++j)
    if (j != k) rest += weights[j];
  for (std::size_t j = 0; j < n; ++j) {
    if (j == k)
      out[j] = x;
    else if (rest > 0.0)
      out[j] = weights[j] * (1.0 - x) / rest;
    else
      out[j] = (1.0 - x) / double(n - 1);
  }
  return out;
}

// --- reversal

std::vector<WeightChange> reversal_changes(const Scorer& scorer, const std::vector<double>& weights,
                                           std::size_t a, std::size_t b) {
  check_weights(weights);
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
      score(scorer, with_weight(weights, k, x), totals, n);
      return totals[b] - totals[a] >= 0.0;
    };
    // Both directions at once, nearest grid point first; a direction stops
    // at its first sign change, or when it is farther out than a crossing
    // already found (which must then be the nearest).
    const double w0 = weights[k];
    Walk walks[2] = {Walk(w0, -1, kReversalGrid), Walk(w0, +1, kReversalGrid)};
    double previous[2] = {w0, w0};
    bool open[2] = {true, true};
    double best = kNaN, best_distance = kInf;
    for (;;) {
      int pick = -1;
      for (int d = 0; d < 2; ++d) {
        if (!open[d] || walks[d].done() || std::abs(previous[d] - w0) >= best_distance) continue;
        if (pick < 0 || std::abs(walks[d].x() - w0) < std::abs(walks[pick].x() - w0)) pick = d;
      }
      if (pick < 0) break;
      const double x = walks[pick].x();
      if (reached(x)) {
        const double hit = bisect(reached, previous[pick], x).second;
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

// --- Monte Carlo

MonteCarloResult monte_carlo(const Scorer& scorer, const std::vector<double>& weights,
                             const std::vector<std::size_t>& tie_order,
                             const std::vector<std::size_t>& tracked,
                             const MonteCarloOptions& options) {
  if (options.samples == 0) fail("samples must be at least 1");
  check_bounded(options.samples, std::numeric_limits<std::uint32_t>::max(), "samples");
  if (!(options.spread > 0.0 && options.spread < 1.0))
    fail("spread " + num(options.spread) + " is not in (0, 1)");
  if (options.top_k == 0) fail("top_k must be at least 1");
  check_weights(weights);

  std::vector<double> base;
  scorer(weights, base);
  const std::size_t n = base.size();
  if (n == 0) fail("no alternatives");
  check_bounded(n, std::numeric_limits<std::uint32_t>::max(), "number of alternatives");
  check_tie_order(tie_order, n);
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
    score(scorer, dirichlet(rng, alpha), w.totals, n);
    const Ahead order{w.totals.data(), tie};
    if (top_k < n) {
      std::nth_element(w.idx.begin(), w.idx.begin() + std::ptrdiff_t(top_k), w.idx.end(),
                       [&](std::uint32_t i, std::uint32_t j) { return order(i, j); });
    }
    for (std::size_t r = 0; r < top_k; ++r) ++w.hits[w.idx[r]];
    for (std::size_t j = 0; j < n_tracked; ++j)
      ranks[s * n_tracked + j] = static_cast<std::uint32_t>(1 + count_ahead(order, n, tracked[j]));
  });

  MonteCarloResult result;
  result.samples = samples;
  result.top_k_hits.assign(n, 0);
  for (const Worker& w : state)
    for (std::size_t i = 0; i < w.hits.size(); ++i) result.top_k_hits[i] += w.hits[i];

  const Ahead base_order{base.data(), tie};
  std::vector<std::uint32_t> column(samples);
  for (std::size_t j = 0; j < n_tracked; ++j) {
    RankRange range;
    range.alternative = tracked[j];
    range.base_rank = 1 + count_ahead(base_order, n, tracked[j]);
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

// --- one at a time

std::vector<Sweep> one_at_a_time(const Scorer& scorer, const std::vector<double>& weights,
                                 const std::vector<std::size_t>& tie_order, std::size_t steps) {
  if (steps == 0) fail("steps must be at least 1");
  check_bounded(steps, 1u << 30, "steps");
  check_weights(weights);
  std::vector<double> totals;
  scorer(weights, totals);
  const std::size_t n = totals.size();
  if (n == 0) fail("no alternatives");
  check_tie_order(tie_order, n);
  std::vector<Sweep> out;
  if (weights.size() < 2) return out;
  const std::size_t base_leader = leader_of(make_order(totals, tie_order), n);

  for (std::size_t k = 0; k < weights.size(); ++k) {
    const auto leader_at = [&](double x) {
      score(scorer, with_weight(weights, k, x), totals, n);
      return leader_of(make_order(totals, tie_order), n);
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
        sweep.stable_high = bisect(changed, previous, x).first;
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
        sweep.stable_low = bisect(changed, previous, x).first;
        break;
      }
      previous = x;
    }
    out.push_back(std::move(sweep));
  }
  return out;
}

}  // namespace siterank::mcda
