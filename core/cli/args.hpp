// A small command-line parser in the style of GDAL's tools: long options
// with values (--top 10 or --top=10), flags, repeatable options, and errors
// that name the command.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace siterank::cli {

struct OptionDef {
  std::string name;   // "--top" or "-o"; a positional argument has no dashes ("TABLE")
  std::string alias;  // "-o" for "--output", or ""
  bool takes_value = false;
  bool repeatable = false;
  std::string metavar;  // "N", "FILE"
  std::string help;
};

class Args {
 public:
  // Throws UsageError "siterank <command>: ..." on unknown options or missing values.
  Args(const std::string& command, const std::vector<OptionDef>& defs,
       const std::vector<std::string>& argv);

  bool has(const std::string& name) const { return values_.count(name) > 0; }
  std::string get(const std::string& name, const std::string& fallback = "") const;
  std::vector<std::string> all(const std::string& name) const;
  // Throws UsageError when missing.
  std::string required(const std::string& name) const;
  // A non-negative integer option; throws UsageError when malformed.
  long long integer(const std::string& name, long long fallback) const;
  // A finite number; throws UsageError when malformed.
  double number(const std::string& name, double fallback) const;
  // A comma-separated value ("a,b,c"), split; empty when not given.
  std::vector<std::string> list(const std::string& name) const;
  // A comma-separated list of numbers.
  std::vector<double> numbers(const std::string& name) const;
  // The command these options are for ("rank").
  const std::string& command() const { return command_; }

 private:
  double parse_number(const std::string& name, const std::string& value) const;
  std::string command_;
  std::map<std::string, std::vector<std::string>> values_;
};

std::string usage_text(const std::string& synopsis, const std::string& description,
                       const std::vector<OptionDef>& defs);

}  // namespace siterank::cli
