// A number as the network's error messages show it: format_fixed prints NaN
// as "" (a missing value in outputs), which would leave "got " empty in
// exactly the messages that need to say what was wrong.
#pragma once

#include <cmath>
#include <string>

#include "util/text_format.hpp"

namespace siterank::network {

inline std::string number_text(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  return format_fixed(v, 6);
}

}  // namespace siterank::network
