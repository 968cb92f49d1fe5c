#include <siterank/plugin.hpp>

#include "industry_fit_criterion.hpp"

SITERANK_PLUGIN(siterank::plugins::IndustryFitCriterion)
