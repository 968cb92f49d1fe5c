// Parcels from a GeoJSON file through load_dataset, the path `siterank rank`
// takes: OGR opens the bytes (held in GDAL's /vsimem/, no disk), the
// manifest's field mapping and status values apply, geometries are repaired,
// flattened and transformed to the working CRS, areas and representative
// points computed. The manifest is the grid fixture's (tests/data/grid),
// read once by load_manifest, so the corpus's Chinese field names map.
// Refusal: InputError only (e.g. no usable parcel). An accepted table must
// have one entry per parcel in every column, positive finite areas and
// finite representative points.
#include <cpl_vsi.h>

#include <set>
#include <siterank/host/errors.hpp>

#include "config/manifest.hpp"
#include "data/dataset.hpp"
#include "fuzz_support.hpp"

namespace {

constexpr const char* harness = "fuzz_geojson_parcels";
constexpr const char* parcels_path = "/vsimem/fuzz_parcels.geojson";

// An absolute source is kept as it is by the manifest reader, so the
// parcels are read from /vsimem/ while the manifest is an ordinary file.
constexpr const char* manifest_json = R"({
  "siterank_dataset": 1,
  "name": "fuzz",
  "working_crs": "EPSG:4549",
  "parcels": {
    "source": "/vsimem/fuzz_parcels.geojson",
    "fields": {"id": "地块编号", "platform": "所属平台", "land_use": "用地性质",
               "status": "供地状态", "price_wan_per_mu": "出让单价", "power_kva": "供电容量"},
    "extra_fields": {"note": "备注"},
    "values": {"status": {"净地": "ready", "可出让": "available", "储备": "reserved",
                          "征迁中": "clearance", "已出让": "occupied"}}
  }
})";

const siterank::DatasetManifest& manifest() {
  static const siterank::DatasetManifest m = [] {
    const std::string text = manifest_json;
    siterank::fuzz::write_input("dataset.json", reinterpret_cast<const uint8_t*>(text.data()),
                                text.size());
    return siterank::load_manifest(siterank::fuzz::scratch_dir().string());
  }();
  return m;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  manifest();  // a broken fixture manifest fails here, before any input
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // GDAL reads the buffer in place (no copy, not taken over), so it must
  // outlive the file; VSIUnlink below drops the file before returning.
  VSIFCloseL(VSIFileFromMemBuffer(parcels_path, const_cast<GByte*>(data),
                                  static_cast<vsi_l_offset>(size), FALSE));
  const std::set<std::string> no_layers;  // parcels alone
  siterank::Dataset d;
  const bool ok = siterank::fuzz::accepted<siterank::InputError>(
      harness, [&] { d = siterank::load_dataset(manifest(), &no_layers, true); });
  VSIUnlink(parcels_path);
  if (!ok) return 0;
  const auto& t = d.parcels;
  const std::size_t n = t.size();
  siterank::fuzz::check(n > 0, harness, "accepted with no parcel");
  siterank::fuzz::check(t.rep_point.size() == n && t.id.size() == n && t.status.size() == n &&
                            t.price_wan_per_mu.size() == n && t.power_kva.size() == n,
                        harness, "columns of different lengths");
  for (std::size_t i = 0; i < n; ++i) {
    siterank::fuzz::check(std::isfinite(t.area_m2[i]) && t.area_m2[i] > 0, harness,
                          "parcel " + std::to_string(i) + ": area " + std::to_string(t.area_m2[i]));
    siterank::fuzz::check(std::isfinite(t.rep_point[i].x) && std::isfinite(t.rep_point[i].y),
                          harness, "parcel " + std::to_string(i) + ": representative point");
  }
  return 0;
}
