#include "config/json_schema.hpp"

#include <algorithm>
#include <regex>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

namespace siterank {

struct JsonSchema::Impl {
  nlohmann::json doc;
  valijson::Schema schema;
};

JsonSchema::JsonSchema(const std::string& schema_text) : impl_(std::make_unique<Impl>()) {
  impl_->doc = nlohmann::json::parse(schema_text);
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  valijson::adapters::NlohmannJsonAdapter adapter(impl_->doc);
  parser.populateSchema(adapter, impl_->schema);
}

JsonSchema::~JsonSchema() = default;

namespace {

// valijson's context is {"<root>", "[key]", "[0]", ...}: keep the keys.
std::vector<std::string> context_tokens(const std::vector<std::string>& context) {
  std::vector<std::string> out;
  for (const auto& c : context) {
    if (c == "<root>") continue;
    if (c.size() >= 2 && c.front() == '[' && c.back() == ']')
      out.push_back(c.substr(1, c.size() - 2));
    else
      out.push_back(c);
  }
  return out;
}

bool is_index(const std::string& t) {
  return !t.empty() &&
         std::all_of(t.begin(), t.end(), [](unsigned char ch) { return std::isdigit(ch); });
}

std::string path_of(const std::vector<std::string>& tokens) {
  std::string path = "$";
  for (const auto& t : tokens) path += is_index(t) ? "[" + t + "]" : "." + t;
  return path;
}

const nlohmann::json* resolve(const nlohmann::json& root, const nlohmann::json* s) {
  // Follow local "$ref"s and merge "allOf" lazily: callers look in both.
  for (int guard = 0; s && s->is_object() && s->contains("$ref") && guard < 8; ++guard) {
    const std::string ref = (*s)["$ref"].get<std::string>();
    if (ref.rfind("#", 0) != 0) return nullptr;
    s = &root.at(nlohmann::json::json_pointer(ref.substr(1)));
  }
  return s;
}

// The subschema that applies at `tokens`, following properties,
// additionalProperties, items, $ref and allOf; nullptr when unknown.
const nlohmann::json* subschema(const nlohmann::json& root,
                                const std::vector<std::string>& tokens) {
  const nlohmann::json* s = resolve(root, &root);
  for (const auto& t : tokens) {
    if (!s || !s->is_object()) return nullptr;
    const nlohmann::json* next = nullptr;
    std::vector<const nlohmann::json*> candidates{s};
    if (s->contains("allOf"))
      for (const auto& part : (*s)["allOf"]) candidates.push_back(resolve(root, &part));
    for (const auto* c : candidates) {
      if (!c || !c->is_object()) continue;
      if (c->contains("properties") && (*c)["properties"].contains(t) &&
          (*c)["properties"][t].is_object()) {
        next = &(*c)["properties"][t];
        break;
      }
    }
    if (!next)
      for (const auto* c : candidates) {
        if (!c || !c->is_object()) continue;
        if (is_index(t) && c->contains("items") && (*c)["items"].is_object()) {
          next = &(*c)["items"];
          break;
        }
        if (c->contains("additionalProperties") && (*c)["additionalProperties"].is_object()) {
          next = &(*c)["additionalProperties"];
          break;
        }
      }
    s = resolve(root, next);
  }
  return s;
}

std::string type_name(const nlohmann::json& v) {
  if (v.is_number_integer() || v.is_number_unsigned()) return "integer";
  if (v.is_number()) return "number";
  return v.type_name();
}

const nlohmann::json* value_at(const nlohmann::json& doc, const std::vector<std::string>& tokens) {
  const nlohmann::json* v = &doc;
  for (const auto& t : tokens) {
    if (v->is_object() && v->contains(t))
      v = &(*v)[t];
    else if (v->is_array() && is_index(t) && std::stoul(t) < v->size())
      v = &(*v)[std::stoul(t)];
    else
      return nullptr;
  }
  return v;
}

// Rewrites valijson's wording into what the user must change.
std::string explain(const nlohmann::json& schema, const nlohmann::json& doc,
                    const std::vector<std::string>& tokens, const std::string& description) {
  const nlohmann::json* sub = subschema(schema, tokens);
  const nlohmann::json* value = value_at(doc, tokens);
  const std::string got = value ? type_name(*value) : "nothing";
  if (description.find("'type' constraint") != std::string::npos && sub && sub->contains("type")) {
    const auto& t = (*sub)["type"];
    return "expected " + (t.is_string() ? t.get<std::string>() : t.dump()) + ", got " + got;
  }
  if (description.rfind("Expected number", 0) == 0 && sub) {
    std::string bound;
    if (sub->contains("minimum")) bound += ">= " + (*sub)["minimum"].dump();
    if (sub->contains("exclusiveMinimum")) bound += "> " + (*sub)["exclusiveMinimum"].dump();
    if (sub->contains("maximum"))
      bound += std::string(bound.empty() ? "" : " and ") + "<= " + (*sub)["maximum"].dump();
    if (!bound.empty())
      return "expected a number " + bound + ", got " + (value ? value->dump() : "nothing");
  }
  if (description.find("enum") != std::string::npos && sub && sub->contains("enum")) {
    return "expected one of " + (*sub)["enum"].dump() + ", got " +
           (value ? value->dump() : "nothing");
  }
  const std::string unknown = "'properties' or 'additionalProperties' constraints: '";
  if (auto pos = description.find(unknown); pos != std::string::npos) {
    std::string key = description.substr(pos + unknown.size());
    key = key.substr(0, key.find('\''));
    std::string allowed;
    if (sub && sub->contains("properties"))
      for (auto it = (*sub)["properties"].begin(); it != (*sub)["properties"].end(); ++it)
        if (it.key() != "$schema") allowed += (allowed.empty() ? "" : ", ") + it.key();
    return "unknown key '" + key + "'" + (allowed.empty() ? "" : " (allowed: " + allowed + ")");
  }
  if (description.find("Missing required property") != std::string::npos) {
    const auto q = description.find('\'');
    const std::string key =
        q == std::string::npos ? "" : description.substr(q + 1, description.rfind('\'') - q - 1);
    return "missing required key '" + key + "'";
  }
  return description;
}

bool is_echo(const std::string& description) {
  // valijson repeats a nested failure at every enclosing level.
  return description.rfind("Failed to validate against schema associated with property name", 0) ==
             0 ||
         description.rfind("Failed to validate against additional properties schema", 0) == 0 ||
         description.rfind("Failed to validate item", 0) == 0 ||
         description.rfind("Failed to validate against child schema", 0) == 0 ||
         description.rfind("Failed to validate against items schema", 0) == 0;
}

// Keys that break a "propertyNames" pattern, named: valijson reports them
// only as "$: does not match the schema", without the key or the rule.
void check_property_names(const nlohmann::json& schema, const nlohmann::json& value,
                          std::vector<std::string>& tokens, std::vector<std::string>& out) {
  if (!value.is_object() && !value.is_array()) return;
  if (value.is_object()) {
    if (const nlohmann::json* sub = subschema(schema, tokens);
        sub && sub->contains("propertyNames") && (*sub)["propertyNames"].contains("pattern")) {
      const std::string pattern = (*sub)["propertyNames"]["pattern"].get<std::string>();
      const std::regex re(pattern, std::regex::ECMAScript);
      for (auto it = value.begin(); it != value.end(); ++it)
        if (!std::regex_search(it.key(), re))
          out.push_back(path_of(tokens) + ": key '" + it.key() + "' is not a valid name (" +
                        (pattern == "^[a-z][a-z0-9_]*$"
                             ? "lower-case letters, digits and '_', starting with a letter"
                             : "it must match " + pattern) +
                        ")");
    }
    for (auto it = value.begin(); it != value.end(); ++it) {
      tokens.push_back(it.key());
      check_property_names(schema, it.value(), tokens, out);
      tokens.pop_back();
    }
  } else {
    for (std::size_t i = 0; i < value.size(); ++i) {
      tokens.push_back(std::to_string(i));
      check_property_names(schema, value[i], tokens, out);
      tokens.pop_back();
    }
  }
}

}  // namespace

std::vector<std::string> JsonSchema::validate(const nlohmann::json& doc) const {
  valijson::Validator validator(valijson::Validator::kStrongTypes);
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter adapter(doc);
  std::vector<std::string> out;
  if (validator.validate(impl_->schema, adapter, &results)) return out;
  std::vector<std::pair<std::size_t, std::string>> errors;
  valijson::ValidationResults::Error e;
  while (results.popError(e)) {
    if (is_echo(e.description)) continue;
    const auto tokens = context_tokens(e.context);
    errors.emplace_back(tokens.size(),
                        path_of(tokens) + ": " + explain(impl_->doc, doc, tokens, e.description));
  }
  std::stable_sort(errors.begin(), errors.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (auto& [depth, msg] : errors)
    if (std::find(out.begin(), out.end(), msg) == out.end()) out.push_back(std::move(msg));
  if (out.empty() || (out.size() == 1 && out.front().rfind("$: ", 0) == 0)) {
    std::vector<std::string> tokens, names;
    check_property_names(impl_->doc, doc, tokens, names);
    if (!names.empty()) return names;
  }
  if (out.empty()) out.push_back("$: does not match the schema");
  return out;
}

std::string json_path(const nlohmann::json::json_pointer& p) {
  std::string out = "$";
  std::string s = p.to_string();
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t next = s.find('/', i + 1);
    std::string tok = s.substr(i + 1, next == std::string::npos ? std::string::npos : next - i - 1);
    const bool index = !tok.empty() && std::all_of(tok.begin(), tok.end(), ::isdigit);
    out += index ? "[" + tok + "]" : "." + tok;
    if (next == std::string::npos) break;
    i = next;
  }
  return out;
}

}  // namespace siterank
