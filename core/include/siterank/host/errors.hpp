// The kinds of error the host throws. Every message is one line that names
// the file, JSON path, field, parcel or plugin at fault; a caller tells the
// kinds apart by type (the CLI maps them to exit codes), never by text.
// Standard library only.
#pragma once

#include <stdexcept>

namespace siterank {

// A bad request: a command line, an output format that cannot be written.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// A bad profile, manifest or data.
struct InputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// A plugin refused, threw, or returned a bad score.
struct PluginError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// The output cannot be written.
struct OutputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace siterank
