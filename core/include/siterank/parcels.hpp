// Parcels as plugins see them: a read-only columnar table owned by the host
// and batch views over it. Standard library only.
#pragma once

#include <algorithm>
#include <cstddef>
#include <siterank/columns.hpp>
#include <siterank/geometry.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace siterank {

// 1 mu (亩) = 10000/15 m² = 666.67 m².
inline constexpr double m2_per_mu = 10000.0 / 15.0;

// Canonical parcel status values (the manifest maps source values onto
// these): ready = serviced and cleared, construction can start on transfer
// (净地, 拿地即开工); available = can be transferred, site work still needed;
// reserved = held for another project; clearance = being cleared (征迁中);
// occupied = in use.
inline constexpr const char* parcel_statuses[] = {"ready", "available", "reserved", "clearance",
                                                  "occupied"};

// A land-use code as profiles and the host compare it: surrounding spaces
// dropped, letters upper-case (" m1" and "M1" are the same code).
inline std::string land_use_code(std::string_view code) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!code.empty() && space(code.front())) code.remove_prefix(1);
  while (!code.empty() && space(code.back())) code.remove_suffix(1);
  std::string out(code);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

// Canonical parcel fields. Text: id, name, platform, district, land_use,
// status. Numbers: price_wan_per_mu (万元/亩), plot_ratio_min, plot_ratio_max
// (容积率), height_limit_m, power_kva, water_m3_per_day. Geometry, area and
// the representative point are always present.
struct ParcelTable {
  TextColumn id;
  TextColumn name;
  CategoryColumn platform;
  CategoryColumn district;
  CategoryColumn land_use;  // GB 50137 code (M1, M0, A35 ...) or national code (100101 ...)
  CategoryColumn status;    // one of parcel_statuses, or empty when unmapped

  std::vector<double> area_m2;
  std::vector<Point> rep_point;  // a point inside the parcel (point on surface)
  PolygonStore geometry;

  std::vector<double> price_wan_per_mu;
  std::vector<double> plot_ratio_min;
  std::vector<double> plot_ratio_max;
  std::vector<double> height_limit_m;
  std::vector<double> power_kva;
  std::vector<double> water_m3_per_day;

  std::vector<AttributeColumn> extra;      // non-canonical fields the manifest names
  std::vector<std::string> mapped_fields;  // canonical and extra fields the dataset provides

  std::size_t size() const { return area_m2.size(); }
  bool has_field(std::string_view f) const {
    return std::find(mapped_fields.begin(), mapped_fields.end(), f) != mapped_fields.end();
  }
  const AttributeColumn* extra_field(std::string_view n) const {
    for (const auto& c : extra)
      if (c.name == n) return &c;
    return nullptr;
  }
};

// A contiguous range of parcels handed to a criterion in one call. Index i
// is local to the batch: 0 <= i < size().
class ParcelBatch {
 public:
  ParcelBatch(const ParcelTable& table, std::size_t first, std::size_t count)
      : t_(&table), first_(first), count_(count) {}

  std::size_t size() const { return count_; }
  std::size_t first() const { return first_; }  // table index of local parcel 0
  const ParcelTable& table() const { return *t_; }

  std::string_view id(std::size_t i) const { return t_->id.at(first_ + i); }
  std::string_view name(std::size_t i) const { return t_->name.at(first_ + i); }
  std::string_view platform(std::size_t i) const { return t_->platform.at(first_ + i); }
  std::string_view district(std::size_t i) const { return t_->district.at(first_ + i); }
  std::string_view land_use(std::size_t i) const { return t_->land_use.at(first_ + i); }
  std::string_view status(std::size_t i) const { return t_->status.at(first_ + i); }

  double area_m2(std::size_t i) const { return t_->area_m2[first_ + i]; }
  double area_mu(std::size_t i) const { return t_->area_m2[first_ + i] / m2_per_mu; }
  Point rep_point(std::size_t i) const { return t_->rep_point[first_ + i]; }
  PolygonView geometry(std::size_t i) const { return PolygonView(t_->geometry, first_ + i); }

  double price_wan_per_mu(std::size_t i) const { return t_->price_wan_per_mu[first_ + i]; }
  double plot_ratio_min(std::size_t i) const { return t_->plot_ratio_min[first_ + i]; }
  double plot_ratio_max(std::size_t i) const { return t_->plot_ratio_max[first_ + i]; }
  double height_limit_m(std::size_t i) const { return t_->height_limit_m[first_ + i]; }
  double power_kva(std::size_t i) const { return t_->power_kva[first_ + i]; }
  double water_m3_per_day(std::size_t i) const { return t_->water_m3_per_day[first_ + i]; }

  // Extra (non-canonical) attributes; NaN or "" when the field is absent.
  double number(std::string_view field, std::size_t i) const {
    const AttributeColumn* c = t_->extra_field(field);
    return c ? c->number(first_ + i) : missing;
  }
  std::string_view text(std::string_view field, std::size_t i) const {
    const AttributeColumn* c = t_->extra_field(field);
    return c ? c->text(first_ + i) : std::string_view{};
  }

 private:
  const ParcelTable* t_;
  std::size_t first_;
  std::size_t count_;
};

}  // namespace siterank
