// `siterank rank` on the grid fixture in every output format, checked by
// parsing and with GDAL's ogrinfo.
#include <nlohmann/json.hpp>
#include <regex>

#include "cli_fixture.hpp"

using namespace siterank::testing;

namespace {
const std::string area_profile = grid_dir + "/profile_area.json";
const std::string two_profile = grid_dir + "/profile_two.json";
}  // namespace

TEST_CASE("rank -f csv orders by score, then id, and vetoes B29") {
  const Outcome o = siterank_cli(with_plugins(
      {"rank", "--profile", area_profile, "--dataset", grid_dir, "-f", "csv", "--include-vetoed"}));
  INFO(o.err);
  REQUIRE(o.code == 0);
  const auto rows = parse_csv(o.out);
  // fixture_area scores 1 point per mu: areas by hand from the drawn rectangles.
  const std::vector<std::pair<std::string, std::string>> expected{
      {"P-004", "100"}, {"P-003", "90"}, {"P-009", "45"}, {"P-002", "30"},
      {"P-001", "15"},  {"P-008", "15"}, {"P-006", "7.5"}};  // P-001 before P-008: tie broken by id
  REQUIRE(rows.size() == expected.size() + 1);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(rows[i].at("rank") == std::to_string(i + 1));
    CHECK(rows[i].at("parcel_id") == expected[i].first);
    CHECK(rows[i].at("score") == expected[i].second);
    CHECK(rows[i].at("vetoed") == "false");
  }
  const auto& vetoed = rows.back();
  CHECK(vetoed.at("parcel_id") == "P-005");
  CHECK(vetoed.at("rank").empty());
  CHECK(vetoed.at("vetoed") == "true");
  CHECK(vetoed.at("reasons") == "fixture_area: land use B29 not allowed");
  // The run summary goes to stderr, with the skip and the repair.
  CHECK_THAT(o.err, Catch::Contains("skipped parcel 'P-007': no geometry"));
  CHECK_THAT(o.err, Catch::Contains("repaired parcel 'P-006'"));
  CHECK_THAT(o.err, Catch::Contains("9 parcels read from grid fixture, 8 loaded (1 repaired, 1 "
                                    "skipped); 7 ranked, 1 vetoed"));
}

TEST_CASE("rank prints an aligned table by default") {
  const Outcome o = siterank_cli(
      with_plugins({"rank", "--profile", two_profile, "--dataset", grid_dir, "--top", "3", "-q"}));
  REQUIRE(o.code == 0);
  CHECK(o.err.empty());
  std::istringstream in(o.out);
  std::string line;
  std::vector<std::string> lines;
  while (std::getline(in, line)) lines.push_back(line);
  REQUIRE(lines.size() == 9);  // title, weights, formula, blank, header, rule, 3 rows
  CHECK(lines[1] == "weights: fixture_area=0.75 fixture_distance=0.25");
  CHECK(lines[2] == "score = sum of weight × criterion score");
  // P-003: 0.75 * 90 + 0.25 * 100 * 2^(-d/1000), d = |(520650,3350100)-(521200,3350150)| = 552.27 m
  // -> 67.5 + 0.25 * 68.19 = 84.55
  CHECK_THAT(lines[7], Catch::Matches(R"(\s+2  P-003   萧山经开区  M2 .* 84\.55 .*)"));
  // Columns line up in display width: the score column ends at the same place.
  const auto score_end = [](const std::string& s, const std::string& marker) {
    return s.find(marker);
  };
  CHECK(score_end(lines[6], "100") != std::string::npos);
}

TEST_CASE("rank -o file.geojson writes RFC 7946 GeoJSON that ogrinfo reads") {
  TempDir d("rank_geojson");
  const std::string out = d.file("ranked.geojson");
  const Outcome o = siterank_cli(
      with_plugins({"rank", "--profile", two_profile, "--dataset", grid_dir, "-o", out, "-q"}));
  INFO(o.err);
  REQUIRE(o.code == 0);
  CHECK(o.out.empty());

  const Outcome info = run_program("ogrinfo", {"-so", "-al", out});
  REQUIRE(info.code == 0);
  CHECK_THAT(info.out, Catch::Contains("Feature Count: 7"));
  CHECK_THAT(info.out, Catch::Contains("WGS 84"));
  CHECK_THAT(info.out, Catch::Contains("score_fixture_distance: Real"));

  const std::string text = read_file(out);
  // At most 7 decimals anywhere in the coordinates.
  CHECK_FALSE(std::regex_search(text, std::regex(R"(\d\.\d{8,})")));
  const auto j = nlohmann::json::parse(text);
  CHECK_FALSE(j.contains("crs"));
  const auto& f0 = j["features"][0];
  CHECK(f0["properties"]["rank"] == 1);
  CHECK(f0["properties"]["parcel_id"] == "P-004");
  CHECK(f0["properties"]["area_mu"] == 180);
  CHECK(f0["properties"]["reasons"] == "fixture_area 100×0.75=75; fixture_distance 100×0.25=25");
  // simplestyle colours by score, classes of 20 points: 100 is green.
  CHECK(f0["properties"]["fill"] == "#1a9641");
  CHECK(f0["properties"]["fill-opacity"] == 0.7);
  CHECK(j["features"][2]["properties"]["parcel_id"] == "P-009");
  CHECK(j["features"][2]["properties"]["fill"] == "#ffffbf");  // 52.11: 40..60, yellow
  // P-004's corner (521000, 3350000) in EPSG:4549; cs2cs EPSG:4549 EPSG:4326 gives 30.26941968
  // 120.21823918.
  const auto& ring = f0["geometry"]["coordinates"][0];
  CHECK(ring[0][0].get<double>() == Approx(120.21823918).margin(1e-7));
  CHECK(ring[0][1].get<double>() == Approx(30.26941968).margin(1e-7));
  // Every exterior ring counter-clockwise, every hole clockwise (P-009 has one).
  // The repaired bow-tie P-006 is a MultiPolygon of two triangles.
  bool saw_hole = false, saw_multi = false;
  for (const auto& f : j["features"]) {
    const auto& g = f["geometry"];
    const bool multi = g["type"] == "MultiPolygon";
    saw_multi = saw_multi || multi;
    const auto polygons = multi ? g["coordinates"] : nlohmann::json::array({g["coordinates"]});
    for (const auto& polygon : polygons)
      for (std::size_t r = 0; r < polygon.size(); ++r) {
        const auto& pts = polygon[r];
        double twice = 0;
        for (std::size_t i = 0; i + 1 < pts.size(); ++i)
          twice += pts[i][0].get<double>() * pts[i + 1][1].get<double>() -
                   pts[i + 1][0].get<double>() * pts[i][1].get<double>();
        CHECK((twice > 0) == (r == 0));
        saw_hole = saw_hole || r > 0;
      }
    if (f["properties"]["parcel_id"] == "P-006") CHECK(multi);
  }
  CHECK(saw_hole);
  CHECK(saw_multi);
}

TEST_CASE("rank --no-style leaves the simplestyle properties out") {
  const Outcome o = siterank_cli(with_plugins({"rank", "--profile", two_profile, "--dataset",
                                               grid_dir, "-f", "geojson", "--no-style", "-q"}));
  REQUIRE(o.code == 0);
  const auto j = nlohmann::json::parse(o.out);
  CHECK_FALSE(j["features"][0]["properties"].contains("fill"));
  CHECK_FALSE(j["features"][0]["properties"].contains("stroke"));
}

TEST_CASE("rank -f json carries each parcel's explanation") {
  const Outcome o = siterank_cli(
      with_plugins({"rank", "--profile", two_profile, "--dataset", grid_dir, "-f", "json", "-q"}));
  REQUIRE(o.code == 0);
  const auto j = nlohmann::json::parse(o.out);
  CHECK(j["summary"]["parcels_skipped"] == 1);
  CHECK(j["criteria"][0]["name"] == "fixture_area");
  CHECK(j["criteria"][0]["raw_weight"] == 3);
  const auto& p2 = j["parcels"][1];
  CHECK(p2["parcel_id"] == "P-003");
  CHECK(p2["criteria"][0]["contribution"].get<double>() == Approx(67.5));
  CHECK(p2["criteria"][1]["factors"][0]["name"] == "nearest_station_m");
  CHECK(p2["criteria"][1]["factors"][0]["value"].get<double>() ==
        Approx(552.268).margin(1e-3));  // sqrt(550²+50²)
}

TEST_CASE("explain shows contributions and neighbours, or the veto") {
  Outcome o = siterank_cli(with_plugins(
      {"explain", "--profile", two_profile, "--dataset", grid_dir, "--parcel", "P-003"}));
  REQUIRE(o.code == 0);
  CHECK_THAT(o.out, Catch::Contains("rank 2 of 7, score 84.55"));
  CHECK_THAT(o.out, Catch::Contains("above: #1 P-004 scores 100, 15.45 more"));
  CHECK_THAT(o.out, Catch::Contains("below: #3 P-009"));
  o = siterank_cli(with_plugins(
      {"explain", "--profile", two_profile, "--dataset", grid_dir, "--parcel", "P-005"}));
  REQUIRE(o.code == 0);
  CHECK_THAT(o.out,
             Catch::Contains("VETOED, not ranked:\n  fixture_area: land use B29 not allowed"));
  o = siterank_cli(with_plugins(
      {"explain", "--profile", two_profile, "--dataset", grid_dir, "--parcel", "P-007"}));
  CHECK(o.code == 3);
  CHECK_THAT(o.err, Catch::Contains("parcel 'P-007' was skipped while loading"));
  o = siterank_cli(with_plugins(
      {"explain", "--profile", two_profile, "--dataset", grid_dir, "--parcel", "P-404"}));
  CHECK(o.code == 3);
  CHECK_THAT(o.err, Catch::Contains("no parcel 'P-404'"));
}

TEST_CASE("a failed run leaves an existing output file untouched and no temporary file") {
  TempDir d("atomic");
  const std::string out = d.write("ranked.csv", "precious\n");
  d.write("faulty.json", R"({"project": {"name": "x", "industry": "integrated_circuits"},
      "weights": {"fixture_faulty": 1}, "plugins": {"fixture_faulty": {"mode": "throw", "parcel": "P-003"}}})");
  const Outcome o = siterank_cli(
      with_plugins({"rank", "--profile", d.file("faulty.json"), "--dataset", grid_dir, "-o", out}));
  CHECK(o.code == 4);
  CHECK(read_file(out) == "precious\n");
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(d.path())) ++files;
  CHECK(files == 2);
  // And a successful run replaces it.
  const Outcome ok = siterank_cli(
      with_plugins({"rank", "--profile", area_profile, "--dataset", grid_dir, "-o", out, "-q"}));
  REQUIRE(ok.code == 0);
  CHECK_THAT(read_file(out), Catch::StartsWith("rank,parcel_id,"));
}

TEST_CASE("$.requirements hold without the land criterion: the host enforces them") {
  // Only fixture_area is weighted; the grid's 钱塘芯谷 parcels are P-001,
  // P-002, P-008 and P-009, of which P-008 is being cleared (征迁中).
  TempDir d("rank_requirements");
  d.write("p.json", R"({"project": {"name": "x", "industry": "integrated_circuits"},
    "requirements": {"platforms": ["钱塘芯谷"], "status": ["ready", "available"]},
    "weights": {"fixture_area": 1}})");
  const Outcome o = siterank_cli(with_plugins({"rank", "--profile", d.file("p.json"), "--dataset",
                                               grid_dir, "-f", "csv", "--include-vetoed", "-q"}));
  INFO(o.err);
  REQUIRE(o.code == 0);
  std::vector<std::string> ranked;
  std::map<std::string, std::string> reasons;
  for (const auto& row : parse_csv(o.out)) {
    if (row.at("vetoed") == "false")
      ranked.push_back(row.at("parcel_id"));
    else
      reasons[row.at("parcel_id")] = row.at("reasons");
  }
  // 45, 30 and 15 mu (fixture_area: 1 point per mu).
  CHECK(ranked == std::vector<std::string>{"P-009", "P-002", "P-001"});
  CHECK(reasons.at("P-008") ==
        "requirements: status clearance not allowed (allowed: ready, available)");
  CHECK(reasons.at("P-003") ==
        "requirements: platform 萧山经开区 not among the required platforms (钱塘芯谷)");
  // The host's reasons come before the criterion's own.
  CHECK(reasons.at("P-005") ==
        "requirements: platform 中国视谷 not among the required platforms (钱塘芯谷); "
        "fixture_area: land use B29 not allowed");
}

namespace {
// profile_two with only ready parcels allowed: P-004 and P-001 are ranked,
// the six others vetoed by the host's status rule.
const char* ready_only_profile = R"({
  "project": {"name": "只要净地", "industry": "integrated_circuits"},
  "requirements": {"status": ["ready"]},
  "weights": {"fixture_area": 3, "fixture_distance": 1},
  "plugins": {"fixture_distance": {"half_life_m": 1000}}
})";
}  // namespace

TEST_CASE("rank --rank-vetoed ranks vetoed parcels after the rest, scored 0, ties by id") {
  TempDir d("rank_vetoed");
  const std::string profile = d.write("profile.json", ready_only_profile);
  const auto rank = [&](std::vector<std::string> extra) {
    std::vector<std::string> args{"rank", "--profile", profile, "--dataset", grid_dir, "-q"};
    args.insert(args.end(), extra.begin(), extra.end());
    return siterank_cli(with_plugins(args));
  };
  // Ranked: P-004 (180 亩, at a station) before P-001 (15 亩), as without
  // the option; then the vetoed in id order: P-002, P-003, P-005, P-006,
  // P-008, P-009 (P-007 has no geometry and is skipped).
  Outcome o = rank({"-f", "csv", "--rank-vetoed"});
  REQUIRE(o.code == 0);
  const auto rows = parse_csv(o.out);
  REQUIRE(rows.size() == 8);
  const std::vector<std::string> ids{"P-004", "P-001", "P-002", "P-003",
                                     "P-005", "P-006", "P-008", "P-009"};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    INFO("row " << i);
    CHECK(rows[i].at("parcel_id") == ids[i]);
    CHECK(rows[i].at("rank") == std::to_string(i + 1));
    CHECK(rows[i].at("vetoed") == (i < 2 ? "false" : "true"));
    if (i >= 2) {
      CHECK(rows[i].at("score") == "0");
      CHECK_THAT(rows[i].at("reasons"), Catch::Contains("requirements: status"));
    }
  }
  // Without it the vetoed are unranked, with no score.
  o = rank({"-f", "csv", "--include-vetoed"});
  REQUIRE(o.code == 0);
  const auto plain = parse_csv(o.out);
  REQUIRE(plain.size() == 8);
  CHECK(plain[2].at("rank").empty());
  CHECK(plain[2].at("score").empty());
  // --top counts the vetoed too.
  o = rank({"-f", "csv", "--rank-vetoed", "--top", "4"});
  REQUIRE(o.code == 0);
  const auto top = parse_csv(o.out);
  REQUIRE(top.size() == 4);
  CHECK(top[3].at("parcel_id") == "P-003");
  CHECK(top[3].at("rank") == "4");
  // JSON and GeoJSON say the same; GeoPackage's ranked layer too, read by ogrinfo.
  o = rank({"-f", "json", "--rank-vetoed"});
  REQUIRE(o.code == 0);
  const auto j = nlohmann::json::parse(o.out);
  REQUIRE(j["parcels"].size() == 8);
  CHECK(j["parcels"][4]["parcel_id"] == "P-005");
  CHECK(j["parcels"][4]["rank"] == 5);
  CHECK(j["parcels"][4]["score"] == 0);
  CHECK(j["parcels"][4]["vetoed"] == true);
  o = rank({"-f", "geojson", "--rank-vetoed"});
  REQUIRE(o.code == 0);
  const auto g = nlohmann::json::parse(o.out);
  REQUIRE(g["features"].size() == 8);
  CHECK(g["features"][7]["properties"]["parcel_id"] == "P-009");
  CHECK(g["features"][7]["properties"]["rank"] == 8);
  CHECK(g["features"][7]["properties"]["score"] == 0);
  const std::string gpkg = d.file("ranked.gpkg");
  o = rank({"-o", gpkg, "--rank-vetoed"});
  REQUIRE(o.code == 0);
  const Outcome info = run_program("ogrinfo", {"-ro", "-q", gpkg, "-sql",
                                               "SELECT rank, parcel_id, score, vetoed FROM ranked "
                                               "WHERE parcel_id = 'P-006'"});
  REQUIRE(info.code == 0);
  CHECK_THAT(info.out, Catch::Contains("rank (Integer) = 6"));
  CHECK_THAT(info.out, Catch::Contains("score (Real) = 0"));
  CHECK_THAT(info.out, Catch::Contains("vetoed (Integer(Boolean)) = 1"));
}
