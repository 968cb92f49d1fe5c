// The "talent" criterion: how well a parcel can recruit the people the
// project needs, from talent sources (universities, labs, institutes,
// vocational colleges) weighted by their relevance to the project's industry,
// their tier and the project's talent mix, with distance decay; the workforce
// living within commuting reach where the dataset has it; and the commute to
// the nearest source of the project's industry, in minutes by road when the
// dataset has a road network and in straight-line metres otherwise.
// The model and its defaults are documented in docs/plugins/talent.md.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <siterank/criterion.hpp>
#include <span>
#include <string>
#include <vector>

namespace siterank::plugins {

class TalentCriterion final : public Criterion {
 public:
  CriterionInfo describe() const override;
  // The declared layers, and the road network when the commute is weighed
  // and use_road_network is set.
  CriterionNeeds needs(const ProjectProfile& profile, const Options& options) const override;
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

  // Minutes by road from each of the batch's points `from` to the nearest
  // commute target (NaN when there is none), vetoing parcels the trip cannot
  // be made from when the commute is weighed.
  void commute_by_road(const ReferenceLayer& sources, std::span<const Point> from,
                       const ReferenceData& reference, std::vector<double>& minutes,
                       BatchResult& out) const;

  // Workers of the workforce features each of `from` reaches within
  // workforce_minutes_ by road (NaN off the network, vetoed when the
  // workforce is weighed and the commute did not veto it already).
  void workforce_by_road(const ReferenceLayer& workforce, const AttributeColumn& workers,
                         std::span<const Point> from, const ReferenceData& reference,
                         std::vector<double>& near, BatchResult& out) const;

  // Settings, from the options and the profile: all set by configure(), whose
  // defaults live in describe() only.
  double search_radius_m_ = 0.0;
  ValueFunction distance_decay_;
  double half_saturation_ = 1.0;
  std::array<double, talent_type_count> mix_{};  // shares summing to 1
  bool mix_from_profile_ = false;
  double workforce_radius_m_ = 0.0;  // in a straight line, without a road network
  double workforce_minutes_ = 0.0;   // by road, with one
  ValueFunction workforce_function_;
  double weight_sources_ = 0.0;  // as the options give them
  double weight_workforce_ = 0.0;
  double weight_commute_ = 0.0;
  // Shares of the score: the weights normalised over the terms that can be
  // scored (workforce needs its layer, the commute a matching source).
  double share_sources_ = 0.0;
  double share_workforce_ = 0.0;
  double share_commute_ = 0.0;
  bool has_workforce_ = false;

  // The commute: to the nearest talent source listing the project's industry
  // or a related one, whatever its kind (the SDK filters on one attribute).
  bool commute_present_ = false;  // some source matches commute_filter_
  std::string commute_absent_reason_;
  std::string commute_target_;  // for descriptions and veto reasons
  AttributeFilter commute_filter_;
  bool by_road_ = false;                 // measured in minutes on the dataset's road network
  std::string network_;                  // its description, when by_road_
  std::string straight_reason_;          // why not by road, when !by_road_
  ValueFunction commute_function_;       // of the straight-line distance, m
  ValueFunction commute_time_function_;  // of the travel time by road, min

  // Per feature of the talent_sources layer, by feature index.
  std::vector<Source> sources_;
};

}  // namespace siterank::plugins
