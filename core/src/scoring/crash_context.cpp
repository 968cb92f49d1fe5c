#include "scoring/crash_context.hpp"

#include <signal.h>

#include <cstddef>

namespace siterank {

namespace {

thread_local const CrashContext* current = nullptr;
thread_local bool has_alt_stack = false;
// 64 KiB: enough for the handler's few writes, and MINSIGSTKSZ on every
// Linux target.
constexpr std::size_t alt_stack_size = 64 * 1024;
alignas(16) thread_local char alt_stack[alt_stack_size];

void ensure_alt_stack() noexcept {
  if (has_alt_stack) return;
  has_alt_stack = true;
  stack_t current_stack{};
  if (::sigaltstack(nullptr, &current_stack) == 0 && !(current_stack.ss_flags & SS_DISABLE))
    return;  // the application (or a sanitizer) has set one up already
  stack_t st{};
  st.ss_sp = alt_stack;
  st.ss_size = alt_stack_size;
  ::sigaltstack(&st, nullptr);
}

}  // namespace

const CrashContext* current_crash_context() noexcept { return current; }

CrashScope::CrashScope(const CrashContext& c) noexcept : previous_(current) {
  ensure_alt_stack();
  current = &c;
}

CrashScope::~CrashScope() { current = previous_; }

}  // namespace siterank
