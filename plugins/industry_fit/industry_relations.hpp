// How close a taxonomy industry is to the project's: the same industry,
// a related one (the taxonomy's symmetric 'related' lists), one of the
// same ecosystem (五大产业生态圈), or none; and the credit each earns.
#pragma once

#include <map>
#include <set>
#include <siterank/profile.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace siterank::plugins {

// Ordered by closeness; the numeric value is the `platform_relation` factor.
enum class IndustryRelation { none = 0, same_ecosystem = 1, related = 2, same = 3 };

struct RelationCredits {
  double same = 100.0;
  double related = 60.0;
  double same_ecosystem = 30.0;
};

// A platform's best-matching leading industry.
struct PlatformMatch {
  bool known = false;  // false: no leading industries to judge
  double credit = 0.0;
  IndustryRelation relation = IndustryRelation::none;
  std::size_t rank = 0;  // 1-based position in the platform's list; 0 = none matched
};

class IndustryRelations {
 public:
  IndustryRelations() = default;
  IndustryRelations(const ProjectProfile& profile, RelationCredits credits,
                    double secondary_listing_factor);

  const std::string& industry() const { return industry_; }
  const std::set<std::string, std::less<>>& related() const { return related_; }

  IndustryRelation relation(std::string_view code) const;
  double credit(IndustryRelation r) const;

  // `industries` is the platform's ';'-separated list, leading industry
  // first. Each listed industry earns its relation's credit, times
  // secondary_listing_factor unless it is the first-listed one; the best
  // credit wins (the earlier listing on ties).
  PlatformMatch match_platform(std::string_view industries) const;

 private:
  std::string industry_;
  std::string ecosystem_;
  std::set<std::string, std::less<>> related_;
  std::map<std::string, std::string, std::less<>> ecosystems_;
  RelationCredits credits_;
  double secondary_listing_factor_ = 1.0;
};

// Splits "a; b;c" into trimmed, non-empty parts.
std::vector<std::string_view> split_codes(std::string_view list);

}  // namespace siterank::plugins
