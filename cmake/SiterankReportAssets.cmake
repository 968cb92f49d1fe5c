# Embeds the HTML report's page and Leaflet into a generated C++ file (see
# core/src/export/report_assets.hpp). Leaflet is not in git: npm installs it into
# web/node_modules from web/package-lock.json (scripts/install-deps.sh).
# Without it configure fails, since the report command needs it.

function(siterank_report_assets output)
  set(web "${PROJECT_SOURCE_DIR}/web")
  set(leaflet "${web}/node_modules/leaflet")
  set(inputs
    "${web}/report/template.html" "${web}/report/report.css" "${web}/report/report.js"
    "${leaflet}/package.json" "${leaflet}/dist/leaflet.css" "${leaflet}/dist/leaflet.js")
  foreach(f IN LISTS inputs)
    if(NOT EXISTS "${f}")
      message(FATAL_ERROR "siterank: ${f} is missing. The HTML report embeds Leaflet from npm: "
        "run scripts/install-deps.sh (it runs `npm ci --prefix web`), then configure again.")
    endif()
  endforeach()
  file(READ "${leaflet}/package.json" package)
  string(JSON version GET "${package}" version)
  if(NOT version STREQUAL "1.9.4")
    message(FATAL_ERROR "siterank: ${leaflet} is Leaflet ${version}, web/package-lock.json pins "
      "1.9.4: run scripts/install-deps.sh (npm ci --prefix web).")
  endif()
  set(SITERANK_LEAFLET_VERSION "${version}")

  file(READ "${web}/report/template.html" SITERANK_REPORT_TEMPLATE)
  file(READ "${web}/report/report.css" SITERANK_REPORT_CSS)
  file(READ "${web}/report/report.js" SITERANK_REPORT_JS)
  file(READ "${leaflet}/dist/leaflet.css" SITERANK_LEAFLET_CSS)
  file(READ "${leaflet}/dist/leaflet.js" SITERANK_LEAFLET_JS)
  # The report opens from anywhere with nothing beside it: drop the source
  # map reference and the CSS images of the default marker and the layers
  # control, which the report does not use, so the page never asks for a
  # file that is not there.
  string(REGEX REPLACE "//# sourceMappingURL=[^\n]*" "" SITERANK_LEAFLET_JS "${SITERANK_LEAFLET_JS}")
  string(REGEX REPLACE "url\\(images/[^)]*\\)" "none" SITERANK_LEAFLET_CSS "${SITERANK_LEAFLET_CSS}")

  foreach(var SITERANK_REPORT_TEMPLATE SITERANK_REPORT_CSS SITERANK_REPORT_JS SITERANK_LEAFLET_CSS
      SITERANK_LEAFLET_JS)
    # Each goes into a C++ raw string R"SRWEB(...)SRWEB" and the scripts
    # inline into the page: neither may contain what would end them.
    foreach(bad ")SRWEB\"" "</script" "<!--")
      string(FIND "${${var}}" "${bad}" at)
      if(NOT at EQUAL -1 AND NOT (var STREQUAL "SITERANK_REPORT_TEMPLATE" AND NOT bad MATCHES "SRWEB"))
        message(FATAL_ERROR "siterank: ${var} contains '${bad}', which cannot be embedded")
      endif()
    endforeach()
  endforeach()
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${inputs})
  configure_file("${PROJECT_SOURCE_DIR}/core/src/export/report_assets.cpp.in" "${output}" @ONLY)
endfunction()
