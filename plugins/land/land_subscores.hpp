// The land criterion's sub-scores, each on 0..100, as pure functions of a
// parcel's values and the project's needs. A NaN score means "not
// applicable" (the project states no need, or the dataset lacks the field);
// a missing parcel value scores `unknown` instead.
#pragma once

#include <array>
#include <cstddef>
#include <siterank/options.hpp>
#include <siterank/value_function.hpp>
#include <string>
#include <string_view>

#include "land_use_matrix.hpp"

namespace siterank::plugins {

enum LandSubScore : std::size_t {
  area_sub,
  land_use_sub,
  readiness_sub,
  price_sub,
  compactness_sub,
  width_sub,
  plot_ratio_sub,
  height_sub,
  power_sub,
  dual_circuit_sub,
  land_sub_count
};

// Option-name stems: weight_<stem>.
inline constexpr std::array<const char*, land_sub_count> land_sub_names = {
    "area",  "land_use",   "readiness", "price", "compactness",
    "width", "plot_ratio", "height",    "power", "dual_circuit"};

// The land plugin's options, parsed and checked by configure().
struct LandSettings {
  std::array<double, land_sub_count> weights{};
  double readiness_weight_immediate = 0.0;
  ValueFunction area_shortfall, area_excess, price, compactness, width, plot_ratio, height, power;
  double partial_land_use_score = 0.0;
  NumberMap status_scores;
  double non_ready_factor_immediate = 1.0;
  double min_width_m = 0.0;
  std::string dual_circuit_field;
  double unknown_score = 50.0;
};

// A sub-score and the raw measure it was computed from.
struct Measured {
  double score;
  double measure;
};

// measure: signed relative deviation from the need, -0.2 = 20% below
// min_m2, +0.5 = 50% above max_m2, 0 inside. min or max may be NaN (open).
Measured area_fit(double area_m2, double min_m2, double max_m2, const LandSettings& s);

double land_use_fit(std::string_view code, const LandUsePolicy& policy, const LandSettings& s);

double readiness(std::string_view status, bool start_immediately, const LandSettings& s);

// measure: price / budget.
Measured price_fit(double price_wan_per_mu, double budget_wan_per_mu, const LandSettings& s);

// measure: 4πA/P².
Measured compactness_fit(double compactness, const LandSettings& s);

// measure: width / min_width_m.
Measured width_fit(double width_m, const LandSettings& s);

// Factor by which the project's floor area would have to change to comply
// with the parcel's plot-ratio limits: max(1, needed / max, min / needed).
struct PlotRatioFit {
  double score;
  double needed;
  double mismatch;
};
PlotRatioFit plot_ratio_fit(double floor_area_m2, double area_m2, double plot_ratio_min,
                            double plot_ratio_max, const LandSettings& s);

// measure: building height / height limit.
Measured height_fit(double building_height_m, double height_limit_m, const LandSettings& s);

// measure: available power / needed power.
Measured power_fit(double available_kva, double needed_kva, const LandSettings& s);

// A parcel's dual-circuit flag from a numeric or text extra field: 1, 0,
// or NaN when empty or unreadable.
double dual_circuit_flag(double number, std::string_view text);
// measure: the flag.
Measured dual_circuit_fit(double flag, const LandSettings& s);

// Σ w·s / Σ w over the applicable (non-NaN) sub-scores with weight > 0;
// `fallback` when none is.
double weighted_score(const std::array<double, land_sub_count>& sub,
                      const std::array<double, land_sub_count>& weights, double fallback);

}  // namespace siterank::plugins
