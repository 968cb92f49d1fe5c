// What must never happen to a user's files or process (issue 20): an
// output that replaces an input or a device node, a plugin crash that
// ends the run silently, a plugin loaded from a place anyone can write.
#include <sys/stat.h>
#include <unistd.h>

#include "cli_fixture.hpp"

using namespace siterank::testing;
namespace fs = std::filesystem;

namespace {

const std::string area_profile = grid_dir + "/profile_area.json";

Outcome rank_to(const std::string& profile, const std::vector<std::string>& extra) {
  std::vector<std::string> args{"rank", "--profile", profile, "--dataset", grid_dir, "-q"};
  args.insert(args.end(), extra.begin(), extra.end());
  return siterank_cli(with_plugins(args));
}

std::string crash_profile(const TempDir& d, const std::string& mode) {
  d.write("crash.json", R"({"project": {"name": "x", "industry": "integrated_circuits"},
      "weights": {"fixture_area": 1, "fixture_faulty": 1},
      "plugins": {"fixture_faulty": {"mode": ")" +
                            mode + R"(", "parcel": "P-003"}}})");
  return d.file("crash.json");
}

}  // namespace

TEST_CASE("an output naming an input of the run is refused and the input kept") {
  TempDir d("same_file");
  fs::copy_file(area_profile, d.file("p.json"));
  const std::string before = read_file(d.file("p.json"));
  Outcome o = rank_to(d.file("p.json"), {"-o", d.file("p.json")});
  CHECK(o.code == 5);
  CHECK(o.err == "siterank rank: error: " + d.file("p.json") +
                     ": is an input of this run; choose another output file\n");
  CHECK(read_file(d.file("p.json")) == before);

  // Through another name: a hard link to the parcels.
  const std::string parcels = read_file(grid_dir + "/parcels.geojson");
  TempDir data("same_file_data");
  write_grid_manifest(data, "parcels.geojson");
  fs::copy_file(grid_dir + "/parcels.geojson", data.file("parcels.geojson"));
  fs::create_hard_link(data.file("parcels.geojson"), d.file("alias.geojson"));
  o = siterank_cli(with_plugins({"rank", "--profile", area_profile, "--dataset", data.path(), "-q",
                                 "-o", d.file("alias.geojson")}));
  CHECK(o.code == 5);
  CHECK_THAT(o.err, Catch::Contains("alias.geojson: is an input of this run (") &&
                        Catch::Contains("parcels.geojson)"));
  CHECK(read_file(data.file("parcels.geojson")) == parcels);
}

TEST_CASE("a character device or FIFO is written in place, never replaced") {
  TempDir d("devices");
  // /dev/full: the write fails (ENOSPC), exit 5, and the node is still a device.
  Outcome o = rank_to(area_profile, {"-f", "csv", "-o", "/dev/full"});
  CHECK(o.code == 5);
  CHECK(o.err == "siterank rank: error: /dev/full: write failed (disk full?)\n");
  CHECK(fs::is_character_file("/dev/full"));
  // A GDAL format needs a regular file: refused, node untouched.
  o = rank_to(area_profile, {"-f", "gpkg", "-o", "/dev/full"});
  CHECK(o.code == 5);
  CHECK_THAT(o.err, Catch::Contains("/dev/full: is not a regular file"));
  CHECK(fs::is_character_file("/dev/full"));

  // A named pipe gets the bytes; it stays a pipe.
  const std::string fifo = d.file("pipe");
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  const Outcome reader_out = [&] {
    // The reader runs in a shell in the background; the ranking writes.
    const Outcome started = run_program(
        "sh",
        {"-c", "cat " + shell_quote(fifo) + " > " + shell_quote(d.file("from_pipe.csv")) + " &"});
    REQUIRE(started.code == 0);
    return rank_to(area_profile, {"-f", "csv", "-o", fifo});
  }();
  CHECK(reader_out.code == 0);
  CHECK(fs::is_fifo(fifo));
  for (int i = 0; i < 100 && read_file(d.file("from_pipe.csv")).empty(); ++i) usleep(20000);
  CHECK(read_file(d.file("from_pipe.csv")) == rank_to(area_profile, {"-f", "csv"}).out);
}

TEST_CASE("a symbolic link as output is written through and stays a link") {
  TempDir d("symlink");
  fs::create_symlink("real.csv", d.file("link.csv"));  // dangling until written
  const Outcome o = rank_to(area_profile, {"-o", d.file("link.csv")});
  REQUIRE(o.code == 0);
  CHECK(fs::is_symlink(d.file("link.csv")));
  CHECK(read_file(d.file("real.csv")) == rank_to(area_profile, {"-f", "csv"}).out);
}

TEST_CASE("a plugin that crashes is named with its parcel batch, exit 4, and no output") {
  TempDir d("crash");
  for (const std::string mode : {"segfault", "abort"}) {
    const Outcome o = rank_to(crash_profile(d, mode), {"-o", d.file("out.csv")});
    CHECK(o.code == 4);
    CHECK_THAT(o.err,
               Catch::StartsWith("siterank: error: plugin 'fixture_faulty' (" + good_plugins +
                                 "/siterank_fixture_faulty.so) crashed with " +
                                 (mode == "segfault" ? "SIGSEGV" : "SIGABRT")) &&
                   Catch::EndsWith(", while scoring parcels P-001 .. P-009; no output "
                                   "written\n"));
  }
  // report opens its output first: nothing is left of it either.
  const Outcome o = siterank_cli(with_plugins({"report", "--profile", crash_profile(d, "segfault"),
                                               "--dataset", grid_dir, "-o", d.file("r.html")}));
  CHECK(o.code == 4);
  std::vector<std::string> left;
  for (const auto& e : fs::directory_iterator(d.path())) left.push_back(e.path().filename());
  CHECK(left == std::vector<std::string>{"crash.json"});
}

TEST_CASE("plugins in a world-writable directory or a foreign-owned file are not loaded") {
  TempDir d("insecure");
  const std::string dir = d.file("plugins");
  fs::create_directories(dir);
  for (const auto& e : fs::directory_iterator(good_plugins))
    fs::copy_file(e.path(), dir + "/" + e.path().filename().string());
  fs::permissions(dir, fs::perms::others_write, fs::perm_options::add);
  const std::vector<std::string> run{"rank", "--profile", area_profile, "--dataset",     grid_dir,
                                     "-q",   "-f",        "csv",        "--plugins-dir", dir};
  Outcome o = siterank_cli(run);
  CHECK(o.code == 4);
  CHECK_THAT(o.err, Catch::Contains("$.weights.fixture_area: no plugin provides criterion") &&
                        Catch::Contains("(" + dir +
                                        "/siterank_fixture_area.so was refused: the "
                                        "directory " +
                                        dir +
                                        " is world-writable: anyone could "
                                        "have put code there, so it is not loaded"));
  // A run that needs none of them still warns about each.
  o = siterank_cli({"validate", "--profile",
                    SITERANK_SOURCE_DIR "/configs/profiles/drone_maker.json", "--plugins-dir",
                    dir});
  CHECK(o.code == 0);
  CHECK_THAT(o.err, Catch::Contains("warning: plugin " + dir +
                                    "/siterank_fixture_area.so refused: the directory " + dir +
                                    " is world-writable"));
  // The user may say they trust it.
  std::vector<std::string> trusted = run;
  trusted.push_back("--allow-insecure-plugins");
  o = siterank_cli(trusted);
  CHECK(o.code == 0);
  CHECK(o.out == rank_to(area_profile, {"-f", "csv"}).out);

  fs::permissions(dir, fs::perms::others_write, fs::perm_options::remove);
  if (geteuid() == 0) {  // only root can give a file away
    REQUIRE(chown((dir + "/siterank_fixture_area.so").c_str(), 65534, 65534) == 0);
    o = siterank_cli({"plugins", "--plugins-dir", dir});
    CHECK(o.code == 0);
    CHECK_THAT(o.out, Catch::Contains("siterank_fixture_area.so is owned by uid 65534, not by you "
                                      "or root"));
  }
}

TEST_CASE("thread counts out of range are usage errors, from the flag or the environment") {
  Outcome o = rank_to(area_profile, {"--threads", "4294967296"});
  CHECK(o.code == 2);
  CHECK(o.err == "siterank rank: --threads 4294967296 is more than 1024 (0 means all cores)\n");
  o = siterank_cli(
      with_plugins({"rank", "--profile", area_profile, "--dataset", grid_dir, "-q", "-f", "csv"}),
      "SITERANK_NUM_THREADS=abc");
  CHECK(o.code == 2);
  CHECK_THAT(o.err, Catch::Contains("SITERANK_NUM_THREADS='abc' is not a thread count"));
}

TEST_CASE("rank warns about each plugin file it refuses and each plugin directory not there") {
  TempDir d("refused_warnings");
  fs::create_directories(d.file("plugins"));
  d.write("plugins/siterank_fake.so", "not a shared library");
  Outcome o = rank_to(area_profile, {"-f", "csv", "--plugins-dir", d.file("plugins"),
                                     "--plugins-dir", d.file("nope")});
  CHECK(o.code == 0);  // the run needs neither
  CHECK_THAT(o.err, Catch::Contains("warning: plugin " + d.file("plugins/siterank_fake.so") +
                                    " refused: cannot load") &&
                        Catch::Contains("warning: plugin directory " + d.file("nope") +
                                        " does not exist"));
  CHECK(o.out == rank_to(area_profile, {"-f", "csv"}).out);
  o = rank_to(area_profile, {"-f", "csv", "--plugins-dir", SITERANK_TEST_BROKEN_PLUGIN_DIR});
  CHECK(o.code == 0);
  CHECK_THAT(o.err, Catch::Contains("siterank_no_entry.so refused: missing entry symbol"));
}
