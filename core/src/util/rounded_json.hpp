// Numbers as the JSON outputs write them.
#pragma once

#include <nlohmann/json.hpp>

namespace siterank {

// Rounds for output so that JSON is stable and readable (6 significant
// decimals are far below any meaningful score difference). NaN -> null.
nlohmann::ordered_json rounded(double v, int decimals = 6);

}  // namespace siterank
