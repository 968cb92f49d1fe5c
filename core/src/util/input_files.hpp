// The files a run reads, so that no output ever replaces one of them
// (`rank -o profile.json` must not overwrite the profile). Readers note
// each input as they open it; the output side asks before it writes.
#pragma once

#include <optional>
#include <string>

namespace siterank {

// Notes `path` (a file or a directory) as an input of this process.
// Thread-safe; a path that does not exist is ignored.
void note_input_file(const std::string& path);

// The noted input that `target` is (the same file, through any name or
// link), if any.
std::optional<std::string> input_file_at(const std::string& target);

}  // namespace siterank
