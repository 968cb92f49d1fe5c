#include "layout.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "rng.hpp"

namespace bench {

namespace {

// About Hangzhou's centre (120.2°E, 30.27°N) in EPSG:4549.
constexpr double hangzhou_x = 519000.0;
constexpr double hangzhou_y = 3350000.0;
// Ground per parcel, m², roads, empty blocks and the gaps between
// platforms included: sets the width of the packed rows, so N parcels cover
// a roughly square region (1M parcels: about 360 km across).
constexpr double ground_per_parcel_m2 = 130000.0;
constexpr double platform_margin_m = 25.0;
constexpr double keep_parcel = 0.88;  // the rest are green space, utilities, gaps

double round_to(double v, double step) { return std::round(v / step) * step; }

double ring_area(const std::vector<Pt>& r) {
  // Relative to the first vertex, so 7-digit eastings keep their precision.
  double a = 0;
  for (std::size_t i = 1; i + 1 < r.size(); ++i)
    a += (r[i].x - r[0].x) * (r[i + 1].y - r[0].y) - (r[i + 1].x - r[0].x) * (r[i].y - r[0].y);
  return a / 2;
}

double dist(Pt a, Pt b) { return std::hypot(a.x - b.x, a.y - b.y); }

// Road-corner chamfers and small inward kinks (survey points along the
// boundary) bring a 4-corner cell to `vertices` vertices (5..12). Every new
// point lies inside the cell, so neighbours never overlap, and kinks stay in
// the middle 60% of an edge, well clear of the chamfers, so the ring stays
// simple.
std::vector<Pt> add_vertices(const std::vector<Pt>& quad, int vertices, Rng& rng) {
  const int extra = vertices - 4;
  const int chamfers = std::min<int>(extra, static_cast<int>(rng.below(3)));
  int kinks = extra - chamfers;
  double shortest = 1e300;
  for (int i = 0; i < 4; ++i) shortest = std::min(shortest, dist(quad[i], quad[(i + 1) % 4]));
  const int first_chamfer = static_cast<int>(rng.below(4));
  std::vector<bool> chamfered(4, false);
  for (int c = 0; c < chamfers; ++c) chamfered[(first_chamfer + 2 * c) % 4] = true;
  std::vector<int> kinks_on(4, 0);
  for (int e = static_cast<int>(rng.below(4)); kinks > 0; e = (e + 1) % 4, --kinks) ++kinks_on[e];

  std::vector<Pt> out;
  const double cut = std::min(8.0, 0.08 * shortest);
  for (int i = 0; i < 4; ++i) {
    const Pt p = quad[i], prev = quad[(i + 3) % 4], next = quad[(i + 1) % 4];
    if (chamfered[i]) {
      const double lp = dist(p, prev), ln = dist(p, next);
      out.push_back({p.x + cut * (prev.x - p.x) / lp, p.y + cut * (prev.y - p.y) / lp});
      out.push_back({p.x + cut * (next.x - p.x) / ln, p.y + cut * (next.y - p.y) / ln});
    } else {
      out.push_back(p);
    }
    const int k = kinks_on[i];
    const double len = dist(p, next);
    // Left normal of a counter-clockwise edge points into the polygon.
    const double nx = -(next.y - p.y) / len, ny = (next.x - p.x) / len;
    for (int j = 0; j < k; ++j) {
      const double t = 0.2 + 0.6 * (j + rng.uniform(0.1, 0.9)) / k;
      const double off = rng.uniform(0.2, std::min(1.5, 0.01 * len));
      out.push_back({p.x + t * (next.x - p.x) + off * nx, p.y + t * (next.y - p.y) + off * ny});
    }
  }
  return out;
}

struct Block {
  double u0, u1, v0, v1;  // local frame, m
};

// Cuts a block into 1 or 2 rows of parcels (column cuts sometimes slanted:
// trapezoids), as subdivide_block() of generate.py. Cells are in the local
// frame, counter-clockwise.
std::vector<std::vector<Pt>> subdivide(const Block& b, const Archetype& a, double lo_mu,
                                       double hi_mu, Rng& rng) {
  const double du = b.u1 - b.u0, dv = b.v1 - b.v0;
  // s runs along the long side, t along the short one.
  Pt o{b.u0, b.v0}, S, T;
  double Ls, Lt;
  if (du >= dv) {
    S = {du, 0}, T = {0, dv}, Ls = du, Lt = dv;
  } else {
    S = {0, dv}, T = {du, 0}, Ls = dv, Lt = du;
  }
  const double A = du * dv;
  const double target =
      std::clamp(a.area_median_mu * std::exp(a.area_sigma * rng.normal()), lo_mu, hi_mu) *
      m2_per_mu;
  double n = std::max(1.0, std::round(A / target));
  n = std::max(n, std::ceil(A / (hi_mu * m2_per_mu * 0.92)));
  n = std::min(n, std::max(1.0, std::floor(A / (lo_mu * m2_per_mu * 1.35))));
  const bool small = a.area_median_mu < 40;
  const double min_depth = small ? 70 : 120, min_width = small ? 45 : 70;
  const int rows = (n >= 3 && Lt >= 2 * min_depth && rng.chance(0.65)) ? 2 : 1;
  int cols = std::max(1, static_cast<int>(std::ceil(n / rows)));
  cols = std::max(1, std::min(cols, static_cast<int>(Ls / std::max(min_width, Lt / rows / 3.5))));

  std::vector<double> pos{0.0};
  {
    std::vector<double> w(cols);
    double tot = 0;
    for (auto& x : w) tot += (x = rng.uniform(0.7, 1.3));
    for (double x : w) pos.push_back(pos.back() + x / tot);
    pos.back() = 1.0;
  }
  std::vector<std::pair<double, double>> cuts;  // s at t = 0 and t = 1
  for (double p : pos) cuts.emplace_back(p, p);
  for (int k = 1; k < cols; ++k)
    if (rng.chance(0.16)) {
      const double gap = std::min(pos[k] - pos[k - 1], pos[k + 1] - pos[k]);
      double d = rng.uniform(0.15, 0.35) * gap;
      if (rng.chance(0.5)) d = -d;
      cuts[k] = {pos[k] - d, pos[k] + d};
    }
  const auto at = [&](int k, double t) {
    return cuts[k].first + (cuts[k].second - cuts[k].first) * t;
  };
  const auto P = [&](double s, double t) {
    return Pt{o.x + s * S.x + t * T.x, o.y + s * S.y + t * T.y};
  };
  std::vector<double> ts{0.0};
  if (rows == 2) ts.push_back(rng.uniform(0.4, 0.6));
  ts.push_back(1.0);
  std::vector<std::vector<Pt>> cells;
  for (int r = 0; r < rows; ++r)
    for (int k = 0; k < cols; ++k) {
      const double t0 = ts[r], t1 = ts[r + 1];
      std::vector<Pt> c{P(at(k, t0), t0), P(at(k + 1, t0), t0), P(at(k + 1, t1), t1),
                        P(at(k, t1), t1)};
      if (ring_area(c) < 0) std::reverse(c.begin(), c.end());
      cells.push_back(std::move(c));
    }
  return cells;
}

}  // namespace

Layout::Layout(std::uint64_t seed, std::uint64_t parcels) : seed_(seed) {
  row_width_ = std::max(10000.0, std::sqrt(static_cast<double>(parcels) * ground_per_parcel_m2));
  left_ = hangzhou_x - row_width_ / 2;
  cursor_x_ = left_;
  cursor_y_ = hangzhou_y + row_width_ / 2;
}

Platform Layout::next_platform(std::uint64_t max_parcels,
                               const std::function<void(const Parcel&)>& sink) {
  Rng rng(seed_, 1000 + static_cast<std::uint64_t>(count_));
  Platform pf;
  pf.number = ++count_;
  {
    // Platforms hold about the same land, so a model is picked in
    // proportion to its sample parcel count times its parcel size: the
    // parcels then mix like the sample's.
    std::vector<std::pair<const Archetype*, double>> pick;
    for (const auto& a : archetypes())
      pick.emplace_back(&a, a.weight * std::clamp(a.area_median_mu, min_parcel_mu, max_parcel_mu));
    pf.archetype = rng.weighted(pick);
  }
  const Archetype& a = *pf.archetype;
  char num[16];
  std::snprintf(num, sizeof num, "%04d", pf.number);
  pf.name = a.name + "-" + num;
  pf.code = a.code + "-" + num;

  // Plan: platforms of 10-25 km² of blocks whatever their parcel sizes (so
  // the rows pack tightly: a chip platform has a few hundred large parcels,
  // a software town over a thousand small ones), with a fifth to spare.
  const double lo_mu = std::max(min_parcel_mu, a.area_mu.lo);
  const double hi_mu = std::min(max_parcel_mu, a.area_mu.hi);
  const double mean_parcel = std::clamp(a.area_median_mu * 1.2, lo_mu, hi_mu) * m2_per_mu;
  const double block_land_m2 = rng.uniform(10e6, 25e6);
  const auto target = static_cast<std::uint64_t>(
      std::clamp(std::round(block_land_m2 * keep_parcel * 0.9 / mean_parcel), 50.0, 5000.0));
  const std::uint64_t want = std::max<std::uint64_t>(1, std::min(max_parcels, target));
  const double mean_bu = (a.block_u.lo + a.block_u.hi) / 2,
               mean_bv = (a.block_v.lo + a.block_v.hi) / 2;
  const double per_block = std::max(0.5, mean_bu * mean_bv / mean_parcel * keep_parcel);
  const double blocks = std::ceil(static_cast<double>(want) / per_block * 1.2);
  const int nu = std::max(1, static_cast<int>(std::round(std::sqrt(blocks * mean_bv / mean_bu))));
  const int nv = std::max(1, static_cast<int>(std::ceil(blocks / nu)));

  const auto roads = [&](int n, Range size) {
    std::vector<std::pair<double, double>> spans;  // block extents along one axis
    double x = platform_margin_m;
    for (int i = 0; i < n; ++i) {
      const double len = rng.uniform(size.lo, size.hi);
      spans.emplace_back(x, x + len);
      x += len + ((i + 1) % 3 == 0 ? rng.uniform(40, 60) : rng.uniform(16, 30));
    }
    return spans;
  };
  auto us = roads(nu, a.block_u), vs = roads(nv, a.block_v);
  const double U = us.back().second + platform_margin_m, V = vs.back().second + platform_margin_m;
  for (auto& s : us) s = {s.first - U / 2, s.second - U / 2};
  for (auto& s : vs) s = {s.first - V / 2, s.second - V / 2};

  // Place the planned extent in the current row, or start a new row.
  const double angle = (a.angle_deg + rng.uniform(-5, 5)) * M_PI / 180;
  const double c = std::cos(angle), s = std::sin(angle);
  const double W = U * std::abs(c) + V * std::abs(s), H = U * std::abs(s) + V * std::abs(c);
  const double gap = rng.uniform(400, 1000);
  if (cursor_x_ > left_ && cursor_x_ + W > left_ + row_width_) {
    cursor_y_ -= row_height_ + gap;
    cursor_x_ = left_;
    row_height_ = 0;
  }
  const Pt centre{cursor_x_ + W / 2, cursor_y_ - H / 2};
  cursor_x_ += W + gap;
  row_height_ = std::max(row_height_, H);
  const auto world = [&](Pt p) {
    return Pt{centre.x + p.x * c - p.y * s, centre.y + p.x * s + p.y * c};
  };
  const double dmax = std::hypot(U, V) / 2;

  std::vector<std::pair<std::string, double>> statuses = a.status;
  double umin = 1e300, umax = -1e300, vmin = 1e300, vmax = -1e300;
  std::uint64_t emitted = 0;
  int block_no = 0;
  Parcel p;
  p.platform = pf.name;
  p.district = a.district;
  for (int j = 0; j < nv && emitted < want; ++j)
    for (int i = 0; i < nu && emitted < want; ++i) {
      const Block b{us[i].first, us[i].second, vs[j].first, vs[j].second};
      const auto cells = subdivide(b, a, lo_mu, hi_mu, rng);
      const std::string block_use = rng.weighted(a.uses);
      const std::string block_status = rng.weighted(statuses);
      bool used = false;
      int k = 0;
      for (const auto& cell : cells) {
        if (emitted == want) break;
        const int letter = k++;
        const double area = ring_area(cell);
        double longest = 0;
        for (int e = 0; e < 4; ++e) longest = std::max(longest, dist(cell[e], cell[(e + 1) % 4]));
        const bool keep = rng.chance(keep_parcel);
        if (!keep || area < min_parcel_mu * m2_per_mu || area > max_parcel_mu * m2_per_mu ||
            longest * longest / area > 5.0)
          continue;
        // Chamfers and kinks take a little area off: check the final one.
        const auto local = add_vertices(cell, 5 + static_cast<int>(rng.below(8)), rng);
        p.area_m2 = ring_area(local);
        if (p.area_m2 < min_parcel_mu * m2_per_mu) continue;
        if (!used) ++block_no, used = true;
        umin = std::min(umin, b.u0), umax = std::max(umax, b.u1);
        vmin = std::min(vmin, b.v0), vmax = std::max(vmax, b.v1);
        p.ring.clear();
        for (Pt q : local) p.ring.push_back(world(q));
        ++emitted;
        char id[64];
        std::snprintf(id, sizeof id, "%s-%04llu", pf.code.c_str(),
                      static_cast<unsigned long long>(emitted));
        p.id = id;
        std::snprintf(id, sizeof id, "%02d街区%c地块", block_no, "ABCDEFGHJK"[std::min(9, letter)]);
        p.name = pf.name + id;

        // Attributes as assign_attributes() of generate.py.
        p.land_use = rng.chance(0.8) ? block_use : rng.weighted(a.uses);
        p.status_zh = status_zh(rng.chance(0.55) ? block_status : rng.weighted(statuses));
        const std::string& cls = land_use_class(p.land_use);
        const UseStyle& st = use_style(cls);
        const double area_mu = p.area_m2 / m2_per_mu;
        Pt mid{0, 0};
        for (Pt q : local) mid.x += q.x / local.size(), mid.y += q.y / local.size();
        const double central = 1.0 - std::min(1.0, std::hypot(mid.x, mid.y) / dmax);
        const bool plain = cls == "industrial" || cls == "logistics";
        const Range pr = plain ? a.price_ind : a.price_inno;
        double price =
            pr.lo + (pr.hi - pr.lo) * std::min(1.0, 0.55 * central + 0.45 * rng.uniform());
        if (cls == "logistics") price *= 0.9;
        p.price = round_to(price, 0.1);
        p.plot_ratio_min = round_to(rng.uniform(st.pr_min.lo, st.pr_min.hi), 0.1);
        p.plot_ratio_max = round_to(
            std::max(p.plot_ratio_min + 0.5, rng.uniform(st.pr_max.lo, st.pr_max.hi)), 0.1);
        p.height_m = st.heights[rng.below(st.heights.size())];
        double kva = area_mu * rng.uniform(st.kva_per_mu.lo, st.kva_per_mu.hi) * a.power_factor *
                     heavy_power_factor(p.land_use);
        if (rng.chance(0.15)) kva *= 2.0;  // substation next door
        p.power_kva = static_cast<int>(std::clamp(round_to(kva, 50), 400.0, 80000.0));
        const double water =
            area_mu * rng.uniform(st.water_per_mu.lo, st.water_per_mu.hi) * a.water_factor;
        p.water_m3_per_day = static_cast<int>(std::max(50.0, round_to(water, 10)));
        p.dual_circuit = (rng.chance(a.dual) || p.power_kva >= 20000) ? 1 : 0;
        p.flood_risk =
            std::clamp(a.flood + (rng.chance(0.15) ? 1 : 0) - (rng.chance(0.2) ? 1 : 0), 1, 3);
        sink(p);
      }
    }
  if (emitted == 0) {  // a tiny platform whose cells all failed: never happens in practice
    umin = us.front().first, umax = us.back().second, vmin = vs.front().first,
    vmax = vs.back().second;
  }

  // Boundary: the used blocks' extent plus the margin, corners cut.
  umin -= platform_margin_m, umax += platform_margin_m;
  vmin -= platform_margin_m, vmax += platform_margin_m;
  const double cut = 0.12 * std::min(umax - umin, vmax - vmin);
  const std::vector<Pt> local{{umin + cut, vmin}, {umax - cut, vmin}, {umax, vmin + cut},
                              {umax, vmax - cut}, {umax - cut, vmax}, {umin + cut, vmax},
                              {umin, vmax - cut}, {umin, vmin + cut}};
  double xmin = 1e300, xmax = -1e300, ymin = 1e300, ymax = -1e300;
  for (Pt q : local) {
    const Pt w = world(q);
    pf.boundary.push_back(w);
    xmin = std::min(xmin, w.x), xmax = std::max(xmax, w.x);
    ymin = std::min(ymin, w.y), ymax = std::max(ymax, w.y);
  }
  pf.centre = {(xmin + xmax) / 2, (ymin + ymax) / 2};
  pf.half_w = (xmax - xmin) / 2;
  pf.half_h = (ymax - ymin) / 2;

  // Streets: between the blocks the parcels use, and round them in the
  // margin. No draw of `rng` here, so the parcels stay those made without
  // roads.
  pf.origin = centre;
  pf.cos_a = c;
  pf.sin_a = s;
  const auto streets = [](const std::vector<std::pair<double, double>>& spans, double lo,
                          double hi) {
    std::vector<double> out{lo + platform_margin_m / 2};
    for (std::size_t i = 0; i + 1 < spans.size(); ++i) {
      const double mid = (spans[i].second + spans[i + 1].first) / 2;
      if (mid > lo + platform_margin_m && mid < hi - platform_margin_m) out.push_back(mid);
    }
    out.push_back(hi - platform_margin_m / 2);
    return out;
  };
  pf.street_u = streets(us, umin, umax);
  pf.street_v = streets(vs, vmin, vmax);
  return pf;
}

}  // namespace bench
