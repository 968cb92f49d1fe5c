// Signal handling for an application built on the host (the CLI calls it
// first thing in main). Opt-in, since a library must not take signals
// from the program that embeds it.
//
// After install_signal_handling():
// - SIGINT, SIGTERM, SIGHUP: the temporaries of outputs being written are
//   removed (no partial target, no hidden .X.tmp.* file), then the process
//   dies of the signal as it would have.
// - SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT raised while a plugin scores:
//   one line on stderr names the plugin, its file and the parcels of the
//   batch, temporaries are removed, and the process exits with
//   `plugin_crash_status` (the CLI's plugin error, 4). Raised anywhere
//   else: temporaries are removed and the signal takes its usual course
//   (a core dump, or the handler that was there before).
// Standard library only.
#pragma once

namespace siterank {

inline constexpr int plugin_crash_status = 4;

// Idempotent; call it before starting threads.
void install_signal_handling();

}  // namespace siterank
