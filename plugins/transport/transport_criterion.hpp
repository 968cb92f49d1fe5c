// The "transport" criterion: access to expressway interchanges, rail hubs,
// the airport and metro stations, each scored from its travel distance and
// weighted by the project's logistics needs. The model and its defaults are
// documented in docs/plugins/transport.md.
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <siterank/criterion.hpp>
#include <span>
#include <string>
#include <vector>

#include "distance_source.hpp"

namespace siterank::plugins {

class TransportCriterion final : public Criterion {
 public:
  CriterionInfo describe() const override;
  // The layers of the modes the needs weigh (required with
  // require_needed_layers), and the road network when a road mode is used.
  CriterionNeeds needs(const ProjectProfile& profile, const Options& options) const override;
  void configure(const ProjectProfile& profile, const Options& options,
                 const ReferenceData& reference) override;
  std::vector<FactorSpec> factors() const override;
  void score(const ParcelBatch& parcels, const ReferenceData& reference,
             BatchResult& out) const override;

  // A way of reaching the parcel, scored on its own: the nearest feature of
  // `role` (matching a filter for some modes) by `leg`.
  struct Mode {
    const char* name;  // factor and option prefix
    const char* role;  // reference layer role
    Leg leg;
    const char* what;  // for descriptions
  };
  static constexpr std::size_t mode_count = 6;
  static constexpr std::array<Mode, mode_count> modes = {{
      {"interchange", "interchanges", Leg::road, "expressway interchange"},
      {"freight_rail", "rail_hubs", Leg::road, "rail hub of kind freight"},
      {"cargo_airport", "airports", Leg::road, "airport handling air cargo (cargo = 1)"},
      {"metro", "metro_stations", Leg::walk, "metro station"},
      {"high_speed_rail", "rail_hubs", Leg::road, "rail hub of kind high_speed"},
      {"airport", "airports", Leg::road, "airport"},
  }};
  // The profile's logistics needs, in this order.
  static constexpr std::size_t need_count = 4;
  static constexpr std::array<const char*, need_count> need_names = {
      "freight_trucks", "air_cargo", "staff_commuting", "business_travel"};
  // Straight-line nearest features re-ranked by travel distance: with a
  // detour factor the first is the answer; a network source may reorder them.
  static constexpr std::size_t candidates = 3;

 private:
  struct ModeState {
    ValueFunction value;        // of the travel distance, m
    ValueFunction time_value;   // of the travel time by road, min
    bool by_road = false;       // measured in minutes on the dataset's road network
    bool present = false;       // its layer exists and has matching features
    bool filtered = false;      // use `filter` in queries
    AttributeFilter filter;     // rail kind, airport cargo
    double need_weight = 0.0;   // from the needs, before dropping absent modes
    double weight = 0.0;        // share of the score: need_weight / sum over present modes
    std::string absent_reason;  // why present is false
  };

  // Each mode's weight from the needs: the needs it serves times its share.
  static std::array<double, mode_count> need_weights(const std::array<double, need_count>& needs,
                                                     const Options& options);
  // The profile's needs when it states any, else default_needs.
  static std::array<double, need_count> effective_needs(const ProjectProfile& profile,
                                                        const Options& options, bool& from_profile);
  // Minutes by road from each of the batch's points `from` to the mode's
  // nearest feature (NaN when none), vetoing parcels a weighed mode cannot serve.
  void score_by_road(std::size_t mode, const ReferenceLayer& layer, std::span<const Point> from,
                     const ReferenceData& reference, std::vector<double>& minutes,
                     std::vector<double>& nearest, BatchResult& out) const;

  std::array<ModeState, mode_count> state_{};
  std::string network_;  // the road network's description, when modes use it
  std::array<double, need_count> needs_{};
  bool needs_from_profile_ = false;
  std::unique_ptr<const DistanceSource> distance_;
};

}  // namespace siterank::plugins
