// install_signal_handling (siterank/host/signals.hpp). Everything the
// handlers do is async-signal-safe: write(2), unlink/rmdir through
// util/temp_registry, sigaction, raise, _exit.
#include <signal.h>
#include <unistd.h>

#include <cstring>
#include <mutex>
#include <siterank/host/signals.hpp>
#include <string_view>

#include "scoring/crash_context.hpp"
#include "util/temp_registry.hpp"

namespace siterank {

namespace {

constexpr int interrupt_signals[] = {SIGINT, SIGTERM, SIGHUP};
constexpr int crash_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
constexpr int max_signal = 65;
struct sigaction previous[max_signal];

const char* signal_name(int sig) {
  switch (sig) {
    case SIGSEGV:
      return "SIGSEGV, a segmentation fault";
    case SIGBUS:
      return "SIGBUS, a bus error";
    case SIGFPE:
      return "SIGFPE, an arithmetic fault";
    case SIGILL:
      return "SIGILL, an illegal instruction";
    case SIGABRT:
      return "SIGABRT, abort()";
    default:
      return "a signal";
  }
}

void put(std::string_view s) {
  while (!s.empty()) {
    const ssize_t n = ::write(STDERR_FILENO, s.data(), s.size());
    if (n <= 0) return;
    s.remove_prefix(static_cast<std::size_t>(n));
  }
}

// Back to what was there before, then the signal again: it is delivered
// when this handler returns (or, for a fault, the instruction faults again).
void pass_on(int sig) {
  ::sigaction(sig, &previous[sig], nullptr);
  ::raise(sig);
}

void on_interrupt(int sig) {
  remove_temporaries_now();
  pass_on(sig);
}

void on_crash(int sig) {
  const CrashContext* c = current_crash_context();
  remove_temporaries_now();
  if (!c) {
    pass_on(sig);
    return;
  }
  put("siterank: error: plugin '");
  put(c->plugin);
  put("' (");
  put(c->file);
  put(") crashed with ");
  put(signal_name(sig));
  put(", while scoring parcels ");
  put(c->first_parcel);
  put(" .. ");
  put(c->last_parcel);
  put("; no output written\n");
  ::_exit(plugin_crash_status);
}

void install(int sig, void (*handler)(int), int flags) {
  struct sigaction sa {};
  sa.sa_handler = handler;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = flags;
  ::sigaction(sig, &sa, &previous[sig]);
}

}  // namespace

void install_signal_handling() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (int sig : interrupt_signals) {
      struct sigaction now {};
      ::sigaction(sig, nullptr, &now);
      if (now.sa_handler == SIG_IGN) continue;  // nohup: stay ignored
      install(sig, on_interrupt, SA_RESTART);
    }
    for (int sig : crash_signals) install(sig, on_crash, SA_ONSTACK);
  });
}

}  // namespace siterank
