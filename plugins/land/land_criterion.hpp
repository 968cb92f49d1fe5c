// The "land" criterion: how well a parcel's land fits the project: area,
// land-use compatibility, readiness, price, shape, building limits and
// power. Hard requirements become vetoes. See docs/plugins/land.md.
#pragma once

#include <optional>
#include <siterank/criterion.hpp>
#include <string>
#include <vector>

#include "land_subscores.hpp"
#include "land_use_matrix.hpp"

namespace siterank::plugins {

class LandCriterion final : public Criterion {
 public:
  CriterionInfo describe() const override;
  void configure(const ProjectProfile& profile, const Options& options,
                 const ReferenceData& reference) override;
  std::vector<FactorSpec> factors() const override;
  void score(const ParcelBatch& parcels, const ReferenceData& reference,
             BatchResult& out) const override;

 private:
  // Appends the parcel's vetoes (one line each) to `out`.
  void veto_parcel(const ParcelBatch& parcels, std::size_t i, BatchResult& out) const;

  ProjectProfile profile_;
  LandSettings settings_;
  std::array<double, land_sub_count> weights_{};  // with the start-immediately readiness weight
  std::optional<LandUsePolicy> land_use_;
  std::vector<std::string> allowed_statuses_;
};

}  // namespace siterank::plugins
