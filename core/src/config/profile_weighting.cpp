#include "config/profile_weighting.hpp"

#include <algorithm>
#include <cmath>
#include <siterank/host/errors.hpp>
#include <stdexcept>

#include "analysis/contributions.hpp"
#include "mcda/ahp_json.hpp"
#include "util/text_format.hpp"

namespace siterank {

namespace {

// The sum of v / max(v): relative weights as large as 1e308 would overflow
// a plain sum to infinity and every weight to 0; scaled first, they keep
// their ratios. 0 when v is empty or all zero.
double scaled_sum(const std::vector<double>& v) {
  if (v.empty()) return 0.0;
  const double top = *std::max_element(v.begin(), v.end());
  if (!(top > 0)) return 0.0;
  double sum = 0.0;
  for (double x : v) sum += x / top;
  return sum;
}

[[noreturn]] void fail(const std::string& path, const std::string& where, const std::string& what) {
  throw InputError(path + ": " + where + ": " + what);
}

void direct_weights(const nlohmann::json& doc, const std::string& path, ProfileMethods& out) {
  if (!doc.contains("weights"))
    fail(path, "$", "missing key 'weights' (or give $.weighting a method that derives them)");
  for (const auto& [name, w] : doc["weights"].items()) {
    const double v = w.get<double>();
    if (!std::isfinite(v)) fail(path, "$.weights." + name, "weight must be finite");
    out.raw_weights[name] = v;
  }
}

void rank_weights(const nlohmann::json& wj, const std::string& path, mcda::RankWeighting method,
                  ProfileMethods& out) {
  if (!wj.contains("ranks"))
    fail(path, "$.weighting",
         "method '" + out.weighting.method + "' needs 'ranks' (criterion -> 1, 2, ...)");
  std::vector<std::string> names;
  std::vector<int> ranks;
  for (const auto& [name, r] : wj["ranks"].items()) {
    names.push_back(name);
    ranks.push_back(r.get<int>());
    out.weighting.ranks[name] = ranks.back();
    out.raw_weights[name] = ranks.back();
  }
  const auto w = mcda::rank_weights(method, ranks);
  for (std::size_t i = 0; i < names.size(); ++i) out.weights[names[i]] = w[i];
}

void ahp_weights(const nlohmann::json& wj, const std::string& path, ProfileMethods& out) {
  mcda::AhpSolution s;
  try {
    s = mcda::solve_ahp_json(wj, "$.weighting");
  } catch (const std::invalid_argument& e) {
    throw InputError(path + ": " + e.what());
  }
  out.weighting.ahp_criteria = s.input.criteria;
  out.weighting.ahp_matrix = s.input.matrix;
  out.weighting.ahp = s.result;
  for (std::size_t i = 0; i < s.input.criteria.size(); ++i) {
    out.weights[s.input.criteria[i]] = s.result.weights[i];
    out.raw_weights[s.input.criteria[i]] = s.result.weights[i];
  }
  if (s.result.cr > mcda::ahp_cr_threshold)
    out.warnings.push_back(path + ": $.weighting.matrix: " + consistency_warning(s.result));
}

void aggregation(const nlohmann::json& doc, const std::string& path, ProfileMethods& out) {
  auto& spec = out.aggregation;
  if (!doc.contains("aggregation")) return;
  const auto& aj = doc["aggregation"];
  spec.method = mcda::method_from_name(aj["method"].get<std::string>());
  spec.normalisation = mcda::default_normalisation(spec.method);
  if (aj.contains("normalisation")) {
    if (spec.method != mcda::Method::topsis)
      fail(path, "$.aggregation.normalisation",
           "only topsis normalises criterion scores (they are all on 0..100 already)");
    spec.normalisation = mcda::normalisation_from_name(aj["normalisation"].get<std::string>());
  }
  const std::size_t n = out.weights.size();
  if (spec.method == mcda::Method::owa) {
    if (!aj.contains("order_weights"))
      fail(path, "$.aggregation", "method 'owa' needs 'order_weights', one per criterion");
    const auto v = aj["order_weights"].get<std::vector<double>>();
    if (v.size() != n)
      fail(path, "$.aggregation.order_weights",
           std::to_string(v.size()) + " order weights for " + std::to_string(n) +
               " criteria; give one per criterion, for a parcel's best .. worst score");
    const double sum = scaled_sum(v);
    if (!(sum > 0)) fail(path, "$.aggregation.order_weights", "all order weights are zero");
    const double top = *std::max_element(v.begin(), v.end());
    for (double x : v) spec.order_weights.push_back(x / top / sum);
  } else if (aj.contains("order_weights")) {
    fail(path, "$.aggregation.order_weights", "only method 'owa' takes order weights");
  }
}

}  // namespace

ProfileMethods parse_profile_methods(const nlohmann::json& doc, const std::string& path) {
  ProfileMethods out;
  const nlohmann::json none = {{"method", "direct"}};
  const nlohmann::json& wj = doc.contains("weighting") ? doc["weighting"] : none;
  out.weighting.method = wj["method"].get<std::string>();
  const std::string& m = out.weighting.method;
  for (const char* key : {"ranks", "criteria", "matrix", "random_index"}) {
    const bool wanted = std::string(key) == "ranks" ? (m != "direct" && m != "ahp") : m == "ahp";
    if (wj.contains(key) && !wanted)
      fail(path, std::string("$.weighting.") + key, "not used by method '" + m + "'");
  }
  if (m != "direct" && doc.contains("weights"))
    fail(path, "$.weights",
         "the weights come from $.weighting (method '" + m +
             "'); remove $.weights, or set $.weighting.method to 'direct'");

  if (m == "direct") {
    direct_weights(doc, path, out);
  } else if (m == "ahp") {
    ahp_weights(wj, path, out);
  } else {
    rank_weights(wj, path, mcda::rank_weighting_from_name(m), out);
  }

  if (m == "direct") {
    std::vector<double> raw;
    for (const auto& [name, w] : out.raw_weights) raw.push_back(w);
    const double sum = scaled_sum(raw);
    if (!(sum > 0))
      fail(path, "$.weights",
           "all weights are zero; give at least one criterion a positive weight");
    const double top = *std::max_element(raw.begin(), raw.end());
    for (const auto& [name, w] : out.raw_weights) out.weights[name] = w / top / sum;
  }
  aggregation(doc, path, out);
  return out;
}

nlohmann::ordered_json methods_json(const WeightingRecord& w, const mcda::AggregationSpec& a) {
  nlohmann::ordered_json wj;
  wj["method"] = w.method;
  if (!w.ranks.empty()) wj["ranks"] = w.ranks;
  if (w.method == "ahp") {
    wj["criteria"] = w.ahp_criteria;
    wj["lambda_max"] = w.ahp.lambda_max;
    wj["ci"] = w.ahp.ci;
    wj["ri"] = w.ahp.ri;
    wj["cr"] = w.ahp.cr;
    wj["random_index_table"] = w.ahp.ri_table;
    wj["random_index_source"] = mcda::random_index_table(w.ahp.ri_table).source;
  }
  nlohmann::ordered_json aj;
  aj["method"] = std::string(mcda::name(a.method));
  if (a.method == mcda::Method::topsis)
    aj["normalisation"] = std::string(mcda::name(a.normalisation));
  if (a.method == mcda::Method::owa) aj["order_weights"] = a.order_weights;
  return {{"weighting", wj}, {"aggregation", aj}, {"formula", aggregation_formula(a)}};
}

std::string consistency_warning(const mcda::AhpResult& r) {
  return "consistency ratio " + format_fixed(r.cr, 3) + " is above " +
         format_fixed(mcda::ahp_cr_threshold, 1) + " (CI " + format_fixed(r.ci, 3) + ", RI " +
         format_fixed(r.ri, 2) + " from the '" + r.ri_table + "' table): revise the judgements";
}

}  // namespace siterank
