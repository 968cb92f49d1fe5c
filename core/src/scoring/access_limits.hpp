// Vetoes for the profile's access limits (config/access_limits.hpp): a
// parcel whose trip by road to the nearest feature of the role takes more
// than the limit, or whose straight-line distance to it is over the limit,
// is vetoed with a reason naming the feature and the minutes or km. A
// parcel the trip cannot be made from (no road within reach, or none of the
// role reachable from its road) is vetoed too, with why: a hard limit that
// cannot be checked is not met.
#pragma once

#include <siterank/host/rank_result.hpp>
#include <siterank/parcels.hpp>
#include <siterank/reference.hpp>
#include <vector>

#include "config/access_limits.hpp"

namespace siterank {

// Sorted by parcel, limits in the given order within a parcel; `by` is
// requirements_source. Throws InputError naming the limit's JSON path when
// the run has no layer with its role, or no road network for minutes.
// Deterministic for any thread count (0 = all cores).
std::vector<VetoEntry> access_limit_vetoes(const std::vector<AccessLimit>& limits,
                                           const ParcelTable& parcels,
                                           const ReferenceData& reference, unsigned threads);

}  // namespace siterank
