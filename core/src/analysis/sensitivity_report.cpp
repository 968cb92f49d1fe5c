// siterank/host/sensitivity.hpp: the analyses of `siterank sensitivity` on
// the cached decision matrix of analysis/parcel_sensitivity, as text and
// JSON.
#include <cmath>
#include <siterank/host/errors.hpp>
#include <siterank/host/sensitivity.hpp>
#include <sstream>

#include "analysis/contributions.hpp"
#include "analysis/parcel_sensitivity.hpp"
#include "util/text_format.hpp"

namespace siterank {

namespace {

struct Analysis {
  mcda::MonteCarloOptions options;
  mcda::MonteCarloResult mc;
  std::vector<mcda::WeightChange> top_two;  // per criterion
  std::optional<mcda::WeightChange> smallest;
  std::vector<mcda::Sweep> sweeps;
  std::size_t steps = 20;
};

std::string id_of(const RankedResult& result, const ParcelSensitivity& s, std::size_t row) {
  return std::string(result.parcel_table().id.at(s.parcel(row)));
}

void write_json(const RankedResult& result, const ParcelSensitivity& s, const Analysis& an,
                std::ostream& out) {
  const auto& r = result.scoring;
  nlohmann::ordered_json j;
  j["profile"] = result.profile.path;
  j["dataset"] = result.dataset.name;
  j["ranked"] = s.rows();
  j["aggregation"] = std::string(mcda::name(result.profile.aggregation.method));
  j["weights"] = nlohmann::ordered_json::object();
  for (std::size_t c = 0; c < result.criteria.size(); ++c)
    j["weights"][result.criteria[c].name] = s.weights()[c];
  j["monte_carlo"] = {{"samples", an.options.samples},
                      {"spread", an.options.spread},
                      {"seed", an.options.seed},
                      {"top_k", an.options.top_k},
                      {"distribution", "dirichlet, alpha_i = w_i (1/spread^2 - 1)"}};
  nlohmann::ordered_json leaders = nlohmann::ordered_json::array();
  for (const auto& t : an.mc.tracked)
    leaders.push_back({{"rank", t.base_rank},
                       {"parcel_id", id_of(result, s, t.alternative)},
                       {"score", r.total[s.parcel(t.alternative)]},
                       {"p_top_k", an.mc.p_top_k(t.alternative)},
                       {"rank_min", t.rank_min},
                       {"rank_max", t.rank_max},
                       {"rank_median", t.rank_median}});
  j["leaders"] = leaders;
  if (s.rows() >= 2) {
    nlohmann::ordered_json changes = nlohmann::ordered_json::array();
    for (const auto& c : an.top_two) changes.push_back(weight_change_json(result, c));
    j["top_two"] = {{"first", id_of(result, s, 0)},
                    {"second", id_of(result, s, 1)},
                    {"margin", r.total[s.parcel(0)] - r.total[s.parcel(1)]},
                    {"per_criterion", changes},
                    {"smallest", an.smallest ? weight_change_json(result, *an.smallest)
                                             : nlohmann::ordered_json(nullptr)}};
  }
  nlohmann::ordered_json sweeps = nlohmann::ordered_json::array();
  for (const auto& sw : an.sweeps) {
    nlohmann::ordered_json lead = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < sw.weight.size(); ++i)
      lead.push_back({{"weight", sw.weight[i]}, {"leader", id_of(result, s, sw.leader[i])}});
    sweeps.push_back({{"criterion", result.criteria[sw.criterion].name},
                      {"weight", s.weights()[sw.criterion]},
                      {"leader_stays_first", {sw.stable_low, sw.stable_high}},
                      {"steps", lead}});
  }
  j["one_at_a_time"] = sweeps;
  out << j.dump(1) << "\n";
}

void write_text(const RankedResult& result, const ParcelSensitivity& s, const Analysis& an,
                std::ostream& out) {
  const auto& r = result.scoring;
  out << result.profile.name << " on " << result.dataset.name << ": " << s.rows()
      << " ranked parcels; score = " << aggregation_formula(result.profile.aggregation)
      << "\nweights:";
  for (std::size_t c = 0; c < result.criteria.size(); ++c)
    out << " " << result.criteria[c].name << " " << format_fixed(s.weights()[c], 3);
  out << "\n\nMonte Carlo: " << an.options.samples
      << " weight sets from a Dirichlet distribution around these weights, spread "
      << format_fixed(an.options.spread, 3) << " (a weight w varies with sd spread*sqrt(w(1-w))), "
      << "seed " << an.options.seed << "\n\n";
  const std::string p_col = "p_top" + std::to_string(an.options.top_k);
  std::size_t width = 6;
  for (const auto& t : an.mc.tracked)
    width = std::max(width, display_width(id_of(result, s, t.alternative)));
  out << "rank  " << pad("parcel", width) << "   score  " << pad(p_col, 8, true)
      << "  rank range  median\n";
  for (const auto& t : an.mc.tracked) {
    out << pad(std::to_string(t.base_rank), 4, true) << "  "
        << pad(id_of(result, s, t.alternative), width) << "  "
        << pad(format_fixed(r.total[s.parcel(t.alternative)], 2), 6, true) << "  "
        << pad(format_fixed(an.mc.p_top_k(t.alternative), 3), 8, true) << "  "
        << pad(std::to_string(t.rank_min) + "-" + std::to_string(t.rank_max), 10, true) << "  "
        << pad(format_fixed(t.rank_median, 1), 6, true) << "\n";
  }
  if (s.rows() >= 2) {
    out << "\ntop two: " << id_of(result, s, 0) << " ahead of " << id_of(result, s, 1) << " by "
        << format_fixed(r.total[s.parcel(0)] - r.total[s.parcel(1)], 4) << "\n";
    if (an.smallest)
      out << "  smallest single-weight change that swaps them: "
          << weight_change_text(result, *an.smallest) << "\n";
    else
      out << "  no change of a single weight swaps them\n";
    for (const auto& c : an.top_two)
      out << "  "
          << (std::isnan(c.new_weight)
                  ? result.criteria[c.criterion].name + ": no weight in [0, 1] swaps them"
                  : weight_change_text(result, c))
          << "\n";
  }
  if (!an.sweeps.empty() && s.rows() >= 1) {
    out << "\none weight at a time from 0 to 1 (the others rescaled in proportion), " << an.steps
        << " steps: " << id_of(result, s, 0) << " stays first while\n";
    for (const auto& sw : an.sweeps) {
      out << "  " << pad(result.criteria[sw.criterion].name, 14) << " weight "
          << format_fixed(s.weights()[sw.criterion], 3) << " is in ["
          << format_fixed(sw.stable_low, 3) << ", " << format_fixed(sw.stable_high, 3)
          << "]; first along the sweep:";
      // Runs of equal leaders along the grid.
      for (std::size_t i = 0; i < sw.weight.size();) {
        std::size_t k = i;
        while (k + 1 < sw.weight.size() && sw.leader[k + 1] == sw.leader[i]) ++k;
        out << " " << format_fixed(sw.weight[i], 2) << "-" << format_fixed(sw.weight[k], 2) << " "
            << id_of(result, s, sw.leader[i]) << (k + 1 < sw.weight.size() ? "," : "");
        i = k + 1;
      }
      out << "\n";
    }
  }
}

}  // namespace

SensitivityReport sensitivity_report(const RankedResult& result,
                                     const SensitivityOptions& options) {
  if (result.scoring.ranking.empty())
    throw InputError(result.profile.path + ": every parcel is vetoed; nothing to analyse");
  Analysis an;
  an.options = options.monte_carlo;
  an.steps = options.steps;
  const ParcelSensitivity s(result);
  an.mc = s.monte_carlo(an.options);
  if (s.rows() >= 2) {
    an.top_two = s.reversal_changes(1, 2);
    an.smallest = mcda::smallest_change(an.top_two);
  }
  an.sweeps = s.sweeps(an.steps);
  SensitivityReport report;
  std::ostringstream text, json;
  write_text(result, s, an, text);
  write_json(result, s, an, json);
  report.text = text.str();
  report.json = json.str();
  return report;
}

}  // namespace siterank
