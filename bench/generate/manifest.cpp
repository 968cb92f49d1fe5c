#include "manifest.hpp"

#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>

namespace bench {

namespace {

// geodata/hangzhou/dataset.json around its name and description.
constexpr const char* head = R"json({
  "siterank_dataset": 1,
  "name": )json";
constexpr const char* middle = R"json(,
  "description": )json";
constexpr const char* tail = R"json(,
  "working_crs": "EPSG:4549",
  "parcels": {
    "source": "parcels.gpkg",
    "layer": "parcels",
    "fields": {
      "id": "地块编号",
      "name": "地块名称",
      "platform": "所属平台",
      "district": "所在区",
      "land_use": "用地性质",
      "status": "供地状态",
      "price_wan_per_mu": "出让单价",
      "plot_ratio_min": "容积率下限",
      "plot_ratio_max": "容积率上限",
      "height_limit_m": "限高",
      "power_kva": "供电容量",
      "water_m3_per_day": "供水能力"
    },
    "extra_fields": {
      "dual_circuit": "双回路供电",
      "flood_risk": "洪涝风险"
    },
    "values": {
      "status": {
        "净地": "ready",
        "可出让": "available",
        "储备": "reserved",
        "征迁中": "clearance",
        "已出让": "occupied"
      }
    }
  },
  "layers": {
    "platforms": {
      "role": "platforms",
      "source": "reference.gpkg",
      "layer": "platforms",
      "description": "Illustrative boundaries of the precision investment platforms",
      "fields": {
        "name": "名称",
        "district": "所在区",
        "industries": "主导产业",
        "description": "简介"
      }
    },
    "talent_sources": {
      "role": "talent_sources",
      "source": "reference.gpkg",
      "layer": "talent_sources",
      "description": "Universities, labs, institutes and vocational colleges",
      "fields": {
        "name": "name",
        "kind": "kind",
        "industries": "industries",
        "tier": "tier"
      }
    },
    "metro_stations": {
      "role": "metro_stations",
      "source": "reference.gpkg",
      "layer": "metro_stations",
      "description": "Hangzhou Metro stations in operation",
      "fields": {
        "name": "站名",
        "lines": "线路"
      }
    },
    "rail_hubs": {
      "role": "rail_hubs",
      "source": "reference.gpkg",
      "layer": "rail_hubs",
      "fields": {
        "name": "名称",
        "kind": "类型"
      }
    },
    "airports": {
      "role": "airports",
      "source": "reference.gpkg",
      "layer": "airports",
      "fields": {
        "name": "name",
        "cargo": "cargo"
      }
    },
    "interchanges": {
      "role": "interchanges",
      "source": "reference.gpkg",
      "layer": "interchanges",
      "description": "Expressway interchanges at approximate positions",
      "fields": {
        "name": "name",
        "expressway": "expressway"
      }
    },
    "firms": {
      "role": "firms",
      "source": "reference.gpkg",
      "layer": "firms",
      "description": "Chain leaders at approximate real locations and synthetic suppliers",
      "fields": {
        "name": "企业名称",
        "industry": "产业",
        "chain_position": "链位",
        "chain_leader": "链主"
      }
    },
    "workforce": {
      "role": "workforce",
      "source": "reference.gpkg",
      "layer": "workforce",
      "description": "Employment centres with illustrative estimates of their jobs (not official statistics)",
      "fields": {
        "name": "名称",
        "workers": "从业人数"
      }
    })json";
constexpr const char* roads = R"json(,
    "roads": {
      "role": "roads",
      "source": "roads.gpkg",
      "layer": "roads",
      "description": "Synthetic road network: motorway ring and spokes with ramps, arterial grid, platform streets",
      "fields": {
        "class": "highway",
        "oneway": "oneway"
      }
    })json";
constexpr const char* end = R"json(
  }
})json";

}  // namespace

void write_manifest(const std::string& path, std::uint64_t parcels, std::uint64_t seed,
                    double ref_scale, bool with_roads, const std::string& source_prefix) {
  char name[160];
  std::snprintf(name, sizeof name, "\"siterank benchmark: %llu parcels, seed %llu, ref-scale %g\"",
                static_cast<unsigned long long>(parcels), static_cast<unsigned long long>(seed),
                ref_scale);
  const char* description =
      "\"Synthetic benchmark dataset written by siterank_bench_generate (bench/): platforms "
      "modelled on the Hangzhou sample's, packed around Hangzhou in EPSG:4549. Not real "
      "data.\"";
  std::string text = std::string(head) + name + middle + description + tail +
                     (with_roads ? roads : "") + end + "\n";
  if (!source_prefix.empty())
    for (const char* file : {"parcels.gpkg", "reference.gpkg"}) {
      const std::string from = std::string("\"source\": \"") + file + "\"";
      const std::string to = std::string("\"source\": \"") + source_prefix + file + "\"";
      for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size())
        text.replace(at, from.size(), to);
    }
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace bench
