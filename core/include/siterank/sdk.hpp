// The whole siterank plugin SDK. Standard library only.
#pragma once

#include <siterank/columns.hpp>
#include <siterank/criterion.hpp>
#include <siterank/geometry.hpp>
#include <siterank/number_text.hpp>
#include <siterank/options.hpp>
#include <siterank/parcels.hpp>
#include <siterank/plugin.hpp>
#include <siterank/profile.hpp>
#include <siterank/proximity.hpp>
#include <siterank/reference.hpp>
#include <siterank/result.hpp>
#include <siterank/value_function.hpp>
#include <siterank/version.hpp>
