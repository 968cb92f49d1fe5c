// A whole ranking run as library users call it: plan (everything checked
// before data is read), load, score, rank, and the result value with the
// analyses the request asks for.
#pragma once

#include <memory>
#include <siterank/host/ranked_result.hpp>

#include "scoring/pipeline.hpp"

namespace siterank {

// Throws InputError / PluginError with one-line messages (scoring/pipeline.hpp).
std::shared_ptr<const RankedResult> rank_plan(Plan plan, const RunRequest& request);

}  // namespace siterank
