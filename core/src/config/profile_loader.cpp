#include "config/profile_loader.hpp"

#include <cmath>
#include <siterank/host/errors.hpp>
#include <siterank/parcels.hpp>

#include "config/json_schema.hpp"
#include "config/profile_usage.hpp"
#include "config/resources.hpp"
#include "config/taxonomy.hpp"
#include "util/json_file.hpp"

namespace siterank {

namespace {

const JsonSchema& profile_schema() {
  static const JsonSchema s{std::string(resources::profile_schema())};
  return s;
}

double number_or(const nlohmann::json& obj, const char* key, double fallback) {
  return obj.contains(key) ? obj[key].get<double>() : fallback;
}

std::vector<std::string> strings_or_empty(const nlohmann::json& obj, const char* key) {
  return obj.contains(key) ? obj[key].get<std::vector<std::string>>() : std::vector<std::string>{};
}

double to_m2(double v, const std::string& unit) {
  if (unit == "m2") return v;
  if (unit == "ha") return v * 10000.0;
  return v * m2_per_mu;
}

}  // namespace

ProfileDocument parse_profile(const nlohmann::json& doc, const std::string& path) {
  const auto errors = profile_schema().validate(doc);
  if (!errors.empty()) {
    std::string more =
        errors.size() > 1 ? " (and " + std::to_string(errors.size() - 1) + " more)" : "";
    throw InputError(path + ": " + errors.front() + more);
  }
  auto fail = [&](const std::string& where, const std::string& what) {
    throw InputError(path + ": " + where + ": " + what);
  };

  ProfileDocument out;
  out.path = path;
  out.stated_fields = stated_profile_fields(doc);
  ProjectProfile& p = out.profile;
  const auto empty = nlohmann::json::object();
  auto section = [&](const char* key) -> const nlohmann::json& {
    return doc.contains(key) ? doc[key] : empty;
  };

  const auto& project = doc["project"];
  p.name = project["name"];
  p.company = project.value("company", "");
  p.description = project.value("description", "");
  p.industry = project["industry"];
  p.project_type = project.value("type", "factory");
  p.chain_position = project.value("chain_position", "");
  const Taxonomy& tax = Taxonomy::builtin();
  const Industry* ind = tax.find(p.industry);
  if (!ind)
    fail("$.project.industry",
         "unknown industry '" + p.industry + "' (known: " + tax.codes() + ")");
  p.ecosystem = ind->ecosystem;
  p.related_industries = ind->related;
  for (const auto& [code, i] : tax.industries()) p.industry_ecosystems[code] = i.ecosystem;

  const auto& land = section("land");
  const std::string unit = land.value("unit", "mu");
  if (land.contains("min")) p.land_min_m2 = to_m2(land["min"], unit);
  if (land.contains("max")) p.land_max_m2 = to_m2(land["max"], unit);
  p.land_tolerance = number_or(land, "tolerance", 0.1);
  if (!std::isnan(p.land_min_m2) && !std::isnan(p.land_max_m2) && p.land_min_m2 > p.land_max_m2)
    fail("$.land",
         "min (" + land["min"].dump() + ") is larger than max (" + land["max"].dump() + ")");

  const auto& inv = section("investment");
  p.investment_yi = number_or(inv, "total_yi", missing);
  p.output_wan_per_mu = number_or(inv, "output_wan_per_mu", missing);
  p.tax_wan_per_mu = number_or(inv, "tax_wan_per_mu", missing);
  const auto& budget = section("budget");
  p.max_price_wan_per_mu = number_or(budget, "max_price_wan_per_mu", missing);
  p.max_overrun = number_or(budget, "max_overrun", 0.0);
  const auto& building = section("building");
  p.floor_area_m2 = number_or(building, "floor_area_m2", missing);
  p.building_height_m = number_or(building, "height_m", missing);
  const auto& util = section("utilities");
  p.power_kva = number_or(util, "power_kva", missing);
  p.dual_circuit_power = util.value("dual_circuit_power", false);
  p.water_m3_per_day = number_or(util, "water_m3_per_day", missing);

  const auto& talent = section("talent");
  p.jobs = number_or(talent, "jobs", missing);
  if (talent.contains("mix")) {
    const auto& mix = talent["mix"];
    TalentMix m{number_or(mix, "researchers", 0), number_or(mix, "engineers", 0),
                number_or(mix, "technicians", 0)};
    const double sum = m.researchers + m.engineers + m.technicians;
    if (!(sum > 0)) fail("$.talent.mix", "shares are all zero");
    p.talent = {m.researchers / sum, m.engineers / sum, m.technicians / sum};
  }
  const auto& lg = section("logistics");
  p.logistics = {number_or(lg, "freight_trucks", 0), number_or(lg, "air_cargo", 0),
                 number_or(lg, "staff_commuting", 0), number_or(lg, "business_travel", 0)};
  p.start_immediately = section("timeline").value("start_immediately", false);

  const auto& req = section("requirements");
  p.requirements.land_use = strings_or_empty(req, "land_use");
  p.requirements.status = strings_or_empty(req, "status");
  p.requirements.platforms = strings_or_empty(req, "platforms");
  p.requirements.veto_too_small = req.value("veto_too_small", true);
  p.requirements.veto_over_budget = req.value("veto_over_budget", true);
  p.requirements.veto_insufficient_power = req.value("veto_insufficient_power", true);
  out.access_limits = parse_access_limits(req);

  ProfileMethods methods = parse_profile_methods(doc, path);
  p.weights = std::move(methods.weights);
  out.raw_weights = std::move(methods.raw_weights);
  out.weighting = std::move(methods.weighting);
  out.aggregation = std::move(methods.aggregation);
  out.warnings = std::move(methods.warnings);

  if (doc.contains("plugins"))
    for (const auto& [name, opts] : doc["plugins"].items()) {
      if (!out.raw_weights.count(name))
        fail("$.plugins." + name, "options for criterion '" + name + "', which " +
                                      (doc.contains("weights") ? "$.weights" : "$.weighting") +
                                      " does not enable");
      out.plugin_sections[name] = opts;
    }
  return out;
}

ProfileDocument load_profile(const std::string& path) {
  return parse_profile(read_json_file(path), path);
}

}  // namespace siterank
