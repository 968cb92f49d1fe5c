#include "args.hpp"

#include <charconv>
#include <cmath>
#include <siterank/host/errors.hpp>

namespace siterank::cli {

Args::Args(const std::string& command, const std::vector<OptionDef>& defs,
           const std::vector<std::string>& argv)
    : command_(command) {
  for (std::size_t i = 0; i < argv.size(); ++i) {
    std::string arg = argv[i], value;
    bool inline_value = false;
    if (const auto eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
      value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
      inline_value = true;
    }
    const OptionDef* def = nullptr;
    for (const auto& d : defs)
      if (d.name == arg || (!d.alias.empty() && d.alias == arg)) def = &d;
    if (!def && !arg.empty() && arg[0] != '-') {
      // A positional argument (an OptionDef whose name has no dashes, e.g.
      // "TABLE"), filled in order.
      for (const auto& d : defs)
        if (!d.name.empty() && d.name[0] != '-' && !values_.count(d.name)) {
          values_[d.name].push_back(arg);
          def = &d;
          break;
        }
      if (def) continue;
    }
    if (!def) {
      if (arg.empty() || arg[0] != '-')
        throw UsageError("siterank " + command_ + ": unexpected argument '" + arg +
                         "' (see siterank " + command_ + " --help)");
      throw UsageError("siterank " + command_ + ": unknown option '" + arg + "' (see siterank " +
                       command_ + " --help)");
    }
    if (def->takes_value) {
      if (!inline_value) {
        if (i + 1 >= argv.size())
          throw UsageError("siterank " + command_ + ": " + def->name + " needs a value (" +
                           def->metavar + ")");
        value = argv[++i];
      }
    } else if (inline_value) {
      throw UsageError("siterank " + command_ + ": " + def->name + " takes no value");
    }
    auto& slot = values_[def->name];
    if (!slot.empty() && !def->repeatable)
      throw UsageError("siterank " + command_ + ": " + def->name + " given twice");
    slot.push_back(value);
  }
}

std::string Args::get(const std::string& name, const std::string& fallback) const {
  const auto it = values_.find(name);
  return it == values_.end() ? fallback : it->second.back();
}

std::vector<std::string> Args::all(const std::string& name) const {
  const auto it = values_.find(name);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

std::string Args::required(const std::string& name) const {
  if (!has(name))
    throw UsageError("siterank " + command_ + ": " + name + " is required (see siterank " +
                     command_ + " --help)");
  return get(name);
}

long long Args::integer(const std::string& name, long long fallback) const {
  if (!has(name)) return fallback;
  const std::string v = get(name);
  long long out = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || end != v.data() + v.size() || out < 0)
    throw UsageError("siterank " + command_ + ": " + name +
                     " expects a non-negative integer, got '" + v + "'");
  return out;
}

double Args::number(const std::string& name, double fallback) const {
  if (!has(name)) return fallback;
  return parse_number(name, get(name));
}

std::vector<std::string> Args::list(const std::string& name) const {
  std::vector<std::string> out;
  if (!has(name)) return out;
  const std::string v = get(name);
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = v.find(',', start);
    out.push_back(v.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

std::vector<double> Args::numbers(const std::string& name) const {
  std::vector<double> out;
  for (const auto& item : list(name)) out.push_back(parse_number(name, item));
  return out;
}

double Args::parse_number(const std::string& name, const std::string& v) const {
  double out = 0.0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || end != v.data() + v.size() || !std::isfinite(out))
    throw UsageError("siterank " + command_ + ": " + name + " expects a number, got '" + v + "'");
  return out;
}

std::string usage_text(const std::string& synopsis, const std::string& description,
                       const std::vector<OptionDef>& defs) {
  std::string s = "Usage: " + synopsis + "\n\n" + description + "\n\nOptions:\n";
  for (const auto& d : defs) {
    std::string left = "  " + (d.alias.empty() ? "" : d.alias + ", ") + d.name +
                       (d.takes_value ? " " + d.metavar : "");
    if (left.size() < 30)
      left.resize(30, ' ');
    else
      left += "\n" + std::string(30, ' ');
    s += left + d.help + "\n";
  }
  return s;
}

}  // namespace siterank::cli
