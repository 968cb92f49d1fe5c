#include "util/install_paths.hpp"

#include <boost/dll/runtime_symbol_info.hpp>
#include <filesystem>

namespace siterank {

namespace fs = std::filesystem;

std::string executable_dir() { return boost::dll::program_location().parent_path().string(); }

std::string builtin_plugin_dir() {
  return (fs::path(executable_dir()) / SITERANK_PLUGIN_RELDIR).lexically_normal().string();
}

std::string default_dataset_dir() {
  std::error_code ec;
  const fs::path installed =
      fs::path(executable_dir()) / SITERANK_DATA_RELDIR / "geodata" / "hangzhou";
  if (fs::exists(installed / "dataset.json", ec)) return installed.lexically_normal().string();
  return SITERANK_SOURCE_GEODATA "/hangzhou";
}

}  // namespace siterank
