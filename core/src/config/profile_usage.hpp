// Which fields of a profile are read by nobody. A profile may state more
// than the enabled criteria use (a water need, a job count); silently
// ignoring them would let a planner believe they count. Every stated field
// must be covered by a criterion's declared profile fields
// (CriterionNeeds::profile_fields), a host rule (scoring/requirements.hpp)
// or the host's own part of the profile (host_profile_fields); the others
// are reported.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace siterank {

// JSON paths of the fields the document states: every leaf ("$.land.min",
// "$.talent.mix.researchers"); an array is one leaf ("$.requirements.status").
std::vector<std::string> stated_profile_fields(const nlohmann::json& doc);

// The host's own part: the format version, the project's identity (name,
// company, description, industry: shown in every output) and the decision
// method ($.weights, $.weighting, $.aggregation, $.plugins).
const std::vector<std::string>& host_profile_fields();

// The stated fields that no path in `used` covers. A path covers itself and
// everything under it ("$.logistics" covers "$.logistics.air_cargo").
// $.land.unit is covered when $.land.min or $.land.max is: it only says how
// to read them.
std::vector<std::string> unused_profile_fields(const std::vector<std::string>& stated,
                                               const std::vector<std::string>& used);

}  // namespace siterank
