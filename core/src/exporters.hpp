// Writers of ranked results: table (terminal), CSV, JSON (full
// explanations) and GeoJSON (RFC 7946). Each writes to a stream; the CLI
// decides between stdout and an atomically written file.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "pipeline.hpp"

namespace siterank {

struct Selection {
  std::size_t top = 0;          // 0 = every ranked parcel
  bool include_vetoed = false;  // vetoed parcels after the ranked ones
};

// Ranked parcels to output (best first), then vetoed ones if asked.
std::vector<std::size_t> selected_parcels(const Run& run, const Selection& sel);

// "industry_fit 93.3×0.30=28.0; land ..." for ranked parcels, veto reasons
// ("land: land use B29 not allowed ...") for vetoed ones.
std::string parcel_reasons(const Run& run, std::size_t parcel);

void write_table(const Run& run, const Selection& sel, std::ostream& out);
void write_csv(const Run& run, const Selection& sel, std::ostream& out);
void write_json(const Run& run, const Selection& sel, std::ostream& out);
void write_geojson(const Run& run, const Selection& sel, std::ostream& out);

}  // namespace siterank
