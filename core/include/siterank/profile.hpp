// The project profile as plugins see it: parsed and validated by the host
// from the profile JSON (configs/schema/profile.schema.json). Quantities are
// in fixed units whatever the JSON used; NaN means "not stated".
// Standard library only.
#pragma once

#include <map>
#include <siterank/columns.hpp>
#include <string>
#include <vector>

namespace siterank {

struct TalentMix {  // shares of the workforce, summing to 1 when stated
  double researchers = 0.0;
  double engineers = 0.0;
  double technicians = 0.0;
};

struct LogisticsNeeds {  // importance of each mode, 0 (none) .. 1 (critical)
  double freight_trucks = 0.0;
  double air_cargo = 0.0;
  double staff_commuting = 0.0;
  double business_travel = 0.0;
};

struct HardRequirements {
  std::vector<std::string> land_use;    // allowed land-use codes; empty = by project type
  std::vector<std::string> status;      // allowed parcel statuses
  std::vector<std::string> platforms;   // allowed platforms; empty = any
  bool veto_too_small = true;           // parcel below land_min_m2 * (1 - land_tolerance)
  bool veto_over_budget = true;         // price above max_price * (1 + max_overrun)
  bool veto_insufficient_power = true;  // parcel power capacity below power_kva
};

struct ProjectProfile {
  std::string name;
  std::string company;
  std::string description;
  std::string industry;                         // taxonomy code, e.g. "integrated_circuits"
  std::string ecosystem;                        // the industry's ecosystem code, from the taxonomy
  std::vector<std::string> related_industries;  // from the taxonomy
  // Every taxonomy industry code -> its ecosystem code, so a criterion can
  // give partial credit within the project's ecosystem.
  std::map<std::string, std::string> industry_ecosystems;
  std::string
      project_type;  // factory, rd_center, headquarters, rd_pilot_line, logistics, data_center
  std::string chain_position;  // upstream, midstream, downstream, or "" (not stated)

  double land_min_m2 = missing;
  double land_max_m2 = missing;
  double land_tolerance = 0.1;  // fraction below min / above max still accepted

  double investment_yi = missing;         // total investment, 亿元
  double output_wan_per_mu = missing;     // expected output, 万元/亩/year
  double tax_wan_per_mu = missing;        // expected tax, 万元/亩/year
  double max_price_wan_per_mu = missing;  // land price budget, 万元/亩
  double max_overrun = 0.0;               // fraction over max price still accepted

  double floor_area_m2 = missing;      // building floor area needed
  double building_height_m = missing;  // tallest building needed

  double power_kva = missing;
  bool dual_circuit_power = false;
  double water_m3_per_day = missing;

  double jobs = missing;
  TalentMix talent;
  LogisticsNeeds logistics;
  bool start_immediately = false;  // 拿地即开工: ready parcels win

  HardRequirements requirements;
  std::map<std::string, double> weights;  // criterion -> weight, normalised to sum 1
};

}  // namespace siterank
