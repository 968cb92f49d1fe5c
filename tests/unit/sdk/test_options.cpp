// Plugin options are validated against the plugin's declarations.
#include <catch2/catch.hpp>
#include <siterank/host/errors.hpp>

#include "config/option_validation.hpp"

using namespace siterank;
using nlohmann::json;

namespace {

CriterionInfo info() {
  CriterionInfo i;
  i.name = "demo";
  i.options = {
      {"radius_m", OptionType::number, 3000.0, "m", "search radius", 100, 50000, {}},
      {"k", OptionType::integer, 3.0, "", "neighbours", 1, 20, {}},
      {"strict", OptionType::boolean, false, "", "", -1e300, 1e300, {}},
      {"mode", OptionType::text, std::string("fast"), "", "", -1e300, 1e300, {"fast", "exact"}},
      {"kinds",
       OptionType::text_list,
       std::vector<std::string>{"university"},
       "",
       "",
       -1e300,
       1e300,
       {"university", "lab"}},
      {"weights",
       OptionType::number_map,
       NumberMap{{"lab", 1.0}},
       "",
       "",
       0,
       10,
       {"university", "lab"}},
      {"decay",
       OptionType::value_function,
       ValueFunction::exp_decay(2000),
       "m",
       "",
       -1e300,
       1e300,
       {}},
  };
  return i;
}

std::string error_of(const json& section) {
  try {
    validate_options(info(), section, "p.json: $.plugins.demo");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("defaults fill what the profile leaves out") {
  const Options o = validate_options(info(), json::object(), "x");
  CHECK(o.number("radius_m") == 3000);
  CHECK(o.integer("k") == 3);
  CHECK(o.text("mode") == "fast");
  CHECK(o.value_function("decay")(2000) == Approx(50));
}

TEST_CASE("given values are typed and parsed") {
  const Options o = validate_options(
      info(),
      json::parse(R"({"radius_m": 5000, "k": 5, "strict": true, "mode": "exact", "kinds": ["lab"],
                      "weights": {"university": 2}, "decay": {"type": "linear", "zero_at": 10000, "full_at": 0}})"),
      "x");
  CHECK(o.number("radius_m") == 5000);
  CHECK(o.boolean("strict"));
  CHECK(o.text_list("kinds") == std::vector<std::string>{"lab"});
  CHECK(o.number_map("weights").at("university") == 2);
  CHECK(o.value_function("decay")(2500) == Approx(75));
}

TEST_CASE("bad options are refused with the JSON path") {
  CHECK_THAT(
      error_of(json{{"radius", 1}}),
      Catch::StartsWith(
          "p.json: $.plugins.demo: unknown option 'radius' for plugin 'demo' (options: radius_m"));
  CHECK(error_of(json{{"radius_m", 10}}) ==
        "p.json: $.plugins.demo.radius_m: 10 is outside [100.0, 50000.0]");
  CHECK(error_of(json{{"radius_m", "far"}}) ==
        "p.json: $.plugins.demo.radius_m: expected a number, got \"far\"");
  CHECK(error_of(json{{"k", 2.5}}) == "p.json: $.plugins.demo.k: expected an integer, got 2.5");
  CHECK(error_of(json{{"mode", "slow"}}) ==
        "p.json: $.plugins.demo.mode: 'slow' is not one of fast, exact");
  CHECK(error_of(json{{"kinds", {"lab", "zoo"}}}) ==
        "p.json: $.plugins.demo.kinds[1]: 'zoo' is not one of university, lab");
  CHECK(error_of(json{{"weights", {{"zoo", 1}}}}) ==
        "p.json: $.plugins.demo.weights: unknown key 'zoo' (allowed: university, lab)");
  CHECK(error_of(json{{"decay", {{"type", "cubic"}}}}) ==
        "p.json: $.plugins.demo.decay.type: unknown value function 'cubic' (known: linear, "
        "logistic, gaussian, stepped, exp_decay, per_unit)");
  CHECK(error_of(json{{"decay", {{"type", "exp_decay"}, {"half_life", 0}}}}) ==
        "p.json: $.plugins.demo.decay.half_life: must be > 0");
  CHECK(
      error_of(json{{"decay", {{"type", "stepped"}, {"breaks", {1, 2}}, {"scores", {100, 0}}}}}) ==
      "p.json: $.plugins.demo.decay.scores: expected 3 scores (one more than breaks), got 2");
  CHECK(error_of(json{{"decay", {{"type", "linear"}, {"zero_at", 1}}}}) ==
        "p.json: $.plugins.demo.decay: missing 'full_at'");
  CHECK(error_of(json{{"decay", {{"type", "per_unit"}, {"points", 0}}}}) ==
        "p.json: $.plugins.demo.decay.points: must be > 0");
  CHECK(error_of(json{{"decay", {{"type", "per_unit"}, {"points", 4}, {"max_units", -1}}}}) ==
        "p.json: $.plugins.demo.decay.max_units: must be > 0");
  CHECK(error_of(json{{"decay", {{"type", "per_unit"}, {"points", 4}, {"cap", 20}}}}) ==
        "p.json: $.plugins.demo.decay: unknown key 'cap' for a per_unit value function "
        "(allowed: points, max_units, type)");
}

TEST_CASE("per_unit parses with and without a cap, and prints back as given") {
  const Options capped = validate_options(
      info(), json::parse(R"({"decay": {"type": "per_unit", "points": 4, "max_units": 20}})"), "x");
  CHECK(capped.value_function("decay")(30) == 80);
  CHECK(option_value_json(capped.all().at("decay")) ==
        json::parse(R"({"type": "per_unit", "points": 4.0, "max_units": 20.0})"));
  const Options open =
      validate_options(info(), json::parse(R"({"decay": {"type": "per_unit", "points": 4}})"), "x");
  CHECK(open.value_function("decay")(30) == 100);
  CHECK(option_value_json(open.all().at("decay")) ==
        json::parse(R"({"type": "per_unit", "points": 4.0})"));
}
