#include "land_subscores.hpp"

#include <algorithm>
#include <cmath>
#include <siterank/columns.hpp>

namespace siterank::plugins {

Measured area_fit(double area_m2, double min_m2, double max_m2, const LandSettings& s) {
  if (is_missing(min_m2) && is_missing(max_m2)) return {missing, missing};
  if (!(area_m2 > 0.0)) return {s.unknown_score, missing};
  if (!is_missing(min_m2) && area_m2 < min_m2) {
    const double shortfall = (min_m2 - area_m2) / min_m2;
    return {s.area_shortfall(shortfall), -shortfall};
  }
  if (!is_missing(max_m2) && area_m2 > max_m2) {
    const double excess = (area_m2 - max_m2) / max_m2;
    return {s.area_excess(excess), excess};
  }
  return {100.0, 0.0};
}

double land_use_fit(std::string_view code, const LandUsePolicy& policy, const LandSettings& s) {
  if (land_use_code(code).empty()) return s.unknown_score;
  switch (policy.classify(code)) {
    case LandUseFit::allowed:
      return 100.0;
    case LandUseFit::partial:
      return s.partial_land_use_score;
    case LandUseFit::not_allowed:
      return 0.0;
  }
  return 0.0;
}

double readiness(std::string_view status, bool start_immediately, const LandSettings& s) {
  const auto it = s.status_scores.find(status);
  const double base = it != s.status_scores.end() ? it->second : s.unknown_score;
  // 拿地即开工: only a parcel known to be ready lets building start on
  // transfer, so every other one (unknown status included) is discounted.
  if (start_immediately && status != "ready") return base * s.non_ready_factor_immediate;
  return base;
}

Measured price_fit(double price_wan_per_mu, double budget_wan_per_mu, const LandSettings& s) {
  if (is_missing(budget_wan_per_mu)) return {missing, missing};
  if (is_missing(price_wan_per_mu) || price_wan_per_mu < 0.0) return {s.unknown_score, missing};
  const double ratio = price_wan_per_mu / budget_wan_per_mu;
  return {s.price(ratio), ratio};
}

Measured compactness_fit(double compactness, const LandSettings& s) {
  if (is_missing(compactness)) return {s.unknown_score, missing};
  return {s.compactness(compactness), compactness};
}

Measured width_fit(double width_m, const LandSettings& s) {
  if (is_missing(width_m)) return {s.unknown_score, missing};
  const double ratio = width_m / s.min_width_m;
  return {s.width(ratio), ratio};
}

PlotRatioFit plot_ratio_fit(double floor_area_m2, double area_m2, double plot_ratio_min,
                            double plot_ratio_max, const LandSettings& s) {
  if (!(floor_area_m2 > 0.0)) return {missing, missing, missing};
  if (!(area_m2 > 0.0)) return {s.unknown_score, missing, missing};
  const double needed = floor_area_m2 / area_m2;
  const bool has_max = plot_ratio_max > 0.0;  // false for NaN too
  const bool has_min = plot_ratio_min > 0.0;
  if (!has_max && !has_min) return {s.unknown_score, needed, missing};
  double mismatch = 1.0;
  if (has_max) mismatch = std::max(mismatch, needed / plot_ratio_max);  // too dense to fit
  if (has_min) mismatch = std::max(mismatch, plot_ratio_min / needed);  // must build more
  return {s.plot_ratio(mismatch), needed, mismatch};
}

Measured height_fit(double building_height_m, double height_limit_m, const LandSettings& s) {
  if (!(building_height_m > 0.0)) return {missing, missing};
  if (!(height_limit_m > 0.0)) return {s.unknown_score, missing};
  const double ratio = building_height_m / height_limit_m;
  return {s.height(ratio), ratio};
}

Measured power_fit(double available_kva, double needed_kva, const LandSettings& s) {
  if (!(needed_kva > 0.0)) return {missing, missing};
  if (is_missing(available_kva) || available_kva < 0.0) return {s.unknown_score, missing};
  const double ratio = available_kva / needed_kva;
  return {s.power(ratio), ratio};
}

double dual_circuit_flag(double number, std::string_view text) {
  if (!is_missing(number)) return number != 0.0 ? 1.0 : 0.0;
  for (std::string_view yes : {"1", "true", "yes", "y", "TRUE", "Yes", "是", "双回路"})
    if (text == yes) return 1.0;
  for (std::string_view no : {"0", "false", "no", "n", "FALSE", "No", "否", "单回路"})
    if (text == no) return 0.0;
  return missing;
}

Measured dual_circuit_fit(double flag, const LandSettings& s) {
  if (is_missing(flag)) return {s.unknown_score, missing};
  return {flag * 100.0, flag};
}

double weighted_score(const std::array<double, land_sub_count>& sub,
                      const std::array<double, land_sub_count>& weights, double fallback) {
  double sum = 0.0, weight = 0.0;
  for (std::size_t k = 0; k < land_sub_count; ++k) {
    if (is_missing(sub[k]) || !(weights[k] > 0.0)) continue;
    sum += weights[k] * sub[k];
    weight += weights[k];
  }
  return weight > 0.0 ? std::clamp(sum / weight, 0.0, 100.0) : fallback;
}

}  // namespace siterank::plugins
