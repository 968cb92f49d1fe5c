// The host's requirement rules ($.requirements), independent of any
// criterion. Expected reasons are worked out by hand from the parcel and
// the profile in each case.
#include <catch2/catch.hpp>
#include <sdk_fixtures.hpp>

#include "scoring/requirements.hpp"

using namespace siterank;
using namespace siterank::testing;

namespace {

ParcelSpec parcel(std::string id, std::vector<Point> ring, std::string land_use, std::string status,
                  std::string platform = "") {
  ParcelSpec s;
  s.id = std::move(id);
  s.ring = std::move(ring);
  s.land_use = std::move(land_use);
  s.status = std::move(status);
  s.platform = std::move(platform);
  return s;
}

// Land need 40000..60000 m² (60..90 mu), tolerance 10%, budget 100 万元/亩,
// 4000 kVA.
ProjectProfile factory_profile() {
  ProjectProfile p;
  p.name = "test factory";
  p.industry = "integrated_circuits";
  p.land_min_m2 = 40000;
  p.land_max_m2 = 60000;
  p.land_tolerance = 0.1;
  p.max_price_wan_per_mu = 100;
  p.power_kva = 4000;
  return p;
}

std::vector<std::string> reasons_of(const std::vector<VetoEntry>& v, std::size_t parcel) {
  std::vector<std::string> out;
  for (const auto& e : v)
    if (e.parcel == parcel) {
      CHECK(e.by == "requirements");
      out.push_back(e.reason);
    }
  return out;
}

}  // namespace

TEST_CASE("too small, over budget and short of power, in that order") {
  // 200 m x 150 m = 30000 m² = 45 mu < 40000 · 0.9 = 36000 m² (54 mu);
  // 120 > 100 · (1 + 0), 20% over; 3000 < 4000 kVA.
  ParcelSpec a = parcel("A", rectangle(0, 0, 200, 150), "M1", "ready");
  a.price_wan_per_mu = 120;
  a.power_kva = 3000;
  const auto v = requirement_vetoes(factory_profile(), make_parcels({a}));
  CHECK(reasons_of(v, 0) ==
        std::vector<std::string>{
            "too small: 45 mu, below the 54 mu minimum (60 mu less 10% tolerance)",
            "price 120 万元/亩 is 20% over the 100 万元/亩 budget (max overrun 0%)",
            "power 3000 kVA below the 4000 kVA needed"});
}

TEST_CASE("limits are inclusive and missing values never veto") {
  // 36000 m² is exactly the smallest allowed (40000 · 0.9); price at the
  // budget; power equal to the need. B: no price, no power, no land use,
  // no status, no platform.
  ParcelSpec a = parcel("A", rectangle(0, 0, 200, 180), "M1", "ready");
  a.price_wan_per_mu = 100;
  a.power_kva = 4000;
  ParcelSpec b = parcel("B", rectangle(0, 0, 200, 180), "", "");
  ProjectProfile p = factory_profile();
  p.requirements.land_use = {"M1"};
  p.requirements.status = {"ready"};
  p.requirements.platforms = {"钱塘芯谷"};
  // A is on no known platform: nothing about it is known to be wrong.
  CHECK(requirement_vetoes(p, make_parcels({a})).empty());
  CHECK(requirement_vetoes(p, make_parcels({b})).empty());
}

TEST_CASE("land use, status and platform lists") {
  const ParcelTable t =
      make_parcels({parcel("a", rectangle(0, 0, 200, 200), " m2", "available", "中国视谷"),
                    parcel("b", rectangle(0, 0, 200, 200), "M1", "ready", "钱塘芯谷"),
                    parcel("c", rectangle(0, 0, 200, 200), "100101", "clearance")});
  ProjectProfile p;  // no land need, budget or power: only the lists apply
  p.requirements.land_use = {"M1", "100101"};
  p.requirements.status = {"ready", "clearance"};
  p.requirements.platforms = {"钱塘芯谷"};
  const auto v = requirement_vetoes(p, t);
  // " m2" reads as M2 (SDK land_use_code).
  CHECK(reasons_of(v, 0) ==
        std::vector<std::string>{"land use M2 not allowed (required: M1, 100101)",
                                 "status available not allowed (allowed: ready, clearance)",
                                 "platform 中国视谷 not among the required platforms (钱塘芯谷)"});
  CHECK(reasons_of(v, 1).empty());
  CHECK(reasons_of(v, 2).empty());  // an unknown platform never vetoes
}

TEST_CASE("veto switches and the overrun allowance") {
  ParcelSpec b = parcel("B", rectangle(0, 0, 200, 150), "M1", "ready");
  b.price_wan_per_mu = 120;
  b.power_kva = 3000;
  const ParcelTable t = make_parcels({b});
  ProjectProfile p = factory_profile();
  p.requirements.veto_too_small = false;
  p.requirements.veto_insufficient_power = false;
  p.max_overrun = 0.25;  // 120 <= 100 · 1.25
  CHECK(requirement_vetoes(p, t).empty());
  p.max_overrun = 0.1;  // 120 > 110
  p.requirements.veto_over_budget = false;
  CHECK(requirement_vetoes(p, t).empty());
  p.requirements.veto_over_budget = true;
  CHECK(reasons_of(requirement_vetoes(p, t), 0) ==
        std::vector<std::string>{
            "price 120 万元/亩 is 20% over the 100 万元/亩 budget (max overrun 10%)"});
}

TEST_CASE("the profile fields the rules read follow the switches") {
  ProjectProfile p;
  CHECK(requirement_profile_fields(p) == std::vector<std::string>{"$.requirements", "$.land.min",
                                                                  "$.land.tolerance", "$.budget",
                                                                  "$.utilities.power_kva"});
  p.requirements.veto_too_small = false;
  p.requirements.veto_over_budget = false;
  p.requirements.veto_insufficient_power = false;
  CHECK(requirement_profile_fields(p) == std::vector<std::string>{"$.requirements"});
}
