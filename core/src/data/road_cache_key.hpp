// The road cache's key for a dataset's road graph (network/road_cache.hpp):
// XXH64 over the cache format, the GDAL and PROJ versions, the working
// CRS, the default class speeds, the roads layer's manifest entry (layer,
// CRS, encoding, fields, values, speeds, snapping tolerance) and the bytes
// of every file of its
// source. So editing, replacing or touching up the roads file or its entry
// in dataset.json makes a new key, and moving the dataset keeps it.
#pragma once

#include <cstdint>
#include <optional>

#include "config/manifest.hpp"

namespace siterank::data_detail {

// std::nullopt when the source is not files GDAL can list (a database
// connection): such a network is not cached. Throws std::runtime_error
// when a file cannot be read.
std::optional<std::uint64_t> road_graph_key(const LayerSource& roads, const DatasetManifest& m);

}  // namespace siterank::data_detail
