// The message of the exception a call throws, or "(no error)": error
// messages are part of the interface, so tests compare them whole.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

namespace siterank::testing {

template <class Error = std::invalid_argument, class F>
std::string error_of(F&& f) {
  try {
    std::forward<F>(f)();
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace siterank::testing
