#include "crs/crs.hpp"

#include <cpl_error.h>

#include <cmath>
#include <stdexcept>

namespace siterank {

OGRSpatialReference crs_from_user_string(const std::string& text) {
  OGRSpatialReference srs;
  // PROJ's reason goes into our message, not to stderr as "ERROR 1: ...".
  CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
  CPLErrorReset();
  if (srs.SetFromUserInput(text.c_str()) != OGRERR_NONE) {
    const std::string why = CPLGetLastErrorMsg();
    throw std::invalid_argument("unknown CRS '" + text + "'" + (why.empty() ? "" : ": " + why));
  }
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

TransformPtr make_transform(const OGRSpatialReference& from, const OGRSpatialReference& to) {
  OGRSpatialReference a(from), b(to);
  a.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  b.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
  CPLErrorReset();
  TransformPtr t(OGRCreateCoordinateTransformation(&a, &b));
  if (!t) {
    const std::string why = CPLGetLastErrorMsg();
    throw std::invalid_argument("no transformation from " + crs_label(a) + " to " + crs_label(b) +
                                (why.empty() ? "" : ": " + why));
  }
  return t;
}

std::string crs_label(const OGRSpatialReference& srs) {
  const char* auth = srs.GetAuthorityName(nullptr);
  const char* code = srs.GetAuthorityCode(nullptr);
  if (auth && code) return std::string(auth) + ":" + code;
  const char* name = srs.GetName();
  return name ? name : "unnamed CRS";
}

bool is_metric(const OGRSpatialReference& srs) {
  return srs.IsProjected() && std::abs(srs.GetLinearUnits(nullptr) - 1.0) < 1e-12;
}

}  // namespace siterank
