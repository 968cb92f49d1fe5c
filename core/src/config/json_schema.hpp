// JSON Schema validation (valijson) with errors as "$.json.path: message".
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace siterank {

class JsonSchema {
 public:
  // Parses a draft-07 schema; throws std::runtime_error if the schema itself is bad.
  explicit JsonSchema(const std::string& schema_text);
  ~JsonSchema();
  JsonSchema(const JsonSchema&) = delete;
  JsonSchema& operator=(const JsonSchema&) = delete;

  // Every violation, most specific first, each "$.a.b[2]: what was expected".
  std::vector<std::string> validate(const nlohmann::json& doc) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// "$.a.b[2]" style path from nlohmann's JSON pointer "/a/b/2".
std::string json_path(const nlohmann::json::json_pointer& p);

}  // namespace siterank
