// The HTML report's page and the map library it embeds, compiled into the
// host by CMake (core/CMakeLists.txt) from web/report/ and from Leaflet as
// npm installed it in web/node_modules, so the report needs neither the
// source tree nor the network at run time.
#pragma once

#include <string_view>

namespace siterank::report_assets {
std::string_view page_template();  // web/report/template.html
std::string_view report_css();     // web/report/report.css
std::string_view report_js();      // web/report/report.js
std::string_view leaflet_css();    // leaflet/dist/leaflet.css
std::string_view leaflet_js();     // leaflet/dist/leaflet.js
std::string_view leaflet_version();
}  // namespace siterank::report_assets
