// siterank weights: criterion weights from a pairwise-comparison matrix
// (AHP) or from an importance order, on their own, so a planner can check
// them against a textbook or a spreadsheet before putting them in a profile.
#include <iostream>
#include <siterank/host/errors.hpp>

#include "commands/commands.hpp"
#include "common.hpp"
#include "config/profile_weighting.hpp"
#include "mcda/ahp_json.hpp"
#include "mcda/weighting.hpp"
#include "util/json_file.hpp"
#include "util/text_format.hpp"

namespace siterank::cli {

namespace {

nlohmann::ordered_json ri_json(const mcda::RandomIndexTable& t) {
  return {{"name", t.name}, {"source", t.source}, {"values", t.values}};
}

int ahp_weights(const Args& a) {
  const std::string path = a.get("--ahp");
  mcda::AhpSolution s;
  try {
    s = mcda::solve_ahp_json(read_json_file(path), "$", a.get("--random-index"));
  } catch (const std::invalid_argument& e) {
    throw InputError(path + ": " + e.what());
  }
  const mcda::AhpInput& in = s.input;
  const mcda::AhpResult& r = s.result;
  const mcda::RandomIndexTable* table = s.table;
  const bool inconsistent = r.cr > mcda::ahp_cr_threshold;
  const std::string warning = path + ": " + consistency_warning(r);
  if (inconsistent && a.has("--strict")) throw InputError(warning + " (an error with --strict)");
  write_output(a, [&](std::ostream& out) {
    if (a.has("--json")) {
      nlohmann::ordered_json j;
      j["method"] = "ahp";
      j["file"] = path;
      j["criteria"] = nlohmann::ordered_json::array();
      for (std::size_t i = 0; i < in.criteria.size(); ++i)
        j["criteria"].push_back({{"name", in.criteria[i]}, {"weight", r.weights[i]}});
      j["lambda_max"] = r.lambda_max;
      j["ci"] = r.ci;
      j["ri"] = r.ri;
      j["cr"] = r.cr;
      j["consistent"] = !inconsistent;
      j["random_index"] = ri_json(*table);
      out << j.dump(1) << "\n";
      return;
    }
    out << "AHP weights (principal eigenvector) of " << path << "\n\n";
    std::size_t width = 9;
    for (const auto& c : in.criteria) width = std::max(width, display_width(c));
    out << pad("criterion", width) << "  weight\n";
    for (std::size_t i = 0; i < in.criteria.size(); ++i)
      out << pad(in.criteria[i], width) << "  " << format_fixed(r.weights[i], 4) << "\n";
    out << "\nlambda_max " << format_fixed(r.lambda_max, 4) << "  CI " << format_fixed(r.ci, 4)
        << "  RI " << format_fixed(r.ri, 4) << "  CR " << format_fixed(r.cr, 4)
        << (inconsistent ? "  (above 0.1: inconsistent)" : "  (at most 0.1: acceptable)") << "\n";
    out << "random index table '" << table->name << "': " << table->source << "\n  n:  ";
    for (std::size_t n = 1; n <= table->values.size(); ++n)
      out << " " << pad(std::to_string(n), 6, true);
    out << "\n  RI: ";
    for (double v : table->values) out << " " << pad(format_fixed(v, 4), 6, true);
    out << "\n";
  });
  if (inconsistent) std::cerr << "warning: " << warning << "\n";
  return 0;
}

// "industry_fit,land,talent=transport": most important first, '=' ties.
int order_weights(const Args& a) {
  std::vector<std::string> names;
  std::vector<int> ranks;
  int rank = 0;
  for (const auto& group : a.list("--order")) {
    ++rank;
    std::size_t start = 0;
    while (true) {
      const std::size_t eq = group.find('=', start);
      const std::string name =
          group.substr(start, eq == std::string::npos ? std::string::npos : eq - start);
      if (name.empty())
        throw UsageError("siterank weights: --order: empty criterion name in '" + a.get("--order") +
                         "'");
      for (const auto& n : names)
        if (n == name)
          throw UsageError("siterank weights: --order: criterion '" + name + "' named twice");
      names.push_back(name);
      ranks.push_back(rank);
      if (eq == std::string::npos) break;
      start = eq + 1;
    }
  }
  std::vector<mcda::RankWeighting> methods{mcda::RankWeighting::rank_sum,
                                           mcda::RankWeighting::rank_reciprocal,
                                           mcda::RankWeighting::rank_order_centroid};
  if (const std::string m = a.get("--method", "all"); m != "all") {
    try {
      methods = {mcda::rank_weighting_from_name(m)};
    } catch (const std::invalid_argument& e) {
      throw UsageError(std::string("siterank weights: --method: ") + e.what());
    }
  }
  std::vector<std::vector<double>> w;
  for (const auto method : methods) w.push_back(mcda::rank_weights(method, ranks));
  write_output(a, [&](std::ostream& out) {
    if (a.has("--json")) {
      nlohmann::ordered_json j = nlohmann::ordered_json::array();
      for (std::size_t k = 0; k < methods.size(); ++k) {
        nlohmann::ordered_json mj{{"method", std::string(mcda::name(methods[k]))},
                                  {"criteria", nlohmann::ordered_json::array()}};
        for (std::size_t i = 0; i < names.size(); ++i)
          mj["criteria"].push_back({{"name", names[i]}, {"rank", ranks[i]}, {"weight", w[k][i]}});
        j.push_back(mj);
      }
      out << j.dump(1) << "\n";
      return;
    }
    std::size_t width = 9;
    for (const auto& c : names) width = std::max(width, display_width(c));
    out << pad("criterion", width) << "  rank";
    for (const auto method : methods) out << "  " << pad(std::string(mcda::name(method)), 19, true);
    out << "\n";
    for (std::size_t i = 0; i < names.size(); ++i) {
      out << pad(names[i], width) << "  " << pad(std::to_string(ranks[i]), 4, true);
      for (std::size_t k = 0; k < methods.size(); ++k)
        out << "  " << pad(format_fixed(w[k][i], 4), 19, true);
      out << "\n";
    }
  });
  return 0;
}

int cmd_weights(const Args& a) {
  if (a.has("--ahp") == a.has("--order"))
    throw UsageError("siterank weights: give either --ahp MATRIX.json or --order CRITERIA");
  if (a.has("--ahp")) {
    if (a.has("--method"))
      throw UsageError("siterank weights: --method goes with --order (AHP has one method)");
    return ahp_weights(a);
  }
  if (a.has("--random-index") || a.has("--strict"))
    throw UsageError("siterank weights: --random-index and --strict go with --ahp");
  return order_weights(a);
}

}  // namespace

Command weights_command() {
  return {
      "siterank weights (--ahp MATRIX.json [--random-index saaty|alonso_lamata] [--strict] | "
      "--order A,B=C,... [--method M]) [--json] [-o FILE]",
      "Derives criterion weights on their own, to check them against a textbook or a "
      "spreadsheet before they go\n"
      "into a profile's $.weighting (docs/methods.md). --ahp: the principal-eigenvector "
      "weights of a pairwise-\n"
      "comparison matrix ({\"criteria\": [...], \"matrix\": [[...]]}, entries numbers or "
      "\"a/b\"), lambda_max, CI, the\n"
      "random index RI from the named table (printed) and CR = CI/RI; CR above 0.1 is a "
      "warning, an error (exit 3)\n"
      "with --strict. --order: rank-sum, rank-reciprocal and rank-order-centroid weights of "
      "an importance order,\n"
      "most important first, '=' between criteria that tie.",
      {help_opt,
       {"--ahp", "", true, false, "FILE", "pairwise-comparison matrix (JSON)"},
       {"--random-index", "", true, false, "TABLE",
        "random-index table: saaty (default, or the file's random_index) or alonso_lamata"},
       {"--strict", "", false, false, "", "a consistency ratio above 0.1 is an error"},
       {"--order", "", true, false, "A,B=C,...",
        "criteria by importance, most important first; '=' ties"},
       {"--method", "", true, false, "M",
        "with --order: rank_sum, rank_reciprocal, rank_order_centroid or all (default)"},
       {"--json", "", false, false, "", "machine-readable output"},
       {"--output", "-o", true, false, "FILE", "write to FILE instead of stdout"}},
      cmd_weights};
}

}  // namespace siterank::cli
