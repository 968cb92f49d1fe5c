// The CLI's exit codes, one per kind of error (siterank/host/errors.hpp).
#pragma once

namespace siterank::cli {

enum class ExitCode : int {
  ok = 0,
  internal = 1,  // a bug: an unexpected exception
  usage = 2,     // bad command line
  input = 3,     // bad profile, manifest or data
  plugin = 4,    // a plugin refused, threw, or returned a bad score
  output = 5,    // cannot write the output
};

}  // namespace siterank::cli
