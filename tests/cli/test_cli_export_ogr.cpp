// `siterank rank` to GeoPackage, FlatGeobuf and KML on the grid fixture,
// read back with GDAL's own ogrinfo and compared with the CSV of the same
// run; KML also parsed as text for its placemarks and colours.
#include <cmath>
#include <nlohmann/json.hpp>
#include <regex>

#include "cli_fixture.hpp"

using namespace siterank::testing;

namespace {

const std::string area_profile = grid_dir + "/profile_area.json";
const std::string two_profile = grid_dir + "/profile_two.json";

// `ogrinfo -so -al` output cut at each "Layer name:".
std::map<std::string, std::string> layer_summaries(const std::string& file) {
  const Outcome o = run_program("ogrinfo", {"-so", "-al", file});
  INFO(o.err);
  REQUIRE(o.code == 0);
  std::map<std::string, std::string> out;
  const std::string marker = "Layer name: ";
  for (std::size_t at = o.out.find(marker); at != std::string::npos;) {
    const std::size_t next = o.out.find(marker, at + 1);
    const std::size_t eol = o.out.find('\n', at);
    out[o.out.substr(at + marker.size(), eol - at - marker.size())] =
        o.out.substr(at, next == std::string::npos ? std::string::npos : next - at);
    at = next;
  }
  return out;
}

// The "name: Type (width.precision)" lines of a layer summary, in order:
// {"rank", "Integer"}, {"vetoed", "Integer(Boolean)"} ...
std::vector<std::pair<std::string, std::string>> fields_of(const std::string& summary) {
  std::vector<std::pair<std::string, std::string>> out;
  static const std::regex field(R"(^(\w+): (\w+(?:\(\w+\))?) \(\d+\.\d+\)$)");
  std::istringstream in(summary);
  std::string line;
  std::smatch m;
  while (std::getline(in, line))
    if (std::regex_match(line, m, field)) out.emplace_back(m[1], m[2]);
  return out;
}

// Every feature of a layer as field -> value text, from `ogrinfo -al`
// ("  rank (Integer) = 1"); null values are "(null)".
std::vector<std::map<std::string, std::string>> features_of(const std::string& file,
                                                            const std::string& layer) {
  const Outcome o = run_program("ogrinfo", {"-al", "-q", "-geom=NO", file, layer});
  INFO(o.err);
  REQUIRE(o.code == 0);
  std::vector<std::map<std::string, std::string>> out;
  // The type may nest parentheses: "vetoed (Integer(Boolean)) = 1".
  static const std::regex value(R"(^  (\w+) \((?:[^()]|\([^()]*\))*\) = (.*)$)");
  std::istringstream in(o.out);
  std::string line;
  std::smatch m;
  while (std::getline(in, line)) {
    if (line.rfind("OGRFeature(", 0) == 0)
      out.emplace_back();
    else if (!out.empty() && std::regex_match(line, m, value))
      out.back()[m[1]] = m[2];
  }
  return out;
}

// Scores compared to the CSV's 4 decimals.
std::string four_decimals(const std::string& v) {
  if (v.empty() || v == "(null)") return "";
  std::ostringstream s;
  s.precision(4);
  s << std::fixed << std::stod(v);
  return s.str();
}

std::vector<std::map<std::string, std::string>> csv_of_run(const std::string& profile) {
  const Outcome o = siterank_cli(with_plugins({"rank", "--profile", profile, "--dataset", grid_dir,
                                               "-f", "csv", "--include-vetoed", "-q"}));
  INFO(o.err);
  REQUIRE(o.code == 0);
  return parse_csv(o.out);
}

// The values an OGR layer must share with the CSV row of the same parcel.
void check_same_as_csv(const std::map<std::string, std::string>& f,
                       const std::map<std::string, std::string>& csv,
                       const std::vector<std::string>& criteria) {
  INFO(csv.at("parcel_id"));
  CHECK(f.at("parcel_id") == csv.at("parcel_id"));
  if (f.count("rank")) CHECK(f.at("rank") == (csv.at("rank").empty() ? "(null)" : csv.at("rank")));
  if (f.count("score")) CHECK(four_decimals(f.at("score")) == four_decimals(csv.at("score")));
  for (const auto& c : criteria)
    CHECK(four_decimals(f.at("score_" + c)) == four_decimals(csv.at("score_" + c)));
  for (const char* text : {"platform", "land_use", "status", "reasons"})
    CHECK(f.at(text) == csv.at(text));
  CHECK(std::stod(f.at("area_mu")) == std::stod(csv.at("area_mu")));
}

bool lon_lat_extent(const std::string& summary) {
  // Extent: (120.218239, 30.269420) - (120.236..., 30.278...)
  static const std::regex extent(R"(Extent: \(([-\d.]+), ([-\d.]+)\) - \(([-\d.]+), ([-\d.]+)\))");
  std::smatch m;
  if (!std::regex_search(summary, m, extent)) return false;
  for (int i : {1, 3})
    if (std::stod(m[i]) < 120.0 || std::stod(m[i]) > 120.5) return false;
  for (int i : {2, 4})
    if (std::stod(m[i]) < 30.0 || std::stod(m[i]) > 30.5) return false;
  return true;
}

const std::vector<std::pair<std::string, std::string>> parcel_fields{
    {"parcel_id", "String"}, {"platform", "String"}, {"district", "String"},
    {"land_use", "String"},  {"status", "String"},   {"area_mu", "Real"}};

}  // namespace

TEST_CASE("rank -o file.gpkg writes ranked and vetoed layers that ogrinfo reads") {
  TempDir d("export_gpkg");
  const std::string out = d.file("ranked.gpkg");
  const Outcome o = siterank_cli(with_plugins(
      {"rank", "--profile", two_profile, "--dataset", grid_dir, "-o", out, "--include-vetoed"}));
  INFO(o.err);
  REQUIRE(o.code == 0);
  CHECK(o.out.empty());

  const auto layers = layer_summaries(out);
  // No platforms layer: the fixture plugins do not load one.
  REQUIRE(layers.size() == 2);
  const std::string& ranked = layers.at("ranked");
  CHECK_THAT(ranked, Catch::Contains("Geometry: Multi Polygon"));
  CHECK_THAT(ranked, Catch::Contains("Feature Count: 7"));
  CHECK_THAT(ranked, Catch::Contains(R"(ID["EPSG",4326])"));
  CHECK(lon_lat_extent(ranked));
  auto expected = parcel_fields;
  expected.insert(expected.begin(), {"rank", "Integer"});
  expected.insert(expected.end(), {{"score", "Real"},
                                   {"score_fixture_area", "Real"},
                                   {"score_fixture_distance", "Real"},
                                   {"reasons", "String"}});
  CHECK(fields_of(ranked) == expected);

  const std::string& vetoed = layers.at("vetoed");
  CHECK_THAT(vetoed, Catch::Contains("Feature Count: 1"));
  CHECK_THAT(vetoed, Catch::Contains(R"(ID["EPSG",4326])"));
  expected = parcel_fields;
  expected.insert(
      expected.end(),
      {{"score_fixture_area", "Real"}, {"score_fixture_distance", "Real"}, {"reasons", "String"}});
  CHECK(fields_of(vetoed) == expected);

  const auto csv = csv_of_run(two_profile);
  REQUIRE(csv.size() == 8);
  const std::vector<std::string> criteria{"fixture_area", "fixture_distance"};
  const auto features = features_of(out, "ranked");
  REQUIRE(features.size() == 7);
  for (std::size_t i = 0; i < features.size(); ++i)
    check_same_as_csv(features[i], csv[i], criteria);
  CHECK(features[0].at("platform") == "萧山经开区");  // UTF-8 kept
  const auto vetoes = features_of(out, "vetoed");
  REQUIRE(vetoes.size() == 1);
  check_same_as_csv(vetoes[0], csv[7], criteria);
  CHECK(vetoes[0].at("reasons") == "fixture_area: land use B29 not allowed");
  // The temporary directory is gone after the rename.
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(d.path())) ++files;
  CHECK(files == 1);

  // The vetoed layer does not depend on --include-vetoed; --top limits the ranked one.
  const Outcome top = siterank_cli(with_plugins(
      {"rank", "--profile", two_profile, "--dataset", grid_dir, "-o", out, "--top", "3", "-q"}));
  REQUIRE(top.code == 0);
  const auto again = layer_summaries(out);
  CHECK_THAT(again.at("ranked"), Catch::Contains("Feature Count: 3"));
  CHECK_THAT(again.at("vetoed"), Catch::Contains("Feature Count: 1"));
}

TEST_CASE("rank -o file.fgb writes one FlatGeobuf layer in rank order") {
  TempDir d("export_fgb");
  const std::string out = d.file("ranked.fgb");
  Outcome o = siterank_cli(with_plugins({"rank", "--profile", two_profile, "--dataset", grid_dir,
                                         "-o", out, "--include-vetoed", "-q"}));
  INFO(o.err);
  REQUIRE(o.code == 0);
  auto layers = layer_summaries(out);
  REQUIRE(layers.size() == 1);
  const std::string& summary = layers.begin()->second;
  CHECK_THAT(summary, Catch::Contains("Geometry: Multi Polygon"));
  CHECK_THAT(summary, Catch::Contains("Feature Count: 8"));
  CHECK_THAT(summary, Catch::Contains(R"(ID["EPSG",4326])"));
  CHECK(lon_lat_extent(summary));
  auto expected = parcel_fields;
  expected.insert(expected.begin(), {"rank", "Integer"});
  expected.insert(expected.end(), {{"score", "Real"},
                                   {"score_fixture_area", "Real"},
                                   {"score_fixture_distance", "Real"},
                                   {"reasons", "String"},
                                   {"vetoed", "Integer(Boolean)"}});
  CHECK(fields_of(summary) == expected);

  const auto csv = csv_of_run(two_profile);
  const auto features = features_of(out, layers.begin()->first);
  REQUIRE(features.size() == csv.size());
  for (std::size_t i = 0; i < features.size(); ++i) {
    check_same_as_csv(features[i], csv[i], {"fixture_area", "fixture_distance"});
    CHECK(features[i].at("vetoed") == (csv[i].at("vetoed") == "true" ? "1" : "0"));
  }

  // -f wins over the extension; without --include-vetoed no vetoed field.
  const std::string other = d.file("ranked.data");
  o = siterank_cli(with_plugins(
      {"rank", "--profile", two_profile, "--dataset", grid_dir, "-o", other, "-f", "fgb", "-q"}));
  REQUIRE(o.code == 0);
  layers = layer_summaries(other);
  CHECK_THAT(layers.begin()->second, Catch::Contains("Feature Count: 7"));
  CHECK(fields_of(layers.begin()->second).back().first == "reasons");
}

namespace {

// A placemark as Google Earth would show it: name, outline and fill colour
// (aabbggrr, lower case; fill empty when there is none), balloon text.
struct Placemark {
  std::string name, line, fill, description;
};

std::vector<Placemark> placemarks_of(const std::string& kml) {
  static const std::regex placemark(R"(<Placemark[\s\S]*?</Placemark>)");
  static const std::regex name(R"(<name>([^<]*)</name>)");
  static const std::regex line(R"(<LineStyle>\s*<color>([0-9a-fA-F]{8})</color>)");
  static const std::regex fill(R"(<PolyStyle>\s*<color>([0-9a-fA-F]{8})</color>)");
  static const std::regex description(R"(<description>([\s\S]*?)</description>)");
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  std::vector<Placemark> out;
  for (auto it = std::sregex_iterator(kml.begin(), kml.end(), placemark);
       it != std::sregex_iterator(); ++it) {
    const std::string p = it->str();
    Placemark pm;
    std::smatch m;
    if (std::regex_search(p, m, name)) pm.name = m[1];
    if (std::regex_search(p, m, line)) pm.line = lower(m[1]);
    if (std::regex_search(p, m, fill)) pm.fill = lower(m[1]);
    if (std::regex_search(p, m, description)) pm.description = m[1];
    out.push_back(pm);
  }
  return out;
}

// Names, colours and balloons of the grid fixture ranked by area, whichever
// KML driver wrote it; `filled` when the driver writes fills (LIBKML).
void check_kml(const std::string& file, bool filled) {
  const std::string kml = read_file(file);
  CHECK_THAT(kml, Catch::StartsWith("<?xml"));
  CHECK_THAT(kml, Catch::Contains("<kml xmlns=\"http://www.opengis.net/kml/2.2\""));
  const auto placemarks = placemarks_of(kml);
  REQUIRE(placemarks.size() == 8);
  std::map<std::string, Placemark> by_name;
  for (const auto& p : placemarks) {
    by_name[p.name] = p;
    // The balloon holds the breakdown table (in CDATA or escaped).
    INFO(p.name);
    CHECK((p.description.find("<table") != std::string::npos ||
           p.description.find("&lt;table") != std::string::npos));
    CHECK(p.description.find("fixture_area") != std::string::npos);
  }
  CHECK(placemarks[0].name == "#1 P-004");
  CHECK(placemarks[6].name == "#7 P-006");
  CHECK(placemarks[7].name == "P-005 (vetoed)");
  CHECK(by_name.at("P-005 (vetoed)").description.find("land use B29 not allowed") !=
        std::string::npos);
  // The ramp of docs/formats.md. fixture_area scores 1 point per mu:
  // P-004 180 mu -> 100, green 1a9641; P-009 45 mu -> 45, yellow ffffbf;
  // P-006 7.5 mu -> 7.5, red d7191c; the vetoed P-005 grey 808080.
  // Outlines opaque, fills at alpha b3.
  const std::vector<std::pair<std::string, std::string>> expected{{"#1 P-004", "41961a"},
                                                                  {"#3 P-009", "bfffff"},
                                                                  {"#7 P-006", "1c19d7"},
                                                                  {"P-005 (vetoed)", "808080"}};
  for (const auto& [name, bgr] : expected) {
    INFO(name);
    CHECK(by_name.at(name).line == "ff" + bgr);
    if (filled) CHECK(by_name.at(name).fill == "b3" + bgr);
  }

  // GDAL reads it back: one layer of 8 features in lon/lat, the extra
  // fields from ExtendedData with their types.
  const auto layers = layer_summaries(file);
  REQUIRE(layers.size() == 1);
  CHECK_THAT(layers.begin()->second, Catch::Contains("Feature Count: 8"));
  CHECK_THAT(layers.begin()->second, Catch::Contains(R"(ID["EPSG",4326])"));
  CHECK(lon_lat_extent(layers.begin()->second));
  const auto fields = fields_of(layers.begin()->second);
  for (const auto& f : std::vector<std::pair<std::string, std::string>>{
           {"rank", "Integer"}, {"parcel_id", "String"}, {"score", "Real"}})
    CHECK(std::find(fields.begin(), fields.end(), f) != fields.end());
}

}  // namespace

TEST_CASE("rank -o file.kml writes placemarks coloured by score class") {
  TempDir d("export_kml");
  const std::string out = d.file("ranked.kml");
  const Outcome o = siterank_cli(with_plugins({"rank", "--profile", area_profile, "--dataset",
                                               grid_dir, "-o", out, "--include-vetoed", "-q"}));
  INFO(o.err);
  REQUIRE(o.code == 0);
  check_kml(out, run_program("ogrinfo", {"--formats"}).out.find("LIBKML") != std::string::npos);
}

TEST_CASE("without LIBKML the KML driver writes the same placemarks, outlines coloured") {
  TempDir d("export_kml_fallback");
  const std::string out = d.file("ranked.kml");
  // GDAL_SKIP keeps GDALAllRegister from registering the driver.
  const Outcome o = siterank_cli(with_plugins({"rank", "--profile", area_profile, "--dataset",
                                               grid_dir, "-o", out, "--include-vetoed", "-q"}),
                                 "GDAL_SKIP=LIBKML");
  INFO(o.err);
  REQUIRE(o.code == 0);
  CHECK_THAT(read_file(out), !Catch::Contains("<![CDATA["));  // the KML driver escapes instead
  check_kml(out, false);
}

TEST_CASE("gpkg, fgb and kml need -o") {
  for (const std::string f : {"gpkg", "fgb", "kml"}) {
    Outcome o = siterank_cli(
        with_plugins({"rank", "--profile", area_profile, "--dataset", grid_dir, "-f", f}));
    CHECK(o.code == 2);
    CHECK(o.err ==
          "siterank rank: -f " + f + " writes a file, not stdout; give -o FILE." + f + "\n");
    o = siterank_cli(with_plugins(
        {"rank", "--profile", area_profile, "--dataset", grid_dir, "-f", f, "-o", "-"}));
    CHECK(o.code == 2);
  }
}

TEST_CASE("a failed run or export leaves an existing GeoPackage untouched and no temporary file") {
  TempDir d("export_atomic");
  const std::string out = d.file("existing.gpkg");
  Outcome o = siterank_cli(
      with_plugins({"rank", "--profile", area_profile, "--dataset", grid_dir, "-o", out, "-q"}));
  REQUIRE(o.code == 0);
  const std::string before = read_file(out);
  REQUIRE(before.rfind("SQLite format 3", 0) == 0);
  const std::string faulty =
      d.write("faulty.json", R"({"project": {"name": "x", "industry": "integrated_circuits"},
      "weights": {"fixture_faulty": 1}, "plugins": {"fixture_faulty": {"mode": "throw", "parcel": "P-003"}}})");
  o = siterank_cli(
      with_plugins({"rank", "--profile", faulty, "--dataset", grid_dir, "-o", out, "-q"}));
  CHECK(o.code == 4);
  CHECK(read_file(out) == before);
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(d.path()))
    files.push_back(e.path().filename().string());
  std::sort(files.begin(), files.end());
  CHECK(files == std::vector<std::string>{"existing.gpkg", "faulty.json"});

  // An output that cannot be created is an output error (exit 5), found
  // before the data is read (no summary line yet).
  o = siterank_cli(with_plugins(
      {"rank", "--profile", area_profile, "--dataset", grid_dir, "-o", d.file("no/such.gpkg")}));
  CHECK(o.code == 5);
  CHECK_THAT(o.err,
             Catch::Contains("no/such.gpkg: the directory " + d.file("no") + " does not exist"));
  CHECK_THAT(o.err, !Catch::Contains("parcels read"));
}

TEST_CASE("the GeoPackage of a run on the Hangzhou sample has its platforms layer") {
  // Needs the built-in plugins: industry_fit loads the platforms layer.
  const Outcome plugins = siterank_cli({"plugins", "--json"});
  REQUIRE(plugins.code == 0);
  bool industry_fit = false;
  const auto listed_plugins = nlohmann::json::parse(plugins.out);
  for (const auto& p : listed_plugins["plugins"])
    industry_fit = industry_fit || p["name"] == "industry_fit";
  if (!industry_fit) {
    WARN("industry_fit not built: skipped");
    return;
  }
  TempDir d("export_gpkg_sample");
  const std::string out = d.file("sample.gpkg");
  const std::string profile =
      SITERANK_TEST_DATA "/../../configs/profiles/ic_packaging_test_plant.json";
  const Outcome o = siterank_cli({"rank", "--profile", profile, "-o", out, "-q"});
  INFO(o.err);
  REQUIRE(o.code == 0);
  const Outcome listed = siterank_cli({"platforms", "--json"});
  REQUIRE(listed.code == 0);
  std::size_t drawn = 0;
  const auto listed_platforms = nlohmann::json::parse(listed.out);
  for (const auto& p : listed_platforms) drawn += p["in_platforms_layer"] ? 1 : 0;
  REQUIRE(drawn > 0);

  const auto layers = layer_summaries(out);
  REQUIRE(layers.count("platforms") == 1);
  const std::string& summary = layers.at("platforms");
  CHECK_THAT(summary, Catch::Contains("Feature Count: " + std::to_string(drawn)));
  CHECK_THAT(summary, Catch::Contains(R"(ID["EPSG",4326])"));
  CHECK(fields_of(summary) ==
        std::vector<std::pair<std::string, std::string>>{
            {"name", "String"}, {"district", "String"}, {"industries", "String"}});
  const auto features = features_of(out, "platforms");
  bool qiantang = false;
  for (const auto& f : features) qiantang = qiantang || f.at("name") == "钱塘芯谷";
  CHECK(qiantang);
}
