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
  kWeightedAccess,
  kResearcherAccess,  // kResearcherAccess + t for talent type t
  kEngineerAccess,
  kTechnicianAccess,
  kSourcesWithinRadius,
  kSameIndustrySources,
  kRelatedIndustrySources,
  kNearestRelevantSource,
  kWorkersWithinRadius,
  kFactorCount
};

}  // namespace

std::vector<FactorSpec> TalentCriterion::factors() const {
  const double w_sum = weight_sources_ + weight_workforce_;
  std::string mix;
  for (std::size_t t = 0; t < talent_type_count; ++t)
    mix += std::string(t ? ", " : "") + talent_types[t] + " " + format_general(mix_[t]);
  mix += mix_from_profile_ ? " (from the profile)" : " (default_mix: the profile states none)";
  const std::string decay = distance_decay_.describe();
  const std::string radius = format_general(search_radius_m_) + " m";

  std::vector<FactorSpec> f(kFactorCount);
  f[kSourceAccessScore] = {"source_access_score", "score",
                           "100 * (1 - 2^(-weighted_access / " + format_general(half_saturation_) +
                               ")); weight " +
                               (has_workforce_ ? format_general(weight_sources_ / w_sum)
                                               : std::string("1 (no workforce layer)"))};
  f[kWorkforceScore] = {"workforce_score", "score",
                        has_workforce_ ? workforce_function_.describe() +
                                             " of workers_within_radius; weight " +
                                             format_general(weight_workforce_ / w_sum)
                                       : std::string("not applicable: the dataset has no "
                                                     "workforce layer")};
  f[kWeightedAccess] = {"weighted_access", "source-equivalents",
                        "Talent-mix-weighted sum of the per-type access: " + mix};
  for (std::size_t t = 0; t < talent_type_count; ++t) {
    const std::string type = talent_types[t];
    f[kResearcherAccess + t] = {type.substr(0, type.size() - 1) + "_access", "source-equivalents",
                                "Sum over talent sources within " + radius +
                                    " of industry relevance * tier weight * "
                                    "how much the source's kind supplies " +
                                    type + " * " + decay + " / 100"};
  }
  f[kSourcesWithinRadius] = {"sources_within_radius", "count",
                             "Talent sources of any kind and industry within " + radius};
  f[kSameIndustrySources] = {"same_industry_sources", "count",
                             "Talent sources within " + radius + " listing the project's industry"};
  f[kRelatedIndustrySources] = {
      "related_industry_sources", "count",
      "Talent sources within " + radius + " whose best match is a related industry"};
  f[kNearestRelevantSource] = {
      "nearest_relevant_source_m", "m",
      "Distance to the nearest source of the same or a related industry whose kind supplies the "
      "talent mix; NaN when none lies within " +
          radius};
  f[kWorkersWithinRadius] = {
      "workers_within_radius", "workers",
      has_workforce_ ? "Sum of workers of workforce features within " +
                           format_general(workforce_radius_m_) + " m (missing values count 0)"
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
    double total = source_score;
    if (workforce) {
      workers_near = 0.0;
      reference.within(*workforce, p, workforce_radius_m_, nullptr, hits);
      for (const Hit& h : hits) {
        const double w = workers->number(h.feature);
        if (std::isfinite(w)) workers_near += w;
      }
      workforce_score = workforce_function_(workers_near);
      total = (weight_sources_ * source_score + weight_workforce_ * workforce_score) /
              (weight_sources_ + weight_workforce_);
    }

    out.set_score(i, std::clamp(total, 0.0, 100.0));
    out.set_factor(i, kSourceAccessScore, source_score);
    out.set_factor(i, kWorkforceScore, workforce_score);
    out.set_factor(i, kWeightedAccess, mixed_access);
    for (std::size_t t = 0; t < talent_type_count; ++t)
      out.set_factor(i, kResearcherAccess + t, access[t]);
    out.set_factor(i, kSourcesWithinRadius, static_cast<double>(sources_near));
    out.set_factor(i, kSameIndustrySources, static_cast<double>(same));
    out.set_factor(i, kRelatedIndustrySources, static_cast<double>(related));
    out.set_factor(i, kNearestRelevantSource, nearest_relevant);
    out.set_factor(i, kWorkersWithinRadius, workers_near);
  }
}

}  // namespace siterank::plugins
