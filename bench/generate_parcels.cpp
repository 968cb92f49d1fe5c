// siterank_bench_generate: writes the benchmark dataset of issue 6.
//
//   siterank_bench_generate --parcels N --out DIR [--seed S] [--ref-scale R] [--ref-copies C]
//                           [--roads]
//
// DIR/parcels.gpkg (layer parcels, N synthetic parcels in EPSG:4549, the
// sample's attributes and Chinese field names), DIR/reference.gpkg (the
// platforms and every point layer the four built-in criteria read) and
// DIR/dataset.json, written last so a folder with a manifest is complete.
// With --roads also DIR/roads.gpkg (layer roads: the synthetic road network
// of generate/road_network.hpp, in the manifest as role roads) and
// DIR/straight/dataset.json, the same dataset without the roads layer (its
// sources ../*.gpkg): the straight-line run of bench/run-roads.
// The same arguments give the same bytes. See docs/performance.md.
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "generate/gpkg_writer.hpp"
#include "generate/layout.hpp"
#include "generate/manifest.hpp"
#include "generate/reference_layers.hpp"
#include "generate/road_network.hpp"

namespace {

constexpr const char* program = "siterank_bench_generate";
constexpr std::uint64_t max_parcels = 100'000'000;
constexpr double max_ref_scale = 1000;

struct Args {
  std::uint64_t parcels = 0;
  std::string out;
  std::uint64_t seed = 1;
  double ref_scale = 1;
  int ref_copies = 1;
  bool roads = false;
};

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

const char* usage =
    "usage: siterank_bench_generate --parcels N --out DIR [--seed S] [--ref-scale R] [--ref-copies "
    "C]\n"
    "  --parcels N     number of parcels, 1..100000000\n"
    "  --out DIR       output folder (created; parcels.gpkg, reference.gpkg, dataset.json)\n"
    "  --seed S        unsigned 64-bit seed (default 1)\n"
    "  --ref-scale R   reference layers at R times the sample's feature counts, 0 < R <= 1000\n"
    "  --ref-copies C  reference layers C times as large at the same density: copies far away,\n"
    "                  beyond every radius, 1 <= C <= 1000 (default 1)\n"
    "                  (default 1)\n"
    "  --roads         also a synthetic road network (roads.gpkg, role roads) of about one\n"
    "                  directed edge per parcel, and straight/dataset.json without it\n";

std::uint64_t parse_uint(const std::string& opt, std::string_view v) {
  std::uint64_t x = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size())
    throw UsageError(opt + ": '" + std::string(v) + "' is not an unsigned integer");
  return x;
}

double parse_double(const std::string& opt, std::string_view v) {
  double x = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size())
    throw UsageError(opt + ": '" + std::string(v) + "' is not a number");
  return x;
}

Args parse(int argc, char** argv) {
  Args a;
  bool have_parcels = false;
  for (int i = 1; i < argc; ++i) {
    const std::string opt = argv[i];
    if (opt == "--help" || opt == "-h") {
      std::cout << usage;
      std::exit(0);
    }
    if (opt == "--roads") {
      a.roads = true;
      continue;
    }
    if (opt != "--parcels" && opt != "--out" && opt != "--seed" && opt != "--ref-scale" &&
        opt != "--ref-copies")
      throw UsageError("unknown argument '" + opt + "' (see --help)");
    if (i + 1 >= argc) throw UsageError(opt + " needs a value");
    const std::string v = argv[++i];
    if (opt == "--parcels") {
      a.parcels = parse_uint(opt, v);
      if (a.parcels < 1 || a.parcels > max_parcels)
        throw UsageError("--parcels: " + v + " is outside 1..100000000");
      have_parcels = true;
    } else if (opt == "--out") {
      if (v.empty()) throw UsageError("--out: empty folder name");
      a.out = v;
    } else if (opt == "--seed") {
      a.seed = parse_uint(opt, v);
    } else if (opt == "--ref-copies") {
      const std::uint64_t c = parse_uint(opt, v);
      if (c < 1 || c > 1000) throw UsageError("--ref-copies: " + v + " is outside 1..1000");
      a.ref_copies = static_cast<int>(c);
    } else {
      a.ref_scale = parse_double(opt, v);
      if (!(a.ref_scale > 0 && a.ref_scale <= max_ref_scale))
        throw UsageError("--ref-scale: " + v + " is outside (0, 1000]");
    }
  }
  if (!have_parcels) throw UsageError("--parcels is required (see --help)");
  if (a.out.empty()) throw UsageError("--out is required (see --help)");
  return a;
}

void write_parcels(const Args& a, std::vector<bench::Platform>& platforms) {
  bench::GpkgWriter w(a.out + "/parcels.gpkg");
  // The sample's source fields (geodata/hangzhou/README.md), mapped to the
  // canonical ones by the manifest.
  w.layer("parcels", true,
          {{"地块编号", 's'},
           {"地块名称", 's'},
           {"所属平台", 's'},
           {"所在区", 's'},
           {"用地性质", 's'},
           {"供地状态", 's'},
           {"出让单价", 'r'},
           {"容积率下限", 'r'},
           {"容积率上限", 'r'},
           {"限高", 'i'},
           {"供电容量", 'i'},
           {"双回路供电", 'i'},
           {"供水能力", 'i'},
           {"洪涝风险", 'i'},
           {"面积", 'r'}});
  bench::Layout layout(a.seed, a.parcels);
  std::uint64_t written = 0;
  const auto sink = [&](const bench::Parcel& p) {
    w.text(0, p.id);
    w.text(1, p.name);
    w.text(2, p.platform);
    w.text(3, p.district);
    w.text(4, p.land_use);
    w.text(5, p.status_zh);
    w.real(6, p.price);
    w.real(7, p.plot_ratio_min);
    w.real(8, p.plot_ratio_max);
    w.integer(9, p.height_m);
    w.integer(10, p.power_kva);
    w.integer(11, p.dual_circuit);
    w.integer(12, p.water_m3_per_day);
    w.integer(13, p.flood_risk);
    w.real(14, std::round(p.area_m2 / bench::m2_per_mu * 100) / 100);
    w.polygon(p.ring);
    ++written;
  };
  while (written < a.parcels) platforms.push_back(layout.next_platform(a.parcels - written, sink));
  w.close();
}

void write_reference(const Args& a, const std::vector<bench::Platform>& platforms) {
  bench::GpkgWriter w(a.out + "/reference.gpkg");
  w.layer("platforms", true,
          {{"名称", 's'}, {"代码", 's'}, {"所在区", 's'}, {"主导产业", 's'}, {"简介", 's'}});
  for (const auto& p : platforms) {
    std::string industries;
    for (const auto& i : p.archetype->industries) industries += (industries.empty() ? "" : ";") + i;
    w.text(0, p.name);
    w.text(1, p.code);
    w.text(2, p.archetype->district);
    w.text(3, industries);
    w.text(4, "合成平台（仿" + p.archetype->name + "）：" + p.archetype->description);
    w.polygon(p.boundary);
  }
  auto layers = bench::reference_points(platforms, a.ref_scale, a.seed);
  bench::replicate_far(layers, a.ref_copies);
  for (const auto& l : layers) {
    std::vector<bench::FieldSpec> fields;
    for (const auto& f : l.fields) fields.push_back({f.name, f.type});
    w.layer(l.name, false, fields);
    for (const auto& p : l.points) {
      for (std::size_t i = 0; i < l.fields.size(); ++i) {
        if (l.fields[i].type == 'i')
          w.integer(static_cast<int>(i), std::stoll(p.values[i]));
        else
          w.text(static_cast<int>(i), p.values[i]);
      }
      w.point(p.at);
    }
  }
  w.close();
}

void write_roads(const Args& a, const std::vector<bench::Platform>& platforms) {
  bench::RoadStats stats;
  const auto roads = bench::road_network(platforms, a.seed, stats);
  bench::GpkgWriter w(a.out + "/roads.gpkg");
  w.layer("roads", bench::GpkgWriter::Geometry::line, {{"highway", 's'}, {"oneway", 's'}});
  for (const auto& r : roads) {
    w.text(0, r.highway);
    w.text(1, r.oneway);
    w.line(r.points);
  }
  w.close();
  std::fprintf(stderr, "%s: road network: %llu features, %llu segments, %llu directed edges\n",
               program, static_cast<unsigned long long>(stats.features),
               static_cast<unsigned long long>(stats.segments),
               static_cast<unsigned long long>(stats.directed_edges));
}

}  // namespace

int main(int argc, char** argv) {
  Args a;
  try {
    a = parse(argc, argv);
  } catch (const UsageError& e) {
    std::cerr << program << ": " << e.what() << "\n";
    return 2;
  }
  try {
    const auto t0 = std::chrono::steady_clock::now();
    std::error_code ec;
    std::filesystem::create_directories(a.out, ec);
    if (ec || !std::filesystem::is_directory(a.out))
      throw std::runtime_error("cannot create folder " + a.out +
                               (ec ? ": " + ec.message() : std::string()));
    // The manifest goes first and comes back last: a folder with a
    // dataset.json is complete.
    std::filesystem::remove(a.out + "/dataset.json");
    std::filesystem::remove(a.out + "/straight/dataset.json");
    std::vector<bench::Platform> platforms;
    write_parcels(a, platforms);
    write_reference(a, platforms);
    if (a.roads) {
      write_roads(a, platforms);
      std::filesystem::create_directories(a.out + "/straight");
      bench::write_manifest(a.out + "/straight/dataset.json", a.parcels, a.seed, a.ref_scale,
                            false, "../");
    } else {
      std::filesystem::remove(a.out + "/roads.gpkg");
    }
    bench::write_manifest(a.out + "/dataset.json", a.parcels, a.seed, a.ref_scale, a.roads);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "%s: %llu parcels in %zu platforms written to %s in %.1f s\n", program,
                 static_cast<unsigned long long>(a.parcels), platforms.size(), a.out.c_str(), s);
  } catch (const std::exception& e) {
    std::cerr << program << ": " << e.what() << "\n";
    return 1;
  }
  return 0;
}
