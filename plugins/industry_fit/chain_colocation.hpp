// Co-location with the project's industrial chain (沿链招商): the firms of
// the same or a related industry around a parcel, weighted by distance,
// chain leadership (链主) and chain position, summed into a "chain mass"
// that saturates into a 0..100 sub-score.
#pragma once

#include <siterank/reference.hpp>
#include <siterank/value_function.hpp>
#include <string_view>
#include <vector>

#include "industry_relations.hpp"

namespace siterank::plugins {

enum class ChainPosition { upstream = 0, midstream = 1, downstream = 2, unknown = 3 };
ChainPosition parse_chain_position(std::string_view s);

struct ChainSettings {
  double radius_m = 5000.0;
  ValueFunction distance_decay = ValueFunction::exp_decay(2000.0);
  double related_firm_weight = 0.5;
  double chain_leader_weight = 3.0;
  double adjacent_position_weight = 1.0;  // one step along the chain: supplier or customer
  double same_position_weight = 0.6;      // peers: shared talent and services
  double distant_position_weight = 0.6;   // two steps: upstream <-> downstream
  double unknown_position_weight = 0.75;  // the firm's or the project's position not stated
  double saturation = 2.0;                // S0: chain mass giving 63% of full score
};

// The weight of a firm's chain position relative to the project's.
double position_weight(ChainPosition project, ChainPosition firm, const ChainSettings& s);

// A firm's chain_leader flag: a number (non-zero = leader) or text (1,
// true, yes, 是).
bool is_chain_leader(const ReferenceLayer& firms, std::size_t feature);

struct ChainColocation {
  double mass = 0.0;   // S, in firm equivalents
  double score = 0.0;  // 100·(1 − e^(−S/S0))
  int same_industry_firms = 0;
  int related_industry_firms = 0;
  int chain_leaders = 0;
  int adjacent_position_firms = 0;
  double nearest_m = 0.0;  // NaN when no firm is within the radius
};

// `hits` are the firms within radius_m matching the project's industry or
// a related one (see chain_filter).
ChainColocation chain_colocation(const ReferenceLayer& firms, const std::vector<Hit>& hits,
                                 const IndustryRelations& relations, ChainPosition project,
                                 const ChainSettings& s);

// The firms worth counting: the project's industry, and related ones
// unless related_firm_weight is 0.
AttributeFilter chain_filter(const IndustryRelations& relations, const ChainSettings& s);

}  // namespace siterank::plugins
