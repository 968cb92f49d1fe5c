#include "config/manifest.hpp"

#include <filesystem>
#include <siterank/host/errors.hpp>
#include <siterank/parcels.hpp>

#include "config/json_schema.hpp"
#include "config/resources.hpp"
#include "config/road_manifest.hpp"
#include "util/json_file.hpp"

namespace siterank {

namespace fs = std::filesystem;

namespace {

const JsonSchema& dataset_schema() {
  static const JsonSchema s{std::string(resources::dataset_schema())};
  return s;
}

// A source is a connection string when it names a driver prefix ("PG:",
// "MySQL:") rather than a file; "C:\..." style paths are not a concern here.
bool is_connection_string(const std::string& s) {
  const auto colon = s.find(':');
  return colon != std::string::npos && colon > 1 && s.find('/') > colon;
}

LayerSource read_source(const nlohmann::json& j, const std::string& json_path,
                        const std::string& name, const std::string& dir) {
  LayerSource s;
  s.json_path = json_path;
  s.name = name;
  s.role = j.value("role", "");
  const std::string src = j["source"];
  s.source = is_connection_string(src) ? src : (fs::path(dir) / src).lexically_normal().string();
  s.layer = j.value("layer", "");
  s.crs = j.value("crs", "");
  s.encoding = j.value("encoding", "");
  if (j.contains("fields")) s.fields = j["fields"].get<std::map<std::string, std::string>>();
  if (j.contains("extra_fields"))
    s.extra_fields = j["extra_fields"].get<std::map<std::string, std::string>>();
  if (j.contains("values"))
    s.values = j["values"].get<std::map<std::string, std::map<std::string, std::string>>>();
  return s;
}

}  // namespace

const LayerSource* DatasetManifest::layer_with_role(const std::string& role) const {
  for (const auto& l : layers)
    if (l.role == role) return &l;
  return nullptr;
}

DatasetManifest load_manifest(const std::string& dir_or_file) {
  DatasetManifest m;
  fs::path p(dir_or_file);
  std::error_code ec;
  if (fs::is_directory(p, ec)) p /= "dataset.json";
  if (!fs::exists(p, ec))
    throw InputError(p.string() +
                     ": no dataset manifest here (expected a folder with dataset.json)");
  m.path = p.string();
  m.dir = p.parent_path().empty() ? "." : p.parent_path().string();

  const nlohmann::json doc = read_json_file(m.path);
  const auto errors = dataset_schema().validate(doc);
  if (!errors.empty()) {
    std::string more =
        errors.size() > 1 ? " (and " + std::to_string(errors.size() - 1) + " more)" : "";
    throw InputError(m.path + ": " + errors.front() + more);
  }
  m.name = doc.value("name", fs::path(m.dir).filename().string());
  m.description = doc.value("description", "");
  m.working_crs = doc.value("working_crs", "EPSG:4549");
  m.parcels = read_source(doc["parcels"], "$.parcels", "parcels", m.dir);

  // Value maps may only name mapped fields, and status values must be canonical.
  for (const auto& [field, map] : m.parcels.values) {
    if (!m.parcels.fields.count(field))
      throw InputError(m.path + ": $.parcels.values." + field + ": field '" + field +
                       "' is not mapped in $.parcels.fields");
    if (field == "status")
      for (const auto& [from, to] : map) {
        bool ok = false;
        for (const char* s : parcel_statuses) ok = ok || to == s;
        if (!ok)
          throw InputError(
              m.path + ": $.parcels.values.status." + from + ": '" + to +
              "' is not a canonical status (ready, available, reserved, clearance, occupied)");
      }
  }

  if (doc.contains("layers")) {
    std::map<std::string, std::string> role_owner;
    for (const auto& [name, j] : doc["layers"].items()) {
      LayerSource s = read_source(j, "$.layers." + name, name, m.dir);
      if (auto [it, fresh] = role_owner.emplace(s.role, name); !fresh)
        throw InputError(m.path + ": $.layers." + name + ".role: role '" + s.role +
                         "' is already taken by layer '" + it->second + "' (one layer per role)");
      read_road_settings(j, s, m.path);
      m.layers.push_back(std::move(s));
    }
  }
  return m;
}

}  // namespace siterank
