// One parcel's full explanation: each criterion's score, weight and
// contribution and the factors behind it, or why it was vetoed; the gaps to
// the parcels ranked just above and below. Shared by `rank -f json` and
// `explain`.
#pragma once

#include <nlohmann/json.hpp>

#include "scoring/pipeline.hpp"

namespace siterank {

// Rounds for output so that JSON is stable and readable (6 significant
// decimals are far below any meaningful score difference). NaN -> null.
nlohmann::ordered_json rounded(double v, int decimals = 6);

nlohmann::ordered_json parcel_explanation(const Run& run, std::size_t parcel);

// Each criterion's part of the parcel's total (criterion order) when the
// aggregation is additive (weighted sum, OWA); empty otherwise or when vetoed.
std::vector<double> parcel_contributions(const Run& run, std::size_t parcel);

// The parcel's neighbours in the ranking and the score gaps to them.
nlohmann::ordered_json ranking_neighbours(const Run& run, std::size_t parcel);

// Human-readable form of parcel_explanation + ranking_neighbours.
std::string explanation_text(const Run& run, std::size_t parcel);

}  // namespace siterank
