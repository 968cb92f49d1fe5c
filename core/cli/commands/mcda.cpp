// siterank mcda: the aggregation methods on a plain decision table (a CSV
// of alternatives by criteria), so a planner can check them against a
// spreadsheet or a textbook example.
#include <cmath>
#include <fstream>
#include <iostream>
#include <numeric>
#include <siterank/host/errors.hpp>

#include "commands/commands.hpp"
#include "common.hpp"
#include "config/profile_weighting.hpp"
#include "mcda/aggregation.hpp"
#include "mcda/ahp_json.hpp"
#include "mcda/decision_table.hpp"
#include "mcda/ranking_order.hpp"
#include "util/input_files.hpp"
#include "util/json_file.hpp"
#include "util/text_format.hpp"

namespace siterank::cli {

namespace {

mcda::DecisionTable read_table(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open the decision table");
  note_input_file(path);
  try {
    return mcda::read_decision_table(in, path);
  } catch (const std::invalid_argument& e) {
    throw InputError(e.what());
  }
}

// Criterion types from --types (benefit/cost per criterion), else the file.
void apply_types(const Args& a, mcda::DecisionTable& t) {
  if (!a.has("--types")) return;
  const auto types = a.list("--types");
  if (types.size() != t.criteria.size())
    throw UsageError("siterank mcda: --types has " + std::to_string(types.size()) +
                     " entries for " + std::to_string(t.criteria.size()) + " criteria");
  for (std::size_t c = 0; c < types.size(); ++c) {
    if (types[c] != "benefit" && types[c] != "cost")
      throw UsageError("siterank mcda: --types: '" + types[c] + "' is not benefit or cost");
    t.matrix.benefit[c] = types[c] == "benefit";
  }
}

// Weights from --weights, --ahp or the file's #weight row; normalised.
std::vector<double> weights_for(const Args& a, const mcda::DecisionTable& t,
                                const std::string& path) {
  if (a.has("--weights") && a.has("--ahp"))
    throw UsageError("siterank mcda: give --weights or --ahp, not both");
  std::vector<double> w = t.weights;
  std::string from = path + ": #weight";
  if (a.has("--weights")) {
    w = a.numbers("--weights");
    from = "--weights";
    if (w.size() != t.criteria.size())
      throw UsageError("siterank mcda: --weights has " + std::to_string(w.size()) +
                       " entries for " + std::to_string(t.criteria.size()) + " criteria");
  } else if (a.has("--ahp")) {
    const std::string m = a.get("--ahp");
    mcda::AhpSolution s;
    try {
      s = mcda::solve_ahp_json(read_json_file(m), "$");
    } catch (const std::invalid_argument& e) {
      throw InputError(m + ": " + e.what());
    }
    const mcda::AhpInput& in = s.input;
    const mcda::AhpResult& r = s.result;
    if (r.cr > mcda::ahp_cr_threshold)
      std::cerr << "warning: " << m << ": " << consistency_warning(r) << "\n";
    w.assign(t.criteria.size(), 0.0);
    for (std::size_t c = 0; c < t.criteria.size(); ++c) {
      std::size_t k = 0;
      while (k < in.criteria.size() && in.criteria[k] != t.criteria[c]) ++k;
      if (k == in.criteria.size())
        throw InputError(m + ": $.criteria: no criterion '" + t.criteria[c] + "' of " + path);
      w[c] = r.weights[k];
    }
    if (in.criteria.size() != t.criteria.size())
      throw InputError(m + ": $.criteria: " + std::to_string(in.criteria.size()) +
                       " criteria, the table has " + std::to_string(t.criteria.size()));
    from = m;
  }
  double sum = 0.0;
  for (std::size_t c = 0; c < w.size(); ++c) {
    if (std::isnan(w[c]))
      throw UsageError("siterank mcda: no weight for criterion '" + t.criteria[c] +
                       "': give a #weight row in " + path + ", --weights or --ahp");
    if (w[c] < 0) throw InputError(from + ": weight of '" + t.criteria[c] + "' is negative");
    sum += w[c];
  }
  if (!(sum > 0)) throw InputError(from + ": all weights are zero");
  for (double& x : w) x /= sum;
  return w;
}

mcda::AggregationSpec spec_for(const Args& a, std::size_t n_criteria) {
  mcda::AggregationSpec spec;
  try {
    spec.method = mcda::method_from_name(a.required("--method"));
    spec.normalisation = mcda::default_normalisation(spec.method);
    if (a.has("--normalisation"))
      spec.normalisation = mcda::normalisation_from_name(a.get("--normalisation"));
  } catch (const std::invalid_argument& e) {
    throw UsageError(std::string("siterank mcda: ") + e.what());
  }
  if (spec.method == mcda::Method::owa) {
    spec.order_weights = a.numbers("--order-weights");
    if (spec.order_weights.size() != n_criteria)
      throw UsageError("siterank mcda: owa needs --order-weights, one per criterion (" +
                       std::to_string(n_criteria) + "), for an alternative's best .. worst value");
    const double sum = std::accumulate(spec.order_weights.begin(), spec.order_weights.end(), 0.0);
    if (!(sum > 0)) throw UsageError("siterank mcda: --order-weights are all zero");
    for (double& v : spec.order_weights) v /= sum;
  } else if (a.has("--order-weights")) {
    throw UsageError("siterank mcda: --order-weights goes with --method owa");
  }
  return spec;
}

int cmd_mcda(const Args& a) {
  const std::string path = a.required("TABLE");
  const std::string format = a.get("--format", "table");
  if (format != "table" && format != "csv" && format != "json")
    throw UsageError("siterank mcda: unknown format '" + format + "' (table, csv, json)");
  mcda::DecisionTable t = read_table(path);
  apply_types(a, t);
  const std::vector<double> w = weights_for(a, t, path);
  const mcda::AggregationSpec spec = spec_for(a, t.criteria.size());
  std::vector<double> score;
  try {
    mcda::aggregate(t.matrix, w, spec, score);
  } catch (const std::invalid_argument& e) {
    throw InputError(path + ": " + e.what());
  }
  // Best first; equal scores in table order.
  std::vector<std::size_t> tie(t.alternatives.size());
  std::iota(tie.begin(), tie.end(), std::size_t{0});
  const std::vector<std::size_t> order = mcda::ranking(score, tie);
  const std::string norm(mcda::name(spec.normalisation));

  write_output(a, [&](std::ostream& out) {
    if (format == "json") {
      nlohmann::ordered_json j;
      j["table"] = path;
      j["method"] = std::string(mcda::name(spec.method));
      j["normalisation"] = norm;
      if (spec.method == mcda::Method::owa) j["order_weights"] = spec.order_weights;
      j["criteria"] = nlohmann::ordered_json::array();
      for (std::size_t c = 0; c < t.criteria.size(); ++c)
        j["criteria"].push_back({{"name", t.criteria[c]},
                                 {"type", t.matrix.benefit[c] ? "benefit" : "cost"},
                                 {"weight", w[c]}});
      j["alternatives"] = nlohmann::ordered_json::array();
      for (std::size_t i = 0; i < order.size(); ++i)
        j["alternatives"].push_back(
            {{"rank", i + 1}, {"name", t.alternatives[order[i]]}, {"score", score[order[i]]}});
      out << j.dump(1) << "\n";
      return;
    }
    if (format == "csv") {
      out << "rank,alternative,score\n";
      for (std::size_t i = 0; i < order.size(); ++i)
        out << i + 1 << "," << csv_quote(t.alternatives[order[i]]) << ","
            << format_fixed(score[order[i]], 6) << "\n";
      return;
    }
    out << path << ": " << t.alternatives.size() << " alternatives, " << t.criteria.size()
        << " criteria; method " << mcda::name(spec.method) << ", normalisation " << norm << "\n";
    for (std::size_t c = 0; c < t.criteria.size(); ++c)
      out << "  " << t.criteria[c] << " (" << (t.matrix.benefit[c] ? "benefit" : "cost")
          << ") weight " << format_fixed(w[c], 4) << "\n";
    if (spec.method == mcda::Method::owa) {
      out << "  order weights";
      for (double v : spec.order_weights) out << " " << format_fixed(v, 4);
      out << "\n";
    }
    std::size_t width = 11;
    for (const auto& n : t.alternatives) width = std::max(width, display_width(n));
    out << "\nrank  " << pad("alternative", width) << "  score\n";
    for (std::size_t i = 0; i < order.size(); ++i)
      out << pad(std::to_string(i + 1), 4, true) << "  " << pad(t.alternatives[order[i]], width)
          << "  " << format_fixed(score[order[i]], 6) << "\n";
  });
  return 0;
}

}  // namespace

Command mcda_command() {
  return {
      "siterank mcda --method wsum|wgm|owa|topsis TABLE.csv [--weights W,...] [--ahp FILE] "
      "[--types benefit|cost,...] [--normalisation N] [--order-weights V,...] [-f "
      "table|csv|json] [-o FILE]",
      "Ranks the rows of a decision table (CSV: a header row of criteria, optional #type and "
      "#weight rows, one row\n"
      "per alternative; docs/methods.md) with one of the aggregation methods profiles use, "
      "to check it against a\n"
      "spreadsheet or a textbook. Weights are normalised to sum 1; equal scores keep the "
      "table's order.",
      {help_opt,
       {"TABLE", "", true, false, "", "the decision table (CSV)"},
       {"--method", "", true, false, "M", "wsum, wgm, owa or topsis"},
       {"--weights", "", true, false, "W,...", "criterion weights (else the #weight row)"},
       {"--ahp", "", true, false, "FILE",
        "criterion weights from a pairwise-comparison matrix (see siterank weights)"},
       {"--types", "", true, false, "T,...", "benefit or cost per criterion (else #type)"},
       {"--normalisation", "", true, false, "N",
        "none (default; topsis: vector), linear_max, min_max, vector (topsis only)"},
       {"--order-weights", "", true, false, "V,...",
        "owa: one per criterion, for the best .. worst value"},
       {"--format", "-f", true, false, "FORMAT", "table (default), csv or json"},
       {"--output", "-o", true, false, "FILE", "write to FILE instead of stdout"}},
      cmd_mcda};
}

}  // namespace siterank::cli
