// Reading a JSON file with errors that name the file, line and column.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace siterank {

inline constexpr std::size_t max_json_bytes = std::size_t{16} << 20;
inline constexpr int max_json_depth = 64;

// Throws InputError "FILE: cannot open ...", "FILE:LINE:COL: JSON syntax
// error: ...", or for a directory, a file over max_json_bytes (/dev/zero),
// a duplicate key or nesting deeper than max_json_depth, naming the file
// and the object's JSON path.
nlohmann::json read_json_file(const std::string& path);

}  // namespace siterank
