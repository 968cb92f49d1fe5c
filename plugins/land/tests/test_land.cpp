// Tests of the land criterion. Expected scores are worked out by hand in
// the comments from the formulas in docs/plugins/land.md, with the default
// options: weights area 20, land_use 15, readiness 15, price 15,
// compactness 5, width 5, plot_ratio 10, height 5, power 7, dual_circuit 3.
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <numbers>
#include <random>
#include <sdk_fixtures.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "../land_criterion.hpp"
#include "../parcel_shape.hpp"

using namespace siterank;
using namespace siterank::testing;
using siterank::plugins::LandCriterion;

namespace {

// Land need 40000..60000 m² (60..90 mu), tolerance 10%, budget 100 万元/亩,
// 80000 m² of floor area, 24 m tall, 4000 kVA.
ProjectProfile factory_profile() {
  ProjectProfile p;
  p.name = "test factory";
  p.industry = "integrated_circuits";
  p.project_type = "factory";
  p.land_min_m2 = 40000;
  p.land_max_m2 = 60000;
  p.land_tolerance = 0.1;
  p.max_price_wan_per_mu = 100;
  p.floor_area_m2 = 80000;
  p.building_height_m = 24;
  p.power_kva = 4000;
  return p;
}

// A profile stating nothing but the project type: only land use,
// readiness, compactness and width apply.
ProjectProfile bare_profile(std::string type = "factory") {
  ProjectProfile p;
  p.name = "bare";
  p.industry = "integrated_circuits";
  p.project_type = std::move(type);
  return p;
}

BruteForceReference no_layers;

LandCriterion configured(const ProjectProfile& profile, const Options* options = nullptr) {
  LandCriterion c;
  const Options o = options ? *options : default_options(c);
  c.configure(profile, o, no_layers);
  return c;
}

std::vector<std::string> veto_reasons(const Scored& s, std::size_t parcel) {
  std::vector<std::string> out;
  for (const auto& v : s.vetoes)
    if (v.parcel == parcel) out.push_back(v.reason);
  return out;
}

ParcelSpec parcel(std::string id, std::vector<Point> ring, std::string land_use,
                  std::string status) {
  ParcelSpec s;
  s.id = std::move(id);
  s.ring = std::move(ring);
  s.land_use = std::move(land_use);
  s.status = std::move(status);
  return s;
}

}  // namespace

TEST_CASE("land: a parcel that fits everything except a cheap-ish price", "[land]") {
  // 250 m x 200 m = 50000 m² = 75 mu, M1, ready, 80 万元/亩, plot ratio
  // 1.0..2.0, height limit 30 m, 5000 kVA.
  ParcelSpec a = parcel("A", rectangle(0, 0, 250, 200), "M1", "ready");
  a.price_wan_per_mu = 80;
  a.plot_ratio_min = 1.0;
  a.plot_ratio_max = 2.0;
  a.height_limit_m = 30;
  a.power_kva = 5000;
  const ParcelTable t = make_parcels({a});
  const LandCriterion c = configured(factory_profile());
  const Scored s = score_all(c, t, no_layers);

  // area 50000 within [40000, 60000] -> 100
  CHECK(s.factor(0, "area_fit") == Approx(100));
  CHECK(s.factor(0, "area_deviation") == Approx(0));
  CHECK(s.factor(0, "area_mu") == Approx(75));
  // M1 is allowed for a factory -> 100; ready -> 100
  CHECK(s.factor(0, "land_use_fit") == Approx(100));
  CHECK(s.factor(0, "readiness") == Approx(100));
  // price 80 / budget 100 = 0.8; linear(zero_at=1.5, full_at=0.5):
  // 100 * (0.8 - 1.5) / (0.5 - 1.5) = 70
  CHECK(s.factor(0, "price_to_budget") == Approx(0.8));
  CHECK(s.factor(0, "price_fit") == Approx(70));
  // 4π·50000 / 900² = 628318.5 / 810000 = 0.7757 >= 0.7 -> 100
  CHECK(s.factor(0, "compactness") == Approx(0.77570).epsilon(1e-4));
  CHECK(s.factor(0, "compactness_fit") == Approx(100));
  // width 200 m / 60 m = 3.33 >= 1 -> 100
  CHECK(s.factor(0, "width_m") == Approx(200));
  CHECK(s.factor(0, "width_fit") == Approx(100));
  // needed plot ratio 80000 / 50000 = 1.6, inside [1.0, 2.0]: mismatch 1 -> 100
  CHECK(s.factor(0, "needed_plot_ratio") == Approx(1.6));
  CHECK(s.factor(0, "plot_ratio_mismatch") == Approx(1.0));
  CHECK(s.factor(0, "plot_ratio_fit") == Approx(100));
  // 24 m / 30 m = 0.8 -> 100; 5000 / 4000 = 1.25 -> 100
  CHECK(s.factor(0, "height_to_limit") == Approx(0.8));
  CHECK(s.factor(0, "height_fit") == Approx(100));
  CHECK(s.factor(0, "power_to_need") == Approx(1.25));
  CHECK(s.factor(0, "power_fit") == Approx(100));
  // The project needs no dual circuit: not applicable.
  CHECK(std::isnan(s.factor(0, "dual_circuit_fit")));
  // (20+15+15)·100 + 15·70 + (5+5+10+5+7)·100 = 9250 over weights 97
  // (dual_circuit dropped) = 95.3608
  CHECK(s.scores[0] == Approx(9250.0 / 97.0));
  CHECK(s.vetoes.empty());
}

TEST_CASE("land: a small, dear, underpowered parcel is scored and vetoed", "[land]") {
  // 200 m x 150 m = 30000 m² = 45 mu, M0, available, 120 万元/亩, plot
  // ratio max 2.0, height limit 20 m, 3000 kVA.
  ParcelSpec b = parcel("B", rectangle(0, 0, 200, 150), "M0", "available");
  b.price_wan_per_mu = 120;
  b.plot_ratio_max = 2.0;
  b.height_limit_m = 20;
  b.power_kva = 3000;
  const ParcelTable t = make_parcels({b});
  const Scored s = score_all(configured(factory_profile()), t, no_layers);

  // shortfall (40000 - 30000) / 40000 = 0.25; linear(zero_at=0.5, full_at=0):
  // 100 * (0.25 - 0.5) / (0 - 0.5) = 50
  CHECK(s.factor(0, "area_deviation") == Approx(-0.25));
  CHECK(s.factor(0, "area_fit") == Approx(50));
  // M0 is partially compatible with a factory -> 50; available -> 70
  CHECK(s.factor(0, "land_use_fit") == Approx(50));
  CHECK(s.factor(0, "readiness") == Approx(70));
  // 120 / 100 = 1.2 -> 100 * (1.2 - 1.5) / (0.5 - 1.5) = 30
  CHECK(s.factor(0, "price_fit") == Approx(30));
  // needed 80000 / 30000 = 2.6667; mismatch 2.6667 / 2.0 = 1.3333;
  // linear(zero_at=1.5, full_at=1): 100 * (1.3333 - 1.5) / (1 - 1.5) = 33.333
  CHECK(s.factor(0, "needed_plot_ratio") == Approx(8.0 / 3.0));
  CHECK(s.factor(0, "plot_ratio_mismatch") == Approx(4.0 / 3.0));
  CHECK(s.factor(0, "plot_ratio_fit") == Approx(100.0 / 3.0));
  // 24 / 20 = 1.2 -> 100 * (1.2 - 1.5) / (1 - 1.5) = 60
  CHECK(s.factor(0, "height_fit") == Approx(60));
  // 3000 / 4000 = 0.75; linear(zero_at=0.5, full_at=1): 100 * 0.25 / 0.5 = 50
  CHECK(s.factor(0, "power_fit") == Approx(50));
  // 4π·30000 / 700² = 0.7694 -> 100; width 150 -> 100
  CHECK(s.factor(0, "compactness_fit") == Approx(100));
  CHECK(s.factor(0, "width_fit") == Approx(100));
  // 20·50 + 15·50 + 15·70 + 15·30 + 5·100 + 5·100 + 10·33.333 + 5·60 + 7·50
  // = 1000 + 750 + 1050 + 450 + 500 + 500 + 333.333 + 300 + 350 = 5233.333;
  // / 97 = 53.952
  CHECK(s.scores[0] == Approx(5233.3333 / 97.0));

  // Too small, over budget and short of power, but those vetoes are the
  // host's requirement rules (tests/unit/scoring/test_requirements.cpp):
  // the land criterion only scores them.
  CHECK(veto_reasons(s, 0).empty());
}

TEST_CASE("land: missing parcel values score neutral and never veto", "[land]") {
  // 400 m x 100 m = 40000 m², B29, reserved; no price, limits or power.
  const ParcelTable t = make_parcels({parcel("C", rectangle(0, 0, 400, 100), "B29", "reserved"),
                                      parcel("U", rectangle(0, 0, 250, 200), "", "")});
  const Scored s = score_all(configured(factory_profile()), t, no_layers);

  // area at the minimum, inclusive -> 100; B29 not allowed -> 0; reserved -> 30
  CHECK(s.factor(0, "area_fit") == Approx(100));
  CHECK(s.factor(0, "land_use_fit") == Approx(0));
  CHECK(s.factor(0, "readiness") == Approx(30));
  // unknown price, plot-ratio limits, height limit, power -> 50 each
  CHECK(s.factor(0, "price_fit") == Approx(50));
  CHECK(std::isnan(s.factor(0, "price_to_budget")));
  CHECK(s.factor(0, "plot_ratio_fit") == Approx(50));
  CHECK(s.factor(0, "height_fit") == Approx(50));
  CHECK(s.factor(0, "power_fit") == Approx(50));
  // 4π·40000 / 1000² = 0.502655; linear(0.3, 0.7): 100 * 0.202655 / 0.4 = 50.664
  CHECK(s.factor(0, "compactness_fit") == Approx(50.6637).epsilon(1e-4));
  // 20·100 + 15·0 + 15·30 + 15·50 + 5·50.6637 + 5·100 + 10·50 + 5·50 + 7·50
  // = 2000 + 450 + 750 + 253.319 + 500 + 500 + 250 + 350 = 5053.319; / 97 = 52.096
  CHECK(s.scores[0] == Approx(5053.3185 / 97.0).epsilon(1e-4));
  const auto reasons = veto_reasons(s, 0);
  REQUIRE(reasons.size() == 2);
  CHECK(reasons[0] == "land use B29 not allowed for a factory");
  CHECK(reasons[1] == "status reserved not allowed (allowed: ready, available)");

  // No land use, no status: 50 each, no veto at all.
  CHECK(s.factor(1, "land_use_fit") == Approx(50));
  CHECK(s.factor(1, "readiness") == Approx(50));
  CHECK_FALSE(s.vetoed(1));
}

TEST_CASE("land: a field the dataset does not map is not applicable", "[land]") {
  ParcelSpec a = parcel("A", rectangle(0, 0, 200, 200), "M1", "ready");
  ParcelTable t = make_parcels({a});
  t.mapped_fields = {"id", "land_use", "status"};
  ProjectProfile p = factory_profile();
  p.land_min_m2 = p.land_max_m2 = missing;  // no land need either
  const Scored s = score_all(configured(p), t, no_layers);
  for (const char* f : {"area_fit", "price_fit", "plot_ratio_fit", "height_fit", "power_fit"})
    CHECK(std::isnan(s.factor(0, f)));
  // Left: land use 100 (15), ready 100 (15), compactness π/4 -> 100 (5),
  // width 200 -> 100 (5): 100
  CHECK(s.scores[0] == Approx(100));
}

TEST_CASE("land: start_immediately makes ready parcels win clearly", "[land]") {
  const ParcelTable t = make_parcels({parcel("E", rectangle(0, 0, 200, 200), "M1", "ready"),
                                      parcel("F", rectangle(0, 0, 200, 200), "M1", "available")});
  ProjectProfile p = bare_profile();
  const Scored usual = score_all(configured(p), t, no_layers);
  // Applicable: land use 15, readiness 15, compactness 5, width 5 (sum 40).
  // F: (15·100 + 15·70 + 5·100 + 5·100) / 40 = 3550 / 40 = 88.75
  CHECK(usual.scores[0] == Approx(100));
  CHECK(usual.scores[1] == Approx(88.75));

  p.start_immediately = true;
  const Scored immediate = score_all(configured(p), t, no_layers);
  // readiness weight 30, available 70 · 0.5 = 35:
  // (15·100 + 30·35 + 5·100 + 5·100) / 55 = 3550 / 55 = 64.545
  CHECK(immediate.factor(1, "readiness") == Approx(35));
  CHECK(immediate.scores[0] == Approx(100));
  CHECK(immediate.scores[1] == Approx(3550.0 / 55.0));
}

TEST_CASE("land: the land-use matrix and its override", "[land]") {
  const ParcelTable t = make_parcels({parcel("a", rectangle(0, 0, 200, 200), "100101", "ready"),
                                      parcel("b", rectangle(0, 0, 200, 200), "100103", "ready"),
                                      parcel("c", rectangle(0, 0, 200, 200), "W1", "ready"),
                                      parcel("d", rectangle(0, 0, 200, 200), " m2", "ready")});
  const Scored factory = score_all(configured(bare_profile()), t, no_layers);
  CHECK(factory.factor(0, "land_use_fit") == Approx(100));  // class-one industrial
  CHECK(factory.factor(1, "land_use_fit") == Approx(50));   // class-three: partial
  CHECK(factory.factor(2, "land_use_fit") == Approx(0));    // warehousing
  CHECK(factory.factor(3, "land_use_fit") == Approx(100));  // " m2" reads as M2
  CHECK(veto_reasons(factory, 2) ==
        std::vector<std::string>{"land use W1 not allowed for a factory"});

  const Scored logistics = score_all(configured(bare_profile("logistics")), t, no_layers);
  CHECK(logistics.factor(2, "land_use_fit") == Approx(100));
  CHECK(veto_reasons(logistics, 0) ==
        std::vector<std::string>{"land use 100101 not allowed for a logistics project"});

  ProjectProfile p = bare_profile();
  p.requirements.land_use = {"M1", "100101"};
  const Scored required = score_all(configured(p), t, no_layers);
  CHECK(required.factor(0, "land_use_fit") == Approx(100));
  CHECK(required.factor(1, "land_use_fit") == Approx(0));  // no partial credit in an override
  CHECK(required.specs[1].description.find("requirements.land_use (M1, 100101)") !=
        std::string::npos);
  // A stated land-use list is a requirement the host enforces; the land
  // criterion does not veto on it too.
  CHECK(required.vetoes.empty());
}

TEST_CASE("land: stated status and platform lists are the host's, not vetoes here", "[land]") {
  ParcelSpec a = parcel("a", rectangle(0, 0, 200, 200), "M1", "available");
  a.platform = "中国视谷";
  const ParcelTable t = make_parcels({a, parcel("b", rectangle(0, 0, 200, 200), "M1", "reserved")});
  ProjectProfile p = bare_profile();
  p.requirements.status = {"ready", "clearance"};
  p.requirements.platforms = {"钱塘芯谷"};
  const Scored s = score_all(configured(p), t, no_layers);
  CHECK(s.vetoes.empty());
  // Without a stated list the land criterion's default holds: ready, available.
  const Scored d = score_all(configured(bare_profile()), t, no_layers);
  CHECK(veto_reasons(d, 1) ==
        std::vector<std::string>{"status reserved not allowed (allowed: ready, available)"});
  CHECK_FALSE(d.vetoed(0));
  // (15·100 + 15·70 + 5·100 + 5·100) / 40
  CHECK(s.scores[0] == Approx(88.75));
}

TEST_CASE("land: oversized parcels and narrow ones", "[land]") {
  // 300 x 300 = 90000 m²: 50% above 60000; linear(zero_at=1, full_at=0):
  // 100 · (0.5 - 1) / (0 - 1) = 50. Not vetoed: the land need has no upper veto.
  // 1000 x 40 = 40000 m²: 4π·40000 / 2080² = 0.1162 < 0.3 -> 0; width 40 / 60
  // = 0.6667; linear(0.5, 1): 100 · 0.1667 / 0.5 = 33.333
  const ParcelTable t = make_parcels({parcel("big", rectangle(0, 0, 300, 300), "M1", "ready"),
                                      parcel("thin", rectangle(0, 0, 1000, 40), "M1", "ready")});
  const Scored s = score_all(configured(factory_profile()), t, no_layers);
  CHECK(s.factor(0, "area_deviation") == Approx(0.5));
  CHECK(s.factor(0, "area_fit") == Approx(50));
  CHECK_FALSE(s.vetoed(0));
  CHECK(s.factor(1, "compactness") == Approx(0.11618).epsilon(1e-3));
  CHECK(s.factor(1, "compactness_fit") == Approx(0));
  CHECK(s.factor(1, "width_m") == Approx(40));
  CHECK(s.factor(1, "width_fit") == Approx(100.0 / 3.0));
}

TEST_CASE("land: dual-circuit power from an extra field", "[land]") {
  ParcelTable t = make_parcels({parcel("yes", rectangle(0, 0, 200, 200), "M1", "ready"),
                                parcel("no", rectangle(0, 0, 200, 200), "M1", "ready"),
                                parcel("unknown", rectangle(0, 0, 200, 200), "M1", "ready")});
  AttributeColumn dual;
  dual.name = "dual_circuit";
  dual.kind = AttributeColumn::Kind::number;
  dual.numbers = {1, 0, missing};
  t.extra.push_back(dual);
  t.mapped_fields.push_back("dual_circuit");
  ProjectProfile p = bare_profile();
  p.dual_circuit_power = true;
  const Scored s = score_all(configured(p), t, no_layers);
  CHECK(s.factor(0, "dual_circuit_fit") == Approx(100));
  CHECK(s.factor(1, "dual_circuit_fit") == Approx(0));
  CHECK(s.factor(2, "dual_circuit_fit") == Approx(50));
  // "no": (15·100 + 15·100 + 5·100 + 5·100 + 3·0) / 43 = 4000 / 43 = 93.023
  CHECK(s.scores[1] == Approx(4000.0 / 43.0));

  p.dual_circuit_power = false;  // not needed: not applicable
  CHECK(std::isnan(score_all(configured(p), t, no_layers).factor(1, "dual_circuit_fit")));
}

TEST_CASE("land: a larger land need never raises the score of a too-small parcel", "[land]") {
  ParcelSpec b = parcel("B", rectangle(0, 0, 200, 150), "M1", "ready");  // 30000 m²
  b.price_wan_per_mu = 90;
  b.plot_ratio_max = 2.0;
  const ParcelTable t = make_parcels({b});
  ProjectProfile p = factory_profile();
  double previous = 101.0;
  for (double min_m2 : {31000.0, 35000.0, 40000.0, 50000.0, 80000.0, 200000.0}) {
    p.land_min_m2 = min_m2;
    p.land_max_m2 = min_m2 * 1.5;
    const double score = score_all(configured(p), t, no_layers).scores[0];
    CHECK(score <= previous);
    previous = score;
  }
}

TEST_CASE("land: minimum-area rectangle of rotated and irregular parcels", "[land][shape]") {
  // A 100 x 50 rectangle rotated by 30°.
  const double c = std::cos(std::numbers::pi / 6), s = std::sin(std::numbers::pi / 6);
  std::vector<Point> ring;
  for (Point p : rectangle(0, 0, 100, 50)) ring.push_back({p.x * c - p.y * s, p.x * s + p.y * c});
  const ParcelTable t = make_parcels(
      {parcel("rot", ring, "M1", "ready"),
       parcel("L", {{0, 0}, {120, 0}, {120, 40}, {40, 40}, {40, 100}, {0, 100}}, "M1", "ready")});
  const auto rot = plugins::min_area_rectangle(PolygonView(t.geometry, 0));
  CHECK(rot.width_m == Approx(50));
  CHECK(rot.length_m == Approx(100));
  // The L's hull is (0,0) (120,0) (120,40) (40,100) (0,100); the axis-aligned
  // box 120 x 100 = 12000 m² is smaller than boxes on the diagonal edge.
  const auto l = plugins::min_area_rectangle(PolygonView(t.geometry, 1));
  CHECK(l.width_m == Approx(100));
  CHECK(l.length_m == Approx(120));

  // Against a brute force over every hull edge, on random point clouds.
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> u(0, 100);
  for (int trial = 0; trial < 50; ++trial) {
    std::vector<Point> pts(12);
    for (auto& p : pts) p = {u(rng), u(rng)};
    const std::vector<Point> hull = plugins::convex_hull(pts);
    ParcelSpec spec = parcel("r", hull, "M1", "ready");
    const ParcelTable rt = make_parcels({spec});
    // Rectangles of equal area on different edges may differ in width: any
    // of them is a right answer.
    std::vector<std::pair<double, double>> area_width;
    for (std::size_t e = 0; e < hull.size(); ++e) {
      const Point a = hull[e], b = hull[(e + 1) % hull.size()];
      const double len = distance(a, b), ux = (b.x - a.x) / len, uy = (b.y - a.y) / len;
      double lo = 1e300, hi = -1e300, top = 0;
      for (Point p : hull) {
        const double along = (p.x - a.x) * ux + (p.y - a.y) * uy;
        lo = std::min(lo, along);
        hi = std::max(hi, along);
        top = std::max(top, std::abs(-(p.x - a.x) * uy + (p.y - a.y) * ux));
      }
      area_width.push_back({(hi - lo) * top, std::min(hi - lo, top)});
    }
    const double best = std::min_element(area_width.begin(), area_width.end())->first;
    const auto r = plugins::min_area_rectangle(PolygonView(rt.geometry, 0));
    CHECK(r.width_m * r.length_m == Approx(best));
    CHECK(std::any_of(area_width.begin(), area_width.end(), [&](const auto& aw) {
      return aw.first == Approx(best) && aw.second == Approx(r.width_m);
    }));
  }
}

TEST_CASE("land: scoring a sub-batch uses batch-local indices", "[land]") {
  const ParcelTable t = make_parcels({parcel("x", rectangle(0, 0, 250, 200), "M1", "ready"),
                                      parcel("w", rectangle(0, 0, 250, 200), "W1", "ready")});
  const LandCriterion c = configured(factory_profile());
  const Scored whole = score_all(c, t, no_layers);
  std::vector<double> scores(1), factors(c.factors().size());
  std::vector<Veto> vetoes;
  BatchResult out(scores, factors, c.factors().size(), vetoes);
  c.score(ParcelBatch(t, 1, 1), no_layers, out);
  CHECK(scores[0] == Approx(whole.scores[1]));
  REQUIRE(vetoes.size() == 1);
  CHECK(vetoes[0].parcel == 0);
}

TEST_CASE("land: factor descriptions name the value function in use", "[land]") {
  LandCriterion c;
  Options o = default_options(c);
  o.set("price_function", ValueFunction::stepped({0.8, 1.0, 1.2}, {100, 80, 40, 0}));
  c.configure(factory_profile(), o, no_layers);
  const auto specs = c.factors();
  CHECK(specs[3].name == "price_fit");
  CHECK(specs[3].description ==
        "stepped(breaks=[0.8,1,1.2], scores=[100,80,40,0]) of price / budget");
  CHECK(specs[0].description.find("linear(zero_at=0.5, full_at=0)") != std::string::npos);
}

TEST_CASE("land: concurrent batches score like one", "[land]") {
  std::vector<ParcelSpec> specs;
  for (int k = 0; k < 40; ++k) {
    ParcelSpec p = parcel("p" + std::to_string(k), rectangle(0, 0, 100 + 10 * k, 150 + 5 * k),
                          k % 3 ? "M1" : "B29", k % 2 ? "ready" : "reserved");
    p.price_wan_per_mu = 60 + 3 * k;
    p.power_kva = 100 * k;
    specs.push_back(p);
  }
  const ParcelTable t = make_parcels(specs);
  const LandCriterion c = configured(factory_profile());
  const Scored whole = score_all(c, t, no_layers);
  const Scored halves = score_in_two_threads(c, t, no_layers);
  for (std::size_t i = 0; i < t.size(); ++i) CHECK(halves.scores[i] == whole.scores[i]);
  CHECK(halves.vetoes.size() == whole.vetoes.size());
}

TEST_CASE("land: configure() rejects inconsistent options and profiles", "[land]") {
  LandCriterion c;
  const ProjectProfile p = factory_profile();
  const auto with = [&](const std::string& name, OptionValue v) {
    Options o = default_options(c);
    o.set(name, std::move(v));
    return o;
  };
  CHECK_NOTHROW(c.configure(p, default_options(c), no_layers));

  Options zero = default_options(c);
  for (const auto& spec : c.describe().options)
    if (spec.name.rfind("weight_", 0) == 0) zero.set(spec.name, 0.0);
  CHECK_THROWS_AS(c.configure(p, zero, no_layers), std::invalid_argument);

  // A bigger shortfall must not score better.
  CHECK_THROWS_AS(
      c.configure(p, with("area_shortfall_function", ValueFunction::linear(0, 0.5)), no_layers),
      std::invalid_argument);
  // More power must not score worse.
  CHECK_THROWS_AS(c.configure(p, with("power_function", ValueFunction::exp_decay(1.0)), no_layers),
                  std::invalid_argument);
  CHECK_THROWS_AS(c.configure(p, with("price_function", ValueFunction::gaussian(1, 0)), no_layers),
                  std::invalid_argument);
  CHECK_THROWS_AS(
      c.configure(p, with("height_function", ValueFunction::stepped({1.0}, {100, 50, 0})),
                  no_layers),
      std::invalid_argument);
  CHECK_THROWS_AS(
      c.configure(p, with("status_scores", NumberMap{{"ready", 100}, {"available", 70}}),
                  no_layers),
      std::invalid_argument);
  CHECK_THROWS_AS(c.configure(p,
                              with("status_scores", NumberMap{{"ready", 50},
                                                              {"available", 70},
                                                              {"reserved", 30},
                                                              {"clearance", 20},
                                                              {"occupied", 0}}),
                              no_layers),
                  std::invalid_argument);
  CHECK_THROWS_AS(c.configure(p, with("min_width_m", 0.0), no_layers), std::invalid_argument);

  ProjectProfile inverted = p;
  inverted.land_min_m2 = 70000;  // above the 60000 maximum
  CHECK_THROWS_AS(c.configure(inverted, default_options(c), no_layers), std::invalid_argument);
  ProjectProfile unknown_type = p;
  unknown_type.project_type = "shopping_mall";
  CHECK_THROWS_AS(c.configure(unknown_type, default_options(c), no_layers), std::invalid_argument);

  // A decreasing stepped function is fine for the price.
  CHECK_NOTHROW(c.configure(
      p, with("price_function", ValueFunction::stepped({0.8, 1.0, 1.2}, {100, 80, 40, 0})),
      no_layers));
}

TEST_CASE("land: describe() declares exactly the options configure() reads", "[land]") {
  LandCriterion c;
  const CriterionInfo info = c.describe();
  CHECK(info.name == "land");
  std::set<std::string> names;
  for (const auto& spec : info.options) {
    CHECK(names.insert(spec.name).second);  // unique
    Options without;
    for (const auto& other : info.options)
      if (other.name != spec.name) without.set(other.name, other.default_value);
    CHECK_THROWS_AS(c.configure(factory_profile(), without, no_layers), std::out_of_range);
  }
  CHECK(info.parcel_fields == std::vector<std::string>{"land_use", "status"});
}

TEST_CASE("land: the doc page names every option and factor", "[land][docs]") {
  std::ifstream in(SITERANK_LAND_DOC);
  REQUIRE(in);
  std::stringstream doc;
  doc << in.rdbuf();
  LandCriterion c;
  c.configure(factory_profile(), default_options(c), no_layers);
  for (const auto& spec : c.describe().options)
    CHECK(doc.str().find("`" + spec.name + "`") != std::string::npos);
  std::set<std::string> factor_names;
  for (const auto& f : c.factors()) {
    CHECK(factor_names.insert(f.name).second);
    CHECK(doc.str().find("`" + f.name + "`") != std::string::npos);
  }
}
