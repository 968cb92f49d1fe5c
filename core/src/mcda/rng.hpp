// Seeded random numbers that are the same on every platform: the weights
// drawn by the Monte Carlo analysis (mcda/monte_carlo.hpp), and the
// benchmark data generator's draws (bench/generate/rng.hpp). The
// std::*_distribution algorithms differ between standard libraries and
// libm's log/exp in their last bits, so neither is used: the generator,
// its uniform, normal and gamma draws and the Dirichlet are fully specified
// here (docs/methods.md, "Sensitivity").
#pragma once

#include <cstdint>
#include <vector>

namespace siterank::mcda {

// xoshiro256** seeded by splitmix64, with its own uniform, normal and gamma
// draws (log and exp from mcda/portable_math.hpp).
class Rng {
 public:
  // State: four successive splitmix64 outputs from seed ^ mix(stream), where
  // mix is splitmix64's output function (mix(0) = 0: stream 0 is the usual
  // splitmix64 seeding of xoshiro256**).
  explicit Rng(std::uint64_t seed, std::uint64_t stream = 0);
  // The generator in a given state (not all zero; throws std::invalid_argument).
  static Rng from_state(std::uint64_t s0, std::uint64_t s1, std::uint64_t s2, std::uint64_t s3);
  // State: the next four splitmix64 outputs from the splitmix64 state z
  // (Rng(seed, stream) is from_splitmix64(seed ^ mix(stream))). For callers
  // that derive their streams' starting points another way.
  static Rng from_splitmix64(std::uint64_t z);
  std::uint64_t next();
  double uniform();            // [0, 1): the top 53 bits of next() times 2^-53
  double normal();             // standard normal (Marsaglia polar, no spare kept)
  double gamma(double shape);  // shape > 0 and finite, else std::invalid_argument; scale 1
                               // (Marsaglia & Tsang 2000; shape < 1 boosted)
 private:
  Rng() = default;
  std::uint64_t s_[4] = {};
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

}  // namespace siterank::mcda
