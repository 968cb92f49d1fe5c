// SIGINT or SIGTERM during a long write (issue 20): the process dies of the
// signal, and leaves neither a partial target nor a hidden temporary
// (.X.tmp.*) beside it. On a generated 200,000-parcel dataset, so the
// GeoJSON and GeoPackage writes last long enough to be interrupted: the
// test waits until the writer's temporary appears, then signals.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "cli_runner.hpp"
#include "temp_dir.hpp"

extern char** environ;

using siterank::testing::Outcome;
using siterank::testing::run_program;
using siterank::testing::TempDir;

namespace fs = std::filesystem;

namespace {

const std::string profile = SITERANK_SOURCE_DIR "/bench/profile.json";

std::vector<std::string> names_in(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  return out;
}

bool has_prefix(const std::vector<std::string>& names, const std::string& prefix) {
  for (const auto& n : names)
    if (n.rfind(prefix, 0) == 0) return true;
  return false;
}

pid_t spawn_quiet(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, args[0], &fa, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  return rc == 0 ? pid : -1;
}

// Starts `rank -o out/<target>`, signals it once the writer's temporary is
// there, and returns the wait status.
int interrupt_write(const std::string& dataset, const std::string& out_dir,
                    const std::string& target, int sig) {
  const pid_t pid =
      spawn_quiet({SITERANK_CLI, "rank", "--profile", profile, "--dataset", dataset, "--top", "0",
                   "--include-vetoed", "-q", "-o", out_dir + "/" + target});
  REQUIRE(pid > 0);
  const std::string temp_prefix = "." + target + ".tmp.";
  bool seen = false;
  int status = 0;
  for (int i = 0; i < 60000 && !seen; ++i) {  // up to 10 min under the sanitizers
    if (waitpid(pid, &status, WNOHANG) == pid) {
      FAIL("siterank ended before its temporary was seen; status " << status);
    }
    seen = has_prefix(names_in(out_dir), temp_prefix);
    if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  REQUIRE(seen);
  // Into the write, not just its first byte.
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  kill(pid, sig);
  REQUIRE(waitpid(pid, &status, 0) == pid);
  return status;
}

}  // namespace

TEST_CASE("an interrupted write leaves no partial output and no temporary", "[bench][signals]") {
  const TempDir root("bench_signals");
  const std::string data = root.file("data");
  {
    const Outcome o =
        run_program(SITERANK_BENCH_GENERATE, {"--parcels", "200000", "--out", data, "--seed", "3"});
    INFO(o.err);
    REQUIRE(o.code == 0);
  }
  struct Case {
    std::string target;
    int sig;
  };
  for (const Case& c : {Case{"all.geojson", SIGINT}, Case{"all.gpkg", SIGTERM},
                        Case{"all.geojson", SIGTERM}, Case{"all.gpkg", SIGINT}}) {
    DYNAMIC_SECTION(c.target << " " << strsignal(c.sig)) {
      const std::string out = root.file("out");
      fs::remove_all(out);
      fs::create_directories(out);
      const int status = interrupt_write(data, out, c.target, c.sig);
      CHECK(WIFSIGNALED(status));
      if (WIFSIGNALED(status)) CHECK(WTERMSIG(status) == c.sig);
      const std::vector<std::string> left = names_in(out);
      INFO("left in the output folder: " << left.size() << (left.empty() ? "" : ", " + left[0]));
      CHECK(left.empty());
    }
  }
}
