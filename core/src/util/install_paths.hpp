// Where the running siterank finds its built-in plugins and sample data:
// relative to its executable, the same in the build tree and an install.
#pragma once

#include <string>

namespace siterank {
std::string executable_dir();
std::string builtin_plugin_dir();
// The default dataset: the installed sample, else the source tree's.
std::string default_dataset_dir();
}  // namespace siterank
