// siterank explain: one parcel's whole breakdown and its neighbours in the ranking.
#include <siterank/host/errors.hpp>

#include "analysis/explanation.hpp"
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
  const auto result = planned(req).run();
  const auto& ids = result->parcel_table().id;
  std::size_t p = ids.size();
  for (std::size_t i = 0; i < ids.size(); ++i)
    if (ids.at(i) == id) p = i;
  if (p == ids.size()) {
    if (const SkippedParcel* s = result->dataset.report.skipped_parcel(id))
      throw InputError("parcel '" + id + "' was skipped while loading: " + s->message);
    throw InputError("no parcel '" + id + "' in " + result->dataset.manifest_path);
  }
  write_output(a, [&](std::ostream& out) {
    if (format == "json") {
      nlohmann::ordered_json j = parcel_explanation(*result, p);
      j["neighbours"] = ranking_neighbours(*result, p);
      out << j.dump(1) << "\n";
    } else {
      out << explanation_text(*result, p);
    }
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
           threads_opt,
           strict_opt},
          cmd_explain};
}

}  // namespace siterank::cli
