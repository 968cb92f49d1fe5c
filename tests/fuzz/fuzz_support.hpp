// What the libFuzzer harnesses share (docs/fuzzing.md): a scratch folder for
// the parsers that read files, and the rule that separates a refused input
// from a bug. A parser may refuse bad input only with its documented
// exception type; any other exception aborts, so libFuzzer reports it as a
// crash with the input that caused it, like a sanitizer report would.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>
#include <typeinfo>

namespace siterank::fuzz {

// A fresh folder per process, so parallel fuzzers (-jobs) never share files;
// removed at exit. Under $TMPDIR when set, which may be a tmpfs.
inline const std::filesystem::path& scratch_dir() {
  static const std::filesystem::path dir = [] {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/siterank-fuzz-XXXXXX";
    if (!mkdtemp(pattern.data())) {
      std::perror("siterank fuzz: mkdtemp");
      std::abort();
    }
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(scratch_dir(), ec);
    });
    return std::filesystem::path(pattern);
  }();
  return dir;
}

// Writes the input to scratch_dir()/name, replacing it; returns its path.
inline std::string write_input(const std::string& name, const uint8_t* data, std::size_t size) {
  const std::string path = (scratch_dir() / name).string();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  if (!out) {
    std::fprintf(stderr, "siterank fuzz: cannot write %s\n", path.c_str());
    std::abort();
  }
  return path;
}

// A broken invariant on an accepted input: as bad as a crash.
[[noreturn]] inline void fail(const char* harness, const std::string& what) {
  std::fprintf(stderr, "%s: %s\n", harness, what.c_str());
  std::abort();
}

inline void check(bool ok, const char* harness, const std::string& what) {
  if (!ok) fail(harness, what);
}

// Runs parse(); returns true when it returned, false when it threw one of
// the Refusals (a documented refusal of a bad input). Anything else thrown
// aborts, naming its type and message.
template <typename... Refusals, typename F>
bool accepted(const char* harness, F&& parse) {
  try {
    parse();
    return true;
  } catch (const std::exception& e) {
    if ((... || (dynamic_cast<const Refusals*>(&e) != nullptr))) return false;
    fail(harness, std::string("undocumented exception ") + typeid(e).name() + ": " + e.what());
  } catch (...) {
    fail(harness, "a thrown value that is no std::exception");
  }
}

}  // namespace siterank::fuzz
