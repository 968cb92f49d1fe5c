// Test fixture: 100 * 2^(-d / 1000 m) for the distance d to the nearest
// feature of the reference layer with role "stations".
#include <cmath>
#include <siterank/sdk.hpp>
#include <stdexcept>

namespace {

class FixtureDistance final : public siterank::Criterion {
 public:
  siterank::CriterionInfo describe() const override {
    siterank::CriterionInfo i;
    i.name = "fixture_distance";
    i.version = "0.1.0";
    i.description = "test fixture: exponential decay from the nearest station";
    i.options = {{"half_life_m",
                  siterank::OptionType::number,
                  1000.0,
                  "m",
                  "distance that halves the score",
                  1,
                  1e6,
                  {}}};
    i.layers = {{"stations",
                 siterank::GeometryKind::point,
                 {"name"},
                 false,
                 "distance to the nearest station",
                 {}}};
    return i;
  }
  void configure(const siterank::ProjectProfile&, const siterank::Options& o,
                 const siterank::ReferenceData& ref) override {
    half_life_ = o.number("half_life_m");
    layer_ = ref.layer("stations");
    if (!layer_) throw std::runtime_error("no stations layer");
  }
  std::vector<siterank::FactorSpec> factors() const override {
    return {{"nearest_station_m", "m", "straight-line distance to the nearest station"}};
  }
  void score(const siterank::ParcelBatch& b, const siterank::ReferenceData& ref,
             siterank::BatchResult& out) const override {
    std::vector<siterank::Hit> hits;
    for (std::size_t i = 0; i < b.size(); ++i) {
      ref.nearest(*layer_, b.rep_point(i), 1, nullptr, hits);
      const double d = hits.empty() ? 1e9 : hits[0].distance_m;
      out.set_score(i, 100.0 * std::exp2(-d / half_life_));
      out.set_factor(i, 0, d);
    }
  }

 private:
  double half_life_ = 1000;
  const siterank::ReferenceLayer* layer_ = nullptr;
};

}  // namespace

SITERANK_PLUGIN(FixtureDistance)
