#include "industry_fit_criterion.hpp"

#include <array>
#include <siterank/number_text.hpp>
#include <stdexcept>

namespace siterank::plugins {

namespace {

// Factor columns, in the order factors() declares them.
enum IndustryFitFactor : std::size_t {
  platform_fit_factor,
  chain_fit_factor,
  platform_relation_factor,
  platform_match_rank_factor,
  chain_mass_factor,
  same_industry_firms_factor,
  related_industry_firms_factor,
  chain_leaders_factor,
  adjacent_position_firms_factor,
  nearest_chain_firm_factor,
  industry_fit_factor_count
};

}  // namespace

std::vector<FactorSpec> IndustryFitCriterion::factors() const {
  const RelationCredits c{relations_.credit(IndustryRelation::same),
                          relations_.credit(IndustryRelation::related),
                          relations_.credit(IndustryRelation::same_ecosystem)};
  const ChainSettings& s = chain_;
  std::vector<FactorSpec> f(industry_fit_factor_count);
  f[platform_fit_factor] = {"platform_fit", "score",
                            "best credit over the platform's leading industries: same " +
                                format_fixed(c.same, 6) + ", related " +
                                format_fixed(c.related, 6) + ", same ecosystem " +
                                format_fixed(c.same_ecosystem, 6) +
                                ", times the secondary-listing factor after the first-listed one"};
  f[chain_fit_factor] = {
      "chain_fit", "score",
      "100·(1 − e^(−S/" + format_fixed(s.saturation, 6) + ")) of the chain mass S"};
  f[platform_relation_factor] = {
      "platform_relation", "level",
      "closest relation among the platform's industries: 3 same, 2 related, 1 same ecosystem, 0 "
      "none"};
  f[platform_match_rank_factor] = {"platform_match_rank", "rank",
                                   "position (1 = leading) of the best-matching industry in the "
                                   "platform's list"};
  f[chain_mass_factor] = {"chain_mass", "firms",
                          "S = Σ industry weight · " + s.distance_decay.describe() +
                              "/100 · leader weight · position weight over firms within " +
                              format_fixed(s.radius_m, 6) + " m"};
  f[same_industry_firms_factor] = {"same_industry_firms", "count",
                                   "firms of the project's industry within the radius"};
  f[related_industry_firms_factor] = {"related_industry_firms", "count",
                                      "firms of related industries within the radius"};
  f[chain_leaders_factor] = {"chain_leaders_nearby", "count",
                             "chain leaders (链主) among the counted firms"};
  f[adjacent_position_firms_factor] = {"adjacent_position_firms", "count",
                                       "counted firms one chain step from the project's position"};
  f[nearest_chain_firm_factor] = {"nearest_chain_firm_m", "m",
                                  "distance to the nearest counted firm"};
  return f;
}

PlatformMatch IndustryFitCriterion::platform_of(const ParcelBatch& parcels, std::size_t i,
                                                const ReferenceLayer& platforms,
                                                const ReferenceData& reference,
                                                std::vector<Hit>& hits) const {
  const auto named = platform_by_name_.find(parcels.platform(i));
  if (named != platform_by_name_.end()) return platform_matches_[named->second];
  // No platform name, or one the layer spells differently: the platform
  // polygon the parcel lies in (distance 0).
  reference.within(platforms, parcels.rep_point(i), 0.0, nullptr, hits);
  if (!hits.empty()) return platform_matches_[hits.front().feature];
  return PlatformMatch{};
}

void IndustryFitCriterion::score(const ParcelBatch& parcels, const ReferenceData& reference,
                                 BatchResult& out) const {
  const ReferenceLayer* platforms = reference.layer("platforms");
  if (platforms && platforms->size() != platform_matches_.size())
    throw std::logic_error("industry_fit: the platforms layer changed after configure()");
  const ReferenceLayer* firms = reference.layer("firms");
  const bool chain_applicable = firms && firms->attribute("industry");
  std::vector<Hit> hits;

  for (std::size_t i = 0; i < parcels.size(); ++i) {
    std::array<double, industry_fit_factor_count> f;
    f.fill(missing);

    if (platforms) {
      const PlatformMatch m = platform_of(parcels, i, *platforms, reference, hits);
      f[platform_fit_factor] = m.known ? m.credit : unknown_score_;
      if (m.known) f[platform_relation_factor] = static_cast<double>(m.relation);
      if (m.rank > 0) f[platform_match_rank_factor] = static_cast<double>(m.rank);
    }
    if (chain_applicable) {
      reference.within(*firms, parcels.rep_point(i), chain_.radius_m, &firm_filter_, hits);
      const ChainColocation c =
          chain_colocation(*firms, hits, relations_, project_position_, chain_);
      f[chain_fit_factor] = c.score;
      f[chain_mass_factor] = c.mass;
      f[same_industry_firms_factor] = c.same_industry_firms;
      f[related_industry_firms_factor] = c.related_industry_firms;
      f[chain_leaders_factor] = c.chain_leaders;
      if (project_position_ != ChainPosition::unknown)
        f[adjacent_position_firms_factor] = c.adjacent_position_firms;
      f[nearest_chain_firm_factor] = c.nearest_m;
    }

    double sum = 0.0, weight = 0.0;
    for (auto [k, w] : {std::pair{platform_fit_factor, weight_platform_},
                        std::pair{chain_fit_factor, weight_chain_}}) {
      if (is_missing(f[k]) || !(w > 0.0)) continue;
      sum += w * f[k];
      weight += w;
    }
    out.set_score(i, weight > 0.0 ? sum / weight : unknown_score_);
    for (std::size_t k = 0; k < industry_fit_factor_count; ++k) out.set_factor(i, k, f[k]);
  }
}

}  // namespace siterank::plugins
