// The proximity criterion: one reference layer summed up around each parcel
// by a textbook measure (nearest, k nearest, count within r, sum of decayed
// values; siterank/proximity.hpp), mapped to a score by a value function.
// A profile uses it once per term, each under its own criterion name
// ("plugins": {"near_university": {"use": "proximity", ...}}).
#pragma once

#include <siterank/criterion.hpp>
#include <siterank/proximity.hpp>
#include <string>
#include <vector>

namespace siterank::plugins {

class ProximityCriterion final : public Criterion {
 public:
  CriterionInfo describe() const override;
  CriterionNeeds needs(const ProjectProfile& profile, const Options& options) const override;
  void configure(const ProjectProfile& profile, const Options& options,
                 const ReferenceData& reference) override;
  std::vector<FactorSpec> factors() const override;
  void score(const ParcelBatch& parcels, const ReferenceData& reference,
             BatchResult& out) const override;

 private:
  std::string role_;
  const ReferenceLayer* layer_ = nullptr;
  Proximity proximity_;
  bool filtered_ = false;
  AttributeFilter filter_;
  ValueFunction score_function_;
};

// The measure the options describe, or std::invalid_argument naming the option.
Proximity proximity_from(const Options& options);

}  // namespace siterank::plugins
