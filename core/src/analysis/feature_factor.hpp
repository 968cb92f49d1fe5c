// Feature factors (FactorSpec::feature_role): a factor whose value is the
// index of a reference feature, shown by the feature's name. Plugins report
// an index; the host, which holds the layers, turns it into text once here
// for every output.
#pragma once

#include <optional>
#include <siterank/host/ranked_result.hpp>
#include <string>

namespace siterank {

struct FeatureRef {
  std::string role;
  std::string layer;  // the manifest's name of the layer
  std::size_t index = 0;
  std::string name;  // the feature's "name" attribute, or "<layer> #<index>" without one
};

// The feature a feature factor's value names; nullopt when the factor is
// not a feature factor, the value is NaN or not an index of the layer, or
// the run loaded no layer with the role.
std::optional<FeatureRef> factor_feature(const RankedResult& result, const FactorSpec& spec,
                                         double value);

}  // namespace siterank
