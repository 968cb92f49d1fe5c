#include <siterank/plugin.hpp>

#include "talent_criterion.hpp"

SITERANK_PLUGIN(siterank::plugins::TalentCriterion)
