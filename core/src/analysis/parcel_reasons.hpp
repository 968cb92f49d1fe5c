// What makes up a parcel's total, criterion by criterion, and the one-line
// summary of it every output carries ("reasons").
#pragma once

#include <siterank/host/ranked_result.hpp>
#include <string>
#include <vector>

namespace siterank {

// Each criterion's part of the parcel's total (criterion order) when the
// aggregation is additive (weighted sum, OWA); empty otherwise or when vetoed.
std::vector<double> parcel_contributions(const RankedResult& result, std::size_t parcel);

// "industry_fit 93.3×0.3=27.99; land ..." (score to 1 decimal, weight to 3,
// part to 2, trailing zeros dropped) for ranked parcels, largest part first;
// veto reasons ("land: land use B29 not allowed ...") for vetoed ones.
std::string parcel_reasons(const RankedResult& result, std::size_t parcel);

}  // namespace siterank
