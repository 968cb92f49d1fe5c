// Where a parcel or facility joins the road network: the nearest point on
// any segment, found with a Boost.Geometry R-tree over the segments, and
// the access leg from the point to it, travelled off the network.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <siterank/geometry.hpp>

#include "network/road_graph.hpp"

namespace siterank::network {

// Seconds for an access leg of `metres`; throws std::invalid_argument when
// the speed is not positive and finite.
double access_seconds(double metres, double access_speed_kmh);

struct Attachment {
  Point point;            // the nearest point on the network
  double access_m = 0.0;  // from the query point to `point`
  std::uint32_t segment = 0;
  std::uint32_t from = 0;  // the segment's end nodes (Segment::from, ::to)
  std::uint32_t to = 0;
  double fraction = 0.0;  // along the segment: 0 at `from`, 1 at `to`
};

class SegmentIndex {
 public:
  // Keeps a reference to `graph`, which must outlive the index.
  explicit SegmentIndex(const RoadGraph& graph);
  ~SegmentIndex();

  // The nearest network point to p, or std::nullopt when no segment lies
  // within max_access_m (inclusive), so a caller can say "no road within
  // N m" instead of scoring a silent 0. Equally near segments (p nearest to
  // a node several segments share): the lowest segment index. Throws
  // std::invalid_argument for a negative or NaN max_access_m, or a
  // non-finite p.
  std::optional<Attachment> attach(Point p, double max_access_m) const;

 private:
  struct Tree;
  const RoadGraph& graph_;
  std::unique_ptr<Tree> tree_;
};

}  // namespace siterank::network
