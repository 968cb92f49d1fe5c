#include "parcel_shape.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace siterank::plugins {

double compactness(double area_m2, double perimeter_m) {
  if (!(perimeter_m > 0.0)) return std::nan("");
  return 4.0 * std::numbers::pi * area_m2 / (perimeter_m * perimeter_m);
}

namespace {

double cross(Point o, Point a, Point b) {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

double dot(Point p, double ux, double uy) { return p.x * ux + p.y * uy; }

}  // namespace

// Andrew's monotone chain.
std::vector<Point> convex_hull(std::vector<Point> points) {
  std::sort(points.begin(), points.end(),
            [](Point a, Point b) { return a.x != b.x ? a.x < b.x : a.y < b.y; });
  points.erase(std::unique(points.begin(), points.end(),
                           [](Point a, Point b) { return a.x == b.x && a.y == b.y; }),
               points.end());
  if (points.size() < 3) return points;
  std::vector<Point> hull(2 * points.size());
  std::size_t k = 0;
  for (const Point& p : points) {  // lower hull
    while (k >= 2 && cross(hull[k - 2], hull[k - 1], p) <= 0) --k;
    hull[k++] = p;
  }
  for (std::size_t i = points.size() - 1, lower = k + 1; i-- > 0;) {  // upper hull
    while (k >= lower && cross(hull[k - 2], hull[k - 1], points[i]) <= 0) --k;
    hull[k++] = points[i];
  }
  hull.resize(k - 1);  // the last point repeats the first
  return hull;
}

BoundingRectangle min_area_rectangle(const PolygonView& geometry) {
  std::vector<Point> points;
  for (std::size_t r = 0; r < geometry.ring_count(); ++r) {
    if (!geometry.is_exterior(r)) continue;  // holes lie inside their exterior ring
    const auto ring = geometry.ring(r);
    points.insert(points.end(), ring.begin(), ring.end());
  }
  const std::vector<Point> hull = convex_hull(std::move(points));
  const std::size_t n = hull.size();
  if (n < 3) {
    const double length = n == 2 ? distance(hull[0], hull[1]) : 0.0;
    return {0.0, length};
  }

  // For each hull edge, direction u along it and inward normal v: the
  // rectangle spans [min u, max u] x [0, max v]. The three extreme vertices
  // only move forward as the edge turns, so each advances n times in all.
  const auto next = [n](std::size_t i) { return (i + 1) % n; };
  std::size_t far_u = 0, near_u = 0, far_v = 0;
  BoundingRectangle best{0.0, 0.0};
  double best_area = std::numeric_limits<double>::infinity();
  for (std::size_t e = 0; e < n; ++e) {
    const Point a = hull[e], b = hull[next(e)];
    const double len = distance(a, b);
    const double ux = (b.x - a.x) / len, uy = (b.y - a.y) / len;
    const double vx = -uy, vy = ux;  // left of a counter-clockwise edge = inward
    if (e == 0) {
      for (std::size_t i = 0; i < n; ++i) {
        if (dot(hull[i], ux, uy) > dot(hull[far_u], ux, uy)) far_u = i;
        if (dot(hull[i], ux, uy) < dot(hull[near_u], ux, uy)) near_u = i;
        if (dot(hull[i], vx, vy) > dot(hull[far_v], vx, vy)) far_v = i;
      }
    } else {
      for (std::size_t s = 0; s < n && dot(hull[next(far_u)], ux, uy) > dot(hull[far_u], ux, uy);
           ++s)
        far_u = next(far_u);
      for (std::size_t s = 0; s < n && dot(hull[next(near_u)], ux, uy) < dot(hull[near_u], ux, uy);
           ++s)
        near_u = next(near_u);
      for (std::size_t s = 0; s < n && dot(hull[next(far_v)], vx, vy) > dot(hull[far_v], vx, vy);
           ++s)
        far_v = next(far_v);
    }
    const double along = dot(hull[far_u], ux, uy) - dot(hull[near_u], ux, uy);
    const double across = dot(hull[far_v], vx, vy) - dot(a, vx, vy);
    if (along * across < best_area) {
      best_area = along * across;
      best = {std::min(along, across), std::max(along, across)};
    }
  }
  return best;
}

}  // namespace siterank::plugins
