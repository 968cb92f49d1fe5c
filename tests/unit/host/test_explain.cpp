// Finding a parcel by id and the whole explanation document as `siterank
// explain` prints it (siterank/host/explain.hpp), on the hand-made result
// of ranked_result_fixture.hpp: QT-01 .. QT-04 in table order, QT-03
// vetoed, QT-05 skipped while loading; totals 60, 86, -, 29.
#include <catch2/catch.hpp>
#include <error_of.hpp>
#include <ranked_result_fixture.hpp>
#include <siterank/host/errors.hpp>
#include <siterank/host/explain.hpp>

using namespace siterank;
using namespace siterank::testing;
using json = nlohmann::ordered_json;

TEST_CASE("a parcel is found by its id, in table order") {
  const RankedResult r = fixture_result();
  CHECK(find_parcel(r, "QT-01") == std::optional<std::size_t>{0});
  CHECK(find_parcel(r, "QT-03") == std::optional<std::size_t>{2});  // vetoed, still in the table
  CHECK(find_parcel(r, "QT-04") == std::optional<std::size_t>{3});
  CHECK_FALSE(find_parcel(r, "QT-05").has_value());  // skipped while loading
  CHECK_FALSE(find_parcel(r, "qt-01").has_value());  // ids are compared exactly
  CHECK_FALSE(find_parcel(r, "").has_value());
  CHECK(require_parcel(r, "QT-02") == 1);
}

TEST_CASE("a parcel that is not there: skipped while loading, or not in the dataset") {
  const RankedResult r = fixture_result();
  CHECK(error_of<InputError>([&] { require_parcel(r, "QT-05"); }) ==
        "parcel 'QT-05' was skipped while loading: parcel 'QT-05' (feature 5): no geometry");
  CHECK(error_of<InputError>([&] { require_parcel(r, "QT-99"); }) ==
        "no parcel 'QT-99' in data/hz/dataset.json");
}

TEST_CASE("the JSON document: the explanation, then its neighbours, indented by one space") {
  const RankedResult r = fixture_result();
  const std::string text = explanation_json(r, 0);  // QT-01, rank 2
  const auto lines = split_lines(text);
  REQUIRE(lines.size() > 2);
  CHECK(lines[0] == "{");
  CHECK(lines[1] == " \"parcel_id\": \"QT-01\",");
  CHECK(lines[2] == " \"name\": \"东区, 一号\",");  // UTF-8 as it is, not \u escapes
  CHECK(lines.back() == "}");
  CHECK(text.back() == '\n');
  const json j = json::parse(text);
  CHECK(json_keys(j) == std::vector<std::string>{"parcel_id", "name", "platform", "district",
                                                 "land_use", "status", "area_m2", "area_mu",
                                                 "vetoed", "rank", "score", "criteria", "reasons",
                                                 "neighbours"});
  CHECK(j["rank"] == 2);
  CHECK(j["score"].get<double>() == 60);
  // Above: QT-02 at 86, gap 86 - 60 = 26; below: QT-04 at 29, gap 29 - 60 = -31.
  const json& n = j["neighbours"];
  CHECK(n["ranked"] == 3);
  CHECK(n["above"]["parcel_id"] == "QT-02");
  CHECK(n["above"]["gap"].get<double>() == Approx(26));
  CHECK(n["below"]["parcel_id"] == "QT-04");
  CHECK(n["below"]["gap"].get<double>() == Approx(-31));
}

TEST_CASE("a vetoed parcel's document: its vetoes and no neighbours") {
  const RankedResult r = fixture_result();
  const json j = json::parse(explanation_json(r, 2));  // QT-03
  CHECK(j["vetoed"] == true);
  CHECK(j["rank"].is_null());
  REQUIRE(j["vetoes"].size() == 2);
  CHECK(j["vetoes"][0]["criterion"] == "requirements");
  CHECK(j["vetoes"][1]["reason"] == fixture_land_reason);
  CHECK(j["neighbours"] == json::object());
}

TEST_CASE("the text form is the one the CLI prints") {
  // Its lines are analysis/explanation's (tested there); a document per parcel.
  const RankedResult r = fixture_result();
  CHECK(explanation_text(r, 2).rfind("parcel QT-03: 中国视谷, 滨江区,", 0) == 0);
  CHECK(explanation_text(r, 0).back() == '\n');
}
