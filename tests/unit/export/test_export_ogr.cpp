// GeoPackage and FlatGeobuf (export/export_ogr) on the hand-made result of
// ranked_result_fixture.hpp, written to a temporary directory and read
// back with OGR. docs/formats.md: gpkg layers ranked (rank order), vetoed
// (every vetoed parcel, present even when empty) and platforms (when the
// run loaded that layer), MultiPolygons in EPSG:4326; fgb one layer
// "ranked", the vetoed parcels after the ranked ones with a `vetoed` flag
// when asked. By hand: `ogrinfo -so ranked.gpkg` lists
// "1: ranked (Multi Polygon)", "2: vetoed (Multi Polygon)",
// "3: platforms (Multi Polygon)", and `ogrinfo -so ranked.gpkg ranked`
// says "Feature Count: 3".
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <export_output.hpp>
#include <ranked_result_fixture.hpp>
#include <siterank/host/errors.hpp>
#include <temp_dir.hpp>

#include "export/exporters.hpp"

using namespace siterank;
using namespace siterank::testing;

namespace {

GDALDatasetUniquePtr open_vector(const std::string& path) {
  GDALAllRegister();
  return GDALDatasetUniquePtr(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
}

using Writer = void (*)(const RankedResult&, const Selection&, const std::string&);

// Writes the result to `file` in a fresh temporary directory `dir` and
// opens what was written.
GDALDatasetUniquePtr written(Writer write, const RankedResult& r, const Selection& sel,
                             const std::string& dir, const std::string& file) {
  const std::string path = TempDir(dir).file(file);
  write(r, sel, path);
  auto ds = open_vector(path);
  REQUIRE(ds);
  return ds;
}

std::vector<std::string> layer_names(GDALDataset& ds) {
  std::vector<std::string> out;
  for (int i = 0; i < ds.GetLayerCount(); ++i) out.push_back(ds.GetLayer(i)->GetName());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> field_names(OGRLayer& layer) {
  std::vector<std::string> out;
  OGRFeatureDefn* d = layer.GetLayerDefn();
  for (int i = 0; i < d->GetFieldCount(); ++i) out.push_back(d->GetFieldDefn(i)->GetNameRef());
  return out;
}

std::vector<std::string> parcel_ids(OGRLayer& layer) {
  std::vector<std::string> out;
  layer.ResetReading();
  for (const auto& f : layer) out.push_back(f->GetFieldAsString("parcel_id"));
  return out;
}

// The first point of a feature's first polygon.
OGRPoint first_point(const OGRFeature& f) {
  const OGRGeometry* g = f.GetGeometryRef();
  REQUIRE(g != nullptr);
  REQUIRE(wkbFlatten(g->getGeometryType()) == wkbMultiPolygon);
  const OGRPolygon* polygon = g->toMultiPolygon()->getGeometryRef(0);
  OGRPoint p;
  polygon->getExteriorRing()->getPoint(0, &p);
  return p;
}

const std::vector<std::string> ranked_fields{
    "rank",    "parcel_id", "platform",   "district",        "land_use", "status",
    "area_mu", "score",     "score_land", "score_transport", "reasons"};
const std::vector<std::string> vetoed_fields{"parcel_id",  "platform",        "district",
                                             "land_use",   "status",          "area_mu",
                                             "score_land", "score_transport", "reasons"};

}  // namespace

TEST_CASE("GeoPackage: ranked, vetoed and platforms layers with their features") {
  const auto ds =
      written(write_gpkg, fixture_result_with_platforms(), {}, "gpkg_layers", "ranked.gpkg");
  CHECK(std::string(ds->GetDriver()->GetDescription()) == "GPKG");
  CHECK(layer_names(*ds) == std::vector<std::string>{"platforms", "ranked", "vetoed"});
  OGRLayer* ranked = ds->GetLayerByName("ranked");
  OGRLayer* vetoed = ds->GetLayerByName("vetoed");
  OGRLayer* platforms = ds->GetLayerByName("platforms");
  CHECK(ranked->GetFeatureCount() == 3);
  CHECK(vetoed->GetFeatureCount() == 1);
  CHECK(platforms->GetFeatureCount() == 1);
  for (OGRLayer* l : {ranked, vetoed, platforms}) {
    INFO(l->GetName());
    CHECK(wkbFlatten(l->GetGeomType()) == wkbMultiPolygon);
    REQUIRE(l->GetSpatialRef() != nullptr);
    CHECK(std::string(l->GetSpatialRef()->GetAuthorityCode(nullptr)) == "4326");
  }
  CHECK(field_names(*ranked) == ranked_fields);
  CHECK(field_names(*vetoed) == vetoed_fields);
  CHECK(field_names(*platforms) == std::vector<std::string>{"name", "district", "industries"});
}

TEST_CASE("GeoPackage: field values, rank order and coordinates") {
  const auto ds =
      written(write_gpkg, fixture_result_with_platforms(), {}, "gpkg_values", "ranked.gpkg");
  OGRLayer& ranked = *ds->GetLayerByName("ranked");
  CHECK(parcel_ids(ranked) == std::vector<std::string>{"QT-02", "QT-01", "QT-04"});
  // fid follows rank order.
  std::unique_ptr<OGRFeature> first(ranked.GetFeature(1));
  REQUIRE(first);
  CHECK(std::string(first->GetFieldAsString("parcel_id")) == "QT-02");
  CHECK(first->GetFieldAsInteger("rank") == 1);
  CHECK(std::string(first->GetFieldAsString("district")) == "Xiaoshan, \"South\"");
  CHECK(first->GetFieldAsDouble("area_mu") == 45);
  CHECK(first->GetFieldAsDouble("score") == 86);
  CHECK(first->GetFieldAsDouble("score_transport") == 80);
  CHECK(std::string(first->GetFieldAsString("reasons")) == "land 90×0.6=54; transport 80×0.4=32");
  // QT-01's first corner, (519000, 3347000), as cs2cs has it.
  std::unique_ptr<OGRFeature> second(ranked.GetFeature(2));
  REQUIRE(second);
  const OGRPoint p = first_point(*second);
  CHECK(p.getX() == Approx(qt01_ring_lonlat[0].lon).margin(1e-9));
  CHECK(p.getY() == Approx(qt01_ring_lonlat[0].lat).margin(1e-9));

  OGRLayer& vetoed = *ds->GetLayerByName("vetoed");
  std::unique_ptr<OGRFeature> v(vetoed.GetNextFeature());
  REQUIRE(v);
  CHECK(std::string(v->GetFieldAsString("parcel_id")) == "QT-03");
  CHECK(v->GetFieldAsDouble("area_mu") == 18.52);  // 12345 m² = 18.5175 亩
  CHECK(std::string(v->GetFieldAsString("reasons")) ==
        "requirements: " + fixture_requirement_reason + "; land: " + fixture_land_reason);

  OGRLayer& platforms = *ds->GetLayerByName("platforms");
  std::unique_ptr<OGRFeature> q(platforms.GetNextFeature());
  REQUIRE(q);
  CHECK(std::string(q->GetFieldAsString("name")) == "钱塘芯谷");
  CHECK(std::string(q->GetFieldAsString("district")) == "钱塘区");
  CHECK(std::string(q->GetFieldAsString("industries")) == "integrated_circuits;smart_iot");
}

TEST_CASE("GeoPackage: --top limits the ranked layer only; no platforms layer unless loaded") {
  Selection sel;
  sel.top = 1;
  const auto ds = written(write_gpkg, fixture_result(), sel, "gpkg_top", "ranked.gpkg");
  CHECK(layer_names(*ds) == std::vector<std::string>{"ranked", "vetoed"});
  CHECK(ds->GetLayerByName("ranked")->GetFeatureCount() == 1);
  CHECK(ds->GetLayerByName("vetoed")->GetFeatureCount() == 1);
}

TEST_CASE("GeoPackage: the vetoed layer is there, with its fields, when nothing is vetoed") {
  RankedResult r = fixture_result();
  // QT-03 ranked instead: 0.6·10 + 0.4·60 = 30, third before QT-04's 29.
  r.scoring.vetoes.clear();
  r.scoring.vetoed.clear();
  r.scoring.total[2] = 30;
  r.scoring.ranking = {1, 0, 2, 3};
  r.scoring.rank_of = {2, 1, 3, 4};
  const auto ds = written(write_gpkg, r, {}, "gpkg_no_vetoed", "ranked.gpkg");
  CHECK(parcel_ids(*ds->GetLayerByName("ranked")) ==
        std::vector<std::string>{"QT-02", "QT-01", "QT-03", "QT-04"});
  OGRLayer* vetoed = ds->GetLayerByName("vetoed");
  REQUIRE(vetoed != nullptr);
  CHECK(vetoed->GetFeatureCount() == 0);
  CHECK(field_names(*vetoed) == vetoed_fields);
}

TEST_CASE("GeoPackage: p_topk after the score with the shares") {
  const auto ds =
      written(write_gpkg, fixture_result_with_p_topk(), {}, "gpkg_p_topk", "ranked.gpkg");
  OGRLayer& ranked = *ds->GetLayerByName("ranked");
  CHECK(field_names(ranked)[8] == "p_topk");
  std::unique_ptr<OGRFeature> second(ranked.GetFeature(2));  // QT-01
  CHECK(second->GetFieldAsDouble("p_topk") == 0.75);
  CHECK(field_names(*ds->GetLayerByName("vetoed")) == vetoed_fields);
}

TEST_CASE("FlatGeobuf: one layer in rank order, the vetoed ones flagged when asked") {
  {
    const auto ds = written(write_fgb, fixture_result(), {}, "fgb", "ranked.fgb");
    CHECK(std::string(ds->GetDriver()->GetDescription()) == "FlatGeobuf");
    REQUIRE(ds->GetLayerCount() == 1);
    OGRLayer& l = *ds->GetLayer(0);
    CHECK(std::string(l.GetName()) == "ranked");
    CHECK(l.GetFeatureCount() == 3);
    CHECK(field_names(l) == ranked_fields);
    CHECK(parcel_ids(l) == std::vector<std::string>{"QT-02", "QT-01", "QT-04"});
  }
  Selection sel = with_vetoed();
  const auto ds = written(write_fgb, fixture_result(), sel, "fgb_vetoed", "ranked.fgb");
  OGRLayer& l = *ds->GetLayer(0);
  CHECK(l.GetFeatureCount() == 4);
  std::vector<std::string> fields = ranked_fields;
  fields.push_back("vetoed");
  CHECK(field_names(l) == fields);
  const OGRFieldDefn* flag =
      l.GetLayerDefn()->GetFieldDefn(l.GetLayerDefn()->GetFieldIndex("vetoed"));
  CHECK(flag->GetType() == OFTInteger);
  CHECK(flag->GetSubType() == OFSTBoolean);
  CHECK(parcel_ids(l) == std::vector<std::string>{"QT-02", "QT-01", "QT-04", "QT-03"});
  l.ResetReading();
  std::vector<int> flags;
  std::vector<bool> rank_null, score_null;
  // FlatGeobuf leaves a NULL property out of the feature, and GDAL reads it
  // back as unset rather than null (ogrinfo omits the field): no value either way.
  for (const auto& f : l) {
    flags.push_back(f->GetFieldAsInteger("vetoed"));
    rank_null.push_back(!f->IsFieldSetAndNotNull(f->GetFieldIndex("rank")));
    score_null.push_back(!f->IsFieldSetAndNotNull(f->GetFieldIndex("score")));
  }
  CHECK(flags == std::vector<int>{0, 0, 0, 1});
  CHECK(rank_null == std::vector<bool>{false, false, false, true});
  CHECK(score_null == std::vector<bool>{false, false, false, true});
}

TEST_CASE("a target in a directory that does not exist is an output error") {
  const TempDir dir("ogr_missing_dir");
  for (const auto& [name, write] :
       {std::pair<std::string, Writer>{"ranked.gpkg", write_gpkg}, {"ranked.fgb", write_fgb}}) {
    INFO(name);
    const std::string path = dir.file("no_such_dir/" + name);
    CHECK_THROWS_AS(write(fixture_result(), {}, path), OutputError);
    CHECK_THROWS_WITH(write(fixture_result(), {}, path),
                      path + ": the directory " + dir.file("no_such_dir") + " does not exist");
  }
}
