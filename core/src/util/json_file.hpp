// Reading a JSON file with errors that name the file, line and column.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace siterank {

// Throws InputError "FILE: cannot open ..." or "FILE:LINE:COL: JSON syntax error: ...".
nlohmann::json read_json_file(const std::string& path);

}  // namespace siterank
