// Scoring, vetoes, weighted sum, ranking and the failure messages.
#include <catch2/catch.hpp>
#include <functional>
#include <limits>
#include <map>
#include <siterank/host/errors.hpp>

#include "scoring/engine.hpp"
#include "sdk_fixtures.hpp"

using namespace siterank;
using namespace siterank::testing;

namespace {

// A criterion whose score per parcel id comes from a function.
class Scripted final : public Criterion {
 public:
  using Fn = std::function<double(std::string_view id, double area_mu)>;
  Scripted(std::string name, Fn fn, std::map<std::string, std::string> vetoes = {})
      : name_(std::move(name)), fn_(std::move(fn)), vetoes_(std::move(vetoes)) {}
  CriterionInfo describe() const override { return {name_, "1", "scripted", {}, {}, {}, {}, {}}; }
  void configure(const ProjectProfile&, const Options&, const ReferenceData&) override {}
  std::vector<FactorSpec> factors() const override { return {{"area_mu", "mu", ""}}; }
  void score(const ParcelBatch& b, const ReferenceData&, BatchResult& out) const override {
    for (std::size_t i = 0; i < b.size(); ++i) {
      out.set_score(i, fn_(b.id(i), b.area_mu(i)));
      out.set_factor(i, 0, b.area_mu(i));
      if (auto it = vetoes_.find(std::string(b.id(i))); it != vetoes_.end())
        out.veto(i, it->second);
    }
  }

 private:
  std::string name_;
  Fn fn_;
  std::map<std::string, std::string> vetoes_;
};

EnabledCriterion enable(std::shared_ptr<Criterion> c, double weight) {
  EnabledCriterion e;
  e.name = c->describe().name;
  e.file = "test";
  e.weight = weight;
  e.factors = c->factors();
  e.criterion = std::move(c);
  return e;
}

ParcelTable squares(const std::vector<std::pair<std::string, double>>& id_side) {
  std::vector<ParcelSpec> specs;
  double x = 0;
  for (const auto& [id, side] : id_side) {
    ParcelSpec s;
    s.id = id;
    s.ring = rectangle(x, 0, side, side);
    specs.push_back(s);
    x += side + 10;
  }
  return make_parcels(specs);
}

std::string failure(const ParcelTable& t, const std::vector<EnabledCriterion>& cs,
                    std::size_t batch = 2048) {
  BruteForceReference ref;
  EngineOptions o;
  o.batch_size = batch;
  try {
    score_and_rank(t, ref, cs, o);
  } catch (const PluginError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("scores combine as a weighted sum and rank best first") {
  // Areas: 100x100 m = 15 mu, 200x200 = 60 mu, 300x300 = 135 mu.
  const ParcelTable t = squares({{"P1", 100}, {"P2", 200}, {"P3", 300}});
  std::map<std::string, double> transport{{"P1", 100}, {"P2", 40}, {"P3", 0}};
  std::vector<EnabledCriterion> cs{
      enable(
          std::make_shared<Scripted>("land", [](auto, double mu) { return std::min(100.0, mu); }),
          0.75),
      enable(std::make_shared<Scripted>(
                 "transport", [&](auto id, double) { return transport.at(std::string(id)); }),
             0.25)};
  BruteForceReference ref;
  const RankResult r = score_and_rank(t, ref, cs);
  // P1: 0.75*15 + 0.25*100 = 36.25; P2: 0.75*60 + 0.25*40 = 55; P3: 0.75*100 + 0 = 75.
  CHECK(r.total[0] == Approx(36.25));
  CHECK(r.total[1] == Approx(55));
  CHECK(r.total[2] == Approx(75));
  CHECK(r.ranking == std::vector<std::size_t>{2, 1, 0});
  CHECK(r.rank_of == std::vector<std::size_t>{3, 2, 1});
  CHECK(r.scores[0].factors[1] == Approx(60));
  CHECK(r.vetoed.empty());
}

TEST_CASE("ties are broken by parcel id") {
  const ParcelTable t = squares({{"B-2", 100}, {"C-3", 100}, {"A-1", 100}});
  std::vector<EnabledCriterion> cs{
      enable(std::make_shared<Scripted>("flat", [](auto, double) { return 50.0; }), 1)};
  BruteForceReference ref;
  const RankResult r = score_and_rank(t, ref, cs);
  CHECK(r.ranking == std::vector<std::size_t>{2, 0, 1});
}

TEST_CASE("vetoed parcels leave the ranking and keep their reasons") {
  const ParcelTable t = squares({{"P1", 100}, {"P2", 200}, {"P3", 300}});
  std::vector<EnabledCriterion> cs{
      enable(std::make_shared<Scripted>(
                 "land", [](auto, double) { return 80.0; },
                 std::map<std::string, std::string>{{"P2", "too small"}}),
             0.5),
      enable(std::make_shared<Scripted>(
                 "power", [](auto, double) { return 20.0; },
                 std::map<std::string, std::string>{{"P2", "not enough power"}, {"P3", "no grid"}}),
             0.5)};
  BruteForceReference ref;
  const RankResult r = score_and_rank(t, ref, cs);
  CHECK(r.ranking == std::vector<std::size_t>{0});
  CHECK(r.vetoed == std::vector<std::size_t>{1, 2});
  REQUIRE(r.vetoes.size() == 3);
  CHECK(r.vetoes[0].reason == "too small");
  CHECK(r.vetoes[1].reason == "not enough power");
  CHECK(r.vetoes[2].parcel == 2);
  CHECK(std::isnan(r.total[1]));
  CHECK(r.rank_of[1] == 0);
}

TEST_CASE("requirement vetoes come first among a parcel's vetoes, each named by its source") {
  const ParcelTable t = squares({{"P1", 100}, {"P2", 200}, {"P3", 300}});
  std::vector<EnabledCriterion> cs{enable(std::make_shared<Scripted>(
                                              "land", [](auto, double) { return 80.0; },
                                              std::map<std::string, std::string>{{"P3", "a"}}),
                                          1.0)};
  BruteForceReference ref;
  std::vector<VetoEntry> host{{0, requirements_source, "platform X"},
                              {2, requirements_source, "status reserved"}};
  const RankResult r = score_and_rank(t, ref, cs, {}, host);
  CHECK(r.ranking == std::vector<std::size_t>{1});
  CHECK(r.vetoed == std::vector<std::size_t>{0, 2});
  REQUIRE(r.vetoes.size() == 3);
  const auto p3 = r.vetoes_of(2);
  REQUIRE(p3.size() == 2);
  CHECK(p3[0].by == "requirements");
  CHECK(p3[0].reason == "status reserved");
  CHECK(p3[1].by == "land");
  CHECK(p3[1].reason == "a");
  CHECK(r.vetoes_of(1).empty());
  // A vetoed parcel is still scored: explanations show each criterion's view.
  CHECK(r.scores[0].scores[0] == 80.0);
}

TEST_CASE("a bad score fails the run naming plugin and parcel") {
  const ParcelTable t = squares({{"P1", 100}, {"P2", 200}, {"P3", 300}});
  auto with = [&](Scripted::Fn fn) {
    return std::vector<EnabledCriterion>{
        enable(std::make_shared<Scripted>("bad", std::move(fn)), 1)};
  };
  CHECK(failure(t, with([](auto id, double) {
                  return id == "P2" ? std::numeric_limits<double>::quiet_NaN() : 1.0;
                })) ==
        "plugin 'bad' (test) returned NaN (or no score) for parcel 'P2' (parcels P1 .. P3)");
  CHECK(failure(t, with([](auto id, double) { return id == "P3" ? 150.0 : 1.0; })) ==
        "plugin 'bad' (test) returned score 150, outside [0, 100], for parcel 'P3' (parcels P1 .. "
        "P3)");
  CHECK(failure(t, with([](auto, double) { return -0.5; })) ==
        "plugin 'bad' (test) returned score -0.5, outside [0, 100], for parcel 'P1' (parcels P1 .. "
        "P3)");
  CHECK(failure(t, with([](auto id, double) -> double {
                  if (id == "P2") throw std::runtime_error("boom");
                  return 1.0;
                })) == "plugin 'bad' (test) failed on parcel 'P2': threw: boom");
  // With batches of one parcel the same failure is found in the same place.
  CHECK(failure(t, with([](auto id, double) -> double {
                  if (id == "P3") throw std::runtime_error("boom");
                  return 1.0;
                }),
                1) == "plugin 'bad' (test) failed on parcel 'P3': threw: boom");
}

TEST_CASE("results are identical for any thread count and batch size") {
  std::vector<std::pair<std::string, double>> ids;
  for (int i = 0; i < 5000; ++i)
    ids.push_back({"Q" + std::to_string(100000 + (i * 7919) % 5000), 50.0 + (i % 37)});
  const ParcelTable t = squares(ids);
  std::vector<EnabledCriterion> cs{
      enable(std::make_shared<Scripted>(
                 "a", [](auto, double mu) { return std::fmod(mu * 13.7, 100.0); }),
             0.3),
      enable(std::make_shared<Scripted>(
                 "b", [](auto id, double) { return (id.back() - '0') * 10.0; },
                 std::map<std::string, std::string>{{"Q100007", "x"}}),
             0.7)};
  BruteForceReference ref;
  EngineOptions one;
  one.threads = 1;
  one.batch_size = 5000;
  EngineOptions many;
  many.threads = 4;
  many.batch_size = 97;
  const RankResult a = score_and_rank(t, ref, cs, one);
  const RankResult b = score_and_rank(t, ref, cs, many);
  CHECK(a.ranking == b.ranking);
  CHECK(a.vetoed == b.vetoed);
  for (std::size_t p = 0; p < t.size(); ++p) {
    if (std::isnan(a.total[p])) {
      CHECK(std::isnan(b.total[p]));
    } else {
      CHECK(a.total[p] == b.total[p]);  // bit-identical, not approximately
    }
  }
}

// ---- aggregation methods and degenerate cases (docs/methods.md) -----------

namespace {

// Three parcels with two criteria whose scores are given per parcel id.
struct TwoCriteria {
  ParcelTable t = squares({{"P1", 100}, {"P2", 100}, {"P3", 100}});
  std::map<std::string, double> a, b;
  std::map<std::string, std::string> vetoes;
  std::vector<EnabledCriterion> criteria(double wa, double wb) {
    return {enable(std::make_shared<Scripted>(
                       "a", [this](auto id, double) { return a.at(std::string(id)); }, vetoes),
                   wa),
            enable(std::make_shared<Scripted>(
                       "b", [this](auto id, double) { return b.at(std::string(id)); }),
                   wb)};
  }
  RankResult run(double wa, double wb, mcda::AggregationSpec spec) {
    BruteForceReference ref;
    EngineOptions o;
    o.aggregation = std::move(spec);
    return score_and_rank(t, ref, criteria(wa, wb), o);
  }
};

mcda::AggregationSpec method(mcda::Method m, std::vector<double> order = {}) {
  mcda::AggregationSpec s;
  s.method = m;
  s.normalisation = mcda::default_normalisation(m);
  s.order_weights = std::move(order);
  return s;
}

}  // namespace

TEST_CASE("the engine aggregates with the profile's method") {
  TwoCriteria f;
  f.a = {{"P1", 100}, {"P2", 25}, {"P3", 64}};
  f.b = {{"P1", 4}, {"P2", 100}, {"P3", 49}};
  // Weighted geometric mean, weights 0.5/0.5: sqrt(a b).
  // P1 sqrt(400) = 20, P2 sqrt(2500) = 50, P3 sqrt(3136) = 56.
  auto r = f.run(0.5, 0.5, method(mcda::Method::weighted_geometric_mean));
  CHECK(r.total[0] == Approx(20));
  CHECK(r.total[1] == Approx(50));
  CHECK(r.total[2] == Approx(56));
  CHECK(r.ranking == std::vector<std::size_t>{2, 1, 0});
  // The weighted sum ranks otherwise: P1 52, P2 62.5, P3 56.5.
  r = f.run(0.5, 0.5, method(mcda::Method::weighted_sum));
  CHECK(r.ranking == std::vector<std::size_t>{1, 2, 0});
  // OWA with all weight on the worst score (order weights 0, 1) and equal
  // criterion weights is the minimum: P1 4, P2 25, P3 49.
  r = f.run(0.5, 0.5, method(mcda::Method::owa, {0.0, 1.0}));
  CHECK(r.total[0] == Approx(4));
  CHECK(r.total[1] == Approx(25));
  CHECK(r.total[2] == Approx(49));
  // ... and all weight on the best score, the maximum: 100, 100, 64; the
  // tie P1/P2 goes to the lower id.
  r = f.run(0.5, 0.5, method(mcda::Method::owa, {1.0, 0.0}));
  CHECK(r.total[0] == Approx(100));
  CHECK(r.ranking == std::vector<std::size_t>{0, 1, 2});
}

TEST_CASE("TOPSIS on parcels is 100 x the closeness over the parcels not vetoed") {
  TwoCriteria f;
  f.a = {{"P1", 100}, {"P2", 0}, {"P3", 50}};
  f.b = {{"P1", 0}, {"P2", 100}, {"P3", 50}};
  // Vector normalisation: both columns have norm sqrt(100^2 + 50^2) =
  // 111.803; weights 0.5 each. Weighted: P1 (0.4472, 0), P2 (0, 0.4472),
  // P3 (0.2236, 0.2236). Ideal (0.4472, 0.4472), anti-ideal (0, 0).
  // P1: d+ = 0.4472, d- = 0.4472, C = 0.5; P2 the same; P3: d+ = d- =
  // 0.3162, C = 0.5. All 50: a three-way tie, broken by id.
  auto r = f.run(0.5, 0.5, method(mcda::Method::topsis));
  CHECK(r.total[0] == Approx(50));
  CHECK(r.total[1] == Approx(50));
  CHECK(r.total[2] == Approx(50));
  CHECK(r.ranking == std::vector<std::size_t>{0, 1, 2});
  // Vetoing P1 removes it from the ideal: over P2 (0, 100) and P3 (50, 50)
  // the a column's norm is 50, b's sqrt(100^2 + 50^2) = 111.803. Weighted:
  // P2 (0, 0.4472), P3 (0.5, 0.2236). Ideal (0.5, 0.4472), anti (0, 0.2236).
  // P2: d+ = 0.5, d- = 0.2236, C = 0.3090; P3: d+ = 0.2236, d- = 0.5, C = 0.6910.
  f.vetoes = {{"P1", "vetoed"}};
  r = f.run(0.5, 0.5, method(mcda::Method::topsis));
  CHECK(std::isnan(r.total[0]));
  CHECK(r.total[1] == Approx(30.90).epsilon(1e-3));
  CHECK(r.total[2] == Approx(69.10).epsilon(1e-3));
}

TEST_CASE("degenerate cases: a constant criterion, a zero weight, one parcel, all vetoed") {
  TwoCriteria f;
  f.a = {{"P1", 30}, {"P2", 60}, {"P3", 90}};
  f.b = {{"P1", 70}, {"P2", 70}, {"P3", 70}};  // equal across all parcels
  for (auto m :
       {mcda::Method::weighted_sum, mcda::Method::weighted_geometric_mean, mcda::Method::topsis}) {
    // A constant criterion cannot change the order: the order is a's.
    const auto r = f.run(0.5, 0.5, method(m));
    CHECK(r.ranking == std::vector<std::size_t>{2, 1, 0});
    // A zero weight removes the criterion: changing its values changes nothing.
    const auto before = f.run(1.0, 0.0, method(m));
    f.b = {{"P1", 0}, {"P2", 100}, {"P3", 5}};
    const auto after = f.run(1.0, 0.0, method(m));
    CHECK(before.total == after.total);
    f.b = {{"P1", 70}, {"P2", 70}, {"P3", 70}};
  }
  // One parcel left: it ranks first; TOPSIS puts it at the ideal (100).
  f.vetoes = {{"P1", "x"}, {"P2", "x"}};
  auto r = f.run(0.5, 0.5, method(mcda::Method::topsis));
  CHECK(r.ranking == std::vector<std::size_t>{2});
  CHECK(r.total[2] == Approx(100));
  // Every parcel vetoed: an empty ranking, no totals, every method.
  f.vetoes = {{"P1", "x"}, {"P2", "x"}, {"P3", "x"}};
  for (auto m : {mcda::Method::weighted_sum, mcda::Method::weighted_geometric_mean,
                 mcda::Method::owa, mcda::Method::topsis}) {
    r = f.run(
        0.5, 0.5,
        method(m, m == mcda::Method::owa ? std::vector<double>{0.5, 0.5} : std::vector<double>{}));
    CHECK(r.ranking.empty());
    CHECK(r.vetoed.size() == 3);
  }
}
