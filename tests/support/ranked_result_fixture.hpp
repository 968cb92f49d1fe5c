// A RankedResult made by hand, for the unit tests of the writers and
// analyses (tests/unit/export, tests/unit/analysis): four parcels in the
// working CRS EPSG:4549 (CGCS2000 / 3-degree Gauss-Kruger CM 120E, false
// easting 500000) just south-west of Hangzhou's centre, two criteria, one
// parcel vetoed. Every number the tests expect follows from the values
// below by the arithmetic written beside them; none was taken from running
// the code under test.
#pragma once

#include <cmath>
#include <memory>
#include <nlohmann/json.hpp>
#include <sdk_fixtures.hpp>
#include <siterank/host/ranked_result.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace siterank::testing {

// The parcels, in table order (index: id, geometry, area, attributes):
//
//   0 QT-01  rectangle x 519000..519100, y 3347000..3347200 (100 m × 200 m)
//            = 20000 m² = 20000 / (10000/15) = 30 亩; name "东区, 一号";
//            钱塘芯谷, 钱塘区, M1, ready; representative point (519050, 3347100)
//   1 QT-02  square x 519200..519400, y 3347000..3347200 (200 m × 200 m) with a
//            100 m × 100 m hole x 519250..519350, y 3347050..3347150
//            = 40000 - 10000 = 30000 m² = 45 亩; no name;
//            临空经济示范区, district `Xiaoshan, "South"` (a comma and quotes,
//            for CSV quoting), M0, available; point (519225, 3347100)
//   2 QT-03  rectangle x 519500..519600, y 3347000..3347123.45 (100 m × 123.45 m)
//            = 12345 m² = 12345 × 15 / 10000 = 18.5175 亩 (18.52 to 2 decimals);
//            中国视谷, 滨江区, B29, reserved; point (519550, 3347061.725); VETOED
//   3 QT-04  two parts: x 519700..519800 × y 3347000..3347100 (10000 m²) and
//            x 519700..519800 × y 3347200..3347250 (5000 m²) = 15000 m² = 22.5 亩;
//            钱塘芯谷, 钱塘区, 100101, ready; point (519750, 3347050)
//
// Criteria (sorted by name, as a RankedResult keeps them), weighted sum:
//   land       weight 0.6 (raw 3), factor area_mu (mu)
//   transport  weight 0.4 (raw 2), factor metro_m (m)
//
//   parcel  land  transport  total = 0.6 land + 0.4 transport     rank
//   QT-01    40      90      24 + 36 = 60                          2
//   QT-02    90      80      54 + 32 = 86                          1
//   QT-03    10      60      vetoed (NaN)                          -
//   QT-04    35      20      21 +  8 = 29                          3
//
// QT-03 is vetoed by the requirements (its platform) and by land (its land
// use), in that order.
inline constexpr double fixture_weight_land = 0.6;
inline constexpr double fixture_weight_transport = 0.4;
inline const std::string fixture_requirement_reason =
    "platform 中国视谷 not among the required platforms (钱塘芯谷, 临空经济示范区)";
inline const std::string fixture_land_reason = "land use B29 not allowed for a factory";

// Lon/lat (EPSG:4326) of the fixture's points, from PROJ 9.1.1 (EPSG:4549
// takes northing first, so the columns are swapped around cs2cs):
//   awk '{print $2, $1}' points.txt | cs2cs -f %.10f EPSG:4549 EPSG:4326
// (the same as `+proj=tmerc +lon_0=120 +x_0=500000 +ellps=GRS80` inverted:
// CGCS2000 and WGS 84 are the same datum at this accuracy).
struct Wgs84Point {
  double lon, lat;
};
// QT-01's ring: (519000, 3347000) (519100, 3347000) (519100, 3347200) (519000, 3347200).
inline const std::vector<Wgs84Point> qt01_ring_lonlat{{120.1974004842, 30.2423908821},
                                                      {120.1984394289, 30.2423893127},
                                                      {120.1984430537, 30.2441934351},
                                                      {120.1974040900, 30.2441950047},
                                                      {120.1974004842, 30.2423908821}};
// QT-02's hole, as stored (clockwise): (519250, 3347050) (519250, 3347150)
// (519350, 3347150) (519350, 3347050).
inline const std::vector<Wgs84Point> qt02_hole_lonlat{{120.1999987591, 30.2428379737},
                                                      {120.2000005858, 30.2437400349},
                                                      {120.2010395445, 30.2437384448},
                                                      {120.2010377084, 30.2428363837},
                                                      {120.1999987591, 30.2428379737}};
// QT-02's exterior corner (519200, 3347000); QT-04's second part's first
// corner (519700, 3347200).
inline constexpr Wgs84Point qt02_first_corner_lonlat{120.1994783735, 30.2423877350};
inline constexpr Wgs84Point qt04_second_part_lonlat{120.2046768341, 30.2441838449};
// Representative points of QT-01 .. QT-04 (table order).
inline const std::vector<Wgs84Point> rep_point_lonlat{{120.1979217642, 30.2432921598},
                                                      {120.1997399339, 30.2432894005},
                                                      {120.2031158241, 30.2429389455},
                                                      {120.2051935045, 30.2428299411}};

namespace detail {

inline void add_ring(PolygonStore& g, std::vector<Point> ring, bool exterior) {
  ring.push_back(ring.front());
  for (const Point& p : ring) g.points.push_back(p);
  g.ring_offsets.push_back(g.points.size());
  g.ring_is_exterior.push_back(exterior ? 1 : 0);
}

inline std::vector<Point> box(double x0, double y0, double x1, double y1) {
  return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};  // counter-clockwise, open
}

inline void add_parcel(ParcelTable& t, const std::string& id, const std::string& name,
                       const std::string& platform, const std::string& district,
                       const std::string& land_use, const std::string& status, double area_m2,
                       Point rep, const std::vector<std::vector<Point>>& rings,
                       const std::vector<bool>& exterior) {
  t.id.push_back(id);
  t.name.push_back(name);
  push_category(t.platform, platform);
  push_category(t.district, district);
  push_category(t.land_use, land_use);
  push_category(t.status, status);
  t.area_m2.push_back(area_m2);
  t.rep_point.push_back(rep);
  for (std::size_t r = 0; r < rings.size(); ++r) add_ring(t.geometry, rings[r], exterior[r]);
  t.geometry.feature_ring_offsets.push_back(t.geometry.ring_offsets.size() - 1);
  for (auto* column : {&t.price_wan_per_mu, &t.plot_ratio_min, &t.plot_ratio_max, &t.height_limit_m,
                       &t.power_kva, &t.water_m3_per_day})
    column->push_back(missing);
}

inline std::shared_ptr<const ParcelTable> fixture_parcels() {
  auto t = std::make_shared<ParcelTable>();
  add_parcel(*t, "QT-01", "东区, 一号", "钱塘芯谷", "钱塘区", "M1", "ready", 20000,
             {519050, 3347100}, {box(519000, 3347000, 519100, 3347200)}, {true});
  // The hole clockwise, as the loader stores holes.
  add_parcel(*t, "QT-02", "", "临空经济示范区", "Xiaoshan, \"South\"", "M0", "available", 30000,
             {519225, 3347100},
             {box(519200, 3347000, 519400, 3347200),
              {{519250, 3347050}, {519250, 3347150}, {519350, 3347150}, {519350, 3347050}}},
             {true, false});
  add_parcel(*t, "QT-03", "", "中国视谷", "滨江区", "B29", "reserved", 12345, {519550, 3347061.725},
             {box(519500, 3347000, 519600, 3347123.45)}, {true});
  add_parcel(*t, "QT-04", "", "钱塘芯谷", "钱塘区", "100101", "ready", 15000, {519750, 3347050},
             {box(519700, 3347000, 519800, 3347100), box(519700, 3347200, 519800, 3347250)},
             {true, true});
  t->mapped_fields = {"id", "name", "platform", "district", "land_use", "status"};
  return t;
}

}  // namespace detail

// The platform 钱塘芯谷 as a polygon reference layer: x 518900..519900,
// y 3346900..3347400 (it holds QT-01 and QT-04).
inline ReferenceLayer fixture_platforms_layer() {
  ReferenceLayer l = make_point_layer("platforms", "platforms", {{519400, 3347150}},
                                      {"name", "district", "industries"},
                                      {{"钱塘芯谷", "钱塘区", "integrated_circuits;smart_iot"}});
  l.kind = GeometryKind::polygon;
  detail::add_ring(l.polygons, detail::box(518900, 3346900, 519900, 3347400), true);
  l.polygons.feature_ring_offsets.push_back(l.polygons.ring_offsets.size() - 1);
  return l;
}

// The result described above; no reference layers, no top-K shares.
inline RankedResult fixture_result() {
  RankedResult r;
  r.profile.path = "profiles/drone.json";
  r.profile.name = "无人机整机制造基地";
  r.profile.industry = "low_altitude_economy";
  r.profile.project_type = "factory";
  r.dataset.name = "Hangzhou test";
  r.dataset.manifest_path = "data/hz/dataset.json";
  r.dataset.working_crs = "EPSG:4549";
  // Five features read: QT-04 repaired, a fifth skipped.
  r.dataset.report.parcels_read = 5;
  r.dataset.report.parcels_loaded = 4;
  r.dataset.report.repaired = {"parcel 'QT-04': invalid geometry repaired (MakeValid)"};
  r.dataset.report.skipped = {{"QT-05", "parcel 'QT-05' (feature 5): no geometry"}};
  r.parcels = detail::fixture_parcels();
  r.layers = std::make_shared<const std::vector<ReferenceLayer>>();
  r.criteria = {{"land",
                 "libsiterank_land.so",
                 "1.2.0",
                 fixture_weight_land,
                 3,
                 {{"area_mu", "mu", "parcel area"}}},
                {"transport",
                 "libsiterank_transport.so",
                 "0.9.1",
                 fixture_weight_transport,
                 2,
                 {{"metro_m", "m", "distance to the nearest metro station"}}}};
  RankResult& s = r.scoring;
  s.scores = {{{40, 90, 10, 35}, {30, 45, 18.5175, 22.5}},
              {{90, 80, 60, 20}, {800, 2500, missing, 6000}}};
  s.total = {60, 86, missing, 29};
  s.ranking = {1, 0, 3};
  s.rank_of = {2, 1, 0, 3};
  s.vetoes = {{2, requirements_source, fixture_requirement_reason},
              {2, "land", fixture_land_reason}};
  s.vetoed = {2};
  return r;
}

// With the 钱塘芯谷 platform layer loaded (as a run with industry_fit has it).
inline RankedResult fixture_result_with_platforms() {
  RankedResult r = fixture_result();
  r.layers = std::make_shared<const std::vector<ReferenceLayer>>(
      std::vector<ReferenceLayer>{fixture_platforms_layer()});
  return r;
}

// rank --with-sensitivity with K = 2: QT-01 0.75, QT-02 1, QT-04 0.25, the
// vetoed QT-03 NaN (made-up shares: the writers only copy them).
inline RankedResult fixture_result_with_p_topk() {
  RankedResult r = fixture_result();
  r.p_topk = TopKShares{2, {0.75, 1.0, missing, 0.25}};
  return r;
}

// The same scores under OWA with order weights (0.7, 0.3) for a parcel's
// best and worst score: S = Σ u_(j) v_j z_(j) / Σ u_(j) v_j.
//   QT-01: transport 90 first, land 40 second: Σ u v = 0.4·0.7 + 0.6·0.3 = 0.46,
//          S = (0.28·90 + 0.18·40) / 0.46 = (25.2 + 7.2) / 0.46 = 70.434783
//   QT-02: land 90, transport 80: Σ u v = 0.6·0.7 + 0.4·0.3 = 0.54,
//          S = (0.42·90 + 0.12·80) / 0.54 = (37.8 + 9.6) / 0.54 = 87.777778
//   QT-04: land 35, transport 20: S = (0.42·35 + 0.12·20) / 0.54 = 17.1 / 0.54 = 31.666667
// The ranking stays QT-02, QT-01, QT-04.
inline RankedResult fixture_result_owa() {
  RankedResult r = fixture_result();
  r.profile.aggregation.method = mcda::Method::owa;
  r.profile.aggregation.order_weights = {0.7, 0.3};
  r.scoring.total = {32.4 / 0.46, 47.4 / 0.54, missing, 17.1 / 0.54};
  return r;
}

// The same scores under the weighted geometric mean (not additive): the
// totals are 40^0.6·90^0.4, ... but no output here depends on them beyond
// the ranking, which stays QT-02, QT-01, QT-04.
inline RankedResult fixture_result_wgm() {
  RankedResult r = fixture_result();
  r.profile.aggregation.method = mcda::Method::weighted_geometric_mean;
  for (std::size_t p : r.scoring.ranking)
    r.scoring.total[p] = std::pow(r.scoring.scores[0].scores[p], fixture_weight_land) *
                         std::pow(r.scoring.scores[1].scores[p], fixture_weight_transport);
  return r;
}

// Reading the outputs back: a text's lines (without their '\n') and an
// object's member names in order.
inline std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

inline std::vector<std::string> json_keys(const nlohmann::ordered_json& j) {
  std::vector<std::string> out;
  for (const auto& [k, v] : j.items()) out.push_back(k);
  return out;
}

}  // namespace siterank::testing
