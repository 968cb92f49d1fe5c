// What a criterion returns for a batch of parcels: a score in [0, 100] each,
// an optional veto with a reason, and the values of the named factors that
// explain the score. Storage belongs to the host. Standard library only.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace siterank {

// A factor the criterion reports for every parcel, declared once.
struct FactorSpec {
  std::string name;         // "area_fit", "nearest_interchange_m" ...
  std::string unit;         // "score", "m", "万元/亩" ... ("feature" for a feature factor)
  std::string description;  // how it is measured, with the value function in use
  // A feature factor: its value is the index of a feature of the reference
  // layer with this role (NaN: none), e.g. the rail hub a trip time is to.
  // The host shows the feature's name in explanations, JSON, KML and the
  // report, so the plugin need not build per-parcel text. See feature_factor().
  std::string feature_role = {};
};

// The factor naming which feature of `role` another factor measures.
inline FactorSpec feature_factor(std::string name, std::string role, std::string description) {
  return {std::move(name), "feature", std::move(description), std::move(role)};
}

struct Veto {
  std::size_t parcel = 0;  // index local to the batch
  std::string reason;      // one line a planner can read: "land use B29 not allowed for a factory"
};

class BatchResult {
 public:
  BatchResult(std::span<double> scores, std::span<double> factors, std::size_t factor_count,
              std::vector<Veto>& vetoes)
      : scores_(scores), factors_(factors), nf_(factor_count), vetoes_(&vetoes) {}

  std::size_t size() const { return scores_.size(); }
  std::size_t factor_count() const { return nf_; }

  // Every parcel must get a finite score in [0, 100], vetoed ones too.
  void set_score(std::size_t i, double score) { scores_[i] = score; }
  // Factor values may be NaN for "not applicable".
  void set_factor(std::size_t i, std::size_t factor, double value) {
    factors_[i * nf_ + factor] = value;
  }
  void veto(std::size_t i, std::string reason) { vetoes_->push_back({i, std::move(reason)}); }

 private:
  std::span<double> scores_;
  std::span<double> factors_;
  std::size_t nf_;
  std::vector<Veto>* vetoes_;
};

}  // namespace siterank
