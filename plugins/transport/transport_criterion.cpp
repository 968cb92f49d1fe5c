// The transport criterion's factors and scoring. Options and configuration
// are in transport_options.cpp; the model is documented in
// docs/plugins/transport.md.
#include "transport_criterion.hpp"

#include <algorithm>
#include <limits>
#include <siterank/number_text.hpp>
#include <stdexcept>

namespace siterank::plugins {

namespace {

// Factor indices: each mode reports its distance, then its score.
std::size_t distance_factor(std::size_t mode) { return 2 * mode; }
std::size_t score_factor(std::size_t mode) { return 2 * mode + 1; }

}  // namespace

std::vector<FactorSpec> TransportCriterion::factors() const {
  std::string need_text;
  for (std::size_t n = 0; n < need_count; ++n)
    need_text += std::string(n ? ", " : "") + needs[n] + " " + format_general(needs_[n]);
  need_text += needs_from_profile_ ? " (profile)" : " (default_needs: the profile states none)";

  std::vector<FactorSpec> f(2 * mode_count);
  for (std::size_t m = 0; m < mode_count; ++m) {
    const Mode& mode = modes[m];
    const ModeState& s = state_[m];
    const std::string name = mode.name;
    const std::string distance_name = name + "_distance_m";
    if (!s.present) {
      const std::string why = "not applicable: " + s.absent_reason;
      f[distance_factor(m)] = {distance_name, "m", why};
      f[score_factor(m)] = {
          name + "_score", "score",
          s.need_weight > 0.0
              ? why + "; its weight " + format_general(s.need_weight) + " goes to the other modes"
              : why};
      continue;
    }
    f[distance_factor(m)] = {distance_name, "m",
                             std::string("Travel distance to the nearest ") + mode.what + ": " +
                                 (distance_ ? distance_->describe(mode.leg) : std::string())};
    f[score_factor(m)] = {name + "_score", "score",
                          s.value.describe() + " of " + distance_name + "; weight " +
                              format_general(s.weight) + " (needs: " + need_text + ")"};
  }
  return f;
}

void TransportCriterion::score(const ParcelBatch& parcels, const ReferenceData& reference,
                               BatchResult& out) const {
  if (!distance_) throw std::logic_error("transport: score() before configure()");
  std::array<const ReferenceLayer*, mode_count> layers{};
  for (std::size_t m = 0; m < mode_count; ++m) {
    if (!state_[m].present) continue;
    layers[m] = reference.layer(modes[m].role);
    if (!layers[m])
      throw std::logic_error(std::string("transport: the ") + modes[m].role +
                             " layer vanished since configure()");
  }

  std::vector<Hit> hits;  // per call: reused for every parcel of the batch
  for (std::size_t i = 0; i < parcels.size(); ++i) {
    const Point p = parcels.rep_point(i);
    double total = 0.0;
    for (std::size_t m = 0; m < mode_count; ++m) {
      const ModeState& s = state_[m];
      if (!s.present) {
        out.set_factor(i, distance_factor(m), missing);
        out.set_factor(i, score_factor(m), missing);
        continue;
      }
      reference.nearest(*layers[m], p, candidates, s.filtered ? &s.filter : nullptr, hits);
      double travel = std::numeric_limits<double>::infinity();
      for (const Hit& h : hits)
        travel = std::min(travel, distance_->travel_m(p, layers[m]->points[h.feature], h.distance_m,
                                                      modes[m].leg));
      const double mode_score = s.value(travel);
      total += s.weight * mode_score;
      out.set_factor(i, distance_factor(m), travel);
      out.set_factor(i, score_factor(m), mode_score);
    }
    out.set_score(i, std::clamp(total, 0.0, 100.0));
  }
}

}  // namespace siterank::plugins
