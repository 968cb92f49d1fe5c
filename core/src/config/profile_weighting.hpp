// The decision-method parts of a profile: where the criterion weights come
// from ($.weights directly, or $.weighting: an importance order or an AHP
// matrix) and how criterion scores combine ($.aggregation). Checked before
// any data is read; docs/methods.md has the methods.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "mcda/aggregation.hpp"
#include "mcda/weighting.hpp"

namespace siterank {

struct ProfileMethods {
  std::map<std::string, double> weights;      // normalised, sum 1
  std::map<std::string, double> raw_weights;  // as written: weight, rank, or AHP weight
  WeightingRecord weighting;
  mcda::AggregationSpec aggregation;
  std::vector<std::string> warnings;  // e.g. an AHP consistency ratio above 0.1
};

// The document passed the schema. Throws InputError "PATH: $.json.path: ...".
ProfileMethods parse_profile_methods(const nlohmann::json& doc, const std::string& path);

// The decision method as exported in JSON results and the HTML report: the
// weighting, the aggregation and the formula of the score.
nlohmann::ordered_json methods_json(const WeightingRecord& w, const mcda::AggregationSpec& a);

// "consistency ratio 0.336 is above 0.1 (CI 0.195, RI 0.58 from the 'saaty'
// table): revise the judgements", for an AHP result whose CR is above
// mcda::ahp_cr_threshold; callers put the file and JSON path in front.
std::string consistency_warning(const mcda::AhpResult& r);

}  // namespace siterank
