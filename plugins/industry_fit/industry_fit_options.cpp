// The industry_fit criterion's declaration (options, layers) and
// configure(): options are parsed and checked, and every platform's
// leading industries are judged once against the project's industry.
#include <limits>
#include <stdexcept>

#include "industry_fit_criterion.hpp"

namespace siterank::plugins {

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

OptionSpec number(std::string name, double def, std::string unit, std::string description,
                  double min = 0.0, double max = inf) {
  return OptionSpec::number(std::move(name), def, std::move(unit), std::move(description), min,
                            max);
}

}  // namespace

CriterionInfo IndustryFitCriterion::describe() const {
  CriterionInfo info;
  info.name = "industry_fit";
  info.version = "1.0.0";
  info.description =
      "Industry fit: the platform's leading industries and the project's chain firms nearby";
  auto& o = info.options;
  o.push_back(number("weight_platform", 50, "", "weight of platform_fit"));
  o.push_back(number("weight_chain", 50, "", "weight of chain_fit"));
  o.push_back(number("same_industry_credit", 100, "score",
                     "platform credit of a leading industry equal to the project's", 0, 100));
  o.push_back(number("related_industry_credit", 60, "score",
                     "platform credit of a leading industry related to the project's (taxonomy)", 0,
                     100));
  o.push_back(number("same_ecosystem_credit", 30, "score",
                     "platform credit of a leading industry in the project's ecosystem", 0, 100));
  o.push_back(number("secondary_listing_factor", 0.9, "",
                     "credit multiplier of industries listed after the platform's first (leading) "
                     "one",
                     0, 1));
  o.push_back(number("radius_m", 5000, "m", "radius within which chain firms count"));
  OptionSpec decay;
  decay.name = "distance_decay";
  decay.type = OptionType::value_function;
  decay.default_value = ValueFunction::exp_decay(2000);
  decay.unit = "score";
  decay.description = "weight (score / 100) of a chain firm by its distance in m";
  o.push_back(std::move(decay));
  o.push_back(number("related_firm_weight", 0.5, "",
                     "weight of a firm of a related industry (same industry = 1); 0 ignores them",
                     0, 1));
  o.push_back(
      number("chain_leader_weight", 3, "", "weight multiplier of a chain leader (链主)", 1));
  o.push_back(
      number("adjacent_position_weight", 1.0, "",
             "weight of a firm one chain step from the project (its supplier or customer)"));
  o.push_back(number("same_position_weight", 0.6, "",
                     "weight of a firm at the project's own chain position"));
  o.push_back(number("distant_position_weight", 0.6, "",
                     "weight of a firm two chain steps away (upstream <-> downstream)"));
  o.push_back(number("unknown_position_weight", 0.75, "",
                     "weight of a firm when its or the project's chain position is not stated"));
  o.push_back(number("saturation", 2.0, "firms",
                     "chain mass S0 at which chain_fit reaches 63% (100·(1 − e^(−S/S0)))"));
  o.push_back(number("unknown_score", 50, "score",
                     "platform_fit of a parcel whose platform or its industries are unknown", 0,
                     100));

  info.layers.push_back({"platforms",
                         GeometryKind::polygon,
                         {"name", "industries"},
                         false,
                         "leading industries of the parcel's platform (matched by name, else by "
                         "containing polygon)",
                         {}});
  info.layers.push_back({"firms",
                         GeometryKind::point,
                         {"industry"},
                         true,
                         "chain firms near the parcel; chain_position and chain_leader used when "
                         "mapped",
                         {"chain_position", "chain_leader"}});
  // The parcel's platform name is used when mapped; without it the
  // platform is found by location.
  info.optional_parcel_fields = {"platform"};
  info.profile_fields = {"$.project.chain_position"};
  return info;
}

void IndustryFitCriterion::configure(const ProjectProfile& profile, const Options& o,
                                     const ReferenceData& reference) {
  if (profile.industry.empty())
    throw std::invalid_argument("industry_fit needs the project's industry");
  const double weight_platform = o.number("weight_platform");
  const double weight_chain = o.number("weight_chain");
  if (!(weight_platform >= 0.0 && weight_chain >= 0.0 && weight_platform + weight_chain > 0.0))
    throw std::invalid_argument("weight_platform and weight_chain must be >= 0, not both 0");

  RelationCredits credits{o.number("same_industry_credit"), o.number("related_industry_credit"),
                          o.number("same_ecosystem_credit")};
  if (!(credits.same >= credits.related && credits.related >= credits.same_ecosystem &&
        credits.same_ecosystem >= 0.0))
    throw std::invalid_argument(
        "credits must satisfy same_industry_credit >= related_industry_credit >= "
        "same_ecosystem_credit >= 0");
  const double secondary = o.number("secondary_listing_factor");
  if (!(secondary >= 0.0 && secondary <= 1.0))
    throw std::invalid_argument("secondary_listing_factor must lie in [0, 1]");

  ChainSettings chain;
  chain.radius_m = o.number("radius_m");
  if (!(chain.radius_m > 0.0)) throw std::invalid_argument("radius_m must be > 0");
  chain.distance_decay = o.value_function("distance_decay");
  chain.distance_decay.require_never_rises("distance_decay", 0.0, chain.radius_m);
  chain.related_firm_weight = o.number("related_firm_weight");
  chain.chain_leader_weight = o.number("chain_leader_weight");
  chain.adjacent_position_weight = o.number("adjacent_position_weight");
  chain.same_position_weight = o.number("same_position_weight");
  chain.distant_position_weight = o.number("distant_position_weight");
  chain.unknown_position_weight = o.number("unknown_position_weight");
  chain.saturation = o.number("saturation");
  if (!(chain.saturation > 0.0)) throw std::invalid_argument("saturation must be > 0");
  if (!(chain.related_firm_weight >= 0.0 && chain.related_firm_weight <= 1.0))
    throw std::invalid_argument(
        "related_firm_weight must lie in [0, 1]: a related firm never "
        "counts more than one of the project's own industry");
  if (!(chain.chain_leader_weight >= 1.0))
    throw std::invalid_argument(
        "chain_leader_weight must be >= 1: a chain leader never counts "
        "less than another firm");
  for (double w : {chain.adjacent_position_weight, chain.same_position_weight,
                   chain.distant_position_weight, chain.unknown_position_weight})
    if (!(w >= 0.0)) throw std::invalid_argument("chain position weights must be >= 0");

  unknown_score_ = o.number("unknown_score");
  weight_platform_ = weight_platform;
  weight_chain_ = weight_chain;
  relations_ = IndustryRelations(profile, credits, secondary);
  chain_ = std::move(chain);
  firm_filter_ = chain_filter(relations_, chain_);
  project_position_ = parse_chain_position(profile.chain_position);

  platform_by_name_.clear();
  platform_matches_.clear();
  if (const ReferenceLayer* platforms = reference.layer("platforms")) {
    for (std::size_t f = 0; f < platforms->size(); ++f) {
      const std::string_view name = platforms->label(f);
      if (!name.empty()) platform_by_name_.emplace(std::string(name), f);  // the first one wins
      platform_matches_.push_back(relations_.match_platform(platforms->text("industries", f)));
    }
  }
}

}  // namespace siterank::plugins
