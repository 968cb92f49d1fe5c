// RankingRun: the stages of scoring/pipeline.hpp behind the public host API.
#include <mutex>
#include <siterank/host/errors.hpp>
#include <siterank/host/run.hpp>
#include <stdexcept>

#include "analysis/parcel_sensitivity.hpp"
#include "result/make_result.hpp"
#include "scoring/pipeline.hpp"

namespace siterank {

struct RankingRun::State {
  RunRequest request;
  std::optional<Plan> plan;  // empty once used
  std::vector<std::string> warnings;

  Plan take_plan() {
    if (!plan) throw std::logic_error("siterank: a RankingRun runs once");
    Plan p = std::move(*plan);
    plan.reset();
    return p;
  }
};

RankingRun::RankingRun(const RunRequest& request) : state_(std::make_unique<State>()) {
  state_->request = request;
  state_->plan = plan_run(request);
  const Plan& p = *state_->plan;
  state_->warnings = p.profile.warnings;
  state_->warnings.insert(state_->warnings.end(), p.unused_fields.begin(), p.unused_fields.end());
  // A plugin the user put in the search path and that is not used says why,
  // rather than vanishing (`siterank plugins` lists the same).
  for (const auto& r : p.registry.refused)
    state_->warnings.push_back("plugin " + r.file + " refused: " + r.reason);
  for (const auto& d : p.registry.unusable_dirs)
    state_->warnings.push_back("plugin directory " + d);
}

RankingRun::RankingRun(RankingRun&&) noexcept = default;
RankingRun& RankingRun::operator=(RankingRun&&) noexcept = default;
RankingRun::~RankingRun() = default;

const std::vector<std::string>& RankingRun::warnings() const { return state_->warnings; }

RunOverview RankingRun::overview() const {
  if (!state_->plan) throw std::logic_error("siterank: the RankingRun was used already");
  const Plan& p = *state_->plan;
  RunOverview o{p.profile.path,  p.profile.profile.name,   p.profile.profile.industry,
                p.manifest.path, p.manifest.layers.size(), {}};
  for (const auto& c : p.criteria) o.criteria.push_back({c.name, c.weight, c.plugin->file});
  return o;
}

std::shared_ptr<const RankedResult> RankingRun::run(const ProgressCallback& progress) {
  // The run (and with it the plugin libraries) ends before the result is
  // handed out: nothing in a RankedResult points into a plugin.
  RankedResult result = [&] {
    const std::unique_ptr<Run> run = execute(state_->take_plan(), state_->request, progress);
    return make_result(*run);
  }();
  if (const auto& mc = state_->request.top_k_shares)
    result.p_topk = TopKShares{mc->top_k, p_top_k(result, *mc)};
  return std::make_shared<const RankedResult>(std::move(result));
}

std::vector<std::string> RankingRun::check_configuration() {
  const std::unique_ptr<Run> run = prepare(state_->take_plan(), false);
  const std::lock_guard<std::mutex> lock(run->warnings_mutex);
  return run->warnings;
}

}  // namespace siterank
