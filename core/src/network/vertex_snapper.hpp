// Turns line vertices into graph nodes: a vertex within the tolerance of an
// existing node becomes that node, otherwise it starts a new node.
#pragma once

#include <cstdint>
#include <memory>
#include <siterank/geometry.hpp>
#include <vector>

namespace siterank::network {

class VertexSnapper {
 public:
  // tolerance_m >= 0; 0 joins only vertices with identical coordinates
  // (how OSM ways share nodes).
  explicit VertexSnapper(double tolerance_m);
  ~VertexSnapper();

  // The node for p. Vertices are snapped in the order given, and a vertex
  // joins the nearest existing node within the tolerance (distance <=
  // tolerance; equal distances: the lowest node index), so the result
  // depends only on the input order. A node keeps the position of the
  // vertex that created it: no averaging, so nodes never drift and a chain
  // of vertices each within the tolerance of the next does not collapse
  // into one node.
  std::uint32_t snap(Point p);

  const std::vector<Point>& nodes() const { return nodes_; }
  // The nodes, moved out: the snapper is done.
  std::vector<Point> take_nodes() { return std::move(nodes_); }

 private:
  struct Index;
  double tolerance_m_;
  std::vector<Point> nodes_;
  std::unique_ptr<Index> index_;
};

}  // namespace siterank::network
