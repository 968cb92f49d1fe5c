// Vertices join the nearest node within the tolerance, deterministically.
#include <catch2/catch.hpp>
#include <limits>

#include "error_of.hpp"
#include "network/vertex_snapper.hpp"

using namespace siterank;
using namespace siterank::network;
using siterank::testing::error_of;

TEST_CASE("a vertex within the tolerance joins the node, one outside starts a new one") {
  VertexSnapper s(1.0);
  CHECK(s.snap({0, 0}) == 0);
  CHECK(s.snap({0.6, 0.8}) == 0);  // exactly 1 m away: inclusive
  CHECK(s.snap({1.01, 0}) == 1);
  CHECK(s.nodes().size() == 2);
  // The node stays where its first vertex was.
  CHECK(s.nodes()[0].x == 0);
  CHECK(s.nodes()[0].y == 0);
}

TEST_CASE("tolerance 0 joins only identical coordinates") {
  VertexSnapper s(0.0);
  CHECK(s.snap({5, 5}) == 0);
  CHECK(s.snap({5, 5}) == 0);
  CHECK(s.snap({5, 5.000001}) == 1);
}

TEST_CASE("the nearest node wins, and of equally near ones the lowest index") {
  VertexSnapper s(1.5);
  CHECK(s.snap({0, 0}) == 0);
  CHECK(s.snap({2, 0}) == 1);    // 2 m from node 0: new
  CHECK(s.snap({1.2, 0}) == 1);  // 1.2 from node 0, 0.8 from node 1
  CHECK(s.snap({1, 0}) == 0);    // 1 from each: lowest index
  CHECK(s.snap({1, 1}) == 0);    // sqrt 2 from each, within 1.5
}

TEST_CASE("a chain of close vertices does not collapse into one node") {
  VertexSnapper s(1.0);
  CHECK(s.snap({0, 0}) == 0);
  CHECK(s.snap({0.9, 0}) == 0);
  CHECK(s.snap({1.8, 0}) == 1);  // 1.8 from node 0, which did not move
}

TEST_CASE("a negative or non-finite tolerance is refused") {
  CHECK(error_of([] { VertexSnapper(-1); }) ==
        "snapping tolerance must be a finite distance >= 0 m, got -1");
  CHECK(error_of([] { VertexSnapper(std::numeric_limits<double>::quiet_NaN()); }) ==
        "snapping tolerance must be a finite distance >= 0 m, got nan");
}
