// One parcel of a RankedResult explained, as `siterank explain` prints it:
// its attributes, its rank and score or why it was vetoed, each
// criterion's score, weight, contribution and factors, the reasons, and
// its neighbours in the ranking (the score gaps and the single-weight
// change that reverses each pair). Standard library only.
#pragma once

#include <cstddef>
#include <optional>
#include <siterank/host/ranked_result.hpp>
#include <string>
#include <string_view>

namespace siterank {

// The index in result.parcel_table() of the parcel with this id, or none.
std::optional<std::size_t> find_parcel(const RankedResult& result, std::string_view id);
// The same, or InputError: "parcel 'X' was skipped while loading: WHY" when
// the loader left it out, else "no parcel 'X' in DATASET.JSON".
std::size_t require_parcel(const RankedResult& result, const std::string& id);

// As `siterank explain -f json` prints it: one object (the explanation,
// then "neighbours"), indented by one space, ending in a newline.
std::string explanation_json(const RankedResult& result, std::size_t parcel);
// As `siterank explain` prints it.
std::string explanation_text(const RankedResult& result, std::size_t parcel);

}  // namespace siterank
