#include "data/simple_ring.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace siterank {

namespace {

struct Vec {
  double x, y;
};

// Orientation of c relative to the line a->b, with a flag for "too close to
// call": the determinant is compared with a bound well above its rounding
// error (Shewchuk's bound for this expression is about 3.3e-16 times the
// sum of the absolute products), so a sign we act on is the exact sign.
int orientation(Vec a, Vec b, Vec c, bool& unsure) {
  const double l = (b.x - a.x) * (c.y - a.y);
  const double r = (b.y - a.y) * (c.x - a.x);
  const double det = l - r;
  const double bound = 1e-12 * (std::fabs(l) + std::fabs(r));
  if (!(std::fabs(det) > bound)) {
    unsure = true;
    return 0;
  }
  return det > 0 ? 1 : -1;
}

bool boxes_disjoint(Vec a, Vec b, Vec c, Vec d) {
  return std::max(a.x, b.x) < std::min(c.x, d.x) || std::max(c.x, d.x) < std::min(a.x, b.x) ||
         std::max(a.y, b.y) < std::min(c.y, d.y) || std::max(c.y, d.y) < std::min(a.y, b.y);
}

}  // namespace

bool certainly_valid_ring(std::span<const Point> ring, std::size_t max_points) {
  const std::size_t n = ring.size();
  if (n < 4 || n > max_points) return false;
  if (ring[0].x != ring[n - 1].x || ring[0].y != ring[n - 1].y) return false;
  // Coordinates relative to the first vertex: eastings of 500 km and
  // northings of 3,300 km would otherwise cost digits in the products.
  Vec local[256];
  std::vector<Vec> heap;
  Vec* v = local;
  if (n > 256) {
    heap.resize(n);
    v = heap.data();
  }
  for (std::size_t i = 0; i < n; ++i) {
    const double x = ring[i].x - ring[0].x, y = ring[i].y - ring[0].y;
    if (!std::isfinite(x) || !std::isfinite(y)) return false;
    v[i] = {x, y};
    if (i > 0 && v[i].x == v[i - 1].x && v[i].y == v[i - 1].y) return false;
  }
  const std::size_t segments = n - 1;  // segment i runs from v[i] to v[i+1]
  bool unsure = false;
  double twice_area = 0;
  for (std::size_t i = 0; i < segments; ++i) {
    twice_area += v[i].x * v[i + 1].y - v[i + 1].x * v[i].y;
    // Consecutive segments share a vertex; they must turn, not fold back.
    const std::size_t next = (i + 1) % segments;
    orientation(v[i], v[i + 1], v[next + 1], unsure);
    if (unsure) return false;
  }
  if (!(std::fabs(twice_area) > 0)) return false;
  for (std::size_t i = 0; i < segments; ++i) {
    for (std::size_t j = i + 2; j < segments; ++j) {
      if (i == 0 && j == segments - 1) continue;  // adjacent through the closing vertex
      const Vec a = v[i], b = v[i + 1], c = v[j], d = v[j + 1];
      if (boxes_disjoint(a, b, c, d)) continue;
      const int o1 = orientation(a, b, c, unsure), o2 = orientation(a, b, d, unsure);
      const int o3 = orientation(c, d, a, unsure), o4 = orientation(c, d, b, unsure);
      if (unsure) return false;                // touching or nearly: let GEOS decide
      if (o1 != o2 && o3 != o4) return false;  // the segments cross
    }
  }
  return true;
}

}  // namespace siterank
