// dataset.json of the benchmark dataset: the sample's manifest (same source
// fields, values and reference roles) with its own name.
#pragma once

#include <cstdint>
#include <string>

namespace bench {

// Throws std::runtime_error when the file cannot be written.
void write_manifest(const std::string& path, std::uint64_t parcels, std::uint64_t seed,
                    double ref_scale);

}  // namespace bench
