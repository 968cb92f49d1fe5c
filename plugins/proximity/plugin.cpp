#include <siterank/plugin.hpp>

#include "proximity_criterion.hpp"

SITERANK_PLUGIN(siterank::plugins::ProximityCriterion)
