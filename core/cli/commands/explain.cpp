// siterank explain: one parcel's whole breakdown and its neighbours in the ranking.
#include <siterank/host/errors.hpp>
#include <siterank/host/explain.hpp>

#include "commands/commands.hpp"
#include "common.hpp"

namespace siterank::cli {

namespace {

int cmd_explain(const Args& a) {
  RunRequest req = request_from(a);
  const std::string id = a.required("--parcel");
  const std::string format = a.get("--format", "text");
  if (format != "text" && format != "json")
    throw UsageError("siterank explain: unknown format '" + format + "' (text, json)");
  const auto result = [&] {
    RankingRun run = planned(req);
    auto r = run.run();
    print_warnings(r->dataset.report.warnings);
    return r;
  }();
  const std::size_t p = require_parcel(*result, id);
  write_output(a, [&](std::ostream& out) {
    out << (format == "json" ? explanation_json(*result, p) : explanation_text(*result, p));
  });
  return 0;
}

}  // namespace

Command explain_command() {
  return {"siterank explain --profile FILE --parcel ID [--dataset DIR] [-f text|json]",
          "One parcel's whole breakdown: why it was vetoed, or each criterion's score, weight, "
          "contribution and factors,\n"
          "and the score gap to the parcels ranked just above and below.",
          {help_opt,
           profile_opt,
           {"--parcel", "", true, false, "ID", "parcel id"},
           dataset_opt,
           {"--format", "-f", true, false, "FORMAT", "text (default) or json"},
           {"--output", "-o", true, false, "FILE", "write to FILE instead of stdout"},
           plugins_dir_opt,
           allow_insecure_plugins_opt,
           threads_opt,
           no_cache_opt,
           strict_opt},
          cmd_explain};
}

}  // namespace siterank::cli
