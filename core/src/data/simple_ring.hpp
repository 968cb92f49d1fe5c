// A fast, conservative validity test for the common parcel: one polygon,
// one ring, a handful of vertices. GEOS's IsValid costs a conversion and a
// topology graph per feature, which dominated loading a million parcels;
// this test answers "certainly valid" for plain rings and "ask GEOS" for
// everything else, so it never accepts a ring GEOS would reject.
#pragma once

#include <siterank/geometry.hpp>
#include <span>

namespace siterank {

// True only when the closed ring (first point == last point) is certainly
// a valid OGC polygon shell: at least 4 points, no repeated consecutive
// points, no self-intersection or self-touching, no collinear spike, and a
// non-zero area. False means "not decided here" (the caller asks GEOS),
// including every near-degenerate case where rounding could matter and
// rings with more than `max_points` points (the test is quadratic).
bool certainly_valid_ring(std::span<const Point> ring, std::size_t max_points = 256);

}  // namespace siterank
