#include "config/profile_usage.hpp"

#include <algorithm>

namespace siterank {

namespace {

void collect(const nlohmann::json& j, const std::string& path, std::vector<std::string>& out) {
  if (!j.is_object()) {
    out.push_back(path);
    return;
  }
  for (const auto& [key, value] : j.items()) collect(value, path + "." + key, out);
}

bool covers(const std::string& used, const std::string& path) {
  return path == used || (path.size() > used.size() && path.compare(0, used.size(), used) == 0 &&
                          path[used.size()] == '.');
}

bool covered(const std::string& path, const std::vector<std::string>& used) {
  return std::any_of(used.begin(), used.end(),
                     [&](const std::string& u) { return covers(u, path); });
}

}  // namespace

std::vector<std::string> stated_profile_fields(const nlohmann::json& doc) {
  std::vector<std::string> out;
  collect(doc, "$", out);
  return out;
}

const std::vector<std::string>& host_profile_fields() {
  static const std::vector<std::string> fields{
      "$.$schema",         "$.siterank_profile",    "$.project.name",
      "$.project.company", "$.project.description", "$.project.industry",
      "$.weights",         "$.weighting",           "$.aggregation",
      "$.plugins"};
  return fields;
}

std::vector<std::string> unused_profile_fields(const std::vector<std::string>& stated,
                                               const std::vector<std::string>& used) {
  std::vector<std::string> out;
  for (const auto& path : stated) {
    if (covered(path, used) || covered(path, host_profile_fields())) continue;
    if (path == "$.land.unit" && (covered("$.land.min", used) || covered("$.land.max", used)))
      continue;
    out.push_back(path);
  }
  return out;
}

}  // namespace siterank
