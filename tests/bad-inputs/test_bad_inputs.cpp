// The bad-input catalogue (issue 20): every case of cases.json is run through
// the siterank CLI in a fresh directory, and must end with the expected exit
// code, one clear line on stderr naming the place, within 60 s, and leave
// the directory exactly as it was (no new file, no .X.tmp.* leftover, a
// `preserve` file byte for byte). README.md describes the fields.
//
// Programs are run as tests/support/cli_runner.hpp runs them (stdin from
// /dev/null, stdout and stderr captured in files), but by fork and exec
// rather than a shell, so that a run can be killed after 60 s, given a file
// size limit (a full disk, safely) and a stdout of /dev/full.
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "cli_fixture.hpp"

namespace fs = std::filesystem;
using json = nlohmann::json;
using namespace siterank::testing;

namespace {

const std::string catalogue_dir = SITERANK_BAD_INPUTS_DIR;
const std::string roads_dir = SITERANK_TEST_DATA "/roads";
const std::string broken_plugins = SITERANK_TEST_BROKEN_PLUGIN_DIR;
const std::set<std::string> kinds{"profile", "manifest", "parcels", "output",
                                  "cli",     "plugin",   "roads"};
constexpr int timeout_s = 60;

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
    s.replace(p, from.size(), to);
  return s;
}

// @TMP@, @GRID@, @ROADS@, @PLUGINS@, @BROKEN_PLUGINS@ in args, files and messages.
std::string substitute(std::string s, const std::string& tmp) {
  s = replace_all(s, "@TMP@", tmp);
  s = replace_all(s, "@GRID@", grid_dir);
  s = replace_all(s, "@ROADS@", roads_dir);
  s = replace_all(s, "@BROKEN_PLUGINS@", broken_plugins);
  return replace_all(s, "@PLUGINS@", good_plugins);
}

void write_bytes(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

// ---- generators: inputs too big or too binary for JSON ----------------------

std::string grid_profile_head() {
  return R"({"project": {"name": "x", "industry": "integrated_circuits"},
  "weights": {"fixture_area": 1},
)";
}

// profile.json: the veto_land_use option nested 10 000 arrays deep.
void deep_nesting(const fs::path& dir, const std::string&) {
  write_bytes(dir / "profile.json", grid_profile_head() +
                                        R"("plugins": {"fixture_area": {"veto_land_use": )" +
                                        std::string(10000, '[') + std::string(10000, ']') + "}}}");
}

// profile.json: 50 MB, a valid profile but for an unknown key at the end
// holding a 50 MB array of zeros.
void profile_50mb(const fs::path& dir, const std::string&) {
  std::string s = grid_profile_head() + R"("padding": [0)";
  s.reserve(50u << 20);
  while (s.size() < (50u << 20))
    s += ",0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0";
  write_bytes(dir / "profile.json", s + "]}");
}

// parcels.geojson: the grid's parcel P-001 with a 1 000 000-vertex outline
// (a 100 m square traced with 250 000 vertices a side), then a second parcel
// with the same id.
void polygon_1m_vertices(const fs::path& dir, const std::string&) {
  std::string ring;
  ring.reserve(30u << 20);
  const int per_side = 250000;
  auto add = [&](double x, double y) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "[%.4f,%.4f],", x, y);
    ring += buf;
  };
  for (int i = 0; i < per_side; ++i) add(520000 + 100.0 * i / per_side, 3350000);
  for (int i = 0; i < per_side; ++i) add(520100, 3350000 + 100.0 * i / per_side);
  for (int i = 0; i < per_side; ++i) add(520100 - 100.0 * i / per_side, 3350100);
  for (int i = 0; i < per_side; ++i) add(520000, 3350100 - 100.0 * i / per_side);
  add(520000, 3350000);
  ring.pop_back();
  write_bytes(
      dir / "parcels.geojson",
      R"({"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4549"}},
"features": [
{"type": "Feature", "properties": {"地块编号": "P-001", "用地性质": "M1"}, "geometry": {"type": "Polygon", "coordinates": [[)" +
          ring + R"(]]}},
{"type": "Feature", "properties": {"地块编号": "P-001", "用地性质": "M1"}, "geometry": {"type": "Polygon", "coordinates": [[[520200, 3350000], [520400, 3350000], [520400, 3350100], [520200, 3350100], [520200, 3350000]]]}}
]})");
}

// parcels.gpkg: the grid's parcels as a GeoPackage (layer parcels); with
// ARG "empty" the layer has the fields but no features.
void gpkg(const fs::path& dir, const std::string& arg) {
  std::vector<std::string> args{
      "-f",   "GPKG",   (dir / "parcels.gpkg").string(), grid_dir + "/parcels.geojson",
      "-nln", "parcels"};
  if (arg == "empty") args.insert(args.end(), {"-where", "1 = 0"});
  const Outcome o = ogr2ogr(args);
  INFO(o.err);
  REQUIRE(o.code == 0);
}

// parcels.gpkg cut after ARG bytes (default 1024: the SQLite header and part
// of the first page).
void truncated_gpkg(const fs::path& dir, const std::string& arg) {
  gpkg(dir, "");
  fs::resize_file(dir / "parcels.gpkg", arg.empty() ? 1024 : std::stoull(arg));
}

// parcels.gpkg: 2000 parcels P-0000 .. P-1999 (100 m squares with a 200-byte
// note each, so the table spans many pages), one 4 KiB page in the middle of
// the file overwritten with zeros: a GeoPackage damaged inside, not cut.
void corrupt_gpkg(const fs::path& dir, const std::string&) {
  std::string features;
  for (int i = 0; i < 2000; ++i) {
    const int x = 520000 + (i % 50) * 200, y = 3350000 + (i / 50) * 200;
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  R"(%s{"type": "Feature", "properties": {"地块编号": "P-%04d", "用地性质": "M1", )"
                  R"("供地状态": "净地", "说明": "%s"}, "geometry": {"type": "Polygon", )"
                  R"("coordinates": [[[%d, %d], [%d, %d], [%d, %d], [%d, %d], [%d, %d]]]}})",
                  i ? ",\n" : "", i, std::string(200, 'x').c_str(), x, y, x + 100, y, x + 100,
                  y + 100, x, y + 100, x, y);
    features += buf;
  }
  const fs::path source = dir / "corrupt_source.geojson";
  write_bytes(source, R"({"type": "FeatureCollection", "crs": {"type": "name", "properties": )"
                      R"({"name": "urn:ogc:def:crs:EPSG::4549"}}, "features": [)" +
                          features + "]}");
  const Outcome o =
      ogr2ogr({"-f", "GPKG", (dir / "parcels.gpkg").string(), source.string(), "-nln", "parcels"});
  fs::remove(source);
  INFO(o.err);
  REQUIRE(o.code == 0);
  std::fstream f(dir / "parcels.gpkg", std::ios::in | std::ios::out | std::ios::binary);
  const auto pages = fs::file_size(dir / "parcels.gpkg") / 4096;
  f.seekp(static_cast<std::streamoff>(pages / 2 * 4096));
  f << std::string(4096, '\0');
}

// ARG (a file name): 0 bytes.
void zero_byte_file(const fs::path& dir, const std::string& arg) { write_bytes(dir / arg, ""); }

// ARG, written by `files`: each @INVALID@ replaced by bytes that are not UTF-8.
void invalid_utf8(const fs::path& dir, const std::string& arg) {
  write_bytes(dir / arg, replace_all(read_file((dir / arg).string()), "@INVALID@", "\xff\xfe\xc3"));
}

// ARG, written by `files`: a UTF-8 byte order mark put before its text.
void bom(const fs::path& dir, const std::string& arg) {
  write_bytes(dir / arg, "\xEF\xBB\xBF" + read_file((dir / arg).string()));
}

// ARG -> ARG.loop -> ARG: a symbolic link loop.
void symlink_loop(const fs::path& dir, const std::string& arg) {
  fs::create_symlink(arg + ".loop", dir / arg);
  fs::create_symlink(arg, dir / (arg + ".loop"));
}

// ARG: a directory.
void directory(const fs::path& dir, const std::string& arg) { fs::create_directories(dir / arg); }

using Generator = std::function<void(const fs::path&, const std::string&)>;
const std::map<std::string, Generator>& generators() {
  static const std::map<std::string, Generator> g{{"deep-nesting-10000", deep_nesting},
                                                  {"profile-50mb", profile_50mb},
                                                  {"polygon-1m-vertices", polygon_1m_vertices},
                                                  {"gpkg", gpkg},
                                                  {"truncated-gpkg", truncated_gpkg},
                                                  {"corrupt-gpkg", corrupt_gpkg},
                                                  {"zero-byte-file", zero_byte_file},
                                                  {"invalid-utf8", invalid_utf8},
                                                  {"bom", bom},
                                                  {"symlink-loop", symlink_loop},
                                                  {"directory", directory}};
  return g;
}

// "name" or "name:arg".
std::pair<std::string, std::string> generator_call(const std::string& spec) {
  const auto colon = spec.find(':');
  if (colon == std::string::npos) return {spec, ""};
  return {spec.substr(0, colon), spec.substr(colon + 1)};
}

std::vector<std::string> generator_specs(const json& c) {
  if (!c.contains("generate")) return {};
  if (c["generate"].is_string()) return {c["generate"].get<std::string>()};
  return c["generate"].get<std::vector<std::string>>();
}

// ---- running a case ----------------------------------------------------------

struct Run {
  int code = -1;           // the exit code, or -1
  int signal = 0;          // the signal that ended it
  bool timed_out = false;  // killed after timeout_s
  double seconds = 0;
  std::string out, err;
};

// Runs `program args` with stdin /dev/null, stdout to `stdout_path`, stderr
// to `stderr_path`, and optionally a file size limit (with SIGXFSZ ignored,
// so writes beyond it fail with EFBIG as on a full disk).
Run run_with_timeout(const std::string& program, const std::vector<std::string>& args,
                     const std::string& stdout_path, const std::string& stderr_path,
                     long fsize_limit, const std::map<std::string, std::string>& env) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<char*> argv{const_cast<char*>(program.c_str())};
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const int in = ::open("/dev/null", O_RDONLY);
    const int out = ::open(stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = ::open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0 || err < 0) ::_exit(126);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    if (fsize_limit > 0) {
      ::signal(SIGXFSZ, SIG_IGN);
      const rlimit lim{static_cast<rlim_t>(fsize_limit), static_cast<rlim_t>(fsize_limit)};
      ::setrlimit(RLIMIT_FSIZE, &lim);
    }
    for (const auto& [name, value] : env) ::setenv(name.c_str(), value.c_str(), 1);
    ::execv(program.c_str(), argv.data());
    ::_exit(127);
  }
  Run r;
  int status = 0;
  while (true) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (std::chrono::steady_clock::now() - start > std::chrono::seconds(timeout_s)) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      r.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (WIFEXITED(status)) r.code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  return r;
}

// What is in a directory: relative path -> its kind and (files) content hash.
using Snapshot = std::map<std::string, std::string>;
Snapshot snapshot(const fs::path& root) {
  Snapshot s;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    const std::string rel = it->path().lexically_relative(root).string();
    const auto st = it->symlink_status();
    if (fs::is_symlink(st))
      s[rel] = "symlink to " + fs::read_symlink(it->path()).string();
    else if (fs::is_directory(st))
      s[rel] = "directory";
    else if (fs::is_regular_file(st)) {
      const std::string bytes = read_file(it->path().string());
      s[rel] = "file of " + std::to_string(bytes.size()) + " bytes, hash " +
               std::to_string(std::hash<std::string>{}(bytes));
    } else {
      s[rel] = "special file";
    }
  }
  return s;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) out.push_back(line);
  return out;
}

// Lines the CLI prints on successful runs too: warnings and notes.
bool is_warning(const std::string& line) {
  static const std::regex re("^(siterank[^:]*: )?(warning|note): .*");
  return std::regex_match(line, re);
}

struct Observed {
  Run run;
  std::string dir;
  std::vector<std::string> args;
  std::vector<std::string> error_lines;  // stderr without warnings
  std::vector<std::string> new_entries, lost_entries, changed_entries;
};

Observed run_case(const json& c) {
  const std::string id = c.at("id").get<std::string>();
  const TempDir d("bad_" + id);
  const fs::path dir(d.path());
  if (c.contains("files"))
    for (const auto& [name, content] : c["files"].items()) {
      const fs::path p = dir / name;
      if (!name.empty() && name.back() == '/') {
        fs::create_directories(p);
        continue;
      }
      fs::create_directories(p.parent_path());
      write_bytes(p, substitute(content.is_string() ? content.get<std::string>() : content.dump(1),
                                d.path()));
    }
  for (const auto& spec : generator_specs(c)) {
    const auto [name, arg] = generator_call(spec);
    generators().at(name)(dir, arg);
  }
  Observed o;
  o.dir = d.path();
  for (const auto& a : c.at("args")) o.args.push_back(substitute(a.get<std::string>(), d.path()));
  const Snapshot before = snapshot(dir);
  const std::string capture = (fs::current_path() / ("bad_capture_" + id)).string();
  const std::string out_path =
      c.value("stdout", std::string()) == "/dev/full" ? std::string("/dev/full") : capture + ".out";
  std::map<std::string, std::string> env;
  if (c.contains("env"))
    for (const auto& [name, value] : c["env"].items())
      env[name] = substitute(value.get<std::string>(), d.path());
  o.run = run_with_timeout(SITERANK_CLI, o.args, out_path, capture + ".err",
                           c.value("file_size_limit", 0L), env);
  if (out_path != "/dev/full") o.run.out = read_file(out_path);
  o.run.err = read_file(capture + ".err");
  fs::remove(capture + ".out");
  fs::remove(capture + ".err");
  for (const auto& line : lines_of(o.run.err))
    if (!is_warning(line)) o.error_lines.push_back(line);
  const Snapshot after = snapshot(dir);
  for (const auto& [name, what] : after) {
    const auto it = before.find(name);
    if (it == before.end())
      o.new_entries.push_back(name);
    else if (it->second != what)
      o.changed_entries.push_back(name);
  }
  for (const auto& [name, what] : before)
    if (!after.count(name)) o.lost_entries.push_back(name);
  return o;
}

// Whether a run meets every check of the catalogue (the test's CHECKs, in one).
bool passes(const json& c, const Observed& o) {
  const int expected = c.value("exit", -1);
  const std::string message = substitute(c.value("message", std::string("\x01")), o.dir);
  return !o.run.timed_out && o.run.signal == 0 && o.run.code == expected &&
         o.error_lines.size() == 1 && o.error_lines[0].find(message) != std::string::npos &&
         (expected < 3 || o.error_lines[0].find(": error: ") != std::string::npos) &&
         o.run.out.empty() && o.new_entries.empty() && o.lost_entries.empty() &&
         o.changed_entries.empty() &&
         (!c.contains("preserve") ||
          fs::exists(fs::path(o.dir) / c["preserve"].get<std::string>()));
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

const json& load(const std::string& file) {
  static std::map<std::string, json> cache;
  auto it = cache.find(file);
  if (it == cache.end()) {
    const std::string text = read_file(file[0] == '/' ? file : catalogue_dir + "/" + file);
    REQUIRE_FALSE(text.empty());
    it = cache.emplace(file, json::parse(text)).first;
  }
  return it->second;
}

}  // namespace

TEST_CASE("the bad-input catalogue is well formed") {
  const json& cases = load("cases.json");
  REQUIRE(cases.is_array());
  CHECK(cases.size() >= 80);
  std::set<std::string> ids;
  std::map<std::string, int> per_kind;
  const std::regex kebab("^[a-z0-9]+(-[a-z0-9]+)*$");
  for (const auto& c : cases) {
    const std::string id = c.at("id").get<std::string>();
    INFO(id);
    CHECK(std::regex_match(id, kebab));
    CHECK(ids.insert(id).second);
    CHECK(kinds.count(c.at("kind").get<std::string>()));
    ++per_kind[c.at("kind").get<std::string>()];
    CHECK(c.at("args").is_array());
    CHECK(c.at("exit").is_number_integer());
    CHECK(c.at("exit").get<int>() != 0);
    CHECK_FALSE(c.at("message").get<std::string>().empty());
    for (const auto& spec : generator_specs(c))
      CHECK(generators().count(generator_call(spec).first));
  }
  // The known failures are not run, but must not hide among the cases.
  for (const auto& c : load("known-failures.json")) {
    INFO(c.at("id").get<std::string>());
    for (const auto& spec : generator_specs(c))
      CHECK(generators().count(generator_call(spec).first));
    CHECK_FALSE(c.at("now").get<std::string>().empty());
    CHECK(ids.insert(c.at("id").get<std::string>()).second);
  }
  std::cout << "bad-input catalogue: " << cases.size() << " cases:";
  for (const auto& [kind, n] : per_kind) std::cout << " " << kind << " " << n;
  std::cout << "; " << load("known-failures.json").size() << " known failures (not run)\n";
}

TEST_CASE("every bad input fails cleanly: exit code, one line naming the place, no leftovers") {
  const json& cases = load("cases.json");
  for (const auto& c : cases) {
    const std::string id = c.at("id").get<std::string>();
    DYNAMIC_SECTION(id) {
      const Observed o = run_case(c);
      const int expected = c.at("exit").get<int>();
      const std::string message = substitute(c.at("message").get<std::string>(), o.dir);
      INFO("args: " << joined(o.args));
      INFO("stderr:\n" << o.run.err);
      CHECK_FALSE(o.run.timed_out);
      CHECK(o.run.signal == 0);
      CHECK(o.run.code == expected);
      REQUIRE(o.error_lines.size() == 1);
      CHECK_THAT(o.error_lines[0], Catch::Contains(message));
      if (expected >= 3) CHECK_THAT(o.error_lines[0], Catch::Contains(": error: "));
      CHECK(o.run.out.empty());
      INFO("in " << o.dir);
      CHECK(joined(o.new_entries).empty());
      CHECK(joined(o.lost_entries).empty());
      CHECK(joined(o.changed_entries).empty());
      if (c.contains("preserve"))
        CHECK(fs::exists(fs::path(o.dir) / c["preserve"].get<std::string>()));
      if (o.run.seconds > 10)
        std::cout << "bad-input case " << id << ": " << o.run.seconds << " s\n";
      // A case that passed leaves nothing behind (some inputs are 50 MB);
      // a failed one keeps its directory for inspection.
      if (passes(c, o)) fs::remove_all(o.dir);
    }
  }
}

// Not run by ctest ("[.]"): runs the known failures (but those marked
// `unsafe`) and prints what each does now, to update their `now` or to move a
// fixed one to cases.json. test_bad_inputs "[survey]"; SITERANK_BAD_INPUTS=FILE
// surveys another file of cases (a draft) instead.
TEST_CASE("what the known failures do now", "[.][survey]") {
  const char* file = std::getenv("SITERANK_BAD_INPUTS");
  const json& cases = load(file ? file : "known-failures.json");
  json report = json::array();
  for (const auto& c : cases) {
    if (c.contains("unsafe")) {
      std::cout << c["id"].get<std::string>() << ": not run: " << c["unsafe"].get<std::string>()
                << "\n";
      continue;
    }
    const Observed o = run_case(c);
    const bool ok = passes(c, o);
    report.push_back({{"id", c["id"]},
                      {"passes", ok},
                      {"exit", o.run.code},
                      {"signal", o.run.signal},
                      {"timed_out", o.run.timed_out},
                      {"seconds", o.run.seconds},
                      {"stderr", o.run.err},
                      {"stdout_bytes", o.run.out.size()},
                      {"new", o.new_entries},
                      {"lost", o.lost_entries},
                      {"changed", o.changed_entries}});
  }
  std::cout << report.dump(1, ' ', false, json::error_handler_t::replace) << "\n";
}
