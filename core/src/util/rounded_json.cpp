#include "util/rounded_json.hpp"

#include <cmath>

namespace siterank {

nlohmann::ordered_json rounded(double v, int decimals) {
  if (std::isnan(v)) return nullptr;
  const double scale = std::pow(10.0, decimals);
  return std::round(v * scale) / scale;
}

}  // namespace siterank
