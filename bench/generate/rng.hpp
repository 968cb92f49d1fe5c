// Deterministic random numbers for the benchmark generator.
//
// xoshiro256** seeded through splitmix64, with our own uniform, integer and
// normal draws: the std:: distributions differ between standard libraries,
// so a dataset made with them would differ between machines.
#pragma once

#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

namespace bench {

inline std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

class Rng {
 public:
  // Streams are derived from (seed, stream) so each platform or layer has
  // its own sequence: changing one layer's draws never shifts another's.
  explicit Rng(std::uint64_t seed, std::uint64_t stream = 0) {
    std::uint64_t sm = seed ^ (stream * 0xD1B54A32D192ED03ULL);
    for (auto& w : s_) w = splitmix64(sm);
  }

  std::uint64_t next() {
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

  // [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  // [0, n), n > 0; the modulo bias is below 2^-40 for the small n used here.
  std::uint64_t below(std::uint64_t n) { return next() % n; }
  bool chance(double p) { return uniform() < p; }
  // Standard normal by Box-Muller (one value per call, the second dropped
  // so the draw count per call is fixed).
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
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

}  // namespace bench
