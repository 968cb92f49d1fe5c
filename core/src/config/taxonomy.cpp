#include "config/taxonomy.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "config/resources.hpp"

namespace siterank {

Taxonomy::Taxonomy(const std::string& json_text) {
  const auto doc = nlohmann::json::parse(json_text);
  for (const auto& i : doc.at("industries")) {
    Industry ind{i.at("code"), i.at("zh"),        i.at("en"),
                 i.at("tier"), i.at("ecosystem"), i.at("related")};
    industries_.emplace(ind.code, ind);
  }
  // The relation must be symmetric: "related" means both ways.
  for (const auto& [code, ind] : industries_)
    for (const auto& r : ind.related) {
      const Industry* other = find(r);
      if (!other) throw std::runtime_error("taxonomy: " + code + " relates to unknown " + r);
      if (std::find(other->related.begin(), other->related.end(), code) == other->related.end())
        throw std::runtime_error("taxonomy: " + code + " -> " + r + " is not symmetric");
    }
}

const Taxonomy& Taxonomy::builtin() {
  // Braces, not parentheses: clang reads the parenthesised form as a
  // function declaration (the most vexing parse); GCC let it pass.
  static const Taxonomy t{std::string(resources::industry_taxonomy())};
  return t;
}

const Industry* Taxonomy::find(const std::string& code) const {
  const auto it = industries_.find(code);
  return it == industries_.end() ? nullptr : &it->second;
}

std::string Taxonomy::codes() const {
  std::string out;
  for (const auto& [code, ind] : industries_) out += (out.empty() ? "" : ", ") + code;
  return out;
}

}  // namespace siterank
