// Deterministic random numbers for the benchmark generator.
//
// The generator is siterank's own xoshiro256** (core/src/mcda/rng.hpp), so
// there is one copy of it; this adds the draws a dataset needs (ranges,
// integers, chances, weighted choices, Box-Muller normals). The
// std:: distributions differ between standard libraries, so a dataset made
// with them would differ between machines.
#pragma once

#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

#include "mcda/rng.hpp"

namespace bench {

class Rng {
 public:
  // Streams are derived from (seed, stream) so each platform or layer has
  // its own sequence: changing one layer's draws never shifts another's.
  // splitmix64 starts at seed ^ (stream * 0xD1B54A32D192ED03), not at
  // mcda::Rng(seed, stream)'s seed ^ mix(stream): the datasets made so far
  // stay the same for the same seed.
  explicit Rng(std::uint64_t seed, std::uint64_t stream = 0)
      : gen_(siterank::mcda::Rng::from_splitmix64(seed ^ (stream * 0xD1B54A32D192ED03ULL))) {}

  std::uint64_t next() { return gen_.next(); }

  // [0, 1) with 53 random bits.
  double uniform() { return gen_.uniform(); }
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  // [0, n), n > 0; the modulo bias is below 2^-40 for the small n used here.
  std::uint64_t below(std::uint64_t n) { return next() % n; }
  bool chance(double p) { return uniform() < p; }
  // Standard normal by Box-Muller (one value per call, the second dropped
  // so the draw count per call is fixed). Not mcda::Rng::normal (Marsaglia
  // polar): the datasets made so far stay the same for the same seed.
  double normal() {
    const double u1 = 1.0 - uniform();  // (0, 1]
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
  }

  // Index into weights, proportional to weight (weights sum > 0).
  template <class T>
  const T& weighted(const std::vector<std::pair<T, double>>& pairs) {
    double total = 0;
    for (const auto& p : pairs) total += p.second;
    double r = uniform() * total;
    for (const auto& p : pairs) {
      r -= p.second;
      if (r <= 0) return p.first;
    }
    return pairs.back().first;
  }

 private:
  siterank::mcda::Rng gen_;
};

}  // namespace bench
