// GeoPackage and FlatGeobuf: the parcels with the CSV's fields, as typed
// columns, for QGIS and other GIS tools.
#include <cmath>
#include <siterank/parcels.hpp>

#include "analysis/parcel_reasons.hpp"
#include "export/exporters.hpp"
#include "export/ogr_output.hpp"

namespace siterank {

namespace {

// Field indexes of a parcel layer; -1 when the layer has no such field.
struct ParcelFields {
  int rank = -1;
  int parcel_id = -1, platform = -1, district = -1, land_use = -1, status = -1;
  int area_mu = -1;
  int score = -1;
  std::vector<int> criterion_scores;
  int reasons = -1;
  int vetoed = -1;
  int p_topk = -1;
};

// rank and score are for ranked parcels; the vetoed flag for layers that
// mix both.
ParcelFields add_parcel_fields(OgrOutput& out, OGRLayer& layer, const RankedResult& result,
                               bool ranked, bool vetoed_flag) {
  ParcelFields f;
  if (ranked) f.rank = out.add_field(layer, "rank", OFTInteger);
  f.parcel_id = out.add_field(layer, "parcel_id", OFTString);
  f.platform = out.add_field(layer, "platform", OFTString);
  f.district = out.add_field(layer, "district", OFTString);
  f.land_use = out.add_field(layer, "land_use", OFTString);
  f.status = out.add_field(layer, "status", OFTString);
  f.area_mu = out.add_field(layer, "area_mu", OFTReal);
  if (ranked) f.score = out.add_field(layer, "score", OFTReal);
  if (ranked && result.p_topk.has_value()) f.p_topk = out.add_field(layer, "p_topk", OFTReal);
  for (const auto& c : result.criteria)
    f.criterion_scores.push_back(out.add_field(layer, ("score_" + c.name).c_str(), OFTReal));
  f.reasons = out.add_field(layer, "reasons", OFTString);
  if (vetoed_flag) f.vetoed = out.add_field(layer, "vetoed", OFTInteger, OFSTBoolean);
  return f;
}

void set_real(OGRFeature& feature, int field, double v, int decimals) {
  if (field < 0) return;
  // NaN is "no value", as null in the JSON output.
  if (std::isnan(v))
    feature.SetFieldNull(field);
  else
    feature.SetField(field, round_decimals(v, decimals));
}

void set_text(OGRFeature& feature, int field, std::string_view v) {
  feature.SetField(field, std::string(v).c_str());
}

void write_parcels(OgrOutput& out, OGRLayer& layer, const ParcelFields& f,
                   const RankedResult& result, const Selection& sel,
                   const std::vector<std::size_t>& parcels, const std::string& format) {
  const ParcelTable& t = result.parcel_table();
  const auto& r = result.scoring;
  const TransformPtr to_wgs84 = transform_to_wgs84(result, format);
  for (std::size_t p : parcels) {
    const std::string what = "parcel '" + std::string(t.id.at(p)) + "'";
    const ListedParcel listed = listed_parcel(result, sel, p);
    const bool vetoed = listed.vetoed;
    OGRFeature feature(layer.GetLayerDefn());
    // Unset fields would be "unset", not NULL, which some readers tell apart.
    for (int i = 0; i < feature.GetFieldCount(); ++i) feature.SetFieldNull(i);
    if (f.rank >= 0 && listed.rank != 0)
      feature.SetField(f.rank, static_cast<GIntBig>(listed.rank));
    set_text(feature, f.parcel_id, t.id.at(p));
    set_text(feature, f.platform, t.platform.at(p));
    set_text(feature, f.district, t.district.at(p));
    set_text(feature, f.land_use, t.land_use.at(p));
    set_text(feature, f.status, t.status.at(p));
    set_real(feature, f.area_mu, t.area_m2[p] / m2_per_mu, 2);
    if (listed.rank != 0) set_real(feature, f.score, listed.score, 6);
    if (!vetoed && f.p_topk >= 0) set_real(feature, f.p_topk, result.p_topk->share[p], 6);
    for (std::size_t c = 0; c < result.criteria.size(); ++c)
      set_real(feature, f.criterion_scores[c], r.scores[c].scores[p], 6);
    set_text(feature, f.reasons, parcel_reasons(result, p));
    if (f.vetoed >= 0) feature.SetField(f.vetoed, vetoed ? 1 : 0);
    auto g = polygons_in_wgs84(PolygonView(t.geometry, p), *to_wgs84);
    if (!g) out.fail("cannot transform " + what + " to EPSG:4326");
    feature.SetGeometryDirectly(g.release());
    out.write(layer, feature, what);
  }
}

void write_platforms(OgrOutput& out, const RankedResult& result) {
  const ReferenceLayer* platforms = nullptr;
  for (const auto& l : result.reference_layers())
    if (l.role == "platforms" && l.kind == GeometryKind::polygon) platforms = &l;
  // The run loads only the layers its plugins need (industry_fit needs
  // this one); without it there is nothing to draw.
  if (!platforms) return;
  OGRLayer& layer = out.create_layer("platforms", wkbMultiPolygon);
  const int name = out.add_field(layer, "name", OFTString);
  const int district = out.add_field(layer, "district", OFTString);
  const int industries = out.add_field(layer, "industries", OFTString);
  const TransformPtr to_wgs84 = transform_to_wgs84(result, "GeoPackage");
  for (std::size_t i = 0; i < platforms->size(); ++i) {
    const std::string what = "platform '" + std::string(platforms->label(i)) + "'";
    OGRFeature feature(layer.GetLayerDefn());
    set_text(feature, name, platforms->label(i));
    set_text(feature, district, platforms->text("district", i));
    set_text(feature, industries, platforms->text("industries", i));
    auto g = polygons_in_wgs84(PolygonView(platforms->polygons, i), *to_wgs84);
    if (!g) out.fail("cannot transform " + what + " to EPSG:4326");
    feature.SetGeometryDirectly(g.release());
    out.write(layer, feature, what);
  }
}

}  // namespace

void write_gpkg(const RankedResult& result, const Selection& sel, const std::string& path) {
  OgrOutput out(path, {"GPKG"}, ".gpkg", "GeoPackage", OgrOutput::Io::direct);
  OGRLayer& ranked = out.create_layer("ranked", wkbMultiPolygon);
  // With rank_vetoed the vetoed parcels rank too, after the rest, flagged.
  const ParcelFields rf = add_parcel_fields(out, ranked, result, true, sel.rank_vetoed);
  Selection only_ranked = sel;
  only_ranked.include_vetoed = false;
  write_parcels(out, ranked, rf, result, sel, selected_parcels(result, only_ranked), "GeoPackage");
  // Always there, even empty, so that a QGIS project built on one run's
  // file keeps working with the next.
  OGRLayer& vetoed = out.create_layer("vetoed", wkbMultiPolygon);
  const ParcelFields vf = add_parcel_fields(out, vetoed, result, false, false);
  write_parcels(out, vetoed, vf, result, sel, result.scoring.vetoed, "GeoPackage");
  write_platforms(out, result);
  out.commit();
}

void write_fgb(const RankedResult& result, const Selection& sel, const std::string& path) {
  OgrOutput out(path, {"FlatGeobuf"}, ".fgb", "FlatGeobuf");
  // Without the spatial index the driver keeps features in the order
  // written, so the file reads best first like every other output; the
  // index would sort them along a Hilbert curve.
  OGRLayer& layer = out.create_layer("ranked", wkbMultiPolygon, {"SPATIAL_INDEX=NO"});
  const ParcelFields f =
      add_parcel_fields(out, layer, result, true, sel.include_vetoed || sel.rank_vetoed);
  write_parcels(out, layer, f, result, sel, selected_parcels(result, sel), "FlatGeobuf");
  out.commit();
}

}  // namespace siterank
