#!/usr/bin/env python3
"""Generate siterank's embedded Hangzhou sample dataset.

    python3 generate.py [--scale K] [--out DIR] [--keep-temp]

Writes, into DIR (default: the folder of this script):
  parcels.gpkg    layer `parcels` (EPSG:4549, CGCS2000 / 3-degree GK CM 120E)
  reference.gpkg  layers platforms, talent_sources, metro_stations, rail_hubs,
                  airports, interchanges, firms, workforce (EPSG:4326)
  roads.gpkg      layer `roads`, the illustrative road network (EPSG:4549)
  dataset.json    the manifest (docs/formats.md)

Python 3 standard library only, plus the `ogr2ogr` command (GDAL >= 3.0).
Everything is deterministic (fixed seed; GeoPackage timestamps pinned through
OGR_CURRENT_DATE), so a rerun reproduces the committed files.

--scale K multiplies the number of parcels (default 1: about 3,200 parcels).
The road grid and the platforms stay the same; when a platform's pool of
parcels is too small for K, blocks are subdivided more finely, so at large K
parcels get smaller than the 5 mu floor of the default dataset. Scaled
datasets are meant for benchmarks: write them elsewhere with --out.

Platform boundaries and parcels are ILLUSTRATIVE / SYNTHETIC: drawn around the
platforms' real locations, not official boundaries. See README.md.
"""

import argparse
import json
import math
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile

SEED = 20250601
M2_PER_MU = 10000.0 / 15.0
PINNED_DATE = "2025-06-01T00:00:00.000Z"

# --------------------------------------------------------------------------
# Gauss-Krueger projection, CGCS2000 ellipsoid, central meridian 120E,
# false easting 500 km: EPSG:4549. Krueger series to n^6 (Karney 2011), mm
# accurate inside the zone.
# --------------------------------------------------------------------------


class GaussKruger:
    def __init__(self, a=6378137.0, f=1 / 298.257222101, lon0=120.0, k0=1.0, fe=500000.0, fn=0.0):
        n = f / (2 - f)
        self.lon0 = math.radians(lon0)
        self.k0, self.fe, self.fn = k0, fe, fn
        self.e = math.sqrt(f * (2 - f))
        self.A = a / (1 + n) * (1 + n ** 2 / 4 + n ** 4 / 64 + n ** 6 / 256)
        self.alpha = [
            n / 2 - 2 / 3 * n ** 2 + 5 / 16 * n ** 3 + 41 / 180 * n ** 4 - 127 / 288 * n ** 5 + 7891 / 37800 * n ** 6,
            13 / 48 * n ** 2 - 3 / 5 * n ** 3 + 557 / 1440 * n ** 4 + 281 / 630 * n ** 5 - 1983433 / 1935360 * n ** 6,
            61 / 240 * n ** 3 - 103 / 140 * n ** 4 + 15061 / 26880 * n ** 5 + 167603 / 181440 * n ** 6,
            49561 / 161280 * n ** 4 - 179 / 168 * n ** 5 + 6601661 / 7257600 * n ** 6,
            34729 / 80640 * n ** 5 - 3418889 / 1995840 * n ** 6,
            212378941 / 319334400 * n ** 6,
        ]
        self.beta = [
            n / 2 - 2 / 3 * n ** 2 + 37 / 96 * n ** 3 - 1 / 360 * n ** 4 - 81 / 512 * n ** 5 + 96199 / 604800 * n ** 6,
            1 / 48 * n ** 2 + 1 / 15 * n ** 3 - 437 / 1440 * n ** 4 + 46 / 105 * n ** 5 - 1118711 / 3870720 * n ** 6,
            17 / 480 * n ** 3 - 37 / 840 * n ** 4 - 209 / 4480 * n ** 5 + 5569 / 90720 * n ** 6,
            4397 / 161280 * n ** 4 - 11 / 504 * n ** 5 - 830251 / 7257600 * n ** 6,
            4583 / 161280 * n ** 5 - 108847 / 3991680 * n ** 6,
            20648693 / 638668800 * n ** 6,
        ]

    def forward(self, lon, lat):
        phi, lam = math.radians(lat), math.radians(lon) - self.lon0
        e = self.e
        s = math.sin(phi)
        t = math.sinh(math.atanh(s) - e * math.atanh(e * s))
        xi_p = math.atan2(t, math.cos(lam))
        eta_p = math.atanh(math.sin(lam) / math.sqrt(1 + t * t))
        xi, eta = xi_p, eta_p
        for j, a in enumerate(self.alpha, start=1):
            xi += a * math.sin(2 * j * xi_p) * math.cosh(2 * j * eta_p)
            eta += a * math.cos(2 * j * xi_p) * math.sinh(2 * j * eta_p)
        return self.fe + self.k0 * self.A * eta, self.fn + self.k0 * self.A * xi

    def inverse(self, x, y):
        xi = (y - self.fn) / (self.k0 * self.A)
        eta = (x - self.fe) / (self.k0 * self.A)
        xi_p, eta_p = xi, eta
        for j, b in enumerate(self.beta, start=1):
            xi_p -= b * math.sin(2 * j * xi) * math.cosh(2 * j * eta)
            eta_p -= b * math.cos(2 * j * xi) * math.sinh(2 * j * eta)
        chi = math.asin(math.sin(xi_p) / math.cosh(eta_p))
        lam = math.atan2(math.sinh(eta_p), math.cos(xi_p))
        e = self.e
        phi = chi
        for _ in range(20):
            s = math.sin(phi)
            nxt = 2 * math.atan(math.tan(math.pi / 4 + chi / 2) * ((1 + e * s) / (1 - e * s)) ** (e / 2)) - math.pi / 2
            if abs(nxt - phi) < 1e-15:
                phi = nxt
                break
            phi = nxt
        return math.degrees(lam + self.lon0), math.degrees(phi)


GK = GaussKruger()

# --------------------------------------------------------------------------
# Small planar geometry helpers (metres).
# --------------------------------------------------------------------------


def ring_area(ring):
    a = 0.0
    for i in range(len(ring)):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % len(ring)]
        a += x1 * y2 - x2 * y1
    return a / 2.0


def ring_centroid(ring):
    a = ring_area(ring)
    cx = cy = 0.0
    for i in range(len(ring)):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % len(ring)]
        c = x1 * y2 - x2 * y1
        cx += (x1 + x2) * c
        cy += (y1 + y2) * c
    return cx / (6 * a), cy / (6 * a)


def point_in_ring(p, ring):
    x, y = p
    inside = False
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % n]
        if (y1 > y) != (y2 > y):
            xi = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if xi > x:
                inside = not inside
    return inside


def seg_dist(p, a, b):
    px, py = p
    ax, ay = a
    bx, by = b
    dx, dy = bx - ax, by - ay
    L = dx * dx + dy * dy
    t = 0.0 if L == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / L))
    qx, qy = ax + t * dx, ay + t * dy
    return math.hypot(px - qx, py - qy)


def dist_to_ring(p, ring):
    return min(seg_dist(p, ring[i], ring[(i + 1) % len(ring)]) for i in range(len(ring)))


def _orient(a, b, c):
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def segs_cross(a, b, c, d):
    o1, o2, o3, o4 = _orient(a, b, c), _orient(a, b, d), _orient(c, d, a), _orient(c, d, b)
    return (o1 * o2 < 0) and (o3 * o4 < 0)


def ring_inside(poly, outer, margin):
    """poly lies inside outer with every vertex at least `margin` from its boundary."""
    for p in poly:
        if not point_in_ring(p, outer) or dist_to_ring(p, outer) < margin:
            return False
    for q in outer:  # a reflex vertex of the platform poking into the parcel
        if point_in_ring(q, poly) or dist_to_ring(q, poly) < margin:
            return False
    n, m = len(poly), len(outer)
    for i in range(n):
        for j in range(m):
            if segs_cross(poly[i], poly[(i + 1) % n], outer[j], outer[(j + 1) % m]):
                return False
    return True


def clear_of_circle(poly, c, r):
    if point_in_ring(c, poly):
        return False
    return dist_to_ring(c, poly) > r


def ccw(ring):
    return ring if ring_area(ring) > 0 else list(reversed(ring))


# --------------------------------------------------------------------------
# Platforms. Boundaries are illustrative: drawn (WGS84 lon/lat) around the
# platforms' real locations from public boundary-road (四至) descriptions,
# metro-station anchors and general knowledge. See README.md.
# --------------------------------------------------------------------------

# Parcel "styles": land-use mix, price (万元/亩), plot ratio, heights, power
# density and water demand by land-use class.
LAND_USE_CLASS = {
    "M1": "industrial", "M2": "industrial", "M3": "industrial", "100101": "industrial",
    "100102": "industrial", "M0": "innovative", "A35": "research", "B29": "commercial",
    "W1": "logistics", "110101": "logistics",
}

PLATFORMS = [
    dict(
        code="QT-XG", name="钱塘芯谷", district="钱塘区",
        industries=["integrated_circuits", "new_materials", "optoelectronics"],
        desc="钱塘区江东片集成电路特色平台，聚焦12英寸晶圆制造、硅片与电子材料、封装测试，以大中型工业用地为主",
        ring=[(120.452, 30.300), (120.458, 30.285), (120.462, 30.269), (120.480, 30.268), (120.508, 30.263),
              (120.536, 30.270), (120.552, 30.288), (120.548, 30.318), (120.522, 30.330), (120.492, 30.334),
              (120.465, 30.326)],
        angle=-6, shear=4, block_u=(480, 860), block_v=(320, 620), margin=30,
        n=360, area=(30, 400, 110, 0.55),
        uses=[("M1", 0.50), ("M2", 0.38), ("M0", 0.07), ("W1", 0.05)],
        price_ind=(30, 80), price_inno=(70, 140), power_factor=1.7, water_factor=2.0, dual=0.6,
        status=dict(ready=0.34, available=0.38, reserved=0.12, clearance=0.10, occupied=0.06), flood=2,
        exclude=[],
    ),
    dict(
        code="QT-YY", name="杭州医药港", district="钱塘区",
        industries=["biomedicine_devices", "synthetic_biology"],
        desc="下沙杭州经开区生物医药产业平台（医药港小镇），集聚跨国药企与创新药、CDMO、医疗器械企业",
        ring=[(120.332, 30.334), (120.352, 30.331), (120.368, 30.333), (120.372, 30.345), (120.366, 30.360),
              (120.345, 30.364), (120.330, 30.352)],
        angle=18, shear=0, block_u=(230, 460), block_v=(180, 340), margin=25,
        n=220, area=(10, 150, 40, 0.6),
        uses=[("M1", 0.58), ("M0", 0.30), ("A35", 0.07), ("M2", 0.05)],
        price_ind=(60, 150), price_inno=(120, 260), power_factor=1.1, water_factor=2.5, dual=0.35,
        status=dict(ready=0.30, available=0.40, reserved=0.10, clearance=0.08, occupied=0.12), flood=2,
        exclude=[],
    ),
    dict(
        code="XS-KF", name="萧山经开区", district="萧山区",
        industries=["high_end_general_equipment", "integrated_circuits", "intelligent_connected_vehicles",
                    "new_energy_equipment", "embodied_ai_robots"],
        desc="国家级萧山经济技术开发区市北区块（含信息港小镇、集成电路设计产业园、机器人小镇），先进制造与集成电路设计",
        ring=[(120.236, 30.196), (120.262, 30.191), (120.300, 30.192), (120.313, 30.204), (120.306, 30.226),
              (120.276, 30.231), (120.247, 30.226)],
        angle=12, shear=-3, block_u=(300, 620), block_v=(220, 460), margin=25,
        n=300, area=(15, 250, 60, 0.6),
        uses=[("M1", 0.48), ("M0", 0.28), ("M2", 0.16), ("W1", 0.04), ("B29", 0.04)],
        price_ind=(55, 130), price_inno=(120, 240), power_factor=1.2, water_factor=1.2, dual=0.35,
        status=dict(ready=0.30, available=0.40, reserved=0.10, clearance=0.10, occupied=0.10), flood=1,
        exclude=[],
    ),
    dict(
        code="XS-LK", name="临空经济示范区", district="萧山区",
        industries=["airport_logistics", "low_altitude_economy", "aerospace", "biomedicine_devices",
                    "high_end_general_equipment"],
        desc="杭州临空经济示范区（萧山国际机场周边），航空物流、低空经济与航空航天、杭州生物科技谷、会展",
        ring=[(120.371, 30.201), (120.405, 30.198), (120.413, 30.222), (120.416, 30.249), (120.444, 30.256),
              (120.438, 30.268), (120.424, 30.282), (120.395, 30.283), (120.374, 30.258)],
        angle=30, shear=3, block_u=(380, 720), block_v=(260, 520), margin=30,
        n=300, area=(20, 350, 90, 0.6),
        uses=[("M1", 0.42), ("W1", 0.28), ("M2", 0.12), ("M0", 0.12), ("B29", 0.06)],
        price_ind=(40, 95), price_inno=(90, 180), power_factor=1.0, water_factor=1.0, dual=0.3,
        status=dict(ready=0.28, available=0.40, reserved=0.12, clearance=0.12, occupied=0.08), flood=2,
        exclude=[(120.4286, 30.2379, 1500)],
    ),
    dict(
        code="LP-KF", name="临平经开区", district="临平区",
        industries=["high_end_general_equipment", "intelligent_connected_vehicles", "new_energy_equipment",
                    "modern_textiles", "new_materials"],
        desc="临平经济技术开发区（原余杭经开区）临平南高铁站周边，高端装备、智能网联汽车零部件、新能源装备、现代纺织",
        ring=[(120.255, 30.366), (120.290, 30.362), (120.312, 30.370), (120.310, 30.384), (120.298, 30.392),
              (120.272, 30.400), (120.252, 30.388)],
        angle=15, shear=0, block_u=(300, 600), block_v=(240, 440), margin=25,
        n=220, area=(20, 300, 70, 0.6),
        uses=[("100101", 0.34), ("100102", 0.20), ("M1", 0.20), ("M2", 0.10), ("M0", 0.10), ("110101", 0.06)],
        price_ind=(45, 110), price_inno=(100, 200), power_factor=1.1, water_factor=1.0, dual=0.25,
        status=dict(ready=0.30, available=0.38, reserved=0.12, clearance=0.10, occupied=0.10), flood=1,
        exclude=[(120.29336, 30.38446, 500)],
    ),
    dict(
        code="YH-WL", name="未来科技城", district="余杭区",
        industries=["artificial_intelligence", "low_altitude_economy", "embodied_ai_robots",
                    "brain_like_intelligence", "digital_economy"],
        desc="城西科创大走廊核心，数字经济与人工智能、低空经济、人形机器人、脑机接口，阿里巴巴西溪园区、梦想小镇、人工智能小镇所在地",
        ring=[(119.944, 30.254), (119.975, 30.251), (120.008, 30.255), (120.034, 30.263), (120.038, 30.284),
              (120.030, 30.291), (119.990, 30.291), (119.952, 30.287), (119.943, 30.272)],
        angle=4, shear=2, block_u=(180, 380), block_v=(140, 280), margin=20,
        n=280, area=(5, 100, 25, 0.6),
        uses=[("M0", 0.46), ("A35", 0.18), ("M1", 0.18), ("B29", 0.18)],
        price_ind=(90, 180), price_inno=(180, 520), power_factor=1.0, water_factor=1.0, dual=0.3,
        status=dict(ready=0.32, available=0.40, reserved=0.10, clearance=0.08, occupied=0.10), flood=1,
        exclude=[(120.0159, 30.2825, 550), (120.0125, 30.2910, 600), (119.9934, 30.2806, 250)],
    ),
    dict(
        code="YH-YC", name="云城", district="余杭区",
        industries=["artificial_intelligence", "digital_economy", "network_communication", "data_economy"],
        desc="以杭州西站枢纽为核心的城西科创大走廊新城，总部经济、数字经济与科创服务",
        ring=[(119.956, 30.295), (120.030, 30.295), (120.020, 30.299), (120.012, 30.310), (120.010, 30.325),
              (120.005, 30.336), (119.990, 30.338), (119.961, 30.327)],
        angle=-3, shear=0, block_u=(200, 420), block_v=(150, 300), margin=20,
        n=200, area=(5, 80, 25, 0.6),
        uses=[("B29", 0.34), ("M0", 0.40), ("A35", 0.16), ("M1", 0.10)],
        price_ind=(90, 180), price_inno=(200, 500), power_factor=0.9, water_factor=1.0, dual=0.25,
        status=dict(ready=0.26, available=0.40, reserved=0.14, clearance=0.12, occupied=0.08), flood=1,
        exclude=[(119.98188, 30.30038, 800)],
    ),
    dict(
        code="XH-ZJ", name="紫金港科技城", district="西湖区",
        industries=["artificial_intelligence", "digital_economy", "biomedicine_devices", "data_economy"],
        desc="依托浙江大学紫金港校区与西湖大学云谷校区的科技城，人工智能、生命健康、数字经济",
        ring=[(120.026, 30.309), (120.036, 30.3095), (120.047, 30.3055), (120.066, 30.300), (120.068, 30.316),
              (120.088, 30.318), (120.082, 30.329), (120.071, 30.340), (120.062, 30.350), (120.040, 30.349),
              (120.027, 30.346), (120.021, 30.332), (120.024, 30.318)],
        angle=8, shear=0, block_u=(160, 330), block_v=(120, 250), margin=20,
        n=200, area=(5, 60, 20, 0.6),
        uses=[("M0", 0.46), ("A35", 0.30), ("B29", 0.14), ("M1", 0.10)],
        price_ind=(100, 200), price_inno=(200, 580), power_factor=0.9, water_factor=1.0, dual=0.3,
        status=dict(ready=0.30, available=0.40, reserved=0.12, clearance=0.08, occupied=0.10), flood=1,
        exclude=[(120.0773, 30.3049, 900), (120.0450, 30.3250, 450)],
    ),
    dict(
        code="LA-TM", name="天目医药港", district="临安区",
        industries=["biomedicine_devices", "synthetic_biology"],
        desc="临安青山湖科技城生物医药平台，原料药与制剂、生物制造、医疗器械，以中小型工业用地为主",
        ring=[(119.802, 30.241), (119.838, 30.238), (119.853, 30.247), (119.854, 30.262), (119.845, 30.269),
              (119.822, 30.268), (119.806, 30.262)],
        angle=-10, shear=2, block_u=(260, 520), block_v=(180, 360), margin=25,
        n=200, area=(10, 200, 50, 0.6),
        uses=[("M1", 0.58), ("M0", 0.24), ("M2", 0.12), ("A35", 0.06)],
        price_ind=(35, 90), price_inno=(80, 160), power_factor=1.0, water_factor=2.2, dual=0.3,
        status=dict(ready=0.34, available=0.40, reserved=0.10, clearance=0.08, occupied=0.08), flood=1,
        exclude=[],
    ),
    dict(
        code="BJ-SG", name="中国视谷", district="滨江区",
        industries=["vision_intelligence", "artificial_intelligence", "integrated_circuits", "embodied_ai_robots"],
        desc="滨江与萧山共建的视觉智能产业平台（窗口园区），海康威视、大华等链主带动视觉芯片、算法、模组与机器人",
        ring=[(120.197, 30.160), (120.231, 30.158), (120.242, 30.168), (120.240, 30.181), (120.226, 30.187),
              (120.212, 30.192), (120.200, 30.186)],
        angle=20, shear=0, block_u=(160, 340), block_v=(120, 260), margin=20,
        n=220, area=(5, 60, 22, 0.6),
        uses=[("M0", 0.56), ("M1", 0.18), ("A35", 0.16), ("B29", 0.10)],
        price_ind=(120, 260), price_inno=(220, 600), power_factor=1.0, water_factor=1.0, dual=0.35,
        status=dict(ready=0.30, available=0.42, reserved=0.10, clearance=0.08, occupied=0.10), flood=1,
        exclude=[],
        # parcels east of 120.2175E and south of 30.1845N lie in 萧山区 (湘湖 side)
        district_split=dict(east_of=120.2175, south_of=30.1845, district="萧山区"),
    ),
    dict(
        code="BJ-LC", name="国际零磁科学谷", district="滨江区",
        industries=["zero_magnetic_science", "biomedicine_devices", "quantum_technology"],
        desc="江南科学城核心，极弱磁大科学装置与零磁医学、量子精密测量、高端医疗器械",
        ring=[(120.149, 30.152), (120.158, 30.154), (120.166, 30.157), (120.172, 30.160), (120.173, 30.168),
              (120.160, 30.171), (120.150, 30.168)],
        angle=0, shear=0, block_u=(150, 300), block_v=(110, 230), margin=20,
        n=120, area=(5, 60, 18, 0.6),
        uses=[("M0", 0.50), ("A35", 0.34), ("M1", 0.10), ("B29", 0.06)],
        price_ind=(120, 240), price_inno=(180, 480), power_factor=0.9, water_factor=1.0, dual=0.4,
        status=dict(ready=0.28, available=0.40, reserved=0.14, clearance=0.12, occupied=0.06), flood=1,
        exclude=[],
    ),
    dict(
        code="BJ-SJ", name="中国数谷", district="滨江区",
        industries=["data_economy", "digital_economy", "artificial_intelligence", "network_communication"],
        desc="以杭州高新区（滨江）为核心区的数据要素产业平台，数据交易、数据服务、算力与软件",
        ring=[(120.160, 30.190), (120.188, 30.191), (120.198, 30.196), (120.215, 30.200), (120.217, 30.206),
              (120.200, 30.212), (120.171, 30.206), (120.158, 30.200)],
        angle=22, shear=0, block_u=(150, 300), block_v=(110, 220), margin=20,
        n=200, area=(5, 50, 16, 0.6),
        uses=[("M0", 0.54), ("B29", 0.24), ("A35", 0.16), ("M1", 0.06)],
        price_ind=(150, 280), price_inno=(260, 600), power_factor=1.1, water_factor=1.0, dual=0.4,
        status=dict(ready=0.24, available=0.40, reserved=0.12, clearance=0.08, occupied=0.16), flood=1,
        exclude=[],
    ),
    dict(
        code="GS-DY", name="大运河数智城", district="拱墅区",
        industries=["digital_economy", "artificial_intelligence", "film_animation_games", "synthetic_biology"],
        desc="大城北杭钢—大运河新城板块，数字经济与人工智能、电竞游戏、生物制造",
        ring=[(120.141, 30.338), (120.169, 30.336), (120.175, 30.350), (120.165, 30.368), (120.146, 30.370),
              (120.136, 30.355)],
        angle=-12, shear=0, block_u=(170, 360), block_v=(130, 260), margin=20,
        n=160, area=(5, 80, 22, 0.6),
        uses=[("M0", 0.48), ("B29", 0.22), ("A35", 0.14), ("M1", 0.16)],
        price_ind=(80, 170), price_inno=(150, 420), power_factor=1.0, water_factor=1.0, dual=0.3,
        status=dict(ready=0.26, available=0.38, reserved=0.14, clearance=0.14, occupied=0.08), flood=1,
        exclude=[(120.1500, 30.3570, 380)],
    ),
    dict(
        code="GS-WG", name="智慧网谷小镇", district="拱墅区",
        industries=["digital_economy", "artificial_intelligence", "data_economy"],
        desc="拱墅区智慧网谷数字经济小镇（北部软件园周边），软件与信息服务、数字内容、数据服务",
        ring=[(120.098, 30.322), (120.118, 30.320), (120.124, 30.334), (120.112, 30.338), (120.100, 30.336)],
        angle=10, shear=0, block_u=(140, 280), block_v=(100, 210), margin=20,
        n=120, area=(5, 50, 15, 0.6),
        uses=[("M0", 0.56), ("B29", 0.26), ("A35", 0.12), ("M1", 0.06)],
        price_ind=(100, 200), price_inno=(180, 450), power_factor=0.9, water_factor=1.0, dual=0.25,
        status=dict(ready=0.26, available=0.40, reserved=0.12, clearance=0.10, occupied=0.12), flood=1,
        exclude=[],
    ),
    dict(
        code="XH-YC", name="艺创小镇", district="西湖区",
        industries=["film_animation_games", "digital_economy"],
        desc="之江文化产业带核心，毗邻中国美术学院象山校区，影视、动漫、游戏与数字创意",
        ring=[(120.082, 30.147), (120.100, 30.149), (120.103, 30.163), (120.090, 30.170), (120.082, 30.163)],
        angle=-5, shear=0, block_u=(130, 260), block_v=(100, 200), margin=20,
        n=100, area=(5, 40, 12, 0.6),
        uses=[("M0", 0.48), ("B29", 0.32), ("A35", 0.20)],
        price_ind=(100, 200), price_inno=(150, 380), power_factor=0.8, water_factor=1.0, dual=0.2,
        status=dict(ready=0.30, available=0.40, reserved=0.10, clearance=0.10, occupied=0.10), flood=1,
        exclude=[(120.0746, 30.1568, 450)],
    ),
]

# Land-use class -> attribute generators (ranges)
USE_STYLE = {
    # plot ratio min, plot ratio max, heights (m), power kVA per mu, water m3/d per mu
    "industrial": dict(pr_min=(1.2, 1.8), pr_max=(2.0, 3.5), heights=[24, 30, 36, 40, 45, 50], kva=(70, 180), water=(3, 10)),
    "innovative": dict(pr_min=(2.0, 3.0), pr_max=(3.0, 4.0), heights=[50, 60, 70, 80, 100], kva=(80, 200), water=(2, 5)),
    "research": dict(pr_min=(1.5, 2.5), pr_max=(2.5, 3.5), heights=[40, 45, 50, 60, 80], kva=(60, 150), water=(2, 5)),
    "commercial": dict(pr_min=(2.5, 3.0), pr_max=(3.5, 4.5), heights=[60, 80, 100, 120], kva=(50, 120), water=(2, 4)),
    "logistics": dict(pr_min=(1.0, 1.5), pr_max=(1.5, 2.5), heights=[24, 30, 36], kva=(20, 60), water=(1, 3)),
}
M2_PLUS = {"M2": 1.4, "100102": 1.4, "M3": 1.6}  # heavier industry: more power
STATUS_ZH = {"ready": "净地", "available": "可出让", "reserved": "储备", "clearance": "征迁中", "occupied": "已出让"}
STATUS_ORDER = ["ready", "available", "reserved", "clearance", "occupied"]


def weighted(rng, pairs):
    r = rng.random() * sum(w for _, w in pairs)
    for v, w in pairs:
        r -= w
        if r <= 0:
            return v
    return pairs[-1][0]


# --------------------------------------------------------------------------
# Road grid and parcel subdivision
# --------------------------------------------------------------------------


class Frame:
    """Oblique grid frame: p = o + u*e1 + v*e2."""

    def __init__(self, origin, angle_deg, shear_deg):
        t = math.radians(angle_deg)
        s = math.radians(angle_deg + 90 + shear_deg)
        self.o = origin
        self.e1 = (math.cos(t), math.sin(t))
        self.e2 = (math.cos(s), math.sin(s))
        self.det = self.e1[0] * self.e2[1] - self.e1[1] * self.e2[0]

    def to_uv(self, p):
        dx, dy = p[0] - self.o[0], p[1] - self.o[1]
        u = (dx * self.e2[1] - dy * self.e2[0]) / self.det
        v = (self.e1[0] * dy - self.e1[1] * dx) / self.det
        return u, v

    def to_xy(self, u, v):
        return (self.o[0] + u * self.e1[0] + v * self.e2[0], self.o[1] + u * self.e1[1] + v * self.e2[1])


def road_width(rng, arterial):
    return rng.uniform(40, 60) if arterial else rng.uniform(16, 30)


def road_positions(rng, lo, hi, step):
    """Road centre lines covering [lo, hi] with spacing drawn from step."""
    pos = []
    x = lo - rng.uniform(0, step[1])
    k = 0
    while x < hi + step[1]:
        pos.append((x, road_width(rng, k % 3 == 0)))
        x += rng.uniform(*step)
        k += 1
    return pos


def make_blocks(pf, ring_m, rng):
    frame = Frame(ring_centroid(ring_m), pf["angle"], pf["shear"])
    uv = [frame.to_uv(p) for p in ring_m]
    umin, umax = min(u for u, _ in uv), max(u for u, _ in uv)
    vmin, vmax = min(v for _, v in uv), max(v for _, v in uv)
    uroads = road_positions(rng, umin, umax, pf["block_u"])
    # Main cross roads shared by every strip; local roads vary per strip, so
    # streets end in T-junctions as in a real grid.
    vmain = road_positions(rng, vmin, vmax, (pf["block_v"][1] * 2.2, pf["block_v"][1] * 3.5))
    blocks = []
    # the road centre lines, kept for the road network (road_grid()); no
    # random draw depends on them, so the parcels are as without them
    grid = dict(frame=frame, u=uroads, vmain=vmain, strips=[])
    for i in range(len(uroads) - 1):
        (u0, w0), (u1, w1) = uroads[i], uroads[i + 1]
        a, b = u0 + w0 / 2, u1 - w1 / 2
        vr = []
        grid["strips"].append(vr)
        for j in range(len(vmain) - 1):
            (v0, vw0), (v1, _) = vmain[j], vmain[j + 1]
            vr.append((v0, vw0))
            x = v0 + rng.uniform(*pf["block_v"])
            while x < v1 - pf["block_v"][0] * 0.7:
                vr.append((x, road_width(rng, False)))
                x += rng.uniform(*pf["block_v"])
        vr.append(vmain[-1])
        for j in range(len(vr) - 1):
            (v0, vw0), (v1, vw1) = vr[j], vr[j + 1]
            c, d = v0 + vw0 / 2, v1 - vw1 / 2
            if min(b - a, d - c) < 0.5 * pf["block_v"][0]:
                continue
            blocks.append(dict(strip=i, row=j, corners=[frame.to_xy(a, c), frame.to_xy(b, c),
                                                         frame.to_xy(b, d), frame.to_xy(a, d)]))
    return blocks, grid


def lognormal_area(rng, median, sigma):
    return median * math.exp(rng.gauss(0.0, sigma))


def subdivide_block(block, pf, rng, f):
    """Split a block (parallelogram) into parcels; returns a list of rings (xy)."""
    amin, amax, median, sigma = pf["area"]
    amin_m2, amax_m2 = amin * M2_PER_MU / f, amax * M2_PER_MU / f
    c0, c1, c2, c3 = block["corners"]
    len01 = math.dist(c0, c1)
    len03 = math.dist(c0, c3)
    # s runs along the long side, t along the short side
    if len01 >= len03:
        B0, S, T = c0, (c1[0] - c0[0], c1[1] - c0[1]), (c3[0] - c0[0], c3[1] - c0[1])
        Ls, Lt = len01, len03
    else:
        B0, S, T = c0, (c3[0] - c0[0], c3[1] - c0[1]), (c1[0] - c0[0], c1[1] - c0[1])
        Ls, Lt = len03, len01
    A = abs(S[0] * T[1] - S[1] * T[0])

    def P(s, t):
        return (B0[0] + s * S[0] + t * T[0], B0[1] + s * S[1] + t * T[1])

    target = lognormal_area(rng, median, sigma) * M2_PER_MU / f
    n = max(1, round(A / target))
    n = max(n, math.ceil(A / (amax_m2 * 0.92)))
    n = min(n, max(1, int(A / (amin_m2 * 1.15))))
    min_depth = (70.0 if median < 40 else 120.0) / math.sqrt(f)
    min_width = (45.0 if median < 40 else 70.0) / math.sqrt(f)
    rows = 2 if (n >= 3 and Lt >= 2 * min_depth and rng.random() < 0.65) else 1
    if f > 1.0 and n >= 4:  # scaled-up datasets: finer grids need more rows
        rows = max(rows, min(int(Lt / min_depth), round(math.sqrt(n * Lt / Ls))))
    cols = max(1, math.ceil(n / rows))
    # no slivers: a parcel is at least min_width wide and at most 3.5x
    # deeper than wide
    cols = max(1, min(cols, int(Ls / max(min_width, Lt / rows / 3.5))))
    # column cut positions (s on the t=0 and t=1 edges)
    w = [rng.uniform(0.7, 1.3) for _ in range(cols)]
    tot = sum(w)
    pos = [0.0]
    for x in w:
        pos.append(pos[-1] + x / tot)
    pos[-1] = 1.0
    cuts = [(p, p) for p in pos]
    skew_p = 0.16
    for k in range(1, cols):
        if rng.random() < skew_p:
            gap = min(pos[k] - pos[k - 1], pos[k + 1] - pos[k])
            d = rng.uniform(0.15, 0.35) * gap
            if rng.random() < 0.5:
                d = -d
            cuts[k] = (pos[k] - d, pos[k] + d)
    cells = []
    if rows == 1:
        for k in range(cols):
            (sb0, st0), (sb1, st1) = cuts[k], cuts[k + 1]
            cells.append([(sb0, 0.0), (sb1, 0.0), (st1, 1.0), (st0, 1.0)])
        rings = [[P(s, t) for s, t in c] for c in cells]
        return rings

    def at(k, t):
        sb, st = cuts[k]
        return sb + (st - sb) * t

    if rows > 2:
        ts = [0.0] + [(j + rng.uniform(-0.2, 0.2)) / rows for j in range(1, rows)] + [1.0]
        for j in range(rows):
            t0, t1 = ts[j], ts[j + 1]
            for k in range(cols):
                cells.append([(at(k, t0), t0), (at(k + 1, t0), t0), (at(k + 1, t1), t1), (at(k, t1), t1)])
        return [[P(s, t) for s, t in c] for c in cells]
    tm = rng.uniform(0.4, 0.6)

    grid = {}
    for k in range(cols):
        grid[(0, k)] = [(at(k, 0), 0.0), (at(k + 1, 0), 0.0), (at(k + 1, tm), tm), (at(k, tm), tm)]
        grid[(1, k)] = [(at(k, tm), tm), (at(k + 1, tm), tm), (at(k + 1, 1), 1.0), (at(k, 1), 1.0)]
    out = []
    used = set()
    # L-shapes: merge three cells of a 2x2 square whose cuts are straight. The
    # L keeps the vertices its neighbours have on its long sides (at tm), so
    # shared edges match exactly.
    if cols >= 2 and rng.random() < 0.45:
        k = rng.randrange(cols - 1)
        if all(cuts[j][0] == cuts[j][1] for j in (k, k + 1, k + 2)):
            s0, s1, s2 = pos[k], pos[k + 1], pos[k + 2]
            notch = rng.randrange(4)  # which cell of the 2x2 stays a rectangle
            if notch == 0:  # top-right rectangle
                L = [(s0, 0), (s2, 0), (s2, tm), (s1, tm), (s1, 1), (s0, 1), (s0, tm)]
                R = grid[(1, k + 1)]
            elif notch == 1:  # top-left
                L = [(s0, 0), (s2, 0), (s2, tm), (s2, 1), (s1, 1), (s1, tm), (s0, tm)]
                R = grid[(1, k)]
            elif notch == 2:  # bottom-right
                L = [(s0, 0), (s1, 0), (s1, tm), (s2, tm), (s2, 1), (s0, 1), (s0, tm)]
                R = grid[(0, k + 1)]
            else:  # bottom-left
                L = [(s1, 0), (s2, 0), (s2, tm), (s2, 1), (s0, 1), (s0, tm), (s1, tm)]
                R = grid[(0, k)]
            out.append(L)
            out.append(R)
            used.update({(0, k), (0, k + 1), (1, k), (1, k + 1)})
    for r in range(2):
        for k in range(cols):
            if (r, k) not in used:
                out.append(grid[(r, k)])
    return [[P(s, t) for s, t in c] for c in out]


def build_pool(pf, ring_m, blocks, excl_m, f, seed):
    rng = random.Random(seed)
    amin, amax = pf["area"][0], pf["area"][1]
    lo = amin * M2_PER_MU / f * 0.999
    hi = min(amax, 400) * M2_PER_MU / f * 1.0
    pool = []
    for bi, blk in enumerate(blocks):
        for k, ring in enumerate(subdivide_block(blk, pf, rng, f)):
            ring = ccw([(round(x, 3), round(y, 3)) for x, y in ring])
            a = ring_area(ring)
            if a < lo or a > hi:
                continue
            longest = max(math.dist(ring[i], ring[(i + 1) % len(ring)]) for i in range(len(ring)))
            if longest * longest / a > 5.0:  # sliver
                continue
            if not ring_inside(ring, ring_m, pf["margin"]):
                continue
            if any(not clear_of_circle(ring, c, r) for c, r in excl_m):
                continue
            pool.append(dict(block=bi, k=k, ring=ring, area=a))
    return pool


# --------------------------------------------------------------------------
# Reference data (WGS84 lon/lat)
# --------------------------------------------------------------------------

# Hangzhou Metro, operating stations (lines 1-10, 16, 19): WGS84 station
# centroids converted from Amap (GCJ-02) positions; see README.md.
METRO = [
    ("奥体中心","6;7",120.228476,30.226519), ("亚运村","6",120.242917,30.260141), ("八百里","16",119.771730,30.263461),
    ("白洋","2",120.068084,30.353435), ("宝善桥","5",120.175233,30.274165), ("北大桥","10",120.125077,30.305636),
    ("滨和路","1",120.213026,30.201984), ("滨康路","1;5",120.226505,30.186313), ("博奥路","5",120.239686,30.184795),
    ("仓北村","8",120.503350,30.296296), ("杭师大仓前","5",120.012493,30.291009), ("曹家桥","2",120.263408,30.136981),
    ("长河","5;6",120.189354,30.199645), ("潮王路","3",120.154096,30.292639), ("朝阳","2",120.263770,30.124676),
    ("城星路","4",120.202399,30.242059), ("诚业路","6",120.165370,30.189046), ("城站","1;5",120.176140,30.246937),
    ("池华街","4",120.063692,30.329916), ("创景路","5;19",119.993366,30.280588), ("储运路","4",120.123466,30.356152),
    ("市民中心","4;7",120.206668,30.247231), ("客运中心","1;9",120.274363,30.313582), ("翠柏路","10",120.124118,30.292521),
    ("大关","3",120.144416,30.310122), ("打铁关","1;5",120.172094,30.287784), ("定安路","1",120.163082,30.248300),
    ("丁桥","3",120.230100,30.358221), ("东新园","5",120.171199,30.310679), ("东岳","3",120.084710,30.264446),
    ("独城生态公园","4",120.156691,30.359430), ("杜甫村","2",120.051745,30.361339), ("渡驾桥","10",120.110564,30.327224),
    ("墩祥街","2",120.082792,30.333935), ("拱宸桥东","5",120.143246,30.319365), ("火车东站","1;4",120.208347,30.293544),
    ("火车东站（东广场）","6;19",120.211377,30.296480), ("野生动物园东","6",119.996976,30.149288), ("博览中心","6",120.232013,30.234898),
    ("飞虹路","2",120.258860,30.233410), ("丰北","6",120.245758,30.252504), ("冯娄村","8",120.517058,30.296646),
    ("凤起路","1;2",120.158202,30.266114), ("丰潭路","2",120.104824,30.284181), ("凤新路","16",119.964246,30.262694),
    ("复兴路","4",120.158728,30.212627), ("富阳客运中心","6",119.932165,30.113827), ("港城大道","1",120.420857,30.272988),
    ("高教路","3",120.014687,30.245286), ("高桥","6",119.926886,30.097515), ("高沙路","1",120.330870,30.311768),
    ("皋亭坝","4",120.167534,30.332752), ("耕文路","19",120.297042,30.242541), ("葛巷","5",119.994152,30.272828),
    ("工商大学云滨","8",120.388410,30.313244), ("公望街","6",119.928856,30.068128), ("枸桔弄","6",120.201986,30.303648),
    ("观音塘","7;9",120.197039,30.249486), ("古翠路","2",120.113124,30.284466), ("古荡","3",120.117672,30.273126),
    ("古荡新村","3",120.106427,30.272061), ("古墩路","3",120.097164,30.267634), ("姑娘桥","5",120.325794,30.178369),
    ("海创园","19",120.015916,30.282479), ("杭发厂","2",120.262743,30.173075), ("杭行路","4;10",120.109650,30.355797),
    ("杭氧","5",120.174273,30.297901), ("杭州大会展中心","1",120.407376,30.273452), ("好运街","4",120.095228,30.352458),
    ("合欢路","7",120.339106,30.200447), ("和睦","5;10",120.114574,30.310816), ("荷禹路","9",120.280082,30.436472),
    ("河庄路","8",120.452457,30.301049), ("洪园","3",120.045587,30.250623), ("候潮门","5",120.168367,30.228973),
    ("华丰路","3",120.199814,30.342451), ("华鹤街","3",120.233256,30.372832), ("黄鹤山","3",120.241946,30.383389),
    ("黄龙洞","3",120.135703,30.267685), ("黄龙体育中心","3;10",120.125129,30.270475), ("花坞","3",120.071909,30.263036),
    ("花园岗","10",120.108154,30.317984), ("虎啸杏","6",119.966490,30.133503), ("江城路","5;7",120.173568,30.240927),
    ("蒋村","5",120.062541,30.297136), ("江东二路","7",120.490350,30.326035), ("江汉路","6",120.200386,30.205252),
    ("江河汇","9",120.216875,30.263808), ("江晖路","5",120.207880,30.184007), ("江锦路","4",120.211033,30.252155),
    ("江陵路","1;6",120.212074,30.211431), ("笕桥老街","4",120.215120,30.325434), ("建设三路","2;7",120.263788,30.206966),
    ("建设一路","2",120.262074,30.196502), ("建业路","6",120.174112,30.192844), ("金德路","10",120.109453,30.366646),
    ("荆长路","19",120.038605,30.288880), ("景芳","4",120.203153,30.267319), ("金鸡路","5",120.248933,30.184156),
    ("金家渡","2;4",120.079113,30.341373), ("近江","1;4",120.193272,30.233193), ("金沙湖","1",120.321197,30.311613),
    ("金星","5",119.961944,30.267606), ("九堡","1",120.262149,30.310356), ("九和路","1",120.248304,30.308248),
    ("九睦路","9",120.266723,30.308159), ("九州街","16",119.691085,30.204578), ("聚才路","5",120.194231,30.184833),
    ("坎山","7",120.390511,30.200059), ("科海路","6",120.082214,30.131827), ("良睦路","5",120.002666,30.288129),
    ("良渚","2",120.036875,30.361332), ("联胜路","3",120.027747,30.246439), ("联庄","4",120.147315,30.188969),
    ("黎明","4",120.219088,30.317677), ("临安广场","16",119.701564,30.230066), ("临平","9",120.299567,30.409182),
    ("临平南高铁站","9",120.293365,30.384460), ("六堡","9",120.246642,30.288752), ("留下","3",120.047305,30.243386),
    ("龙安","9",120.268698,30.458372), ("龙翔桥","1",120.159371,30.256980), ("绿汀路","3;5;16",119.987412,30.262635),
    ("青六中路","7;8",120.487435,30.301197), ("通惠中路","5",120.280717,30.182926), ("明石路","4",120.222906,30.306009),
    ("明星路","7",120.244254,30.207175), ("莫邪塘","7",120.182432,30.245701), ("南湖东","5",119.942432,30.262631),
    ("南峰","16",119.873719,30.252408), ("南湖","16",119.895042,30.249421), ("南星桥","4;5",120.172746,30.219661),
    ("南阳","1",120.431184,30.272422), ("南苑","9",120.297898,30.397312), ("建国北路","2;5",120.176130,30.266920),
    ("龙舟北路","3",119.978804,30.290519), ("西溪湿地北","19",120.065109,30.284140), ("育才北路","5",120.273434,30.183272),
    ("中河北路","2",120.167780,30.266949), ("潘水","2",120.263184,30.150643), ("彭埠","1;4",120.219140,30.296499),
    ("人民广场","2;5",120.262340,30.183542), ("平安桥","4",120.139063,30.359480), ("屏峰","3",120.032493,30.225274),
    ("平澜路","19",120.254082,30.262424), ("萍水街","5",120.107942,30.305075), ("浦沿","4",120.148677,30.162028),
    ("钱江世纪城","2;6",120.239994,30.242833), ("钱江路","2;4;9",120.208846,30.258403), ("乔司","9",120.280781,30.349291),
    ("桥头堡","8",120.427690,30.305508), ("七堡","1",120.236573,30.302449), ("启成路","7",120.490023,30.314383),
    ("汽轮广场","3",120.183702,30.337273), ("庆春广场","2",120.200186,30.260014), ("庆菱路","2",120.188482,30.260005),
    ("青山湖","16",119.750772,30.258256), ("青山湖科技城","16",119.820386,30.259562), ("青西三路","8",120.473249,30.301279),
    ("邱山大街","9",120.290696,30.423167), ("全丰","3",120.003433,30.249311), ("人民路","2",120.263041,30.161633),
    ("三坝","2;5",120.093083,30.302288), ("三堡","6;9",120.223448,30.269263), ("三墩","2",120.088193,30.322300),
    ("善贤","3;5",120.155955,30.319803), ("沈塘桥","2;19",120.145501,30.282458), ("石马","3",120.006272,30.209161),
    ("受降","6",119.956036,30.124846), ("双浦","6",120.078975,30.118257), ("双桥","5",120.304282,30.175547),
    ("水澄桥","4",120.147235,30.206395), ("红普南路","9",120.258714,30.295405), ("华中南路","4",120.195483,30.326375),
    ("乔司南","9",120.286209,30.329741), ("火车南站","5",120.292856,30.175096), ("文海南路","1;8",120.370463,30.313265),
    ("西溪湿地南","3",120.056977,30.256167), ("塘新线","7",120.485920,30.286898), ("昙花庵路","6",120.218324,30.278832),
    ("桃花湖公园","3",120.216784,30.353891), ("桃源街","4",120.173900,30.343844), ("大运河","5",120.126569,30.321560),
    ("同协路","3",120.207321,30.346798), ("万安桥","5",120.175964,30.256421), ("伟业路","6",120.154367,30.184698),
    ("翁梅","9",120.290518,30.367242), ("文三路","10;19",120.125193,30.279146), ("文新","2",120.093377,30.291520),
    ("文泽路","1",120.345495,30.312380), ("枫桦西路","6",120.093697,30.157478), ("桂花西路","6",119.929767,30.051023),
    ("西湖文化广场","1;3;19",120.160961,30.281924), ("火车西站","3;19",119.981884,30.300385), ("文一西路","3",119.976027,30.277517),
    ("下沙西","1",120.308030,30.312309), ("五堡","9",120.237626,30.283096), ("五常","5",120.040109,30.298620),
    ("吴家角港","4",120.164632,30.353422), ("婺江路","1",120.186409,30.239304), ("五联","19",120.094293,30.278073),
    ("武林广场","1;3",120.159643,30.274705), ("武林门","2;3",120.150658,30.271989), ("吴山广场","7",120.158562,30.242154),
    ("吴山前村","3",119.975553,30.313883), ("五洲路","9",120.274431,30.447157), ("虾龙圩","2",120.091564,30.311854),
    ("霞鸣街","6",120.068371,30.145527), ("湘湖","1",120.229900,30.170037), ("香积寺","3",120.144067,30.302281),
    ("美院象山","6",120.076520,30.153460), ("向阳路","1",120.438014,30.262623), ("祥园路","10",120.111650,30.339027),
    ("下宁桥","2",120.135380,30.285621), ("小和山","3",120.016329,30.214305), ("萧山国际机场","1;7;19",120.428558,30.237852),
    ("下沙江滨","1",120.377133,30.289045), ("新风","4",120.203524,30.289658), ("新港","7",120.403830,30.221509),
    ("星民","6",120.219346,30.215659), ("星桥","3",120.259102,30.391675), ("兴议","7",120.234102,30.214588),
    ("新汉路","7",120.302020,30.205395), ("新街","7",120.326395,30.201735), ("新塘","4",120.202829,30.278585),
    ("新天地街","3;4",120.174944,30.323528), ("新湾路","8",120.536205,30.297199), ("新兴路","7",120.290711,30.207236),
    ("新业路","9",120.204324,30.251539), ("新镇路","7",120.479788,30.260786), ("西浦路","6",120.132884,30.171010),
    ("西文街","5",120.165266,30.318372), ("西兴","1",120.215910,30.189733), ("学院路","2;10",120.124805,30.285028),
    ("阳陂湖","6",119.927599,30.084364), ("杨家墩","4",120.144144,30.170137), ("驿城路","19",120.194596,30.300779),
    ("盈丰路","2",120.248027,30.239453), ("盈中","7",120.358461,30.200024), ("银湖","6",119.983976,30.142142),
    ("义蓬","7",120.482820,30.276277), ("逸盛路","10",120.108751,30.381150), ("永福","5",120.022316,30.293965),
    ("甬江路","4",120.185613,30.226487), ("永盛路","7;19",120.468569,30.238841), ("元宝塘","6",120.216045,30.286438),
    ("御道","9;19",120.231716,30.276357), ("禹航路","16",119.950982,30.251347), ("云水","1",120.377194,30.305168),
    ("闸弄口","1",120.187897,30.286895), ("农林大学","16",119.733426,30.247011), ("中医药大学","4;6",120.141709,30.178115),
    ("音乐学院","6",120.053206,30.150021), ("振宁路","2",120.264750,30.220148), ("之江文化中心","6",120.102911,30.160243),
    ("知行路","19",120.331214,30.230721), ("中村","6",120.034029,30.149647), ("中泰","16",119.924900,30.245666),
    ("浙大紫金港","5",120.071892,30.296450),
]

# name, kind, industries, tier, lon, lat, location quality
#   measured: web-map geocoder point converted GCJ-02 -> WGS84 (about +-500 m: campus centroid or a gate)
#   anchor:   next to a metro station whose official description names the place (about +-1 km)
#   approx:   estimate from general knowledge (+-1-3 km)
TALENT = [
    ("浙江大学紫金港校区", "university", "artificial_intelligence;integrated_circuits;biomedicine_devices;vision_intelligence;digital_economy;new_materials;embodied_ai_robots", 1, 120.077308, 30.304887, "measured"),
    ("浙江大学玉泉校区", "university", "high_end_general_equipment;optoelectronics;new_materials;embodied_ai_robots;quantum_technology", 1, 120.115359, 30.267207, "measured"),
    ("浙江大学西溪校区", "university", "digital_economy;data_economy", 1, 120.1385, 30.2795, "approx"),
    ("浙江大学华家池校区", "university", "biomedicine_devices;synthetic_biology", 1, 120.1930, 30.2735, "approx"),
    ("浙江大学之江校区", "university", "data_economy", 1, 120.120098, 30.194708, "measured"),
    ("浙江大学杭州国际科创中心", "institute", "integrated_circuits;new_materials;synthetic_biology;biomedicine_devices;artificial_intelligence", 1, 120.24425, 30.20717, "anchor"),
    ("西湖大学云谷校区", "university", "biomedicine_devices;artificial_intelligence;new_materials;synthetic_biology;brain_like_intelligence", 1, 120.0450, 30.3250, "approx"),
    ("西湖大学云栖校区", "university", "biomedicine_devices;synthetic_biology", 1, 120.070779, 30.138892, "measured"),
    ("之江实验室", "lab", "artificial_intelligence;brain_like_intelligence;network_communication;integrated_circuits;quantum_technology", 1, 119.89504, 30.24942, "anchor"),
    ("中国科学院大学杭州高等研究院", "institute", "new_materials;synthetic_biology;quantum_technology;optoelectronics", 1, 120.0850, 30.1400, "approx"),
    ("杭州电子科技大学（下沙校区）", "university", "integrated_circuits;network_communication;artificial_intelligence;digital_economy;vision_intelligence", 2, 120.370393, 30.30605, "measured"),
    ("浙江工业大学朝晖校区", "university", "high_end_general_equipment;new_materials;biomedicine_devices;embodied_ai_robots", 2, 120.161062, 30.295568, "measured"),
    ("浙江工业大学屏峰校区", "university", "high_end_general_equipment;embodied_ai_robots;digital_economy;film_animation_games", 2, 120.031325, 30.226871, "measured"),
    ("中国美术学院象山校区", "university", "film_animation_games;digital_economy", 2, 120.074598, 30.156767, "measured"),
    ("中国美术学院南山校区", "university", "film_animation_games", 2, 120.1605, 30.2450, "approx"),
    ("白马湖实验室", "lab", "new_energy_equipment;new_materials", 2, 120.1900, 30.1780, "approx"),
    ("良渚实验室", "lab", "biomedicine_devices", 2, 120.0300, 30.3700, "approx"),
    ("天目山实验室", "lab", "aerospace;low_altitude_economy", 2, 120.0000, 30.2760, "approx"),
    ("湘湖实验室", "lab", "synthetic_biology;biomedicine_devices", 2, 120.2250, 30.1600, "approx"),
    ("北京航空航天大学杭州创新研究院", "institute", "zero_magnetic_science;quantum_technology;aerospace", 2, 120.1600, 30.1580, "approx"),
    ("浙江理工大学（下沙校区）", "university", "modern_textiles;new_materials;high_end_general_equipment", 2, 120.344101, 30.317816, "measured"),
    ("杭州师范大学仓前校区", "university", "biomedicine_devices;digital_economy;artificial_intelligence", 2, 120.012493, 30.291009, "anchor"),
    ("杭州师范大学（下沙校区）", "university", "biomedicine_devices", 3, 120.385003, 30.320235, "measured"),
    ("浙江工商大学（下沙校区）", "university", "digital_economy;data_economy", 2, 120.383742, 30.311522, "measured"),
    ("中国计量大学", "university", "optoelectronics;high_end_general_equipment;integrated_circuits", 2, 120.366872, 30.324316, "measured"),
    ("浙江农林大学", "university", "biomedicine_devices;synthetic_biology;new_materials", 2, 119.71874, 30.242444, "measured"),
    ("浙江中医药大学（滨文校区）", "university", "biomedicine_devices", 2, 120.1417, 30.1781, "anchor"),
    ("杭州医学院", "university", "biomedicine_devices", 3, 119.727281, 30.215383, "measured"),
    ("浙江科技大学", "university", "high_end_general_equipment;new_materials;intelligent_connected_vehicles", 3, 120.015767, 30.224834, "measured"),
    ("浙江传媒学院（下沙校区）", "university", "film_animation_games;digital_economy", 3, 120.339233, 30.322116, "measured"),
    ("浙江音乐学院", "university", "film_animation_games", 3, 120.049379, 30.160937, "measured"),
    ("杭州电子科技大学信息工程学院（青山湖校区）", "university", "integrated_circuits;digital_economy", 3, 119.820453, 30.294035, "measured"),
    ("杭州职业技术学院", "vocational_college", "high_end_general_equipment;biomedicine_devices;intelligent_connected_vehicles", 3, 120.344117, 30.325342, "measured"),
    ("浙江经济职业技术学院", "vocational_college", "airport_logistics;digital_economy", 3, 120.369861, 30.313469, "measured"),
    ("浙江经贸职业技术学院", "vocational_college", "digital_economy", 3, 120.373617, 30.32107, "measured"),
    ("浙江金融职业学院", "vocational_college", "data_economy;digital_economy", 3, 120.37397, 30.324257, "measured"),
    ("浙江机电职业技术大学", "vocational_college", "high_end_general_equipment;embodied_ai_robots;integrated_circuits", 3, 120.143272, 30.180285, "measured"),
    ("浙江交通职业技术学院", "vocational_college", "intelligent_connected_vehicles;airport_logistics;low_altitude_economy", 3, 120.082693, 30.35081, "measured"),
    ("浙江长征职业技术学院", "vocational_college", "high_end_general_equipment;new_energy_equipment", 3, 120.010134, 30.212782, "measured"),
    ("浙江电力职业技术学院", "vocational_college", "new_energy_equipment", 3, 120.141959, 30.32429, "measured"),
    # 滨江 高教园区 (滨文路), beside 浙江中医药大学 and 浙江机电职业技术大学
    ("浙江商业职业技术学院", "vocational_college", "digital_economy", 3, 120.154506, 30.179736, "measured"),
    ("浙江艺术职业学院", "vocational_college", "film_animation_games", 3, 120.147217, 30.179606, "measured"),
]

# Employment centres (role `workforce`): the main tech, industrial and office
# clusters. `从业人数` is an ILLUSTRATIVE ESTIMATE of the jobs in the cluster
# (all sectors, a 2-3 km area), rounded to 5,000 (1,000 below 15,000); not an
# official statistic.
# Uncertainty about a factor of 1.5-2 either way. See README.md.
# name, workers, kind, district, lon, lat, location quality, basis
#   anchor: at or beside a metro station whose official description names the
#           cluster or its firms (position of the station: measured), +-1 km
#   approx: general knowledge of the area, +-1-3 km
WORKFORCE = [
    # 滨江 (杭州高新区): about 285,000 in six clusters
    ("滨江江陵路—物联网产业园", 70000, "科技研发", "滨江区", 120.2140, 30.2080, "anchor",
     "江陵路站：海康威视等高新技术企业总部、区政府；含阿里巴巴滨江园区（网商路）"),
    ("滨江长河—江汉路（江南大道）", 55000, "科技研发", "滨江区", 120.1985, 30.2020, "anchor",
     "长河、江汉路站沿江南大道的办公楼群；网易、恒生电子等"),
    ("滨江聚才路—江晖路", 75000, "科技研发", "滨江区", 120.2010, 30.1842, "anchor",
     "聚才路站：华为、新华三、中控；江晖路站：海康威视、华为杭研所与产业园"),
    ("滨江西兴—滨安路（中国视谷核心）", 40000, "科技研发", "滨江区", 120.2190, 30.1880, "approx",
     "大华股份总部（滨安路）与西兴、滨康路一带园区"),
    ("滨江白马湖生态创意城", 20000, "科技研发", "滨江区", 120.1820, 30.1780, "approx",
     "白马湖动漫广场与文创、数字内容企业（建业路站以南）"),
    ("滨江浦沿—江南科学城", 25000, "科技研发", "滨江区", 120.1500, 30.1680, "anchor",
     "浦沿站：高新金盛科技园；零磁科学谷、滨文路高教园区教职工"),
    # 萧山
    ("钱江世纪城", 50000, "商务服务", "萧山区", 120.2400, 30.2428, "anchor",
     "钱江世纪城站：世纪城CBD核心区；2020年建成商业楼宇约345万平方米"),
    ("萧山经开区市北（信息港）", 45000, "科技研发", "萧山区", 120.2500, 30.2040, "anchor",
     "明星路站：杭州湾信息港；集成电路设计产业园、信息港小镇"),
    ("萧山经开区建设四路工业带", 40000, "制造", "萧山区", 120.3020, 30.2054, "anchor",
     "新汉路站：周边大量企业、工厂和员工"),
    ("萧山城区（人民广场—通惠路）", 70000, "综合", "萧山区", 120.2660, 30.1830, "anchor",
     "人民广场、通惠中路站：萧山老城区商务、商业与公共服务"),
    ("萧山国际机场—空港", 40000, "临空物流", "萧山区", 120.4150, 30.2420, "approx",
     "机场运行、航空货运与物流、杭州生物科技谷、大会展中心"),
    # 钱塘
    ("下沙杭州经开区工业区", 100000, "制造", "钱塘区", 120.3550, 30.3400, "approx",
     "2014年报道：开发区产业工人超10万；医药港、电子信息、食品饮料"),
    ("下沙高教园区—金沙湖", 35000, "综合", "钱塘区", 120.3500, 30.3130, "approx",
     "14所高校教职工（不含学生）与金沙湖商圈服务业"),
    ("大江东江东片（钱塘核心产业园区）", 55000, "制造", "钱塘区", 120.4900, 30.2980, "anchor",
     "青六中路站：钱塘区核心产业园区；半导体、汽车与新材料制造"),
    # 主城
    ("钱江新城CBD", 90000, "商务服务", "上城区", 120.2090, 30.2520, "anchor",
     "市民中心、钱江路站；2018年报道核心区每天约7万人工作，之后二期扩展"),
    ("武林—湖滨商务区", 100000, "商务服务", "拱墅区", 120.1610, 30.2670, "anchor",
     "武林广场、龙翔桥站：传统商务、零售、金融与机关"),
    ("城西文三路—黄龙", 80000, "科技研发", "西湖区", 120.1260, 30.2760, "anchor",
     "文三路站：文三路电子信息街区、黄龙商务区、浙大玉泉"),
    ("城东新城—九堡", 30000, "商务服务", "上城区", 120.2450, 30.3020, "anchor",
     "九和路站：写字楼、东方电子商务园；火车东站枢纽商务区"),
    ("北部软件园（智慧网谷）", 25000, "科技研发", "拱墅区", 120.1117, 30.3390, "anchor",
     "祥园路站：杭州北部软件园、中国智慧信息产业园"),
    ("西湖科技园区—紫金港", 40000, "科技研发", "西湖区", 120.0580, 30.3150, "approx",
     "西湖科技园区（三墩）、浙大紫金港校区教职工、云谷"),
    # 城西科创大走廊 (余杭)
    ("阿里巴巴西溪园区—海创园", 55000, "科技研发", "余杭区", 120.0159, 30.2825, "anchor",
     "海创园站：紧邻阿里巴巴西溪园区；海创园企业"),
    ("未来科技城CBD（创景路）", 40000, "科技研发", "余杭区", 119.9934, 30.2806, "anchor",
     "创景路站：未来科技城CBD核心区块；OPPO、vivo等研发中心"),
    ("梦想小镇—仓前", 20000, "科技研发", "余杭区", 120.0027, 30.2881, "anchor",
     "良睦路站：梦想小镇、乐富海邦园等科创载体"),
    ("人工智能小镇—菜鸟总部", 20000, "科技研发", "余杭区", 119.9619, 30.2676, "anchor",
     "金星站：中国人工智能小镇、菜鸟网络全球总部"),
    # 之江
    ("云栖小镇", 15000, "科技研发", "西湖区", 120.0880, 30.1340, "anchor",
     "科海路站：云生态产业小镇；阿里云"),
    ("转塘艺创小镇", 12000, "科技研发", "西湖区", 120.0800, 30.1560, "approx",
     "中国美院象山校区、影视动漫游戏企业"),
    # 临平
    ("临平经开区（原余杭经开区）", 60000, "制造", "临平区", 120.2850, 30.3880, "approx",
     "临平南站周边东湖、星桥工业区；装备、汽车零部件、纺织"),
    ("临平城区", 35000, "综合", "临平区", 120.2996, 30.4092, "anchor",
     "临平站：临平老城区商务、商业与公共服务"),
    # 富阳、临安
    ("富阳城区及富阳经开区", 60000, "综合", "富阳区", 119.9650, 30.0550, "approx",
     "富春街道城区与东洲工业区；造纸、装备等制造与服务"),
    ("青山湖科技城（临安高新园）", 45000, "制造", "临安区", 119.7600, 30.2560, "anchor",
     "青山湖站：高新技术产业园，工业厂房与科研；杭叉、福斯特等"),
    ("临安城区（锦城）", 30000, "综合", "临安区", 119.7016, 30.2301, "anchor",
     "临安广场站：行政办公、商业；浙江农林大学教职工"),
]

# name, kind (high_speed / conventional / freight), lon, lat, quality
RAIL = [
    ("杭州东站", "high_speed", 120.20835, 30.29354, "measured"),
    ("杭州站", "conventional", 120.17614, 30.24694, "measured"),
    ("杭州西站", "high_speed", 119.98188, 30.30038, "measured"),
    ("杭州南站", "high_speed", 120.29286, 30.17510, "measured"),
    ("临平南站", "high_speed", 120.29336, 30.38446, "measured"),
    ("乔司编组站（货运）", "freight", 120.2850, 30.3450, "approx"),
]

AIRPORTS = [
    ("杭州萧山国际机场", 1, 120.43194, 30.23711, "measured"),
]

# Expressway interchanges: no public dataset; placed at plausible positions
# on the real expressways (+-1-3 km). name, expressway, lon, lat
INTERCHANGES = [
    ("转塘互通", "G2501 杭州绕城高速", 120.0780, 30.1720),
    ("留下枢纽", "G2501 杭州绕城高速;G56 杭瑞高速(杭徽段)", 120.0420, 30.2420),
    ("五常互通", "G2501 杭州绕城高速", 120.0460, 30.2950),
    ("三墩互通", "G2501 杭州绕城高速", 120.0560, 30.3350),
    ("良渚互通", "G2501 杭州绕城高速", 120.0700, 30.3660),
    ("勾庄枢纽", "G2501 杭州绕城高速;G25 长深高速(杭宁段)", 120.1000, 30.3820),
    ("半山互通", "G2501 杭州绕城高速", 120.1850, 30.3800),
    ("东湖枢纽", "G2501 杭州绕城高速;G60 沪昆高速(沪杭段)", 120.2650, 30.3620),
    ("下沙互通", "G2501 杭州绕城高速", 120.3100, 30.3220),
    ("下沙大桥南互通", "G2501 杭州绕城高速", 120.3150, 30.2600),
    ("红垦枢纽", "G2501 杭州绕城高速;G92 杭州湾环线高速(杭甬段);机场高速", 120.3280, 30.2330),
    ("萧山互通", "G2501 杭州绕城高速", 120.3100, 30.1600),
    ("萧山枢纽", "G2501 杭州绕城高速;G60 沪昆高速(杭金衢段)", 120.2550, 30.1220),
    ("袁浦互通", "G2501 杭州绕城高速", 120.1300, 30.1050),
    ("机场互通", "机场高速", 120.4150, 30.2420),
    ("瓜沥互通", "G92 杭州湾环线高速(杭甬段)", 120.4550, 30.1900),
    ("闲林互通", "G56 杭瑞高速(杭徽段)", 119.9850, 30.2330),
    ("青山湖互通", "G56 杭瑞高速(杭徽段)", 119.8100, 30.2460),
    ("临安互通", "G56 杭瑞高速(杭徽段)", 119.7300, 30.2250),
    ("仓前互通", "S13 杭长高速", 119.9950, 30.3400),
    ("余杭互通", "S13 杭长高速", 119.9300, 30.3420),
    ("临平互通", "G60 沪昆高速(沪杭段)", 120.3100, 30.4050),
    ("钱江通道南互通", "S9 苏绍高速(钱江通道)", 120.5700, 30.3100),
    ("江东互通", "S9 苏绍高速(钱江通道)", 120.5650, 30.2700),
    ("义桥互通", "G60 沪昆高速(杭金衢段)", 120.2150, 30.0900),
    ("富阳互通", "G25 长深高速(杭新景段)", 119.9700, 30.0650),
]

# Real firms at approximate known locations (quality anchor/approx; see
# README). name, industry, chain position, chain leader, lon, lat, quality
REAL_FIRMS = [
    ("海康威视", "vision_intelligence", "midstream", 1, 120.2079, 30.1840, "anchor"),
    ("大华股份", "vision_intelligence", "midstream", 1, 120.2159, 30.1897, "approx"),
    ("宇视科技", "vision_intelligence", "midstream", 0, 120.1870, 30.1930, "approx"),
    ("萤石网络", "vision_intelligence", "downstream", 0, 120.1990, 30.1925, "approx"),
    ("海康机器人", "embodied_ai_robots", "midstream", 1, 120.2030, 30.1790, "approx"),
    ("宇树科技", "embodied_ai_robots", "downstream", 1, 120.2050, 30.1960, "approx"),
    ("云深处科技", "embodied_ai_robots", "downstream", 0, 120.0850, 30.3300, "approx"),
    ("强脑科技", "brain_like_intelligence", "downstream", 1, 120.0050, 30.2790, "approx"),
    ("游戏科学", "film_animation_games", "downstream", 1, 120.0900, 30.1560, "approx"),
    ("追光动画", "film_animation_games", "downstream", 0, 120.0880, 30.1610, "approx"),
    ("网易（杭州）", "film_animation_games", "downstream", 1, 120.1894, 30.1997, "anchor"),
    ("阿里巴巴（西溪园区）", "digital_economy", "downstream", 1, 120.0159, 30.2825, "anchor"),
    ("阿里云（云栖小镇）", "artificial_intelligence", "midstream", 1, 120.0950, 30.1350, "approx"),
    ("菜鸟网络", "airport_logistics", "downstream", 1, 119.9619, 30.2676, "anchor"),
    ("蚂蚁集团", "digital_economy", "downstream", 1, 120.1180, 30.2630, "approx"),
    ("深度求索", "artificial_intelligence", "midstream", 0, 120.1700, 30.2720, "approx"),
    ("群核科技", "digital_economy", "downstream", 0, 120.1250, 30.2800, "approx"),
    ("华为杭州研究所", "network_communication", "midstream", 1, 120.1942, 30.1848, "anchor"),
    ("新华三", "network_communication", "midstream", 1, 120.1900, 30.1890, "approx"),
    ("中控技术", "high_end_general_equipment", "midstream", 1, 120.1915, 30.1862, "anchor"),
    ("恒生电子", "digital_economy", "midstream", 0, 120.2000, 30.2080, "approx"),
    ("杭州数据交易所", "data_economy", "downstream", 1, 120.1900, 30.2030, "approx"),
    ("吉利控股集团", "intelligent_connected_vehicles", "downstream", 1, 120.2121, 30.2114, "approx"),
    ("零跑汽车", "intelligent_connected_vehicles", "downstream", 0, 120.1720, 30.1950, "approx"),
    ("万向集团", "new_energy_equipment", "midstream", 1, 120.2700, 30.2150, "approx"),
    ("春风动力", "intelligent_connected_vehicles", "downstream", 0, 120.2800, 30.3900, "approx"),
    ("士兰微电子", "integrated_circuits", "midstream", 1, 120.1160, 30.2840, "approx"),
    ("士兰集昕微电子（下沙）", "integrated_circuits", "midstream", 1, 120.3250, 30.3420, "approx"),
    ("中欣晶圆", "integrated_circuits", "upstream", 1, 120.5000, 30.2950, "approx"),
    ("积海半导体", "integrated_circuits", "midstream", 1, 120.5200, 30.3080, "approx"),
    ("立昂微电子", "integrated_circuits", "upstream", 0, 120.3180, 30.3380, "approx"),
    ("长川科技", "integrated_circuits", "upstream", 0, 120.1750, 30.1900, "approx"),
    ("矽力杰", "integrated_circuits", "midstream", 0, 120.2010, 30.2020, "approx"),
    ("华东医药", "biomedicine_devices", "midstream", 1, 120.1330, 30.3180, "approx"),
    ("默沙东（杭州）", "biomedicine_devices", "midstream", 1, 120.3480, 30.3400, "approx"),
    ("民生药业", "biomedicine_devices", "midstream", 0, 120.3600, 30.3520, "approx"),
    ("泰格医药", "biomedicine_devices", "downstream", 0, 120.2000, 30.2100, "approx"),
    ("迪安诊断", "biomedicine_devices", "downstream", 0, 120.0790, 30.3310, "approx"),
    ("启明医疗", "biomedicine_devices", "midstream", 0, 120.1850, 30.1850, "approx"),
    ("福斯特应用材料", "new_materials", "upstream", 1, 119.7300, 30.2450, "approx"),
    ("杭氧股份", "high_end_general_equipment", "midstream", 1, 119.8200, 30.2550, "approx"),
    ("杭叉集团", "high_end_general_equipment", "midstream", 0, 119.7400, 30.2300, "approx"),
    ("中策橡胶", "new_materials", "midstream", 0, 120.3100, 30.3300, "approx"),
    ("传化集团", "new_materials", "midstream", 1, 120.2750, 30.2300, "approx"),
    ("长龙航空", "aerospace", "downstream", 1, 120.4450, 30.2300, "approx"),
    ("迅蚁科技", "low_altitude_economy", "downstream", 0, 120.0000, 30.2750, "approx"),
]

# Synthetic firm names: product words by industry and chain position.
PRODUCTS = {
    "integrated_circuits": {"upstream": ["硅材料", "电子特气", "半导体设备", "光刻材料", "溅射靶材", "半导体零部件"],
                            "midstream": ["晶圆制造", "芯片设计", "封装测试", "功率半导体"],
                            "downstream": ["电子模组", "汽车电子"]},
    "vision_intelligence": {"upstream": ["图像传感器", "光学镜头", "视觉芯片"],
                            "midstream": ["视觉算法", "智能相机", "视频模组"],
                            "downstream": ["安防系统集成", "机器视觉应用"]},
    "embodied_ai_robots": {"upstream": ["精密减速器", "伺服电机", "力矩传感器", "灵巧手"],
                           "midstream": ["机器人本体", "运动控制"],
                           "downstream": ["机器人系统集成", "服务机器人"]},
    "biomedicine_devices": {"upstream": ["原料药", "生物试剂", "医用高分子材料"],
                            "midstream": ["生物药CDMO", "制剂", "医疗器械制造", "体外诊断试剂"],
                            "downstream": ["医疗服务", "医药流通"]},
    "low_altitude_economy": {"upstream": ["航电系统", "无人机动力", "复合材料结构"],
                             "midstream": ["无人机整机", "eVTOL研制"],
                             "downstream": ["低空物流", "低空运营服务"]},
    "airport_logistics": {"upstream": ["物流装备"], "midstream": ["航空货运代理", "冷链物流"],
                          "downstream": ["跨境电商物流", "供应链服务"]},
    "aerospace": {"upstream": ["航空零部件", "航空材料"], "midstream": ["航空装备", "卫星制造"],
                  "downstream": ["航空维修", "卫星应用"]},
    "new_materials": {"upstream": ["化工原料", "高纯材料"], "midstream": ["锂电正极材料", "电子化学品", "高分子材料"],
                      "downstream": ["新材料应用"]},
    "artificial_intelligence": {"upstream": ["算力芯片", "智算中心", "数据标注"], "midstream": ["大模型", "AI算法平台"],
                                "downstream": ["AI应用", "智能解决方案"]},
    "digital_economy": {"upstream": ["云计算基础设施"], "midstream": ["软件开发", "工业互联网平台"],
                        "downstream": ["数字服务", "电子商务"]},
    "data_economy": {"upstream": ["数据采集"], "midstream": ["数据治理", "隐私计算"],
                     "downstream": ["数据服务", "数据交易服务"]},
    "film_animation_games": {"upstream": ["动作捕捉", "渲染引擎"], "midstream": ["动画制作", "游戏研发"],
                             "downstream": ["数字发行", "电竞运营"]},
    "zero_magnetic_science": {"upstream": ["磁屏蔽材料", "量子传感器件"], "midstream": ["极弱磁测量仪器", "心磁脑磁设备"],
                              "downstream": ["磁医学检测服务"]},
    "quantum_technology": {"upstream": ["量子器件"], "midstream": ["量子精密测量"], "downstream": ["量子应用"]},
    "high_end_general_equipment": {"upstream": ["精密零部件", "液压件", "轴承"], "midstream": ["数控机床", "工业装备"],
                                   "downstream": ["智能产线集成"]},
    "intelligent_connected_vehicles": {"upstream": ["车规芯片", "激光雷达", "汽车电子"], "midstream": ["智能座舱", "电驱系统"],
                                       "downstream": ["整车", "出行服务"]},
    "new_energy_equipment": {"upstream": ["电池材料", "储能电芯"], "midstream": ["储能系统", "光伏组件"],
                             "downstream": ["能源服务"]},
    "network_communication": {"upstream": ["光通信器件"], "midstream": ["通信设备"], "downstream": ["网络服务"]},
    "synthetic_biology": {"upstream": ["菌种构建"], "midstream": ["生物制造"], "downstream": ["生物基产品"]},
    "brain_like_intelligence": {"upstream": ["脑机接口电极"], "midstream": ["脑机接口设备"], "downstream": ["神经康复"]},
    "optoelectronics": {"upstream": ["光学材料"], "midstream": ["光电器件"], "downstream": ["光电系统"]},
    "modern_textiles": {"upstream": ["化纤原料"], "midstream": ["功能面料"], "downstream": ["品牌服饰"]},
}
BRAND = "芯联智恒创云宏远睿领鼎华锐晟捷泰达奥诚合盛通越星辰启航瑞信安康博源德元拓新宇海普天凯弘昇澜"
SYNTH_FIRMS_PER_PLATFORM = {"钱塘芯谷": 30, "萧山经开区": 26, "临空经济示范区": 22, "临平经开区": 18, "未来科技城": 24,
                            "云城": 14, "紫金港科技城": 16, "天目医药港": 18, "杭州医药港": 22, "中国视谷": 24,
                            "国际零磁科学谷": 10, "中国数谷": 16, "大运河数智城": 12, "智慧网谷小镇": 10, "艺创小镇": 8}


# --------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------


def lonlat_ring_to_m(ring):
    return [GK.forward(lon, lat) for lon, lat in ring]


def gen_parcels(scale):
    parcels = []
    platform_rings_m = {}
    grids = {}
    for pi, pf in enumerate(PLATFORMS):
        ring_m = ccw(lonlat_ring_to_m(pf["ring"]))
        platform_rings_m[pf["name"]] = ring_m
        excl_m = [(GK.forward(lon, lat), r) for lon, lat, r in pf["exclude"]]
        xs, ys = [x for x, _ in ring_m], [y for _, y in ring_m]
        for _, _, lon, lat in METRO:
            x, y = GK.forward(lon, lat)
            if min(xs) - 200 < x < max(xs) + 200 and min(ys) - 200 < y < max(ys) + 200:
                excl_m.append(((x, y), 90.0))
        base_seed = SEED * 1000 + pi * 7919
        blocks, grids[pf["name"]] = make_blocks(pf, ring_m, random.Random(base_seed))
        need = max(1, round(pf["n"] * scale))
        # f > 1 subdivides blocks more finely when the pool is too small
        # for the requested scale (never at scale 1).
        f = 1.0
        while True:
            pool = build_pool(pf, ring_m, blocks, excl_m, f, base_seed + 1 + int(f * 1000))
            if len(pool) >= need or f > 4096:
                break
            f *= max(1.25, min(4.0, 1.15 * need / max(1, len(pool))))
        if len(pool) < need:
            sys.exit("platform %s: only %d candidate parcels for %d wanted" % (pf["name"], len(pool), need))
        # Pick whole development blocks in random order (available land comes
        # in clusters), most of each block's parcels.
        srng = random.Random(base_seed + 2)
        by_block = {}
        for p in pool:
            by_block.setdefault(p["block"], []).append(p)
        order = sorted(by_block)
        srng.shuffle(order)
        chosen = []
        for b in order:
            for p in by_block[b]:
                if len(chosen) < need and srng.random() < 0.88:
                    chosen.append(p)
        if len(chosen) < need:  # top up from whatever was skipped
            rest = [p for b in order for p in by_block[b] if p not in chosen]
            chosen.extend(rest[: need - len(chosen)])
        chosen.sort(key=lambda p: (blocks[p["block"]]["strip"], blocks[p["block"]]["row"], p["k"]))
        assign_attributes(pf, chosen, blocks, ring_m, random.Random(base_seed + 3), f)
        parcels.extend(chosen)
    return parcels, platform_rings_m, grids


def assign_attributes(pf, chosen, blocks, ring_m, rng, f):
    cx, cy = ring_centroid(ring_m)
    dmax = max(math.dist((cx, cy), p) for p in ring_m)
    block_use, block_status, block_no = {}, {}, {}
    status_pairs = [(s, pf["status"][s]) for s in STATUS_ORDER]
    for idx, p in enumerate(chosen, start=1):
        b = p["block"]
        if b not in block_use:
            block_use[b] = weighted(rng, pf["uses"])
            block_status[b] = weighted(rng, status_pairs)
            block_no[b] = len(block_no) + 1
        use = block_use[b] if rng.random() < 0.8 else weighted(rng, pf["uses"])
        status = block_status[b] if rng.random() < 0.55 else weighted(rng, status_pairs)
        cls = LAND_USE_CLASS[use]
        st = USE_STYLE[cls]
        area_mu = p["area"] / M2_PER_MU
        pcx, pcy = ring_centroid(p["ring"])
        central = 1.0 - min(1.0, math.dist((cx, cy), (pcx, pcy)) / dmax)
        lo, hi = pf["price_ind"] if cls in ("industrial", "logistics") else pf["price_inno"]
        price = lo + (hi - lo) * min(1.0, 0.55 * central + 0.45 * rng.random())
        if cls == "logistics":
            price *= 0.9
        price = round(price, 1)
        prmin = round(rng.uniform(*st["pr_min"]), 1)
        prmax = round(max(prmin + 0.5, rng.uniform(*st["pr_max"])), 1)
        height = rng.choice(st["heights"])
        kva = area_mu * rng.uniform(*st["kva"]) * pf["power_factor"] * M2_PLUS.get(use, 1.0)
        if rng.random() < 0.15:  # substation next door
            kva *= 2.0
        kva = int(max(400, min(80000, round(kva / 50.0) * 50)))
        water = area_mu * rng.uniform(*st["water"]) * pf["water_factor"]
        water = int(max(50, round(water / 10.0) * 10))
        dual = 1 if (rng.random() < pf["dual"] or kva >= 20000) else 0
        flood = max(1, min(3, pf["flood"] + (1 if rng.random() < 0.15 else 0) - (1 if rng.random() < 0.2 else 0)))
        district = pf["district"]
        if "district_split" in pf:
            split = pf["district_split"]
            lon, lat = GK.inverse(pcx, pcy)
            if lon >= split["east_of"] and lat < split["south_of"]:
                district = split["district"]
        p["props"] = {
            "地块编号": "%s-%04d" % (pf["code"], idx),
            "地块名称": "%s%02d街区%s地块" % (pf["name"], block_no[b], "ABCDEFGHJK"[min(9, p["k"])]),
            "所属平台": pf["name"],
            "所在区": district,
            "用地性质": use,
            "供地状态": STATUS_ZH[status],
            "出让单价": price,
            "容积率下限": prmin,
            "容积率上限": prmax,
            "限高": height,
            "供电容量": kva,
            "双回路供电": dual,
            "供水能力": water,
            "洪涝风险": flood,
            "面积": round(area_mu, 2),
        }


def random_point_in(ring_m, rng, avoid):
    xs = [x for x, _ in ring_m]
    ys = [y for _, y in ring_m]
    for _ in range(10000):
        p = (rng.uniform(min(xs), max(xs)), rng.uniform(min(ys), max(ys)))
        if not point_in_ring(p, ring_m) or dist_to_ring(p, ring_m) < 60:
            continue
        if any(point_in_ring(p, r) for r in avoid(p)):
            continue
        return p
    raise RuntimeError("no point found")


def gen_firms(parcels, platform_rings_m):
    rng = random.Random(SEED + 99)
    feats = []
    for name, ind, pos, leader, lon, lat, q in REAL_FIRMS:
        feats.append(({"企业名称": name, "产业": ind, "链位": pos, "链主": leader, "合成": 0, "位置精度": q,
                       "所在平台": platform_of(lon, lat, platform_rings_m)}, (lon, lat)))
    # synthetic suppliers and customers inside the platforms of their industry,
    # kept off the parcels that are on offer
    free_rings = {}
    for p in parcels:
        if p["props"]["供地状态"] != "已出让":
            free_rings.setdefault(p["props"]["所属平台"], []).append(p["ring"])
    used = set(n for n, *_ in REAL_FIRMS)
    has_leader = {}
    for f, _ in feats:
        if f["所在平台"] and f["链主"]:
            has_leader[f["所在平台"]] = True
    for pf in PLATFORMS:
        ring_m = platform_rings_m[pf["name"]]
        rings = free_rings.get(pf["name"], [])

        def avoid(p, rings=rings):
            return [r for r in rings if abs(r[0][0] - p[0]) < 1500 and abs(r[0][1] - p[1]) < 1500]

        n = SYNTH_FIRMS_PER_PLATFORM[pf["name"]]
        inds = pf["industries"]
        ind_w = [(ind, 1.0 / (1 + 0.6 * i)) for i, ind in enumerate(inds)]
        for k in range(n):
            ind = weighted(rng, ind_w)
            pos = weighted(rng, [("upstream", 0.42), ("midstream", 0.36), ("downstream", 0.22)])
            leader = 1 if (k == 0 and not has_leader.get(pf["name"])) else 0
            if leader:  # a platform without a real chain leader gets a synthetic one
                ind, pos = inds[0], "midstream"
            prod = rng.choice(PRODUCTS[ind][pos])
            for _ in range(100):
                brand = rng.choice(BRAND) + rng.choice(BRAND)
                if brand[0] == brand[1]:
                    continue
                nm = "杭州%s%s%s" % (brand, prod, rng.choice(["有限公司", "科技有限公司", "股份有限公司"]))
                if nm not in used:
                    used.add(nm)
                    break
            x, y = random_point_in(ring_m, rng, avoid)
            lon, lat = GK.inverse(x, y)
            feats.append(({"企业名称": nm, "产业": ind, "链位": pos, "链主": leader, "合成": 1, "位置精度": "synthetic",
                           "所在平台": pf["name"]}, (round(lon, 6), round(lat, 6))))
    return feats


def platform_of(lon, lat, platform_rings_m):
    p = GK.forward(lon, lat)
    for name, ring in platform_rings_m.items():
        if point_in_ring(p, ring):
            return name
    return ""


# --------------------------------------------------------------------------
# Road network (illustrative): the real expressway corridors as hand-digitised
# waypoint lists (WGS84), main arterials between the platforms, hubs and
# interchanges, and each platform's own grid (the roads its parcels were cut
# from). Written to roads.gpkg in EPSG:4549. See README.md ("roads").
# --------------------------------------------------------------------------

# Chinese road classes of the layer's 道路等级 field -> OSM highway values
# (mapped in dataset.json's values.class).
ROAD_CLASS_ZH = {"motorway": "高速公路", "motorway_link": "匝道", "trunk": "快速路", "primary": "主干路",
                 "secondary": "次干路", "tertiary": "支路", "service": "园区道路"}

# Expressway-to-expressway junctions (枢纽): one shared vertex of both
# corridors, every turn possible. WGS84, placed by hand (+-1-2 km).
MOTORWAY_NODES = {
    "留下枢纽": (120.0400, 30.2400),    # 绕城 x 杭徽
    "杭长枢纽": (120.0160, 30.3500),    # 绕城 x 杭长
    "勾庄枢纽": (120.1000, 30.3820),    # 绕城 x 杭宁
    "东湖枢纽": (120.2960, 30.3500),    # 绕城 x 沪杭
    "红垦枢纽": (120.3280, 30.2330),    # 绕城 x 杭甬 x 机场高速
    "萧山枢纽": (120.2550, 30.1220),    # 绕城 x 杭金衢
    "杭新景枢纽": (120.1120, 30.1120),  # 绕城 x 杭新景
    "彭埠枢纽": (120.2320, 30.3000),    # 沪杭 x 杭甬 (彭埠, by 杭州东站)
    "钱江通道枢纽": (120.5600, 30.1350),  # 钱江通道 x 杭甬
}

# Expressway corridors: ref, name, waypoints (WGS84 lon/lat, or a
# MOTORWAY_NODES name), closed ring?  One two-way line per corridor (both
# carriageways); what placed each corridor is in README.md.
EXPRESSWAYS = [
    ("G2501", "杭州绕城高速", [
        "留下枢纽", (120.0410, 30.2680), (120.0400, 30.2840), (120.0355, 30.2930), (120.0260, 30.3020),
        (120.0180, 30.3140), (120.0155, 30.3280), (120.0145, 30.3420), "杭长枢纽", (120.0400, 30.3600),
        (120.0720, 30.3680), "勾庄枢纽", (120.1400, 30.3870), (120.1850, 30.3810),
        (120.2250, 30.3690), (120.2580, 30.3575), "东湖枢纽", (120.3100, 30.3250), (120.3180, 30.2900),
        (120.3170, 30.2620), "红垦枢纽", (120.3260, 30.1950), (120.3120, 30.1620), (120.2850, 30.1350),
        "萧山枢纽", (120.2000, 30.1030), (120.1400, 30.1030), "杭新景枢纽", (120.0700, 30.1420),
        (120.0700, 30.1720), (120.0580, 30.2000), (120.0450, 30.2220), "留下枢纽"]),
    ("G56", "杭瑞高速（杭徽段）", [
        "留下枢纽", (120.0100, 30.2360), (119.9850, 30.2330), (119.9300, 30.2320), (119.8800, 30.2360),
        (119.8300, 30.2320), (119.8000, 30.2330), (119.7600, 30.2300), (119.7300, 30.2240),
        (119.6800, 30.2150)]),
    ("S13", "杭长高速", [
        "杭长枢纽", (119.9950, 30.3430), (119.9600, 30.3420), (119.9300, 30.3450),
        (119.8800, 30.3750), (119.8300, 30.4300)]),
    ("G25", "长深高速（杭宁段）", ["勾庄枢纽", (120.0950, 30.4200), (120.0850, 30.4700), (120.0700, 30.5200)]),
    ("G60", "沪昆高速（沪杭段）", [
        "彭埠枢纽", (120.2500, 30.3180), (120.2750, 30.3370), "东湖枢纽", (120.3180, 30.3750),
        (120.3250, 30.4050), (120.3700, 30.4400), (120.4300, 30.4700)]),
    ("G92", "杭州湾环线高速（杭甬段）", [
        "彭埠枢纽", (120.2550, 30.2830), (120.2680, 30.2680), (120.2950, 30.2460), "红垦枢纽",
        (120.3550, 30.2000), (120.4000, 30.1850), (120.4550, 30.1880), (120.5100, 30.1600),
        "钱江通道枢纽", (120.6100, 30.1100)]),
    ("S9", "苏绍高速（钱江通道）", [
        (120.5780, 30.4100), (120.5720, 30.3500), (120.5700, 30.3100), (120.5650, 30.2700),
        (120.5630, 30.2000), "钱江通道枢纽"]),
    ("G60", "沪昆高速（杭金衢段）", ["萧山枢纽", (120.2300, 30.0900), (120.2000, 30.0500), (120.1800, 30.0100)]),
    ("G25", "长深高速（杭新景段）", ["杭新景枢纽", (120.0500, 30.0900), (119.9700, 30.0650), (119.8800, 30.0300)]),
    ("", "杭州机场高速", ["红垦枢纽", (120.3480, 30.2200), (120.3650, 30.1990), (120.3850, 30.1935),
                        (120.4080, 30.1950), (120.4180, 30.2130), (120.4220, 30.2300)]),
]

# Which corridor each point of INTERCHANGES lies on (its local access is
# built there, and the point is moved onto it).
INTERCHANGE_CORRIDOR = {
    "转塘互通": "杭州绕城高速", "留下枢纽": "杭州绕城高速", "五常互通": "杭州绕城高速", "三墩互通": "杭州绕城高速",
    "良渚互通": "杭州绕城高速", "勾庄枢纽": "杭州绕城高速", "半山互通": "杭州绕城高速", "东湖枢纽": "杭州绕城高速",
    "下沙互通": "杭州绕城高速", "下沙大桥南互通": "杭州绕城高速", "红垦枢纽": "杭州绕城高速", "萧山互通": "杭州绕城高速",
    "萧山枢纽": "杭州绕城高速", "袁浦互通": "杭州绕城高速", "机场互通": "杭州机场高速",
    "瓜沥互通": "杭州湾环线高速（杭甬段）", "闲林互通": "杭瑞高速（杭徽段）", "青山湖互通": "杭瑞高速（杭徽段）",
    "临安互通": "杭瑞高速（杭徽段）", "仓前互通": "杭长高速", "余杭互通": "杭长高速", "临平互通": "沪昆高速（沪杭段）",
    "钱江通道南互通": "苏绍高速（钱江通道）", "江东互通": "苏绍高速（钱江通道）", "义桥互通": "沪昆高速（杭金衢段）",
    "富阳互通": "长深高速（杭新景段）",
}

# Main arterials (快速路 trunk, 主干路 primary): name, class, WGS84
# waypoints. Where one crosses a platform it is cut at the boundary and
# joined to the platform's own grid, which carries it through (so no
# arterial runs across a parcel). Where two cross they meet at grade.
ARTERIALS = [
    ("文一西路—科技大道", "primary", [
        (120.1250, 30.2810), (120.0950, 30.2850), (120.0650, 30.2880), (120.0450, 30.2860), (120.0100, 30.2830),
        (119.9800, 30.2800), (119.9500, 30.2720), (119.9200, 30.2620), (119.8950, 30.2530), (119.8550, 30.2575),
        (119.8000, 30.2560), (119.7500, 30.2520), (119.7200, 30.2380)]),
    ("天目山路—留和路", "primary", [
        (120.1600, 30.2720), (120.1150, 30.2720), (120.0850, 30.2650), (120.0550, 30.2470), (120.0300, 30.2420),
        (119.9850, 30.2420)]),
    ("古墩路", "primary", [
        (120.0980, 30.2650), (120.0950, 30.3000), (120.0920, 30.3300), (120.0880, 30.3600), (120.0720, 30.3720)]),
    ("余杭塘路—东西大道", "primary", [
        (120.1000, 30.3010), (120.0600, 30.2980), (120.0400, 30.2960), (120.0000, 30.2935), (119.9820, 30.2935),
        (119.9400, 30.2960)]),
    ("西站大道", "primary", [
        (119.9820, 30.2700), (119.9820, 30.2935), (119.9830, 30.3000), (119.9900, 30.3200), (119.9950, 30.3380)]),
    ("上塘路—上塘高架", "trunk", [
        (120.1600, 30.2680), (120.1580, 30.3000), (120.1570, 30.3300), (120.1580, 30.3700), (120.1750, 30.3800),
        (120.1850, 30.3900)]),
    ("中河路—复兴大桥—江汉路", "trunk", [
        (120.1700, 30.2700), (120.1760, 30.2500), (120.1780, 30.2250), (120.1800, 30.2050), (120.1820, 30.1900),
        (120.1800, 30.1700), (120.1900, 30.1500)]),
    ("德胜快速路—下沙路", "trunk", [
        (120.1600, 30.3050), (120.2050, 30.3010), (120.2320, 30.3080), (120.2700, 30.3120), (120.3100, 30.3150),
        (120.3500, 30.3180), (120.3850, 30.3180)]),
    ("钱江路—西兴大桥—江陵路", "trunk", [
        (120.2050, 30.2600), (120.2120, 30.2320), (120.2150, 30.2050), (120.2180, 30.1800), (120.2250, 30.1600)]),
    ("时代大道", "trunk", [
        (120.2400, 30.2550), (120.2380, 30.2150), (120.2350, 30.1900), (120.2320, 30.1600), (120.2280, 30.1200),
        (120.2200, 30.0950)]),
    ("江南大道—建设一路", "primary", [
        (120.1500, 30.1800), (120.1800, 30.1950), (120.2100, 30.2050), (120.2400, 30.2080), (120.2700, 30.2000),
        (120.3150, 30.2000)]),
    ("市心路", "primary", [
        (120.2650, 30.2550), (120.2700, 30.2150), (120.2720, 30.1800), (120.2900, 30.1720), (120.3050, 30.1620)]),
    ("机场城市大道", "trunk", [
        (120.3150, 30.2000), (120.3450, 30.2150), (120.3800, 30.2250), (120.4100, 30.2300), (120.4250, 30.2330)]),
    ("江东大道", "trunk", [
        (120.3350, 30.2650), (120.3800, 30.2720), (120.4300, 30.2850), (120.4700, 30.2900), (120.5200, 30.2950),
        (120.5620, 30.2950)]),
    ("江东大桥", "trunk", [(120.3700, 30.3180), (120.3750, 30.2900), (120.3820, 30.2730)]),
    ("九堡大桥", "primary", [(120.2650, 30.3120), (120.2720, 30.2850), (120.2600, 30.2550)]),
    ("之江路", "primary", [
        (120.1760, 30.2250), (120.1500, 30.2050), (120.1200, 30.1900), (120.1000, 30.1750), (120.0850, 30.1650),
        (120.0720, 30.1500), (120.0800, 30.1200), (120.1050, 30.1080)]),
    ("钱塘江大桥—浦沿路", "primary", [(120.1500, 30.2050), (120.1550, 30.1850), (120.1550, 30.1650), (120.1550, 30.1450)]),
    ("临平大道（320国道）", "trunk", [
        (120.2000, 30.3300), (120.2300, 30.3400), (120.2800, 30.3480), (120.2930, 30.3700), (120.2950, 30.4000),
        (120.3000, 30.4150)]),
    ("机场大道", "trunk", [(120.4250, 30.2330), (120.4300, 30.2500), (120.4250, 30.2650), (120.4070, 30.2750),
                          (120.4000, 30.2850)]),
    ("石祥路", "primary", [(120.0950, 30.3320), (120.1400, 30.3300), (120.1900, 30.3300), (120.2300, 30.3350)]),
    ("文渊路—医药港大道", "primary", [(120.3500, 30.3000), (120.3500, 30.3180), (120.3520, 30.3500), (120.3500, 30.3800)]),
    ("新塘路—东站路", "primary", [(120.2050, 30.2600), (120.2080, 30.2800), (120.2100, 30.3010)]),
]

RAMP_HALF_M = 250.0      # an interchange's ramps leave the expressway this far either side of it
TERMINAL_OFFSET_M = 220.0  # its ramp terminals lie this far either side of the expressway
PLATFORM_GRID_REACH_M = 60.0  # a platform's grid roads run this far beyond its boundary


def _r(p):
    return (round(p[0], 3), round(p[1], 3))


class Way:
    def __init__(self, pts, cls, name, ref="", oneway=0, kind=""):
        self.pts = [_r(p) for p in pts]
        self.cls, self.name, self.ref, self.oneway, self.kind = cls, name, ref, oneway, kind


def _project(p, a, b):
    dx, dy = b[0] - a[0], b[1] - a[1]
    L = dx * dx + dy * dy
    t = 0.0 if L == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / L))
    q = (a[0] + t * dx, a[1] + t * dy)
    return t, q, math.dist(p, q)


def _chainage(pts):
    s = [0.0]
    for i in range(1, len(pts)):
        s.append(s[-1] + math.dist(pts[i - 1], pts[i]))
    return s


def _at_chainage(pts, s):
    ch = _chainage(pts)
    for i in range(1, len(pts)):
        if ch[i] >= s:
            t = (s - ch[i - 1]) / max(1e-9, ch[i] - ch[i - 1])
            a, b = pts[i - 1], pts[i]
            return i - 1, (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))
    return len(pts) - 2, pts[-1]


def _insert_point(way, p, tol=1.0):
    """Puts a vertex on `way` at its point nearest to p; returns it (an
    existing vertex when one is within tol)."""
    best = None
    for i in range(len(way.pts) - 1):
        t, q, d = _project(p, way.pts[i], way.pts[i + 1])
        if best is None or d < best[0] - 1e-9:
            best = (d, i, q)
    _, i, q = best
    for v in (way.pts[i], way.pts[i + 1]):
        if math.dist(v, q) <= tol:
            return v
    q = _r(q)
    way.pts.insert(i + 1, q)
    return q


def _clip_intervals(a, b, ring):
    """Parameter intervals of segment a-b inside ring."""
    ts = [0.0, 1.0]
    n = len(ring)
    for k in range(n):
        c, d = ring[k], ring[(k + 1) % n]
        den = (b[0] - a[0]) * (d[1] - c[1]) - (b[1] - a[1]) * (d[0] - c[0])
        if abs(den) < 1e-12:
            continue
        t = ((c[0] - a[0]) * (d[1] - c[1]) - (c[1] - a[1]) * (d[0] - c[0])) / den
        u = ((c[0] - a[0]) * (b[1] - a[1]) - (c[1] - a[1]) * (b[0] - a[0])) / den
        if 0 < t < 1 and 0 <= u <= 1:
            ts.append(t)
    ts.sort()
    out = []
    for t0, t1 in zip(ts, ts[1:]):
        if t1 - t0 < 1e-9:
            continue
        tm = (t0 + t1) / 2
        if point_in_ring((a[0] + tm * (b[0] - a[0]), a[1] + tm * (b[1] - a[1])), ring):
            out.append((t0, t1))
    return out


def _lerp(a, b, t):
    return (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))


def _outside_pieces(pts, rings):
    """The parts of polyline pts outside every ring, as polylines; each cut
    end is recorded with the ring it touches."""
    pieces, cur, cuts = [], [pts[0]], []
    inside = any(point_in_ring(pts[0], r) for r in rings.values())
    if inside:
        cur = None
    for i in range(len(pts) - 1):
        a, b = pts[i], pts[i + 1]
        events = []
        for name, r in rings.items():
            for t0, t1 in _clip_intervals(a, b, r):
                events.append((t0, t1, name))
        events.sort()
        for t0, t1, name in events:
            if cur is not None and t0 > 0:
                p = _lerp(a, b, t0)
                cur.append(p)
                pieces.append(cur)
                cuts.append((p, name))
            elif cur is not None:
                pieces.append(cur)
            cur = None
            if t1 < 1:
                p = _lerp(a, b, t1)
                cur = [p]
                cuts.append((p, name))
        if cur is not None:
            cur.append(b)
    if cur is not None and len(cur) > 1:
        pieces.append(cur)
    return [p for p in pieces if len(p) > 1 and sum(math.dist(p[k], p[k + 1]) for k in range(len(p) - 1)) > 50], cuts


def _grid_ways(pf, ring_m, grid):
    """The platform's road centre lines (those the parcels were cut from),
    clipped to the platform boundary pushed PLATFORM_GRID_REACH_M out."""
    cx, cy = ring_centroid(ring_m)
    reach = []
    for x, y in ring_m:
        d = math.hypot(x - cx, y - cy)
        k = 1 + PLATFORM_GRID_REACH_M / d
        reach.append((cx + (x - cx) * k, cy + (y - cy) * k))
    fr = grid["frame"]
    us, vm = grid["u"], grid["vmain"]
    u0, u1 = us[0][0] - 100, us[-1][0] + 100
    v0, v1 = vm[0][0] - 100, vm[-1][0] + 100
    lines = []
    for u, w in us:
        lines.append(((u, v0), (u, v1), "secondary" if w >= 40 else "tertiary"))
    for v, w in vm:
        lines.append(((u0, v), (u1, v), "secondary" if w >= 40 else "tertiary"))
    main = set(v for v, _ in vm)
    for i, vr in enumerate(grid["strips"]):
        for v, w in vr:
            if v not in main:
                lines.append(((us[i][0], v), (us[i + 1][0], v), "service"))
    ways = []
    for a_uv, b_uv, cls in lines:
        a, b = fr.to_xy(*a_uv), fr.to_xy(*b_uv)
        for t0, t1 in _clip_intervals(a, b, reach):
            p, q = _lerp(a, b, t0), _lerp(a, b, t1)
            if math.dist(p, q) > 30:
                ways.append(Way([p, q], cls, pf["name"] + "园区道路", kind="grid:" + pf["name"]))
    return ways


def _join_at_grade(ways):
    """Shared vertices where at-grade roads cross or one ends on another."""
    cell = 1000.0
    segs = []
    for wi, w in enumerate(ways):
        for i in range(len(w.pts) - 1):
            segs.append((wi, i, w.pts[i], w.pts[i + 1]))
    buckets = {}
    for si, (_, _, a, b) in enumerate(segs):
        for gx in range(int(min(a[0], b[0]) // cell), int(max(a[0], b[0]) // cell) + 1):
            for gy in range(int(min(a[1], b[1]) // cell), int(max(a[1], b[1]) // cell) + 1):
                buckets.setdefault((gx, gy), []).append(si)
    adds = {}  # way -> [(segment, t, point)]
    seen = set()
    for lst in buckets.values():
        for x in range(len(lst)):
            for y in range(x + 1, len(lst)):
                s1, s2 = lst[x], lst[y]
                if (s1, s2) in seen:
                    continue
                seen.add((s1, s2))
                w1, i1, a, b = segs[s1]
                w2, i2, c, d = segs[s2]
                if w1 == w2:
                    continue
                den = (b[0] - a[0]) * (d[1] - c[1]) - (b[1] - a[1]) * (d[0] - c[0])
                if abs(den) < 1e-9:
                    continue
                t = ((c[0] - a[0]) * (d[1] - c[1]) - (c[1] - a[1]) * (d[0] - c[0])) / den
                u = ((c[0] - a[0]) * (b[1] - a[1]) - (c[1] - a[1]) * (b[0] - a[0])) / den
                la, lc = math.dist(a, b), math.dist(c, d)
                eps_t, eps_u = 0.05 / la, 0.05 / lc
                if not (-eps_t <= t <= 1 + eps_t and -eps_u <= u <= 1 + eps_u):
                    continue
                p = _lerp(a, b, min(1.0, max(0.0, t)))
                # reuse a vertex within 1 m, so no two vertices lie that close
                for v, tt, ll in ((a, t, la), (b, 1 - t, la), (c, u, lc), (d, 1 - u, lc)):
                    if tt * ll <= 1.0:
                        p = v
                        break
                p = _r(p)
                adds.setdefault(w1, []).append((i1, t, p))
                adds.setdefault(w2, []).append((i2, u, p))
    for wi, lst in adds.items():
        w = ways[wi]
        lst.sort(key=lambda e: (e[0], e[1]), reverse=True)
        for i, t, p in lst:
            if p in (w.pts[i], w.pts[i + 1]):
                continue
            w.pts.insert(i + 1, p)
        # drop repeated points
        w.pts = [p for k, p in enumerate(w.pts) if k == 0 or p != w.pts[k - 1]]


def _nearest_on(ways, p, accept):
    best = None
    for wi, w in enumerate(ways):
        if not accept(w):
            continue
        for i in range(len(w.pts) - 1):
            _, q, d = _project(p, w.pts[i], w.pts[i + 1])
            if best is None or d < best[0] - 1e-9:
                best = (d, wi, q)
    return best


def _spur(ways, p, cls, name, accept, kind="spur", min_m=1.0):
    """A road from p to the nearest accepted road (joined there)."""
    best = _nearest_on(ways, p, accept)
    if best is None or best[0] <= min_m:
        return None
    q = _insert_point(ways[best[1]], best[2])
    w = Way([p, q], cls, name, kind=kind)
    ways.append(w)
    return w


def _components(ways):
    """Undirected components: (vertex -> component id, list of way sets)."""
    parent = {}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for w in ways:
        for p in w.pts:
            parent.setdefault(p, p)
        for i in range(len(w.pts) - 1):
            ra, rb = find(w.pts[i]), find(w.pts[i + 1])
            if ra != rb:
                parent[ra] = rb
    comp = {}
    for wi, w in enumerate(ways):
        comp.setdefault(find(w.pts[0]), []).append(wi)
    return sorted(comp.values(), key=lambda c: (-sum(len(ways[i].pts) for i in c), c[0]))


def is_motorway(w):
    return w.cls in ("motorway", "motorway_link")


def _prune_grids(ways, parcels):
    """Keeps of each platform grid the streets its parcels front onto, and
    the shortest grid streets that connect them and the roads joining the
    grid (a greedy Steiner tree on the grid), so the sample stays small."""
    import heapq
    grid_ix = [i for i, w in enumerate(ways) if w.kind.startswith("grid:")]
    others = [w for w in ways if not w.kind.startswith("grid:")]
    other_vertices = set(p for w in others for p in w.pts)
    segs = []  # (a, b, way index)
    for i in grid_ix:
        w = ways[i]
        for k in range(len(w.pts) - 1):
            segs.append((w.pts[k], w.pts[k + 1], i))
    cell = 250.0
    buckets = {}
    for si, (a, b, _) in enumerate(segs):
        for gx in range(int(min(a[0], b[0]) // cell), int(max(a[0], b[0]) // cell) + 1):
            for gy in range(int(min(a[1], b[1]) // cell), int(max(a[1], b[1]) // cell) + 1):
                buckets.setdefault((gx, gy), []).append(si)
    needed = set()
    for p in parcels:  # the street each parcel fronts onto: the nearest to its centre
        c = ring_centroid(p["ring"])
        best = None
        for gx in range(int(c[0] // cell) - 2, int(c[0] // cell) + 3):
            for gy in range(int(c[1] // cell) - 2, int(c[1] // cell) + 3):
                for si in buckets.get((gx, gy), ()):
                    d = _project(c, segs[si][0], segs[si][1])[2]
                    if best is None or d < best[0] - 1e-9 or (abs(d - best[0]) <= 1e-9 and si < best[1]):
                        best = (d, si)
        if best is not None:
            needed.add(best[1])
    # and the grid's main streets (次干路), so traffic crosses a platform on them
    needed |= set(si for si, (a, b, i) in enumerate(segs) if ways[i].cls == "secondary")
    keep = set()
    by_platform = {}
    for si, (a, b, i) in enumerate(segs):
        by_platform.setdefault(ways[i].kind, []).append(si)
    for kind in sorted(by_platform):
        sis = by_platform[kind]
        adj = {}
        for si in sis:
            a, b, _ = segs[si]
            adj.setdefault(a, []).append((b, si))
            adj.setdefault(b, []).append((a, si))
        # groups to connect: each needed street's component, each joining vertex
        parent = {}

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        def union(x, y):
            rx, ry = find(x), find(y)
            if rx != ry:
                parent[rx] = ry

        for v in adj:
            parent[v] = v
        for si in sis:
            if si in needed:
                union(segs[si][0], segs[si][1])
        groups = {}
        for si in sis:
            if si in needed:
                groups.setdefault(find(segs[si][0]), set()).update(segs[si][:2])
        for v in sorted(adj):
            if v in other_vertices:
                groups.setdefault(find(v), set()).add(v)
        glist = sorted(groups.values(), key=lambda g: (-len(g), min(g)))
        if not glist:
            continue
        tree = set(glist[0])
        kept = set(si for si in sis if si in needed and segs[si][0] in tree)
        rest = [g for g in glist[1:]]
        while rest:
            owner = {}
            for gi, g in enumerate(rest):
                for v in g:
                    owner[v] = gi
            dist, prev = {}, {}
            heap = [(0.0, v) for v in sorted(tree)]
            for _, v in heap:
                dist[v] = 0.0
            heapq.heapify(heap)
            hit = None
            while heap:
                d, v = heapq.heappop(heap)
                if d > dist[v]:
                    continue
                if v in owner:
                    hit = v
                    break
                for nb, si in adj.get(v, ()):
                    nd = d + math.dist(v, nb)
                    if nd < dist.get(nb, float("inf")) - 1e-9:
                        dist[nb] = nd
                        prev[nb] = (v, si)
                        heapq.heappush(heap, (nd, nb))
            if hit is None:
                # unreachable on the grid: kept as it is, joined later
                for g in rest:
                    tree |= g
                    kept |= set(si for si in sis if si in needed and segs[si][0] in g)
                break
            v = hit
            while v in prev:
                u, si = prev[v]
                kept.add(si)
                tree.add(u)
                v = u
            g = rest.pop(owner[hit])
            tree |= g
            kept |= set(si for si in sis if si in needed and (segs[si][0] in g or segs[si][1] in g))
        keep |= kept
    # rebuild the grid ways from the kept streets, one way per run of them
    out = [w for w in ways if not w.kind.startswith("grid:")]
    run_start = None
    for si, (a, b, i) in enumerate(segs):
        cont = run_start is not None and segs[si - 1][2] == i and segs[si - 1][1] == a and (si - 1) in keep
        if si in keep:
            if cont:
                out[-1].pts.append(b)
            else:
                w = ways[i]
                out.append(Way([a, b], w.cls, w.name, kind=w.kind))
            run_start = si
        else:
            run_start = None
    # a grid street is straight: drop the vertices where nothing joins it any more
    use = {}
    for w in out:
        for p in w.pts:
            use[p] = use.get(p, 0) + 1
    for w in out:
        if w.kind.startswith("grid:") and len(w.pts) > 2:
            w.pts = [w.pts[0]] + [p for p in w.pts[1:-1] if use[p] > 1] + [w.pts[-1]]
    return out


def _crosses_parcel(a, b, parcels):
    for p in parcels:
        r = p["ring"]
        if max(a[0], b[0]) < min(x for x, _ in r) or min(a[0], b[0]) > max(x for x, _ in r):
            continue
        if max(a[1], b[1]) < min(y for _, y in r) or min(a[1], b[1]) > max(y for _, y in r):
            continue
        if point_in_ring(a, r) or any(segs_cross(a, b, r[k], r[(k + 1) % len(r)]) for k in range(len(r))):
            return True
    return False


def _merge_close(ways, tol=1.0):
    """Vertices of different roads closer than the snapping tolerance become
    one (as siterank would join them), never an expressway vertex with a
    local road's."""
    verts = sorted(set(p for w in ways for p in w.pts))
    mway = set(p for w in ways if is_motorway(w) for p in w.pts)
    cell = {}
    for p in verts:
        cell.setdefault((int(p[0] // 2), int(p[1] // 2)), []).append(p)
    canon = {}
    for p in verts:
        if p in canon:
            continue
        gx, gy = int(p[0] // 2), int(p[1] // 2)
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for q in cell.get((gx + dx, gy + dy), ()):
                    if q != p and q not in canon and math.dist(p, q) <= tol:
                        if (p in mway) != (q in mway):
                            sys.exit("road network: an expressway vertex %s lies by a local road's %s" % (p, q))
                        canon[q] = p
    for w in ways:
        pts = [canon.get(p, p) for p in w.pts]
        w.pts = [p for k, p in enumerate(pts) if k == 0 or p != pts[k - 1]]
    ways[:] = [w for w in ways if len(w.pts) > 1]


def build_roads(platform_rings_m, grids, parcels):
    """Returns (ways, interchange points moved onto the network as
    [(name, expressway, lon, lat)], facts for the README)."""
    ways = []
    by_name = {}
    # 1. expressways
    for ref, name, pts in EXPRESSWAYS:
        m = [GK.forward(*(MOTORWAY_NODES[p] if isinstance(p, str) else p)) for p in pts]
        w = Way(m, "motorway", name, ref=ref, kind="expressway")
        ways.append(w)
        by_name[name] = w
    node_m = [_r(GK.forward(*ll)) for ll in MOTORWAY_NODES.values()]
    # 2. local interchanges (diamonds): ramps 250 m either side, terminals 220 m either side
    moved = []
    terminals = []
    for name, expressway, lon, lat in INTERCHANGES:
        w = by_name[INTERCHANGE_CORRIDOR[name]]
        p = GK.forward(lon, lat)
        ch = _chainage(w.pts)
        best = None
        for i in range(len(w.pts) - 1):
            t, q, d = _project(p, w.pts[i], w.pts[i + 1])
            if best is None or d < best[0]:
                best = (d, ch[i] + t * (ch[i + 1] - ch[i]))
        s = best[1]
        total = ch[-1]
        closed = w.pts[0] == w.pts[-1]
        # keep clear of the expressway's ends and of its junctions
        stops = [ch[i] for i, v in enumerate(w.pts) if v in node_m]
        if not closed:
            stops += [0.0, total]
        for st in stops:
            if abs(s - st) < 900:
                s = st + (900 if s >= st else -900)
        s = min(max(s, 400), total - 400)
        _, A = _at_chainage(w.pts, s - RAMP_HALF_M)
        _, B = _at_chainage(w.pts, s + RAMP_HALF_M)
        _, P = _at_chainage(w.pts, s)
        A = _insert_point(w, A, tol=30)
        B = _insert_point(w, B, tol=30)
        tx, ty = B[0] - A[0], B[1] - A[1]
        L = math.hypot(tx, ty)
        nx, ny = ty / L, -tx / L  # right of the digitised direction
        T1 = _r((P[0] + TERMINAL_OFFSET_M * nx, P[1] + TERMINAL_OFFSET_M * ny))
        T2 = _r((P[0] - TERMINAL_OFFSET_M * nx, P[1] - TERMINAL_OFFSET_M * ny))
        # the connector runs 60 m beyond each terminal: the interchange's point
        # is its end, nearer to it than to any ramp
        E1 = _r((T1[0] + 60 * nx, T1[1] + 60 * ny))
        E2 = _r((T2[0] - 60 * nx, T2[1] - 60 * ny))
        ways.append(Way([E2, T2, T1, E1], "primary", name + "连接线", kind="interchange"))
        for a, b in ((A, T1), (T1, B), (B, T2), (T2, A)):  # off, on, off, on (oneway, driving direction)
            ways.append(Way([a, b], "motorway_link", name + "匝道", ref=w.ref, oneway=1, kind="ramp"))
        T = E1 if math.dist(E1, p) <= math.dist(E2, p) else E2
        terminals.append((name, T, E2 if T == E1 else E1))
        lon2, lat2 = GK.inverse(*T)
        moved.append((name, expressway, round(lon2, 6), round(lat2, 6), math.dist(p, T)))
    # 3. arterials, cut at platform boundaries
    gates = []
    for name, cls, pts in ARTERIALS:
        m = [GK.forward(*ll) for ll in pts]
        pieces, cuts = _outside_pieces(m, platform_rings_m)
        for piece in pieces:
            ways.append(Way(piece, cls, name, kind="arterial"))
        gates.extend((_r(p), pf, name) for p, pf in cuts)
    # 4. platform grids
    for pf in PLATFORMS:
        ways.extend(_grid_ways(pf, platform_rings_m[pf["name"]], grids[pf["name"]]))
    # 5. at grade: everything but expressways and ramps
    at_grade = [w for w in ways if not is_motorway(w)]
    _join_at_grade(at_grade)
    # 6. each cut arterial end joins the platform grid it entered
    for p, pf, name in gates:
        _spur(ways, p, "secondary", name, lambda w, pf=pf: w.kind == "grid:" + pf, kind="gate")
    # 7. interchange terminals join the nearest arterial within 2.5 km, else
    #    the nearest road (not their own ramps)
    for name, T, other in terminals:
        own = name + "连接线"
        best = _nearest_on(ways, T, lambda w: w.kind == "arterial")
        arterial = best is not None and best[0] <= 2500 and not _crosses_parcel(T, best[2], parcels)
        _spur(ways, T, "primary", own,
              lambda w, own=own: (w.kind == "arterial" if arterial else
                                  not is_motorway(w) and w.name != own and w.kind != "spur:ic"), kind="spur:ic")
    # 8. rail hubs and the airport: an access road to the nearest road
    for n, k, lon, lat, q in RAIL:
        _spur(ways, _r(GK.forward(lon, lat)), "primary", n + "集散道路", lambda w: not is_motorway(w), min_m=0.5)
    for n, c, lon, lat, q in AIRPORTS:
        _spur(ways, _r(GK.forward(lon, lat)), "primary", n + "集散道路", lambda w: not is_motorway(w), min_m=0.5)
    ways = _prune_grids(ways, parcels)
    _merge_close(ways)
    # 8b. campuses and employment centres far from a road, or nearer to an
    #     expressway than to any other road, get a local access road
    for n, p in [(t[0], (t[4], t[5])) for t in TALENT] + [(w[0], (w[4], w[5])) for w in WORKFORCE]:
        q = _r(GK.forward(*p))
        local = _nearest_on(ways, q, lambda w: not is_motorway(w))
        anyr = _nearest_on(ways, q, lambda w: True)
        if local[0] > 500 or anyr[0] < local[0]:
            _spur(ways, q, "tertiary", n + "接驳道路", lambda w: not is_motorway(w), min_m=30)
    # 9. pieces left apart (a grid street cut off by the boundary, a grid
    #    no arterial reaches) join the main network by their nearest vertex
    for _ in range(200):
        comps = _components(ways)
        if len(comps) == 1:
            break
        main = set(comps[0])
        comp = comps[1]
        # nearest (vertex of comp, non-motorway segment of main)
        cand = [i for i in main if not is_motorway(ways[i])]
        best = None
        for wi in comp:
            if is_motorway(ways[wi]):
                continue
            for p in ways[wi].pts:
                for i in cand:
                    w = ways[i]
                    for k in range(len(w.pts) - 1):
                        _, q, d = _project(p, w.pts[k], w.pts[k + 1])
                        if best is None or d < best[0] - 1e-9:
                            best = (d, p, i, q)
        d, p, i, q = best
        q = _insert_point(ways[i], q)
        cls = "tertiary" if ways[comp[0]].kind.startswith("grid") else "secondary"
        ways.append(Way([p, q], cls, ways[comp[0]].name, kind="link"))
    else:
        sys.exit("road network: could not connect every piece")
    _merge_close(ways)
    return ways, moved


def check_roads(ways, parcels, points):
    """Fails the generator unless the network is one strongly connected
    graph (oneway honoured) with no two vertices closer than the 1 m snapping
    tolerance, every parcel and reference point reaches it on a road that
    is not an expressway, and no road but the platform grids' crosses a
    parcel. Returns the facts README.md reports."""
    verts = sorted(set(p for w in ways for p in w.pts))
    cell = {}
    for p in verts:
        cell.setdefault((int(p[0] // 2), int(p[1] // 2)), []).append(p)
    for p in verts:
        gx, gy = int(p[0] // 2), int(p[1] // 2)
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for q in cell.get((gx + dx, gy + dy), ()):
                    if q != p and math.dist(p, q) <= 1.0:
                        sys.exit("road network: vertices %s and %s are within the snapping tolerance" % (p, q))
    fwd, bwd = {}, {}
    for w in ways:
        for i in range(len(w.pts) - 1):
            a, b = w.pts[i], w.pts[i + 1]
            fwd.setdefault(a, []).append(b)
            bwd.setdefault(b, []).append(a)
            if not w.oneway:
                fwd.setdefault(b, []).append(a)
                bwd.setdefault(a, []).append(b)

    def reach(adj, start):
        seen, stack = {start}, [start]
        while stack:
            v = stack.pop()
            for n in adj.get(v, ()):
                if n not in seen:
                    seen.add(n)
                    stack.append(n)
        return seen

    start = verts[0]
    strong = reach(fwd, start) & reach(bwd, start)
    if len(strong) != len(verts):
        sys.exit("road network: %d of %d vertices are not strongly connected" % (len(verts) - len(strong), len(verts)))
    segs = [(w.pts[i], w.pts[i + 1], w) for w in ways for i in range(len(w.pts) - 1)]
    buckets = {}
    for si, (a, b, _) in enumerate(segs):
        for gx in range(int(min(a[0], b[0]) // 1000), int(max(a[0], b[0]) // 1000) + 1):
            for gy in range(int(min(a[1], b[1]) // 1000), int(max(a[1], b[1]) // 1000) + 1):
                buckets.setdefault((gx, gy), []).append(si)

    def nearest(p):
        best, r = None, 0
        while best is None or best[0] > r * 1000 - 1000:
            r += 1
            for gx in range(int(p[0] // 1000) - r, int(p[0] // 1000) + r + 1):
                for gy in range(int(p[1] // 1000) - r, int(p[1] // 1000) + r + 1):
                    for si in buckets.get((gx, gy), ()):
                        d = _project(p, segs[si][0], segs[si][1])[2]
                        if best is None or d < best[0]:
                            best = (d, segs[si][2])
            if r > 10:
                break
        return best

    facts = {"parcel_access_max_m": 0.0}
    for p in parcels:
        d, w = nearest(ring_centroid(p["ring"]))
        if is_motorway(w) or d > 2000:
            sys.exit("road network: parcel %s reaches it on %s %s, %.0f m away" % (p["props"]["地块编号"], w.cls, w.name, d))
        facts["parcel_access_max_m"] = max(facts["parcel_access_max_m"], d)
    for layer, pts in points.items():
        worst = 0.0
        for name, (lon, lat) in pts:
            d, w = nearest(GK.forward(lon, lat))
            if is_motorway(w) or d > 2000:
                sys.exit("road network: %s %s reaches it on %s %s, %.0f m away" % (layer, name, w.cls, w.name, d))
            worst = max(worst, d)
        facts[layer + "_access_max_m"] = worst
    for p in parcels:
        r = p["ring"]
        xs, ys = [x for x, _ in r], [y for _, y in r]
        for gx in range(int(min(xs) // 1000), int(max(xs) // 1000) + 1):
            for gy in range(int(min(ys) // 1000), int(max(ys) // 1000) + 1):
                for si in buckets.get((gx, gy), ()):
                    a, b, w = segs[si]
                    if w.kind.startswith("grid:"):
                        continue
                    if any(segs_cross(a, b, r[k], r[(k + 1) % len(r)]) for k in range(len(r))) or point_in_ring(a, r):
                        sys.exit("road network: %s %s crosses parcel %s" % (w.cls, w.name, p["props"]["地块编号"]))
    return facts


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------


def fc(name, features):
    return {"type": "FeatureCollection", "name": name, "features": features}


def point_feature(props, lonlat):
    return {"type": "Feature", "properties": props,
            "geometry": {"type": "Point", "coordinates": [round(lonlat[0], 6), round(lonlat[1], 6)]}}


def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(obj, fh, ensure_ascii=False, separators=(",", ":"))


def ogr(args, env):
    cmd = ["ogr2ogr"] + args
    r = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("ogr2ogr failed: %s\n%s" % (" ".join(cmd), r.stderr))


def vacuum(path):
    con = sqlite3.connect(path)
    con.execute("VACUUM")
    con.close()


def manifest(scale):
    return {
        "siterank_dataset": 1,
        "name": "Hangzhou sample" + ("" if scale == 1 else " (scale %g)" % scale),
        "description": ("Embedded default dataset: illustrative platform boundaries and synthetic parcels for "
                        "Hangzhou's precision investment platforms, with reference layers at real locations. "
                        "Generated by generate.py; see README.md for the provenance of every layer."),
        "working_crs": "EPSG:4549",
        "parcels": {
            "source": "parcels.gpkg",
            "layer": "parcels",
            "fields": {
                "id": "地块编号", "name": "地块名称", "platform": "所属平台", "district": "所在区",
                "land_use": "用地性质", "status": "供地状态", "price_wan_per_mu": "出让单价",
                "plot_ratio_min": "容积率下限", "plot_ratio_max": "容积率上限", "height_limit_m": "限高",
                "power_kva": "供电容量", "water_m3_per_day": "供水能力",
            },
            "extra_fields": {"dual_circuit": "双回路供电", "flood_risk": "洪涝风险"},
            "values": {"status": {"净地": "ready", "可出让": "available", "储备": "reserved",
                                  "征迁中": "clearance", "已出让": "occupied"}},
        },
        "layers": {
            "platforms": {"role": "platforms", "source": "reference.gpkg", "layer": "platforms",
                          "description": "Illustrative boundaries of the precision investment platforms",
                          "fields": {"name": "名称", "district": "所在区", "industries": "主导产业", "description": "简介"}},
            "talent_sources": {"role": "talent_sources", "source": "reference.gpkg", "layer": "talent_sources",
                               "description": "Universities, labs, institutes and vocational colleges",
                               "fields": {"name": "name", "kind": "kind", "industries": "industries", "tier": "tier"}},
            "metro_stations": {"role": "metro_stations", "source": "reference.gpkg", "layer": "metro_stations",
                               "description": "Hangzhou Metro stations in operation",
                               "fields": {"name": "站名", "lines": "线路"}},
            "rail_hubs": {"role": "rail_hubs", "source": "reference.gpkg", "layer": "rail_hubs",
                          "fields": {"name": "名称", "kind": "类型"}},
            "airports": {"role": "airports", "source": "reference.gpkg", "layer": "airports",
                         "fields": {"name": "name", "cargo": "cargo"}},
            "interchanges": {"role": "interchanges", "source": "reference.gpkg", "layer": "interchanges",
                             "description": "Expressway interchanges at approximate positions",
                             "fields": {"name": "name", "expressway": "expressway"}},
            "firms": {"role": "firms", "source": "reference.gpkg", "layer": "firms",
                      "description": "Chain leaders at approximate real locations and synthetic suppliers",
                      "fields": {"name": "企业名称", "industry": "产业", "chain_position": "链位", "chain_leader": "链主"}},
            "roads": {"role": "roads", "source": "roads.gpkg", "layer": "roads",
                      "description": ("Illustrative road network: expressway corridors at their real "
                                      "places, main arterials and each platform's own streets"),
                      "fields": {"class": "道路等级", "oneway": "单行"},
                      "values": {"class": {v: k for k, v in ROAD_CLASS_ZH.items()}},
                      "network": {"snap_tolerance_m": 1, "access_speed_kmh": 15, "max_access_m": 2000}},
            "workforce": {"role": "workforce", "source": "reference.gpkg", "layer": "workforce",
                          "description": ("Employment centres with illustrative estimates of their jobs "
                                          "(not official statistics)"),
                          "fields": {"name": "名称", "workers": "从业人数"}},
        },
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scale", type=float, default=1.0, help="multiply the number of parcels (default 1)")
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)), help="output folder")
    ap.add_argument("--keep-temp", action="store_true", help="keep the GeoJSON intermediates")
    args = ap.parse_args()
    if args.scale <= 0:
        ap.error("--scale must be positive")
    if shutil.which("ogr2ogr") is None:
        sys.exit("ogr2ogr not found (install GDAL)")
    os.makedirs(args.out, exist_ok=True)

    parcels, platform_rings_m, grids = gen_parcels(args.scale)
    firms = gen_firms(parcels, platform_rings_m)
    # the road network is drawn for the default parcels: at another scale the
    # grids are the same, the streets kept are those of the default parcels
    base = parcels if args.scale == 1 else gen_parcels(1)[0]
    roads, interchanges = build_roads(platform_rings_m, grids, base)
    road_facts = check_roads(roads, parcels, {
        "rail_hubs": [(n, (lon, lat)) for n, k, lon, lat, q in RAIL],
        "airports": [(n, (lon, lat)) for n, c, lon, lat, q in AIRPORTS],
        "interchanges": [(n, (lon, lat)) for n, e, lon, lat, _ in interchanges],
        "talent_sources": [(t[0], (t[4], t[5])) for t in TALENT],
        "workforce": [(w[0], (w[4], w[5])) for w in WORKFORCE]})

    tmp = tempfile.mkdtemp(prefix="siterank-hz-")
    env = dict(os.environ, OGR_CURRENT_DATE=PINNED_DATE)
    try:
        # parcels in EPSG:4549 metres (the GeoJSON is an intermediate only)
        pf_feats = [{"type": "Feature", "properties": p["props"],
                     "geometry": {"type": "Polygon", "coordinates": [[list(c) for c in p["ring"] + [p["ring"][0]]]]}}
                    for p in parcels]
        write_json(os.path.join(tmp, "parcels.geojson"), fc("parcels", pf_feats))

        plat_feats = []
        for pf in PLATFORMS:
            ring = [[lon, lat] for lon, lat in pf["ring"]]
            if ring_area(pf["ring"]) < 0:
                ring.reverse()
            ring.append(ring[0])
            area_km2 = abs(ring_area(platform_rings_m[pf["name"]])) / 1e6
            plat_feats.append({"type": "Feature", "properties": {
                "名称": pf["name"], "代码": pf["code"], "所在区": pf["district"],
                "主导产业": ";".join(pf["industries"]), "简介": pf["desc"],
                "示意面积_km2": round(area_km2, 2), "边界说明": "示意边界，非官方规划范围"},
                "geometry": {"type": "Polygon", "coordinates": [ring]}})
        layers = [
            ("platforms", plat_feats, "POLYGON"),
            ("talent_sources", [point_feature({"name": n, "kind": k, "industries": i, "tier": t, "location_quality": q},
                                              (lon, lat)) for n, k, i, t, lon, lat, q in TALENT], "POINT"),
            ("metro_stations", [point_feature({"站名": n, "线路": l}, (lon, lat)) for n, l, lon, lat in METRO], "POINT"),
            ("rail_hubs", [point_feature({"名称": n, "类型": k, "位置精度": q}, (lon, lat)) for n, k, lon, lat, q in RAIL],
             "POINT"),
            ("airports", [point_feature({"name": n, "cargo": c, "location_quality": q}, (lon, lat))
                          for n, c, lon, lat, q in AIRPORTS], "POINT"),
            ("interchanges", [point_feature({"name": n, "expressway": e, "location_quality": "approx"}, (lon, lat))
                              for n, e, lon, lat, _ in interchanges], "POINT"),
            ("firms", [point_feature(p, ll) for p, ll in firms], "POINT"),
            ("workforce", [point_feature({"名称": n, "从业人数": w, "类型": k, "所在区": d, "位置精度": q,
                                          "说明": b}, (lon, lat))
                           for n, w, k, d, lon, lat, q, b in WORKFORCE], "POINT"),
        ]
        for name, feats, _ in layers:
            write_json(os.path.join(tmp, name + ".geojson"), fc(name, feats))

        # roads in EPSG:4549 metres, like the parcels their grid was cut from
        road_feats = [{"type": "Feature",
                       "properties": {"名称": w.name, "编号": w.ref, "道路等级": ROAD_CLASS_ZH[w.cls], "单行": w.oneway},
                       "geometry": {"type": "LineString", "coordinates": [list(p) for p in w.pts]}} for w in roads]
        write_json(os.path.join(tmp, "roads.geojson"), fc("roads", road_feats))

        parcels_gpkg = os.path.join(args.out, "parcels.gpkg")
        ref_gpkg = os.path.join(args.out, "reference.gpkg")
        roads_gpkg = os.path.join(args.out, "roads.gpkg")
        for path in (parcels_gpkg, ref_gpkg, roads_gpkg):
            if os.path.exists(path):
                os.remove(path)
        ogr(["-f", "GPKG", parcels_gpkg, os.path.join(tmp, "parcels.geojson"), "-nln", "parcels",
             "-a_srs", "EPSG:4549", "-nlt", "POLYGON", "-lco", "FID=fid"], env)
        first = True
        for name, _, gtype in layers:
            ogr((["-f", "GPKG"] if first else ["-update"]) +
                [ref_gpkg, os.path.join(tmp, name + ".geojson"), "-nln", name, "-a_srs", "EPSG:4326",
                 "-nlt", gtype, "-lco", "FID=fid"], env)
            first = False
        ogr(["-f", "GPKG", roads_gpkg, os.path.join(tmp, "roads.geojson"), "-nln", "roads",
             "-a_srs", "EPSG:4549", "-nlt", "LINESTRING", "-lco", "FID=fid"], env)
        vacuum(parcels_gpkg)
        vacuum(ref_gpkg)
        vacuum(roads_gpkg)
        with open(os.path.join(args.out, "dataset.json"), "w", encoding="utf-8") as fh:
            json.dump(manifest(args.scale), fh, ensure_ascii=False, indent=2)
            fh.write("\n")
    finally:
        if args.keep_temp:
            print("intermediates kept in", tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    counts = {}
    for p in parcels:
        counts[p["props"]["所属平台"]] = counts.get(p["props"]["所属平台"], 0) + 1
    print("parcels: %d in %d platforms; firms: %d; metro stations: %d; workforce centres: %d (%d workers)" % (
        len(parcels), len(counts), len(firms), len(METRO), len(WORKFORCE), sum(w[1] for w in WORKFORCE)))
    segs, km = {}, {}
    for w in roads:
        segs[w.cls] = segs.get(w.cls, 0) + len(w.pts) - 1
        km[w.cls] = km.get(w.cls, 0.0) + sum(math.dist(w.pts[i], w.pts[i + 1]) for i in range(len(w.pts) - 1)) / 1000
    print("roads: %d lines, %d segments, %.0f km (%s); one strongly connected network" % (
        len(roads), sum(segs.values()), sum(km.values()),
        ", ".join("%s %d / %.0f km" % (c, segs[c], km[c]) for c in ROAD_CLASS_ZH if c in segs)))
    print("access (m, farthest): " + ", ".join("%s %.0f" % (k[:-13], v) for k, v in sorted(road_facts.items())))
    print("interchanges moved onto the network (m): " + ", ".join("%s %.0f" % (n, d) for n, _, _, _, d in interchanges))


if __name__ == "__main__":
    main()
