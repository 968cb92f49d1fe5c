// Vertices join the nearest node within the tolerance, deterministically.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

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

TEST_CASE("snapping equals an exhaustive search, at cell borders too") {
  // Vertices on and about multiples of the grid's cells (max(2 x
  // tolerance, 1 m)), in clusters closer than the tolerance, each snapped
  // by the rule: the nearest node within the tolerance, equal distances to
  // the lowest index, else a new node.
  for (const double tol : {0.0, 0.3, 1.0, 2.5}) {
    VertexSnapper s(tol);
    std::vector<Point> reference;
    std::uint64_t state = 12345;
    const auto next = [&] {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      return static_cast<double>(state >> 11) / 9007199254740992.0;  // [0, 1)
    };
    for (int i = 0; i < 4000; ++i) {
      const double cell = std::max(2 * tol, 1.0);
      Point p{std::round(next() * 20) * cell + (next() - 0.5) * 3 * tol,
              std::round(next() * 20) * cell + (next() - 0.5) * 3 * tol};
      if (i % 7 == 0 && !reference.empty()) p = reference[static_cast<std::size_t>(next() * reference.size())];
      if (i % 11 == 0) p.x = std::round(p.x / cell) * cell;  // exactly on a border
      std::uint32_t want = static_cast<std::uint32_t>(reference.size());
      double want_d = std::numeric_limits<double>::infinity();
      for (std::uint32_t n = 0; n < reference.size(); ++n) {
        const double d = siterank::distance(p, reference[n]);
        if (d <= tol && d < want_d) want = n, want_d = d;
      }
      if (want == reference.size()) reference.push_back(p);
      INFO("tolerance " << tol << ", vertex " << i);
      REQUIRE(s.snap(p) == want);
    }
    REQUIRE(s.nodes().size() == reference.size());
  }
}
