// Reading attribute values from an opened layer: finding the field a
// manifest maps, telling numeric fields from text, recoding text to UTF-8,
// parsing numbers out of text fields and applying the manifest's value map.
// Shared by the parcel and reference loaders, so a bad field or value is
// reported in the same words for both.
#pragma once

#include <ogr_feature.h>

#include <charconv>
#include <siterank/columns.hpp>
#include <siterank/host/errors.hpp>
#include <string>
#include <vector>

#include "config/manifest.hpp"
#include "data/ogr_layer.hpp"

namespace siterank::data_detail {

// The index of field `src` in l; throws InputError naming `json_path` of m
// and listing the layer's fields when there is none.
int source_field(const OpenedLayer& l, const std::string& src, const std::string& json_path,
                 const DatasetManifest& m);

// Makes the layer read only the fields in `used` (OGRLayer::SetIgnoredFields):
// sources often carry many more than a manifest maps.
void read_only_fields(const OpenedLayer& l, const std::vector<int>& used);

// Whether field idx is an integer or real field.
bool is_numeric(const OpenedLayer& l, int idx);

// The field as UTF-8 text; "" when unset or null.
std::string text_value(const OpenedLayer& l, OGRFeature& f, int idx);

// A number from a numeric field, or parsed from a text field; NaN when empty.
// `what()` names the field for the error message; it is only called then, so
// the common case builds no strings.
template <class What>
double number_value(const OpenedLayer& l, OGRFeature& f, int idx, bool numeric, What&& what) {
  if (!f.IsFieldSetAndNotNull(idx)) return missing;
  if (numeric) return f.GetFieldAsDouble(idx);
  std::string s = text_value(l, f, idx);
  s.erase(0, s.find_first_not_of(" \t"));
  s.erase(s.find_last_not_of(" \t") + 1);
  if (s.empty()) return missing;
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size())
    throw InputError(what() + ": '" + s + "' is not a number");
  return v;
}

// v as s.values maps it for canonical field `field`; v itself when unmapped.
std::string map_value(const LayerSource& s, const std::string& field, std::string v);

}  // namespace siterank::data_detail
