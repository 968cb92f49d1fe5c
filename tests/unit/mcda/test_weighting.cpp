// Criterion weights from ranks and from AHP matrices, against published
// worked examples and hand calculations.
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "error_of.hpp"
#include "mcda/weighting.hpp"

using namespace siterank::mcda;

namespace {

using siterank::testing::error_of;

double sum(const std::vector<double>& v) {
  double s = 0.0;
  for (double x : v) s += x;
  return s;
}

// Published figures are rounded to three decimals: off by at most 0.0005.
constexpr double three_decimals = 0.0005 + 1e-9;

}  // namespace

TEST_CASE("rank weighting names round-trip") {
  for (auto m : {RankWeighting::rank_sum, RankWeighting::rank_reciprocal,
                 RankWeighting::rank_order_centroid})
    CHECK(rank_weighting_from_name(name(m)) == m);
  CHECK(error_of([] { rank_weighting_from_name("roc"); }) ==
        "unknown rank weighting 'roc' (known: rank_sum, rank_reciprocal, rank_order_centroid)");
}

// Barron F.H., Barrett B.E. (1996) Decision quality using ranked attribute
// weights, Management Science 42(11):1515-1523: the rank-sum, rank-reciprocal
// and rank-order-centroid weights for n = 4. By hand:
//   RS  (n+1-r)/10:            4/10, 3/10, 2/10, 1/10
//   RR  (1/r)/(25/12):         12/25, 6/25, 4/25, 3/25 = 0.48, 0.24, 0.16, 0.12
//   ROC (1/4) sum_{k>=r} 1/k:  (25/12)/4, (13/12)/4, (7/12)/4, (3/12)/4
//                              = 0.5208, 0.2708, 0.1458, 0.0625
TEST_CASE("rank weights for four criteria match the published tables") {
  const std::vector<int> ranks = {1, 2, 3, 4};
  const auto rs = rank_weights(RankWeighting::rank_sum, ranks);
  CHECK(rs[0] == Approx(0.4));
  CHECK(rs[1] == Approx(0.3));
  CHECK(rs[2] == Approx(0.2));
  CHECK(rs[3] == Approx(0.1));
  const auto rr = rank_weights(RankWeighting::rank_reciprocal, ranks);
  CHECK(rr[0] == Approx(0.48));
  CHECK(rr[1] == Approx(0.24));
  CHECK(rr[2] == Approx(0.16));
  CHECK(rr[3] == Approx(0.12));
  const auto roc = rank_weights(RankWeighting::rank_order_centroid, ranks);
  CHECK(roc[0] == Approx(25.0 / 48.0));  // 0.5208
  CHECK(roc[1] == Approx(13.0 / 48.0));  // 0.2708
  CHECK(roc[2] == Approx(7.0 / 48.0));   // 0.1458
  CHECK(roc[3] == Approx(0.0625));
  CHECK(roc[0] == Approx(0.5208).margin(5e-5));
  CHECK(roc[1] == Approx(0.2708).margin(5e-5));
  CHECK(roc[2] == Approx(0.1458).margin(5e-5));
}

TEST_CASE("rank weights follow the ranks, not the input order") {
  // Ranks {3, 1, 2}: RS for n = 3 is 3/6, 2/6, 1/6 by position.
  const auto w = rank_weights(RankWeighting::rank_sum, {3, 1, 2});
  CHECK(w[0] == Approx(1.0 / 6.0));
  CHECK(w[1] == Approx(3.0 / 6.0));
  CHECK(w[2] == Approx(2.0 / 6.0));
}

TEST_CASE("tied criteria share the mean of their positions' weights") {
  // RS n = 4, positions 0.4 0.3 0.2 0.1; the tie at positions 2-3 shares
  // (0.3 + 0.2) / 2 = 0.25.
  const auto a = rank_weights(RankWeighting::rank_sum, {1, 2, 2, 3});
  CHECK(a[0] == Approx(0.4));
  CHECK(a[1] == Approx(0.25));
  CHECK(a[2] == Approx(0.25));
  CHECK(a[3] == Approx(0.1));
  CHECK(sum(a) == Approx(1.0));
  // Only the order counts: a gap after the tie changes nothing.
  CHECK(rank_weights(RankWeighting::rank_sum, {1, 2, 2, 4}) == a);
  CHECK(rank_weights(RankWeighting::rank_sum, {10, 20, 20, 30}) == a);

  // ROC n = 3: positions (1 + 1/2 + 1/3)/3 = 11/18, (1/2 + 1/3)/3 = 5/18,
  // (1/3)/3 = 2/18; the first two tie: (11/18 + 5/18)/2 = 8/18.
  const auto b = rank_weights(RankWeighting::rank_order_centroid, {1, 1, 2});
  CHECK(b[0] == Approx(8.0 / 18.0));
  CHECK(b[1] == Approx(8.0 / 18.0));
  CHECK(b[2] == Approx(2.0 / 18.0));

  // All tied: equal weights whatever the method.
  for (auto m : {RankWeighting::rank_sum, RankWeighting::rank_reciprocal,
                 RankWeighting::rank_order_centroid}) {
    const auto c = rank_weights(m, {5, 5, 5});
    for (double x : c) CHECK(x == Approx(1.0 / 3.0));
  }
}

TEST_CASE("a single ranked criterion gets all the weight") {
  for (auto m : {RankWeighting::rank_sum, RankWeighting::rank_reciprocal,
                 RankWeighting::rank_order_centroid})
    CHECK(rank_weights(m, {7}) == std::vector<double>{1.0});
}

TEST_CASE("rank weights refuse an empty list and ranks below 1") {
  CHECK(error_of([] { rank_weights(RankWeighting::rank_sum, {}); }) ==
        "rank weights: no criteria ranked");
  CHECK(error_of([] {
          rank_weights(RankWeighting::rank_sum, {1, 2, 0});
        }) == "rank weights: criterion 2: rank 0 is below 1");
  CHECK(error_of([] { rank_weights(RankWeighting::rank_order_centroid, {-1}); }) ==
        "rank weights: criterion 0: rank -1 is below 1");
}

TEST_CASE("random index tables") {
  CHECK(random_index_table_names() == std::vector<std::string>{"saaty", "alonso_lamata"});
  // Saaty (1980), The Analytic Hierarchy Process, random index by order.
  const auto& s = random_index_table("saaty");
  CHECK(s.name == "saaty");
  CHECK(s.values == std::vector<double>{0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49});
  CHECK(s.source.find("Saaty") != std::string::npos);
  // Alonso & Lamata (2006), from 100000 random matrices per order.
  const auto& al = random_index_table("alonso_lamata");
  REQUIRE(al.values.size() == 15);
  CHECK(al.values[2] == 0.5245);
  CHECK(al.values[6] == 1.3417);
  CHECK(al.values[14] == 1.5838);
  CHECK(al.source.find("Alonso") != std::string::npos);
  CHECK(error_of([] { random_index_table("dd"); }) ==
        "unknown random-index table 'dd' (known: saaty, alonso_lamata)");
}

// Saaty T.L. (2008) Decision making with the analytic hierarchy process,
// Int. J. Services Sciences 1(1):83-98, Table "Which drink is consumed more
// in the US?": derived scale .177 .019 .042 .116 .190 .129 .327, CR 0.022.
TEST_CASE("AHP reproduces Saaty's drink-consumption example") {
  const double t = 1.0 / 3.0;
  // Coffee, Wine, Tea, Beer, Sodas, Milk, Water
  const std::vector<std::vector<double>> a = {
      {1, 9, 5, 2, 1, 1, 0.5},
      {1.0 / 9, 1, t, 1.0 / 9, 1.0 / 9, 1.0 / 9, 1.0 / 9},
      {0.2, 3, 1, t, 0.25, t, 1.0 / 9},
      {0.5, 9, 3, 1, 0.5, 1, t},
      {1, 9, 4, 2, 1, 2, 0.5},
      {1, 9, 3, 1, 0.5, 1, t},
      {2, 9, 9, 3, 2, 3, 1},
  };
  const auto r = ahp(a, random_index_table("saaty"));
  const std::vector<double> published = {0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327};
  REQUIRE(r.weights.size() == 7);
  for (std::size_t i = 0; i < 7; ++i)
    CHECK(r.weights[i] == Approx(published[i]).margin(three_decimals));
  CHECK(sum(r.weights) == Approx(1.0).epsilon(1e-12));
  CHECK(r.ri == 1.32);
  CHECK(r.cr == Approx(0.022).margin(three_decimals));
  CHECK(r.ci == Approx(r.cr * 1.32));
  CHECK(r.lambda_max == Approx(7.0 + 6.0 * r.ci));
  CHECK(r.ri_table == "saaty");
  CHECK(r.iterations > 1);
  CHECK(r.iterations < 1000);
}

// Wikipedia, "Analytic hierarchy process – leader example": the criteria
// Experience, Education, Charisma, Age are weighted .547, .127, .270, .056.
// The four figures sum to exactly 1.000, so they were adjusted after
// rounding to three decimals; a margin of 1e-3 allows for that.
TEST_CASE("AHP reproduces the leader example's criterion weights") {
  const std::vector<std::vector<double>> a = {
      {1, 4, 3, 7},
      {0.25, 1, 1.0 / 3, 3},
      {1.0 / 3, 3, 1, 5},
      {1.0 / 7, 1.0 / 3, 0.2, 1},
  };
  const auto r = ahp(a, random_index_table("saaty"));
  CHECK(r.weights[0] == Approx(0.547).margin(1e-3));
  CHECK(r.weights[1] == Approx(0.127).margin(1e-3));
  CHECK(r.weights[2] == Approx(0.270).margin(1e-3));
  CHECK(r.weights[3] == Approx(0.056).margin(1e-3));
  CHECK(r.ri == 0.90);
  CHECK(r.cr < ahp_cr_threshold);
}

TEST_CASE("AHP recovers the weights of a perfectly consistent matrix") {
  // a_ij = w_i / w_j for w = (0.4, 0.3, 0.2, 0.1): A w = 4 w, so the weights
  // come back exactly, lambda_max = n = 4 and CI = CR = 0.
  const std::vector<double> w = {0.4, 0.3, 0.2, 0.1};
  std::vector<std::vector<double>> a(4, std::vector<double>(4));
  for (std::size_t i = 0; i < 4; ++i)
    for (std::size_t j = 0; j < 4; ++j) a[i][j] = w[i] / w[j];
  for (const auto* table : {"saaty", "alonso_lamata"}) {
    const auto r = ahp(a, random_index_table(table));
    for (std::size_t i = 0; i < 4; ++i) CHECK(r.weights[i] == Approx(w[i]).epsilon(1e-12));
    CHECK(r.lambda_max == Approx(4.0).epsilon(1e-12));
    CHECK(r.ci == Approx(0.0).margin(1e-12));
    CHECK(r.cr == Approx(0.0).margin(1e-12));
    CHECK(r.ci >= 0.0);
    CHECK(r.iterations <= 3);
  }
}

TEST_CASE("AHP of order 1 and 2") {
  const auto one = ahp({{1}}, random_index_table("saaty"));
  CHECK(one.weights == std::vector<double>{1.0});
  CHECK(one.lambda_max == 1.0);
  CHECK(one.ci == 0.0);
  CHECK(one.ri == 0.0);
  CHECK(one.cr == 0.0);
  // {{1, 3}, {1/3, 1}}: w = (3, 1)/4, always consistent.
  const auto two = ahp({{1, 3}, {1.0 / 3, 1}}, random_index_table("saaty"));
  CHECK(two.weights[0] == Approx(0.75));
  CHECK(two.weights[1] == Approx(0.25));
  CHECK(two.lambda_max == Approx(2.0));
  CHECK(two.ci == Approx(0.0).margin(1e-12));
  CHECK(two.ri == 0.0);
  CHECK(two.cr == 0.0);
}

TEST_CASE("AHP accepts rounded reciprocals such as 0.333") {
  // 0.333 * 3 = 0.999, within 1e-2 of 1.
  const auto r = ahp({{1, 3, 5}, {0.333, 1, 2}, {0.2, 0.5, 1}}, random_index_table("saaty"));
  CHECK(r.weights[0] > r.weights[1]);
  CHECK(r.weights[1] > r.weights[2]);
}

TEST_CASE("AHP is deterministic") {
  const std::vector<std::vector<double>> a = {{1, 2, 7}, {0.5, 1, 4}, {1.0 / 7, 0.25, 1}};
  const auto x = ahp(a, random_index_table("saaty"));
  const auto y = ahp(a, random_index_table("saaty"));
  CHECK(x.weights == y.weights);
  CHECK(x.lambda_max == y.lambda_max);
  CHECK(x.iterations == y.iterations);
}

TEST_CASE("AHP names the entry at fault") {
  const auto& s = random_index_table("saaty");
  CHECK(error_of([&] { ahp({}, s); }) == "the matrix is empty (no criteria compared)");
  CHECK(error_of([&] {
          ahp({{1, 2}, {0.5}}, s);
        }) == "[1]: 1 entries in a matrix of 2 rows (it must be square)");
  CHECK(error_of([&] {
          ahp({{1, -2}, {-0.5, 1}}, s);
        }) == "[0][1]: -2 is not a positive finite number");
  CHECK(error_of([&] { ahp({{1, 0}, {1, 1}}, s); }) == "[0][1]: 0 is not a positive finite number");
  CHECK(error_of([&] {
          ahp({{1, 1}, {NAN, 1}}, s);
        }) == "[1][0]: nan is not a positive finite number");
  CHECK(error_of([&] {
          ahp({{1, INFINITY}, {1, 1}}, s);
        }) == "[0][1]: inf is not a positive finite number");
  CHECK(error_of([&] {
          ahp({{1, 2}, {0.5, 2}}, s);
        }) == "[1][1]: 2 on the diagonal (a criterion compared with itself is 1)");
  CHECK(error_of([&] {
          ahp({{1, 2, 3}, {0.5, 1, 3}, {1.0 / 3, 0.5, 1}}, s);
        }) == "[2][1]: 0.5 is not the reciprocal of [1][2] = 3");
  // 0.3 * 3 = 0.9: too far from 1.
  CHECK(error_of([&] {
          ahp({{1, 3}, {0.3, 1}}, s);
        }) == "[1][0]: 0.3 is not the reciprocal of [0][1] = 3");
  const std::vector<std::vector<double>> eleven(11, std::vector<double>(11, 1.0));
  CHECK(error_of([&] { ahp(eleven, s); }) ==
        "a matrix of order 11 is beyond the 'saaty' random-index table (n <= 10)");
  CHECK(ahp(eleven, random_index_table("alonso_lamata")).ri == 1.5141);
}
