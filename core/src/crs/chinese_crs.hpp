// GCJ-02 and BD-09: the lon/lat "datums" of Chinese web maps. GCJ-02
// (Amap/Gaode, Tencent, Aliyun DataV) is WGS 84 shifted by a published,
// deliberately irregular offset of a few hundred metres; BD-09 (Baidu) is
// GCJ-02 shifted again. PROJ knows neither, so siterank computes them here
// with the standard public formulas: pure math, no GDAL.
//
// Out-of-China rule: the offset applies only inside the box lon 72.004 ..
// 137.8347, lat 0.8293 .. 55.8271 (the rule of eviltransform, coordtransform
// and gcoord); outside it GCJ-02 equals WGS 84. The box is tested on the
// coordinates given: WGS 84 going forward, GCJ-02 going back (what the
// common libraries do; the two differ only within ~1 km of the box edge,
// far from any Chinese city). GCJ-02 <-> BD-09 is applied everywhere, as in
// those libraries.
#pragma once

#include <optional>
#include <string_view>

namespace siterank {

struct LonLat {
  double lon = 0.0;  // degrees east
  double lat = 0.0;  // degrees north
};

// True outside the box above, where GCJ-02 coordinates equal WGS 84.
bool outside_china(LonLat p);

// The standard forward transforms.
LonLat wgs84_to_gcj02(LonLat wgs);
LonLat gcj02_to_bd09(LonLat gcj);

// Inverses by fixed-point iteration on the forward transform, to a
// residual below 1e-9 degree (|forward(result) - input| < 1e-9, about
// 0.1 mm); the offsets have no closed-form inverse. The iteration for BD-09
// starts from Baidu's published one-step inverse, which alone is off by up
// to ~2e-6 degree (0.2 m).
LonLat gcj02_to_wgs84(LonLat gcj);
LonLat bd09_to_gcj02(LonLat bd);

// Through GCJ-02.
LonLat wgs84_to_bd09(LonLat wgs);
LonLat bd09_to_wgs84(LonLat bd);

enum class ChineseDatum { gcj02, bd09 };

// "gcj02" or "bd09" (case-insensitive, "GCJ-02" and "BD-09" too); nullopt
// for anything else, which is then a name for PROJ.
std::optional<ChineseDatum> chinese_datum(std::string_view name);
// "gcj02" or "bd09".
const char* datum_name(ChineseDatum d);

LonLat to_wgs84(ChineseDatum d, LonLat p);
LonLat from_wgs84(ChineseDatum d, LonLat p);

}  // namespace siterank
