// `siterank report` on the grid fixture: one HTML file that loads nothing,
// with the run's data embedded; its errors and exit codes. The page itself
// is tested in a browser by web/tests/report.spec.mjs (ctest
// web.report_browser).
#include <nlohmann/json.hpp>
#include <regex>

#include "cli_fixture.hpp"

using namespace siterank::testing;

namespace {

const std::string two_profile = grid_dir + "/profile_two.json";

// The text of <script type="application/json" id="siterank-data">.
std::string embedded_data(const std::string& html) {
  const std::string open = R"(<script type="application/json" id="siterank-data">)";
  const std::size_t from = html.find(open);
  REQUIRE(from != std::string::npos);
  const std::size_t begin = from + open.size();
  const std::size_t end = html.find("</script>", begin);
  REQUIRE(end != std::string::npos);
  return html.substr(begin, end - begin);
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

std::size_t files_in(const std::string& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++n;
  return n;
}

}  // namespace

TEST_CASE("report writes one HTML file that loads nothing and embeds every parcel") {
  TempDir d("report");
  const std::string out = d.file("report.html");
  const Outcome o = siterank_cli(
      with_plugins({"report", "--profile", two_profile, "--dataset", grid_dir, "-o", out}));
  INFO(o.err);
  REQUIRE(o.code == 0);
  CHECK(o.out.empty());
  CHECK_THAT(o.err, Catch::Contains("7 ranked, 1 vetoed"));
  const std::string html = read_file(out);
  CHECK_THAT(html, Catch::StartsWith("<!DOCTYPE html>"));

  // Nothing is loaded from anywhere: no external scripts, stylesheets,
  // images or frames, no CSS url() outside data: URIs.
  CHECK_FALSE(std::regex_search(html, std::regex(R"(<script[^>]*\bsrc\s*=)", std::regex::icase)));
  CHECK_FALSE(std::regex_search(html, std::regex(R"(<link\b)", std::regex::icase)));
  CHECK_FALSE(std::regex_search(
      html, std::regex(R"(<(img|iframe|embed|object)\b[^>]*\b(src|data)\s*=\s*["']?(https?:)?//)",
                       std::regex::icase)));
  CHECK_FALSE(std::regex_search(
      html, std::regex(R"(url\(\s*['"]?(https?:|//|images/))", std::regex::icase)));
  CHECK_FALSE(std::regex_search(html, std::regex(R"(@import)")));
  CHECK_THAT(html, !Catch::Contains("sourceMappingURL"));
  // Leaflet is inline (its banner comment is kept, as its licence asks).
  CHECK_THAT(html, Catch::Contains("Leaflet 1.9.4"));
  CHECK_THAT(html, Catch::Contains(".leaflet-container"));

  // The data: the GeoJSON export and the explanations, every parcel of
  // `rank -f json --include-vetoed`, in its order.
  const auto data = nlohmann::json::parse(embedded_data(html));
  const Outcome ranked =
      siterank_cli(with_plugins({"rank", "--profile", two_profile, "--dataset", grid_dir, "-f",
                                 "json", "--include-vetoed", "-q"}));
  REQUIRE(ranked.code == 0);
  const auto expected = nlohmann::json::parse(ranked.out);
  REQUIRE(expected["parcels"].size() == 8);
  REQUIRE(data["parcels"]["features"].size() == expected["parcels"].size());
  REQUIRE(data["explanations"].size() == expected["parcels"].size());
  for (std::size_t i = 0; i < expected["parcels"].size(); ++i) {
    const auto& want = expected["parcels"][i];
    CHECK(data["parcels"]["features"][i]["properties"]["parcel_id"] == want["parcel_id"]);
    // `explain` as the CLI says it, factors by value only (their names are
    // in "criteria"), without the "reasons" summary line.
    auto compact = want;
    compact.erase("reasons");
    for (auto& c : compact["criteria"]) {
      auto values = nlohmann::json::array();
      for (const auto& f : c["factors"]) values.push_back(f["value"]);
      c["factors"] = values;
    }
    CHECK(data["explanations"][i] == compact);
    CHECK_THAT(html, Catch::Contains(want["parcel_id"].get<std::string>()));
  }
  // Vetoed parcels are drawn grey, ranked ones by score.
  CHECK(data["parcels"]["features"][7]["properties"]["fill"] == "#808080");
  CHECK(data["parcels"]["features"][0]["properties"]["fill"] == "#1a9641");
  // Coordinates are EPSG:4326 as in the GeoJSON export: P-004's corner
  // (521000, 3350000) in EPSG:4549 (cs2cs: 120.21823918 30.26941968).
  const auto& ring = data["parcels"]["features"][0]["geometry"]["coordinates"][0];
  CHECK(ring[0][0].get<double>() == Approx(120.21823918).margin(1e-7));
  CHECK(ring[0][1].get<double>() == Approx(30.26941968).margin(1e-7));
  // The profile, its weights and the reference layer the run loaded.
  CHECK(data["profile"]["name"] == "网格测试项目");
  CHECK(data["profile"]["industry"] == "integrated_circuits");
  REQUIRE(data["criteria"].size() == 2);
  for (std::size_t c = 0; c < 2; ++c) {
    for (const char* key : {"name", "plugin", "weight", "raw_weight", "plugin_version"})
      CHECK(data["criteria"][c][key] == expected["criteria"][c][key]);
    const auto& factors = expected["parcels"][0]["criteria"][c]["factors"];
    REQUIRE(data["criteria"][c]["factors"].size() == factors.size());
    for (std::size_t f = 0; f < factors.size(); ++f) {
      CHECK(data["criteria"][c]["factors"][f]["name"] == factors[f]["name"]);
      CHECK(data["criteria"][c]["factors"][f]["unit"] == factors[f]["unit"]);
    }
  }
  REQUIRE(data["layers"].size() == 1);
  CHECK(data["layers"][0]["role"] == "stations");
  const auto& stations = data["layers"][0]["features"]["features"];
  REQUIRE(stations.size() == 2);
  CHECK(stations[0]["properties"]["name"] == "一号站");
  CHECK(stations[0]["geometry"]["type"] == "Point");
  CHECK(data["platforms"]["features"].empty());  // the grid has no platforms layer
}

TEST_CASE("report --top keeps the N best and every vetoed parcel") {
  TempDir d("report_top");
  const std::string out = d.file("top.html");
  const Outcome o = siterank_cli(with_plugins(
      {"report", "--profile", two_profile, "--dataset", grid_dir, "--top", "3", "-o", out, "-q"}));
  REQUIRE(o.code == 0);
  const auto data = nlohmann::json::parse(embedded_data(read_file(out)));
  REQUIRE(data["explanations"].size() == 4);
  CHECK(data["explanations"][2]["rank"] == 3);
  CHECK(data["explanations"][3]["parcel_id"] == "P-005");
  CHECK(data["explanations"][3]["vetoed"] == true);
}

TEST_CASE("report data cannot close its script element") {
  TempDir d("report_injection");
  const std::string name = "Evil </script><script>alert(1)</script> <!-- <b>&";
  d.write("evil.json", R"({"project": {"name": "Evil </script><script>alert(1)</script> <!-- <b>&",
      "industry": "integrated_circuits"}, "weights": {"fixture_area": 1}})");
  const std::string out = d.file("evil.html");
  const Outcome o = siterank_cli(with_plugins(
      {"report", "--profile", d.file("evil.json"), "--dataset", grid_dir, "-o", out, "-q"}));
  INFO(o.err);
  REQUIRE(o.code == 0);
  const std::string html = read_file(out);
  // The template's three <script> elements close where they should and
  // nowhere else; the name is in the data escaped and in the title as text.
  CHECK(count(html, "</script") == 3);
  // The name's own two "<script>" stay: without "<!--" before them (escaped)
  // the HTML parser reads them as text of the data element.
  CHECK(count(html, "<script") == 3 + 2);  // the name is in "profile" and the GeoJSON
  CHECK(count(html, "<!--") == 1);         // the template's own comment
  CHECK_THAT(html, Catch::Contains(R"(Evil <\/script><script>alert(1)<\/script> \u003c!-- <b>&)"));
  CHECK_THAT(html, Catch::Contains(
                       "<title>siterank: Evil &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; "
                       "&lt;!-- &lt;b&gt;&amp; on grid fixture</title>"));
  const auto data = nlohmann::json::parse(embedded_data(html));
  CHECK(data["profile"]["name"] == name);
}

TEST_CASE("report is byte-identical whatever the thread count") {
  TempDir d("report_threads");
  std::vector<std::string> pages;
  for (const char* threads : {"1", "2", "3"}) {
    const std::string out = d.file(std::string("t") + threads + ".html");
    const Outcome o = siterank_cli(with_plugins({"report", "--profile", two_profile, "--dataset",
                                                 grid_dir, "--threads", threads, "-o", out, "-q"}));
    REQUIRE(o.code == 0);
    pages.push_back(read_file(out));
  }
  CHECK(pages[0] == pages[1]);
  CHECK(pages[0] == pages[2]);
}

TEST_CASE("report errors: usage, input, plugin and output, never a partial file") {
  TempDir d("report_errors");
  // No -o, or stdout: usage error.
  Outcome o =
      siterank_cli(with_plugins({"report", "--profile", two_profile, "--dataset", grid_dir}));
  CHECK(o.code == 2);
  CHECK_THAT(o.err, Catch::Contains("-o FILE.html"));
  o = siterank_cli(
      with_plugins({"report", "--profile", two_profile, "--dataset", grid_dir, "-o", "-"}));
  CHECK(o.code == 2);

  // A profile that does not exist, or is not valid: input error, no file.
  const std::string out = d.file("report.html");
  o = siterank_cli(with_plugins(
      {"report", "--profile", d.file("missing.json"), "--dataset", grid_dir, "-o", out}));
  CHECK(o.code == 3);
  CHECK_THAT(o.err, Catch::Contains("missing.json"));
  d.write("bad.json", R"({"project": {"name": "x", "industry": "no_such_industry"},
      "weights": {"fixture_area": 1}})");
  o = siterank_cli(
      with_plugins({"report", "--profile", d.file("bad.json"), "--dataset", grid_dir, "-o", out}));
  CHECK(o.code == 3);
  CHECK_THAT(o.err, Catch::Contains("bad.json"));
  CHECK_FALSE(std::filesystem::exists(out));

  // A directory that does not exist: output error, nothing written.
  const std::string nowhere = d.file("no_such_dir") + "/report.html";
  o = siterank_cli(
      with_plugins({"report", "--profile", two_profile, "--dataset", grid_dir, "-o", nowhere}));
  CHECK(o.code == 5);
  CHECK_THAT(o.err, Catch::Contains("no_such_dir"));
  CHECK_FALSE(std::filesystem::exists(d.file("no_such_dir")));

  // A plugin failing mid-run leaves an existing report as it was and no
  // temporary file beside it.
  d.write("report.html", "precious\n");
  d.write("faulty.json", R"({"project": {"name": "x", "industry": "integrated_circuits"},
      "weights": {"fixture_faulty": 1}, "plugins": {"fixture_faulty": {"mode": "throw", "parcel": "P-003"}}})");
  const std::size_t before = files_in(d.path());
  o = siterank_cli(with_plugins(
      {"report", "--profile", d.file("faulty.json"), "--dataset", grid_dir, "-o", out}));
  CHECK(o.code == 4);
  CHECK(read_file(out) == "precious\n");
  CHECK(files_in(d.path()) == before);
}

TEST_CASE("report refuses a target that is not HTML, and rank an extension no writer has") {
  TempDir d("report_not_html");
  const Outcome pdf = siterank_cli(with_plugins(
      {"report", "--profile", two_profile, "--dataset", grid_dir, "-o", d.file("r.pdf")}));
  CHECK(pdf.code == 2);
  CHECK_THAT(pdf.err, Catch::Contains("the report is HTML; '" + d.file("r.pdf") +
                                      "' does not end in .html or .htm"));
  CHECK(std::filesystem::is_empty(d.path()));
  const Outcome xyz = siterank_cli(with_plugins(
      {"rank", "--profile", two_profile, "--dataset", grid_dir, "-o", d.file("r.xyz")}));
  CHECK(xyz.code == 2);
  CHECK_THAT(xyz.err, Catch::Contains("known extensions: .txt, .csv, .json, .geojson, .gpkg, "
                                      ".fgb, .kml, .html, .htm"));
  CHECK(std::filesystem::is_empty(d.path()));
  // rank -o FILE.html writes the report, as `report` does.
  const Outcome html = siterank_cli(with_plugins(
      {"rank", "--profile", two_profile, "--dataset", grid_dir, "-o", d.file("r.html"), "-q"}));
  REQUIRE(html.code == 0);
  CHECK(read_file(d.file("r.html")).rfind("<!DOCTYPE html>", 0) == 0);
}
