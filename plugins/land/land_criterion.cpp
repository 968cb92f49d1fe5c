#include "land_criterion.hpp"

#include <algorithm>
#include <siterank/number_text.hpp>
#include <stdexcept>

#include "parcel_shape.hpp"

namespace siterank::plugins {

namespace {

// Factor columns, in the order factors() declares them: the sub-scores
// (LandSubScore order) first, then the raw measures.
enum LandFactor : std::size_t {
  area_mu_factor = land_sub_count,
  area_deviation_factor,
  price_factor,
  price_to_budget_factor,
  compactness_factor,
  width_m_factor,
  needed_plot_ratio_factor,
  plot_ratio_mismatch_factor,
  height_to_limit_factor,
  power_kva_factor,
  power_to_need_factor,
  dual_circuit_factor,
  land_factor_count
};

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

bool contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

std::vector<FactorSpec> LandCriterion::factors() const {
  const LandSettings& s = settings_;
  std::vector<FactorSpec> f(land_factor_count);
  f[area_sub] = {"area_fit", "score",
                 "100 inside the land need; below min: " + s.area_shortfall.describe() +
                     " of the shortfall fraction; above max: " + s.area_excess.describe() +
                     " of the excess fraction"};
  f[land_use_sub] = {"land_use_fit", "score",
                     "100 allowed, " + format_fixed(s.partial_land_use_score, 1) +
                         " partially compatible, 0 not allowed (vetoed), by " +
                         (land_use_ ? land_use_->source() : "the project type")};
  f[readiness_sub] = {
      "readiness", "score",
      "status score (status_scores)" +
          std::string(profile_.start_immediately
                          ? ", times " + format_fixed(s.non_ready_factor_immediate, 1) +
                                " unless ready (start_immediately)"
                          : "")};
  f[price_sub] = {"price_fit", "score", s.price.describe() + " of price / budget"};
  f[compactness_sub] = {"compactness_fit", "score", s.compactness.describe() + " of 4πA/P²"};
  f[width_sub] = {"width_fit", "score",
                  s.width.describe() + " of width / " + format_fixed(s.min_width_m, 1) + " m"};
  f[plot_ratio_sub] = {"plot_ratio_fit", "score",
                       s.plot_ratio.describe() + " of the plot-ratio mismatch"};
  f[height_sub] = {"height_fit", "score", s.height.describe() + " of building height / limit"};
  f[power_sub] = {"power_fit", "score", s.power.describe() + " of available / needed power"};
  f[dual_circuit_sub] = {"dual_circuit_fit", "score",
                         "100 with dual-circuit power, 0 without, when the project needs it"};
  f[area_mu_factor] = {"area_mu", "mu", "parcel area (1 mu = 666.67 m²)"};
  f[area_deviation_factor] = {"area_deviation", "fraction",
                              "-0.2 = 20% below the minimum need, +0.5 = 50% above the maximum, 0 "
                              "inside"};
  f[price_factor] = {"price_wan_per_mu", "万元/亩", "land price"};
  f[price_to_budget_factor] = {"price_to_budget", "ratio", "price / max_price_wan_per_mu"};
  f[compactness_factor] = {"compactness", "ratio", "4πA/P² (1 circle, 0.785 square)"};
  f[width_m_factor] = {"width_m", "m", "shorter side of the minimum-area enclosing rectangle"};
  f[needed_plot_ratio_factor] = {"needed_plot_ratio", "ratio", "floor area needed / parcel area"};
  f[plot_ratio_mismatch_factor] = {
      "plot_ratio_mismatch", "ratio",
      "max(1, needed / plot_ratio_max, plot_ratio_min / needed); 1 = complies"};
  f[height_to_limit_factor] = {"height_to_limit", "ratio", "building height / height limit"};
  f[power_kva_factor] = {"power_kva", "kVA", "parcel power capacity"};
  f[power_to_need_factor] = {"power_to_need", "ratio", "parcel power capacity / power needed"};
  f[dual_circuit_factor] = {
      "dual_circuit", "flag",
      "1 dual-circuit power available, 0 not, from the '" + s.dual_circuit_field + "' field"};
  return f;
}

void LandCriterion::score(const ParcelBatch& parcels, const ReferenceData& /*reference*/,
                          BatchResult& out) const {
  if (!land_use_) throw std::logic_error("land: score() called before configure()");
  const ParcelTable& table = parcels.table();
  const LandSettings& s = settings_;
  const ProjectProfile& p = profile_;
  // A field the dataset does not map makes its sub-score not applicable;
  // a mapped field left empty for one parcel scores unknown_score.
  const bool has_price = table.has_field("price_wan_per_mu");
  const bool has_plot_ratio =
      table.has_field("plot_ratio_max") || table.has_field("plot_ratio_min");
  const bool has_height = table.has_field("height_limit_m");
  const bool has_power = table.has_field("power_kva");
  const bool dual_circuit_known =
      p.dual_circuit_power && table.extra_field(s.dual_circuit_field) != nullptr;

  for (std::size_t i = 0; i < parcels.size(); ++i) {
    std::array<double, land_factor_count> f;
    f.fill(missing);
    const double area = parcels.area_m2(i);

    const Measured area_match = area_fit(area, p.land_min_m2, p.land_max_m2, s);
    f[area_sub] = area_match.score;
    f[area_deviation_factor] = area_match.measure;
    f[area_mu_factor] = parcels.area_mu(i);

    f[land_use_sub] = land_use_fit(parcels.land_use(i), *land_use_, s);
    f[readiness_sub] = readiness(parcels.status(i), p.start_immediately, s);

    if (has_price) {
      const Measured m = price_fit(parcels.price_wan_per_mu(i), p.max_price_wan_per_mu, s);
      f[price_sub] = m.score;
      f[price_to_budget_factor] = m.measure;
      f[price_factor] = parcels.price_wan_per_mu(i);
    }

    const PolygonView geometry = parcels.geometry(i);
    const double c = compactness(area, geometry.perimeter());
    const Measured compact = compactness_fit(c, s);
    f[compactness_sub] = compact.score;
    f[compactness_factor] = c;
    const double width = geometry.ring_count() > 0 ? min_area_rectangle(geometry).width_m : missing;
    f[width_sub] = width_fit(width, s).score;
    f[width_m_factor] = width;

    if (has_plot_ratio) {
      const PlotRatioFit m = plot_ratio_fit(p.floor_area_m2, area, parcels.plot_ratio_min(i),
                                            parcels.plot_ratio_max(i), s);
      f[plot_ratio_sub] = m.score;
      f[needed_plot_ratio_factor] = m.needed;
      f[plot_ratio_mismatch_factor] = m.mismatch;
    }
    if (has_height) {
      const Measured m = height_fit(p.building_height_m, parcels.height_limit_m(i), s);
      f[height_sub] = m.score;
      f[height_to_limit_factor] = m.measure;
    }
    if (has_power) {
      const Measured m = power_fit(parcels.power_kva(i), p.power_kva, s);
      f[power_sub] = m.score;
      f[power_to_need_factor] = m.measure;
      f[power_kva_factor] = parcels.power_kva(i);
    }
    if (dual_circuit_known) {
      const double flag = dual_circuit_flag(parcels.number(s.dual_circuit_field, i),
                                            parcels.text(s.dual_circuit_field, i));
      f[dual_circuit_sub] = dual_circuit_fit(flag, s).score;
      f[dual_circuit_factor] = flag;
    }

    std::array<double, land_sub_count> sub;
    std::copy_n(f.begin(), land_sub_count, sub.begin());
    out.set_score(i, weighted_score(sub, weights_, s.unknown_score));
    for (std::size_t k = 0; k < land_factor_count; ++k) out.set_factor(i, k, f[k]);
    veto_parcel(parcels, i, out);
  }
}

// The land criterion's own vetoes, where the profile leaves the choice to
// it: land uses the project type does not allow (when $.requirements.land_use
// is empty) and statuses other than ready and available (when
// $.requirements.status is empty). Stated requirements, and the size,
// budget, power and platform rules, are the host's (core/src/scoring/
// requirements.cpp). A missing parcel value never vetoes.
void LandCriterion::veto_parcel(const ParcelBatch& parcels, std::size_t i, BatchResult& out) const {
  const HardRequirements& req = profile_.requirements;
  const std::string_view land_use = parcels.land_use(i);
  if (req.land_use.empty() && !land_use_code(land_use).empty() &&
      land_use_->classify(land_use) == LandUseFit::not_allowed)
    out.veto(i, land_use_->not_allowed_reason(land_use));

  const std::string_view status = parcels.status(i);
  if (req.status.empty() && !status.empty() && !contains(allowed_statuses_, status))
    out.veto(i, "status " + std::string(status) +
                    " not allowed (allowed: " + join(allowed_statuses_) + ")");
}

}  // namespace siterank::plugins
