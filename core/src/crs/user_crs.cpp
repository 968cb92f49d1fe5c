#include "crs/user_crs.hpp"

#include <cpl_error.h>
#include <gdal_version.h>

#include <utility>

namespace siterank {

namespace {

// GDAL 3.6 counts points with int, later versions with size_t: take the
// type from this GDAL's own declaration so the override matches either.
template <class>
struct CountOf;
template <class R, class C, class N, class... Rest>
struct CountOf<R (C::*)(N, Rest...)> {
  using type = N;
};
using PointCount = CountOf<decltype(&OGRCoordinateTransformation::TransformWithErrorCodes)>::type;

// PROJ's transformation with the GCJ-02/BD-09 shift before it (the source
// coordinates are in that datum: shift them to WGS 84 first) or after it
// (the target is: shift PROJ's WGS 84 result). The source or target CRS it
// reports is PROJ's EPSG:4326.
class ShiftedTransform final : public OGRCoordinateTransformation {
 public:
  ShiftedTransform(TransformPtr proj, ChineseDatum datum, bool shifted_source)
      : proj_(std::move(proj)), datum_(datum), shifted_source_(shifted_source) {}

#if GDAL_VERSION_NUM >= GDAL_COMPUTE_VERSION(3, 7, 0)  // made const in 3.7
  const OGRSpatialReference* GetSourceCS() const override { return proj_->GetSourceCS(); }
  const OGRSpatialReference* GetTargetCS() const override { return proj_->GetTargetCS(); }
#else
  OGRSpatialReference* GetSourceCS() override { return proj_->GetSourceCS(); }
  OGRSpatialReference* GetTargetCS() override { return proj_->GetTargetCS(); }
#endif

  using OGRCoordinateTransformation::Transform;
  int Transform(PointCount n, double* x, double* y, double* z, double* t, int* ok) override {
    if (shifted_source_) shift(n, x, y);
    const int any = proj_->Transform(n, x, y, z, t, ok);
    // Points PROJ failed on are HUGE_VAL, outside China: left as they are.
    if (!shifted_source_) shift(n, x, y);
    return any;
  }

  OGRCoordinateTransformation* Clone() const override {
    return new ShiftedTransform(TransformPtr(proj_->Clone()), datum_, shifted_source_);
  }
  OGRCoordinateTransformation* GetInverse() const override {
    TransformPtr inverse(proj_->GetInverse());
    return inverse ? new ShiftedTransform(std::move(inverse), datum_, !shifted_source_) : nullptr;
  }

 private:
  void shift(PointCount n, double* x, double* y) const {
    for (PointCount i = 0; i < n; ++i) {
      const LonLat p =
          shifted_source_ ? to_wgs84(datum_, {x[i], y[i]}) : from_wgs84(datum_, {x[i], y[i]});
      x[i] = p.lon;
      y[i] = p.lat;
    }
  }

  TransformPtr proj_;
  ChineseDatum datum_;
  bool shifted_source_;
};

}  // namespace

UserCrs user_crs(const std::string& text) {
  if (const auto d = chinese_datum(text)) return {wgs84_crs().srs, d};
  // PROJ's complaint goes into our message, not to stderr as well.
  CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
  return {crs_from_user_string(text), std::nullopt};
}

UserCrs wgs84_crs() { return {crs_from_user_string("EPSG:4326"), std::nullopt}; }

std::string user_crs_label(const UserCrs& c) {
  return c.datum ? datum_name(*c.datum) : crs_label(c.srs);
}

bool is_wgs84(const UserCrs& c) {
  if (c.datum || !c.srs.IsGeographic()) return false;
  const OGRSpatialReference wgs84 = wgs84_crs().srs;
  // Lat/lon (EPSG:4326) or lon/lat (OGC:CRS84) by definition: we write
  // lon/lat either way.
  const char* const options[] = {"CRITERION=EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS",
                                 "IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", nullptr};
  return c.srs.IsSame(&wgs84, options);
}

bool in_degrees(const UserCrs& c) { return c.srs.IsGeographic(); }

std::string ogc_urn(const UserCrs& c) {
  if (c.datum) return "";
  const char* auth = c.srs.GetAuthorityName(nullptr);
  const char* code = c.srs.GetAuthorityCode(nullptr);
  return auth && code ? "urn:ogc:def:crs:" + std::string(auth) + "::" + code : "";
}

TransformPtr make_transform(const UserCrs& from, const OGRSpatialReference& to) {
  TransformPtr proj = make_transform(from.srs, to);
  if (!from.datum) return proj;
  return TransformPtr(new ShiftedTransform(std::move(proj), *from.datum, true));
}

TransformPtr make_transform(const OGRSpatialReference& from, const UserCrs& to) {
  TransformPtr proj = make_transform(from, to.srs);
  if (!to.datum) return proj;
  return TransformPtr(new ShiftedTransform(std::move(proj), *to.datum, false));
}

}  // namespace siterank
