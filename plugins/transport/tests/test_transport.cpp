// Tests of the transport criterion. Expected scores are worked out by hand in
// the comments from the model in docs/plugins/transport.md, with the
// defaults: road distance = 1.3 x straight line, walk = 1.2 x straight line;
//   interchange      linear(zero_at=25000, full_at=3000)
//   freight_rail     linear(zero_at=40000, full_at=5000)
//   high_speed_rail  linear(zero_at=40000, full_at=5000)
//   cargo_airport    linear(zero_at=60000, full_at=10000)
//   airport          linear(zero_at=60000, full_at=10000)
//   metro            exp_decay(half_life=1000)
// and the need -> mode shares freight_trucks: interchange 0.8, freight_rail
// 0.2; air_cargo: cargo_airport 1; staff_commuting: metro 1; business_travel:
// high_speed_rail 0.6, airport 0.4.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <sdk_fixtures.hpp>
#include <set>
#include <thread>

#include "../transport_criterion.hpp"

using namespace siterank;
using namespace siterank::testing;
using siterank::plugins::DetourDistance;
using siterank::plugins::Leg;
using siterank::plugins::TransportCriterion;

namespace {

ParcelSpec parcel(std::string id, std::vector<Point> ring) {
  ParcelSpec p;
  p.id = std::move(id);
  p.ring = std::move(ring);
  return p;
}

// One 100 m x 100 m parcel centred on the origin: its representative point is (0, 0).
ParcelTable origin_parcel() { return make_parcels({parcel("P0", rectangle(-50, -50, 100, 100))}); }

ReferenceLayer interchanges(std::vector<Point> pts) {
  std::vector<std::vector<std::string>> rows(pts.size(), {"interchange", "G60"});
  return make_point_layer("ic", "interchanges", std::move(pts), {"name", "expressway"}, rows);
}

ReferenceLayer metro(std::vector<Point> pts) {
  std::vector<std::vector<std::string>> rows(pts.size(), {"station", "1"});
  return make_point_layer("metro", "metro_stations", std::move(pts), {"name", "lines"}, rows);
}

ReferenceLayer rail_hubs(std::vector<std::pair<Point, std::string>> hubs) {
  std::vector<Point> pts;
  std::vector<std::vector<std::string>> rows;
  for (const auto& [p, kind] : hubs) {
    pts.push_back(p);
    rows.push_back({"hub", kind});
  }
  return make_point_layer("rail", "rail_hubs", pts, {"name", "kind"}, rows);
}

ReferenceLayer airports(std::vector<std::pair<Point, std::string>> ports, bool numeric = true) {
  std::vector<Point> pts;
  std::vector<std::vector<std::string>> rows;
  for (const auto& [p, cargo] : ports) {
    pts.push_back(p);
    rows.push_back({"airport", cargo});
  }
  return make_point_layer("air", "airports", pts, {"name", "cargo"}, rows,
                          numeric ? std::vector<std::string>{"cargo"} : std::vector<std::string>{});
}

// Interchange 5000 m away (3000, 4000), metro 1000 m (0, 1000), high-speed
// rail 10000 m (-10000, 0), freight rail 20000 m (0, -20000), a cargo
// airport 30000 m (18000, 24000).
BruteForceReference full_reference() {
  BruteForceReference ref;
  ref.layers.push_back(interchanges({{3000, 4000}}));
  ref.layers.push_back(metro({{0, 1000}}));
  ref.layers.push_back(
      rail_hubs({{{-10000, 0}, "high_speed;conventional"}, {{0, -20000}, "freight"}}));
  ref.layers.push_back(airports({{{18000, 24000}, "1"}}));
  return ref;
}
// Their mode scores with the defaults:
//   interchange  road 5000 * 1.3 = 6500   -> 100 * (25000 - 6500) / (25000 - 3000) = 84.0909
//   metro        walk 1000 * 1.2 = 1200   -> 100 * 2^(-1200/1000) = 43.5275
//   high-speed   road 10000 * 1.3 = 13000 -> 100 * (40000 - 13000) / 35000 = 77.1429
//   freight rail road 20000 * 1.3 = 26000 -> 100 * (40000 - 26000) / 35000 = 40
//   airports     road 30000 * 1.3 = 39000 -> 100 * (60000 - 39000) / 50000 = 42

ProjectProfile profile(double freight, double air, double commuting, double business) {
  ProjectProfile p;
  p.name = "plant";
  p.industry = "new_energy_equipment";
  p.logistics = {freight, air, commuting, business};
  return p;
}

Scored run(const ProjectProfile& pr, const BruteForceReference& ref, const ParcelTable& t,
           const Options& o) {
  TransportCriterion c;
  c.configure(pr, o, ref);
  return score_all(c, t, ref);
}

Scored run(const ProjectProfile& pr, const BruteForceReference& ref,
           const ParcelTable& t = origin_parcel()) {
  return run(pr, ref, t, default_options(TransportCriterion{}));
}

}  // namespace

TEST_CASE("trucks and commuting: weighted mode scores", "[transport]") {
  const Scored s = run(profile(1, 0, 0.5, 0), full_reference());
  // weights: interchange 1 * 0.8 = 0.8, freight_rail 1 * 0.2 = 0.2, metro 0.5 * 1 = 0.5; sum 1.5
  // score = (0.8 * 84.0909 + 0.2 * 40 + 0.5 * 43.5275) / 1.5
  //       = (67.2727 + 8 + 21.7638) / 1.5 = 97.0365 / 1.5 = 64.6910
  CHECK(s.scores[0] == Approx(64.6910).epsilon(1e-5));
  CHECK(s.factor(0, "interchange_distance_m") == Approx(6500));
  CHECK(s.factor(0, "interchange_score") == Approx(84.0909).epsilon(1e-5));
  CHECK(s.factor(0, "metro_distance_m") == Approx(1200));
  CHECK(s.factor(0, "metro_score") == Approx(43.5275).epsilon(1e-5));
  CHECK(s.factor(0, "freight_rail_distance_m") == Approx(26000));
  CHECK(s.factor(0, "freight_rail_score") == Approx(40));
  // Modes the needs do not weigh are still measured and reported.
  CHECK(s.factor(0, "high_speed_rail_distance_m") == Approx(13000));
  CHECK(s.factor(0, "high_speed_rail_score") == Approx(77.1429).epsilon(1e-5));
  CHECK(s.factor(0, "airport_score") == Approx(42));
  CHECK(s.factor(0, "cargo_airport_score") == Approx(42));
  CHECK(s.vetoes.empty());

  SECTION("without rail hubs the freight-rail term drops out") {
    BruteForceReference ref = full_reference();
    ref.layers.erase(ref.layers.begin() + 2);
    const Scored o = run(profile(1, 0, 0.5, 0), ref);
    // (0.8 * 84.0909 + 0.5 * 43.5275) / (0.8 + 0.5) = (67.2727 + 21.7638) / 1.3 = 68.4896
    CHECK(o.scores[0] == Approx(68.4896).epsilon(1e-5));
    CHECK(std::isnan(o.factor(0, "freight_rail_score")));
  }
}

TEST_CASE("default needs apply when the profile states none", "[transport]") {
  const Scored s = run(profile(0, 0, 0, 0), full_reference());
  // default needs: freight 0.6, air cargo 0.1, commuting 0.5, business 0.3
  // weights: interchange 0.6*0.8 = 0.48, freight_rail 0.6*0.2 = 0.12, cargo_airport 0.1,
  //          metro 0.5, high_speed_rail 0.3*0.6 = 0.18, airport 0.3*0.4 = 0.12; sum 1.5
  // score = (0.48*84.0909 + 0.12*40 + 0.1*42 + 0.5*43.5275 + 0.18*77.1429 + 0.12*42) / 1.5
  //       = (40.3636 + 4.8 + 4.2 + 21.7638 + 13.8857 + 5.04) / 1.5 = 90.0531 / 1.5 = 60.0354
  CHECK(s.scores[0] == Approx(60.0354).epsilon(1e-5));
}

TEST_CASE("absent optional layers: NaN factors and renormalised weights", "[transport]") {
  BruteForceReference ref;
  ref.layers.push_back(interchanges({{3000, 4000}}));
  ref.layers.push_back(metro({{0, 1000}}));
  const Scored s = run(profile(0, 0, 0, 0), ref);
  // Present modes: interchange 0.48, metro 0.5; sum 0.98
  // score = (0.48 * 84.0909 + 0.5 * 43.5275) / 0.98 = (40.3636 + 21.7638) / 0.98 = 63.3953
  CHECK(s.scores[0] == Approx(63.3953).epsilon(1e-5));
  for (const char* mode : {"freight_rail", "cargo_airport", "high_speed_rail", "airport"}) {
    INFO(mode);
    CHECK(std::isnan(s.factor(0, std::string(mode) + "_distance_m")));
    CHECK(std::isnan(s.factor(0, std::string(mode) + "_score")));
  }

  SECTION("a rail_hubs layer without freight hubs leaves freight rail unscored") {
    BruteForceReference r = full_reference();
    r.layers[2] = rail_hubs({{{-10000, 0}, "high_speed"}});
    const Scored o = run(profile(0, 0, 0, 0), r);
    // weights without freight_rail: 0.48 + 0.1 + 0.5 + 0.18 + 0.12 = 1.38
    // score = (40.3636 + 4.2 + 21.7638 + 13.8857 + 5.04) / 1.38 = 85.2531 / 1.38 = 61.7776
    CHECK(std::isnan(o.factor(0, "freight_rail_score")));
    CHECK(o.scores[0] == Approx(61.7776).epsilon(1e-5));
  }
  SECTION("require_needed_layers refuses instead") {
    TransportCriterion c;
    Options o = default_options(c);
    o.set("require_needed_layers", true);
    CHECK_THROWS_AS(c.configure(profile(0, 0, 0, 0), o, ref), std::invalid_argument);
    // A profile that needs only what is present is fine.
    CHECK_NOTHROW(c.configure(profile(0.0, 0, 1, 0), o, ref));
  }
  SECTION("nothing the needs weigh is present: refused") {
    BruteForceReference only_ic;
    only_ic.layers.push_back(interchanges({{3000, 4000}}));
    TransportCriterion c;
    CHECK_THROWS_AS(c.configure(profile(0, 0, 1, 0), default_options(c), only_ic),
                    std::invalid_argument);
  }
  SECTION("the interchanges layer is required") {
    BruteForceReference no_ic = full_reference();
    no_ic.layers.erase(no_ic.layers.begin());
    TransportCriterion c;
    CHECK_THROWS_AS(c.configure(profile(0, 0, 1, 0), default_options(c), no_ic),
                    std::invalid_argument);
  }
}

TEST_CASE("air cargo uses only airports handling cargo", "[transport]") {
  for (const bool numeric : {true, false}) {
    INFO("cargo attribute numeric: " << numeric);
    BruteForceReference ref;
    ref.layers.push_back(interchanges({{3000, 4000}}));
    // Airport A (6000, 8000), 10000 m, no cargo; airport B (18000, 24000), 30000 m, cargo.
    ref.layers.push_back(airports({{{6000, 8000}, "0"}, {{18000, 24000}, "1"}}, numeric));
    const Scored s = run(profile(0, 1, 0, 1), ref);
    // airport (business travel): A at 13000 road -> 100 * (60000 - 13000) / 50000 = 94
    // cargo_airport: B at 39000 road -> 42
    CHECK(s.factor(0, "airport_distance_m") == Approx(13000));
    CHECK(s.factor(0, "airport_score") == Approx(94));
    CHECK(s.factor(0, "cargo_airport_distance_m") == Approx(39000));
    CHECK(s.factor(0, "cargo_airport_score") == Approx(42));
    // weights: cargo_airport 1, airport 0.4, high_speed_rail 0.6 absent -> sum 1.4
    // score = (1 * 42 + 0.4 * 94) / 1.4 = (42 + 37.6) / 1.4 = 56.8571
    CHECK(s.scores[0] == Approx(56.8571).epsilon(1e-5));
  }
}

TEST_CASE("options change the model as documented", "[transport]") {
  TransportCriterion c;
  Options o = default_options(c);
  o.set("road_detour", 1.0);
  o.set("interchange_function", ValueFunction::stepped({4000, 8000}, {100, 60, 10}));
  o.set("freight_trucks_modes", NumberMap{{"interchange", 1.0}});
  const Scored s = run(profile(1, 0, 0, 0), full_reference(), origin_parcel(), o);
  // interchange at 5000 m road (detour 1): 4000 <= 5000 < 8000 -> 60; the only weighted mode.
  CHECK(s.factor(0, "interchange_distance_m") == Approx(5000));
  CHECK(s.scores[0] == Approx(60));
  c.configure(profile(1, 0, 0, 0), o, full_reference());
  bool named = false;
  for (const auto& f : c.factors())
    named = named || (f.name == "interchange_score" &&
                      f.description.find("stepped(breaks=[4000,8000]") != std::string::npos);
  CHECK(named);
}

TEST_CASE("the detour distance source", "[transport]") {
  const DetourDistance d(1.3, 1.2);
  CHECK(d.travel_m({0, 0}, {3000, 4000}, 5000, Leg::road) == Approx(6500));
  CHECK(d.travel_m({0, 0}, {3000, 4000}, 5000, Leg::walk) == Approx(6000));
  CHECK(d.describe(Leg::road).find("1.3") != std::string::npos);
}

TEST_CASE("a closer interchange never lowers the transport score", "[transport][metamorphic]") {
  const std::vector<ValueFunction> functions = {
      ValueFunction::linear(25000, 3000), ValueFunction::exp_decay(4000),
      ValueFunction::logistic(10000, -0.0005), ValueFunction::gaussian(0, 8000),
      ValueFunction::stepped({2000, 5000, 15000}, {100, 80, 30, 0})};
  for (const ValueFunction& f : functions) {
    INFO(f.describe());
    TransportCriterion c;
    Options o = default_options(c);
    o.set("interchange_function", f);

    // The interchange walks in from 40 km towards a fixed parcel: every mode weighted.
    double previous = -1.0;
    for (double d = 40000; d >= 0; d -= 1000) {
      BruteForceReference ref = full_reference();
      ref.layers[0] = interchanges({{d * 0.6, -d * 0.8}});
      const double score = run(profile(0.7, 0.2, 0.6, 0.4), ref, origin_parcel(), o).scores[0];
      CHECK(score >= previous);
      previous = score;
    }

    // The parcel walks towards the interchange; the interchange is the only weighted mode.
    Options trucks_only = o;
    trucks_only.set("freight_trucks_modes", NumberMap{{"interchange", 1.0}});
    std::vector<ParcelSpec> path;
    for (int k = 0; k <= 30; ++k)
      path.push_back(parcel("P" + std::to_string(k), rectangle(30000.0 - 1000.0 * k, 0, 100, 100)));
    BruteForceReference ref = full_reference();
    ref.layers[0] = interchanges({{-2000, 50}});
    const Scored s = run(profile(1, 0, 0, 0), ref, make_parcels(path), trucks_only);
    for (std::size_t k = 1; k < s.scores.size(); ++k) CHECK(s.scores[k] >= s.scores[k - 1]);

    // A second, closer interchange never lowers any parcel of a grid.
    std::vector<ParcelSpec> grid;
    for (int gx = 0; gx < 6; ++gx)
      for (int gy = 0; gy < 6; ++gy)
        grid.push_back(parcel("G" + std::to_string(gx) + std::to_string(gy),
                              rectangle(-25000 + 10000 * gx, -25000 + 10000 * gy, 200, 300)));
    const ParcelTable t = make_parcels(grid);
    const Scored before = run(profile(0.7, 0.2, 0.6, 0.4), full_reference(), t, o);
    BruteForceReference more = full_reference();
    more.layers[0] = interchanges({{3000, 4000}, {-12000, 9000}});
    const Scored after = run(profile(0.7, 0.2, 0.6, 0.4), more, t, o);
    for (std::size_t i = 0; i < t.size(); ++i) CHECK(after.scores[i] >= before.scores[i]);
  }
}

TEST_CASE("scores do not depend on batching or threads", "[transport]") {
  const BruteForceReference ref = full_reference();
  std::vector<ParcelSpec> specs;
  for (int i = 0; i < 40; ++i)
    specs.push_back(parcel("P" + std::to_string(i), rectangle(-20000 + 1000 * i, 500, 200, 200)));
  const ParcelTable t = make_parcels(specs);
  TransportCriterion c;
  c.configure(profile(0, 0, 0, 0), default_options(c), ref);
  const Scored whole = score_all(c, t, ref);

  const Scored halves = score_in_two_threads(c, t, ref);
  for (std::size_t i = 0; i < t.size(); ++i) CHECK(halves.scores[i] == whole.scores[i]);
  for (std::size_t k = 0; k < halves.factors.size(); ++k)
    CHECK(halves.factors[k] == whole.factors[k]);
}

TEST_CASE("describe() declares every option configure() reads, and the layers", "[transport]") {
  TransportCriterion c;
  const CriterionInfo info = c.describe();
  CHECK(info.name == "transport");
  std::set<std::string> names;
  for (const auto& o : info.options) names.insert(o.name);
  CHECK(names == std::set<std::string>{"road_detour",
                                       "walk_detour",
                                       "interchange_function",
                                       "freight_rail_function",
                                       "cargo_airport_function",
                                       "metro_function",
                                       "high_speed_rail_function",
                                       "airport_function",
                                       "freight_trucks_modes",
                                       "air_cargo_modes",
                                       "staff_commuting_modes",
                                       "business_travel_modes",
                                       "default_needs",
                                       "require_needed_layers",
                                       "use_road_network",
                                       "interchange_time_function",
                                       "freight_rail_time_function",
                                       "cargo_airport_time_function",
                                       "high_speed_rail_time_function",
                                       "airport_time_function"});
  for (const auto& o : info.options) {
    INFO(o.name);
    CHECK(!o.description.empty());
  }
  // Options holding only the declared defaults: reading an undeclared option would throw.
  CHECK_NOTHROW(c.configure(profile(0, 0, 0, 0), default_options(c), full_reference()));
  CHECK(c.factors().size() == 18);  // 6 modes: distance or minutes, nearest feature, score

  std::set<std::string> required, optional;
  for (const auto& l : info.layers) (l.optional ? optional : required).insert(l.role);
  CHECK(required == std::set<std::string>{"interchanges"});
  CHECK(optional == std::set<std::string>{"rail_hubs", "airports", "metro_stations"});
}

TEST_CASE("configure() refuses inconsistent options", "[transport]") {
  const BruteForceReference ref = full_reference();
  auto refuses = [&](const std::string& option, OptionValue value) {
    TransportCriterion c;
    Options o = default_options(c);
    o.set(option, std::move(value));
    INFO(option);
    CHECK_THROWS_AS(c.configure(profile(0, 0, 0, 0), o, ref), std::invalid_argument);
  };
  refuses("road_detour", 0.9);  // shorter than the straight line
  refuses("walk_detour", 0.5);
  refuses("interchange_function", ValueFunction::linear(3000, 25000));  // rises with distance
  refuses("metro_function", ValueFunction::logistic(1000, 0.01));
  refuses("airport_function", ValueFunction::gaussian(20000, 5000));
  refuses("high_speed_rail_function", ValueFunction::stepped({5000}, {40, 90}));
  refuses("freight_trucks_modes", NumberMap{});
  refuses("business_travel_modes", NumberMap{{"airport", 0.0}, {"high_speed_rail", 0.0}});
  refuses("default_needs", NumberMap{{"freight_trucks", 0.0}});
}

namespace {

// The tests' road network (manhattan_roads in sdk_fixtures.hpp); layers in
// `cut_off` cannot be reached from anywhere.
void grid_roads(BruteForceReference& ref, std::set<std::string> cut_off = {}) {
  manhattan_roads(ref, [cut_off](const ReferenceLayer& l) { return cut_off.count(l.role) > 0; });
}

}  // namespace

TEST_CASE("with a road network the road modes are scored on minutes", "[transport][roads]") {
  BruteForceReference ref = full_reference();
  grid_roads(ref);
  const Scored s = run(profile(1, 0, 0.5, 0), ref);
  // interchange (3000, 4000): 7000 m / 10 m/s = 700 s = 11.6667 min
  //   -> linear(30 -> 0, 5 -> 100): 100 * (30 - 11.6667) / 25 = 73.3333
  // freight rail (0, -20000): 2000 s = 33.3333 min -> 100 * (45 - 33.3333) / 37 = 31.5315
  // metro stays on walking distance: 43.5275
  // score = (0.8 * 73.3333 + 0.2 * 31.5315 + 0.5 * 43.5275) / 1.5
  //       = (58.6667 + 6.3063 + 21.7638) / 1.5 = 57.8245
  CHECK(s.factor(0, "interchange_minutes") == Approx(11.6667).epsilon(1e-5));
  CHECK(s.factor(0, "interchange_score") == Approx(73.3333).epsilon(1e-5));
  CHECK(s.factor(0, "freight_rail_minutes") == Approx(33.3333).epsilon(1e-5));
  CHECK(s.factor(0, "freight_rail_score") == Approx(31.5315).epsilon(1e-5));
  CHECK(s.factor(0, "metro_distance_m") == Approx(1200));
  CHECK(s.scores[0] == Approx(57.8245).epsilon(1e-5));
  CHECK(s.vetoes.empty());
  // Every output says which: minutes by road, on which network.
  for (const auto& f : s.specs)
    if (f.name == "interchange_minutes") {
      CHECK(f.unit == "min");
      CHECK_THAT(f.description, Catch::Contains("by road") && Catch::Contains("test road network"));
    }

  SECTION("use_road_network false keeps distances") {
    TransportCriterion c;
    Options o = default_options(c);
    o.set("use_road_network", false);
    const Scored d = run(profile(1, 0, 0.5, 0), ref, origin_parcel(), o);
    CHECK(d.scores[0] == Approx(64.6910).epsilon(1e-5));  // as without a network
    CHECK_THROWS(d.factor(0, "interchange_minutes"));
  }
}

TEST_CASE("a parcel the needed trips cannot be made from is vetoed with the reason",
          "[transport][roads]") {
  BruteForceReference ref = full_reference();
  grid_roads(ref, {"rail_hubs"});
  const ParcelTable t =
      make_parcels({parcel("NEAR", rectangle(-50, -50, 100, 100)),
                    parcel("FAR", rectangle(49950, -50, 100, 100))});  // x = 50000: off network
  Scored s = run(profile(1, 0, 0, 0), ref, t, default_options(TransportCriterion{}));
  // By parcel; each parcel's in mode order.
  std::stable_sort(s.vetoes.begin(), s.vetoes.end(),
                   [](const Veto& a, const Veto& b) { return a.parcel < b.parcel; });
  REQUIRE(s.vetoes.size() == 3);
  // NEAR reaches the interchange but no freight rail hub (its layer is cut off).
  CHECK(s.vetoes[0].parcel == 0);
  CHECK(s.vetoes[0].reason ==
        "no rail hub of kind freight can be reached by road from the parcel's nearest road, 25 m "
        "away (test road network)");
  CHECK(std::isnan(s.factor(0, "freight_rail_minutes")));
  CHECK(s.factor(0, "interchange_minutes") == Approx(700.0 / 60));
  // FAR reaches no road at all: both weighed road modes say so.
  CHECK(s.vetoes[1].parcel == 1);
  CHECK(s.vetoes[1].reason ==
        "no road within reach of the parcel, so no expressway interchange can be reached by road "
        "(test road network)");
  CHECK(s.vetoes[2].parcel == 1);
  CHECK_THAT(s.vetoes[2].reason,
             Catch::StartsWith("no road within reach of the parcel, so no rail"));
  // Modes the needs do not weigh veto nothing (the airports are off the
  // network for FAR too).
  CHECK(std::isnan(s.factor(1, "airport_minutes")));
}

TEST_CASE(
    "needs: the layers of weighed modes, required with require_needed_layers, and the "
    "road network when a road mode is weighed",
    "[transport]") {
  const TransportCriterion c;
  auto roles = [](const CriterionNeeds& n) {
    std::vector<std::string> out;
    for (const auto& l : n.layers) out.push_back(l.role + (l.optional ? "?" : ""));
    return out;
  };
  Options o = default_options(c);
  // Trucks only: interchange 0.8, freight rail 0.2.
  CriterionNeeds n = c.needs(profile(1, 0, 0, 0), o);
  CHECK(roles(n) == std::vector<std::string>{"interchanges", "rail_hubs?"});
  CHECK(n.road_network);
  o.set("require_needed_layers", true);
  n = c.needs(profile(1, 0, 0, 0), o);
  CHECK(roles(n) == std::vector<std::string>{"interchanges", "rail_hubs"});
  // Commuting only: the metro, by walking; interchanges are always loaded.
  n = c.needs(profile(0, 0, 1, 0), o);
  CHECK(roles(n) == std::vector<std::string>{"interchanges", "metro_stations"});
  CHECK_FALSE(n.road_network);
  o.set("use_road_network", false);
  CHECK_FALSE(c.needs(profile(1, 0, 0, 0), o).road_network);
}

TEST_CASE("each mode names the feature it measures to, by road or by distance",
          "[transport][roads]") {
  // Two interchanges: (3000, 4000) is nearer in a straight line (5000 m vs
  // 6000 m), (6000, 0) nearer on the grid roads (6000 m vs 7000 m of road).
  BruteForceReference ref = full_reference();
  ref.layers[0] = interchanges({{3000, 4000}, {6000, 0}});
  const Scored straight = run(profile(1, 0, 0, 0), ref);
  CHECK(straight.factor(0, "interchange_nearest") == 0);
  CHECK(straight.factor(0, "interchange_distance_m") == Approx(6500));  // 5000 * 1.3
  grid_roads(ref);
  const Scored road = run(profile(1, 0, 0, 0), ref);
  CHECK(road.factor(0, "interchange_nearest") == 1);
  CHECK(road.factor(0, "interchange_minutes") == Approx(10));  // 6000 m at 10 m/s
  CHECK(road.factor(0, "freight_rail_nearest") == 1);          // the rail hub of kind freight
  CHECK(road.factor(0, "cargo_airport_nearest") == 0);         // the one airport, with cargo
  for (const auto& f : road.specs)
    if (f.name == "interchange_nearest") {
      CHECK(f.feature_role == "interchanges");
      CHECK(f.unit == "feature");
    }
}
