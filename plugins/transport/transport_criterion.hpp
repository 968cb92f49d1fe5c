// The "transport" criterion: access to expressway interchanges, rail hubs,
// the airport and metro stations, each scored from its travel distance and
// weighted by the project's logistics needs. The model and its defaults are
// documented in docs/plugins/transport.md.
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <siterank/criterion.hpp>
#include <string>
#include <vector>

#include "distance_source.hpp"

namespace siterank::plugins {

class TransportCriterion final : public Criterion {
 public:
  CriterionInfo describe() const override;
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
  static constexpr std::array<const char*, need_count> needs = {
      "freight_trucks", "air_cargo", "staff_commuting", "business_travel"};
  // Straight-line nearest features re-ranked by travel distance: with a
  // detour factor the first is the answer; a network source may reorder them.
  static constexpr std::size_t candidates = 3;

 private:
  struct ModeState {
    ValueFunction value;
    bool present = false;       // its layer exists and has matching features
    bool filtered = false;      // use `filter` in queries
    AttributeFilter filter;     // rail kind, airport cargo
    double need_weight = 0.0;   // from the needs, before dropping absent modes
    double weight = 0.0;        // share of the score: need_weight / sum over present modes
    std::string absent_reason;  // why present is false
  };

  std::array<ModeState, mode_count> state_{};
  std::array<double, need_count> needs_{};
  bool needs_from_profile_ = false;
  std::unique_ptr<const DistanceSource> distance_;
};

}  // namespace siterank::plugins
