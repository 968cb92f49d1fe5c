# siterank_add_plugin(<name> SOURCES <files...> [OUTPUT_DIRECTORY <dir>] [INSTALL_DESTINATION <dir>] [NO_INSTALL])
#
# Builds a siterank criterion plugin: a shared module named siterank_<name>.so
# with hidden visibility (only the SITERANK_PLUGIN entry points are exported),
# compiled against the SDK headers. Used in tree for the built-in plugins and,
# through find_package(siterank), by out-of-tree plugins.
function(siterank_add_plugin name)
  cmake_parse_arguments(ARG "NO_INSTALL" "OUTPUT_DIRECTORY;INSTALL_DESTINATION" "SOURCES" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "siterank_add_plugin(${name}): SOURCES is required")
  endif()
  if(NOT name MATCHES "^[a-z][a-z0-9_]*$")
    message(FATAL_ERROR "siterank_add_plugin(${name}): name must be lower_snake_case")
  endif()
  set(target siterank_${name})
  add_library(${target} MODULE ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE siterank::sdk)
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    OUTPUT_NAME "siterank_${name}"
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    CXX_STANDARD 20
    CXX_STANDARD_REQUIRED ON)
  if(ARG_OUTPUT_DIRECTORY)
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${ARG_OUTPUT_DIRECTORY}")
  elseif(DEFINED SITERANK_PLUGIN_OUTPUT_DIR)
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${SITERANK_PLUGIN_OUTPUT_DIR}")
  endif()
  if(NOT ARG_NO_INSTALL)
    if(ARG_INSTALL_DESTINATION)
      set(dest "${ARG_INSTALL_DESTINATION}")
    elseif(DEFINED SITERANK_PLUGIN_SUBDIR)
      set(dest "${SITERANK_PLUGIN_SUBDIR}")
    else()
      set(dest "lib/siterank/plugins")
    endif()
    install(TARGETS ${target} LIBRARY DESTINATION "${dest}")
  endif()
endfunction()
