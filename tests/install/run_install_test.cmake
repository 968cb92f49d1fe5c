# Driver of the install.out_of_tree_plugin test (cmake -P; see CMakeLists.txt
# for the variables it is given). Steps:
#   1. cmake --install the build into STAGING_DIR, with the docs and the
#      examples under DOCDIR;
#   2. configure and build the installed copy of examples/out_of_tree_plugin
#      against STAGING_DIR with find_package(siterank) and every lookup of
#      GDAL, nlohmann_json, PROJ and Boost disabled (a plugin needs only the
#      SDK), and run its unit tests when built;
#   3. the staged CLI lists the staged built-in plugins with no option;
#   4. ... and flood_risk with --plugins-dir;
#   5. ranks tests/data/grid with flood_risk and gets hand-computed scores;
#   6. ... and lists flood_risk found through SITERANK_PLUGIN_PATH;
#   7. the package's components, through consumer/ (CONSUMER_DIR): host
#      gives siterank::host without GDAL, nlohmann_json, PROJ or Boost, and
#      a program using its API (RankingRun, write_result) ranks step 5's
#      run into the same CSV as the CLI; an unknown component is not found.
# Every failure says what was expected and what was found.
cmake_minimum_required(VERSION 3.20)

foreach(var CMAKE_COMMAND CTEST_COMMAND SOURCE_DIR BUILD_DIR STAGING_DIR EXAMPLE_BUILD_DIR CONSUMER_DIR
            CONSUMER_BUILD_DIR GENERATOR CXX_COMPILER BINDIR DOCDIR PLUGIN_SUBDIR PROFILE)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "run_install_test.cmake: -D${var}=... is required")
  endif()
endforeach()

# NOTICE prints the details verbatim (FATAL_ERROR would re-wrap them).
function(fail step expected found)
  message(NOTICE "install test FAILED: ${step}\n  expected: ${expected}\n  found:    ${found}")
  message(FATAL_ERROR "install test failed: ${step}")
endfunction()

# Runs a command; fails the test, with its output, unless it exits 0.
# The output (stdout) lands in ${out_var}.
function(run step out_var)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc STREQUAL "0")
    string(REPLACE ";" " " cmd "${ARGN}")
    fail("${step}" "exit code 0 from: ${cmd}" "exit code ${rc}\n--- stdout:\n${out}\n--- stderr:\n${err}")
  endif()
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()

# Paths the CLI prints are compared with symlinks resolved on both sides.
function(real_path in out_var)
  file(REAL_PATH "${in}" p)
  set(${out_var} "${p}" PARENT_SCOPE)
endfunction()

set(config_args "")
set(ctest_config_args "")
if(CONFIG)
  set(config_args --config "${CONFIG}")
  set(ctest_config_args -C "${CONFIG}")
endif()

# --- 1. install ---------------------------------------------------------
# A fresh staging prefix each time, so a file left by an earlier run cannot
# make a broken install pass.
file(REMOVE_RECURSE "${STAGING_DIR}" "${EXAMPLE_BUILD_DIR}" "${CONSUMER_BUILD_DIR}")
run("cmake --install" install_log "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${STAGING_DIR}"
    ${config_args})
set(cli "${STAGING_DIR}/${BINDIR}/siterank")
set(staged_docs "${STAGING_DIR}/${DOCDIR}")
set(staged_example "${staged_docs}/examples/out_of_tree_plugin")
# Every doc (docs/**.md) and every file of examples/, copied to DOCDIR.
file(GLOB_RECURSE docs RELATIVE "${SOURCE_DIR}/docs" "${SOURCE_DIR}/docs/*.md")
file(GLOB_RECURSE examples RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/examples/*")
list(TRANSFORM docs PREPEND "${staged_docs}/")
list(TRANSFORM examples PREPEND "${staged_docs}/")
foreach(f "${cli}" "${STAGING_DIR}/include/siterank/sdk.hpp" "${staged_docs}/writing-plugins.md"
          "${staged_example}/CMakeLists.txt" ${docs} ${examples})
  if(NOT EXISTS "${f}")
    fail("cmake --install" "${f} in the staging prefix" "no such file; install log:\n${install_log}")
  endif()
endforeach()

# --- 2. build the installed example against the staged package ------------
# How every project here is configured against the staged package.
set(package_user_args --no-warn-unused-cli -G "${GENERATOR}" "-DCMAKE_PREFIX_PATH=${STAGING_DIR}"
    "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}" "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}")
if(MAKE_PROGRAM)
  list(APPEND package_user_args "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
endif()
if(CONFIG)
  list(APPEND package_user_args "-DCMAKE_BUILD_TYPE=${CONFIG}")
endif()
# Makes find_package of the host's dependencies fail (an error when REQUIRED).
set(no_host_dependencies -DCMAKE_DISABLE_FIND_PACKAGE_GDAL=ON -DCMAKE_DISABLE_FIND_PACKAGE_nlohmann_json=ON
    -DCMAKE_DISABLE_FIND_PACKAGE_PROJ=ON -DCMAKE_DISABLE_FIND_PACKAGE_Boost=ON)
run("configuring the installed example with find_package(siterank), without GDAL, nlohmann_json, PROJ, Boost"
    ignored "${CMAKE_COMMAND}" -S "${staged_example}" -B "${EXAMPLE_BUILD_DIR}" ${package_user_args}
    ${no_host_dependencies})

# find_package must have used the staged package, not some other siterank.
file(STRINGS "${EXAMPLE_BUILD_DIR}/CMakeCache.txt" found_dir REGEX "^siterank_DIR:")
string(REGEX REPLACE "^siterank_DIR:[A-Z]*=" "" found_dir "${found_dir}")
real_path("${found_dir}" found_dir)
real_path("${STAGING_DIR}" staging_real)
string(FIND "${found_dir}/" "${staging_real}/" at)
if(NOT at EQUAL 0)
  fail("find_package(siterank)" "siterank_DIR under ${staging_real}" "${found_dir}")
endif()

run("building the example" ignored "${CMAKE_COMMAND}" --build "${EXAMPLE_BUILD_DIR}" ${config_args}
    --parallel 2)
file(GLOB_RECURSE built LIST_DIRECTORIES false "${EXAMPLE_BUILD_DIR}/siterank_flood_risk.so")
list(LENGTH built n_built)
if(NOT n_built EQUAL 1)
  fail("building the example" "one siterank_flood_risk.so under ${EXAMPLE_BUILD_DIR}" "${n_built}: ${built}")
endif()
get_filename_component(example_plugin_dir "${built}" DIRECTORY)
real_path("${built}" flood_risk_file)
# The example's own unit tests, when it built them (BUILD_TESTING, Catch2).
run("the example's unit tests" ignored "${CTEST_COMMAND}" --test-dir "${EXAMPLE_BUILD_DIR}"
    --output-on-failure ${ctest_config_args})

# --- helpers over `siterank plugins --json` --------------------------------
# Sets, in the caller: <prefix>_names, <prefix>_files (resolved), <prefix>_refused
# (one "file: reason" per refusal) and <prefix>_searched.
function(read_plugins step json prefix)
  string(JSON n ERROR_VARIABLE err LENGTH "${json}" plugins)
  if(err)
    fail("${step}" "JSON with a \"plugins\" array from siterank plugins --json" "${err}\n${json}")
  endif()
  set(names "")
  set(files "")
  if(n GREATER 0)
    math(EXPR last "${n} - 1")
    foreach(i RANGE ${last})
      string(JSON name GET "${json}" plugins ${i} name)
      string(JSON file GET "${json}" plugins ${i} file)
      string(JSON api GET "${json}" plugins ${i} sdk_api_version)
      string(JSON host_api GET "${json}" sdk_api_version)
      if(NOT api EQUAL host_api)
        fail("${step}" "plugin ${name} with SDK API ${host_api}" "API ${api}")
      endif()
      real_path("${file}" file)
      list(APPEND names "${name}")
      list(APPEND files "${file}")
    endforeach()
  endif()
  set(refused "")
  string(JSON n LENGTH "${json}" refused)
  if(n GREATER 0)
    math(EXPR last "${n} - 1")
    foreach(i RANGE ${last})
      string(JSON file GET "${json}" refused ${i} file)
      string(JSON reason GET "${json}" refused ${i} reason)
      string(APPEND refused "\n    ${file}: ${reason}")
    endforeach()
  endif()
  set(searched "")
  string(JSON n LENGTH "${json}" searched)
  if(n GREATER 0)
    math(EXPR last "${n} - 1")
    foreach(i RANGE ${last})
      string(JSON dir GET "${json}" searched ${i})
      list(APPEND searched "${dir}")
    endforeach()
  endif()
  set(${prefix}_names "${names}" PARENT_SCOPE)
  set(${prefix}_files "${files}" PARENT_SCOPE)
  set(${prefix}_refused "${refused}" PARENT_SCOPE)
  set(${prefix}_searched "${searched}" PARENT_SCOPE)
endfunction()

# The built-in plugins of this build (the build tree mirrors the install
# tree): each must be listed from the staged plugin directory.
real_path("${STAGING_DIR}/${PLUGIN_SUBDIR}" staged_plugin_dir)
file(GLOB builtin_files LIST_DIRECTORIES false "${BUILD_DIR}/${PLUGIN_SUBDIR}/siterank_*.so")
list(TRANSFORM builtin_files REPLACE ".*/" "" OUTPUT_VARIABLE builtin_names)
message(STATUS "built-in plugins this build should have installed: ${builtin_names}")
function(check_builtins step prefix)
  if(NOT "${${prefix}_refused}" STREQUAL "")
    fail("${step}" "no refused plugin" "${${prefix}_refused}")
  endif()
  list(GET ${prefix}_searched 0 first)
  real_path("${first}" first)
  if(NOT first STREQUAL staged_plugin_dir)
    fail("${step}" "the staged built-in plugin directory searched first: ${staged_plugin_dir}"
         "${${prefix}_searched}")
  endif()
  foreach(f IN LISTS builtin_files)
    get_filename_component(base "${f}" NAME)
    if(NOT "${staged_plugin_dir}/${base}" IN_LIST ${prefix}_files)
      fail("${step}" "built-in plugin ${staged_plugin_dir}/${base} listed" "${${prefix}_files}")
    endif()
  endforeach()
endfunction()

function(check_flood_risk step prefix)
  list(FIND ${prefix}_names flood_risk at)
  if(at LESS 0)
    fail("${step}" "flood_risk among the plugins" "${${prefix}_names}; refused:${${prefix}_refused}")
  endif()
  list(GET ${prefix}_files ${at} file)
  if(NOT file STREQUAL flood_risk_file)
    fail("${step}" "flood_risk from ${flood_risk_file}" "${file}")
  endif()
endfunction()

# A user's own plugin path must not leak into the checks.
unset(ENV{SITERANK_PLUGIN_PATH})

# --- 3. built-in plugins, no option ----------------------------------------
run("siterank plugins --json" json "${cli}" plugins --json)
read_plugins("siterank plugins --json" "${json}" bare)
check_builtins("siterank plugins --json (staged built-ins)" bare)
if(flood_risk IN_LIST bare_names)
  fail("siterank plugins --json" "no flood_risk without --plugins-dir" "${bare_files}")
endif()

# --- 4. --plugins-dir -----------------------------------------------------
run("siterank plugins --json --plugins-dir" json "${cli}" plugins --json --plugins-dir "${example_plugin_dir}")
read_plugins("siterank plugins --json --plugins-dir" "${json}" dir)
check_builtins("siterank plugins --json --plugins-dir" dir)
check_flood_risk("siterank plugins --json --plugins-dir" dir)

# --- 5. rank the grid fixture with flood_risk -------------------------------
run("siterank rank -f csv" csv "${cli}" rank --profile "${PROFILE}" --dataset "${SOURCE_DIR}/tests/data/grid"
    --plugins-dir "${example_plugin_dir}" -f csv)

# Splits one CSV record into a list, honouring double quotes. Semicolons
# (CMake's list separator) were swapped for the unit separator beforehand.
function(csv_fields line out_var)
  set(fields "")
  set(field "")
  set(quoted FALSE)
  string(LENGTH "${line}" len)
  set(i 0)
  while(i LESS len)
    string(SUBSTRING "${line}" ${i} 1 c)
    math(EXPR i "${i} + 1")
    if(quoted)
      if(c STREQUAL "\"")
        string(SUBSTRING "${line}" ${i} 1 next)
        if(next STREQUAL "\"")
          string(APPEND field "\"")
          math(EXPR i "${i} + 1")
        else()
          set(quoted FALSE)
        endif()
      else()
        string(APPEND field "${c}")
      endif()
    elseif(c STREQUAL "\"")
      set(quoted TRUE)
    elseif(c STREQUAL ",")
      list(APPEND fields "${field}")
      set(field "")
    else()
      string(APPEND field "${c}")
    endif()
  endwhile()
  list(APPEND fields "${field}")
  set(${out_var} "${fields}" PARENT_SCOPE)
endfunction()

string(ASCII 31 unit_separator)
string(REPLACE ";" "${unit_separator}" csv_safe "${csv}")
string(REPLACE "\r" "" csv_safe "${csv_safe}")
string(REPLACE "\n" ";" lines "${csv_safe}")
list(FILTER lines EXCLUDE REGEX "^$")
list(LENGTH lines n_lines)
if(n_lines LESS 2)
  fail("siterank rank -f csv" "a CSV header and rows" "${csv}")
endif()
list(POP_FRONT lines header)
csv_fields("${header}" columns)
foreach(col rank parcel_id vetoed score_flood_risk)
  list(FIND columns ${col} col_${col})
  if(col_${col} LESS 0)
    fail("siterank rank -f csv" "a '${col}' column in the CSV header" "${header}")
  endif()
endforeach()
foreach(line IN LISTS lines)
  csv_fields("${line}" f)
  list(GET f ${col_parcel_id} id)
  list(GET f ${col_rank} rank_${id})
  list(GET f ${col_vetoed} vetoed_${id})
  list(GET f ${col_score_flood_risk} score_${id})
endforeach()

# Representative points are the rectangles' centroids; stations at
# (520050, 3350050) and (521200, 3350150); default score = linear from 0 at
# 0 m to 100 at 500 m, capped. The CSV rounds to 4 decimals and drops
# trailing zeros.
#   P-001 (520050, 3350050): 0 m to station 1               ->   0
#   P-002 (520300, 3350050): 250 m to station 1             ->  50
#   P-003 (520650, 3350100): sqrt(550² + 50²) = 552.3 m     -> 100
#   P-004 (521200, 3350150): 0 m to station 2               ->   0
#   P-005 (521550, 3350050): sqrt(350² + 100²) = 364.0055 m ->  72.8011
#   P-008 (520050, 3350350): 300 m to station 1             ->  60
set(expected_scores P-003=100 P-005=72.8011 P-008=60 P-002=50 P-001=0 P-004=0)
set(previous_rank 0)
foreach(pair IN LISTS expected_scores)
  string(REPLACE "=" ";" pair "${pair}")
  list(GET pair 0 id)
  list(GET pair 1 want)
  if(NOT DEFINED score_${id})
    fail("siterank rank -f csv" "a row for parcel ${id}" "${csv}")
  endif()
  if(NOT score_${id} STREQUAL want)
    fail("siterank rank -f csv" "score_flood_risk ${want} for ${id}" "'${score_${id}}'\n${csv}")
  endif()
  if(NOT vetoed_${id} STREQUAL "false" OR NOT rank_${id} GREATER previous_rank)
    fail("siterank rank -f csv" "${id} not vetoed, ranked after rank ${previous_rank}"
         "vetoed=${vetoed_${id}}, rank '${rank_${id}}'\n${csv}")
  endif()
  set(previous_rank ${rank_${id}})
endforeach()
if(NOT rank_P-003 STREQUAL "1")
  fail("siterank rank -f csv" "P-003 ranked 1 (P-006 ties at 100, P-003 wins by id)" "rank ${rank_P-003}")
endif()

# --- 6. SITERANK_PLUGIN_PATH ----------------------------------------------
set(ENV{SITERANK_PLUGIN_PATH} "${example_plugin_dir}")
run("SITERANK_PLUGIN_PATH=... siterank plugins --json" json "${cli}" plugins --json)
unset(ENV{SITERANK_PLUGIN_PATH})
read_plugins("SITERANK_PLUGIN_PATH=... siterank plugins --json" "${json}" env)
check_builtins("SITERANK_PLUGIN_PATH=... siterank plugins --json" env)
check_flood_risk("SITERANK_PLUGIN_PATH=... siterank plugins --json" env)

# --- 7. the package's components --------------------------------------------
# Configures and builds consumer/ with find_package(siterank <find_args>)
# and the extra arguments; fails unless its found.txt matches <expected>
# (a regular expression).
function(check_package step find_args expected)
  string(MAKE_C_IDENTIFIER "${find_args}" dir)
  set(dir "${CONSUMER_BUILD_DIR}/${dir}")
  run("${step}: configuring" ignored "${CMAKE_COMMAND}" -S "${CONSUMER_DIR}" -B "${dir}" ${package_user_args}
      "-DSITERANK_FIND_ARGS=${find_args}" ${ARGN})
  run("${step}: building" ignored "${CMAKE_COMMAND}" --build "${dir}" ${config_args})
  file(READ "${dir}/found.txt" found)
  if(NOT found MATCHES "${expected}")
    fail("${step}" "${expected}" "${found}")
  endif()
  file(GLOB_RECURSE programs LIST_DIRECTORIES false "${dir}/uses_host")
  foreach(program IN LISTS programs)
    run("${step}: running a program linked to siterank::host" ignored "${program}")
    # The host API ranks step 5's run and writes the CSV the CLI wrote.
    set(api_csv "${dir}/api_ranked.csv")
    run("${step}: ranking through the host API (RankingRun, write_result)" ignored "${program}"
        "${PROFILE}" "${SOURCE_DIR}/tests/data/grid" "${example_plugin_dir}" "${api_csv}")
    file(READ "${api_csv}" written)
    if(NOT written STREQUAL csv)
      fail("${step}: the host API's CSV" "the CSV of siterank rank -f csv:\n${csv}" "${written}")
    endif()
  endforeach()
endfunction()
# The host's installed headers are standard library only: its users need
# none of GDAL, nlohmann_json, PROJ or Boost.
check_package("find_package(siterank COMPONENTS host), without the host's dependencies"
    "REQUIRED COMPONENTS host"
    "^siterank_FOUND=TRUE siterank_sdk_FOUND=TRUE siterank_host_FOUND=TRUE siterank::sdk siterank::host$"
    ${no_host_dependencies})
check_package("find_package(siterank COMPONENTS nosuch)" "COMPONENTS nosuch" "^siterank_FOUND=FALSE ")
check_package("find_package(siterank OPTIONAL_COMPONENTS host), without the host's dependencies"
    "REQUIRED OPTIONAL_COMPONENTS host"
    "^siterank_FOUND=TRUE siterank_sdk_FOUND=TRUE siterank_host_FOUND=TRUE siterank::sdk siterank::host$"
    ${no_host_dependencies})

message(STATUS "install test passed: staged ${cli}, flood_risk from ${flood_risk_file}")
