// The industry taxonomy (configs/taxonomy/industries.json, compiled in):
// Hangzhou's five ecosystems and the 296X clusters.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace siterank {

struct Industry {
  std::string code;
  std::string zh;
  std::string en;
  std::string tier;  // "2", "9", "6" or "X"
  std::string ecosystem;
  std::vector<std::string> related;
};

class Taxonomy {
 public:
  static const Taxonomy& builtin();
  explicit Taxonomy(const std::string& json_text);

  const Industry* find(const std::string& code) const;
  const std::map<std::string, Industry>& industries() const { return industries_; }
  // Codes sorted, for error messages.
  std::string codes() const;

 private:
  std::map<std::string, Industry> industries_;
};

}  // namespace siterank
