// What scoring and ranking produce, per criterion and per parcel: scores,
// factor values, totals, the ranking and the vetoes with their reasons.
// Standard library only.
#pragma once

#include <algorithm>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace siterank {

// The name vetoes of the host's requirement rules go by; no plugin may take it.
inline constexpr const char* requirements_source = "requirements";

// A veto as the host records it: which parcel, who vetoed it (a criterion's
// name, or "requirements" for the profile's $.requirements, which the host
// enforces itself) and why, in one line.
struct VetoEntry {
  std::size_t parcel;
  std::string by;
  std::string reason;
};

struct CriterionScores {
  std::vector<double> scores;   // per parcel
  std::vector<double> factors;  // parcel-major: factors[p * n_factors + f]
};

struct RankResult {
  std::vector<CriterionScores> scores;  // per criterion, in the run's criterion order
  std::vector<double> total;            // per parcel; NaN when vetoed
  std::vector<std::size_t> ranking;     // parcel indexes, best first
  std::vector<std::size_t> rank_of;     // per parcel: 1-based rank, 0 when vetoed
  std::vector<VetoEntry> vetoes;        // sorted by parcel: requirements, then criteria in order
  std::vector<std::size_t> vetoed;      // vetoed parcel indexes, by id

  // The parcel's vetoes (empty when it is ranked), in the order above.
  std::span<const VetoEntry> vetoes_of(std::size_t parcel) const {
    const auto by_parcel = [](const VetoEntry& v, std::size_t p) { return v.parcel < p; };
    const auto first = std::lower_bound(vetoes.begin(), vetoes.end(), parcel, by_parcel);
    auto last = first;
    while (last != vetoes.end() && last->parcel == parcel) ++last;
    return {first, last};
  }

  double factor(std::size_t criterion, std::size_t parcel, std::size_t f,
                std::size_t n_factors) const {
    return scores[criterion].factors[parcel * n_factors + f];
  }
};

}  // namespace siterank
