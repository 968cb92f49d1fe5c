// Which stated profile fields nobody reads (config/profile_usage).
#include <catch2/catch.hpp>

#include "config/profile_usage.hpp"

using namespace siterank;
using Paths = std::vector<std::string>;

TEST_CASE("stated fields are the document's leaves; an array is one leaf") {
  const auto doc = nlohmann::json::parse(R"({"project": {"name": "x"},
    "talent": {"jobs": 10, "mix": {"engineers": 1}}, "requirements": {"status": ["ready"]}})");
  // nlohmann::json keeps object keys sorted.
  CHECK(stated_profile_fields(doc) == Paths{"$.project.name", "$.requirements.status",
                                            "$.talent.jobs", "$.talent.mix.engineers"});
}

TEST_CASE("a used path covers itself and what is under it, not its siblings") {
  const Paths stated{"$.logistics.air_cargo",        "$.logistics_extra", "$.utilities.power_kva",
                     "$.utilities.water_m3_per_day", "$.project.name",    "$.weights.land"};
  CHECK(unused_profile_fields(stated, {"$.logistics", "$.utilities.power_kva"}) ==
        Paths{"$.logistics_extra", "$.utilities.water_m3_per_day"});
  // The host's own fields need no declaration.
  CHECK(
      unused_profile_fields({"$.project.name", "$.weights.land", "$.plugins.land.x"}, {}).empty());
  CHECK(unused_profile_fields({"$.project.type"}, {}) == Paths{"$.project.type"});
}

TEST_CASE("$.land.unit goes with the land need it qualifies") {
  CHECK(unused_profile_fields({"$.land.unit"}, {}) == Paths{"$.land.unit"});
  CHECK(unused_profile_fields({"$.land.unit"}, {"$.land.min"}).empty());
  CHECK(unused_profile_fields({"$.land.unit"}, {"$.land.max"}).empty());
  CHECK(unused_profile_fields({"$.land.unit", "$.land.max"}, {"$.land.min"}) ==
        Paths{"$.land.max"});
}
