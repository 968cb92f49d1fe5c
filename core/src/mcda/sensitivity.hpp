// How robust a ranking is to its weights: Monte Carlo over weights drawn
// from a Dirichlet distribution around the given ones, one-at-a-time sweeps
// of each weight, and the smallest change of a single weight that reverses
// two alternatives. Works on any aggregation through a Scorer, so it
// re-scores from cached criterion values, never from the data. Seeded and
// portable: the same seed gives the same numbers on every platform and for
// any thread count. Formulas in docs/methods.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <vector>

namespace siterank::mcda {

// Totals of every alternative for the given weights (one per criterion,
// summing to 1). Called concurrently from several threads: must not share
// mutable state.
using Scorer = std::function<void(const std::vector<double>& weights, std::vector<double>& totals)>;

// Alternatives by total, best first; equal totals by tie_order (per
// alternative, lower first: e.g. the position of its id in id order), then
// by index. NaN totals rank last. An empty tie_order means the index; any
// other size than totals' throws std::invalid_argument. The same order
// decides the top K, ranks and leaders everywhere below.
std::vector<std::size_t> ranking(const std::vector<double>& totals,
                                 const std::vector<std::size_t>& tie_order);

// A small, fully specified generator (xoshiro256** seeded by splitmix64),
// with its own uniform, normal and gamma draws: std::*_distribution differ
// between standard libraries, so they are not used; nor is libm's log/exp
// (detail::portable_log/exp below use only IEEE basic operations).
class Rng {
 public:
  // State: four successive splitmix64 outputs from seed ^ mix(stream), where
  // mix is splitmix64's output function (mix(0) = 0: stream 0 is the usual
  // splitmix64 seeding of xoshiro256**).
  explicit Rng(std::uint64_t seed, std::uint64_t stream = 0);
  // The generator in a given state (not all zero; throws std::invalid_argument).
  static Rng from_state(std::uint64_t s0, std::uint64_t s1, std::uint64_t s2, std::uint64_t s3);
  std::uint64_t next();
  double uniform();            // [0, 1): the top 53 bits of next() times 2^-53
  double normal();             // standard normal (Marsaglia polar, no spare kept)
  double gamma(double shape);  // shape > 0 and finite, else std::invalid_argument; scale 1
                               // (Marsaglia & Tsang 2000; shape < 1 boosted)
 private:
  std::uint64_t s_[4];
};

// One draw; alpha[i] == 0 gives 0 for that component. Sums to 1. Each
// component is gamma(alpha_i) in the order of alpha (the same draws as
// Rng::gamma), normalised in log space so tiny alphas never underflow to
// an all-zero draw. Throws std::invalid_argument unless every alpha is
// finite and >= 0 and one is > 0.
std::vector<double> dirichlet(Rng& rng, const std::vector<double>& alpha);

// Dirichlet concentration for a spread S in (0, 1): alpha_i = w_i (1/S^2 - 1),
// so each drawn weight has mean w_i and standard deviation S sqrt(w_i (1 - w_i)).
// Throws std::invalid_argument on S outside (0, 1) or a weight negative or
// not finite.
std::vector<double> dirichlet_alpha(const std::vector<double>& weights, double spread);

// Weight k set to x in [0, 1], the others scaled in proportion so the sum
// stays 1 (when the others are all 0 they share 1 - x equally). Throws
// std::invalid_argument on k out of range or x outside [0, 1].
std::vector<double> with_weight(const std::vector<double>& weights, std::size_t k, double x);

struct WeightChange {
  std::size_t criterion = 0;
  double weight = 0.0;  // the base weight
  // The weight nearest the base at which b's total reaches a's (others
  // rescaled by with_weight); NaN when no weight in [0, 1] does.
  double new_weight = std::numeric_limits<double>::quiet_NaN();
  double delta() const { return new_weight - weight; }
};

// For every criterion with more than one criterion present (none for a
// single criterion). a is the alternative ahead at the base weights, b the
// one behind; "reaches" means total_b >= total_a, so when b already reaches
// a at the base weights new_weight is the base weight (delta 0). Exact to
// 1e-9 in weight (bisection on a sign change found on a grid of 1/1000,
// scanned outward from the base weight, refined), and new_weight is on the
// side where b has reached a. A crossing and re-crossing within one grid
// step is not seen. Every evaluation re-scores all alternatives: for a big
// problem pass a Scorer over just the two (when the aggregation allows).
// Throws std::invalid_argument on a == b, a or b out of range, or weights
// not summing to 1.
std::vector<WeightChange> reversal_changes(const Scorer& scorer, const std::vector<double>& weights,
                                           std::size_t a, std::size_t b);
// The change with the smallest |delta| (the first of equals); none when
// every new_weight is NaN.
std::optional<WeightChange> smallest_change(const std::vector<WeightChange>& changes);
// smallest_change(reversal_changes(...)).
std::optional<WeightChange> smallest_reversal(const Scorer& scorer,
                                              const std::vector<double>& weights, std::size_t a,
                                              std::size_t b);

struct MonteCarloOptions {
  std::size_t samples = 1000;
  double spread = 0.1;     // see dirichlet_alpha
  std::size_t top_k = 10;  // "stays in the top K"
  std::uint64_t seed = 1;  // sample s draws from Rng(seed, s): independent of threads
  unsigned threads = 0;    // 0 = all cores
};

struct RankRange {
  std::size_t alternative = 0;
  std::size_t base_rank = 0;  // 1-based, at the given weights
  std::size_t rank_min = 0;   // best rank over the samples
  std::size_t rank_max = 0;   // worst
  double rank_median = 0.0;
};

struct MonteCarloResult {
  std::size_t samples = 0;
  std::vector<std::uint32_t> top_k_hits;  // per alternative: samples with it in the top K
  std::vector<RankRange> tracked;         // one per requested alternative, in request order
  double p_top_k(std::size_t alternative) const {
    return samples ? double(top_k_hits[alternative]) / double(samples) : 0.0;
  }
};

// Throws std::invalid_argument on samples == 0, spread outside (0, 1),
// top_k == 0, weights not summing to 1 (within 1e-9, each finite and >= 0),
// a tracked alternative out of range, a tie_order neither empty nor one
// per alternative, or a Scorer returning another number of totals. A
// top_k above the number of alternatives counts every one in every sample.
// Exceptions from the Scorer propagate.
MonteCarloResult monte_carlo(const Scorer& scorer, const std::vector<double>& weights,
                             const std::vector<std::size_t>& tie_order,
                             const std::vector<std::size_t>& tracked,
                             const MonteCarloOptions& options);

struct Sweep {
  std::size_t criterion = 0;
  std::vector<double> weight;       // steps + 1 values from 0 to 1
  std::vector<std::size_t> leader;  // the alternative ranked first at each
  // The largest interval around the base weight within which the base
  // leader stays first (ends found by bisection to 1e-9 between the sweep's
  // grid points where the leader changes, moving out from the base weight;
  // a change and change back within one step is not seen).
  double stable_low = 0.0, stable_high = 1.0;
};

// One sweep per criterion (with_weight from 0 to 1 in `steps` steps); none
// for a single criterion. Throws std::invalid_argument on steps == 0,
// weights not summing to 1, or a tie_order neither empty nor one per
// alternative.
std::vector<Sweep> one_at_a_time(const Scorer& scorer, const std::vector<double>& weights,
                                 const std::vector<std::size_t>& tie_order, std::size_t steps = 20);

namespace detail {
// log and exp from IEEE basic operations only (frexp, ldexp, +, -, *, /),
// so the draws above do not depend on the platform's libm. Within a few
// ulp of std::log / std::exp; log(0) = -inf, log(x < 0) = NaN.
double portable_log(double x);
double portable_exp(double x);
}  // namespace detail

}  // namespace siterank::mcda
