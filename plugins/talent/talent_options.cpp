// The talent criterion's options, layers and configuration: everything that
// is settled once per run, before any parcel is scored.
#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "talent_criterion.hpp"

namespace siterank::plugins {

namespace {

constexpr const char* kVersion = "1.1.0";
constexpr const char* kSourcesRole = "talent_sources";
constexpr const char* kWorkforceRole = "workforce";

// Which source kinds each talent type draws on, 0..1. Researchers come from
// labs and institutes first, then universities (PhDs, postdocs); engineers
// from universities (bachelor and master graduates), and from labs and
// institutes to a lesser degree; technicians from vocational colleges.
NumberMap default_kind_relevance(std::string_view talent_type) {
  if (talent_type == "researchers")
    return {{"university", 0.7}, {"lab", 1.0}, {"institute", 1.0}, {"vocational_college", 0.0}};
  if (talent_type == "engineers")
    return {{"university", 1.0}, {"lab", 0.3}, {"institute", 0.5}, {"vocational_college", 0.3}};
  return {{"university", 0.2}, {"lab", 0.0}, {"institute", 0.1}, {"vocational_college", 1.0}};
}

std::string kind_option_name(std::string_view talent_type) {
  // "researchers" -> "researcher_sources"
  return std::string(talent_type.substr(0, talent_type.size() - 1)) + "_sources";
}

std::vector<std::string> names(const auto& array) { return {array.begin(), array.end()}; }

OptionSpec number_option(std::string name, double fallback, std::string unit,
                         std::string description, double minimum) {
  return OptionSpec::number(std::move(name), fallback, std::move(unit), std::move(description),
                            minimum);
}

OptionSpec function_option(std::string name, ValueFunction fallback, std::string unit,
                           std::string description) {
  return OptionSpec::value_function(std::move(name), std::move(fallback), std::move(unit),
                                    std::move(description));
}

// The commute defaults. By road: 20 minutes or less scores full, the 45
// minutes China's commute monitoring takes as the bound of an efficient
// commute scores 37.5, an hour (its "extreme commute") nothing. In a straight
// line: the same reach at about 50 km/h door to door on roads 1.3 times the
// straight line (20 min ~ 13 km, 60 min ~ 38 km), as transport assumes.
ValueFunction default_commute_time_function() { return ValueFunction::linear(60.0, 20.0); }
ValueFunction default_commute_function() { return ValueFunction::linear(38000.0, 13000.0); }

// A name -> weight map with known keys and values in [0, 1].
OptionSpec weights_option(std::string name, NumberMap fallback, std::string unit,
                          std::string description, std::vector<std::string> keys) {
  return OptionSpec::number_map(std::move(name), std::move(fallback), std::move(unit),
                                std::move(description), std::move(keys), 0.0, 1.0);
}

[[noreturn]] void refuse(const std::string& option, const std::string& why) {
  throw std::invalid_argument("option '" + option + "': " + why);
}

// A map whose every key must be given, with values that never rise along
// `keys` (a better class must not weigh less) and a positive first value.
std::vector<double> ordered_weights(const Options& options, const std::string& option,
                                    const std::vector<std::string>& keys) {
  const NumberMap& m = options.number_map(option);
  std::vector<double> w;
  for (const auto& k : keys) {
    const auto it = m.find(k);
    if (it == m.end()) {
      std::string all;
      for (const auto& key : keys) all += (all.empty() ? "" : ", ") + key;
      refuse(option, "must give every one of " + all + " (missing '" + k + "')");
    }
    if (!(it->second >= 0.0 && it->second <= 1.0)) refuse(option, "'" + k + "' must lie in [0, 1]");
    if (!w.empty() && it->second > w.back())
      refuse(option, "'" + k + "' weighs more than '" + keys[w.size() - 1] + "'");
    w.push_back(it->second);
  }
  if (!(w.front() > 0.0)) refuse(option, "'" + keys.front() + "' must be > 0");
  return w;
}

double positive(const Options& options, const std::string& option) {
  const double v = options.number(option);
  if (!(v > 0.0 && std::isfinite(v))) refuse(option, "must be a finite number > 0");
  return v;
}

// Splits "a;b; c" into trimmed, non-empty tokens.
std::vector<std::string_view> split_codes(std::string_view s) {
  std::vector<std::string_view> out;
  while (!s.empty()) {
    const auto semi = s.find(';');
    std::string_view part = s.substr(0, semi);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) out.push_back(part);
    if (semi == std::string_view::npos) break;
    s.remove_prefix(semi + 1);
  }
  return out;
}

// Tier 1, 2 or 3, from a numeric or a text attribute; 3 ("other") when
// missing or out of range, so an unknown source never outranks a known one.
int tier_of(const ReferenceLayer& layer, std::size_t i) {
  double t = layer.number("tier", i);
  if (std::isnan(t)) {
    const std::string text(layer.text("tier", i));
    if (!text.empty()) {
      char* end = nullptr;
      t = std::strtod(text.c_str(), &end);
      if (end == text.c_str()) t = missing;
    }
  }
  if (t == 1.0 || t == 2.0) return static_cast<int>(t);
  return 3;
}

}  // namespace

CriterionInfo TalentCriterion::describe() const {
  CriterionInfo info;
  info.name = "talent";
  info.version = kVersion;
  info.description =
      "Access to relevant talent sources (industry, tier, talent mix, distance decay), the "
      "workforce within commuting reach and the commute to the nearest source of the project's "
      "industry (minutes by road with a road network)";
  auto& o = info.options;
  o.push_back(number_option("search_radius_m", 30000.0, "m",
                            "Talent sources farther than this from the parcel are ignored", 1.0));
  o.push_back(function_option("distance_decay", ValueFunction::exp_decay(5000.0), "m",
                              "Share (score/100) of a source's weight kept at its distance from "
                              "the parcel; must not rise with distance"));
  o.push_back(number_option("access_half_saturation", 1.0, "source-equivalents",
                            "Weighted access that scores 50: source_access_score = 100 * (1 - "
                            "2^(-weighted_access / access_half_saturation))",
                            0.001));
  o.push_back(weights_option("industry_relevance",
                             {{"same_industry", 1.0},
                              {"related_industry", 0.5},
                              {"same_ecosystem", 0.25},
                              {"other_industry", 0.1}},
                             "weight",
                             "Weight of a source by the best match of its industries with the "
                             "project's: same industry, a related industry, same ecosystem, other. "
                             "All four keys, never rising",
                             names(relevance_levels)));
  o.push_back(weights_option("tier_weights", {{"1", 1.0}, {"2", 0.7}, {"3", 0.4}}, "weight",
                             "Weight of a source by tier (1 national top, 2 provincial key, 3 "
                             "other; missing counts as 3). All three keys, never rising",
                             {"1", "2", "3"}));
  for (const char* type : talent_types) {
    o.push_back(weights_option(kind_option_name(type), default_kind_relevance(type), "weight",
                               std::string("How much each source kind supplies ") + type +
                                   "; a kind left out supplies none",
                               names(source_kinds)));
  }
  o.push_back(weights_option(
      "default_mix", {{"researchers", 0.2}, {"engineers", 0.5}, {"technicians", 0.3}}, "share",
      "Talent mix used when the profile states none (normalised to sum 1; "
      "a type left out counts 0)",
      names(talent_types)));
  o.push_back(number_option("workforce_radius_m", 10000.0, "m",
                            "Commuting reach: workers of workforce features within this distance "
                            "count",
                            1.0));
  o.push_back(number_option("workforce_minutes", 20.0, "min",
                            "Commuting reach with a road network (and use_road_network): workers "
                            "of workforce features within this many minutes by road, door to "
                            "door, count (workforce_radius_m is then not used)",
                            0.0));
  o.push_back(function_option("workforce_function", ValueFunction::linear(0.0, 200000.0), "workers",
                              "Score of the workers within reach; must not fall as workers grow"));
  o.push_back(number_option("weight_sources", 0.7, "weight",
                            "Weight of source_access_score (normalised with weight_workforce)",
                            0.0));
  o.push_back(number_option("weight_workforce", 0.3, "weight",
                            "Weight of workforce_score; goes to the other terms when the "
                            "dataset has no workforce layer",
                            0.0));
  o.push_back(OptionSpec::boolean(
      "use_road_network", true,
      "When the dataset has a road network (a layer with role roads), measure the commute and "
      "the workforce's reach in minutes by road; else, or when false, in straight-line metres"));
  o.push_back(function_option("commute_time_function", default_commute_time_function(), "min",
                              "Score of the travel time by road to the nearest talent source of "
                              "the project's industry or a related one, with a road network; "
                              "must not rise with time"));
  o.push_back(function_option("commute_function", default_commute_function(), "m",
                              "Score of the straight-line distance to the nearest talent source "
                              "of the project's industry or a related one, without a road "
                              "network; must not rise with distance"));
  o.push_back(number_option("weight_commute", 0.3, "weight",
                            "Weight of commute_score; goes to the other terms when no talent "
                            "source lists the project's industry or a related one",
                            0.0));

  info.parcel_fields = {};  // only the representative point, which every parcel has
  info.layers.push_back({kSourcesRole,
                         GeometryKind::point,
                         {"kind", "industries", "tier"},
                         false,
                         "universities, labs, institutes and vocational colleges the project "
                         "recruits from",
                         {}});
  info.layers.push_back({kWorkforceRole,
                         GeometryKind::point,
                         {"workers"},
                         true,
                         "workers living within commuting reach (workforce_score); without it the "
                         "score is source access only",
                         {}});
  info.profile_fields = {"$.talent.mix"};
  return info;
}

CriterionNeeds TalentCriterion::needs(const ProjectProfile& /*profile*/,
                                      const Options& options) const {
  CriterionNeeds n = CriterionNeeds::declared(describe());
  n.road_network =
      options.boolean("use_road_network") &&
      (options.number("weight_commute") > 0.0 || options.number("weight_workforce") > 0.0);
  return n;
}

void TalentCriterion::configure(const ProjectProfile& profile, const Options& options,
                                const ReferenceData& reference) {
  search_radius_m_ = positive(options, "search_radius_m");
  distance_decay_ = options.value_function("distance_decay");
  distance_decay_.require_never_rises("distance_decay", 0.0, std::numeric_limits<double>::max());
  half_saturation_ = positive(options, "access_half_saturation");
  workforce_radius_m_ = positive(options, "workforce_radius_m");
  workforce_minutes_ = positive(options, "workforce_minutes");
  workforce_function_ = options.value_function("workforce_function");
  workforce_function_.require_never_falls("workforce_function", 0.0,
                                          std::numeric_limits<double>::max());
  // Both commute functions are checked, whichever the dataset will use, so a
  // profile's errors do not wait for a dataset with (or without) roads.
  commute_time_function_ = options.value_function("commute_time_function");
  commute_time_function_.require_never_rises("commute_time_function", 0.0,
                                             std::numeric_limits<double>::max());
  commute_function_ = options.value_function("commute_function");
  commute_function_.require_never_rises("commute_function", 0.0,
                                        std::numeric_limits<double>::max());

  const std::vector<double> relevance =
      ordered_weights(options, "industry_relevance", names(relevance_levels));
  const std::vector<double> tier = ordered_weights(options, "tier_weights", {"1", "2", "3"});

  // kind_relevance[t][k]: how much source kind k supplies talent type t.
  std::array<std::array<double, source_kinds.size()>, talent_type_count> kind_relevance{};
  for (std::size_t t = 0; t < talent_type_count; ++t) {
    const std::string option = kind_option_name(talent_types[t]);
    const NumberMap& m = options.number_map(option);
    double sum = 0.0;
    for (std::size_t k = 0; k < source_kinds.size(); ++k) {
      const auto it = m.find(source_kinds[k]);
      const double v = it == m.end() ? 0.0 : it->second;
      if (!(v >= 0.0 && v <= 1.0)) refuse(option, "values must lie in [0, 1]");
      kind_relevance[t][k] = v;
      sum += v;
    }
    if (!(sum > 0.0)) refuse(option, std::string("no source kind supplies ") + talent_types[t]);
  }

  // The mix: the profile's when it states one, else default_mix.
  std::array<double, talent_type_count> fallback{};
  const NumberMap& default_mix = options.number_map("default_mix");
  for (std::size_t t = 0; t < talent_type_count; ++t) {
    const auto it = default_mix.find(talent_types[t]);
    fallback[t] = it == default_mix.end() ? 0.0 : it->second;
    if (!(fallback[t] >= 0.0)) refuse("default_mix", "shares must be >= 0");
  }
  const std::array<double, talent_type_count> stated = {
      profile.talent.researchers, profile.talent.engineers, profile.talent.technicians};
  double stated_sum = 0.0, fallback_sum = 0.0;
  for (std::size_t t = 0; t < talent_type_count; ++t) {
    if (std::isfinite(stated[t]) && stated[t] > 0.0) stated_sum += stated[t];
    fallback_sum += fallback[t];
  }
  if (!(fallback_sum > 0.0)) refuse("default_mix", "shares sum to 0");
  mix_from_profile_ = stated_sum > 0.0;
  for (std::size_t t = 0; t < talent_type_count; ++t) {
    const double stated_t = std::isfinite(stated[t]) && stated[t] > 0.0 ? stated[t] : 0.0;
    mix_[t] = mix_from_profile_ ? stated_t / stated_sum : fallback[t] / fallback_sum;
  }

  // Layers.
  const ReferenceLayer* sources = reference.layer(kSourcesRole);
  if (!sources)
    throw std::invalid_argument(std::string("the dataset has no '") + kSourcesRole +
                                "' layer, which the talent criterion needs");
  const ReferenceLayer* workforce = reference.layer(kWorkforceRole);
  has_workforce_ = workforce != nullptr;
  if (workforce) {
    const AttributeColumn* workers = workforce->attribute("workers");
    if (!workers || workers->kind != AttributeColumn::Kind::number)
      throw std::invalid_argument(std::string("the '") + kWorkforceRole +
                                  "' layer needs a numeric 'workers' attribute");
  }

  // The commute target: sources listing the project's industry or a related
  // one. One attribute filter, so the source's kind is not part of it.
  std::vector<std::string> codes;
  for (const std::string& code : profile.related_industries)
    if (!code.empty() && code != profile.industry &&
        std::find(codes.begin(), codes.end(), code) == codes.end())
      codes.push_back(code);
  if (!profile.industry.empty()) codes.insert(codes.begin(), profile.industry);
  commute_target_ = profile.industry.empty()
                        ? std::string("talent source listing a related industry")
                        : "talent source listing " + profile.industry + " or a related industry";
  commute_filter_ = {"industries", codes, -std::numeric_limits<double>::infinity(),
                     std::numeric_limits<double>::infinity()};
  // An empty any_of would match every source: no codes, no commute.
  commute_present_ =
      !codes.empty() && !reference.nearest(*sources, Point{0.0, 0.0}, 1, &commute_filter_).empty();
  commute_absent_reason_ =
      commute_present_ ? std::string()
      : codes.empty()
          ? std::string("the profile names no industry")
          : "no talent source lists " + (profile.industry.empty()
                                             ? std::string("a related industry")
                                             : profile.industry + " or a related industry");
  const bool use_roads = options.boolean("use_road_network");
  by_road_ = use_roads && reference.has_road_network();
  network_ = by_road_ ? reference.road_network_description() : std::string();
  straight_reason_ = by_road_    ? std::string()
                     : use_roads ? std::string("the dataset has no road network")
                                 : std::string("use_road_network is false");

  weight_sources_ = options.number("weight_sources");
  weight_workforce_ = options.number("weight_workforce");
  weight_commute_ = options.number("weight_commute");
  for (const auto& [option, w] : {std::pair{"weight_sources", weight_sources_},
                                  std::pair{"weight_workforce", weight_workforce_},
                                  std::pair{"weight_commute", weight_commute_}})
    if (!(w >= 0.0 && std::isfinite(w))) refuse(option, "must be a finite number >= 0");
  if (!(weight_sources_ + weight_workforce_ + weight_commute_ > 0.0))
    refuse("weight_sources", "weight_sources, weight_workforce and weight_commute are all 0");
  const double workforce_w = has_workforce_ ? weight_workforce_ : 0.0;
  const double commute_w = commute_present_ ? weight_commute_ : 0.0;
  const double present = weight_sources_ + workforce_w + commute_w;
  if (!(present > 0.0)) {
    std::string why;
    if (weight_workforce_ > 0.0) why += "the dataset has no workforce layer";
    if (weight_commute_ > 0.0)
      why += (why.empty() ? "" : " and ") + commute_absent_reason_ + " (no commute)";
    refuse("weight_sources", "is 0 but " + why + ", so there is nothing left to score");
  }
  share_sources_ = weight_sources_ / present;
  share_workforce_ = workforce_w / present;
  share_commute_ = commute_w / present;

  // Each source's weight, distance aside.
  std::string ecosystem = profile.ecosystem;
  if (ecosystem.empty()) {
    const auto it = profile.industry_ecosystems.find(profile.industry);
    if (it != profile.industry_ecosystems.end()) ecosystem = it->second;
  }
  auto relevance_of = [&](std::string_view code) {
    if (code == profile.industry) return Relevance::same_industry;
    for (const auto& r : profile.related_industries)
      if (code == r) return Relevance::related_industry;
    const auto it = profile.industry_ecosystems.find(std::string(code));
    if (!ecosystem.empty() && it != profile.industry_ecosystems.end() && it->second == ecosystem)
      return Relevance::same_ecosystem;
    return Relevance::other;
  };

  sources_.assign(sources->size(), Source{});
  for (std::size_t i = 0; i < sources->size(); ++i) {
    Source& s = sources_[i];
    for (std::string_view code : split_codes(sources->text("industries", i)))
      s.relevance = std::min(s.relevance, relevance_of(code));  // enum order: best first
    const std::string_view kind = sources->text("kind", i);
    const auto k = std::find(source_kinds.begin(), source_kinds.end(), kind);
    if (k == source_kinds.end()) continue;  // unknown kind: supplies no talent type we know
    const double base =
        relevance[static_cast<std::size_t>(s.relevance)] * tier[tier_of(*sources, i) - 1];
    for (std::size_t t = 0; t < talent_type_count; ++t) {
      s.per_type[t] = base * kind_relevance[t][static_cast<std::size_t>(k - source_kinds.begin())];
      s.mixed += mix_[t] * s.per_type[t];
    }
  }
}

}  // namespace siterank::plugins
