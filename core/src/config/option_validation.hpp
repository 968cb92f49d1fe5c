// Checks a profile's options section for one plugin against the options the
// plugin declares (QGIS-Processing style: typed parameters validated before
// the algorithm runs) and fills in defaults.
#pragma once

#include <nlohmann/json.hpp>
#include <siterank/criterion.hpp>
#include <siterank/host/plugins.hpp>
#include <string>

namespace siterank {

// `where` prefixes errors, e.g. "profile.json: $.plugins.land". Throws InputError.
Options validate_options(const CriterionInfo& info, const nlohmann::json& section,
                         const std::string& where);

// Parses {"type": "linear", "zero_at": 0, "full_at": 10} and the like.
ValueFunction parse_value_function(const nlohmann::json& j, const std::string& where);

// The JSON form of an option value; option_value_json_text (public, with
// option_type_name: siterank/host/plugins.hpp) is its dump().
nlohmann::json option_value_json(const OptionValue& v);

}  // namespace siterank
