#include "network/vertex_snapper.hpp"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <boost/iterator/function_output_iterator.hpp>
#include <cmath>
#include <limits>
#include <siterank/number_text.hpp>
#include <stdexcept>

namespace siterank::network {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

using BgPoint = bg::model::d2::point_xy<double>;
using BgBox = bg::model::box<BgPoint>;
using NodeEntry = std::pair<BgPoint, std::uint32_t>;

// Nodes arrive one at a time, so the tree is built by insertion; the
// quadratic split inserts faster than R* for a modest cost per query.
struct VertexSnapper::Index {
  bgi::rtree<NodeEntry, bgi::quadratic<16>> tree;
};

VertexSnapper::VertexSnapper(double tolerance_m)
    : tolerance_m_(tolerance_m), index_(std::make_unique<Index>()) {
  if (!(tolerance_m >= 0) || !std::isfinite(tolerance_m))
    throw std::invalid_argument("snapping tolerance must be a finite distance >= 0 m, got " +
                                format_general(tolerance_m));
}

VertexSnapper::~VertexSnapper() = default;

std::uint32_t VertexSnapper::snap(Point p) {
  const BgBox box(BgPoint(p.x - tolerance_m_, p.y - tolerance_m_),
                  BgPoint(p.x + tolerance_m_, p.y + tolerance_m_));
  std::uint32_t best = std::numeric_limits<std::uint32_t>::max();
  double best_d = std::numeric_limits<double>::infinity();
  // The box query returns candidates in tree order; choosing by (distance,
  // index) makes the pick independent of it.
  index_->tree.query(bgi::intersects(box),
                     boost::make_function_output_iterator([&](const NodeEntry& e) {
                       const double d = distance(p, nodes_[e.second]);
                       if (d <= tolerance_m_ && (d < best_d || (d == best_d && e.second < best))) {
                         best = e.second;
                         best_d = d;
                       }
                     }));
  if (best != std::numeric_limits<std::uint32_t>::max()) return best;
  if (nodes_.size() >= std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("road network: more than 2^32 - 1 nodes");
  const auto id = static_cast<std::uint32_t>(nodes_.size());
  nodes_.push_back(p);
  index_->tree.insert(NodeEntry(BgPoint(p.x, p.y), id));
  return id;
}

}  // namespace siterank::network
