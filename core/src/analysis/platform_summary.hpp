// Per-platform summary of a loaded dataset for `siterank platforms`
// (PlatformSummary is public): leading industries from the platforms layer,
// parcel counts and areas from the parcels.
#pragma once

#include <siterank/host/platforms.hpp>
#include <vector>

#include "data/dataset.hpp"

namespace siterank {

// Platforms of the layer with role "platforms" (when loaded) and of the
// parcels' platform field, sorted by name. platform_summary.cpp implements
// dataset_platforms and industry_name_zh (siterank/host/platforms.hpp) too.
std::vector<PlatformSummary> summarize_platforms(const Dataset& dataset);

}  // namespace siterank
