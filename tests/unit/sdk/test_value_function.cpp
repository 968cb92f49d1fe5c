// Value functions of the SDK, against hand-computed values.
#include <catch2/catch.hpp>
#include <siterank/value_function.hpp>

using siterank::ValueFunction;

TEST_CASE("linear rises between its thresholds and clamps outside") {
  const auto f = ValueFunction::linear(10, 50);
  CHECK(f(10) == Approx(0));
  CHECK(f(30) == Approx(50));  // (30-10)/(50-10) = 0.5
  CHECK(f(50) == Approx(100));
  CHECK(f(0) == Approx(0));
  CHECK(f(99) == Approx(100));
}

TEST_CASE("linear with zero_at above full_at decreases") {
  const auto f = ValueFunction::linear(5000, 1000);  // 5 km scores 0, 1 km scores 100
  CHECK(f(3000) == Approx(50));                      // (3000-5000)/(1000-5000) = 0.5
  CHECK(f(500) == Approx(100));
  CHECK(f(6000) == Approx(0));
}

TEST_CASE("logistic is 50 at the midpoint") {
  const auto f = ValueFunction::logistic(100, 0.05);
  CHECK(f(100) == Approx(50));
  // 100 / (1 + e^-1) = 73.1059
  CHECK(f(120) == Approx(73.1059).epsilon(1e-5));
  const auto g = ValueFunction::logistic(100, -0.05);
  CHECK(g(120) == Approx(26.8941).epsilon(1e-5));
}

TEST_CASE("gaussian peaks at the target") {
  const auto f = ValueFunction::gaussian(80, 20);
  CHECK(f(80) == Approx(100));
  CHECK(f(100) == Approx(60.6531).epsilon(1e-5));  // 100 e^-0.5
  CHECK(f(40) == Approx(13.5335).epsilon(1e-5));   // 100 e^-2
}

TEST_CASE("exp_decay halves every half-life") {
  const auto f = ValueFunction::exp_decay(3000);
  CHECK(f(0) == Approx(100));
  CHECK(f(3000) == Approx(50));
  CHECK(f(6000) == Approx(25));
  CHECK(f(-5) == Approx(100));
}

TEST_CASE("stepped classes include their lower break") {
  const auto f = ValueFunction::stepped({1000, 3000, 5000}, {100, 70, 40, 0});
  CHECK(f(0) == 100);
  CHECK(f(999.9) == 100);
  CHECK(f(1000) == 70);
  CHECK(f(4999) == 40);
  CHECK(f(5000) == 0);
  CHECK(f.describe() == "stepped(breaks=[1000,3000,5000], scores=[100,70,40,0])");
}

TEST_CASE("monotonicity over a range, exactly per kind") {
  constexpr double inf = 1e300;
  CHECK(ValueFunction::linear(5000, 1000).never_rises(0, inf));
  CHECK_FALSE(ValueFunction::linear(5000, 1000).never_falls(0, inf));
  CHECK(ValueFunction::linear(5000, 1000).never_falls(6000, inf));  // flat at 0 beyond 5 km
  CHECK_FALSE(ValueFunction::linear(0, 10).never_rises(0, inf));
  CHECK(ValueFunction::linear(0, 10).never_rises(10, 20));
  CHECK_FALSE(ValueFunction::linear(3, 3).never_rises(0, 5));  // a step up at 3
  CHECK(ValueFunction::linear(3, 3).never_falls(0, 5));
  CHECK(ValueFunction::logistic(10, -1).never_rises(0, inf));
  CHECK_FALSE(ValueFunction::logistic(10, 1).never_rises(0, inf));
  CHECK(ValueFunction::gaussian(0, 100).never_rises(0, inf));
  CHECK_FALSE(ValueFunction::gaussian(50, 100).never_rises(0, inf));  // rises up to 50
  CHECK(ValueFunction::gaussian(50, 100).never_falls(0, 50));
  CHECK(ValueFunction::exp_decay(1000).never_rises(0, inf));
  CHECK_FALSE(ValueFunction::exp_decay(1000).never_falls(0, inf));
  const auto steps = ValueFunction::stepped({1000, 3000}, {100, 40, 60});
  CHECK(steps.never_rises(0, 2999));
  CHECK_FALSE(steps.never_rises(0, 3000));  // 40 -> 60 at 3 km
  CHECK(steps.never_falls(2000, 5000));
}

TEST_CASE("per_unit gives points per unit up to a cap of units") {
  // "4 points per firm, capped at 20 firms": 4 x min(n, 20).
  const auto f = ValueFunction::per_unit(4, 20);
  CHECK(f(0) == 0);
  CHECK(f(1) == 4);
  CHECK(f(7) == 28);
  CHECK(f(20) == 80);
  CHECK(f(35) == 80);
  CHECK(f(-3) == 0);
  CHECK(f.describe() == "per_unit(points=4, max_units=20)");
  CHECK(f.malformation().empty());
  // Uncapped: 100 from 25 units on, never more.
  const auto g = ValueFunction::per_unit(4);
  CHECK(g(24) == 96);
  CHECK(g(30) == 100);
  CHECK(g.describe() == "per_unit(points=4)");
  CHECK(ValueFunction::per_unit(0, 5).malformation() == "needs finite points > 0");
  CHECK(ValueFunction::per_unit(2, 0).malformation() == "needs max_units > 0");
  constexpr double inf = 1e300;
  CHECK(f.never_falls(0, inf));
  CHECK_FALSE(f.never_rises(0, inf));
  CHECK(f.never_rises(20, inf));  // flat once 20 units are counted
  CHECK(g.never_rises(25, inf));  // flat once the score reaches 100
  CHECK_FALSE(g.never_rises(24, inf));
  CHECK(f.never_rises(-10, 0));
}
