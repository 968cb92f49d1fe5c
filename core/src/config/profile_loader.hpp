// Reading and validating a project profile: the JSON schema first, then the
// rules a schema cannot say (taxonomy codes, min <= max, weights not all
// zero, the decision methods of profile_weighting.hpp). Plugin sections are validated later against
// the plugins' options.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <siterank/profile.hpp>
#include <string>
#include <vector>

#include "config/access_limits.hpp"
#include "config/profile_weighting.hpp"

namespace siterank {

struct ProfileDocument {
  std::string path;
  ProjectProfile profile;                     // units fixed, weights normalised
  std::map<std::string, double> raw_weights;  // as written (weight, rank, AHP weight)
  WeightingRecord weighting;                  // how the weights were obtained
  mcda::AggregationSpec aggregation;          // how criterion scores combine
  std::vector<AccessLimit> access_limits;     // $.requirements.max_minutes, max_km
  std::vector<std::string> warnings;          // printed by the CLI; errors with --strict
  std::map<std::string, nlohmann::json> plugin_sections;  // criterion -> options object
  std::vector<std::string> stated_fields;  // JSON paths of every field the file states
};

// Throws InputError naming the file and the JSON path.
ProfileDocument load_profile(const std::string& path);
ProfileDocument parse_profile(const nlohmann::json& doc, const std::string& path);

}  // namespace siterank
