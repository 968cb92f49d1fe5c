// compute_isochrones: the request checked against the manifest before any
// layer is read, then the facilities' layer and the roads loaded
// (data/dataset), the network built (data/dataset_network) and each
// facility's isochrones computed (network/isochrones), facilities in
// parallel, each into its own slot, so the result is the same whatever
// the number of threads.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>
#include <siterank/host/errors.hpp>
#include <siterank/host/isochrones.hpp>
#include <siterank/number_text.hpp>

#include "config/manifest.hpp"
#include "config/road_manifest.hpp"
#include "data/dataset.hpp"
#include "data/dataset_network.hpp"
#include "data/filter_test.hpp"
#include "network/isochrones.hpp"
#include "util/install_paths.hpp"
#include "util/parallel_chunks.hpp"

namespace siterank {

namespace {

std::vector<double> checked_minutes(std::vector<double> minutes) {
  if (minutes.empty()) throw UsageError("minutes: give at least one time limit");
  for (const double m : minutes)
    if (!(m > 0 && std::isfinite(m)))
      throw UsageError("minutes: " + format_general(m) +
                       " is not a time limit (a number of minutes > 0)");
  std::sort(minutes.begin(), minutes.end());
  for (std::size_t i = 1; i < minutes.size(); ++i)
    if (minutes[i] == minutes[i - 1])
      throw UsageError("minutes: " + format_general(minutes[i]) + " is given twice");
  return minutes;
}

std::string facility_roles(const DatasetManifest& m) {
  std::string out;
  for (const auto& l : m.layers)
    if (l.role != roads_role) out += (out.empty() ? "" : ", ") + l.role;
  return out.empty() ? "none" : out;
}

const LayerSource& facility_layer(const DatasetManifest& m, const std::string& role) {
  if (role == roads_role)
    throw UsageError("role 'roads' is the road network, not a layer of facilities (roles: " +
                     facility_roles(m) + ")");
  if (!m.layer_with_role(roads_role))
    throw InputError(m.path +
                     ": no layer with role 'roads': isochrones need a road network "
                     "(docs/formats.md, \"Road network layer\")");
  const LayerSource* l = m.layer_with_role(role);
  if (!l)
    throw InputError(m.path + ": no layer with role '" + role + "' (roles: " + facility_roles(m) +
                     ")");
  return *l;
}

std::string filter_text(const IsochroneFilter& f) { return f.field + "=" + f.value; }

void check_filter_fields(const DatasetManifest& m, const LayerSource& l,
                         const std::vector<IsochroneFilter>& filters) {
  for (const auto& f : filters)
    if (!l.fields.count(f.field)) {
      std::string mapped;
      for (const auto& [name, source] : l.fields) mapped += (mapped.empty() ? "" : ", ") + name;
      throw InputError(m.path + ": filter " + filter_text(f) + ": " + l.json_path +
                       ".fields does not map '" + f.field + "' (it maps: " + mapped + ")");
    }
}

AttributeFilter attribute_filter(const ReferenceLayer& layer, const IsochroneFilter& f) {
  AttributeFilter out;
  out.field = f.field;
  const AttributeColumn* c = layer.attribute(f.field);
  if (c && c->kind == AttributeColumn::Kind::number) {
    double v = 0;
    const char* end = f.value.data() + f.value.size();
    const auto r = std::from_chars(f.value.data(), end, v);
    if (r.ec != std::errc() || r.ptr != end || !std::isfinite(v))
      throw InputError("filter " + filter_text(f) + ": attribute '" + f.field + "' of layer '" +
                       layer.name + "' holds numbers, and '" + f.value + "' is not one");
    out.min = out.max = v;
  } else {
    out.any_of = {f.value};
  }
  return out;
}

// The features passing every filter.
std::vector<std::size_t> chosen_facilities(const ReferenceLayer& layer,
                                           const std::vector<IsochroneFilter>& filters) {
  std::vector<AttributeFilter> resolved;
  for (const auto& f : filters) resolved.push_back(attribute_filter(layer, f));
  std::vector<FilterTest> tests;
  for (const auto& f : resolved) tests.emplace_back(layer, &f);
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < layer.size(); ++i)
    if (std::all_of(tests.begin(), tests.end(), [&](const FilterTest& t) { return t(i); }))
      out.push_back(i);
  return out;
}

struct FacilityResult {
  std::vector<network::IsochroneShape> shapes;
  PolygonStore polygons;
  double access_m = std::numeric_limits<double>::quiet_NaN();
};

void append_store(const PolygonStore& from, PolygonStore& to) {
  const std::size_t points = to.points.size(), rings = to.ring_offsets.size() - 1;
  to.points.insert(to.points.end(), from.points.begin(), from.points.end());
  for (std::size_t r = 1; r < from.ring_offsets.size(); ++r)
    to.ring_offsets.push_back(points + from.ring_offsets[r]);
  to.ring_is_exterior.insert(to.ring_is_exterior.end(), from.ring_is_exterior.begin(),
                             from.ring_is_exterior.end());
  for (std::size_t f = 1; f < from.feature_ring_offsets.size(); ++f)
    to.feature_ring_offsets.push_back(rings + from.feature_ring_offsets[f]);
}

}  // namespace

IsochroneSet compute_isochrones(const IsochroneRequest& request) {
  const std::vector<double> minutes = checked_minutes(request.minutes);
  const DatasetManifest manifest =
      load_manifest(request.dataset_dir.empty() ? default_dataset_dir() : request.dataset_dir);
  const LayerSource& source = facility_layer(manifest, request.role);
  check_filter_fields(manifest, source, request.filters);

  const std::set<std::string> roles{request.role, roads_role};
  Dataset d = load_dataset(manifest, &roles, false);
  const std::unique_ptr<network::RoadNetwork> roads = take_road_network(d);
  if (!roads) throw std::logic_error("isochrones: the roads layer loaded no line");
  const ReferenceLayer& layer = d.layers.at(0);  // the one reference layer asked for
  if (layer.size() == 0)
    throw InputError(manifest.path + ": " + source.json_path + ": layer '" + layer.name +
                     "' has no features");
  const std::vector<std::size_t> facilities = chosen_facilities(layer, request.filters);
  if (facilities.empty()) {
    std::string filters;
    for (const auto& f : request.filters) filters += (filters.empty() ? "" : ", ") + filter_text(f);
    throw InputError("no feature of layer '" + layer.name + "' (" + std::to_string(layer.size()) +
                     " features) passes " + filters);
  }

  std::vector<double> limits_s;
  for (const double m : minutes) limits_s.push_back(m * 60);
  const network::RoadNetworkSettings& settings = roads->settings();
  std::vector<FacilityResult> results(facilities.size());
  parallel_pieces(facilities.size(), request.threads, [&](std::size_t k, unsigned) {
    const std::optional<network::Attachment> at =
        roads->segments().attach(layer.points[facilities[k]], settings.max_access_m);
    FacilityResult& r = results[k];
    if (!at) {
      for (std::size_t i = 0; i < limits_s.size(); ++i)
        r.polygons.feature_ring_offsets.push_back(0);  // no rings
      return;
    }
    r.access_m = at->access_m;
    r.shapes = network::facility_isochrones(roads->graph(), *at, limits_s, settings, r.polygons);
  });

  IsochroneSet out;
  out.dataset = manifest.name;
  out.layer = layer.name;
  out.role = layer.role;
  out.crs = manifest.working_crs;
  out.notes = d.report.notes;
  for (std::size_t k = 0; k < facilities.size(); ++k) {
    const std::size_t f = facilities[k];
    const FacilityResult& r = results[k];
    if (std::isnan(r.access_m))
      out.notes.push_back("layer '" + layer.name + "' feature " + std::to_string(f) + " '" +
                          std::string(layer.label(f)) + "': no road within " +
                          format_general(settings.max_access_m) + " m, nothing reached");
    for (std::size_t i = 0; i < minutes.size(); ++i) {
      Isochrone iso;
      iso.facility = f;
      iso.name = std::string(layer.label(f));
      iso.minutes = minutes[i];
      iso.access_m = r.access_m;
      if (!r.shapes.empty()) {
        iso.road_km = r.shapes[i].road_m / 1000;
        iso.area_km2 = r.shapes[i].area_m2 / 1e6;
      }
      out.isochrones.push_back(std::move(iso));
    }
    append_store(r.polygons, out.polygons);
  }
  return out;
}

}  // namespace siterank
