// Field values read from a layer (an in-memory one here): fields found by
// name or named with the fields that exist, text recoded to UTF-8, numbers
// read from numeric fields or parsed from text, and manifest value maps.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <memory>
#include <siterank/host/errors.hpp>
#include <string>

#include "config/manifest.hpp"
#include "data/layer_fields.hpp"
#include "data/ogr_layer.hpp"
#include "error_of.hpp"

using namespace siterank;
using namespace siterank::data_detail;
using siterank::testing::error_of;

namespace {

// A layer "t" with an integer, a real and a text field, in GDAL's memory driver.
OpenedLayer memory_layer() {
  GDALAllRegister();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("Memory");
  REQUIRE(driver != nullptr);
  OpenedLayer l;
  l.ds.reset(driver->Create("", 0, 0, 0, GDT_Unknown, nullptr));
  REQUIRE(l.ds);
  l.layer = l.ds->CreateLayer("t", nullptr, wkbPolygon, nullptr);
  REQUIRE(l.layer != nullptr);
  OGRFieldDefn count("count", OFTInteger), price("price", OFTReal), text("text", OFTString);
  REQUIRE(l.layer->CreateField(&count) == OGRERR_NONE);
  REQUIRE(l.layer->CreateField(&price) == OGRERR_NONE);
  REQUIRE(l.layer->CreateField(&text) == OGRERR_NONE);
  l.label = "t.gpkg (layer t)";
  l.identity = true;
  return l;
}

std::unique_ptr<OGRFeature> new_feature(const OpenedLayer& l) {
  return std::make_unique<OGRFeature>(l.layer->GetLayerDefn());
}

}  // namespace

TEST_CASE("a mapped field is found by name, a missing one named with the fields there are") {
  const OpenedLayer l = memory_layer();
  DatasetManifest m;
  m.path = "/data/x/dataset.json";
  CHECK(source_field(l, "count", "$.parcels.fields.power_kva", m) == 0);
  CHECK(source_field(l, "text", "$.parcels.fields.name", m) == 2);
  CHECK(error_of<InputError>([&] { source_field(l, "naam", "$.parcels.fields.name", m); }) ==
        "/data/x/dataset.json: $.parcels.fields.name: no field 'naam' in t.gpkg (layer t) "
        "(fields: count, price, text)");
}

TEST_CASE("integer and real fields are numeric, text fields are not") {
  const OpenedLayer l = memory_layer();
  CHECK(is_numeric(l, 0));
  CHECK(is_numeric(l, 1));
  CHECK(!is_numeric(l, 2));
}

TEST_CASE("text values: unset and null are empty, recoded when the layer says") {
  OpenedLayer l = memory_layer();
  auto f = new_feature(l);
  CHECK(text_value(l, *f, 2).empty());  // never set
  f->SetFieldNull(2);
  CHECK(text_value(l, *f, 2).empty());
  f->SetField(2, "A-12");
  CHECK(text_value(l, *f, 2) == "A-12");
  f->SetField(0, 42);
  CHECK(text_value(l, *f, 0) == "42");

  // "é" in Latin-1 is the byte E9; in UTF-8 it is C3 A9.
  l.recode_from = "ISO-8859-1";
  f->SetField(2, "caf\xE9");
  CHECK(text_value(l, *f, 2) == "caf\xC3\xA9");
}

TEST_CASE("numbers from numeric fields, or parsed from text with blanks trimmed") {
  const OpenedLayer l = memory_layer();
  auto f = new_feature(l);
  const auto what = [] { return std::string("t.gpkg (layer t): parcel 'P-1': field 'text'"); };
  CHECK(std::isnan(number_value(l, *f, 1, true, what)));  // never set
  f->SetField(1, 3.25);
  CHECK(number_value(l, *f, 1, true, what) == 3.25);
  f->SetField(0, 7);
  CHECK(number_value(l, *f, 0, true, what) == 7);

  f->SetField(2, " \t12.5\t ");
  CHECK(number_value(l, *f, 2, false, what) == 12.5);
  f->SetField(2, "-0.75");
  CHECK(number_value(l, *f, 2, false, what) == -0.75);
  f->SetField(2, " \t ");
  CHECK(std::isnan(number_value(l, *f, 2, false, what)));
  f->SetFieldNull(2);
  CHECK(std::isnan(number_value(l, *f, 2, false, what)));

  f->SetField(2, " 12 万 ");
  CHECK(error_of<InputError>([&] { number_value(l, *f, 2, false, what); }) ==
        "t.gpkg (layer t): parcel 'P-1': field 'text': '12 万' is not a number");
  f->SetField(2, "1,5");
  CHECK(error_of<InputError>([&] { number_value(l, *f, 2, false, what); }) ==
        "t.gpkg (layer t): parcel 'P-1': field 'text': '1,5' is not a number");
}

TEST_CASE("values are mapped as the manifest says, others kept") {
  LayerSource s;
  s.values["status"] = {{"净地", "ready"}, {"征迁中", "clearance"}};
  CHECK(map_value(s, "status", "净地") == "ready");
  CHECK(map_value(s, "status", "征迁中") == "clearance");
  CHECK(map_value(s, "status", "reserved") == "reserved");  // not in the map
  CHECK(map_value(s, "platform", "净地") == "净地");        // no map for the field
}
