#include "data/ogr_layer.hpp"

#include <cpl_error.h>
#include <iconv.h>

#include <siterank/host/errors.hpp>
#include <stdexcept>

#include "crs/user_crs.hpp"
#include "util/input_files.hpp"

namespace siterank::data_detail {

namespace {

std::string short_name(const std::string& source) {
  const auto slash = source.find_last_of('/');
  return slash == std::string::npos ? source : source.substr(slash + 1);
}

}  // namespace

void note_dataset_files(GDALDataset& ds) {
  // Every file behind the source (a Shapefile's .dbf, .shx, .prj, .cpg too).
  char** files = ds.GetFileList();
  for (char** f = files; f && *f; ++f) note_input_file(*f);
  CSLDestroy(files);
}

std::string gdal_reason() {
  const std::string msg = CPLGetLastErrorMsg();
  return msg.empty() ? "" : ": " + msg;
}

OpenedLayer open_layer(const LayerSource& s, const DatasetManifest& m,
                       const OGRSpatialReference& working, LoadReport& report) {
  OpenedLayer out;
  const std::string where = m.path + ": " + s.json_path;
  GDALAllRegister();
  QuietGdal quiet;
  out.ds.reset(static_cast<GDALDataset*>(
      GDALOpenEx(s.source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  if (!out.ds) throw InputError(where + ".source: cannot open '" + s.source + "'" + gdal_reason());
  note_dataset_files(*out.ds);
  const std::string driver = out.ds->GetDriver() ? out.ds->GetDriver()->GetDescription() : "";
  if (!s.encoding.empty()) {
    // iconv is what CPLRecode uses here; an encoding it does not know would
    // otherwise be ignored without a word.
    const iconv_t cd = iconv_open("UTF-8", s.encoding.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1))
      throw InputError(where + ".encoding: unknown encoding '" + s.encoding +
                       "' (e.g. GBK, GB18030, UTF-8; `iconv -l` lists them)");
    iconv_close(cd);
    if (driver == "ESRI Shapefile") {
      // The Shapefile driver recodes itself (field names too) when told.
      const std::string opt = "ENCODING=" + s.encoding;
      const char* options[] = {opt.c_str(), nullptr};
      out.ds.reset(static_cast<GDALDataset*>(GDALOpenEx(
          s.source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, options, nullptr)));
      if (!out.ds)
        throw InputError(where + ".source: cannot open '" + s.source + "'" + gdal_reason());
    } else {
      out.recode_from = s.encoding;
    }
  }
  if (s.layer.empty()) {
    if (out.ds->GetLayerCount() != 1) {
      std::string names;
      for (int i = 0; i < out.ds->GetLayerCount(); ++i)
        names += (i ? ", " : "") + std::string(out.ds->GetLayer(i)->GetName());
      throw InputError(where + ".layer: '" + short_name(s.source) + "' has " +
                       std::to_string(out.ds->GetLayerCount()) + " layers (" + names +
                       "); name one");
    }
    out.layer = out.ds->GetLayer(0);
  } else {
    out.layer = out.ds->GetLayerByName(s.layer.c_str());
    if (!out.layer)
      throw InputError(where + ".layer: no layer '" + s.layer + "' in '" + short_name(s.source) +
                       "'");
  }
  out.label = short_name(s.source) + " (layer " + out.layer->GetName() + ")";

  // Sources never declare GCJ-02 or BD-09 (they have no EPSG code): only the
  // manifest can, and the layer is then read as EPSG:4326 lon/lat and
  // shifted back to WGS 84 on the way to the working CRS.
  const OGRSpatialReference* native = out.layer->GetSpatialRef();
  UserCrs source_crs;
  if (!s.crs.empty()) {
    try {
      source_crs = user_crs(s.crs);
    } catch (const std::invalid_argument& e) {
      throw InputError(where + ".crs: " + e.what());
    }
    if (native && !native->IsSame(&source_crs.srs))
      report.notes.push_back(out.label + ": manifest CRS " + user_crs_label(source_crs) +
                             " overrides the source's " + crs_label(*native));
  } else if (native) {
    source_crs.srs = *native;
  } else {
    throw InputError(out.label + ": the source has no CRS; state it with \"crs\" at " +
                     s.json_path + ".crs in " + m.path);
  }
  source_crs.srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  out.identity = !source_crs.datum && source_crs.srs.IsSame(&working);
  if (!out.identity) {
    try {
      out.to_working = make_transform(source_crs, working);
    } catch (const std::invalid_argument& e) {
      throw InputError(out.label + ": " + e.what());
    }
  }
  return out;
}

std::unique_ptr<OGRFeature> next_feature(const OpenedLayer& l, std::size_t features_read) {
  CPLErrorReset();
  std::unique_ptr<OGRFeature> f(l.layer->GetNextFeature());
  if (!f && CPLGetLastErrorType() >= CE_Failure)
    throw InputError(l.label + ": reading failed after " + std::to_string(features_read) +
                     " features" + gdal_reason() + "; the file is damaged or truncated");
  return f;
}

}  // namespace siterank::data_detail
