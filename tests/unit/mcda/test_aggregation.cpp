// Aggregation methods and normalisations, against published worked examples
// and hand calculations (shown next to each expected value).
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "error_of.hpp"
#include "mcda/aggregation.hpp"

using namespace siterank::mcda;

namespace {

using siterank::testing::error_of;

// Rows as written in a paper, stored by criterion.
DecisionMatrix from_rows(const std::vector<std::vector<double>>& rows,
                         std::vector<bool> benefit = {}) {
  DecisionMatrix m;
  m.rows = rows.size();
  const std::size_t n = rows.empty() ? benefit.size() : rows[0].size();
  m.columns.assign(n, {});
  for (const auto& r : rows)
    for (std::size_t j = 0; j < n; ++j) m.columns[j].push_back(r[j]);
  m.benefit = benefit.empty() ? std::vector<bool>(n, true) : benefit;
  return m;
}

std::vector<double> run(const DecisionMatrix& m, const std::vector<double>& w, Method method,
                        Normalisation n, std::vector<double> order_weights = {}) {
  AggregationSpec spec;
  spec.method = method;
  spec.normalisation = n;
  spec.order_weights = std::move(order_weights);
  std::vector<double> out;
  aggregate(m, w, spec, out);
  return out;
}

const std::vector<Method> all_methods = {Method::weighted_sum, Method::weighted_geometric_mean,
                                         Method::owa, Method::topsis};

}  // namespace

TEST_CASE("method and normalisation names round-trip") {
  for (auto m : all_methods) CHECK(method_from_name(name(m)) == m);
  for (auto n : {Normalisation::none, Normalisation::linear_max, Normalisation::min_max,
                 Normalisation::vector})
    CHECK(normalisation_from_name(name(n)) == n);
  CHECK(name(Method::weighted_sum) == "wsum");
  CHECK(name(Method::weighted_geometric_mean) == "wgm");
  CHECK(error_of([] { method_from_name("saw"); }) ==
        "unknown aggregation method 'saw' (known: wsum, wgm, owa, topsis)");
  CHECK(error_of([] { normalisation_from_name("max"); }) ==
        "unknown normalisation 'max' (known: none, linear_max, min_max, vector)");
  CHECK(default_normalisation(Method::topsis) == Normalisation::vector);
  CHECK(default_normalisation(Method::weighted_sum) == Normalisation::none);
  CHECK(default_normalisation(Method::owa) == Normalisation::none);
  CHECK(default_normalisation(Method::weighted_geometric_mean) == Normalisation::none);
}

// --- normalisations ---------------------------------------------------------

TEST_CASE("linear_max: x / max for benefit, min / x for cost (Hwang & Yoon 1981)") {
  const auto z =
      normalised(from_rows({{2, 2}, {4, 4}, {8, 8}}, {true, false}), Normalisation::linear_max);
  CHECK(z.columns[0] == std::vector<double>{0.25, 0.5, 1.0});  // 2/8, 4/8, 8/8
  CHECK(z.columns[1] == std::vector<double>{1.0, 0.5, 0.25});  // 2/2, 2/4, 2/8
  CHECK(z.benefit == std::vector<bool>{true, true});           // cost turned into benefit
  // An all-zero benefit column: every row is at the best value.
  CHECK(normalised(from_rows({{0}, {0}}), Normalisation::linear_max).columns[0] ==
        std::vector<double>{1.0, 1.0});
}

TEST_CASE("min_max: (x - min) / range for benefit, (max - x) / range for cost") {
  const auto z =
      normalised(from_rows({{2, 2}, {4, 4}, {8, 8}}, {true, false}), Normalisation::min_max);
  CHECK(z.columns[0][0] == 0.0);
  CHECK(z.columns[0][1] == Approx(1.0 / 3.0));  // (4-2)/6
  CHECK(z.columns[0][2] == 1.0);
  CHECK(z.columns[1][0] == 1.0);                // (8-2)/6
  CHECK(z.columns[1][1] == Approx(2.0 / 3.0));  // (8-4)/6
  CHECK(z.columns[1][2] == 0.0);
  CHECK(z.benefit == std::vector<bool>{true, true});
  // A constant column gives 1 for every row (documented).
  CHECK(normalised(from_rows({{5}, {5}, {5}}, {false}), Normalisation::min_max).columns[0] ==
        std::vector<double>{1.0, 1.0, 1.0});
}

TEST_CASE("vector: x / sqrt(sum x^2), the direction kept") {
  const auto z =
      normalised(from_rows({{2, 2}, {4, 4}, {8, 8}}, {true, false}), Normalisation::vector);
  // sqrt(4 + 16 + 64) = sqrt(84)
  for (std::size_t j = 0; j < 2; ++j) {
    CHECK(z.columns[j][0] == Approx(2 / std::sqrt(84.0)));
    CHECK(z.columns[j][1] == Approx(4 / std::sqrt(84.0)));
    CHECK(z.columns[j][2] == Approx(8 / std::sqrt(84.0)));
  }
  CHECK(z.benefit == std::vector<bool>{true, false});
  // A zero column stays zero; huge values do not overflow.
  CHECK(normalised(from_rows({{0}, {0}}), Normalisation::vector).columns[0] ==
        std::vector<double>{0.0, 0.0});
  const auto big = normalised(from_rows({{3e200}, {4e200}}), Normalisation::vector);
  CHECK(big.columns[0][0] == Approx(0.6));  // 3-4-5 triangle
  CHECK(big.columns[0][1] == Approx(0.8));
}

TEST_CASE("none leaves the matrix as it is, and no rows is no work") {
  const auto m = from_rows({{2, -3}, {4, 7}}, {true, false});
  const auto z = normalised(m, Normalisation::none);
  CHECK(z.columns == m.columns);
  CHECK(z.benefit == m.benefit);
  DecisionMatrix empty;
  empty.columns.assign(2, {});
  empty.benefit = {true, false};
  for (auto n : {Normalisation::none, Normalisation::linear_max, Normalisation::min_max,
                 Normalisation::vector})
    CHECK(normalised(empty, n).rows == 0);
}

// --- weighted sum and weighted product ----------------------------------

// Triantaphyllou E. (2000) Multi-Criteria Decision Making Methods: A
// Comparative Study, Kluwer, the WSM example (also Wikipedia, "Weighted sum
// model"): weights 0.20 0.15 0.40 0.25; A1 = 25 20 15 30, A2 = 10 30 20 30,
// A3 = 30 10 30 10; WSM scores 21.50, 22.00, 22.00. By hand:
//   A1 = 5 + 3 + 6 + 7.5 = 21.5; A2 = 2 + 4.5 + 8 + 7.5 = 22; A3 = 6 + 1.5 + 12 + 2.5 = 22
const std::vector<std::vector<double>> triantaphyllou = {
    {25, 20, 15, 30}, {10, 30, 20, 30}, {30, 10, 30, 10}};
const std::vector<double> triantaphyllou_w = {0.20, 0.15, 0.40, 0.25};

TEST_CASE("weighted sum reproduces Triantaphyllou's WSM example") {
  const auto s =
      run(from_rows(triantaphyllou), triantaphyllou_w, Method::weighted_sum, Normalisation::none);
  CHECK(s[0] == Approx(21.5));
  CHECK(s[1] == Approx(22.0));
  CHECK(s[2] == Approx(22.0));
}

// The WPM example on the same data (Triantaphyllou 2000; Wikipedia,
// "Weighted product model"): P(A1/A2) = 1.007, P(A1/A3) = 1.067,
// P(A2/A3) = 1.059, so A1 is best. The weighted geometric mean is the
// product form P(Ak) = prod a_kj^w_j; the ratios of products are those
// ratios. By hand, P(A1) = exp(0.2 ln 25 + 0.15 ln 20 + 0.4 ln 15 + 0.25 ln 30)
// = exp(0.64378 + 0.44936 + 1.08322 + 0.85030) = exp(3.02665) = 20.628.
TEST_CASE("weighted geometric mean reproduces Triantaphyllou's WPM example") {
  const auto p = run(from_rows(triantaphyllou), triantaphyllou_w, Method::weighted_geometric_mean,
                     Normalisation::none);
  CHECK(p[0] / p[1] == Approx(1.007).margin(0.0005));
  CHECK(p[0] / p[2] == Approx(1.067).margin(0.0005));
  CHECK(p[1] / p[2] == Approx(1.059).margin(0.0005));
  CHECK(p[0] == Approx(20.628).margin(0.001));
}

TEST_CASE("wgm with normalisation none: a cost criterion enters as x^-w") {
  // A: 4^0.5 * 1^-0.5 = 2; B: 1^0.5 * 4^-0.5 = 0.5
  const auto p = run(from_rows({{4, 1}, {1, 4}}, {true, false}), {0.5, 0.5},
                     Method::weighted_geometric_mean, Normalisation::none);
  CHECK(p[0] == Approx(2.0));
  CHECK(p[1] == Approx(0.5));
}

TEST_CASE("wgm: a zero value with a positive weight gives 0 (non-compensatory)") {
  // min_max maps the worst row to 0 on criterion 0: 0^0.5 * ... = 0,
  // however good its other criterion is.
  const auto p = run(from_rows({{1, 100}, {2, 1}}), {0.5, 0.5}, Method::weighted_geometric_mean,
                     Normalisation::min_max);
  CHECK(p[0] == 0.0);
  CHECK(p[1] == 0.0);  // and row 1 is the worst on criterion 1
  const auto q = run(from_rows({{0, 9}, {4, 1}}), {0.5, 0.5}, Method::weighted_geometric_mean,
                     Normalisation::none);
  CHECK(q[0] == 0.0);
  CHECK(q[1] == Approx(2.0));  // sqrt(4) * sqrt(1)
}

TEST_CASE("wsum with linear_max and min_max turns cost into benefit") {
  // Criterion 1 is a cost: 2, 4. linear_max: 2/2 = 1, 2/4 = 0.5.
  // A = 0.5 * (1/2) + 0.5 * 1 = 0.75; B = 0.5 * 1 + 0.5 * 0.5 = 0.75
  const auto m = from_rows({{1, 2}, {2, 4}}, {true, false});
  const auto a = run(m, {0.5, 0.5}, Method::weighted_sum, Normalisation::linear_max);
  CHECK(a[0] == Approx(0.75));
  CHECK(a[1] == Approx(0.75));
  // min_max: A = 0.5 * 0 + 0.5 * 1 = 0.5; B = 0.5 * 1 + 0.5 * 0 = 0.5
  const auto b = run(m, {0.5, 0.5}, Method::weighted_sum, Normalisation::min_max);
  CHECK(b[0] == Approx(0.5));
  CHECK(b[1] == Approx(0.5));
  const auto c = run(m, {0.8, 0.2}, Method::weighted_sum, Normalisation::min_max);
  CHECK(c[0] == Approx(0.2));
  CHECK(c[1] == Approx(0.8));
}

// --- OWA --------------------------------------------------------------------

// Yager R.R. (1988) On ordered weighted averaging aggregation operators in
// multicriteria decisionmaking, IEEE Trans. SMC 18(1):183-190; the example
// in Wikipedia, "Ordered weighted averaging aggregation operator":
// W = (0.4, 0.3, 0.2, 0.1), a = (0.7, 1, 0.3, 0.6) -> 0.76. By hand:
// ordered 1, 0.7, 0.6, 0.3: 0.4 + 0.21 + 0.12 + 0.03 = 0.76.
TEST_CASE("OWA with equal criterion weights is Yager's OWA") {
  const auto s = run(from_rows({{0.7, 1, 0.3, 0.6}}), {0.25, 0.25, 0.25, 0.25}, Method::owa,
                     Normalisation::none, {0.4, 0.3, 0.2, 0.1});
  CHECK(s[0] == Approx(0.76));
}

TEST_CASE("OWA with equal order weights is the weighted sum") {
  // 0.1 * 0.7 + 0.2 * 1 + 0.3 * 0.3 + 0.4 * 0.6 = 0.07 + 0.2 + 0.09 + 0.24 = 0.6
  const auto m = from_rows({{0.7, 1, 0.3, 0.6}, {0.2, 0.4, 0.9, 0.1}});
  const std::vector<double> w = {0.1, 0.2, 0.3, 0.4};
  const auto s = run(m, w, Method::owa, Normalisation::none, {0.25, 0.25, 0.25, 0.25});
  CHECK(s[0] == Approx(0.6));
  // 0.02 + 0.08 + 0.27 + 0.04 = 0.41
  CHECK(s[1] == Approx(0.41));
}

// The criterion-weighted form (Jiang & Eastman 2000; Malczewski 2006):
// sum u_(j) v_j z_(j) / sum u_(j) v_j. No published worked example was
// found, so by hand: u = (0.5, 0.3, 0.2), v = (0.6, 0.3, 0.1),
// z = (0.2, 0.9, 0.5). Ordered: 0.9 (u 0.3), 0.5 (u 0.2), 0.2 (u 0.5);
// u v = 0.18, 0.06, 0.05, sum 0.29; numerator 0.162 + 0.03 + 0.01 = 0.202;
// score 0.202 / 0.29 = 0.696552.
TEST_CASE("OWA with criterion weights (Jiang & Eastman; Malczewski)") {
  const auto s = run(from_rows({{0.2, 0.9, 0.5}}), {0.5, 0.3, 0.2}, Method::owa,
                     Normalisation::none, {0.6, 0.3, 0.1});
  CHECK(s[0] == Approx(0.202 / 0.29));
  CHECK(s[0] == Approx(0.696552).margin(1e-6));
}

TEST_CASE("OWA orders equal values by column") {
  // z = (0.5, 0.5, 0.1), u = (0.6, 0.2, 0.2), v = (0.2, 0.4, 0.4).
  // Column order for the tie: criterion 0 first. u v = 0.12, 0.08, 0.08,
  // sum 0.28; numerator 0.06 + 0.04 + 0.008 = 0.108; 0.108 / 0.28 = 27/70.
  // (Criterion 1 first would give 0.148 / 0.36 = 0.4111.)
  const auto s = run(from_rows({{0.5, 0.5, 0.1}}), {0.6, 0.2, 0.2}, Method::owa,
                     Normalisation::none, {0.2, 0.4, 0.4});
  CHECK(s[0] == Approx(27.0 / 70.0));
}

TEST_CASE("OWA scores 0 when nothing is weighted") {
  // u = (1, 0), v = (0, 1): the weighted criterion sits at the first
  // position, whose order weight is 0; the other has weight 0. 0 / 0 -> 0.
  const auto s = run(from_rows({{0.3, 0.9}}), {1.0, 0.0}, Method::owa, Normalisation::none, {0, 1});
  CHECK(s[0] == 0.0);
}

TEST_CASE("OWA with min_max normalisation handles cost criteria") {
  // Cost criterion 1: 10, 20 -> 1, 0; benefit 0: 1, 3 -> 0, 1.
  // Row 0: z = (0, 1): ordered 1 (u 0.5), 0 (u 0.5); v = (0.7, 0.3):
  // (0.35 * 1 + 0.15 * 0) / 0.5 = 0.7. Row 1: z = (1, 0): the same, 0.7.
  const auto s = run(from_rows({{1, 10}, {3, 20}}, {true, false}), {0.5, 0.5}, Method::owa,
                     Normalisation::min_max, {0.7, 0.3});
  CHECK(s[0] == Approx(0.7));
  CHECK(s[1] == Approx(0.7));
}

// --- TOPSIS -----------------------------------------------------------------

// Opricovic S., Tzeng G.-H. (2004) Compromise solution by MCDM methods: a
// comparative analysis of VIKOR and TOPSIS, EJOR 156(2):445-455, numerical
// example: A1 = (1, 3000), A2 = (2, 3750), A3 = (5, 4500), f1 a cost, f2 a
// benefit, weights 0.5 each, vector normalisation (the data as in the R
// package MCDM's example citing the paper). The paper's TOPSIS table could
// not be retrieved, so by hand:
//   f1 / sqrt(30):      0.18257, 0.36515, 0.91287  (x 0.5: 0.09129, 0.18257, 0.45644)
//   f2 / 6581.2233:     0.45584, 0.56980, 0.68376  (x 0.5: 0.22792, 0.28490, 0.34188)
//   ideal (0.09129, 0.34188), anti-ideal (0.45644, 0.22792)
//   A1: d+ = 0.11396, d- = 0.36515, C = 0.76214
//   A2: d+ = 0.10761, d- = 0.27973, C = 0.72218
//   A3: d+ = 0.36515, d- = 0.11396, C = 0.23786 (= 1 - C(A1): mirror image)
TEST_CASE("TOPSIS on Opricovic & Tzeng's numerical example") {
  const auto m = from_rows({{1, 3000}, {2, 3750}, {5, 4500}}, {false, true});
  const auto c = run(m, {0.5, 0.5}, Method::topsis, Normalisation::vector);
  CHECK(c[0] == Approx(0.76214).margin(1e-5));
  CHECK(c[1] == Approx(0.72218).margin(1e-5));
  CHECK(c[2] == Approx(0.23786).margin(1e-5));
  CHECK(c[0] + c[2] == Approx(1.0));
}

// pymcdm (Kizielewicz, Shekhovtsov, Sałabun; README usage example, TOPSIS
// with its default min-max normalisation): alternatives (4, 4), (1, 5),
// (3, 2), (4, 2); criterion 0 a benefit, 1 a cost; weights 0.5 each;
// published preferences 0.6126, 0.0, 0.7829, 1.0. By hand: min-max gives
// (1, 1/3), (0, 0), (2/3, 1), (1, 1); ideal (0.5, 0.5), anti-ideal (0, 0);
// A1: d+ = 1/3, d- = sqrt(0.25 + 1/36) = 0.52705, C = 0.61257.
TEST_CASE("TOPSIS with min_max normalisation reproduces the pymcdm example") {
  const auto m = from_rows({{4, 4}, {1, 5}, {3, 2}, {4, 2}}, {true, false});
  const auto c = run(m, {0.5, 0.5}, Method::topsis, Normalisation::min_max);
  CHECK(c[0] == Approx(0.6126).margin(5e-5));
  CHECK(c[1] == 0.0);
  CHECK(c[2] == Approx(0.7829).margin(5e-5));
  CHECK(c[3] == 1.0);
}

TEST_CASE("TOPSIS degenerate cases: one row, identical rows, the ideal row") {
  CHECK(run(from_rows({{3, 4}}), {0.5, 0.5}, Method::topsis, Normalisation::vector) ==
        std::vector<double>{1.0});
  CHECK(run(from_rows({{3, 4}, {3, 4}}), {0.5, 0.5}, Method::topsis, Normalisation::vector) ==
        std::vector<double>{1.0, 1.0});
  // Row 0 is best on both (a cost 1 < 2): at the ideal, C = 1; row 1 at
  // the anti-ideal: d- = 0, C = 0.
  const auto c = run(from_rows({{5, 1}, {2, 2}}, {true, false}), {0.5, 0.5}, Method::topsis,
                     Normalisation::vector);
  CHECK(c[0] == 1.0);
  CHECK(c[1] == 0.0);
  CHECK(run(from_rows({}, {true}), {1.0}, Method::topsis, Normalisation::vector).empty());
}

TEST_CASE("TOPSIS with normalisation none takes the direction from the ideal") {
  // v = 0.5 x: (0.5, 1), (1, 0.5); cost criterion 1: ideal (1, 0.5),
  // anti-ideal (0.5, 1). Row 1 is the ideal, row 0 the anti-ideal.
  const auto c = run(from_rows({{1, 2}, {2, 1}}, {true, false}), {0.5, 0.5}, Method::topsis,
                     Normalisation::none);
  CHECK(c[0] == 0.0);
  CHECK(c[1] == 1.0);
}

// --- degenerate inputs shared by all methods --------------------------------

TEST_CASE("a criterion equal in every row") {
  // wsum: the constant only shifts every score by w * c.
  const auto base = from_rows({{1, 7}, {3, 7}, {2, 7}});
  const auto s = run(base, {0.5, 0.5}, Method::weighted_sum, Normalisation::none);
  CHECK(s[0] == Approx(0.5 + 3.5));
  CHECK(s[1] == Approx(1.5 + 3.5));
  CHECK(s[2] == Approx(1.0 + 3.5));
  // topsis: it adds 0 to both distances, so the result is that of the other
  // criterion alone: 1 -> 0, 3 -> 1, 2 -> 0.5 (v = 0.5 x / sqrt(14), linear).
  const auto t = run(base, {0.5, 0.5}, Method::topsis, Normalisation::vector);
  CHECK(t[0] == Approx(0.0).margin(1e-12));
  CHECK(t[1] == Approx(1.0));
  CHECK(t[2] == Approx(0.5));
}

TEST_CASE("a criterion of weight 0 has no effect in any method") {
  // Criterion 1 has weight 0; its values change between a and b, with a
  // large value that would head the OWA order.
  const auto a = from_rows({{0.2, 0.1, 0.9}, {0.6, 0.5, 0.3}, {0.4, 0.9, 0.5}});
  auto b = a;
  b.columns[1] = {5.0, 0.0, 2.5};
  const std::vector<double> w = {0.6, 0.0, 0.4};
  for (auto method : all_methods) {
    for (auto n : {Normalisation::none, Normalisation::linear_max, Normalisation::min_max,
                   Normalisation::vector}) {
      if (n == Normalisation::vector && method != Method::topsis) continue;
      INFO(name(method) << " " << name(n));
      const std::vector<double> v =
          method == Method::owa ? std::vector<double>{0.5, 0.3, 0.2} : std::vector<double>{};
      CHECK(run(a, w, method, n, v) == run(b, w, method, n, v));
    }
  }
}

TEST_CASE("tied rows get tied scores; aggregation is deterministic") {
  const auto m = from_rows({{0.3, 0.8}, {0.9, 0.1}, {0.3, 0.8}});
  for (auto method : all_methods) {
    const auto n = default_normalisation(method);
    const std::vector<double> v =
        method == Method::owa ? std::vector<double>{0.7, 0.3} : std::vector<double>{};
    const auto x = run(m, {0.4, 0.6}, method, n, v);
    CHECK(x[0] == x[2]);
    CHECK(run(m, {0.4, 0.6}, method, n, v) == x);
  }
}

TEST_CASE("no rows: empty output for every method") {
  DecisionMatrix m;
  m.columns.assign(2, {});
  m.benefit = {true, true};
  for (auto method : all_methods) {
    const std::vector<double> v =
        method == Method::owa ? std::vector<double>{0.5, 0.5} : std::vector<double>{};
    std::vector<double> out = {1.0, 2.0};
    AggregationSpec spec{method, default_normalisation(method), v};
    aggregate(m, {0.5, 0.5}, spec, out);
    CHECK(out.empty());
  }
}

// --- validate -----------------------------------------------------------------

TEST_CASE("validate names the criterion or row at fault") {
  const auto ok = from_rows({{1, 2}, {3, 4}});
  const std::vector<double> w = {0.5, 0.5};
  AggregationSpec wsum;
  const auto check = [](const DecisionMatrix& m, const std::vector<double>& weights,
                        const AggregationSpec& spec) {
    return error_of([&] { validate(m, weights, spec); });
  };
  CHECK(check(ok, w, wsum) == "(no error)");

  DecisionMatrix none;
  CHECK(check(none, {}, wsum) == "decision matrix: no criteria");
  auto flags = ok;
  flags.benefit = {true};
  CHECK(check(flags, w, wsum) == "decision matrix: 1 benefit/cost flags for 2 criteria");
  auto short_column = ok;
  short_column.columns[1].pop_back();
  CHECK(check(short_column, w, wsum) == "criterion 1: 1 values for 2 rows");
  auto inf = ok;
  inf.columns[1][1] = INFINITY;
  CHECK(check(inf, w, wsum) == "row 1, criterion 1: value inf is not finite");
  auto nan = ok;
  nan.columns[0][0] = NAN;
  CHECK(check(nan, w, wsum) == "row 0, criterion 0: value nan is not finite");

  CHECK(check(ok, {1.0}, wsum) == "1 weights for 2 criteria");
  CHECK(check(ok, {1.2, -0.2}, wsum) == "criterion 1: weight -0.2 is negative");
  CHECK(check(ok, {NAN, 1.0}, wsum) == "criterion 0: weight nan is not finite");
  CHECK(check(ok, {0.5, 0.4}, wsum) == "weights sum to 0.9, not 1 (within 1e-9)");
  CHECK(check(ok, {0.5, 0.5 + 1e-12}, wsum) == "(no error)");
}

TEST_CASE("validate checks the spec against the method") {
  const auto ok = from_rows({{1, 2}, {3, 4}});
  const auto cost = from_rows({{1, 2}, {3, 4}}, {true, false});
  const std::vector<double> w = {0.5, 0.5};
  const auto check = [](const DecisionMatrix& m, const std::vector<double>& weights, Method method,
                        Normalisation n, std::vector<double> v = {}) {
    AggregationSpec spec{method, n, std::move(v)};
    return error_of([&] { validate(m, weights, spec); });
  };
  CHECK(check(ok, w, Method::weighted_sum, Normalisation::none, {0.5, 0.5}) ==
        "order weights are for owa only, not wsum");
  CHECK(check(ok, w, Method::owa, Normalisation::none) == "owa: 0 order weights for 2 criteria");
  CHECK(check(ok, w, Method::owa, Normalisation::none, {1.5, -0.5}) ==
        "owa: order weight 1: -0.5 is not a finite number >= 0");
  CHECK(check(ok, w, Method::owa, Normalisation::none, {0.5, 0.6}) ==
        "owa: order weights sum to 1.1, not 1 (within 1e-9)");
  CHECK(check(ok, w, Method::weighted_sum, Normalisation::vector) ==
        "normalisation vector is for topsis only (it does not turn cost criteria into benefit "
        "ones); use linear_max or min_max with wsum");
  CHECK(check(ok, w, Method::weighted_geometric_mean, Normalisation::vector) ==
        "normalisation vector is for topsis only (it does not turn cost criteria into benefit "
        "ones); use linear_max or min_max with wgm");
  CHECK(check(cost, w, Method::weighted_sum, Normalisation::none) ==
        "criterion 1: a cost criterion needs normalisation linear_max or min_max with wsum");
  CHECK(check(cost, w, Method::owa, Normalisation::none, {0.5, 0.5}) ==
        "criterion 1: a cost criterion needs normalisation linear_max or min_max with owa");
  CHECK(check(cost, w, Method::topsis, Normalisation::none) == "(no error)");
  CHECK(check(cost, w, Method::weighted_geometric_mean, Normalisation::none) == "(no error)");
}

TEST_CASE("validate checks what the normalisation and wgm need") {
  const std::vector<double> w = {0.5, 0.5};
  const auto check = [&](const DecisionMatrix& m, Method method, Normalisation n) {
    AggregationSpec spec{method, n, {}};
    return error_of([&] { validate(m, w, spec); });
  };
  CHECK(check(from_rows({{1, 2}, {3, 0}}, {true, false}), Method::weighted_sum,
              Normalisation::linear_max) ==
        "row 1, criterion 1: value 0 in a cost criterion; linear_max (min / value) needs positive "
        "cost values");
  CHECK(check(from_rows({{1, 2}, {-3, 1}}), Method::weighted_sum, Normalisation::linear_max) ==
        "row 1, criterion 0: value -3 is negative; linear_max needs values >= 0");
  CHECK(check(from_rows({{1, 2}, {-3, 1}}), Method::weighted_sum, Normalisation::min_max) ==
        "(no error)");
  CHECK(check(from_rows({{1, 2}, {-3, 1}}), Method::weighted_geometric_mean, Normalisation::none) ==
        "row 1, criterion 0: value -3 is negative; wgm needs values >= 0");
  CHECK(check(from_rows({{1, 2}, {3, 0}}, {true, false}), Method::weighted_geometric_mean,
              Normalisation::none) ==
        "row 1, criterion 1: value 0 in a cost criterion; wgm without normalisation takes "
        "value^-weight");
  CHECK(check(from_rows({{1, 2}, {3, 0}}), Method::weighted_geometric_mean, Normalisation::none) ==
        "(no error)");
  CHECK(check(from_rows({{1, 2}, {-3, 1}}), Method::weighted_geometric_mean,
              Normalisation::min_max) == "(no error)");
  // A weight-0 criterion is left out of wgm, so its values are not checked.
  AggregationSpec wgm{Method::weighted_geometric_mean, Normalisation::none, {}};
  CHECK(error_of([&] { validate(from_rows({{1, -2}, {3, 1}}), {1.0, 0.0}, wgm); }) == "(no error)");
  // aggregate() validates first; normalised() checks the matrix it is given.
  std::vector<double> out;
  CHECK(error_of([&] {
          aggregate(from_rows({{1, 2}}), {1.0}, {}, out);
        }) == "1 weights for 2 criteria");
  CHECK(error_of([&] {
          normalised(from_rows({{1, 0}}, {true, false}), Normalisation::linear_max);
        }) ==
        "row 0, criterion 1: value 0 in a cost criterion; linear_max (min / value) needs positive "
        "cost values");
}
