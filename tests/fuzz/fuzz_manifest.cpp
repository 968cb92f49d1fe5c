// The dataset manifest (dataset.json) through load_manifest, as `siterank
// rank --dataset DIR` reads it: the strict JSON reader, the dataset schema,
// the value maps, the layer roles and the road network settings. The
// manifest's sources are only named here, not opened (fuzz_geojson_parcels
// reads parcels). Refusal: InputError only.
#include <siterank/host/errors.hpp>

#include "config/manifest.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  constexpr const char* harness = "fuzz_manifest";
  siterank::fuzz::write_input("dataset.json", data, size);
  siterank::DatasetManifest m;
  if (!siterank::fuzz::accepted<siterank::InputError>(
          harness, [&] { m = siterank::load_manifest(siterank::fuzz::scratch_dir().string()); }))
    return 0;
  // The schema requires a parcels source; every layer has a role of its own.
  siterank::fuzz::check(!m.parcels.source.empty(), harness, "accepted without a parcels source");
  for (const auto& l : m.layers)
    siterank::fuzz::check(m.layer_with_role(l.role) == &l, harness,
                          "role '" + l.role + "' taken by two layers");
  return 0;
}
