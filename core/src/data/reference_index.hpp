// The host's ReferenceData: one Boost.Geometry R-tree per reference layer,
// bulk-loaded once, answering plugins' nearest/within queries, and road
// trips when the dataset has a road network (network/road_network.hpp).
#pragma once

#include <memory>
#include <siterank/reference.hpp>
#include <span>
#include <string>
#include <vector>

namespace siterank {

namespace network {
class RoadNetwork;
}

class ReferenceIndex final : public ReferenceData {
 public:
  // Keeps pointers into `layers` and to `roads` (null: no road network),
  // which must outlive the index.
  explicit ReferenceIndex(const std::vector<ReferenceLayer>& layers,
                          const network::RoadNetwork* roads = nullptr);
  ~ReferenceIndex() override;

  using ReferenceData::nearest;  // the convenience overloads returning vectors
  using ReferenceData::within;
  const ReferenceLayer* layer(std::string_view role) const override;
  void nearest(const ReferenceLayer& layer, Point p, std::size_t k, const AttributeFilter* filter,
               std::vector<Hit>& out) const override;
  void within(const ReferenceLayer& layer, Point p, double radius_m, const AttributeFilter* filter,
              std::vector<Hit>& out) const override;
  bool has_road_network() const override { return roads_ != nullptr; }
  std::string road_network_description() const override;
  void road_trips(const ReferenceLayer& layer, const AttributeFilter* filter,
                  std::span<const Point> from, std::vector<RoadTrip>& out) const override;
  void road_reach(const ReferenceLayer& layer, const AttributeFilter* filter, double max_seconds,
                  std::span<const Point> from, std::vector<RoadReach>& out) const override;

 private:
  struct LayerIndex;
  const LayerIndex& index_of(const ReferenceLayer& layer) const;
  std::vector<std::unique_ptr<LayerIndex>> indexes_;
  const network::RoadNetwork* roads_;
};

}  // namespace siterank
