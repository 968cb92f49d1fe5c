// How the export tests call a stream writer (export/exporters.hpp) on a
// hand-made result (ranked_result_fixture.hpp): into a string.
#pragma once

#include <siterank/host/ranked_result.hpp>
#include <sstream>
#include <string>

#include "export/exporters.hpp"

namespace siterank::testing {

using StreamWriter = void (*)(const RankedResult&, const Selection&, std::ostream&);

inline std::string written_text(StreamWriter write, const RankedResult& r,
                                const Selection& sel = {}) {
  std::ostringstream out;
  write(r, sel, out);
  return out.str();
}

// --include-vetoed.
inline Selection with_vetoed() {
  Selection sel;
  sel.include_vetoed = true;
  return sel;
}

}  // namespace siterank::testing
