#include "mcda/ahp_json.hpp"

#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <siterank/number_text.hpp>
#include <stdexcept>
#include <string_view>

#include "mcda/weighting.hpp"

namespace siterank::mcda {

namespace {

using json = nlohmann::json;

[[noreturn]] void fail(const std::string& path, const std::string& what) {
  throw std::invalid_argument(path + ": " + what);
}

std::string index(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

// A whole (trimmed) string as a number; nullopt unless every character is used.
std::optional<double> parse_number(std::string_view s) {
  s = trim(s);
  double v = 0.0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

bool positive_finite(double v) { return std::isfinite(v) && v > 0.0; }

// "3", "1/3", " 1 / 5 ": judgements are often written as fractions.
double parse_fraction(const std::string& s, const std::string& path) {
  const auto slash = s.find('/');
  const auto bad = [&] { fail(path, "'" + s + "' is not a number or a fraction a/b"); };
  if (slash == std::string::npos) {
    const auto v = parse_number(s);
    if (!v) bad();
    if (!positive_finite(*v)) fail(path, "'" + s + "' is not a positive finite number");
    return *v;
  }
  const std::string_view whole(s);
  const auto a = parse_number(whole.substr(0, slash));
  const auto b = parse_number(whole.substr(slash + 1));
  if (!a || !b) bad();
  if (!positive_finite(*a) || !positive_finite(*b))
    fail(path, "'" + s + "': both parts of a fraction must be positive finite numbers");
  return *a / *b;
}

double entry(const json& e, const std::string& path) {
  if (e.is_string()) return parse_fraction(e.get<std::string>(), path);
  if (!e.is_number()) fail(path, "expected a number or a string \"a/b\"");
  const double v = e.get<double>();
  if (!positive_finite(v)) fail(path, format_general(v) + " is not a positive finite number");
  return v;
}

void check_keys(const json& j, const std::string& where) {
  for (const auto& [key, value] : j.items()) {
    (void)value;
    if (key != "criteria" && key != "matrix" && key != "random_index" && key != "method")
      fail(where + "." + key, "unknown key (expected criteria, matrix, random_index)");
  }
}

std::vector<std::string> criteria(const json& j, const std::string& where) {
  const std::string path = where + ".criteria";
  if (!j.contains("criteria")) fail(path, "missing (the names of the compared criteria)");
  const json& c = j["criteria"];
  if (!c.is_array()) fail(path, "expected an array of criterion names");
  if (c.empty()) fail(path, "no criteria");
  std::vector<std::string> names;
  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (!c[i].is_string()) fail(index(path, i), "expected a criterion name (a string)");
    const std::string name = c[i].get<std::string>();
    if (name.empty()) fail(index(path, i), "empty criterion name");
    const auto [it, fresh] = seen.emplace(name, i);
    if (!fresh)
      fail(index(path, i),
           "duplicate criterion '" + name + "' (also [" + std::to_string(it->second) + "])");
    names.push_back(name);
  }
  return names;
}

std::vector<std::vector<double>> matrix(const json& j, const std::string& where, std::size_t n) {
  const std::string path = where + ".matrix";
  if (!j.contains("matrix"))
    fail(path, "missing (the pairwise comparisons, one row per criterion)");
  const json& m = j["matrix"];
  if (!m.is_array()) fail(path, "expected an array of rows");
  if (m.size() != n)
    fail(path, std::to_string(m.size()) + " rows for " + std::to_string(n) + " criteria");
  std::vector<std::vector<double>> out(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::string row = index(path, i);
    if (!m[i].is_array()) fail(row, "expected an array of entries");
    if (m[i].size() != n)
      fail(row, std::to_string(m[i].size()) + " entries for " + std::to_string(n) + " criteria");
    for (std::size_t k = 0; k < n; ++k) out[i].push_back(entry(m[i][k], index(row, k)));
  }
  return out;
}

std::string random_index(const json& j, const std::string& where) {
  const std::string path = where + ".random_index";
  if (!j.contains("random_index")) return "saaty";
  if (!j["random_index"].is_string()) fail(path, "expected the name of a random-index table");
  const std::string name = j["random_index"].get<std::string>();
  try {
    random_index_table(name);
  } catch (const std::invalid_argument& e) {
    fail(path, e.what());
  }
  return name;
}

}  // namespace

AhpInput parse_ahp_json(const nlohmann::json& j, const std::string& where) {
  if (!j.is_object()) fail(where, "expected an object with criteria and matrix");
  check_keys(j, where);
  AhpInput in;
  in.criteria = criteria(j, where);
  in.matrix = matrix(j, where, in.criteria.size());
  in.random_index = random_index(j, where);
  return in;
}

AhpSolution solve_ahp_json(const nlohmann::json& j, const std::string& where,
                           const std::string& random_index) {
  AhpSolution s;
  s.input = parse_ahp_json(j, where);
  if (!random_index.empty()) s.input.random_index = random_index;
  try {
    s.table = &random_index_table(s.input.random_index);
  } catch (const std::invalid_argument& e) {
    fail(where + ".random_index", e.what());
  }
  try {
    s.result = ahp(s.input.matrix, *s.table);
  } catch (const std::invalid_argument& e) {
    // ahp() names the entry ("[2][1]: ...") or the matrix as a whole.
    const std::string what = e.what();
    if (what.rfind("[", 0) == 0) throw std::invalid_argument(where + ".matrix" + what);
    fail(where + ".matrix", what);
  }
  return s;
}

}  // namespace siterank::mcda
