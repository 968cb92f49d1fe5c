#include "road_network.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>

#include "rng.hpp"

namespace bench {

namespace {

constexpr double arterial_spacing_m = 6000;
constexpr double shape_step_m = 1000;     // shape points of motorways and arterials
constexpr double carriageway_half_m = 15;  // a motorway's two carriageways
constexpr double pair_half_m = 10;         // a one-way pair of arterials
constexpr double spoke_start_m = 300;      // beyond the ring, where the spokes begin
constexpr std::size_t arterial_feature_segments = 12;
constexpr std::size_t street_feature_segments = 4;
constexpr double interior_street_share = 0.75;

// An axis-aligned arterial: x = at (north-south) or y = at (east-west),
// from `lo` to `hi` along the other axis, with a vertex at every stop.
struct Arterial {
  bool north_south;
  double at;
  double lo, hi;
  const char* highway;
  const char* oneway;
  bool interchanges;       // motorways crossing it have ramps to it
  std::vector<double> stops;  // along the line (y for north-south)
};

struct Builder {
  std::vector<RoadFeature> out;

  // `points` as features of at most `per` segments, each sharing its end
  // vertex with the next.
  void emit(const std::vector<Pt>& points, std::size_t per, const char* highway,
            const char* oneway) {
    for (std::size_t first = 0; first + 1 < points.size(); first += per) {
      const std::size_t last = std::min(points.size() - 1, first + per);
      RoadFeature f;
      f.points.assign(points.begin() + static_cast<std::ptrdiff_t>(first),
                      points.begin() + static_cast<std::ptrdiff_t>(last) + 1);
      f.highway = highway;
      f.oneway = oneway;
      out.push_back(std::move(f));
    }
  }
  // A one-way ramp from `a` to `b`, bowed outwards a little so it is no
  // straight duplicate of anything.
  void ramp(Pt a, Pt b) {
    const double dx = b.x - a.x, dy = b.y - a.y, len = std::hypot(dx, dy);
    if (len < 2) return;
    const double bow = std::min(40.0, 0.2 * len);
    const Pt mid{(a.x + b.x) / 2 + bow * dy / len, (a.y + b.y) / 2 - bow * dx / len};
    out.push_back({{a, mid, b}, "motorway_link", "yes"});
  }
};

// A motorway carriageway in driving order, and how it is digitised.
struct Carriageway {
  std::vector<Pt> travel;  // in driving order
  bool digitised_backwards;
};

void emit_carriageway(Builder& b, const Carriageway& c) {
  if (c.digitised_backwards) {
    std::vector<Pt> pts(c.travel.rbegin(), c.travel.rend());
    b.emit(pts, arterial_feature_segments, "motorway", "-1");
  } else {
    b.emit(c.travel, arterial_feature_segments, "motorway", "yes");
  }
}

// Ramps where a carriageway crosses an arterial that has interchanges: off
// from the vertex before the crossing to a new vertex of the arterial at
// the crossing, on from there to the vertex after it.
void interchanges(Builder& b, const Carriageway& c, std::vector<Arterial>& arterials) {
  for (std::size_t i = 0; i + 1 < c.travel.size(); ++i) {
    const Pt p = c.travel[i], q = c.travel[i + 1];
    for (Arterial& a : arterials) {
      if (!a.interchanges) continue;
      const double pa = a.north_south ? p.x : p.y, qa = a.north_south ? q.x : q.y;
      if ((pa - a.at) * (qa - a.at) >= 0 || pa == qa) continue;
      const double t = (a.at - pa) / (qa - pa);
      const double along = a.north_south ? p.y + t * (q.y - p.y) : p.x + t * (q.x - p.x);
      if (along <= a.lo || along >= a.hi) continue;
      a.stops.push_back(along);
      const Pt x = a.north_south ? Pt{a.at, along} : Pt{along, a.at};
      b.ramp(p, x);
      b.ramp(x, q);
    }
  }
}

std::size_t nearest_vertex(const std::vector<Pt>& pts, Pt p) {
  std::size_t best = 0;
  double best_d = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < pts.size(); ++i) {
    const double d = std::hypot(pts[i].x - p.x, pts[i].y - p.y);
    if (d < best_d) best_d = d, best = i;
  }
  return best;
}

}  // namespace

std::vector<RoadFeature> road_network(const std::vector<Platform>& platforms, std::uint64_t seed,
                                      RoadStats& stats) {
  Builder b;
  Rng rng(seed, 900);

  double x0 = 1e300, x1 = -1e300, y0 = 1e300, y1 = -1e300;
  for (const auto& p : platforms) {
    x0 = std::min(x0, p.centre.x - p.half_w), x1 = std::max(x1, p.centre.x + p.half_w);
    y0 = std::min(y0, p.centre.y - p.half_h), y1 = std::max(y1, p.centre.y + p.half_h);
  }
  x0 -= 2000, x1 += 2000, y0 -= 2000, y1 += 2000;
  const double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;

  // --- arterial grid ------------------------------------------------------
  std::vector<Arterial> arterials;
  const int nx = std::max(1, static_cast<int>(std::ceil((x1 - x0) / arterial_spacing_m)));
  const int ny = std::max(1, static_cast<int>(std::ceil((y1 - y0) / arterial_spacing_m)));
  for (int k = 0; k <= nx; ++k) {
    const double x = x0 + (x1 - x0) * k / nx;
    const char* cls = k % 2 == 0 ? "primary" : "secondary";
    if (k % 4 == 2) {  // a one-way pair: northbound west, southbound east
      arterials.push_back({true, x - pair_half_m, y0, y1, cls, "yes", true, {}});
      arterials.push_back({true, x + pair_half_m, y0, y1, cls, "-1", true, {}});
    } else {
      arterials.push_back({true, x, y0, y1, cls, "no", k % 2 == 0, {}});
    }
  }
  for (int j = 0; j <= ny; ++j) {
    const double y = y0 + (y1 - y0) * j / ny;
    arterials.push_back({false, y, x0, x1, j % 2 == 0 ? "primary" : "secondary", "no", j % 2 == 0,
                         {}});
  }
  for (Arterial& a : arterials) {
    a.stops.push_back(a.lo);
    a.stops.push_back(a.hi);
    for (double s = a.lo + shape_step_m; s < a.hi; s += shape_step_m) a.stops.push_back(s);
    for (const Arterial& o : arterials)
      if (o.north_south != a.north_south) a.stops.push_back(o.at);
  }

  // --- motorways: a ring and 8 spokes, dual carriageways --------------------
  const double ring_r = 0.3 * std::min(x1 - x0, y1 - y0) / 2;
  std::vector<Carriageway> motorways;
  {
    const int n = std::max(8, static_cast<int>(std::ceil(2 * M_PI * ring_r / shape_step_m)));
    Carriageway outer{{}, false}, inner{{}, true};  // counter-clockwise, clockwise
    for (int i = 0; i <= n; ++i) {
      const double th = 2 * M_PI * (i % n) / n;
      outer.travel.push_back({cx + (ring_r + carriageway_half_m) * std::cos(th),
                              cy + (ring_r + carriageway_half_m) * std::sin(th)});
      inner.travel.push_back({cx + (ring_r - carriageway_half_m) * std::cos(-th),
                              cy + (ring_r - carriageway_half_m) * std::sin(-th)});
    }
    motorways.push_back(std::move(outer));
    motorways.push_back(std::move(inner));
  }
  const std::vector<Pt> ring_outer = motorways[0].travel, ring_inner = motorways[1].travel;
  for (int k = 0; k < 8; ++k) {
    const double phi = (22.5 + 45.0 * k) * M_PI / 180;
    const double dx = std::cos(phi), dy = std::sin(phi);
    // To the extent's edge.
    const double tx = dx > 0 ? (x1 - cx) / dx : (x0 - cx) / dx;
    const double ty = dy > 0 ? (y1 - cy) / dy : (y0 - cy) / dy;
    const double len = std::min(tx, ty);
    // Driving on the right: outbound on the right of the outward direction.
    const double nx_ = dy, ny_ = -dx;
    Carriageway out{{}, false}, in{{}, true};
    for (double r = ring_r + spoke_start_m;; r += shape_step_m) {
      const double rr = std::min(r, len);
      out.travel.push_back({cx + rr * dx + carriageway_half_m * nx_,
                            cy + rr * dy + carriageway_half_m * ny_});
      in.travel.push_back({cx + rr * dx - carriageway_half_m * nx_,
                           cy + rr * dy - carriageway_half_m * ny_});
      if (rr >= len) break;
    }
    std::reverse(in.travel.begin(), in.travel.end());  // driving inwards
    // The junction with the ring: from either ring carriageway onto the
    // outbound one, and from the inbound one onto either.
    const Pt start = out.travel.front(), end = in.travel.back();
    b.ramp(ring_outer[nearest_vertex(ring_outer, start)], start);
    b.ramp(ring_inner[nearest_vertex(ring_inner, start)], start);
    b.ramp(end, ring_outer[nearest_vertex(ring_outer, end)]);
    b.ramp(end, ring_inner[nearest_vertex(ring_inner, end)]);
    motorways.push_back(std::move(out));
    motorways.push_back(std::move(in));
  }
  for (const Carriageway& c : motorways) {
    interchanges(b, c, arterials);
    emit_carriageway(b, c);
  }

  // --- local streets, and connectors to the arterials -------------------------
  for (const Platform& p : platforms) {
    const auto world = [&](double u, double v) {
      return Pt{p.origin.x + u * p.cos_a - v * p.sin_a, p.origin.y + u * p.sin_a + v * p.cos_a};
    };
    // The boundary streets and three quarters of the streets between blocks are
    // mapped (the other gaps are lanes and green strips): about one directed
    // edge per parcel in all.
    const auto mapped = [&](const std::vector<double>& all) {
      std::vector<double> out;
      for (std::size_t i = 0; i < all.size(); ++i)
        if (i == 0 || i + 1 == all.size() || rng.chance(interior_street_share)) out.push_back(all[i]);
      return out;
    };
    const std::vector<double> us = mapped(p.street_u), vs = mapped(p.street_v);
    const auto street_class = [](std::size_t i, std::size_t n) {
      return i == 0 || i + 1 == n || i % 3 == 0 ? "tertiary" : "residential";
    };
    const auto street_oneway = [&](std::size_t i, std::size_t n) {
      if (i == 0 || i + 1 == n || !rng.chance(0.06)) return "no";
      return rng.chance(0.5) ? "yes" : "-1";
    };
    std::vector<Pt> line;
    for (std::size_t i = 0; i < us.size(); ++i) {
      line.clear();
      for (double v : vs) line.push_back(world(us[i], v));
      b.emit(line, street_feature_segments, street_class(i, us.size()),
             street_oneway(i, us.size()));
    }
    for (std::size_t j = 0; j < vs.size(); ++j) {
      line.clear();
      for (double u : us) line.push_back(world(u, vs[j]));
      b.emit(line, street_feature_segments, street_class(j, vs.size()),
             street_oneway(j, vs.size()));
    }
    // Each corner to the foot of its nearest arterial.
    for (const Pt corner : {world(us.front(), vs.front()), world(us.back(), vs.front()),
                            world(us.back(), vs.back()), world(us.front(), vs.back())}) {
      Arterial* best = nullptr;
      double best_d = std::numeric_limits<double>::infinity();
      for (Arterial& a : arterials) {
        const double d = std::abs((a.north_south ? corner.x : corner.y) - a.at);
        if (d < best_d) best_d = d, best = &a;
      }
      const double along = best->north_south ? corner.y : corner.x;
      best->stops.push_back(along);
      const Pt foot = best->north_south ? Pt{best->at, along} : Pt{along, best->at};
      b.emit({corner, foot}, 1, "secondary", "no");
    }
    // Bits no car reaches from the rest: a service loop in a block of
    // every 20th platform. And a footway across a block of each.
    if (us.size() >= 3 && vs.size() >= 3) {
      const double bu = (us[1] + us[2]) / 2, bv = (vs[1] + vs[2]) / 2;
      if (p.number % 20 == 7) {
        const double h = std::min({20.0, (us[2] - us[1]) / 4, (vs[2] - vs[1]) / 4});
        b.emit({world(bu - h, bv - h), world(bu + h, bv - h), world(bu + h, bv + h),
                world(bu - h, bv + h), world(bu - h, bv - h)},
               4, "service", "no");
      }
      b.emit({world(us[1], vs[1]), world(bu, bv), world(us[2], vs[2])}, 2, "footway", "no");
    }
  }

  // --- the arterials, now that every stop is known -----------------------------
  for (Arterial& a : arterials) {
    std::sort(a.stops.begin(), a.stops.end());
    a.stops.erase(std::unique(a.stops.begin(), a.stops.end()), a.stops.end());
    std::vector<Pt> pts;
    pts.reserve(a.stops.size());
    for (double s : a.stops)
      if (s >= a.lo && s <= a.hi) pts.push_back(a.north_south ? Pt{a.at, s} : Pt{s, a.at});
    b.emit(pts, arterial_feature_segments, a.highway, a.oneway);
  }

  for (const RoadFeature& f : b.out) {
    ++stats.features;
    if (std::string_view(f.highway) == "footway") continue;
    const std::uint64_t segs = f.points.size() - 1;
    stats.segments += segs;
    stats.directed_edges += std::string_view(f.oneway) == "no" ? 2 * segs : segs;
  }
  return std::move(b.out);
}

}  // namespace bench
