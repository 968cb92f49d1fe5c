// flood_risk: a third-party siterank criterion. Scores a parcel by the
// straight-line distance from its representative point to the nearest
// feature of a water layer: far from water is safe. Optionally vetoes
// parcels closer than a minimum distance.
//
// Only the SDK headers are needed; SITERANK_PLUGIN at the bottom exports the
// class so the host can load siterank_flood_risk.so.
#include <limits>
#include <siterank/sdk.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

// The roles `layer_role` may name. describe() lists them all (as optional,
// for `siterank plugins`) and as the option's choices, so the host rejects an
// unknown role while validating the profile; needs() then asks for the one
// chosen, so a dataset without it is refused before any data is read.
// Water is best given as polygons (water surfaces): the host measures to a
// polygon's edge (0 inside), while it reduces a line feature to one point.
struct WaterRole {
  const char* role;
  siterank::GeometryKind kind;
  const char* purpose;
};
constexpr WaterRole kRoles[] = {
    {"rivers", siterank::GeometryKind::polygon, "river and canal water surfaces"},
    {"lakes", siterank::GeometryKind::polygon, "lakes and reservoirs"},
    {"flood_zones", siterank::GeometryKind::polygon, "flood-prone areas"},
    // Also the one layer of the tests/data/grid fixture the install test uses.
    {"stations", siterank::GeometryKind::point, "gauging or pumping stations on the water network"},
};

std::string metres(double d) { return siterank::format_fixed(d, 0) + " m"; }

class FloodRisk final : public siterank::Criterion {
 public:
  siterank::CriterionInfo describe() const override {
    siterank::CriterionInfo info;
    info.name = "flood_risk";
    info.version = "0.1.0";
    info.description = "distance to the nearest water feature: far from water is safe";

    std::vector<std::string> roles;
    for (const auto& r : kRoles) roles.emplace_back(r.role);
    info.options = {
        siterank::OptionSpec::text("layer_role", "rivers",
                                   "role of the reference layer to measure the distance to", roles),
        siterank::OptionSpec::value_function("distance_function",
                                             siterank::ValueFunction::linear(0.0, 500.0), "m",
                                             "score of the distance to the nearest feature"),
        siterank::OptionSpec::number("min_distance_m", 0.0, "m",
                                     "veto parcels closer than this to the layer (0 = no veto)",
                                     0.0),
    };
    // Members set by name: a member the SDK adds later keeps its default,
    // and -Wextra stays quiet.
    for (const auto& r : kRoles) {
      siterank::LayerRequirement layer;
      layer.role = r.role;
      layer.kind = r.kind;
      layer.optional = true;
      layer.purpose = std::string(r.purpose) + ", when layer_role = " + r.role;
      info.layers.push_back(layer);
    }
    return info;
  }

  // Once the options are known, only the chosen layer is needed, and it is
  // required: the host checks the manifest has it before reading any data.
  siterank::CriterionNeeds needs(const siterank::ProjectProfile&,
                                 const siterank::Options& options) const override {
    siterank::CriterionNeeds needs;
    const std::string role = options.text("layer_role");
    for (const auto& r : kRoles)
      if (role == r.role) {
        siterank::LayerRequirement layer;
        layer.role = r.role;
        layer.kind = r.kind;
        layer.purpose = r.purpose;
        needs.layers.push_back(layer);
      }
    return needs;
  }

  // Options arrive validated and complete (defaults filled in); what is left
  // to check is what they mean for this criterion and what only the data
  // can tell.
  void configure(const siterank::ProjectProfile&, const siterank::Options& options,
                 const siterank::ReferenceData& reference) override {
    role_ = options.text("layer_role");
    function_ = options.value_function("distance_function");
    min_distance_m_ = options.number("min_distance_m");
    // Moving a parcel away from water must never lower its score.
    function_.require_never_falls("distance_function", 0.0,
                                  std::numeric_limits<double>::infinity());
    // needs() made the layer required, so the host has loaded it; a test
    // harness calling configure() directly may not have.
    const siterank::ReferenceLayer* layer = reference.layer(role_);
    if (!layer)
      throw std::invalid_argument("layer_role: no reference layer with role '" + role_ + "'");
    if (layer->size() == 0)
      throw std::invalid_argument("layer_role: reference layer '" + layer->name + "' (role '" +
                                  role_ + "') has no features");
  }

  std::vector<siterank::FactorSpec> factors() const override {
    return {{"distance_m", "m",
             "straight-line distance to the nearest '" + role_ + "' feature, scored by " +
                 function_.describe()}};
  }

  // Called concurrently on disjoint batches: only locals are written.
  void score(const siterank::ParcelBatch& parcels, const siterank::ReferenceData& reference,
             siterank::BatchResult& out) const override {
    const siterank::ReferenceLayer& layer = *reference.layer(role_);  // checked in configure()
    std::vector<siterank::Hit> hits;  // reused across parcels: one allocation per batch
    for (std::size_t i = 0; i < parcels.size(); ++i) {
      hits.clear();
      reference.nearest(layer, parcels.rep_point(i), 1, nullptr, hits);
      // Cannot happen with a non-empty layer; if it does, the host fails the
      // run naming this plugin and the parcel.
      if (hits.empty()) throw std::runtime_error("no feature found in layer '" + layer.name + "'");
      const double d = hits.front().distance_m;
      out.set_score(i, function_(d));
      out.set_factor(i, 0, d);
      if (d < min_distance_m_) {
        const std::string label(layer.label(hits.front().feature));
        out.veto(i, metres(d) + " from " + role_ +
                        (label.empty() ? "" : " feature '" + label + "'") +
                        ", closer than min_distance_m = " + metres(min_distance_m_));
      }
    }
  }

 private:
  std::string role_ = "rivers";
  siterank::ValueFunction function_ = siterank::ValueFunction::linear(0.0, 500.0);
  double min_distance_m_ = 0.0;
};

}  // namespace

SITERANK_PLUGIN(FloodRisk)
