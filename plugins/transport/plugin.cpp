#include <siterank/plugin.hpp>

#include "transport_criterion.hpp"

SITERANK_PLUGIN(siterank::plugins::TransportCriterion)
