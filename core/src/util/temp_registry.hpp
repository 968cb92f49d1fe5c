// The temporaries of the outputs being written, so that a signal that ends
// the process (SIGINT, SIGTERM, a plugin's crash) leaves none behind. A
// fixed table of fixed buffers: the crash handler reads it, and may not
// allocate or lock.
#pragma once

#include <string>

namespace siterank {

// Registers a temporary file, or a temporary directory holding files
// (`dir` non-empty, `file` its main file). Returns a slot for
// forget_temporary(), or -1 when the table is full or a path too long
// (the temporary is then only removed by normal unwinding).
int register_temporary(const std::string& file, const std::string& dir);
void forget_temporary(int slot);

// Removes every registered temporary: for a directory, its main file,
// SQLite's side files of it and the directory itself. Async-signal-safe.
void remove_temporaries_now() noexcept;

}  // namespace siterank
