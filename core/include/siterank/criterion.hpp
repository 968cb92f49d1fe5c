// The interface a scoring plugin implements: one criterion. Standard library only.
#pragma once

#include <siterank/options.hpp>
#include <siterank/parcels.hpp>
#include <siterank/profile.hpp>
#include <siterank/reference.hpp>
#include <siterank/result.hpp>
#include <string>
#include <vector>

namespace siterank {

struct LayerRequirement {
  std::string role;  // "interchanges", "universities" ...
  GeometryKind kind = GeometryKind::point;
  std::vector<std::string> attributes;           // attributes the layer must map
  bool optional = false;                         // used when present, not required
  std::string purpose;                           // for `siterank plugins`
  std::vector<std::string> optional_attributes;  // used when the layer maps them
};

struct CriterionInfo {
  std::string name;         // criterion key in profiles: lower_snake_case, e.g. "transport"
  std::string version;      // the plugin's own version, e.g. "1.2.0"
  std::string description;  // one line
  std::vector<OptionSpec> options;
  std::vector<std::string> parcel_fields;  // canonical or extra parcel fields it needs
  std::vector<LayerRequirement> layers;
  // Parcel fields it uses when the dataset maps them (a sub-score is then
  // not applicable); listed by `siterank plugins`, never a reason to refuse.
  std::vector<std::string> optional_parcel_fields;
  // The parts of the profile it reads, as JSON paths: "$.utilities.power_kva"
  // for one field, "$.logistics" for a whole section. The host warns about
  // every field a profile states that no enabled criterion and no host rule
  // reads ("$.utilities.water_m3_per_day: not used by any enabled
  // criterion"); with --strict that is an error. $.project's name, company,
  // description and industry, $.requirements, $.weights, $.weighting,
  // $.aggregation and $.plugins are the host's and need no declaration.
  std::vector<std::string> profile_fields;
};

// What a criterion needs for one run, once the profile and its options are
// known: the host checks the manifest against it before any data is read,
// loads only these layers, and warns about profile fields nobody reads.
// Criterion::needs() returns it; by default it is what describe() declares.
struct CriterionNeeds {
  std::vector<std::string> parcel_fields;           // required
  std::vector<std::string> optional_parcel_fields;  // used when mapped
  std::vector<LayerRequirement> layers;             // a layer not optional here is required
  std::vector<std::string> profile_fields;          // JSON paths, as CriterionInfo's
  // Travel by road (ReferenceData::road_trips) when the dataset has a road
  // network: the host loads the layer with role "roads" and builds the
  // network only when some criterion asks. Without one, has_road_network()
  // is false and the criterion measures otherwise (and says so).
  bool road_network = false;

  static CriterionNeeds declared(const CriterionInfo& info) {
    return {info.parcel_fields, info.optional_parcel_fields, info.layers, info.profile_fields,
            false};
  }
};

// Life cycle, driven by the host:
//   describe()  any time, several times;
//   needs()     once, after the profile and its options are validated and
//               before any data is read: a criterion whose layers depend on
//               its options (a mode weighted 0 needs no layer) says so here;
//   configure() once, after the profile and its options are validated and
//               the dataset is loaded; throw std::invalid_argument with a
//               clear message to refuse a configuration;
//   factors()   after configure();
//   score()     many times, concurrently from several threads on disjoint
//               batches: it must not modify the criterion.
// Exceptions thrown by any of these are caught by the host, which fails the
// run naming the plugin (and, for score(), the parcel).
class Criterion {
 public:
  virtual ~Criterion() = default;
  virtual CriterionInfo describe() const = 0;
  virtual void configure(const ProjectProfile& profile, const Options& options,
                         const ReferenceData& reference) = 0;
  virtual CriterionNeeds needs(const ProjectProfile& /*profile*/,
                               const Options& /*options*/) const {
    return CriterionNeeds::declared(describe());
  }
  virtual std::vector<FactorSpec> factors() const = 0;
  virtual void score(const ParcelBatch& parcels, const ReferenceData& reference,
                     BatchResult& out) const = 0;
};

}  // namespace siterank
