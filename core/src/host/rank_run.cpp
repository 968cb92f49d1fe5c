#include "host/rank_run.hpp"

#include "analysis/parcel_sensitivity.hpp"
#include "result/make_result.hpp"

namespace siterank {

std::shared_ptr<const RankedResult> rank_plan(Plan plan, const RunRequest& request) {
  // The run (and with it the plugin libraries) ends before the result is
  // handed out: nothing in a RankedResult points into a plugin.
  RankedResult result = [&] {
    const std::unique_ptr<Run> run = execute(std::move(plan), request);
    return make_result(*run);
  }();
  if (request.top_k_shares)
    result.p_topk = TopKShares{request.top_k_shares->top_k, p_top_k(result, *request.top_k_shares)};
  return std::make_shared<const RankedResult>(std::move(result));
}

}  // namespace siterank
