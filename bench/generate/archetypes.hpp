// Platform archetypes and attribute styles of the benchmark generator: the
// 15 platforms of the Hangzhou sample (geodata/hangzhou/generate.py), whose
// land-use mix, prices, power, status and parcel sizes each generated
// platform copies, and the sample's reference-layer attribute pools.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace bench {

constexpr double m2_per_mu = 10000.0 / 15.0;
// The brief's industrial parcel range, 亩.
constexpr double min_parcel_mu = 10.0;
constexpr double max_parcel_mu = 300.0;

struct Range {
  double lo, hi;
};

struct Archetype {
  std::string code;      // parcel id prefix, e.g. QT-XG
  std::string name;      // generated platforms are "<name>-<k>"
  std::string district;  // 所在区
  std::vector<std::string> industries;
  std::string description;
  double angle_deg;                   // road grid orientation
  Range block_u, block_v;             // block sizes, m
  double weight;                      // parcels in the sample: how often it is picked
  double area_median_mu, area_sigma;  // lognormal parcel size
  Range area_mu;                      // sample's size limits (clamped to 10..300)
  std::vector<std::pair<std::string, double>> uses;
  Range price_ind, price_inno;  // 万元/亩: industrial and logistics / the others
  double power_factor, water_factor, dual;
  std::vector<std::pair<std::string, double>> status;  // canonical status weights
  int flood;
};

struct UseStyle {
  Range pr_min, pr_max;
  std::vector<int> heights;
  Range kva_per_mu, water_per_mu;
};

const std::vector<Archetype>& archetypes();
// "industrial", "innovative", "research", "commercial" or "logistics".
const std::string& land_use_class(const std::string& code);
const UseStyle& use_style(const std::string& cls);
// Extra power of heavier industry (M2, 100102, M3), else 1.
double heavy_power_factor(const std::string& code);
// Canonical status -> the sample's Chinese source value (净地 ...).
const std::string& status_zh(const std::string& canonical);

struct TalentStyle {
  std::string kind, industries;
  int tier;
};
const std::vector<TalentStyle>& talent_styles();  // the sample's 42 sources
const std::vector<int>& workforce_sizes();        // the sample's 31 centres
const std::vector<std::string>& rail_kinds();     // the sample's 6 hubs

}  // namespace bench
