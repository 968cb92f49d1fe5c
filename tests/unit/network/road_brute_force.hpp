// Brute force for the road network tests: random networks and points,
// all-pairs times by Floyd-Warshall, and the time between two network
// points worked out from them, independent of the Dijkstra code under test.
#pragma once

#include <algorithm>
#include <limits>
#include <optional>
#include <random>
#include <utility>
#include <vector>

#include "network/network_attachment.hpp"
#include "network/road_graph.hpp"
#include "road_fixtures.hpp"

namespace siterank::network::testing {

// A random network on `points` random vertices: lines of 2-3 of them at
// random speeds and directions, some with an explicit travel time.
inline std::vector<RoadLine> random_lines(std::mt19937_64& rng, int points, int lines) {
  std::uniform_real_distribution<double> coord(0, 3000);
  std::vector<Point> pts;
  for (int i = 0; i < points; ++i) pts.push_back({coord(rng), coord(rng)});
  std::uniform_int_distribution<int> pick(0, points - 1), len(2, 3), dir(0, 2), speed(0, 3);
  const double speeds[] = {20, 30, 50, 80};
  std::vector<RoadLine> out;
  for (int l = 0; l < lines; ++l) {
    std::vector<Point> v;
    for (int k = len(rng); k > 0; --k) v.push_back(pts[pick(rng)]);
    out.push_back(road(v, speeds[speed(rng)], static_cast<Direction>(dir(rng))));
    if (l % 5 == 0) out.back().seconds = 10 + 100 * coord(rng) / 3000;
  }
  return out;
}

inline std::vector<Point> random_points(std::mt19937_64& rng, int n) {
  std::uniform_real_distribution<double> coord(-200, 3200);
  std::vector<Point> out;
  for (int i = 0; i < n; ++i) out.push_back({coord(rng), coord(rng)});
  return out;
}

// All-pairs road times by Floyd-Warshall over the segments.
inline std::vector<std::vector<double>> floyd_warshall(const RoadGraph& g) {
  const std::size_t n = g.node_count();
  std::vector<std::vector<double>> d(
      n, std::vector<double>(n, std::numeric_limits<double>::infinity()));
  for (std::size_t i = 0; i < n; ++i) d[i][i] = 0;
  for (std::uint32_t s = 0; s < g.segment_count(); ++s) {
    const Segment& seg = g.segment(s);
    if (seg.drivable_forward()) d[seg.from][seg.to] = std::min(d[seg.from][seg.to], seg.seconds);
    if (seg.drivable_backward()) d[seg.to][seg.from] = std::min(d[seg.to][seg.from], seg.seconds);
  }
  for (std::size_t k = 0; k < n; ++k)
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j) d[i][j] = std::min(d[i][j], d[i][k] + d[k][j]);
  return d;
}

// From network point p (segment, fraction) to network point q, by brute
// force: leave p's segment by an end it may drive to, cross the network,
// enter q's segment by an end from which q can be driven to; or drive
// straight along a shared segment.
inline double point_to_point(const RoadGraph& g, const std::vector<std::vector<double>>& d,
                             const Attachment& p, const Attachment& q) {
  const Segment& sp = g.segment(p.segment);
  const Segment& sq = g.segment(q.segment);
  std::vector<std::pair<std::uint32_t, double>> exits, entries;
  if (sp.drivable_forward() || p.fraction == 1)
    exits.push_back({sp.to, (1 - p.fraction) * sp.seconds});
  if (sp.drivable_backward() || p.fraction == 0)
    exits.push_back({sp.from, p.fraction * sp.seconds});
  if (sq.drivable_forward() || q.fraction == 0)
    entries.push_back({sq.from, q.fraction * sq.seconds});
  if (sq.drivable_backward() || q.fraction == 1)
    entries.push_back({sq.to, (1 - q.fraction) * sq.seconds});
  double best = std::numeric_limits<double>::infinity();
  for (const auto& [x, tx] : exits)
    for (const auto& [e, te] : entries) best = std::min(best, tx + d[x][e] + te);
  if (p.segment == q.segment) {
    const double along = (q.fraction - p.fraction) * sp.seconds;
    if (along >= 0 && sp.drivable_forward()) best = std::min(best, along);
    if (along <= 0 && sp.drivable_backward()) best = std::min(best, -along);
  }
  return best;
}

// A node as a network point: the start of a segment leaving it, or the
// end of one arriving; none for the node of a line that snapped to a point.
inline std::optional<Attachment> at_node(const RoadGraph& g, std::uint32_t n) {
  for (std::uint32_t s = 0; s < g.segment_count(); ++s) {
    const Segment& seg = g.segment(s);
    if (seg.from == n || seg.to == n) {
      Attachment a;
      a.segment = s;
      a.from = seg.from;
      a.to = seg.to;
      a.fraction = seg.from == n ? 0.0 : 1.0;
      return a;
    }
  }
  return std::nullopt;
}

}  // namespace siterank::network::testing
