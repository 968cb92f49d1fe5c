#include "data/layer_fields.hpp"

#include <cpl_conv.h>
#include <cpl_string.h>

#include <algorithm>
#include <cstdio>
#include <string_view>

#include "util/utf8.hpp"

namespace siterank::data_detail {

int source_field(const OpenedLayer& l, const std::string& src, const std::string& json_path,
                 const DatasetManifest& m) {
  OGRFeatureDefn* defn = l.layer->GetLayerDefn();
  const int idx = defn->GetFieldIndex(src.c_str());
  if (idx >= 0) return idx;
  std::string names;
  for (int i = 0; i < defn->GetFieldCount(); ++i)
    names += (i ? ", " : "") + std::string(defn->GetFieldDefn(i)->GetNameRef());
  throw InputError(m.path + ": " + json_path + ": no field '" + src + "' in " + l.label +
                   " (fields: " + names + ")");
}

void read_only_fields(const OpenedLayer& l, const std::vector<int>& used) {
  OGRFeatureDefn* defn = l.layer->GetLayerDefn();
  CPLStringList ignored;
  for (int i = 0; i < defn->GetFieldCount(); ++i)
    if (std::find(used.begin(), used.end(), i) == used.end())
      ignored.AddString(defn->GetFieldDefn(i)->GetNameRef());
  l.layer->SetIgnoredFields(const_cast<const char**>(ignored.List()));
}

bool is_numeric(const OpenedLayer& l, int idx) {
  const OGRFieldType t = l.layer->GetLayerDefn()->GetFieldDefn(idx)->GetType();
  return t == OFTInteger || t == OFTInteger64 || t == OFTReal;
}

std::string text_value(const OpenedLayer& l, OGRFeature& f, int idx) {
  if (!f.IsFieldSetAndNotNull(idx)) return {};
  const char* raw = f.GetFieldAsString(idx);
  std::string out = raw;
  if (!l.recode_from.empty()) {
    char* utf8 = CPLRecode(raw, l.recode_from.c_str(), CPL_ENC_UTF8);
    out = utf8;
    CPLFree(utf8);
  }
  // Every output is UTF-8; bytes in another encoding (GBK without a .cpg)
  // would make invalid files, so they stop here, named.
  if (const std::size_t at = invalid_utf8_at(out); at != std::string_view::npos) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "%02X", static_cast<unsigned char>(out[at]));
    throw InputError(l.label + ": feature " + std::to_string(f.GetFID()) + ": field '" +
                     f.GetFieldDefnRef(idx)->GetNameRef() + "' is not UTF-8 (byte " + hex +
                     " at offset " + std::to_string(at) +
                     "); give the layer's encoding in the manifest (\"encoding\": \"GBK\") or "
                     "a .cpg file beside a Shapefile");
  }
  return out;
}

std::string map_value(const LayerSource& s, const std::string& field, std::string v) {
  const auto f = s.values.find(field);
  if (f == s.values.end()) return v;
  const auto it = f->second.find(v);
  return it == f->second.end() ? v : it->second;
}

}  // namespace siterank::data_detail
