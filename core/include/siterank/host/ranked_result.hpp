// The one value a run produces: what was asked (profile, methods), what it
// ran on (dataset, parcels, reference layers), by which criteria, and what
// came out (scores, factors, vetoes, ranking, optionally the Monte Carlo
// top-K shares). Every writer and analysis reads this and nothing else: no
// plugin, plan or data source. Standard library and SDK types only, so a
// GUI or a distributed worker can hold one without GDAL.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <siterank/host/load_report.hpp>
#include <siterank/host/methods.hpp>
#include <siterank/host/rank_result.hpp>
#include <siterank/parcels.hpp>
#include <siterank/reference.hpp>
#include <siterank/result.hpp>
#include <string>
#include <vector>

namespace siterank {

struct ProfileRecord {
  std::string path;  // the profile file
  std::string name;
  std::string industry;      // taxonomy code
  std::string project_type;  // manufacturing, rd, ...
  WeightingRecord weighting;
  mcda::AggregationSpec aggregation;
};

struct DatasetRecord {
  std::string name;
  std::string manifest_path;
  std::string working_crs;  // as the manifest names it ("EPSG:4549"); parcels and layers are in it
  LoadReport report;
};

struct CriterionRecord {
  std::string name;
  std::string plugin_file;  // the library that scored it
  std::string plugin_version;
  double weight = 0.0;      // normalised, as scored
  double raw_weight = 0.0;  // as the profile states it (weight, rank or AHP weight)
  std::vector<FactorSpec> factors;
  // The plugin's own name: `name`, or the plugin a use under another name
  // is of ($.plugins.<name>.use); "" is taken as `name`.
  std::string plugin = {};
};

// rank --with-sensitivity: per parcel, the share of Monte Carlo weight sets
// that put it in the top k; NaN when vetoed.
struct TopKShares {
  std::size_t k = 0;
  std::vector<double> share;
};

struct RankedResult {
  ProfileRecord profile;
  DatasetRecord dataset;
  std::shared_ptr<const ParcelTable> parcels;
  // The reference layers the criteria loaded, in manifest order.
  std::shared_ptr<const std::vector<ReferenceLayer>> layers;
  std::vector<CriterionRecord> criteria;  // sorted by name; RankResult::scores in this order
  RankResult scoring;
  std::optional<TopKShares> p_topk;

  const ParcelTable& parcel_table() const { return *parcels; }
  const std::vector<ReferenceLayer>& reference_layers() const { return *layers; }
};

}  // namespace siterank
