// A feature's geometry made usable: used as it is when valid and already in
// the working CRS, repaired with MakeValid when invalid, transformed when
// the layer's CRS is another, and refused with a reason when absent.
#include <ogr_feature.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "crs/crs.hpp"
#include "data/geometry_repair.hpp"
#include "data/ogr_layer.hpp"

using namespace siterank;
using siterank::data_detail::OpenedLayer;
using siterank::data_detail::prepared_geometry;
using siterank::data_detail::PreparedGeometry;

namespace {

// A feature of a layer without fields; OGR counts references to the
// definition, which must outlive the feature.
class Feature {
 public:
  explicit Feature(const std::string& wkt = "") : defn_(new OGRFeatureDefn()) {
    defn_->Reference();
    feature_ = std::make_unique<OGRFeature>(defn_);
    if (!wkt.empty()) {
      OGRGeometry* g = nullptr;
      REQUIRE(OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &g) == OGRERR_NONE);
      feature_->SetGeometryDirectly(g);
    }
  }
  ~Feature() {
    feature_.reset();
    defn_->Release();
  }
  Feature(const Feature&) = delete;
  Feature& operator=(const Feature&) = delete;
  OGRFeature& operator*() { return *feature_; }

 private:
  OGRFeatureDefn* defn_;
  std::unique_ptr<OGRFeature> feature_;
};

OpenedLayer working_crs_layer() {
  OpenedLayer l;
  l.identity = true;
  return l;
}

double area_of(const OGRGeometry& g) {
  const auto type = wkbFlatten(g.getGeometryType());
  if (type == wkbPolygon) return g.toPolygon()->get_Area();
  if (type == wkbMultiPolygon) return g.toMultiPolygon()->get_Area();
  if (type == wkbGeometryCollection) return g.toGeometryCollection()->get_Area();
  return 0;
}

}  // namespace

TEST_CASE("a feature without geometry is refused") {
  const OpenedLayer l = working_crs_layer();
  std::vector<Point> scratch;
  Feature none;
  const PreparedGeometry p = prepared_geometry(*none, l, scratch);
  CHECK(p.geometry == nullptr);
  CHECK(p.why == "no geometry");

  Feature empty("POLYGON EMPTY");
  const PreparedGeometry q = prepared_geometry(*empty, l, scratch);
  CHECK(q.geometry == nullptr);
  CHECK(q.why == "no geometry");
}

TEST_CASE("a valid geometry in the working CRS is used as it is") {
  const OpenedLayer l = working_crs_layer();
  std::vector<Point> scratch;
  // The plain case (one ring, checked without GEOS) and one with a hole
  // (checked by GEOS).
  for (const char* wkt : {"POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))",
                          "POLYGON ((0 0, 20 0, 20 20, 0 20, 0 0), (5 5, 5 10, 10 10, 10 5, 5 5))",
                          "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))"}) {
    Feature f(wkt);
    const PreparedGeometry p = prepared_geometry(*f, l, scratch);
    CHECK(p.geometry == (*f).GetGeometryRef());
    CHECK(!p.owned);
    CHECK(!p.repaired);
    CHECK(p.why.empty());
  }
}

TEST_CASE("an invalid geometry is repaired with MakeValid") {
  const data_detail::QuietGdal quiet;  // GEOS reports the self-intersection; the loaders quiet it
  const OpenedLayer l = working_crs_layer();
  std::vector<Point> scratch;
  // A bow-tie: its edges cross at (5, 5). Repaired, it is two triangles of
  // base 10 and height 5, 25 m² each.
  Feature f("POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))");
  const PreparedGeometry p = prepared_geometry(*f, l, scratch);
  REQUIRE(p.geometry != nullptr);
  CHECK(p.repaired);
  CHECK(p.why.empty());
  CHECK(p.geometry == p.owned.get());
  CHECK(p.geometry != (*f).GetGeometryRef());
  CHECK(p.geometry->IsValid());
  CHECK(area_of(*p.geometry) == Approx(50));
}

TEST_CASE("a geometry in another CRS is transformed to the working CRS") {
  const data_detail::QuietGdal quiet;
  OGRSpatialReference wgs84;
  wgs84.importFromEPSG(4326);
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  const OGRSpatialReference working = crs_from_user_string("EPSG:4549");
  OpenedLayer l;
  l.to_working = make_transform(wgs84, working);
  std::vector<Point> scratch;

  // EPSG:4549 is the 3-degree Gauss-Kruger zone on 120° E with a false
  // easting of 500 km: the corner on the central meridian maps to x = 500000;
  // 30° N is about 30 x 110.7 km = 3320 km north of the equator.
  Feature f("POLYGON ((120 30, 120.01 30, 120.01 30.01, 120 30.01, 120 30))");
  const PreparedGeometry p = prepared_geometry(*f, l, scratch);
  REQUIRE(p.geometry != nullptr);
  CHECK(!p.repaired);
  CHECK(p.geometry == p.owned.get());
  const OGRLinearRing* ring = p.geometry->toPolygon()->getExteriorRing();
  CHECK(ring->getX(0) == Approx(500000).margin(1e-3));
  CHECK(ring->getY(0) > 3310000);
  CHECK(ring->getY(0) < 3330000);
  // 0.01° of longitude at 30° N is 0.01 x 111.32 km x cos 30° / sqrt(1 - e² sin² 30°)
  // = 965 m (e² = 0.00669); 0.01° of latitude is 0.01 x a (1 - e²) / (1 - e² sin² 30°)^1.5
  // x pi / 180 = 1108.5 m (a = 6378137 m). The scale factor is 1 this near the meridian.
  CHECK(ring->getX(1) - ring->getX(0) == Approx(965).epsilon(0.002));
  CHECK(ring->getY(2) - ring->getY(1) == Approx(1108.5).epsilon(0.002));
  // The feature's own geometry stays in degrees.
  CHECK((*f).GetGeometryRef()->toPolygon()->getExteriorRing()->getX(0) == 120);

  // Repaired first, in degrees, then transformed.
  Feature bowtie("POLYGON ((120 30, 120.01 30.01, 120.01 30, 120 30.01, 120 30))");
  const PreparedGeometry q = prepared_geometry(*bowtie, l, scratch);
  REQUIRE(q.geometry != nullptr);
  CHECK(q.repaired);
  OGREnvelope env;
  q.geometry->getEnvelope(&env);
  CHECK(env.MinX == Approx(500000).margin(1e-3));
  CHECK(env.MaxX - env.MinX == Approx(965).epsilon(0.002));
}
