// Unit tests for flood_risk: the criterion is created through the entry point
// SITERANK_PLUGIN exports, as the host does, and run on a hand-made parcel
// table and reference layer, so no dataset or host library is needed.
#if __has_include(<catch2/catch_test_macros.hpp>)
#include <catch2/catch_approx.hpp>  // Catch2 v3 (main from Catch2::Catch2WithMain)
#include <catch2/catch_test_macros.hpp>
using Catch::Approx;
#else
#define CATCH_CONFIG_MAIN  // Catch2 v2: header-only, this file provides main()
#include <catch2/catch.hpp>
#endif

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <siterank/sdk.hpp>
#include <stdexcept>
#include <string>
#include <vector>

extern "C" siterank::Criterion* siterank_plugin_create(std::string* error) noexcept;

namespace {

using siterank::Point;

// Brute-force queries over point layers, without filters (flood_risk uses
// none): enough for a handful of features.
class TinyReference final : public siterank::ReferenceData {
 public:
  std::vector<siterank::ReferenceLayer> layers;

  const siterank::ReferenceLayer* layer(std::string_view role) const override {
    for (const auto& l : layers)
      if (l.role == role) return &l;
    return nullptr;
  }
  void nearest(const siterank::ReferenceLayer& l, Point p, std::size_t k,
               const siterank::AttributeFilter*, std::vector<siterank::Hit>& out) const override {
    within(l, p, std::numeric_limits<double>::infinity(), nullptr, out);
    if (out.size() > k) out.resize(k);
  }
  void within(const siterank::ReferenceLayer& l, Point p, double radius_m,
              const siterank::AttributeFilter*, std::vector<siterank::Hit>& out) const override {
    out.clear();
    for (std::size_t f = 0; f < l.size(); ++f)
      if (const double d = siterank::distance(p, l.points[f]); d <= radius_m) out.push_back({f, d});
    std::stable_sort(out.begin(), out.end(),
                     [](auto& a, auto& b) { return a.distance_m < b.distance_m; });
  }
};

TinyReference river_at_origin(const std::string& role) {
  TinyReference ref;
  siterank::ReferenceLayer l;
  l.name = "water";
  l.role = role;
  l.points = {{0.0, 0.0}};
  ref.layers.push_back(l);
  return ref;
}

// Parcels reduced to what flood_risk reads: id and representative point.
siterank::ParcelTable parcels_at(const std::vector<Point>& points) {
  siterank::ParcelTable t;
  for (std::size_t i = 0; i < points.size(); ++i) {
    t.id.push_back("P" + std::to_string(i + 1));
    t.area_m2.push_back(10000.0);
    t.rep_point.push_back(points[i]);
  }
  return t;
}

std::unique_ptr<siterank::Criterion> create() {
  std::string error;
  std::unique_ptr<siterank::Criterion> c(siterank_plugin_create(&error));
  REQUIRE(c);
  return c;
}

// What the host hands configure(): every declared option, defaults filled in.
siterank::Options defaults(const siterank::Criterion& c) {
  siterank::Options o;
  for (const auto& spec : c.describe().options) o.set(spec.name, spec.default_value);
  return o;
}

struct Scored {
  std::vector<double> scores, factors;
  std::vector<siterank::Veto> vetoes;
};

Scored score(const siterank::Criterion& c, const siterank::ParcelTable& t,
             const siterank::ReferenceData& ref) {
  Scored s;
  s.scores.assign(t.size(), std::numeric_limits<double>::quiet_NaN());
  s.factors.assign(t.size(), std::numeric_limits<double>::quiet_NaN());
  siterank::BatchResult out(s.scores, s.factors, 1, s.vetoes);
  c.score(siterank::ParcelBatch(t, 0, t.size()), ref, out);
  return s;
}

}  // namespace

TEST_CASE("describe declares every selectable role as an optional layer") {
  const auto info = create()->describe();
  CHECK(info.name == "flood_risk");
  CHECK(info.parcel_fields.empty());
  REQUIRE(info.options.front().name == "layer_role");
  CHECK(info.options.front().choices.size() == info.layers.size());
  for (const auto& l : info.layers) CHECK(l.optional);
}

TEST_CASE("needs asks for the chosen layer only, as a required one") {
  auto c = create();
  siterank::Options o = defaults(*c);
  o.set("layer_role", std::string("lakes"));
  const siterank::CriterionNeeds n = c->needs({}, o);
  REQUIRE(n.layers.size() == 1);
  CHECK(n.layers[0].role == "lakes");
  CHECK(n.layers[0].kind == siterank::GeometryKind::polygon);
  CHECK_FALSE(n.layers[0].optional);
  CHECK(n.parcel_fields.empty());
}

TEST_CASE("configure refuses a dataset without the chosen layer") {
  auto c = create();
  siterank::Options o = defaults(*c);  // layer_role = "rivers"
  const TinyReference ref = river_at_origin("lakes");
  CHECK_THROWS_AS(c->configure({}, o, ref), std::invalid_argument);
}

TEST_CASE("configure refuses a function that falls with distance") {
  auto c = create();
  siterank::Options o = defaults(*c);
  o.set("distance_function", siterank::ValueFunction::exp_decay(300.0));
  const TinyReference ref = river_at_origin("rivers");
  CHECK_THROWS_AS(c->configure({}, o, ref), std::invalid_argument);
}

TEST_CASE("default scoring: linear from 0 at the water to 100 at 500 m") {
  auto c = create();
  const TinyReference ref = river_at_origin("rivers");
  c->configure({}, defaults(*c), ref);
  const auto t = parcels_at({{0, 0}, {150, 200}, {600, 0}});
  const Scored s = score(*c, t, ref);
  CHECK(s.scores[0] == Approx(0.0));
  CHECK(s.scores[1] == Approx(50.0));  // 250 m: a 3-4-5 triangle
  CHECK(s.scores[2] == Approx(100.0));
  CHECK(s.factors[1] == Approx(250.0));
  CHECK(s.vetoes.empty());
}

TEST_CASE("min_distance_m vetoes parcels closer than it and still scores them") {
  auto c = create();
  const TinyReference ref = river_at_origin("stations");
  siterank::Options o = defaults(*c);
  o.set("layer_role", std::string("stations"));
  o.set("min_distance_m", 300.0);
  o.set("distance_function", siterank::ValueFunction::stepped({100.0, 400.0}, {0.0, 40.0, 100.0}));
  c->configure({}, o, ref);
  const Scored s = score(*c, parcels_at({{0, 250}, {0, 300}}), ref);
  REQUIRE(s.vetoes.size() == 1);
  CHECK(s.vetoes[0].parcel == 0);
  CHECK(s.vetoes[0].reason.find("250 m") != std::string::npos);
  // A vetoed parcel still needs a valid score; the function option is honoured.
  CHECK(s.scores[0] == Approx(40.0));
  CHECK(s.scores[1] == Approx(40.0));
}
