// What a scoring thread is doing, for the crash handler
// (siterank/host/signals.hpp): which plugin is in score() and on which
// parcels. Set around every call into a plugin; read only from a signal
// handler on the same thread, so it is plain thread-local data.
#pragma once

#include <string_view>

namespace siterank {

struct CrashContext {
  std::string_view plugin;  // criterion name
  std::string_view file;    // its library
  std::string_view first_parcel, last_parcel;
};

// The innermost context of this thread, or null outside a plugin call.
const CrashContext* current_crash_context() noexcept;

// Sets this thread's context for its lifetime, and gives the thread an
// alternate signal stack (once) so that a plugin that overflows its stack
// is still reported.
class CrashScope {
 public:
  explicit CrashScope(const CrashContext& c) noexcept;
  ~CrashScope();
  CrashScope(const CrashScope&) = delete;
  CrashScope& operator=(const CrashScope&) = delete;

 private:
  const CrashContext* previous_;
};

}  // namespace siterank
