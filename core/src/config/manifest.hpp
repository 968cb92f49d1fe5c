// The dataset manifest (dataset.json): where the parcels and reference
// layers are and how their fields map to canonical names. See docs/formats.md.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "network/road_classes.hpp"
#include "network/road_line.hpp"

namespace siterank {

// How the road network meets the points it serves, from the roads layer's
// "network" object (docs/formats.md, "Road network layer").
using RoadNetworkSettings = network::RoadNetworkSettings;

struct LayerSource {
  std::string json_path;                            // "$.parcels" or "$.layers.metro", for messages
  std::string name;                                 // "parcels" or the reference layer's key
  std::string role;                                 // reference layers only
  std::string source;                               // resolved file path or OGR connection string
  std::string layer;                                // "" = the source's only layer
  std::string crs;                                  // "" = read from the source
  std::string encoding;                             // "" = as the source says
  std::map<std::string, std::string> fields;        // canonical -> source
  std::map<std::string, std::string> extra_fields;  // parcels only
  std::map<std::string, std::map<std::string, std::string>>
      values;  // canonical field -> {source -> canonical}
  // Role "roads" only (config/road_manifest): class speeds over the defaults
  // and the network settings.
  network::SpeedOverrides speeds;
  RoadNetworkSettings network;
};

struct DatasetManifest {
  std::string dir;   // the dataset folder
  std::string path;  // its dataset.json
  std::string name;
  std::string description;
  std::string working_crs = "EPSG:4549";
  LayerSource parcels;
  std::vector<LayerSource> layers;  // sorted by name

  const LayerSource* layer_with_role(const std::string& role) const;
};

// Accepts the dataset folder or its dataset.json. Throws InputError naming
// the file and JSON path.
DatasetManifest load_manifest(const std::string& dir_or_file);

}  // namespace siterank
