#include "data/dataset_network.hpp"

#include <siterank/host/errors.hpp>
#include <stdexcept>

namespace siterank {

std::unique_ptr<network::RoadNetwork> take_road_network(Dataset& d) {
  if (d.roads.empty()) return nullptr;
  std::unique_ptr<network::RoadNetwork> roads;
  try {
    roads = std::make_unique<network::RoadNetwork>(d.roads_layer, d.roads, d.road_settings);
  } catch (const std::invalid_argument& e) {
    throw InputError(d.manifest.path + ": $.layers." + d.roads_layer + ": " + e.what());
  }
  d.roads = {};  // the lines' memory goes back now
  return roads;
}

}  // namespace siterank
