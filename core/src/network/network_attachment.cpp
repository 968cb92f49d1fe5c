#include "network/network_attachment.hpp"

#include <algorithm>
#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <boost/iterator/function_output_iterator.hpp>
#include <cmath>
#include <siterank/number_text.hpp>
#include <stdexcept>
#include <vector>

#include "network/road_classes.hpp"

namespace siterank::network {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

using BgPoint = bg::model::d2::point_xy<double>;
using BgBox = bg::model::box<BgPoint>;
using BgSegment = bg::model::segment<BgPoint>;
using SegmentEntry = std::pair<BgSegment, std::uint32_t>;

struct SegmentIndex::Tree {
  bgi::rtree<SegmentEntry, bgi::rstar<16>> tree;
};

double access_seconds(double metres, double access_speed_kmh) {
  if (!std::isfinite(access_speed_kmh) || access_speed_kmh <= 0)
    throw std::invalid_argument("access speed must be a positive, finite km/h, got " +
                                format_general(access_speed_kmh));
  return travel_seconds(metres, access_speed_kmh);
}

namespace {

// The exact projection of p on segment s, clamped to its ends.
Attachment project(const RoadGraph& g, std::uint32_t s, Point p) {
  const Segment& seg = g.segment(s);
  const Point a = g.node(seg.from), b = g.node(seg.to);
  const double dx = b.x - a.x, dy = b.y - a.y;
  // Snapping drops zero-length segments, so the denominator is > 0.
  const double t =
      std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy), 0.0, 1.0);
  Attachment at;
  at.point = {a.x + t * dx, a.y + t * dy};
  at.access_m = distance(p, at.point);
  at.segment = s;
  at.from = seg.from;
  at.to = seg.to;
  at.fraction = t;
  return at;
}

}  // namespace

SegmentIndex::SegmentIndex(const RoadGraph& graph)
    : graph_(graph), tree_(std::make_unique<Tree>()) {
  std::vector<SegmentEntry> entries;
  entries.reserve(graph.segment_count());
  for (std::uint32_t s = 0; s < graph.segment_count(); ++s) {
    const Point a = graph.node(graph.segment(s).from), b = graph.node(graph.segment(s).to);
    entries.emplace_back(BgSegment(BgPoint(a.x, a.y), BgPoint(b.x, b.y)), s);
  }
  tree_->tree = decltype(tree_->tree)(entries.begin(), entries.end());  // packing (bulk) load
}

SegmentIndex::~SegmentIndex() = default;

std::optional<Attachment> SegmentIndex::attach(Point p, double max_access_m) const {
  if (!(max_access_m >= 0))
    throw std::invalid_argument("maximum access distance must be >= 0 m, got " +
                                format_general(max_access_m));
  if (!std::isfinite(p.x) || !std::isfinite(p.y))
    throw std::invalid_argument("cannot attach a point with a non-finite coordinate");
  const BgPoint q(p.x, p.y);
  // The two nearest segments (query() with an output iterator, not
  // qbegin(): the incremental, type-erased query iterator was a fifth of a
  // run with a road network).
  std::optional<Attachment> best, other;
  const auto closer = [](const Attachment& a, const Attachment& b) {
    return a.access_m < b.access_m || (a.access_m == b.access_m && a.segment < b.segment);
  };
  tree_->tree.query(bgi::nearest(q, 2),
                    boost::make_function_output_iterator([&](const SegmentEntry& e) {
                      const Attachment at = project(graph_, e.second, p);
                      if (!best) {
                        best = at;
                      } else if (closer(at, *best)) {
                        other = best;
                        best = at;
                      } else {
                        other = at;
                      }
                    }));
  if (!best || !(best->access_m <= max_access_m)) return std::nullopt;
  // Equally near segments (p nearest to a node they share) come out of the
  // tree in no defined order, and the lowest index must win. When the
  // second nearest is farther than the nearest plus rounding slack, every
  // other segment is too, and the nearest is the answer; otherwise every
  // segment whose box reaches that distance is measured by the same
  // projection.
  const double r = best->access_m * (1 + 1e-12) + 1e-9;
  if (!other || other->access_m > r) return best;
  const BgBox box(BgPoint(p.x - r, p.y - r), BgPoint(p.x + r, p.y + r));
  tree_->tree.query(bgi::intersects(box),
                    boost::make_function_output_iterator([&](const SegmentEntry& e) {
                      const Attachment at = project(graph_, e.second, p);
                      if (closer(at, *best)) best = at;
                    }));
  return best;
}

}  // namespace siterank::network
