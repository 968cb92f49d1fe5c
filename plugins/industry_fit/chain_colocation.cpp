#include "chain_colocation.hpp"

#include <cmath>
#include <cstdlib>

namespace siterank::plugins {

ChainPosition parse_chain_position(std::string_view s) {
  if (s == "upstream") return ChainPosition::upstream;
  if (s == "midstream") return ChainPosition::midstream;
  if (s == "downstream") return ChainPosition::downstream;
  return ChainPosition::unknown;
}

double position_weight(ChainPosition project, ChainPosition firm, const ChainSettings& s) {
  if (project == ChainPosition::unknown || firm == ChainPosition::unknown)
    return s.unknown_position_weight;
  switch (std::abs(static_cast<int>(project) - static_cast<int>(firm))) {
    case 0:
      return s.same_position_weight;
    case 1:
      return s.adjacent_position_weight;
    default:
      return s.distant_position_weight;
  }
}

bool is_chain_leader(const ReferenceLayer& firms, std::size_t feature) {
  const AttributeColumn* c = firms.attribute("chain_leader");
  if (!c) return false;
  if (c->kind == AttributeColumn::Kind::number) {
    const double v = c->number(feature);
    return !is_missing(v) && v != 0.0;
  }
  const std::string_view t = c->text(feature);
  return t == "1" || t == "true" || t == "yes" || t == "TRUE" || t == "Yes" || t == "是";
}

ChainColocation chain_colocation(const ReferenceLayer& firms, const std::vector<Hit>& hits,
                                 const IndustryRelations& relations, ChainPosition project,
                                 const ChainSettings& s) {
  ChainColocation out;
  out.nearest_m = hits.empty() ? missing : hits.front().distance_m;  // hits come sorted
  for (const Hit& hit : hits) {
    bool same = false;
    for (std::string_view code : split_codes(firms.text("industry", hit.feature)))
      same = same || code == relations.industry();
    const bool leader = is_chain_leader(firms, hit.feature);
    const ChainPosition position = parse_chain_position(firms.text("chain_position", hit.feature));

    (same ? out.same_industry_firms : out.related_industry_firms) += 1;
    out.chain_leaders += leader ? 1 : 0;
    if (project != ChainPosition::unknown && position != ChainPosition::unknown &&
        std::abs(static_cast<int>(project) - static_cast<int>(position)) == 1)
      out.adjacent_position_firms += 1;

    out.mass += (same ? 1.0 : s.related_firm_weight) * s.distance_decay(hit.distance_m) / 100.0 *
                (leader ? s.chain_leader_weight : 1.0) * position_weight(project, position, s);
  }
  out.score = 100.0 * (1.0 - std::exp(-out.mass / s.saturation));
  return out;
}

AttributeFilter chain_filter(const IndustryRelations& relations, const ChainSettings& s) {
  AttributeFilter f;
  f.field = "industry";
  f.any_of.push_back(relations.industry());
  if (s.related_firm_weight > 0.0)
    for (const auto& code : relations.related()) f.any_of.push_back(code);
  return f;
}

}  // namespace siterank::plugins
