// siterank platforms: a dataset's platforms, their industries and the land open now.
#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>
#include <siterank/host/platforms.hpp>
#include <siterank/host/text.hpp>
#include <siterank/number_text.hpp>
#include <siterank/parcels.hpp>

#include "commands/commands.hpp"
#include "common.hpp"

namespace siterank::cli {

namespace {

int cmd_platforms(const Args& a) {
  const DatasetPlatforms d = dataset_platforms(a.get("--dataset"));
  const auto& platforms = d.platforms;
  if (a.has("--json")) {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const auto& p : platforms) {
      nlohmann::ordered_json ind = nlohmann::ordered_json::array();
      for (const auto& c : p.industries) ind.push_back({{"code", c}, {"zh", industry_name_zh(c)}});
      j.push_back({{"name", p.name},
                   {"district", p.district},
                   {"industries", ind},
                   {"description", p.description},
                   {"parcels", p.parcels},
                   {"ready", p.ready},
                   {"available", p.available},
                   {"area_mu", std::round(p.area_m2 / m2_per_mu * 10) / 10},
                   {"open_area_mu", std::round(p.open_area_m2 / m2_per_mu * 10) / 10},
                   {"in_platforms_layer", p.in_layer}});
    }
    std::cout << j.dump(1) << "\n";
    return 0;
  }
  std::vector<std::vector<std::string>> rows{
      {"platform", "district", "parcels", "area 亩", "open 亩", "leading industries"}};
  for (const auto& p : platforms) {
    std::string ind;
    for (const auto& c : p.industries) ind += (ind.empty() ? "" : "、") + industry_name_zh(c);
    rows.push_back({p.name, p.district, std::to_string(p.parcels),
                    format_fixed(p.area_m2 / m2_per_mu, 0),
                    format_fixed(p.open_area_m2 / m2_per_mu, 0), ind});
  }
  std::vector<std::size_t> width(rows[0].size(), 0);
  for (const auto& r : rows)
    for (std::size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], display_width(r[i]));
  std::cout << d.dataset << ": " << platforms.size() << " platforms, " << d.parcels
            << " parcels; open = ready or available now\n\n";
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::string line;
    for (std::size_t i = 0; i < rows[r].size(); ++i)
      line += (i ? "  " : "") + pad(rows[r][i], width[i], i >= 2 && i <= 4);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    std::cout << line << "\n";
  }
  return 0;
}

}  // namespace

Command platforms_command() {
  return {"siterank platforms [--json] [--dataset DIR]",
          "Lists the dataset's platforms with their district, leading industries, parcel counts, "
          "total area and the area\n"
          "open now (parcels ready or available).",
          {help_opt, {"--json", "", false, false, "", "machine-readable output"}, dataset_opt},
          cmd_platforms};
}

}  // namespace siterank::cli
