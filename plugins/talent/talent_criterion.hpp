// The "talent" criterion: how well a parcel can recruit the people the
// project needs, from talent sources (universities, labs, institutes,
// vocational colleges) weighted by their relevance to the project's industry,
// their tier and the project's talent mix, with distance decay; plus the
// workforce living within commuting reach where the dataset has it.
// The model and its defaults are documented in docs/plugins/talent.md.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <siterank/criterion.hpp>
#include <string>
#include <vector>

namespace siterank::plugins {

class TalentCriterion final : public Criterion {
 public:
  CriterionInfo describe() const override;
  void configure(const ProjectProfile& profile, const Options& options,
                 const ReferenceData& reference) override;
  std::vector<FactorSpec> factors() const override;
  void score(const ParcelBatch& parcels, const ReferenceData& reference,
             BatchResult& out) const override;

  // Talent types of the profile's mix, in this order everywhere.
  static constexpr std::size_t talent_type_count = 3;
  static constexpr std::array<const char*, talent_type_count> talent_types = {
      "researchers", "engineers", "technicians"};
  // Source kinds of the talent_sources layer.
  static constexpr std::array<const char*, 4> source_kinds = {"university", "lab", "institute",
                                                              "vocational_college"};
  // How a source's industries relate to the project's industry, best first.
  enum class Relevance : std::uint8_t { same_industry, related_industry, same_ecosystem, other };
  static constexpr std::array<const char*, 4> relevance_levels = {
      "same_industry", "related_industry", "same_ecosystem", "other_industry"};

 private:
  // What configure() learns about one talent source, distance aside.
  struct Source {
    // Industry relevance x tier weight x kind relevance, per talent type.
    std::array<double, talent_type_count> per_type{};
    double mixed = 0.0;  // per_type weighted by the project's talent mix
    Relevance relevance = Relevance::other;
  };

  // Settings, from the options and the profile: all set by configure(), whose
  // defaults live in describe() only.
  double search_radius_m_ = 0.0;
  ValueFunction distance_decay_;
  double half_saturation_ = 1.0;
  std::array<double, talent_type_count> mix_{};  // shares summing to 1
  bool mix_from_profile_ = false;
  double workforce_radius_m_ = 0.0;
  ValueFunction workforce_function_;
  double weight_sources_ = 0.0;  // normalised with weight_workforce_ when workforce is present
  double weight_workforce_ = 0.0;
  bool has_workforce_ = false;

  // Per feature of the talent_sources layer, by feature index.
  std::vector<Source> sources_;
};

}  // namespace siterank::plugins
