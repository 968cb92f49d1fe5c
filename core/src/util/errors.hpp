// Error kinds the CLI maps to exit codes. Every message is one line that
// names the file, JSON path, field, parcel or plugin at fault.
#pragma once

#include <stdexcept>
#include <string>

namespace siterank {

enum class ExitCode : int {
  ok = 0,
  internal = 1,  // a bug: an unexpected exception
  usage = 2,     // bad command line
  input = 3,     // bad profile, manifest or data
  plugin = 4,    // a plugin refused, threw, or returned a bad score
  output = 5,    // cannot write the output
};

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
struct InputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
struct PluginError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
struct OutputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace siterank
