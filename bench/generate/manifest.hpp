// dataset.json of the benchmark dataset: the sample's manifest (same source
// fields, values and reference roles) with its own name.
#pragma once

#include <cstdint>
#include <string>

namespace bench {

// With `with_roads`, a layer "roads" (role roads) from roads.gpkg too.
// `source_prefix` goes before every source file name ("../" for a manifest
// in a subfolder of the data). Throws std::runtime_error when the file
// cannot be written.
void write_manifest(const std::string& path, std::uint64_t parcels, std::uint64_t seed,
                    double ref_scale, bool with_roads = false,
                    const std::string& source_prefix = "");

}  // namespace bench
