// The end of a run: its scores, the records of what was asked and what it
// ran on, and the loaded data, moved into the one immutable RankedResult
// that writers and analyses read.
#pragma once

#include <siterank/host/ranked_result.hpp>

#include "scoring/pipeline.hpp"

namespace siterank {

// Takes the parcels, reference layers and scores out of `run` (which keeps
// its plugins loaded until it is destroyed).
RankedResult make_result(Run& run);

}  // namespace siterank
