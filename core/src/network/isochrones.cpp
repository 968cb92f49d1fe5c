#include "network/isochrones.hpp"

#include <algorithm>
#include <array>
#include <boost/geometry.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <optional>
#include <siterank/number_text.hpp>
#include <stdexcept>
#include <utility>

#include "network/travel_times.hpp"

namespace siterank::network {

namespace bg = boost::geometry;

namespace {

using BgPoint = bg::model::d2::point_xy<double>;
using BgPolygon = bg::model::polygon<BgPoint, false /*ccw*/, true /*closed*/>;
using BgMulti = bg::model::multi_polygon<BgPolygon>;
using BgPoints = bg::model::multi_point<BgPoint>;

constexpr int N = kIsochroneCircleVertices;
constexpr double kPointRadius = 1e-3;  // m: a disc this small is its centre
constexpr double kNoArea = 1e-6;       // m²: a hull this small is a line or a point

// The unit circle's vertices, at angles 2πk/N, scaled so that the polygon's
// area is π: a regular N-gon of circumradius R has area (N/2)·R²·sin(2π/N).
const std::array<std::pair<double, double>, N>& unit_circle() {
  static const auto vertices = [] {
    const double step = 2 * std::numbers::pi / N;
    const double scale = std::sqrt(step / std::sin(step));
    std::array<std::pair<double, double>, N> v;
    for (int k = 0; k < N; ++k) v[k] = {scale * std::cos(k * step), scale * std::sin(k * step)};
    return v;
  }();
  return vertices;
}

void add_disc(BgPoints& points, BgPoint c, double r) {
  if (r < kPointRadius) {
    points.push_back(c);
    return;
  }
  for (const auto& [cx, sy] : unit_circle()) points.emplace_back(c.x() + r * cx, c.y() + r * sy);
}

// The discs (a, ra) and (b, rb) and every disc between them whose centre
// and radius run linearly from the one to the other: their union is the
// convex hull of the two.
struct Capsule {
  BgPoint a, b;
  double ra = 0, rb = 0;
};

// min over the discs between of (distance from p to the centre - radius):
// <= 0 inside the capsule. On the axis from a to b (length L), p projects
// at u, h off it, and the radius is ra + k·s at s; the distance less the
// radius is convex in s, least where (s - u) / sqrt((s - u)² + h²) = k.
double excess(const Capsule& c, BgPoint p) {
  const double dx = c.b.x() - c.a.x(), dy = c.b.y() - c.a.y();
  const double L = std::hypot(dx, dy);
  const double px = p.x() - c.a.x(), py = p.y() - c.a.y();
  if (L < 1e-9) return std::hypot(px, py) - std::max(c.ra, c.rb);
  const double u = (px * dx + py * dy) / L, h = std::abs(px * dy - py * dx) / L;
  const double k = (c.rb - c.ra) / L;
  auto g = [&](double s) { return std::hypot(s - u, h) - (c.ra + k * s); };
  double best = std::min(g(0), g(L));
  if (std::abs(k) < 1) {
    const double s = u + k * h / std::sqrt(1 - k * k);
    if (s > 0 && s < L) best = std::min(best, g(s));
  }
  return best;
}

// The capsules that add something, in their order. Most of a large
// isochrone's capsules lie deep inside others, and each would cost an
// overlay; they are found on a grid of cells. A cell whose four corners
// are inside a capsule (with a margin for the circles' polygons) is
// covered by it; of the capsules covering it the largest owns it and is
// kept. A capsule that owns no cell is dropped when every cell it reaches
// is owned: the kept capsules cover it already, so the union is the same.
std::vector<Capsule> uncovered(std::vector<Capsule> caps, double cell_m) {
  if (caps.size() < 64 || !(cell_m > 0)) return caps;
  struct Box {
    double x0, y0, x1, y1;
  };
  std::vector<Box> boxes;
  Box all{1e300, 1e300, -1e300, -1e300};
  for (const Capsule& c : caps) {
    const Box b{std::min(c.a.x() - c.ra, c.b.x() - c.rb), std::min(c.a.y() - c.ra, c.b.y() - c.rb),
                std::max(c.a.x() + c.ra, c.b.x() + c.rb), std::max(c.a.y() + c.ra, c.b.y() + c.rb)};
    boxes.push_back(b);
    all = {std::min(all.x0, b.x0), std::min(all.y0, b.y0), std::max(all.x1, b.x1),
           std::max(all.y1, b.y1)};
  }
  constexpr double kMaxCells = 4e6;
  cell_m = std::max(cell_m, std::sqrt((all.x1 - all.x0) * (all.y1 - all.y0) / kMaxCells));
  const auto nx = static_cast<std::size_t>((all.x1 - all.x0) / cell_m) + 1;
  const auto ny = static_cast<std::size_t>((all.y1 - all.y0) / cell_m) + 1;
  constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> owner(nx * ny, kNone);
  auto cells = [&](const Box& b, auto&& visit) {
    const auto i0 = static_cast<std::size_t>((b.x0 - all.x0) / cell_m);
    const auto j0 = static_cast<std::size_t>((b.y0 - all.y0) / cell_m);
    const auto i1 = std::min(nx - 1, static_cast<std::size_t>((b.x1 - all.x0) / cell_m));
    const auto j1 = std::min(ny - 1, static_cast<std::size_t>((b.y1 - all.y0) / cell_m));
    for (std::size_t j = j0; j <= j1; ++j)
      for (std::size_t i = i0; i <= i1; ++i)
        if (!visit(i, j)) return false;
    return true;
  };
  std::vector<char> owns(caps.size(), 0);
  std::vector<std::uint32_t> order(caps.size());
  for (std::uint32_t k = 0; k < caps.size(); ++k) order[k] = k;
  // Large capsules first, so that few capsules own most cells; equal ones
  // in their order.
  auto size = [&](std::uint32_t k) {
    return std::max(caps[k].ra, caps[k].rb) + bg::distance(caps[k].a, caps[k].b);
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t x, std::uint32_t y) { return size(x) > size(y); });
  for (const std::uint32_t k : order) {
    const double margin = 0.005 * std::max(caps[k].ra, caps[k].rb) + 1e-3;
    cells(boxes[k], [&](std::size_t i, std::size_t j) {
      std::uint32_t& o = owner[j * nx + i];
      if (o != kNone) return true;
      const double x = all.x0 + i * cell_m, y = all.y0 + j * cell_m;
      for (const auto& [cx, cy] :
           {std::pair{x, y}, {x + cell_m, y}, {x, y + cell_m}, {x + cell_m, y + cell_m}})
        if (excess(caps[k], BgPoint(cx, cy)) > -margin) return true;
      o = k;
      owns[k] = 1;
      return true;
    });
  }
  std::vector<Capsule> out;
  for (std::size_t k = 0; k < caps.size(); ++k)
    if (owns[k] || !cells(boxes[k], [&](std::size_t i, std::size_t j) {
          if (owner[j * nx + i] != kNone) return true;
          // A cell the capsule does not reach need not be covered: the
          // excess is 1-Lipschitz, so beyond half the cell's diagonal from
          // its centre, none of the cell is inside.
          const BgPoint centre(all.x0 + (i + 0.5) * cell_m, all.y0 + (j + 0.5) * cell_m);
          const double slack = 0.005 * std::max(caps[k].ra, caps[k].rb) + 1e-3;
          return excess(caps[k], centre) > 0.7072 * cell_m + slack;
        }))
      out.push_back(caps[k]);
  return out;
}

// The capsule as a polygon; nothing when it has no area.
void add_hull(const Capsule& c, std::vector<BgMulti>& out) {
  BgPoints points;
  add_disc(points, c.a, c.ra);
  add_disc(points, c.b, c.rb);
  BgPolygon hull;
  bg::convex_hull(points, hull);
  if (!(bg::area(hull) > kNoArea)) return;
  out.push_back(BgMulti{std::move(hull)});
}

// One or two capsules per stretch: the buffer distance is the spare time
// at the access speed, linear along the stretch, until it meets the cap.
void add_stretch(const RoadGraph& graph, const ReachedStretch& st, Point origin, double mps,
                 double cap_m, std::vector<Capsule>& out) {
  const Segment& seg = graph.segment(st.segment);
  const Point a = graph.node(seg.from), b = graph.node(seg.to);
  auto at = [&](double x) {
    return BgPoint(a.x - origin.x + x * (b.x - a.x), a.y - origin.y + x * (b.y - a.y));
  };
  const double r0 = mps * st.spare_from_s, r1 = mps * st.spare_to_s;
  if ((r0 - cap_m) * (r1 - cap_m) < 0) {  // one end beyond the cap, the other within
    const double x = st.from + (st.to - st.from) * (cap_m - r0) / (r1 - r0);
    out.push_back({at(st.from), at(x), std::min(r0, cap_m), cap_m});
    out.push_back({at(x), at(st.to), cap_m, std::min(r1, cap_m)});
  } else {
    out.push_back({at(st.from), at(st.to), std::min(r0, cap_m), std::min(r1, cap_m)});
  }
}

// Pairwise, in a balanced tree: each union joins shapes of similar size,
// and neighbours in segment order are mostly neighbours on the ground.
BgMulti dissolve(std::vector<BgMulti> parts) {
  if (parts.empty()) return {};
  while (parts.size() > 1) {
    std::vector<BgMulti> next((parts.size() + 1) / 2);
    for (std::size_t i = 0; i + 1 < parts.size(); i += 2)
      bg::union_(parts[i], parts[i + 1], next[i / 2]);
    if (parts.size() % 2) next.back() = std::move(parts.back());
    parts = std::move(next);
  }
  return std::move(parts.front());
}

void append_ring(const auto& ring, Point origin, bool exterior, PolygonStore& out) {
  for (const BgPoint& p : ring) out.points.push_back({p.x() + origin.x, p.y() + origin.y});
  out.ring_offsets.push_back(out.points.size());
  out.ring_is_exterior.push_back(exterior ? 1 : 0);
}

}  // namespace

double append_isochrone(const RoadGraph& graph, const Reach& reach, double access_speed_kmh,
                        double max_access_m, PolygonStore& out) {
  access_seconds(0, access_speed_kmh);  // throws for a bad speed
  if (!(max_access_m >= 0 && std::isfinite(max_access_m)))
    throw std::invalid_argument("maximum access distance must be finite and >= 0 m, got " +
                                format_general(max_access_m));
  BgMulti shape;
  // Coordinates near the origin for the overlay: a working CRS puts every
  // point hundreds of kilometres from its own, where a double has fewer
  // bits to spare for the intersections.
  Point origin;
  if (!reach.stretches.empty() && max_access_m > 0) {
    const Point p = graph.node(graph.segment(reach.stretches.front().segment).from);
    origin = {std::round(p.x), std::round(p.y)};
    std::vector<Capsule> capsules;
    for (const ReachedStretch& st : reach.stretches)
      add_stretch(graph, st, origin, access_speed_kmh / 3.6, max_access_m, capsules);
    std::vector<BgMulti> parts;
    for (const Capsule& c : uncovered(std::move(capsules), max_access_m / 8)) add_hull(c, parts);
    shape = dissolve(std::move(parts));
  }
  for (const BgPolygon& polygon : shape) {
    append_ring(polygon.outer(), origin, true, out);
    for (const auto& hole : polygon.inners()) append_ring(hole, origin, false, out);
  }
  out.feature_ring_offsets.push_back(out.ring_offsets.size() - 1);
  return bg::area(shape);
}

std::vector<IsochroneShape> facility_isochrones(const RoadGraph& graph, const Attachment& facility,
                                                std::span<const double> limits_s,
                                                const RoadNetworkSettings& settings,
                                                PolygonStore& out) {
  const std::optional<Attachment> one[] = {facility};
  const NearestFacility times = nearest_facilities(graph, one, settings.access_speed_kmh);
  std::vector<IsochroneShape> shapes;
  for (const double limit : limits_s) {
    const Reach reach = reached_segments(graph, times, limit);
    IsochroneShape s;
    s.limit_s = limit;
    s.road_m = reach.road_m;
    s.area_m2 =
        append_isochrone(graph, reach, settings.access_speed_kmh, settings.max_access_m, out);
    shapes.push_back(s);
  }
  return shapes;
}

}  // namespace siterank::network
