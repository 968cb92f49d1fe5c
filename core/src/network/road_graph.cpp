#include "network/road_graph.hpp"

#include <cmath>
#include <limits>
#include <siterank/number_text.hpp>
#include <stdexcept>
#include <string>
#include <utility>

#include "network/road_classes.hpp"
#include "network/vertex_snapper.hpp"

namespace siterank::network {

namespace {

[[noreturn]] void bad_line(std::size_t index, const std::string& what) {
  throw std::invalid_argument("road line " + std::to_string(index) + ": " + what);
}

void check_line(const RoadLine& line, std::size_t index) {
  if (line.points.size() < 2)
    bad_line(index, "needs at least 2 points, has " + std::to_string(line.points.size()));
  for (std::size_t i = 0; i < line.points.size(); ++i)
    if (!std::isfinite(line.points[i].x) || !std::isfinite(line.points[i].y))
      bad_line(index, "point " + std::to_string(i) + " has a non-finite coordinate");
  if (!std::isnan(line.seconds)) {
    if (!std::isfinite(line.seconds) || line.seconds <= 0)
      bad_line(index, "travel time must be positive and finite seconds, got " +
                          format_general(line.seconds));
  } else if (!std::isfinite(line.speed_kmh) || line.speed_kmh <= 0) {
    bad_line(index, "speed must be a positive, finite km/h, got " + format_general(line.speed_kmh));
  }
  if (line.direction != Direction::both && line.direction != Direction::forward &&
      line.direction != Direction::backward)
    bad_line(index, "unknown direction " + std::to_string(static_cast<int>(line.direction)));
}

// Appends the line's segments, its vertices snapped to nodes.
void add_segments(const RoadLine& line, std::uint32_t index, VertexSnapper& snapper,
                  std::vector<Segment>& out) {
  const std::size_t first = out.size();
  std::uint32_t prev = snapper.snap(line.points[0]);
  double total_m = 0.0;
  for (std::size_t i = 1; i < line.points.size(); ++i) {
    const std::uint32_t node = snapper.snap(line.points[i]);
    if (node == prev) continue;  // zero length once snapped
    Segment s;
    s.from = prev;
    s.to = node;
    s.line = index;
    s.direction = line.direction;
    // Node positions, not the raw vertices: the edge and what attaches to
    // it then share one geometry.
    s.length_m = distance(snapper.nodes()[prev], snapper.nodes()[node]);
    total_m += s.length_m;
    out.push_back(s);
    prev = node;
  }
  for (std::size_t i = first; i < out.size(); ++i)
    out[i].seconds = std::isnan(line.seconds) ? travel_seconds(out[i].length_m, line.speed_kmh)
                                              : line.seconds * (out[i].length_m / total_m);
}

Csr make_csr(const std::vector<Segment>& segments, std::size_t nodes, bool reversed) {
  // Up to two edges a segment, counted in 32 bits.
  if (segments.size() >= std::numeric_limits<std::uint32_t>::max() / 2)
    throw std::length_error("road network: more than 2^31 - 1 segments");
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;
  std::vector<EdgeData> data;
  for (std::uint32_t i = 0; i < segments.size(); ++i) {
    const Segment& s = segments[i];
    auto add = [&](std::uint32_t u, std::uint32_t v) {
      ends.emplace_back(reversed ? v : u, reversed ? u : v);
      data.push_back({s.seconds, i});
    };
    if (s.drivable_forward()) add(s.from, s.to);
    if (s.drivable_backward()) add(s.to, s.from);
  }
  return Csr(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), data.begin(),
             static_cast<std::uint32_t>(nodes));
}

}  // namespace

RoadGraph RoadGraph::build(std::span<const RoadLine> lines, double snap_tolerance_m) {
  // Every line is checked before any work, so a bad line late in a large
  // layer fails at once.
  for (std::size_t i = 0; i < lines.size(); ++i) check_line(lines[i], i);
  if (lines.size() >= std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("road network: more than 2^32 - 1 lines");
  VertexSnapper snapper(snap_tolerance_m);
  RoadGraph g;
  for (std::size_t i = 0; i < lines.size(); ++i)
    add_segments(lines[i], static_cast<std::uint32_t>(i), snapper, g.segments_);
  g.nodes_ = snapper.take_nodes();
  g.forward_ = make_csr(g.segments_, g.nodes_.size(), false);
  g.reverse_ = make_csr(g.segments_, g.nodes_.size(), true);
  return g;
}

RoadGraph RoadGraph::from_parts(std::vector<Point> nodes, std::vector<Segment> segments) {
  if (nodes.size() >= std::numeric_limits<std::uint32_t>::max())
    throw std::invalid_argument("road graph: more than 2^32 - 1 nodes");
  for (const Point& p : nodes)
    if (!std::isfinite(p.x) || !std::isfinite(p.y))
      throw std::invalid_argument("road graph: a node with a non-finite coordinate");
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const Segment& s = segments[i];
    const bool ok = s.from < nodes.size() && s.to < nodes.size() && s.from != s.to &&
                    (s.direction == Direction::both || s.direction == Direction::forward ||
                     s.direction == Direction::backward) &&
                    std::isfinite(s.length_m) && s.length_m >= 0 && std::isfinite(s.seconds) &&
                    s.seconds >= 0;
    if (!ok) throw std::invalid_argument("road graph: segment " + std::to_string(i) + " is not valid");
  }
  RoadGraph g;
  g.nodes_ = std::move(nodes);
  g.segments_ = std::move(segments);
  g.forward_ = make_csr(g.segments_, g.nodes_.size(), false);
  g.reverse_ = make_csr(g.segments_, g.nodes_.size(), true);
  return g;
}

}  // namespace siterank::network
