// Small road networks whose travel times are easy to work out by hand.
#pragma once

#include <optional>
#include <vector>

#include "network/network_attachment.hpp"
#include "network/road_graph.hpp"

namespace siterank::network::testing {

inline RoadLine road(std::vector<Point> points, double kmh = 36.0,
                     Direction direction = Direction::both) {
  RoadLine l;
  l.points = std::move(points);
  l.speed_kmh = kmh;
  l.direction = direction;
  return l;
}

// An n x n grid of two-way streets `spacing` metres apart: n east-west
// lines, then n north-south lines, sharing their crossing vertices. Node
// row * n + col is at (col * spacing, row * spacing); at 36 km/h a 1000 m
// block takes 100 s.
inline std::vector<RoadLine> grid(int n, double spacing = 1000.0, double kmh = 36.0) {
  std::vector<RoadLine> lines;
  for (int row = 0; row < n; ++row) {
    std::vector<Point> pts;
    for (int col = 0; col < n; ++col) pts.push_back({col * spacing, row * spacing});
    lines.push_back(road(pts, kmh));
  }
  for (int col = 0; col < n; ++col) {
    std::vector<Point> pts;
    for (int row = 0; row < n; ++row) pts.push_back({col * spacing, row * spacing});
    lines.push_back(road(pts, kmh));
  }
  return lines;
}

// A graph built with tolerance 0 and its segment index, which refers to
// it (so neither copyable nor movable).
struct Network {
  explicit Network(const std::vector<RoadLine>& lines)
      : graph(RoadGraph::build(lines, 0.0)), index(graph) {}
  Network(const Network&) = delete;
  Network& operator=(const Network&) = delete;

  RoadGraph graph;
  SegmentIndex index;
};

// Each point attached to its nearest network point, at any distance.
inline std::vector<std::optional<Attachment>> attach_all(const RoadGraph& g,
                                                         std::vector<Point> points) {
  const SegmentIndex index(g);
  std::vector<std::optional<Attachment>> out;
  for (const Point& p : points) out.push_back(index.attach(p, 1e9));
  return out;
}

}  // namespace siterank::network::testing
