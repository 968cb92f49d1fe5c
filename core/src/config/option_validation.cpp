#include "config/option_validation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <siterank/host/errors.hpp>

namespace siterank {

namespace {

std::string list(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

double number_in_range(const nlohmann::json& j, const OptionSpec& spec, const std::string& where) {
  if (!j.is_number()) throw InputError(where + ": expected a number, got " + j.dump());
  const double v = j.get<double>();
  if (v < spec.minimum || v > spec.maximum) {
    std::string range = "[" + nlohmann::json(spec.minimum).dump() + ", " +
                        nlohmann::json(spec.maximum).dump() + "]";
    throw InputError(where + ": " + j.dump() + " is outside " + range);
  }
  return v;
}

double required_number(const nlohmann::json& j, const char* key, const std::string& where) {
  if (!j.contains(key)) throw InputError(where + ": missing '" + key + "'");
  if (!j[key].is_number())
    throw InputError(where + "." + key + ": expected a number, got " + j[key].dump());
  return j[key].get<double>();
}

}  // namespace

ValueFunction parse_value_function(const nlohmann::json& j, const std::string& where) {
  if (!j.is_object() || !j.contains("type") || !j["type"].is_string())
    throw InputError(where +
                     ": expected a value function object such as {\"type\": \"linear\", "
                     "\"zero_at\": 0, \"full_at\": 10}");
  const std::string type = j["type"];
  auto only = [&](std::vector<std::string> keys) {
    keys.push_back("type");
    for (const auto& [k, v] : j.items())
      if (!contains(keys, k))
        throw InputError(where + ": unknown key '" + k + "' for a " + type +
                         " value function (allowed: " + list(keys) + ")");
  };
  if (type == "linear") {
    only({"zero_at", "full_at"});
    return ValueFunction::linear(required_number(j, "zero_at", where),
                                 required_number(j, "full_at", where));
  }
  if (type == "logistic") {
    only({"midpoint", "steepness"});
    const double k = required_number(j, "steepness", where);
    if (k == 0) throw InputError(where + ".steepness: must not be 0");
    return ValueFunction::logistic(required_number(j, "midpoint", where), k);
  }
  if (type == "gaussian") {
    only({"target", "sd"});
    const double sd = required_number(j, "sd", where);
    if (!(sd > 0)) throw InputError(where + ".sd: must be > 0");
    return ValueFunction::gaussian(required_number(j, "target", where), sd);
  }
  if (type == "exp_decay") {
    only({"half_life"});
    const double h = required_number(j, "half_life", where);
    if (!(h > 0)) throw InputError(where + ".half_life: must be > 0");
    return ValueFunction::exp_decay(h);
  }
  if (type == "per_unit") {
    only({"points", "max_units"});
    const double points = required_number(j, "points", where);
    if (!(points > 0)) throw InputError(where + ".points: must be > 0");
    double max_units = std::numeric_limits<double>::infinity();
    if (j.contains("max_units")) {
      max_units = required_number(j, "max_units", where);
      if (!(max_units > 0)) throw InputError(where + ".max_units: must be > 0");
    }
    return ValueFunction::per_unit(points, max_units);
  }
  if (type == "stepped") {
    only({"breaks", "scores"});
    if (!j.contains("breaks") || !j["breaks"].is_array() || !j.contains("scores") ||
        !j["scores"].is_array())
      throw InputError(where + ": a stepped value function needs arrays 'breaks' and 'scores'");
    std::vector<double> breaks, scores;
    for (const auto& b : j["breaks"]) {
      if (!b.is_number()) throw InputError(where + ".breaks: expected numbers");
      breaks.push_back(b);
    }
    for (const auto& s : j["scores"]) {
      if (!s.is_number() || s.get<double>() < 0 || s.get<double>() > 100)
        throw InputError(where + ".scores: expected numbers in [0, 100]");
      scores.push_back(s);
    }
    if (breaks.empty() || !std::is_sorted(breaks.begin(), breaks.end()) ||
        std::adjacent_find(breaks.begin(), breaks.end()) != breaks.end())
      throw InputError(where + ".breaks: expected a non-empty strictly increasing list");
    if (scores.size() != breaks.size() + 1)
      throw InputError(where + ".scores: expected " + std::to_string(breaks.size() + 1) +
                       " scores (one more than breaks), got " + std::to_string(scores.size()));
    return ValueFunction::stepped(std::move(breaks), std::move(scores));
  }
  throw InputError(where + ".type: unknown value function '" + type +
                   "' (known: linear, logistic, gaussian, stepped, exp_decay, per_unit)");
}

Options validate_options(const CriterionInfo& info, const nlohmann::json& section,
                         const std::string& where) {
  Options out;
  std::vector<std::string> known;
  for (const auto& spec : info.options) known.push_back(spec.name);
  if (!section.is_object()) throw InputError(where + ": expected an object of options");
  for (const auto& [key, value] : section.items())
    if (!contains(known, key))
      throw InputError(where + ": unknown option '" + key + "' for plugin '" + info.name +
                       "' (options: " + list(known) + ")");

  for (const auto& spec : info.options) {
    if (!section.contains(spec.name)) {
      out.set(spec.name, spec.default_value);
      continue;
    }
    const auto& j = section[spec.name];
    const std::string at = where + "." + spec.name;
    switch (spec.type) {
      case OptionType::number:
        out.set(spec.name, number_in_range(j, spec, at));
        break;
      case OptionType::integer: {
        const double v = number_in_range(j, spec, at);
        if (!j.is_number_integer() && v != std::floor(v))
          throw InputError(at + ": expected an integer, got " + j.dump());
        out.set(spec.name, v);
        break;
      }
      case OptionType::boolean:
        if (!j.is_boolean()) throw InputError(at + ": expected true or false, got " + j.dump());
        out.set(spec.name, j.get<bool>());
        break;
      case OptionType::text: {
        if (!j.is_string()) throw InputError(at + ": expected a string, got " + j.dump());
        const std::string s = j;
        if (!spec.choices.empty() && !contains(spec.choices, s))
          throw InputError(at + ": '" + s + "' is not one of " + list(spec.choices));
        out.set(spec.name, s);
        break;
      }
      case OptionType::text_list: {
        if (!j.is_array()) throw InputError(at + ": expected a list of strings, got " + j.dump());
        std::vector<std::string> v;
        for (std::size_t i = 0; i < j.size(); ++i) {
          if (!j[i].is_string())
            throw InputError(at + "[" + std::to_string(i) + "]: expected a string, got " +
                             j[i].dump());
          const std::string s = j[i];
          if (!spec.choices.empty() && !contains(spec.choices, s))
            throw InputError(at + "[" + std::to_string(i) + "]: '" + s + "' is not one of " +
                             list(spec.choices));
          v.push_back(s);
        }
        out.set(spec.name, v);
        break;
      }
      case OptionType::number_map: {
        if (!j.is_object())
          throw InputError(at + ": expected an object of numbers, got " + j.dump());
        NumberMap m;
        for (const auto& [k, v] : j.items()) {
          if (!spec.choices.empty() && !contains(spec.choices, k))
            throw InputError(at + ": unknown key '" + k + "' (allowed: " + list(spec.choices) +
                             ")");
          m[k] = number_in_range(v, spec, at + "." + k);
        }
        out.set(spec.name, m);
        break;
      }
      case OptionType::value_function:
        out.set(spec.name, parse_value_function(j, at));
        break;
    }
  }
  return out;
}

const char* option_type_name(OptionType t) {
  switch (t) {
    case OptionType::number:
      return "number";
    case OptionType::integer:
      return "integer";
    case OptionType::boolean:
      return "boolean";
    case OptionType::text:
      return "string";
    case OptionType::text_list:
      return "string list";
    case OptionType::number_map:
      return "number map";
    case OptionType::value_function:
      return "value function";
  }
  return "?";
}

nlohmann::json option_value_json(const OptionValue& v) {
  struct Visitor {
    nlohmann::json operator()(double d) const { return d; }
    nlohmann::json operator()(bool b) const { return b; }
    nlohmann::json operator()(const std::string& s) const { return s; }
    nlohmann::json operator()(const std::vector<std::string>& l) const { return l; }
    nlohmann::json operator()(const NumberMap& m) const {
      nlohmann::json j = nlohmann::json::object();
      for (const auto& [k, x] : m) j[k] = x;
      return j;
    }
    nlohmann::json operator()(const ValueFunction& f) const {
      nlohmann::json j{{"type", f.type_name()}};
      switch (f.kind) {
        case ValueFunction::Kind::linear:
          j["zero_at"] = f.a;
          j["full_at"] = f.b;
          break;
        case ValueFunction::Kind::logistic:
          j["midpoint"] = f.a;
          j["steepness"] = f.b;
          break;
        case ValueFunction::Kind::gaussian:
          j["target"] = f.a;
          j["sd"] = f.b;
          break;
        case ValueFunction::Kind::exp_decay:
          j["half_life"] = f.a;
          break;
        case ValueFunction::Kind::per_unit:
          j["points"] = f.a;
          if (std::isfinite(f.b)) j["max_units"] = f.b;
          break;
        case ValueFunction::Kind::stepped:
          j["breaks"] = f.breaks;
          j["scores"] = f.scores;
          break;
      }
      return j;
    }
  };
  return std::visit(Visitor{}, v);
}

std::string option_value_json_text(const OptionValue& v) { return option_value_json(v).dump(); }

}  // namespace siterank
