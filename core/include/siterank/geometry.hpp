// Geometry as plugins see it: points and polygon rings in the working metric
// CRS (metres, x = easting, y = northing). Standard library only.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace siterank {

struct Point {
  double x = 0.0;  // easting, metres
  double y = 0.0;  // northing, metres
};

inline double distance(Point a, Point b) { return std::hypot(a.x - b.x, a.y - b.y); }

// Polygonal geometries of many features stored flat. Feature f owns rings
// [feature_ring_offsets[f], feature_ring_offsets[f+1]); ring r owns points
// [ring_offsets[r], ring_offsets[r+1]). Rings are closed (first point ==
// last point). An exterior ring starts each polygon of a multipolygon and
// is followed by that polygon's holes. Exterior rings are counter-clockwise,
// holes clockwise.
struct PolygonStore {
  std::vector<Point> points;
  std::vector<std::size_t> ring_offsets{0};
  std::vector<std::uint8_t> ring_is_exterior;
  std::vector<std::size_t> feature_ring_offsets{0};

  std::size_t feature_count() const { return feature_ring_offsets.size() - 1; }
};

// Signed area of a closed ring (shoelace): positive when counter-clockwise.
inline double signed_ring_area(std::span<const Point> ring) {
  double twice = 0.0;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
    twice += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y;
  }
  return twice / 2.0;
}

inline double ring_length(std::span<const Point> ring) {
  double len = 0.0;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) len += distance(ring[i], ring[i + 1]);
  return len;
}

// Read-only view of one feature's polygon(s) in a PolygonStore.
class PolygonView {
 public:
  PolygonView(const PolygonStore& store, std::size_t feature)
      : store_(&store),
        first_ring_(store.feature_ring_offsets[feature]),
        end_ring_(store.feature_ring_offsets[feature + 1]) {}

  std::size_t ring_count() const { return end_ring_ - first_ring_; }
  std::span<const Point> ring(std::size_t r) const {
    const std::size_t g = first_ring_ + r;
    const std::size_t b = store_->ring_offsets[g];
    return {store_->points.data() + b, store_->ring_offsets[g + 1] - b};
  }
  bool is_exterior(std::size_t r) const { return store_->ring_is_exterior[first_ring_ + r] != 0; }

  // Area in m²: exterior rings minus holes.
  double area() const {
    double a = 0.0;
    for (std::size_t r = 0; r < ring_count(); ++r) a += signed_ring_area(ring(r));
    return a;
  }
  // Perimeter in metres, holes included.
  double perimeter() const {
    double p = 0.0;
    for (std::size_t r = 0; r < ring_count(); ++r) p += ring_length(ring(r));
    return p;
  }

 private:
  const PolygonStore* store_;
  std::size_t first_ring_;
  std::size_t end_ring_;
};

}  // namespace siterank
