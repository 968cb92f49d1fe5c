#include "industry_relations.hpp"

#include <cctype>

namespace siterank::plugins {

std::vector<std::string_view> split_codes(std::string_view list) {
  std::vector<std::string_view> out;
  const auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (true) {
    const std::size_t semi = list.find(';');
    std::string_view part = list.substr(0, semi);
    while (!part.empty() && is_space(part.front())) part.remove_prefix(1);
    while (!part.empty() && is_space(part.back())) part.remove_suffix(1);
    if (!part.empty()) out.push_back(part);
    if (semi == std::string_view::npos) return out;
    list.remove_prefix(semi + 1);
  }
}

IndustryRelations::IndustryRelations(const ProjectProfile& profile, RelationCredits credits,
                                     double secondary_listing_factor)
    : industry_(profile.industry),
      ecosystem_(profile.ecosystem),
      related_(profile.related_industries.begin(), profile.related_industries.end()),
      ecosystems_(profile.industry_ecosystems.begin(), profile.industry_ecosystems.end()),
      credits_(credits),
      secondary_listing_factor_(secondary_listing_factor) {
  if (ecosystem_.empty()) {  // a profile built without the taxonomy's help
    const auto it = ecosystems_.find(industry_);
    if (it != ecosystems_.end()) ecosystem_ = it->second;
  }
}

IndustryRelation IndustryRelations::relation(std::string_view code) const {
  if (code == industry_) return IndustryRelation::same;
  if (related_.count(code)) return IndustryRelation::related;
  const auto it = ecosystems_.find(code);
  if (!ecosystem_.empty() && it != ecosystems_.end() && it->second == ecosystem_)
    return IndustryRelation::same_ecosystem;
  return IndustryRelation::none;
}

double IndustryRelations::credit(IndustryRelation r) const {
  switch (r) {
    case IndustryRelation::same:
      return credits_.same;
    case IndustryRelation::related:
      return credits_.related;
    case IndustryRelation::same_ecosystem:
      return credits_.same_ecosystem;
    case IndustryRelation::none:
      return 0.0;
  }
  return 0.0;
}

PlatformMatch IndustryRelations::match_platform(std::string_view industries) const {
  const std::vector<std::string_view> codes = split_codes(industries);
  PlatformMatch best;
  best.known = !codes.empty();
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const IndustryRelation r = relation(codes[i]);
    if (r == IndustryRelation::none) continue;
    const double earned = credit(r) * (i == 0 ? 1.0 : secondary_listing_factor_);
    if (best.rank == 0 || earned > best.credit) best = {true, earned, r, i + 1};
  }
  return best;
}

}  // namespace siterank::plugins
