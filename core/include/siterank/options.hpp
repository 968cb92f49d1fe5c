// Typed plugin options. A plugin declares OptionSpecs; the host validates
// the profile's section for the plugin against them (types, ranges, choices,
// unknown keys) before any data is read, fills in defaults, and hands the
// plugin an Options map that is complete and well-typed. Standard library only.
#pragma once

#include <limits>
#include <map>
#include <siterank/value_function.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace siterank {

enum class OptionType {
  number,          // JSON number
  integer,         // JSON integer (held as double)
  boolean,         // JSON true/false
  text,            // JSON string, optionally one of `choices`
  text_list,       // JSON array of strings, each optionally one of `choices`
  number_map,      // JSON object of name -> number, e.g. {"university": 1.0, "lab": 0.8}
  value_function,  // JSON object, e.g. {"type": "linear", "zero_at": 10, "full_at": 50}
};

using NumberMap = std::map<std::string, double, std::less<>>;
using OptionValue =
    std::variant<double, bool, std::string, std::vector<std::string>, NumberMap, ValueFunction>;

struct OptionSpec {
  std::string name;
  OptionType type = OptionType::number;
  OptionValue default_value;
  std::string unit;  // "m", "万元/亩", "mu", "" ...
  std::string description;
  double minimum = -std::numeric_limits<double>::infinity();  // number, integer, number_map values
  double maximum = std::numeric_limits<double>::infinity();
  std::vector<std::string> choices;  // text, text_list, number_map keys; empty = any

  // Named constructors, so a plugin declares an option in one call.
  static OptionSpec number(std::string name, double fallback, std::string unit,
                           std::string description,
                           double min = -std::numeric_limits<double>::infinity(),
                           double max = std::numeric_limits<double>::infinity()) {
    return {std::move(name),
            OptionType::number,
            fallback,
            std::move(unit),
            std::move(description),
            min,
            max,
            {}};
  }
  static OptionSpec integer(std::string name, long long fallback, std::string unit,
                            std::string description,
                            double min = -std::numeric_limits<double>::infinity(),
                            double max = std::numeric_limits<double>::infinity()) {
    return {std::move(name),
            OptionType::integer,
            static_cast<double>(fallback),
            std::move(unit),
            std::move(description),
            min,
            max,
            {}};
  }
  static OptionSpec boolean(std::string name, bool fallback, std::string description) {
    return {std::move(name),
            OptionType::boolean,
            fallback,
            "",
            std::move(description),
            -std::numeric_limits<double>::infinity(),
            std::numeric_limits<double>::infinity(),
            {}};
  }
  static OptionSpec text(std::string name, std::string fallback, std::string description,
                         std::vector<std::string> choices = {}) {
    return {std::move(name),
            OptionType::text,
            std::move(fallback),
            "",
            std::move(description),
            -std::numeric_limits<double>::infinity(),
            std::numeric_limits<double>::infinity(),
            std::move(choices)};
  }
  static OptionSpec text_list(std::string name, std::vector<std::string> fallback,
                              std::string description, std::vector<std::string> choices = {}) {
    return {std::move(name),
            OptionType::text_list,
            std::move(fallback),
            "",
            std::move(description),
            -std::numeric_limits<double>::infinity(),
            std::numeric_limits<double>::infinity(),
            std::move(choices)};
  }
  // keys: the allowed keys (empty = any); min/max bound every value.
  static OptionSpec number_map(std::string name, NumberMap fallback, std::string unit,
                               std::string description, std::vector<std::string> keys = {},
                               double min = -std::numeric_limits<double>::infinity(),
                               double max = std::numeric_limits<double>::infinity()) {
    return {std::move(name),
            OptionType::number_map,
            std::move(fallback),
            std::move(unit),
            std::move(description),
            min,
            max,
            std::move(keys)};
  }
  static OptionSpec value_function(std::string name, ValueFunction fallback, std::string unit,
                                   std::string description) {
    return {std::move(name),
            OptionType::value_function,
            std::move(fallback),
            std::move(unit),
            std::move(description),
            -std::numeric_limits<double>::infinity(),
            std::numeric_limits<double>::infinity(),
            {}};
  }
};

class Options {
 public:
  void set(std::string name, OptionValue v) { values_[std::move(name)] = std::move(v); }
  bool has(std::string_view name) const { return values_.find(name) != values_.end(); }

  double number(std::string_view n) const { return get<double>(n); }
  long long integer(std::string_view n) const { return static_cast<long long>(get<double>(n)); }
  bool boolean(std::string_view n) const { return get<bool>(n); }
  const std::string& text(std::string_view n) const { return get<std::string>(n); }
  const std::vector<std::string>& text_list(std::string_view n) const {
    return get<std::vector<std::string>>(n);
  }
  const NumberMap& number_map(std::string_view n) const { return get<NumberMap>(n); }
  const ValueFunction& value_function(std::string_view n) const { return get<ValueFunction>(n); }

  const std::map<std::string, OptionValue, std::less<>>& all() const { return values_; }

 private:
  template <class T>
  const T& get(std::string_view n) const {
    const auto it = values_.find(n);
    if (it == values_.end()) throw std::out_of_range("option '" + std::string(n) + "' is not set");
    const T* v = std::get_if<T>(&it->second);
    if (!v) throw std::invalid_argument("option '" + std::string(n) + "' has another type");
    return *v;
  }
  std::map<std::string, OptionValue, std::less<>> values_;
};

}  // namespace siterank
