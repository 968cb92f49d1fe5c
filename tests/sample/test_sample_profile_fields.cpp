// Every field of the profile schema is read by some enabled criterion or
// host rule, or the run says it is not ("$.path: not used by any enabled
// criterion"; an error with --strict). The fields are enumerated from the
// schema itself, so a field added to it without a line in `readers` below
// fails this test; who reads what is written here by hand from the plugins'
// documentation (docs/plugins/*.md) and docs/formats.md.
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "cli_runner.hpp"
#include "temp_dir.hpp"

using namespace siterank::testing;
using nlohmann::json;

namespace {

// "host" = the host itself (identity, decision method, $.requirements and
// the rules it enforces by default: too small, over budget, short of power).
const std::map<std::string, std::set<std::string>> readers{
    {"$.$schema", {"host"}},
    {"$.siterank_profile", {"host"}},
    {"$.project.name", {"host"}},
    {"$.project.company", {"host"}},
    {"$.project.description", {"host"}},
    {"$.project.industry", {"host"}},
    {"$.project.type", {"land"}},
    {"$.project.chain_position", {"industry_fit"}},
    {"$.land.min", {"land", "host"}},
    {"$.land.max", {"land"}},
    {"$.land.unit", {"land", "host"}},  // says how to read min, which the host reads
    {"$.land.tolerance", {"land", "host"}},
    {"$.investment.total_yi", {}},
    {"$.investment.output_wan_per_mu", {}},
    {"$.investment.tax_wan_per_mu", {}},
    {"$.budget.max_price_wan_per_mu", {"land", "host"}},
    {"$.budget.max_overrun", {"host"}},
    {"$.building.floor_area_m2", {"land"}},
    {"$.building.height_m", {"land"}},
    {"$.utilities.power_kva", {"land", "host"}},
    {"$.utilities.dual_circuit_power", {"land"}},
    {"$.utilities.water_m3_per_day", {}},
    {"$.talent.jobs", {}},
    {"$.talent.mix.researchers", {"talent"}},
    {"$.talent.mix.engineers", {"talent"}},
    {"$.talent.mix.technicians", {"talent"}},
    {"$.logistics.freight_trucks", {"transport"}},
    {"$.logistics.air_cargo", {"transport"}},
    {"$.logistics.staff_commuting", {"transport"}},
    {"$.logistics.business_travel", {"transport"}},
    {"$.timeline.start_immediately", {"land"}},
    {"$.requirements.land_use", {"host"}},
    {"$.requirements.status", {"host"}},
    {"$.requirements.platforms", {"host"}},
    {"$.requirements.veto_too_small", {"host"}},
    {"$.requirements.veto_over_budget", {"host"}},
    {"$.requirements.veto_insufficient_power", {"host"}},
    {"$.requirements.max_minutes", {"host"}},
    {"$.requirements.max_km", {"host"}},
};

// A valid value for a schema leaf.
json value_for(const std::string& path, const json& spec) {
  if (spec.contains("const")) return spec["const"];
  if (spec.contains("enum")) return spec["enum"][0];
  const std::string type = spec.value("type", "");
  if (type == "boolean") return true;
  if (type == "number") return spec.contains("maximum") ? spec["maximum"].get<double>() / 2 : 1.0;
  if (type == "array") {
    if (spec["items"].contains("enum")) return json::array({spec["items"]["enum"][0]});
    return json::array({path == "$.requirements.platforms" ? "钱塘芯谷" : "M1"});
  }
  if (path == "$.project.industry") return "integrated_circuits";
  return "x";
}

// Every leaf of the schema outside the decision-method sections ($.weights,
// $.weighting, $.aggregation, $.plugins: the host's, each tested with its
// method), set in `doc` with a valid value; returns their paths.
void add_leaves(const json& schema, const std::string& path, json& doc,
                std::set<std::string>& leaves) {
  for (const auto& [key, spec] : schema["properties"].items()) {
    const std::string p = path + "." + key;
    if (p == "$.weights" || p == "$.weighting" || p == "$.aggregation" || p == "$.plugins")
      continue;
    // An object of named fields is walked; a map (role -> limit, no
    // "properties") is one leaf, stated empty.
    if (spec.value("type", "") == "object" && !spec.contains("properties")) {
      doc[key] = json::object();
      leaves.insert(p);
    } else if (spec.value("type", "") == "object") {
      add_leaves(spec, p, doc[key], leaves);
    } else {
      doc[key] = value_for(p, spec);
      leaves.insert(p);
    }
  }
}

struct Everything {
  json profile;
  std::set<std::string> leaves;
};

Everything every_field() {
  std::ifstream in(SITERANK_SOURCE_DIR "/configs/schema/profile.schema.json");
  const json schema = json::parse(in);
  Everything e;
  add_leaves(schema, "$", e.profile, e.leaves);
  return e;
}

// The paths `validate` reports as read by nobody.
std::set<std::string> unused(const Outcome& o) {
  std::set<std::string> out;
  const std::string tail = ": not used by any enabled criterion";
  std::size_t at = 0;
  while ((at = o.err.find(tail, at)) != std::string::npos) {
    const std::size_t start = o.err.rfind(": $.", at);
    out.insert(o.err.substr(start + 2, at - start - 2));
    at += tail.size();
  }
  return out;
}

}  // namespace

TEST_CASE("the table covers every field of the schema") {
  const Everything e = every_field();
  for (const auto& leaf : e.leaves) {
    INFO("schema field " << leaf << " has no line in `readers`");
    CHECK(readers.count(leaf) == 1);
  }
  CHECK(e.leaves.size() == readers.size());
}

TEST_CASE("each field nobody enabled reads is named, for each criterion alone and all four") {
  const Everything e = every_field();
  TempDir d("profile_fields");
  const std::vector<std::set<std::string>> runs{{"land"},
                                                {"industry_fit"},
                                                {"talent"},
                                                {"transport"},
                                                {"land", "industry_fit", "talent", "transport"}};
  for (const auto& enabled : runs) {
    json profile = e.profile;
    std::set<std::string> expected;
    for (const auto& name : enabled) profile["weights"][name] = 1;
    for (const auto& [leaf, who] : readers) {
      bool read = who.count("host") > 0;
      for (const auto& name : enabled) read = read || who.count(name) > 0;
      if (!read) expected.insert(leaf);
    }
    d.write("p.json", profile.dump(1));
    const Outcome o = siterank_cli({"validate", "--profile", d.file("p.json")});
    INFO(profile["weights"].dump() << "\n" << o.err);
    REQUIRE(o.code == 0);
    CHECK(unused(o) == expected);
    CHECK(o.err.find(d.file("p.json") + ": $.") != std::string::npos);
  }
}

TEST_CASE("--strict makes a field nobody reads an input error") {
  TempDir d("profile_fields_strict");
  d.write("p.json", R"({"project": {"name": "x", "industry": "integrated_circuits"},
    "utilities": {"water_m3_per_day": 1000000000}, "weights": {"transport": 1}})");
  const Outcome o = siterank_cli({"validate", "--profile", d.file("p.json"), "--strict"});
  CHECK(o.code == 3);
  CHECK(o.err == "siterank validate: error: " + d.file("p.json") +
                     ": $.utilities.water_m3_per_day: not used by any enabled criterion (an "
                     "error with --strict)\n");
  // Without --strict it runs and says so once.
  const Outcome w = siterank_cli({"validate", "--profile", d.file("p.json")});
  CHECK(w.code == 0);
  CHECK(w.err == "warning: " + d.file("p.json") +
                     ": $.utilities.water_m3_per_day: not used by any enabled criterion\n");
}
