// The transport criterion's factors and scoring. Options and configuration
// are in transport_options.cpp; the model is documented in
// docs/plugins/transport.md.
#include "transport_criterion.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <siterank/number_text.hpp>
#include <stdexcept>

namespace siterank::plugins {

namespace {

// Factor indices: each mode reports its distance (or minutes), the feature
// it is to, then its score.
constexpr std::size_t factors_per_mode = 3;
std::size_t distance_factor(std::size_t mode) { return factors_per_mode * mode; }
std::size_t nearest_factor(std::size_t mode) { return factors_per_mode * mode + 1; }
std::size_t score_factor(std::size_t mode) { return factors_per_mode * mode + 2; }

}  // namespace

std::vector<FactorSpec> TransportCriterion::factors() const {
  std::string need_text;
  for (std::size_t n = 0; n < need_count; ++n)
    need_text += std::string(n ? ", " : "") + need_names[n] + " " + format_general(needs_[n]);
  need_text += needs_from_profile_ ? " (profile)" : " (default_needs: the profile states none)";

  std::vector<FactorSpec> f(factors_per_mode * mode_count);
  for (std::size_t m = 0; m < mode_count; ++m) {
    const Mode& mode = modes[m];
    const ModeState& s = state_[m];
    const std::string name = mode.name;
    const std::string distance_name = name + "_distance_m";
    const std::string nearest_name = name + "_nearest";
    if (!s.present) {
      const std::string why = "not applicable: " + s.absent_reason;
      f[distance_factor(m)] = {distance_name, "m", why};
      f[nearest_factor(m)] = feature_factor(nearest_name, mode.role, why);
      f[score_factor(m)] = {
          name + "_score", "score",
          s.need_weight > 0.0
              ? why + "; its weight " + format_general(s.need_weight) + " goes to the other modes"
              : why};
      continue;
    }
    if (s.by_road) {
      const std::string minutes_name = name + "_minutes";
      f[nearest_factor(m)] = feature_factor(
          nearest_name, mode.role,
          std::string("The ") + mode.what + " nearest by road, that " + minutes_name + " is to");
      f[distance_factor(m)] = {minutes_name, "min",
                               std::string("Travel time by road to the nearest ") + mode.what +
                                   ", door to door: " + network_};
      f[score_factor(m)] = {name + "_score", "score",
                            s.time_value.describe() + " of " + minutes_name + "; weight " +
                                format_general(s.weight) + " (needs: " + need_text + ")"};
      continue;
    }
    f[distance_factor(m)] = {distance_name, "m",
                             std::string("Travel distance to the nearest ") + mode.what + ": " +
                                 (distance_ ? distance_->describe(mode.leg) : std::string())};
    f[nearest_factor(m)] =
        feature_factor(nearest_name, mode.role,
                       std::string("The ") + mode.what + " nearest by travel distance, that " +
                           distance_name + " is to");
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

  // Modes by road: one call per batch and mode, minutes per parcel (NaN
  // when the parcel cannot reach the network or no feature from it).
  std::array<std::vector<double>, mode_count> minutes;
  std::array<std::vector<double>, mode_count> nearest;  // feature index, NaN for none
  std::vector<Point> from;  // the batch's points, gathered once for every mode by road
  for (std::size_t m = 0; m < mode_count; ++m) {
    if (!state_[m].present || !state_[m].by_road) continue;
    if (from.empty())
      for (std::size_t i = 0; i < parcels.size(); ++i) from.push_back(parcels.rep_point(i));
    score_by_road(m, *layers[m], from, reference, minutes[m], nearest[m], out);
  }

  std::vector<Hit> hits;  // per call: reused for every parcel of the batch
  for (std::size_t i = 0; i < parcels.size(); ++i) {
    const Point p = parcels.rep_point(i);
    double total = 0.0;
    for (std::size_t m = 0; m < mode_count; ++m) {
      const ModeState& s = state_[m];
      if (!s.present) {
        out.set_factor(i, distance_factor(m), missing);
        out.set_factor(i, nearest_factor(m), missing);
        out.set_factor(i, score_factor(m), missing);
        continue;
      }
      if (s.by_road) {
        const double t = minutes[m][i];
        const double mode_score = std::isnan(t) ? 0.0 : s.time_value(t);
        total += s.weight * mode_score;
        out.set_factor(i, distance_factor(m), t);
        out.set_factor(i, nearest_factor(m), nearest[m][i]);
        out.set_factor(i, score_factor(m), mode_score);
        continue;
      }
      reference.nearest(*layers[m], p, candidates, s.filtered ? &s.filter : nullptr, hits);
      double travel = std::numeric_limits<double>::infinity();
      double to = missing;
      for (const Hit& h : hits) {
        const double d =
            distance_->travel_m(p, layers[m]->points[h.feature], h.distance_m, modes[m].leg);
        // Hits come by straight-line distance, ties by index: the first of
        // equal travel distances is kept.
        if (d < travel) {
          travel = d;
          to = static_cast<double>(h.feature);
        }
      }
      const double mode_score = s.value(travel);
      total += s.weight * mode_score;
      out.set_factor(i, distance_factor(m), travel);
      out.set_factor(i, nearest_factor(m), to);
      out.set_factor(i, score_factor(m), mode_score);
    }
    out.set_score(i, std::clamp(total, 0.0, 100.0));
  }
}

void TransportCriterion::score_by_road(std::size_t m, const ReferenceLayer& layer,
                                       std::span<const Point> from, const ReferenceData& reference,
                                       std::vector<double>& minutes, std::vector<double>& nearest,
                                       BatchResult& out) const {
  const ModeState& s = state_[m];
  std::vector<RoadTrip> trips;
  reference.road_trips(layer, s.filtered ? &s.filter : nullptr, from, trips);
  minutes.assign(from.size(), missing);
  nearest.assign(from.size(), missing);
  for (std::size_t i = 0; i < from.size(); ++i) {
    const RoadTrip& t = trips[i];
    if (t.status == RoadTrip::Status::ok) {
      minutes[i] = t.seconds / 60.0;
      nearest[i] = static_cast<double>(t.feature);
      continue;
    }
    // A parcel the needed trips cannot be made from is not a site for the
    // project, and a score of 0 would hide why: say so.
    if (s.weight <= 0.0) continue;
    if (t.status == RoadTrip::Status::off_network)
      out.veto(i, std::string("no road within reach of the parcel, so no ") + modes[m].what +
                      " can be reached by road (" + network_ + ")");
    else
      out.veto(i, std::string("no ") + modes[m].what +
                      " can be reached by road from the parcel's nearest road, " +
                      format_fixed(t.access_m, 0) + " m away (" + network_ + ")");
  }
}

}  // namespace siterank::plugins
