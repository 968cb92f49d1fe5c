// siterank isochrones: the areas from which each facility of a layer is
// reached by road within given minutes, as polygons in a GeoPackage or
// GeoJSON file.
#include <charconv>
#include <cmath>
#include <iostream>
#include <set>
#include <siterank/host/errors.hpp>
#include <siterank/host/isochrones.hpp>
#include <siterank/number_text.hpp>

#include "commands/commands.hpp"
#include "common.hpp"

namespace siterank::cli {

namespace {

const std::string who = "siterank isochrones: ";

// "15,30,45": numbers of minutes > 0, each once.
std::vector<double> parse_minutes(const std::string& list) {
  std::vector<double> out;
  std::set<double> seen;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = list.find(',', start);
    std::string item = list.substr(start, comma == std::string::npos ? comma : comma - start);
    while (!item.empty() && item.front() == ' ') item.erase(item.begin());
    while (!item.empty() && item.back() == ' ') item.pop_back();
    double v = 0;
    const char* end = item.data() + item.size();
    const auto r = std::from_chars(item.data(), end, v);
    if (item.empty() || r.ec != std::errc() || r.ptr != end || !std::isfinite(v))
      throw UsageError(who + "--minutes: '" + item + "' is not a number of minutes");
    if (!(v > 0))
      throw UsageError(who + "--minutes: '" + item + "' is not a time limit (minutes > 0)");
    if (!seen.insert(v).second)
      throw UsageError(who + "--minutes: " + format_general(v) + " is given twice");
    out.push_back(v);
    if (comma == std::string::npos) return out;
    start = comma + 1;
  }
}

IsochroneFilter parse_filter(const std::string& text) {
  const std::size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0)
    throw UsageError(who + "--filter: '" + text + "' is not FIELD=VALUE (e.g. kind=high_speed)");
  return {text.substr(0, eq), text.substr(eq + 1)};
}

std::string minutes_text(const std::vector<double>& minutes) {
  std::string out;
  for (const double m : minutes) out += (out.empty() ? "" : ", ") + format_general(m);
  return out;
}

int cmd_isochrones(const Args& a) {
  IsochroneRequest req;
  req.dataset_dir = a.get("--dataset");
  req.role = a.required("--role");
  req.minutes = parse_minutes(a.required("--minutes"));
  for (const auto& f : a.all("--filter")) req.filters.push_back(parse_filter(f));
  req.threads = threads_from(a);
  const std::string out = a.required("--output");
  IsochroneSet set;
  try {
    check_isochrones_target(out);  // an unwritable -o fails now, not after the computing
    set = compute_isochrones(req);
  } catch (const UsageError& e) {
    throw UsageError(who + e.what());
  }
  write_isochrones(set, out);
  if (!a.has("--quiet")) {
    for (const auto& n : set.notes) std::cerr << "note: " << n << "\n";
    std::set<std::size_t> facilities;
    for (const auto& iso : set.isochrones) facilities.insert(iso.facility);
    std::cerr << "siterank: " << set.isochrones.size() << " isochrones (" << facilities.size()
              << " features of layer '" << set.layer << "' x " << minutes_text(req.minutes)
              << " min) written to " << out << "\n";
  }
  return 0;
}

}  // namespace

Command isochrones_command() {
  return {
      "siterank isochrones --role ROLE --minutes M[,M...] -o FILE [--dataset DIR] "
      "[--filter FIELD=VALUE]",
      "For each feature of the reference layer with role ROLE (rail_hubs, airports ...) and "
      "each number of minutes,\n"
      "writes the area from which the feature is reached by road within that time: trips "
      "run to the facility, as the\n"
      "criteria measure a parcel's trip (access leg, drive, the facility's own access leg), "
      "on the dataset's roads layer.\n"
      "The reached roads, cut where the time runs out, are buffered by the distance the time "
      "left allows at the network's\n"
      "access speed (at most its access distance) and dissolved into one polygon per feature "
      "and time. -o FILE.gpkg\n"
      "(layer isochrones) or FILE.geojson, both EPSG:4326; `siterank report --isochrones "
      "FILE` draws them (docs/formats.md).",
      {help_opt,
       dataset_opt,
       {"--role", "", true, false, "ROLE", "the layer of facilities, by role (rail_hubs)"},
       {"--minutes", "", true, false, "M,M...",
        "time limits in minutes, comma-separated (15,30,45)"},
       {"--filter", "", true, true, "FIELD=VALUE",
        "only the features whose attribute FIELD (as dataset.json maps it) holds VALUE "
        "(repeatable: all must match)"},
       {"--output", "-o", true, false, "FILE", "the .gpkg or .geojson file to write (atomically)"},
       threads_opt,
       quiet_opt},
      cmd_isochrones};
}

}  // namespace siterank::cli
