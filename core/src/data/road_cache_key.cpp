#include "data/road_cache_key.hpp"

#include <gdal.h>
#include <gdal_priv.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "network/content_hash.hpp"
#include "network/road_cache.hpp"
#include "network/road_classes.hpp"

namespace siterank::data_detail {

namespace {

struct CloseDataset {
  void operator()(GDALDataset* d) const { GDALClose(d); }
};

// The files GDAL reads for `source`, sorted; empty when it names none.
std::vector<std::string> source_files(const std::string& source) {
  const std::unique_ptr<GDALDataset, CloseDataset> ds(GDALDataset::FromHandle(
      GDALOpenEx(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  std::vector<std::string> out;
  if (!ds) return out;
  char** list = ds->GetFileList();
  for (char** f = list; f && *f; ++f) out.emplace_back(*f);
  CSLDestroy(list);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::optional<std::uint64_t> road_graph_key(const LayerSource& s, const DatasetManifest& m) {
  const std::vector<std::string> files = source_files(s.source);
  if (files.empty()) return std::nullopt;
  network::KeyBuilder k;
  k.add("siterank road graph").add(std::uint64_t{network::kRoadCacheFormat});
  k.add(GDALVersionInfo("RELEASE_NAME"));
  int major = 0, minor = 0, patch = 0;
  OSRGetPROJVersion(&major, &minor, &patch);
  k.add(static_cast<std::uint64_t>(major * 10000 + minor * 100 + patch));
  k.add(m.working_crs);
  // Everything of the entry that shapes the lines: keep in step with
  // LayerSource (config/manifest.hpp) and the loader (road_loader.cpp).
  k.add(s.layer).add(s.crs).add(s.encoding);
  k.add(static_cast<std::uint64_t>(s.fields.size()));
  for (const auto& [canonical, source] : s.fields) k.add(canonical).add(source);
  k.add(static_cast<std::uint64_t>(s.values.size()));
  for (const auto& [field, map] : s.values) {
    k.add(field).add(static_cast<std::uint64_t>(map.size()));
    for (const auto& [from, to] : map) k.add(from).add(to);
  }
  k.add(static_cast<std::uint64_t>(s.speeds.size()));
  for (const auto& [cls, kmh] : s.speeds) k.add(cls).add(kmh);
  // The defaults the overrides go over.
  for (const auto& d : network::default_road_class_speeds()) k.add(d.road_class).add(d.speed_kmh);
  // Of the network settings only the snapping shapes the graph (the access
  // settings are in the travel times' keys).
  k.add(s.network.snap_tolerance_m);
  // The files by content, not by name or time.
  k.add(static_cast<std::uint64_t>(files.size()));
  for (const auto& f : files) k.add(network::file_hash(f));
  return k.digest();
}

}  // namespace siterank::data_detail
