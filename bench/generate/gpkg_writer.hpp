// A GeoPackage written feature by feature through OGR, in EPSG:4549, with
// one transaction per `batch` features (SQLite commits are the cost of
// writing a GeoPackage) and pinned timestamps, so the same features give the
// same bytes.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "layout.hpp"

class GDALDataset;
class OGRLayer;
class OGRFeature;

namespace bench {

struct FieldSpec {
  std::string name;
  char type;  // 's' text, 'i' integer, 'r' real
};

class GpkgWriter {
 public:
  // Creates `path` (removing an old file first). Throws std::runtime_error.
  explicit GpkgWriter(const std::string& path, long batch = 100000);
  ~GpkgWriter();
  GpkgWriter(const GpkgWriter&) = delete;
  GpkgWriter& operator=(const GpkgWriter&) = delete;

  enum class Geometry { point, polygon, line };
  // Starts a new layer; the previous one is finished.
  void layer(const std::string& name, bool polygons, const std::vector<FieldSpec>& fields) {
    layer(name, polygons ? Geometry::polygon : Geometry::point, fields);
  }
  void layer(const std::string& name, Geometry geometry, const std::vector<FieldSpec>& fields);
  // Sets field `i` of the next feature.
  void text(int i, const std::string& v);
  void integer(int i, long long v);
  void real(int i, double v);
  // Writes the next feature with its fields as set.
  void polygon(const std::vector<Pt>& open_ring);
  void point(Pt p);
  void line(const std::vector<Pt>& points);
  // Commits and closes; throws on failure.
  void close();

 private:
  void write();
  std::string path_;
  long batch_, pending_ = 0;
  GDALDataset* ds_ = nullptr;
  OGRLayer* layer_ = nullptr;
  std::unique_ptr<OGRFeature> feature_;
};

}  // namespace bench
