#include "analysis/feature_factor.hpp"

#include <cmath>

namespace siterank {

std::optional<FeatureRef> factor_feature(const RankedResult& result, const FactorSpec& spec,
                                         double value) {
  if (spec.feature_role.empty() || !std::isfinite(value) || value < 0.0) return std::nullopt;
  for (const ReferenceLayer& layer : result.reference_layers()) {
    if (layer.role != spec.feature_role) continue;
    const double whole = std::floor(value);
    if (whole != value || whole >= static_cast<double>(layer.size())) return std::nullopt;
    FeatureRef ref{layer.role, layer.name, static_cast<std::size_t>(whole), {}};
    const std::string_view label = layer.label(ref.index);
    ref.name = label.empty() ? layer.name + " #" + std::to_string(ref.index) : std::string(label);
    return ref;
  }
  return std::nullopt;
}

}  // namespace siterank
