// The "industry_fit" criterion: does the parcel's platform lead in the
// project's industry, and does the project's industrial chain already sit
// around the parcel? See docs/plugins/industry_fit.md.
#pragma once

#include <map>
#include <siterank/criterion.hpp>
#include <string>
#include <vector>

#include "chain_colocation.hpp"
#include "industry_relations.hpp"

namespace siterank::plugins {

class IndustryFitCriterion final : public Criterion {
 public:
  CriterionInfo describe() const override;
  void configure(const ProjectProfile& profile, const Options& options,
                 const ReferenceData& reference) override;
  std::vector<FactorSpec> factors() const override;
  void score(const ParcelBatch& parcels, const ReferenceData& reference,
             BatchResult& out) const override;

 private:
  // The parcel's platform: by name, else the platform polygon containing
  // the parcel. `hits` is scratch space.
  PlatformMatch platform_of(const ParcelBatch& parcels, std::size_t i,
                            const ReferenceLayer& platforms, const ReferenceData& reference,
                            std::vector<Hit>& hits) const;

  IndustryRelations relations_;
  ChainSettings chain_;
  AttributeFilter firm_filter_;
  ChainPosition project_position_ = ChainPosition::unknown;
  double weight_platform_ = 0.0;
  double weight_chain_ = 0.0;
  double unknown_score_ = 50.0;
  // Each feature of the platforms layer judged once, in configure().
  std::map<std::string, std::size_t, std::less<>> platform_by_name_;
  std::vector<PlatformMatch> platform_matches_;
};

}  // namespace siterank::plugins
