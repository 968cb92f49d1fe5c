// Runs the siterank CLI (or another tool) as a user would, capturing exit
// code, stdout and stderr.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "temp_dir.hpp"

namespace siterank::testing {

struct Outcome {
  int code = -1;
  std::string out;
  std::string err;
};

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs `program args...` in a shell with an optional environment prefix.
inline Outcome run_program(const std::string& program, const std::vector<std::string>& args,
                           const std::string& env = "") {
  static int counter = 0;
  const std::string base =
      "cli_capture_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
  std::string cmd = env + (env.empty() ? "" : " ") + shell_quote(program);
  for (const auto& a : args) cmd += " " + shell_quote(a);
  cmd += " >" + base + ".out 2>" + base + ".err </dev/null";
  const int status = std::system(cmd.c_str());
  Outcome o;
  o.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  o.out = read_file(base + ".out");
  o.err = read_file(base + ".err");
  std::remove((base + ".out").c_str());
  std::remove((base + ".err").c_str());
  return o;
}

inline Outcome siterank_cli(const std::vector<std::string>& args, const std::string& env = "") {
  return run_program(SITERANK_CLI, args, env);
}

}  // namespace siterank::testing
