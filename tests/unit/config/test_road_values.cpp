// Speeds and oneway flags as road datasets (OSM above all) write them.
#include <catch2/catch.hpp>
#include <optional>

#include "config/road_values.hpp"

using namespace siterank;
using network::Direction;

TEST_CASE("speeds are km/h unless they say mph") {
  CHECK(parse_speed_kmh("60") == 60.0);
  CHECK(parse_speed_kmh(" 60.5 ") == 60.5);
  CHECK(parse_speed_kmh("60 km/h") == 60.0);
  CHECK(parse_speed_kmh("60km/h") == 60.0);
  CHECK(parse_speed_kmh("60 kmh") == 60.0);
  CHECK(parse_speed_kmh("60 KPH") == 60.0);
  // 30 mi/h × 1.609344 km/mi (the international mile) = 48.28032 km/h.
  REQUIRE(parse_speed_kmh("30 mph"));
  CHECK(*parse_speed_kmh("30 mph") == Approx(48.28032));
  CHECK(*parse_speed_kmh("30mph") == Approx(48.28032));
}

TEST_CASE("what is not a positive speed is no speed") {
  // OSM maxspeed values without a number of their own, and bad numbers.
  for (const char* v : {"", "  ", "none", "walk", "signals", "CN:urban", "50;60", "60 knots",
                        "60 km", "0", "-30", "inf", "nan", "km/h 60", "+60"})
    CHECK(parse_speed_kmh(v) == std::nullopt);
}

TEST_CASE("oneway values follow OSM's convention") {
  CHECK(oneway_direction("yes") == Direction::forward);
  CHECK(oneway_direction("true") == Direction::forward);
  CHECK(oneway_direction("1") == Direction::forward);
  CHECK(oneway_direction("no") == Direction::both);
  CHECK(oneway_direction("false") == Direction::both);
  CHECK(oneway_direction("0") == Direction::both);
  CHECK(oneway_direction("") == Direction::both);
  CHECK(oneway_direction("-1") == Direction::backward);
  // Lane-reversing roads and anything else must be mapped in the manifest.
  for (const char* v : {"reversible", "alternating", "Yes", "y", "2", " yes"})
    CHECK(oneway_direction(v) == std::nullopt);
}
