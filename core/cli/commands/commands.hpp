// The CLI's commands, one file each: synopsis, help, options and what runs.
#pragma once

#include "common.hpp"

namespace siterank::cli {

Command rank_command();
Command report_command();
Command explain_command();
Command plugins_command();
Command platforms_command();
Command validate_command();
Command weights_command();
Command mcda_command();
Command sensitivity_command();
Command isochrones_command();

}  // namespace siterank::cli
