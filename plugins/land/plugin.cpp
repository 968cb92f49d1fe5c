#include <siterank/plugin.hpp>

#include "land_criterion.hpp"

SITERANK_PLUGIN(siterank::plugins::LandCriterion)
