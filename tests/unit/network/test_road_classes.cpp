// Default speeds per road class, overrides over them, and the unit conversion.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <string>

#include "error_of.hpp"
#include "network/road_classes.hpp"

using namespace siterank::network;
using siterank::testing::error_of;

TEST_CASE("every documented class has its default speed") {
  // The table in docs/formats.md, by hand.
  const std::pair<const char*, double> expected[] = {
      {"motorway", 100},   {"motorway_link", 60}, {"trunk", 80},       {"trunk_link", 50},
      {"primary", 60},     {"primary_link", 40},  {"secondary", 50},   {"secondary_link", 30},
      {"tertiary", 40},    {"tertiary_link", 25}, {"residential", 30}, {"service", 20},
      {"unclassified", 30}};
  const RoadClassSpeeds speeds;
  for (const auto& [road_class, kmh] : expected) {
    INFO(road_class);
    CHECK(speeds.speed_kmh(road_class) == kmh);
  }
  CHECK(default_road_class_speeds().size() == std::size(expected));
}

TEST_CASE("a ramp is slower than its road") {
  const RoadClassSpeeds speeds;
  for (const char* road : {"motorway", "trunk", "primary", "secondary", "tertiary"}) {
    INFO(road);
    CHECK(*speeds.speed_kmh(std::string(road) + "_link") < *speeds.speed_kmh(road));
  }
}

TEST_CASE("an unknown class has no speed, and classes match exactly") {
  const RoadClassSpeeds speeds;
  CHECK_FALSE(speeds.speed_kmh("footway").has_value());
  CHECK_FALSE(speeds.speed_kmh("Motorway").has_value());
  CHECK_FALSE(speeds.speed_kmh("").has_value());
}

TEST_CASE("overrides replace defaults and may add classes") {
  const RoadClassSpeeds speeds(SpeedOverrides{{"primary", 45}, {"living_street", 10}});
  CHECK(speeds.speed_kmh("primary") == 45.0);
  CHECK(speeds.speed_kmh("living_street") == 10.0);
  CHECK(speeds.speed_kmh("secondary") == 50.0);  // untouched default
}

TEST_CASE("an override that is not a positive finite speed names its class") {
  CHECK(error_of([] {
          RoadClassSpeeds(SpeedOverrides{{"trunk", 0}});
        }) == "road class 'trunk': speed must be a positive, finite km/h, got 0");
  CHECK(error_of([] {
          RoadClassSpeeds(SpeedOverrides{{"service", -5}});
        }) == "road class 'service': speed must be a positive, finite km/h, got -5");
  CHECK(error_of([] {
          RoadClassSpeeds(SpeedOverrides{{"motorway", std::numeric_limits<double>::quiet_NaN()}});
        }) == "road class 'motorway': speed must be a positive, finite km/h, got nan");
  CHECK(error_of([] {
          RoadClassSpeeds(SpeedOverrides{{"ferry", std::numeric_limits<double>::infinity()}});
        }) == "road class 'ferry': speed must be a positive, finite km/h, got inf");
}

TEST_CASE("travel seconds: metres at km/h") {
  CHECK(travel_seconds(1000, 36) == Approx(100));
  CHECK(travel_seconds(50, 15) == Approx(12));
  CHECK(travel_seconds(0, 60) == 0);
}
