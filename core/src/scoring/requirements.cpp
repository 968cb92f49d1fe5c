#include "scoring/requirements.hpp"

#include <algorithm>

#include "util/text_format.hpp"

namespace siterank {

namespace {

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

std::vector<VetoEntry> requirement_vetoes(const ProjectProfile& p, const ParcelTable& t) {
  const HardRequirements& req = p.requirements;
  std::vector<std::string> land_uses;
  for (const auto& c : req.land_use) land_uses.push_back(land_use_code(c));
  const double smallest = p.land_min_m2 * (1.0 - p.land_tolerance);
  const bool check_size = req.veto_too_small && !is_missing(p.land_min_m2);
  const double budget = p.max_price_wan_per_mu;
  // Unmapped number columns are NaN for every parcel, so they never veto.
  const bool check_price = req.veto_over_budget && !is_missing(budget);
  const bool check_power = req.veto_insufficient_power && p.power_kva > 0.0;

  std::vector<VetoEntry> out;
  auto veto = [&](std::size_t i, std::string reason) {
    out.push_back({i, requirements_source, std::move(reason)});
  };
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!land_uses.empty()) {
      const std::string code = land_use_code(t.land_use.at(i));
      if (!code.empty() && std::ranges::find(land_uses, code) == land_uses.end())
        veto(i, "land use " + code + " not allowed (required: " + join(land_uses) + ")");
    }
    const double area = t.area_m2[i];
    if (check_size && area > 0.0 && area < smallest)
      veto(i, "too small: " + format_fixed(area / m2_per_mu, 1) + " mu, below the " +
                  format_fixed(smallest / m2_per_mu, 1) + " mu minimum (" +
                  format_fixed(p.land_min_m2 / m2_per_mu, 1) + " mu less " +
                  format_fixed(100.0 * p.land_tolerance, 1) + "% tolerance)");
    const std::string_view status = t.status.at(i);
    if (!req.status.empty() && !status.empty() &&
        std::ranges::find(req.status, status) == req.status.end())
      veto(i, "status " + std::string(status) + " not allowed (allowed: " + join(req.status) + ")");
    if (check_price) {
      const double price = t.price_wan_per_mu[i];
      if (!is_missing(price) && price > budget * (1.0 + p.max_overrun))
        veto(i, "price " + format_fixed(price, 1) + " 万元/亩 is " +
                    format_fixed(100.0 * (price / budget - 1.0), 1) + "% over the " +
                    format_fixed(budget, 1) + " 万元/亩 budget (max overrun " +
                    format_fixed(100.0 * p.max_overrun, 1) + "%)");
    }
    if (check_power) {
      const double power = t.power_kva[i];
      if (!is_missing(power) && power < p.power_kva)
        veto(i, "power " + format_fixed(power, 1) + " kVA below the " +
                    format_fixed(p.power_kva, 1) + " kVA needed");
    }
    const std::string_view platform = t.platform.at(i);
    if (!req.platforms.empty() && !platform.empty() &&
        std::ranges::find(req.platforms, platform) == req.platforms.end())
      veto(i, "platform " + std::string(platform) + " not among the required platforms (" +
                  join(req.platforms) + ")");
  }
  return out;
}

std::vector<std::string> requirement_profile_fields(const ProjectProfile& p) {
  std::vector<std::string> fields{"$.requirements"};
  if (p.requirements.veto_too_small) {
    fields.push_back("$.land.min");
    fields.push_back("$.land.tolerance");
  }
  if (p.requirements.veto_over_budget) fields.push_back("$.budget");
  if (p.requirements.veto_insufficient_power) fields.push_back("$.utilities.power_kva");
  return fields;
}

}  // namespace siterank
