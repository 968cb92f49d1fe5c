// Shape measures of a parcel polygon: how compact it is and how wide a
// building footprint it can take.
#pragma once

#include <siterank/geometry.hpp>
#include <vector>

namespace siterank::plugins {

// Polsby-Popper compactness 4πA/P²: 1 for a circle, π/4 ≈ 0.785 for a
// square, 0.698 for a 2:1 rectangle, 0.503 for 4:1. NaN when P <= 0.
double compactness(double area_m2, double perimeter_m);

// Sides of the minimum-area rectangle enclosing the parcel (width <= length).
struct BoundingRectangle {
  double width_m = 0.0;
  double length_m = 0.0;
};

// Convex hull of the points (counter-clockwise, collinear points dropped).
std::vector<Point> convex_hull(std::vector<Point> points);

// Minimum-area enclosing rectangle of the parcel's exterior rings, by
// rotating calipers over the convex hull: the optimal rectangle has a side
// on a hull edge (Freeman & Shapira 1975). Degenerate parcels give width 0.
BoundingRectangle min_area_rectangle(const PolygonView& geometry);

}  // namespace siterank::plugins
