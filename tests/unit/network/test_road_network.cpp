// The road network as plugins query it: ReferenceIndex::road_trips over a
// RoadNetwork (and road_reach), with trips worked out by hand.
#include <catch2/catch.hpp>
#include <sdk_fixtures.hpp>

#include "data/reference_index.hpp"
#include "network/road_network.hpp"

using namespace siterank;
using namespace siterank::network;

namespace {

// A road (0,0)-(1000,0)-(2000,0) at 36 km/h (10 m/s) both ways, and a
// separate one (5000,0)-(6000,0); access legs at 18 km/h (5 m/s) within 100 m.
RoadNetwork test_network() {
  const std::vector<RoadLine> lines{
      {{{0, 0}, {1000, 0}, {2000, 0}}, 36.0, Direction::both},
      {{{5000, 0}, {6000, 0}}, 36.0, Direction::both},
  };
  return RoadNetwork("roads", lines, {1.0, 18.0, 100.0});
}

// Facility 0 (kind a) at (2000, 10): joins at (2000, 0), 10 m = 2 s.
// Facility 1 (kind b) at (0, -30): joins at (0, 0), 30 m = 6 s.
ReferenceLayer facilities() {
  return testing::make_point_layer("depots", "depots", {{2000, 10}, {0, -30}}, {"name", "kind"},
                                   {{"east", "a"}, {"west", "b"}});
}

}  // namespace

TEST_CASE("road trips: door to door to the nearest feature, filtered, with reasons for none") {
  const RoadNetwork net = test_network();
  const std::vector<ReferenceLayer> layers{facilities()};
  const ReferenceIndex index(layers, &net);
  REQUIRE(index.has_road_network());
  CHECK(index.road_network_description() ==
        "road network 'roads' (3 segments), access legs at 18 km/h within 100 m");
  // The parcel at (500, 20) joins at (500, 0): 20 m = 4 s.
  //   to facility 1: 4 + 500 m / 10 m/s + 6 = 60 s
  //   to facility 0: 4 + 1500 m / 10 m/s + 2 = 156 s
  // (5500, 5) is on the other road: no facility there. (500, 500) is 500 m
  // from any road, beyond 100 m.
  const std::vector<Point> from{{500, 20}, {5500, 5}, {500, 500}};
  std::vector<RoadTrip> trips;
  index.road_trips(layers[0], nullptr, from, trips);
  REQUIRE(trips.size() == 3);
  CHECK(trips[0].status == RoadTrip::Status::ok);
  CHECK(trips[0].seconds == Approx(60.0));
  CHECK(trips[0].feature == 1);
  CHECK(trips[0].access_m == Approx(20.0));
  CHECK(trips[1].status == RoadTrip::Status::unreachable);
  CHECK(trips[1].access_m == Approx(5.0));
  CHECK(trips[2].status == RoadTrip::Status::off_network);

  const AttributeFilter kind_a{"kind", {"a"}};
  index.road_trips(layers[0], &kind_a, from, trips);
  CHECK(trips[0].seconds == Approx(156.0));
  CHECK(trips[0].feature == 0);
  // The unfiltered times are still the unfiltered ones (one set per filter).
  index.road_trips(layers[0], nullptr, from, trips);
  CHECK(trips[0].feature == 1);
}

TEST_CASE("without a network road_trips says so; bad settings are refused") {
  const std::vector<ReferenceLayer> layers{facilities()};
  const ReferenceIndex index(layers);
  CHECK_FALSE(index.has_road_network());
  std::vector<RoadTrip> trips;
  CHECK_THROWS_AS(index.road_trips(layers[0], nullptr, std::vector<Point>{{0, 0}}, trips),
                  std::logic_error);
  const std::vector<RoadLine> lines{{{{0, 0}, {1000, 0}}, 36.0, Direction::both}};
  CHECK_THROWS_WITH(RoadNetwork("roads", lines, {1.0, 15.0, -1.0}),
                    "max_access_m must be a finite distance >= 0 m, got -1");
}

TEST_CASE("road reach: every feature within the limit, door to door, filtered, per limit") {
  const RoadNetwork net = test_network();
  const std::vector<ReferenceLayer> layers{facilities()};
  const ReferenceIndex index(layers, &net);
  // As above: from (500, 20) facility 1 is 60 s away, facility 0 156 s.
  const std::vector<Point> from{{500, 20}, {5500, 5}, {500, 500}};
  std::vector<RoadReach> reach;
  index.road_reach(layers[0], nullptr, 200.0, from, reach);
  REQUIRE(reach.size() == 3);
  CHECK(reach[0].on_network);
  CHECK(reach[0].access_m == Approx(20.0));
  REQUIRE(reach[0].features.size() == 2);
  CHECK(reach[0].features[0].feature == 1);
  CHECK(reach[0].features[0].seconds == Approx(60.0));
  CHECK(reach[0].features[1].feature == 0);
  CHECK(reach[0].features[1].seconds == Approx(156.0));
  CHECK(reach[1].on_network);  // the other road: nothing there
  CHECK(reach[1].features.empty());
  CHECK_FALSE(reach[2].on_network);
  CHECK(reach[2].features.empty());
  // Another limit is another search; the first is still right after it.
  index.road_reach(layers[0], nullptr, 100.0, from, reach);
  REQUIRE(reach[0].features.size() == 1);
  CHECK(reach[0].features[0].feature == 1);
  const AttributeFilter kind_a{"kind", {"a"}};
  index.road_reach(layers[0], &kind_a, 200.0, from, reach);
  REQUIRE(reach[0].features.size() == 1);
  CHECK(reach[0].features[0].feature == 0);
  index.road_reach(layers[0], nullptr, 200.0, from, reach);
  CHECK(reach[0].features.size() == 2);
  CHECK_THROWS_WITH(index.road_reach(layers[0], nullptr, -1.0, from, reach),
                    "road_reach: the time limit must be finite and at least 0 s, not -1");
  const ReferenceIndex no_roads(layers);
  CHECK_THROWS_AS(no_roads.road_reach(layers[0], nullptr, 60.0, from, reach), std::logic_error);
}
