// Test fixture: misbehaves on one parcel as its options say: throws, returns
// NaN, returns a score out of range, or crashes (SIGSEGV, abort()). Used to check the host's
// messages.
#include <csignal>
#include <cstdlib>
#include <limits>
#include <siterank/sdk.hpp>
#include <stdexcept>

namespace {

class FixtureFaulty final : public siterank::Criterion {
 public:
  siterank::CriterionInfo describe() const override {
    siterank::CriterionInfo i;
    i.name = "fixture_faulty";
    i.version = "0.1.0";
    i.description = "test fixture: fails on one parcel";
    i.options = {
        {"mode",
         siterank::OptionType::text,
         std::string("none"),
         "",
         "how to fail",
         -1e300,
         1e300,
         {"none", "throw", "nan", "out_of_range", "throw_in_configure", "segfault", "abort"}},
        {"parcel",
         siterank::OptionType::text,
         std::string(""),
         "",
         "parcel id to fail on",
         -1e300,
         1e300,
         {}}};
    return i;
  }
  void configure(const siterank::ProjectProfile&, const siterank::Options& o,
                 const siterank::ReferenceData&) override {
    mode_ = o.text("mode");
    parcel_ = o.text("parcel");
    if (mode_ == "throw_in_configure") throw std::runtime_error("configure exploded on purpose");
  }
  std::vector<siterank::FactorSpec> factors() const override { return {}; }
  void score(const siterank::ParcelBatch& b, const siterank::ReferenceData&,
             siterank::BatchResult& out) const override {
    for (std::size_t i = 0; i < b.size(); ++i) {
      double s = 50.0;
      if (b.id(i) == parcel_) {
        if (mode_ == "throw") throw std::runtime_error("fixture failure on purpose");
        // A crash as a buggy plugin has it; raised rather than provoked, so
        // the sanitizers do not report it first.
        if (mode_ == "segfault") std::raise(SIGSEGV);
        if (mode_ == "abort") std::abort();
        if (mode_ == "nan") s = std::numeric_limits<double>::quiet_NaN();
        if (mode_ == "out_of_range") s = 150.0;
      }
      out.set_score(i, s);
    }
  }

 private:
  std::string mode_, parcel_;
};

}  // namespace

SITERANK_PLUGIN(FixtureFaulty)
