#include "analysis/explanation.hpp"

#include <cmath>
#include <siterank/host/errors.hpp>
#include <siterank/parcels.hpp>
#include <sstream>

#include "analysis/contributions.hpp"
#include "analysis/feature_factor.hpp"
#include "analysis/parcel_reasons.hpp"
#include "analysis/parcel_sensitivity.hpp"
#include "util/rounded_json.hpp"
#include "util/text_format.hpp"

namespace siterank {

std::optional<std::size_t> find_parcel(const RankedResult& result, std::string_view id) {
  const auto& ids = result.parcel_table().id;
  for (std::size_t i = 0; i < ids.size(); ++i)
    if (ids.at(i) == id) return i;
  return std::nullopt;
}

std::size_t require_parcel(const RankedResult& result, const std::string& id) {
  if (const auto p = find_parcel(result, id)) return *p;
  if (const SkippedParcel* s = result.dataset.report.skipped_parcel(id))
    throw InputError("parcel '" + id + "' was skipped while loading: " + s->message);
  throw InputError("no parcel '" + id + "' in " + result.dataset.manifest_path);
}

nlohmann::ordered_json parcel_explanation(const RankedResult& result, std::size_t p) {
  const ParcelTable& t = result.parcel_table();
  const auto& r = result.scoring;
  nlohmann::ordered_json j;
  j["parcel_id"] = std::string(t.id.at(p));
  if (!t.name.at(p).empty()) j["name"] = std::string(t.name.at(p));
  j["platform"] = std::string(t.platform.at(p));
  j["district"] = std::string(t.district.at(p));
  j["land_use"] = std::string(t.land_use.at(p));
  j["status"] = std::string(t.status.at(p));
  j["area_m2"] = rounded(t.area_m2[p], 1);
  j["area_mu"] = rounded(t.area_m2[p] / m2_per_mu, 2);
  const bool vetoed = r.rank_of[p] == 0;
  j["vetoed"] = vetoed;
  j["rank"] = vetoed ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.rank_of[p]);
  j["score"] = rounded(r.total[p]);
  if (result.p_topk.has_value()) j["p_topk"] = rounded(result.p_topk->share[p]);
  if (vetoed) {
    nlohmann::ordered_json vetoes = nlohmann::ordered_json::array();
    for (const VetoEntry& v : r.vetoes_of(p))
      vetoes.push_back({{"criterion", v.by}, {"reason", v.reason}});
    j["vetoes"] = vetoes;
  }
  nlohmann::ordered_json criteria = nlohmann::ordered_json::array();
  const std::vector<double> parts = parcel_contributions(result, p);
  for (std::size_t c = 0; c < result.criteria.size(); ++c) {
    const auto& ec = result.criteria[c];
    const double s = r.scores[c].scores[p];
    nlohmann::ordered_json cj;
    cj["criterion"] = ec.name;
    cj["score"] = rounded(s);
    cj["weight"] = rounded(ec.weight);
    cj["contribution"] = parts.empty() ? nlohmann::ordered_json(nullptr) : rounded(parts[c]);
    nlohmann::ordered_json factors = nlohmann::ordered_json::array();
    const std::size_t nf = ec.factors.size();
    for (std::size_t f = 0; f < nf; ++f) {
      const double v = r.scores[c].factors[p * nf + f];
      nlohmann::ordered_json fj{{"name", ec.factors[f].name},
                                {"value", rounded(v)},
                                {"unit", ec.factors[f].unit},
                                {"description", ec.factors[f].description}};
      if (const auto feature = factor_feature(result, ec.factors[f], v))
        fj["feature"] = {{"role", feature->role},
                         {"layer", feature->layer},
                         {"index", feature->index},
                         {"name", feature->name}};
      factors.push_back(std::move(fj));
    }
    cj["factors"] = factors;
    criteria.push_back(cj);
  }
  j["criteria"] = criteria;
  j["reasons"] = parcel_reasons(result, p);
  return j;
}

namespace {

nlohmann::ordered_json change_json(const RankedResult& result,
                                   const std::optional<mcda::WeightChange>& c) {
  return c ? weight_change_json(result, *c) : nullptr;
}

std::string change_text(const RankedResult& result, const std::optional<mcda::WeightChange>& c) {
  if (!c) return "no change of a single weight reverses the pair";
  return weight_change_text(result, *c) + ", the others rescaled, reverses the pair";
}

}  // namespace

nlohmann::ordered_json ranking_neighbours(const RankedResult& result, std::size_t p) {
  const ParcelTable& t = result.parcel_table();
  const auto& r = result.scoring;
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  const std::size_t rank = r.rank_of[p];
  if (rank == 0) return j;
  const ParcelSensitivity s(result);
  auto neighbour = [&](std::size_t other) {
    const std::size_t o = r.rank_of[other];
    return nlohmann::ordered_json{
        {"rank", o},
        {"parcel_id", std::string(t.id.at(other))},
        {"score", rounded(r.total[other])},
        {"gap", rounded(r.total[other] - r.total[p])},
        {"reversing_weight_change",
         change_json(result, o < rank ? s.reversal(o, rank) : s.reversal(rank, o))}};
  };
  j["ranked"] = r.ranking.size();
  j["above"] = rank > 1 ? neighbour(r.ranking[rank - 2]) : nlohmann::ordered_json(nullptr);
  j["below"] =
      rank < r.ranking.size() ? neighbour(r.ranking[rank]) : nlohmann::ordered_json(nullptr);
  return j;
}

std::string explanation_json(const RankedResult& result, std::size_t p) {
  nlohmann::ordered_json j = parcel_explanation(result, p);
  j["neighbours"] = ranking_neighbours(result, p);
  return j.dump(1) + "\n";
}

std::string explanation_text(const RankedResult& result, std::size_t p) {
  const ParcelTable& t = result.parcel_table();
  const auto& r = result.scoring;
  std::ostringstream s;
  s << "parcel " << t.id.at(p);
  if (!t.name.at(p).empty()) s << " (" << t.name.at(p) << ")";
  s << ":";
  for (std::string_view part : {t.platform.at(p), t.district.at(p)})
    if (!part.empty()) s << " " << part << ",";
  if (!t.land_use.at(p).empty()) s << " land use " << t.land_use.at(p) << ",";
  if (!t.status.at(p).empty()) s << " status " << t.status.at(p) << ",";
  s << " " << format_fixed(t.area_m2[p] / m2_per_mu, 2) << " 亩 (" << format_fixed(t.area_m2[p], 0)
    << " m²)\n";
  const bool vetoed = r.rank_of[p] == 0;
  if (vetoed) {
    s << "VETOED, not ranked:\n";
    for (const VetoEntry& v : r.vetoes_of(p)) s << "  " << v.by << ": " << v.reason << "\n";
  } else {
    s << "rank " << r.rank_of[p] << " of " << r.ranking.size() << ", score "
      << format_fixed(r.total[p], 2) << " = " << aggregation_formula(result.profile.aggregation)
      << "\n";
  }
  s << "\n";
  const std::vector<double> parts = parcel_contributions(result, p);
  for (std::size_t c = 0; c < result.criteria.size(); ++c) {
    const auto& ec = result.criteria[c];
    const double sc = r.scores[c].scores[p];
    s << pad(ec.name, 14) << " score " << pad(format_fixed(sc, 2), 6, true) << "  weight "
      << pad(format_fixed(ec.weight, 3), 5, true);
    if (!parts.empty()) s << "  contribution " << pad(format_fixed(parts[c], 2), 6, true);
    s << "\n";
    const std::size_t nf = ec.factors.size();
    for (std::size_t f = 0; f < nf; ++f) {
      const double v = r.scores[c].factors[p * nf + f];
      const auto feature = factor_feature(result, ec.factors[f], v);
      s << "    " << pad(ec.factors[f].name, 28)
        << pad(feature         ? feature->name
               : std::isnan(v) ? "n/a"
                               : format_fixed(v, 2),
               12, true)
        << " " << pad(ec.factors[f].unit, 8) << "  " << ec.factors[f].description << "\n";
    }
  }
  if (!vetoed) {
    s << "\n";
    const std::size_t rank = r.rank_of[p];
    const ParcelSensitivity sens(result);
    if (rank > 1) {
      const std::size_t a = r.ranking[rank - 2];
      s << "above: #" << rank - 1 << " " << t.id.at(a) << " scores " << format_fixed(r.total[a], 2)
        << ", " << format_fixed(r.total[a] - r.total[p], 2) << " more; "
        << change_text(result, sens.reversal(rank - 1, rank)) << "\n";
    } else {
      s << "above: none, this parcel ranks first\n";
    }
    if (rank < r.ranking.size()) {
      const std::size_t b = r.ranking[rank];
      s << "below: #" << rank + 1 << " " << t.id.at(b) << " scores " << format_fixed(r.total[b], 2)
        << ", " << format_fixed(r.total[p] - r.total[b], 2) << " less; "
        << change_text(result, sens.reversal(rank, rank + 1)) << "\n";
    } else {
      s << "below: none, this parcel ranks last\n";
    }
  }
  return s.str();
}

}  // namespace siterank
