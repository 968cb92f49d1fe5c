// The fast validity test never accepts a ring GEOS rejects, and accepts the
// plain rings that make up almost every parcel layer.
#include <ogr_geometry.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "data/simple_ring.hpp"

using namespace siterank;

namespace {

std::vector<Point> closed(std::vector<Point> pts) {
  pts.push_back(pts.front());
  return pts;
}

bool geos_valid(const std::vector<Point>& ring) {
  OGRLinearRing r;
  for (const auto& p : ring) r.addPoint(p.x, p.y);
  OGRPolygon poly;
  poly.addRing(&r);
  return poly.IsValid();
}

// Coordinates near Hangzhou in EPSG:4549, where precision matters most.
constexpr double E = 512345.678, N = 3345678.901;

}  // namespace

TEST_CASE("plain rings are accepted") {
  CHECK(certainly_valid_ring(closed({{E, N}, {E + 100, N}, {E + 100, N + 80}, {E, N + 80}})));
  CHECK(certainly_valid_ring(closed({{E, N}, {E, N + 80}, {E + 100, N + 80}, {E + 100, N}})));
  CHECK(certainly_valid_ring(closed({{0, 0}, {10, 0}, {5, 7}})));
  // Concave (an L shape).
  CHECK(certainly_valid_ring(closed(
      {{E, N}, {E + 60, N}, {E + 60, N + 20}, {E + 20, N + 20}, {E + 20, N + 60}, {E, N + 60}})));
}

TEST_CASE("invalid or doubtful rings are left to GEOS") {
  // Bow tie: the two long edges cross.
  CHECK_FALSE(certainly_valid_ring(closed({{0, 0}, {10, 10}, {10, 0}, {0, 10}})));
  // Not closed.
  CHECK_FALSE(certainly_valid_ring(std::vector<Point>{{0, 0}, {10, 0}, {10, 10}, {0, 10}}));
  // Too few points, and a ring with no area.
  CHECK_FALSE(certainly_valid_ring(closed({{0, 0}, {10, 0}})));
  CHECK_FALSE(certainly_valid_ring(closed({{0, 0}, {5, 0}, {10, 0}})));
  // Repeated consecutive point (valid for GEOS, but not decided here).
  CHECK_FALSE(certainly_valid_ring(closed({{0, 0}, {10, 0}, {10, 0}, {10, 10}, {0, 10}})));
  // A spike: the ring runs out to (20, 5) and back along the same line.
  CHECK_FALSE(certainly_valid_ring(
      closed({{0, 0}, {10, 0}, {10, 5}, {20, 5}, {10, 5.0}, {10, 10}, {0, 10}})));
  // Self-touching at a vertex (an inverted hole): invalid for GEOS.
  CHECK_FALSE(certainly_valid_ring(
      closed({{0, 0}, {10, 0}, {10, 10}, {5, 10}, {7, 5}, {3, 5}, {5, 10}, {0, 10}})));
  // A vertex on another edge.
  CHECK_FALSE(certainly_valid_ring(closed({{0, 0}, {10, 0}, {10, 10}, {5, 0}, {0, 10}})));
  // Three collinear vertices in a row (valid, but on the edge of rounding).
  CHECK_FALSE(certainly_valid_ring(closed({{0, 0}, {5, 0}, {10, 0}, {10, 10}, {0, 10}})));
  // Non-finite coordinates.
  CHECK_FALSE(certainly_valid_ring(closed({{0, 0}, {NAN, 0}, {10, 10}, {0, 10}})));
  // Over the size limit.
  std::vector<Point> big;
  for (int i = 0; i < 300; ++i)
    big.push_back({std::cos(i * 2 * M_PI / 300) * 100, std::sin(i * 2 * M_PI / 300) * 100});
  CHECK_FALSE(certainly_valid_ring(closed(big)));
  CHECK(certainly_valid_ring(closed(big), 400));
}

TEST_CASE("never accepts what GEOS rejects, on random rings") {
  // Random 3..11-vertex rings on a small grid, so crossings, touches,
  // repeated points and collinear runs are all common.
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> coord(0, 6), count(3, 11);
  std::size_t accepted = 0, geos_accepted = 0;
  for (int t = 0; t < 20000; ++t) {
    std::vector<Point> pts;
    const int n = count(rng);
    for (int i = 0; i < n; ++i) pts.push_back({E + coord(rng) * 10.0, N + coord(rng) * 10.0});
    const auto ring = closed(pts);
    const bool fast = certainly_valid_ring(ring);
    const bool geos = geos_valid(ring);
    if (fast) {
      INFO("ring " << t);
      REQUIRE(geos);
    }
    accepted += fast;
    geos_accepted += geos;
  }
  // It is useful too: most rings GEOS accepts on this grid are accepted.
  INFO(accepted << " accepted here, " << geos_accepted << " by GEOS");
  CHECK(geos_accepted > 1000);
  CHECK(accepted > geos_accepted / 2);
}

TEST_CASE("accepts convex parcels like the generators make") {
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> u(0, 1);
  for (int t = 0; t < 2000; ++t) {
    const int n = 5 + t % 8;
    std::vector<Point> pts;
    for (int i = 0; i < n; ++i) {
      const double a = (i + 0.8 * u(rng)) * 2 * M_PI / n;
      const double r = 150 + 50 * u(rng);
      pts.push_back({E + r * std::cos(a), N + r * std::sin(a)});
    }
    const auto ring = closed(pts);
    REQUIRE(geos_valid(ring));
    CHECK(certainly_valid_ring(ring));
  }
}
