// Test helpers that use the SDK only: build a ParcelTable from polygons and
// answer reference queries by brute force (the oracle the R-tree index is
// checked against, and what plugin tests run on).
#pragma once

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <siterank/sdk.hpp>
#include <string>
#include <thread>
#include <vector>

namespace siterank::testing {

// Attributes of one test parcel; NaN/empty = not given.
struct ParcelSpec {
  std::string id;
  std::vector<Point> ring;  // exterior ring, counter-clockwise, closed or not
  std::string platform;
  std::string land_use;
  std::string status;
  double price_wan_per_mu = missing;
  double plot_ratio_max = missing;
  double height_limit_m = missing;
  double power_kva = missing;
  std::string district;
  double plot_ratio_min = missing;
  double water_m3_per_day = missing;
};

// An axis-aligned rectangle ring with lower-left corner (x, y).
inline std::vector<Point> rectangle(double x, double y, double w, double h) {
  return {{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}, {x, y}};
}

inline void push_category(CategoryColumn& c, const std::string& v) {
  long code = c.find(v);
  if (code < 0) {
    c.values.push_back(v);
    code = static_cast<long>(c.values.size() - 1);
  }
  c.codes.push_back(static_cast<std::uint32_t>(code));
}

// Builds a table the way the host does: area from the ring, the
// representative point at the ring's vertex average (fine for convex test
// rings), all canonical fields mapped.
inline ParcelTable make_parcels(const std::vector<ParcelSpec>& specs) {
  ParcelTable t;
  for (const auto& s : specs) {
    t.id.push_back(s.id);
    t.name.push_back("");
    push_category(t.platform, s.platform);
    push_category(t.district, s.district);
    push_category(t.land_use, s.land_use);
    push_category(t.status, s.status);
    std::vector<Point> ring = s.ring;
    if (ring.front().x != ring.back().x || ring.front().y != ring.back().y)
      ring.push_back(ring.front());
    for (const auto& p : ring) t.geometry.points.push_back(p);
    t.geometry.ring_offsets.push_back(t.geometry.points.size());
    t.geometry.ring_is_exterior.push_back(1);
    t.geometry.feature_ring_offsets.push_back(t.geometry.ring_offsets.size() - 1);
    t.area_m2.push_back(signed_ring_area(ring));
    Point c{0, 0};
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
      c.x += ring[i].x;
      c.y += ring[i].y;
    }
    c.x /= static_cast<double>(ring.size() - 1);
    c.y /= static_cast<double>(ring.size() - 1);
    t.rep_point.push_back(c);
    t.price_wan_per_mu.push_back(s.price_wan_per_mu);
    t.plot_ratio_min.push_back(s.plot_ratio_min);
    t.plot_ratio_max.push_back(s.plot_ratio_max);
    t.height_limit_m.push_back(s.height_limit_m);
    t.power_kva.push_back(s.power_kva);
    t.water_m3_per_day.push_back(s.water_m3_per_day);
  }
  t.mapped_fields = {"id",
                     "name",
                     "platform",
                     "district",
                     "land_use",
                     "status",
                     "price_wan_per_mu",
                     "plot_ratio_min",
                     "plot_ratio_max",
                     "height_limit_m",
                     "power_kva",
                     "water_m3_per_day"};
  return t;
}

// A point layer with text attributes; values[i][a] is feature i's value of
// attribute names[a]. Numeric attributes: give their names in number_names.
inline ReferenceLayer make_point_layer(std::string name, std::string role, std::vector<Point> pts,
                                       std::vector<std::string> names,
                                       std::vector<std::vector<std::string>> values,
                                       std::vector<std::string> number_names = {}) {
  ReferenceLayer l;
  l.name = std::move(name);
  l.role = std::move(role);
  l.kind = GeometryKind::point;
  l.points = std::move(pts);
  for (std::size_t a = 0; a < names.size(); ++a) {
    AttributeColumn c;
    c.name = names[a];
    const bool numeric =
        std::find(number_names.begin(), number_names.end(), names[a]) != number_names.end();
    c.kind = numeric ? AttributeColumn::Kind::number : AttributeColumn::Kind::text;
    for (const auto& row : values) {
      if (numeric)
        c.numbers.push_back(row[a].empty() ? missing : std::stod(row[a]));
      else
        push_category(c.texts, row[a]);
    }
    l.attributes.push_back(std::move(c));
  }
  return l;
}

inline bool filter_matches(const ReferenceLayer& l, std::size_t i, const AttributeFilter* f) {
  if (!f) return true;
  const AttributeColumn* c = l.attribute(f->field);
  if (!c) return false;
  if (c->kind == AttributeColumn::Kind::number) {
    const double v = c->numbers[i];
    return !is_missing(v) && v >= f->min && v <= f->max;
  }
  if (f->any_of.empty()) return true;
  std::string_view v = c->text(i);
  while (true) {
    const auto semi = v.find(';');
    const std::string_view part = v.substr(0, semi);
    for (const auto& want : f->any_of)
      if (part == want) return true;
    if (semi == std::string_view::npos) return false;
    v.remove_prefix(semi + 1);
  }
}

// Brute-force ReferenceData over point layers (polygon layers: distance to
// the representative point).
class BruteForceReference final : public ReferenceData {
 public:
  std::vector<ReferenceLayer> layers;
  using ReferenceData::nearest;  // the convenience overloads returning vectors
  using ReferenceData::within;

  const ReferenceLayer* layer(std::string_view role) const override {
    for (const auto& l : layers)
      if (l.role == role) return &l;
    return nullptr;
  }
  void nearest(const ReferenceLayer& l, Point p, std::size_t k, const AttributeFilter* f,
               std::vector<Hit>& out) const override {
    all(l, p, f, out);
    if (out.size() > k) out.resize(k);
  }
  void within(const ReferenceLayer& l, Point p, double r, const AttributeFilter* f,
              std::vector<Hit>& out) const override {
    all(l, p, f, out);
    out.erase(
        std::remove_if(out.begin(), out.end(), [r](const Hit& h) { return h.distance_m > r; }),
        out.end());
  }

  // A road network for plugin tests: when set, road_trips() answers each
  // point with this function (given the features that pass the filter), so
  // a test states trip times it can work out by hand.
  std::function<RoadTrip(const ReferenceLayer&, const std::vector<std::size_t>& matching, Point)>
      road;
  std::string road_description = "test road network";
  bool has_road_network() const override { return static_cast<bool>(road); }
  std::string road_network_description() const override {
    return road ? road_description : std::string();
  }
  void road_trips(const ReferenceLayer& l, const AttributeFilter* f, std::span<const Point> from,
                  std::vector<RoadTrip>& out) const override {
    if (!road) return ReferenceData::road_trips(l, f, from, out);
    std::vector<std::size_t> matching;
    for (std::size_t i = 0; i < l.size(); ++i)
      if (filter_matches(l, i, f)) matching.push_back(i);
    out.clear();
    for (const Point& p : from) out.push_back(road(l, matching, p));
  }
  // With `road`: road_reach() takes on-network and the access leg from
  // road(layer, {}, p), and the time to each matching feature from this
  // (+inf: unreachable).
  std::function<double(const ReferenceLayer&, std::size_t feature, Point)> road_seconds;
  void road_reach(const ReferenceLayer& l, const AttributeFilter* f, double max_seconds,
                  std::span<const Point> from, std::vector<RoadReach>& out) const override {
    if (!road || !road_seconds) return ReferenceData::road_reach(l, f, max_seconds, from, out);
    out.clear();
    for (const Point& p : from) {
      RoadReach r;
      const RoadTrip t = road(l, {}, p);
      r.on_network = t.status != RoadTrip::Status::off_network;
      r.access_m = t.access_m;
      if (r.on_network)
        for (std::size_t i = 0; i < l.size(); ++i) {
          const double s = road_seconds(l, i, p);
          if (filter_matches(l, i, f) && s <= max_seconds) r.features.push_back({i, s});
        }
      std::sort(r.features.begin(), r.features.end(), [](const auto& a, const auto& b) {
        return a.seconds != b.seconds ? a.seconds < b.seconds : a.feature < b.feature;
      });
      out.push_back(std::move(r));
    }
  }

 private:
  static void all(const ReferenceLayer& l, Point p, const AttributeFilter* f,
                  std::vector<Hit>& out) {
    out.clear();
    for (std::size_t i = 0; i < l.size(); ++i)
      if (filter_matches(l, i, f)) out.push_back({i, distance(p, l.points[i])});
    std::sort(out.begin(), out.end(), [](const Hit& a, const Hit& b) {
      return a.distance_m != b.distance_m ? a.distance_m < b.distance_m : a.feature < b.feature;
    });
  }
};

// Scores a whole table with a criterion in one batch, for plugin tests.
struct Scored {
  std::vector<double> scores;
  std::vector<double> factors;  // parcel-major
  std::vector<Veto> vetoes;
  std::vector<FactorSpec> specs;
  double factor(std::size_t parcel, const std::string& name) const {
    for (std::size_t f = 0; f < specs.size(); ++f)
      if (specs[f].name == name) return factors[parcel * specs.size() + f];
    throw std::out_of_range("no factor " + name);
  }
  bool vetoed(std::size_t parcel) const {
    return std::any_of(vetoes.begin(), vetoes.end(),
                       [&](const Veto& v) { return v.parcel == parcel; });
  }
};

inline Scored score_all(const Criterion& c, const ParcelTable& t, const ReferenceData& ref) {
  Scored s;
  s.specs = c.factors();
  s.scores.assign(t.size(), missing);
  s.factors.assign(t.size() * s.specs.size(), missing);
  BatchResult out(s.scores, s.factors, s.specs.size(), s.vetoes);
  c.score(ParcelBatch(t, 0, t.size()), ref, out);
  return s;
}

// Scores the table as two batches (first half, second half) on two threads
// at once, as the host's engine does, to check that score() is thread-safe
// and uses batch-local indexes. Vetoes come back with table indexes.
inline Scored score_in_two_threads(const Criterion& c, const ParcelTable& t,
                                   const ReferenceData& ref) {
  Scored s;
  s.specs = c.factors();
  const std::size_t nf = s.specs.size();
  s.scores.assign(t.size(), missing);
  s.factors.assign(t.size() * nf, missing);
  const std::size_t half = t.size() / 2;
  std::vector<Veto> vetoes[2];
  const auto run = [&](std::size_t h) {
    const std::size_t first = h == 0 ? 0 : half, count = h == 0 ? half : t.size() - half;
    BatchResult out(std::span<double>(s.scores).subspan(first, count),
                    std::span<double>(s.factors).subspan(first * nf, count * nf), nf, vetoes[h]);
    c.score(ParcelBatch(t, first, count), ref, out);
  };
  std::thread a(run, 0), b(run, 1);
  a.join();
  b.join();
  s.vetoes = vetoes[0];
  for (Veto v : vetoes[1]) {
    v.parcel += half;
    s.vetoes.push_back(std::move(v));
  }
  return s;
}

// Options with every declared default, then the overrides.
inline Options default_options(const Criterion& c) {
  Options o;
  for (const auto& spec : c.describe().options) o.set(spec.name, spec.default_value);
  return o;
}

// The road network of the plugin tests: the trip to a feature is the
// Manhattan distance at 36 km/h (10 m/s), so minutes = (|dx| + |dy|) in
// metres / 600, and the nearest feature is the one with the shortest trip.
// Points with |x| > 40000 are off the network (access unknown); from the
// others the access leg is 25 m, and no feature of a layer for which
// `unreachable` says true can be reached. road_reach() answers on the same
// times.
inline void manhattan_roads(BruteForceReference& ref,
                            std::function<bool(const ReferenceLayer&)> unreachable = {}) {
  ref.road = [unreachable](const ReferenceLayer& l, const std::vector<std::size_t>& matching,
                           Point p) {
    RoadTrip t;
    if (std::abs(p.x) > 40000) {
      t.status = RoadTrip::Status::off_network;
      return t;
    }
    t.access_m = 25;
    if (unreachable && unreachable(l)) return t;
    for (std::size_t i : matching) {
      const double s = (std::abs(l.points[i].x - p.x) + std::abs(l.points[i].y - p.y)) / 10.0;
      if (s < t.seconds) {
        t.seconds = s;
        t.feature = i;
        t.status = RoadTrip::Status::ok;
      }
    }
    return t;
  };
  ref.road_seconds = [unreachable](const ReferenceLayer& l, std::size_t i, Point p) {
    if (unreachable && unreachable(l)) return std::numeric_limits<double>::infinity();
    return (std::abs(l.points[i].x - p.x) + std::abs(l.points[i].y - p.y)) / 10.0;
  };
}

}  // namespace siterank::testing
