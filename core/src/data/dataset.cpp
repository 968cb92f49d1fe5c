// load_dataset: the working CRS checked, then the parcels (data/parcel_loader),
// the chosen reference layers (data/reference_loader) and the road network
// (data/road_loader) loaded into it.
#include "data/dataset.hpp"

#include <siterank/host/errors.hpp>
#include <stdexcept>

#include "config/road_manifest.hpp"
#include "crs/crs.hpp"
#include "data/parcel_loader.hpp"
#include "data/reference_loader.hpp"
#include "data/road_loader.hpp"

namespace siterank {

Dataset load_dataset(const DatasetManifest& manifest, const std::set<std::string>* roles,
                     bool with_parcels, const RoadsLoader& load_roads) {
  Dataset out;
  out.manifest = manifest;
  try {
    out.working_crs = crs_from_user_string(manifest.working_crs);
  } catch (const std::invalid_argument& e) {
    throw InputError(manifest.path + ": $.working_crs: " + e.what());
  }
  if (!is_metric(out.working_crs))
    throw InputError(
        manifest.path + ": $.working_crs: " + manifest.working_crs +
        " is not a projected CRS in metres; areas and distances need one (e.g. EPSG:4549)");
  data_detail::load_parcels(manifest, out.working_crs, out, !with_parcels);
  for (const auto& s : manifest.layers) {
    if (roles && !roles->count(s.role)) continue;
    if (s.role == roads_role) {
      if (load_roads)
        load_roads(s, out);
      else
        out.roads = data_detail::load_roads(s, manifest, out.working_crs, out.report);
      out.roads_layer = s.name;
    } else
      out.layers.push_back(data_detail::load_reference(s, manifest, out.working_crs, out.report));
  }
  if (const LayerSource* roads = manifest.layer_with_role(roads_role))
    out.road_settings = roads->network;
  return out;
}

}  // namespace siterank
