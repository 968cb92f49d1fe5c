// A loaded dataset's road lines made into its RoadNetwork: what a ranking
// run (scoring/pipeline) and an isochrone run (host/isochrone_run) both do
// once the roads layer is loaded.
#pragma once

#include <memory>

#include "data/dataset.hpp"
#include "network/road_network.hpp"

namespace siterank {

// The network of `d.roads` with `d.road_settings`, or null when the
// dataset loaded no roads; the lines are freed (the graph has what it
// needs). Throws InputError naming the manifest and the layer for a bad
// line or setting.
std::unique_ptr<network::RoadNetwork> take_road_network(Dataset& d);

}  // namespace siterank
