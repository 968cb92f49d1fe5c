// Files compiled into the host: the JSON schemas and the industry taxonomy,
// so the CLI validates without finding configs/ at run time.
#pragma once

#include <string_view>

namespace siterank::resources {
std::string_view profile_schema();
std::string_view dataset_schema();
std::string_view industry_taxonomy();
}  // namespace siterank::resources
