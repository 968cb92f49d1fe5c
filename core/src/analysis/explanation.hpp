// One parcel's full explanation: each criterion's score, weight and
// contribution and the factors behind it, or why it was vetoed; the gaps to
// the parcels ranked just above and below. Shared by `rank -f json` and
// `explain`; the text and whole-document forms, and finding a parcel by
// id, are public (siterank/host/explain.hpp, implemented in explanation.cpp).
#pragma once

#include <nlohmann/json.hpp>
#include <siterank/host/explain.hpp>
#include <siterank/host/ranked_result.hpp>

namespace siterank {

nlohmann::ordered_json parcel_explanation(const RankedResult& result, std::size_t parcel);

// The parcel's neighbours in the ranking and the score gaps to them.
nlohmann::ordered_json ranking_neighbours(const RankedResult& result, std::size_t parcel);

}  // namespace siterank
