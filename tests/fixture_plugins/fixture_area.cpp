// Test fixture: scores a parcel by its area (1 point per 亩, capped at 100)
// and vetoes land-use codes listed in the option `veto_land_use`.
#include <algorithm>
#include <siterank/sdk.hpp>

namespace {

class FixtureArea final : public siterank::Criterion {
 public:
  siterank::CriterionInfo describe() const override {
    siterank::CriterionInfo i;
    i.name = "fixture_area";
    i.version = "0.1.0";
    i.description = "test fixture: 1 point per mu, capped at 100";
    i.options = {{"veto_land_use",
                  siterank::OptionType::text_list,
                  std::vector<std::string>{"B29"},
                  "",
                  "land-use codes to veto",
                  -1e300,
                  1e300,
                  {}},
                 {"cap", siterank::OptionType::number, 100.0, "score", "score cap", 0, 100, {}}};
    i.parcel_fields = {"land_use"};
    return i;
  }
  void configure(const siterank::ProjectProfile&, const siterank::Options& o,
                 const siterank::ReferenceData&) override {
    veto_ = o.text_list("veto_land_use");
    cap_ = o.number("cap");
  }
  std::vector<siterank::FactorSpec> factors() const override {
    return {{"area_mu", "mu", "parcel area"}, {"capped", "flag", "1 when the cap applies"}};
  }
  void score(const siterank::ParcelBatch& b, const siterank::ReferenceData&,
             siterank::BatchResult& out) const override {
    for (std::size_t i = 0; i < b.size(); ++i) {
      const double mu = b.area_mu(i);
      out.set_score(i, std::min(cap_, mu));
      out.set_factor(i, 0, mu);
      out.set_factor(i, 1, mu > cap_ ? 1.0 : 0.0);
      if (std::find(veto_.begin(), veto_.end(), b.land_use(i)) != veto_.end())
        out.veto(i, "land use " + std::string(b.land_use(i)) + " not allowed");
    }
  }

 private:
  std::vector<std::string> veto_;
  double cap_ = 100;
};

}  // namespace

SITERANK_PLUGIN(FixtureArea)
