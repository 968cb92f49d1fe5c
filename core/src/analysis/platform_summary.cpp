#include "analysis/platform_summary.hpp"

#include <map>
#include <set>

#include "config/taxonomy.hpp"
#include "util/install_paths.hpp"

namespace siterank {

std::vector<PlatformSummary> summarize_platforms(const Dataset& d) {
  std::map<std::string, PlatformSummary> by_name;
  for (const auto& layer : d.layers) {
    if (layer.role != "platforms") continue;
    for (std::size_t i = 0; i < layer.size(); ++i) {
      PlatformSummary& s = by_name[std::string(layer.label(i))];
      s.name = layer.label(i);
      s.district = layer.text("district", i);
      s.description = layer.text("description", i);
      s.in_layer = true;
      std::string_view list = layer.text("industries", i);
      while (!list.empty()) {
        const auto semi = list.find(';');
        const std::string_view code = list.substr(0, semi);
        if (!code.empty()) s.industries.emplace_back(code);
        if (semi == std::string_view::npos) break;
        list.remove_prefix(semi + 1);
      }
    }
  }
  const ParcelTable& t = d.parcels;
  for (std::size_t p = 0; p < t.size(); ++p) {
    PlatformSummary& s = by_name[std::string(t.platform.at(p))];
    s.name = t.platform.at(p);
    if (s.district.empty()) s.district = t.district.at(p);
    ++s.parcels;
    s.area_m2 += t.area_m2[p];
    const std::string_view status = t.status.at(p);
    if (status == "ready") ++s.ready;
    if (status == "available") ++s.available;
    if (status == "ready" || status == "available") s.open_area_m2 += t.area_m2[p];
  }
  std::vector<PlatformSummary> out;
  for (auto& [name, s] : by_name) out.push_back(std::move(s));
  return out;
}

DatasetPlatforms dataset_platforms(const std::string& dataset_dir) {
  const DatasetManifest m =
      load_manifest(dataset_dir.empty() ? default_dataset_dir() : dataset_dir);
  const std::set<std::string> roles{"platforms"};
  const Dataset d = load_dataset(m, &roles);
  DatasetPlatforms out;
  out.dataset = m.name;
  out.parcels = d.parcels.size();
  out.platforms = summarize_platforms(d);
  return out;
}

std::string industry_name_zh(const std::string& code) {
  const Industry* i = Taxonomy::builtin().find(code);
  return i ? i->zh : code;
}

}  // namespace siterank
