// The talent criterion's factors and scoring. Options and configuration are
// in talent_options.cpp; the model is documented in docs/plugins/talent.md.
#include "talent_criterion.hpp"

#include <algorithm>
#include <cmath>
#include <siterank/number_text.hpp>
#include <stdexcept>

namespace siterank::plugins {

namespace {

// Factor indices, in the order factors() declares them.
enum Factor : std::size_t {
  kSourceAccessScore,
  kWorkforceScore,
  kCommuteScore,
  kWeightedAccess,
  kResearcherAccess,  // kResearcherAccess + t for talent type t
  kEngineerAccess,
  kTechnicianAccess,
  kSourcesWithinRadius,
  kSameIndustrySources,
  kRelatedIndustrySources,
  kNearestRelevantSource,
  kCommute,  // commute_minutes by road, commute_distance_m in a straight line
  kWorkersWithinRadius,
  kFactorCount
};

}  // namespace

std::vector<FactorSpec> TalentCriterion::factors() const {
  std::string mix;
  for (std::size_t t = 0; t < talent_type_count; ++t)
    mix += std::string(t ? ", " : "") + talent_types[t] + " " + format_general(mix_[t]);
  mix += mix_from_profile_ ? " (from the profile)" : " (default_mix: the profile states none)";
  const std::string decay = distance_decay_.describe();
  const std::string radius = format_general(search_radius_m_) + " m in a straight line";
  // With a road network the commute and the workforce are in minutes, the
  // source counts still by distance: say so where a planner might expect
  // minutes.
  const std::string by_distance =
      by_road_ ? " (by distance even with a road network: the source access decays with "
                 "distance, and the commute is the time to the nearest source)"
               : "";
  const std::string commute_name = by_road_ ? "commute_minutes" : "commute_distance_m";
  auto weight = [](double share) { return "weight " + format_general(share); };

  std::vector<FactorSpec> f(kFactorCount);
  f[kSourceAccessScore] = {"source_access_score", "score",
                           "100 * (1 - 2^(-weighted_access / " + format_general(half_saturation_) +
                               ")); " + weight(share_sources_)};
  f[kWorkforceScore] = {"workforce_score", "score",
                        has_workforce_
                            ? workforce_function_.describe() + " of workers_within_radius; " +
                                  weight(share_workforce_)
                            : std::string("not applicable: the dataset has no "
                                          "workforce layer")};
  if (commute_present_)
    f[kCommuteScore] = {"commute_score", "score",
                        (by_road_ ? commute_time_function_ : commute_function_).describe() +
                            " of " + commute_name + "; " + weight(share_commute_)};
  else
    f[kCommuteScore] = {"commute_score", "score",
                        "not applicable: " + commute_absent_reason_ +
                            (weight_commute_ > 0.0 ? "; its weight goes to the other terms" : "")};
  f[kWeightedAccess] = {"weighted_access", "source-equivalents",
                        "Talent-mix-weighted sum of the per-type access: " + mix};
  for (std::size_t t = 0; t < talent_type_count; ++t) {
    const std::string type = talent_types[t];
    f[kResearcherAccess + t] = {type.substr(0, type.size() - 1) + "_access", "source-equivalents",
                                "Sum over talent sources within " + radius +
                                    " of industry relevance * tier weight * "
                                    "how much the source's kind supplies " +
                                    type + " * " + decay + " of the straight-line distance / 100"};
  }
  f[kSourcesWithinRadius] = {
      "sources_within_radius", "count",
      "Talent sources of any kind and industry within " + radius + by_distance};
  f[kSameIndustrySources] = {"same_industry_sources", "count",
                             "Talent sources within " + radius + " listing the project's industry"};
  f[kRelatedIndustrySources] = {
      "related_industry_sources", "count",
      "Talent sources within " + radius + " whose best match is a related industry"};
  f[kNearestRelevantSource] = {
      "nearest_relevant_source_m", "m",
      "Straight-line distance to the nearest source of the same or a related industry whose kind "
      "supplies the talent mix; NaN when none lies within " +
          radius};
  if (!commute_present_)
    f[kCommute] = {commute_name, by_road_ ? "min" : "m",
                   "not applicable: " + commute_absent_reason_};
  else if (by_road_)
    f[kCommute] = {commute_name, "min",
                   "Travel time by road, door to door, to the nearest " + commute_target_ +
                       " (any kind): " + network_};
  else
    f[kCommute] = {commute_name, "m",
                   "Straight-line distance to the nearest " + commute_target_ +
                       " (any kind); not minutes: " + straight_reason_};
  f[kWorkersWithinRadius] = {
      "workers_within_radius", "workers",
      has_workforce_ ? by_road_
                           ? "Sum of workers of workforce features within " +
                                 format_general(workforce_minutes_) +
                                 " min by road, door to door (missing values count 0): " + network_
                           : "Sum of workers of workforce features within " +
                                 format_general(workforce_radius_m_) +
                                 " m in a straight line (missing values count 0); not minutes: " +
                                 straight_reason_
                     : std::string("not applicable: the dataset has no workforce layer")};
  return f;
}

void TalentCriterion::score(const ParcelBatch& parcels, const ReferenceData& reference,
                            BatchResult& out) const {
  const ReferenceLayer* sources = reference.layer("talent_sources");
  if (!sources || sources->size() != sources_.size())
    throw std::logic_error("talent: the talent_sources layer changed since configure()");
  const ReferenceLayer* workforce = has_workforce_ ? reference.layer("workforce") : nullptr;
  if (has_workforce_ && !workforce)
    throw std::logic_error("talent: the workforce layer vanished since configure()");
  const AttributeColumn* workers = workforce ? workforce->attribute("workers") : nullptr;

  // The commute by road: one call per batch, minutes per parcel (NaN when
  // the parcel cannot reach the network or no target from it).
  std::vector<double> minutes, workers_by_road;
  if (by_road_ && (commute_present_ || workforce)) {
    std::vector<Point> from;
    from.reserve(parcels.size());
    for (std::size_t i = 0; i < parcels.size(); ++i) from.push_back(parcels.rep_point(i));
    if (commute_present_) commute_by_road(*sources, from, reference, minutes, out);
    if (workforce) workforce_by_road(*workforce, *workers, from, reference, workers_by_road, out);
  }

  std::vector<Hit> hits;  // per call: reused for every parcel of the batch
  for (std::size_t i = 0; i < parcels.size(); ++i) {
    const Point p = parcels.rep_point(i);

    std::array<double, talent_type_count> access{};
    double mixed_access = 0.0;
    double nearest_relevant = missing;
    std::size_t same = 0, related = 0;
    reference.within(*sources, p, search_radius_m_, nullptr, hits);
    const std::size_t sources_near = hits.size();
    for (const Hit& h : hits) {  // sorted by distance
      const Source& s = sources_[h.feature];
      const double keep = distance_decay_(h.distance_m) / 100.0;
      for (std::size_t t = 0; t < talent_type_count; ++t) access[t] += s.per_type[t] * keep;
      mixed_access += s.mixed * keep;
      same += s.relevance == Relevance::same_industry;
      related += s.relevance == Relevance::related_industry;
      if (std::isnan(nearest_relevant) && s.mixed > 0.0 &&
          (s.relevance == Relevance::same_industry || s.relevance == Relevance::related_industry))
        nearest_relevant = h.distance_m;
    }
    const double source_score = 100.0 * (1.0 - std::exp2(-mixed_access / half_saturation_));

    double workers_near = missing;
    double workforce_score = missing;
    if (workforce && by_road_) {
      // Off the network: no workers counted, and a 0 (vetoed when weighed).
      workers_near = workers_by_road[i];
      workforce_score = std::isnan(workers_near) ? 0.0 : workforce_function_(workers_near);
    } else if (workforce) {
      workers_near = 0.0;
      reference.within(*workforce, p, workforce_radius_m_, nullptr, hits);
      for (const Hit& h : hits) {
        const double w = workers->number(h.feature);
        if (std::isfinite(w)) workers_near += w;
      }
      workforce_score = workforce_function_(workers_near);
    }

    // A trip that cannot be made scores 0 (and is vetoed when weighed).
    double commute = missing;
    double commute_score = missing;
    if (commute_present_) {
      if (by_road_) {
        commute = minutes[i];
        commute_score = std::isnan(commute) ? 0.0 : commute_time_function_(commute);
      } else {
        reference.nearest(*sources, p, 1, &commute_filter_, hits);
        if (!hits.empty()) commute = hits.front().distance_m;
        commute_score = std::isnan(commute) ? 0.0 : commute_function_(commute);
      }
    }

    double total = share_sources_ * source_score;
    if (share_workforce_ > 0.0) total += share_workforce_ * workforce_score;
    if (share_commute_ > 0.0) total += share_commute_ * commute_score;

    out.set_score(i, std::clamp(total, 0.0, 100.0));
    out.set_factor(i, kSourceAccessScore, source_score);
    out.set_factor(i, kWorkforceScore, workforce_score);
    out.set_factor(i, kCommuteScore, commute_score);
    out.set_factor(i, kWeightedAccess, mixed_access);
    for (std::size_t t = 0; t < talent_type_count; ++t)
      out.set_factor(i, kResearcherAccess + t, access[t]);
    out.set_factor(i, kSourcesWithinRadius, static_cast<double>(sources_near));
    out.set_factor(i, kSameIndustrySources, static_cast<double>(same));
    out.set_factor(i, kRelatedIndustrySources, static_cast<double>(related));
    out.set_factor(i, kNearestRelevantSource, nearest_relevant);
    out.set_factor(i, kCommute, commute);
    out.set_factor(i, kWorkersWithinRadius, workers_near);
  }
}

void TalentCriterion::commute_by_road(const ReferenceLayer& sources, std::span<const Point> from,
                                      const ReferenceData& reference, std::vector<double>& minutes,
                                      BatchResult& out) const {
  std::vector<RoadTrip> trips;
  reference.road_trips(sources, &commute_filter_, from, trips);
  minutes.assign(from.size(), missing);
  for (std::size_t i = 0; i < from.size(); ++i) {
    const RoadTrip& t = trips[i];
    if (t.status == RoadTrip::Status::ok) {
      minutes[i] = t.seconds / 60.0;
      continue;
    }
    // As transport: a parcel the weighed trip cannot be made from is not a
    // site for the project, and a score of 0 would hide why: say so.
    if (share_commute_ <= 0.0) continue;
    if (t.status == RoadTrip::Status::off_network)
      out.veto(i, "no road within reach of the parcel, so no " + commute_target_ +
                      " can be reached by road (" + network_ + ")");
    else
      out.veto(i, "no " + commute_target_ +
                      " can be reached by road from the parcel's nearest road, " +
                      format_fixed(t.access_m, 0) + " m away (" + network_ + ")");
  }
}

void TalentCriterion::workforce_by_road(const ReferenceLayer& workforce,
                                        const AttributeColumn& workers, std::span<const Point> from,
                                        const ReferenceData& reference, std::vector<double>& near,
                                        BatchResult& out) const {
  std::vector<RoadReach> reach;
  reference.road_reach(workforce, nullptr, workforce_minutes_ * 60.0, from, reach);
  near.assign(from.size(), missing);
  // commute_by_road has vetoed off-network parcels already when it is weighed.
  const bool veto = share_workforce_ > 0.0 && !(commute_present_ && share_commute_ > 0.0);
  for (std::size_t i = 0; i < from.size(); ++i) {
    if (!reach[i].on_network) {
      if (veto)
        out.veto(i, "no road within reach of the parcel, so no workers can be counted within " +
                        format_general(workforce_minutes_) + " min by road (" + network_ + ")");
      continue;
    }
    double sum = 0.0;
    for (const RoadReach::Feature& f : reach[i].features) {
      const double w = workers.number(f.feature);
      if (std::isfinite(w)) sum += w;
    }
    near[i] = sum;
  }
}

}  // namespace siterank::plugins
