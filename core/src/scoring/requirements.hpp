// The profile's hard requirements ($.requirements), enforced by the host on
// every run whichever criteria the profile weights: a parcel on a platform,
// land use or status the profile does not allow, smaller than the land need
// allows, over the price budget or short of power is vetoed, with a reason.
// A value the dataset does not have (field unmapped or empty for the
// parcel) never vetoes: the parcel stays in the ranking for a planner to
// check. Criteria may veto more (the land criterion's defaults by project
// type and status, docs/plugins/land.md).
#pragma once

#include <siterank/host/rank_result.hpp>
#include <siterank/parcels.hpp>
#include <siterank/profile.hpp>
#include <string>
#include <vector>

namespace siterank {

// Per parcel, in this order: land use, too small, status, over budget,
// power, platform. Sorted by parcel; `by` is requirements_source.
std::vector<VetoEntry> requirement_vetoes(const ProjectProfile& profile,
                                          const ParcelTable& parcels);

// The profile fields (JSON paths) the rules above read with this profile's
// switches: $.requirements always, $.land.min and $.land.tolerance when
// veto_too_small, $.budget when veto_over_budget, $.utilities.power_kva when
// veto_insufficient_power.
std::vector<std::string> requirement_profile_fields(const ProjectProfile& profile);

}  // namespace siterank
