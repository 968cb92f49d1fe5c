// The road network as a directed graph: nodes at line vertices (merged
// within a snapping tolerance), one segment per consecutive vertex pair,
// and a directed edge for each way a segment may be driven, weighted in
// seconds. Held as two Boost.Graph compressed sparse row graphs, forward and
// reversed, so times from a node and times to a node are both one Dijkstra.
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>
#include <siterank/geometry.hpp>
#include <span>
#include <vector>

#include "network/road_line.hpp"

namespace siterank::network {

// One consecutive vertex pair of a line after snapping; `from` -> `to` is
// the digitised order.
struct Segment {
  std::uint32_t from = 0;
  std::uint32_t to = 0;
  std::uint32_t line = 0;  // index of the input RoadLine
  Direction direction = Direction::both;
  double length_m = 0.0;
  double seconds = 0.0;  // to drive the whole segment, either way it is open

  bool drivable_forward() const { return direction != Direction::backward; }  // from -> to
  bool drivable_backward() const { return direction != Direction::forward; }  // to -> from
};

struct EdgeData {
  double seconds = 0.0;
  std::uint32_t segment = 0;
};

using Csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, EdgeData,
                                               boost::no_property, std::uint32_t, std::uint32_t>;

class RoadGraph {
 public:
  // Throws std::invalid_argument naming the line index for a line with
  // fewer than 2 points, a non-finite coordinate, a speed (when no
  // `seconds`) or `seconds` that is not positive and finite, and for a
  // negative or non-finite tolerance. Lines meet only where they have
  // vertices within the tolerance of each other: lines that cross without
  // a shared vertex stay apart (bridges, overpasses, as in OSM). Segments
  // whose ends snap to one node are dropped.
  static RoadGraph build(std::span<const RoadLine> lines, double snap_tolerance_m);
  // The graph of nodes and segments that build() made before (the road
  // cache, network/road_cache.hpp): the same graph, edge for edge. Throws
  // std::invalid_argument when they cannot be one (a node index out of
  // range, a segment from a node to itself, a bad direction, a length or
  // time that is not finite and >= 0).
  static RoadGraph from_parts(std::vector<Point> nodes, std::vector<Segment> segments);

  std::size_t node_count() const { return nodes_.size(); }
  std::size_t edge_count() const { return num_edges(forward_); }  // directed edges
  std::size_t segment_count() const { return segments_.size(); }
  Point node(std::uint32_t n) const { return nodes_[n]; }
  const Segment& segment(std::uint32_t s) const { return segments_[s]; }
  const std::vector<Point>& nodes() const { return nodes_; }
  const std::vector<Segment>& segments() const { return segments_; }

  // Edges as driven: u -> v costs the time from u to v.
  const Csr& forward() const { return forward_; }
  // The same edges turned round: u -> v here is v -> u on the road, so a
  // Dijkstra from facilities over it gives times *to* them.
  const Csr& reverse() const { return reverse_; }

 private:
  std::vector<Point> nodes_;
  std::vector<Segment> segments_;
  Csr forward_;
  Csr reverse_;
};

}  // namespace siterank::network
