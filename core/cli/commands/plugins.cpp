// siterank plugins: the plugins found and the ones refused, with the reason.
#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>
#include <siterank/host/plugins.hpp>
#include <siterank/version.hpp>

#include "commands/commands.hpp"
#include "common.hpp"

namespace siterank::cli {

namespace {

nlohmann::ordered_json plugin_json(const PluginListing& p) {
  nlohmann::ordered_json j;
  j["name"] = p.info.name;
  j["version"] = p.info.version;
  j["sdk_api_version"] = p.api_version;
  j["build_tag"] = p.build_tag;
  j["description"] = p.info.description;
  j["file"] = p.file;
  nlohmann::ordered_json opts = nlohmann::ordered_json::array();
  for (const auto& o : p.info.options) {
    nlohmann::ordered_json oj{
        {"name", o.name},
        {"type", option_type_name(o.type)},
        {"default", nlohmann::ordered_json::parse(option_value_json_text(o.default_value))},
        {"unit", o.unit},
        {"description", o.description}};
    if (std::isfinite(o.minimum)) oj["minimum"] = o.minimum;
    if (std::isfinite(o.maximum)) oj["maximum"] = o.maximum;
    if (!o.choices.empty()) oj["choices"] = o.choices;
    opts.push_back(oj);
  }
  j["options"] = opts;
  j["parcel_fields"] = p.info.parcel_fields;
  j["optional_parcel_fields"] = p.info.optional_parcel_fields;
  nlohmann::ordered_json layers = nlohmann::ordered_json::array();
  for (const auto& l : p.info.layers)
    layers.push_back({{"role", l.role},
                      {"geometry", l.kind == GeometryKind::point ? "point" : "polygon"},
                      {"attributes", l.attributes},
                      {"optional_attributes", l.optional_attributes},
                      {"optional", l.optional},
                      {"purpose", l.purpose}});
  j["layers"] = layers;
  return j;
}

int cmd_plugins(const Args& a) {
  const PluginSearch reg = find_plugins(a.all("--plugins-dir"), a.has("--allow-insecure-plugins"));
  if (a.has("--json")) {
    nlohmann::ordered_json j;
    j["sdk_api_version"] = SITERANK_SDK_API_VERSION;
    j["build_tag"] = SITERANK_BUILD_TAG;
    j["searched"] = reg.searched;
    j["plugins"] = nlohmann::ordered_json::array();
    for (const auto& p : reg.plugins) j["plugins"].push_back(plugin_json(p));
    j["refused"] = nlohmann::ordered_json::array();
    for (const auto& r : reg.refused)
      j["refused"].push_back({{"file", r.file}, {"reason", r.reason}});
    std::cout << j.dump(1) << "\n";
    return 0;
  }
  std::cout << "siterank SDK " << SITERANK_SDK_VERSION_STRING << " (API "
            << SITERANK_SDK_API_VERSION << ", build tag " << SITERANK_BUILD_TAG << ")\nsearched:";
  for (const auto& d : reg.searched) std::cout << " " << d;
  std::cout << "\n\n";
  for (const auto& p : reg.plugins) {
    std::cout << p.info.name << " " << p.info.version << " (SDK API " << p.api_version << ") - "
              << p.info.description << "\n  file: " << p.file << "\n";
    for (const auto& o : p.info.options) {
      std::cout << "  option " << o.name << " (" << option_type_name(o.type)
                << (o.unit.empty() ? "" : ", " + o.unit) << ", default "
                << option_value_json_text(o.default_value) << "): " << o.description << "\n";
    }
    for (const auto& l : p.info.layers)
      std::cout << "  layer " << l.role << (l.optional ? " (optional)" : "")
                << (l.purpose.empty() ? "" : ": " + l.purpose) << "\n";
    if (!p.info.parcel_fields.empty() || !p.info.optional_parcel_fields.empty()) {
      std::cout << "  parcel fields:";
      for (const auto& f : p.info.parcel_fields) std::cout << " " << f;
      for (const auto& f : p.info.optional_parcel_fields) std::cout << " " << f << "(optional)";
      std::cout << "\n";
    }
    std::cout << "\n";
  }
  for (const auto& r : reg.refused) std::cout << "refused " << r.file << ": " << r.reason << "\n";
  return 0;
}

}  // namespace

Command plugins_command() {
  return {"siterank plugins [--json] [--plugins-dir DIR]",
          "Lists the plugins found, with version, SDK API version, description, options and file, "
          "and the refused ones\n"
          "with the reason.",
          {help_opt,
           {"--json", "", false, false, "", "machine-readable output"},
           plugins_dir_opt,
           allow_insecure_plugins_opt},
          cmd_plugins};
}

}  // namespace siterank::cli
