// Isochrones: the area from which a facility can be reached by road within
// a time limit, as one (multi)polygon. Trips run *to* the facility, as the
// criteria measure a parcel's trip (network/travel_times.hpp): a point is
// inside when, from some point P of the road network no farther than the
// network's access distance, the access leg to P at the access speed plus
// the drive from P to the facility (its own access leg included) fits in
// the limit. So the polygon is the reached stretches of road
// (network/reached_segments.hpp), each point P of them buffered by the
// distance the time left at P allows at the access speed, capped at the
// access distance, all dissolved into one shape with Boost.Geometry.
//
// Along a stretch the buffer distance is linear in the position (or
// constant at the cap), and the union of discs whose centre and radius
// both vary linearly is exactly the convex hull of the two end discs; so a
// stretch is one or two such hulls (split where the cap starts), and the
// isochrone their union. Circles are regular polygons of
// kIsochroneCircleVertices vertices at fixed angles, their radius scaled so
// that each has the area of its circle. Hulls that lie inside others (most
// of them, deep in a large isochrone) are found on a grid of cells and
// left out before the union, which joins the rest pairwise in a balanced
// tree. The result depends only on the inputs, never on threads.
#pragma once

#include <siterank/geometry.hpp>
#include <span>
#include <vector>

#include "network/network_attachment.hpp"
#include "network/reached_segments.hpp"
#include "network/road_graph.hpp"

namespace siterank::network {

inline constexpr int kIsochroneCircleVertices = 64;

struct IsochroneShape {
  double limit_s = 0.0;
  double road_m = 0.0;   // the length of road reached (Reach::road_m)
  double area_m2 = 0.0;  // of the polygon
};

// Appends the isochrone of `reach` to `out` as one feature (no rings when
// it has no area: nothing reached, or an access distance of 0) and returns
// its area in m². Exterior rings counter-clockwise, holes clockwise, as
// PolygonStore promises. Throws std::invalid_argument for a bad access
// speed or a negative or non-finite access distance.
double append_isochrone(const RoadGraph& graph, const Reach& reach, double access_speed_kmh,
                        double max_access_m, PolygonStore& out);

// The isochrones of one facility attached at `facility`, one per limit in
// the order given, each appended to `out` as a feature: the times to it
// are computed once (nearest_facilities with this one facility).
std::vector<IsochroneShape> facility_isochrones(const RoadGraph& graph, const Attachment& facility,
                                                std::span<const double> limits_s,
                                                const RoadNetworkSettings& settings,
                                                PolygonStore& out);

}  // namespace siterank::network
