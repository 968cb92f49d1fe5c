#include "plugins/plugin_loader.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <boost/dll/shared_library.hpp>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <siterank/host/errors.hpp>
#include <siterank/host/rank_result.hpp>
#include <siterank/plugin.hpp>
#include <siterank/version.hpp>

#include "util/input_files.hpp"
#include "util/install_paths.hpp"

namespace siterank {

namespace fs = std::filesystem;
namespace dll = boost::dll;

std::shared_ptr<Criterion> LoadedPlugin::instantiate() const {
  std::string error;
  Criterion* raw = create(&error);
  if (!raw)
    throw PluginError(
        file + ": " SITERANK_ENTRY_CREATE " failed: " + (error.empty() ? "returned null" : error));
  std::shared_ptr<void> keep_loaded = library;
  return std::shared_ptr<Criterion>(raw, [keep_loaded](Criterion* c) { delete c; });
}

std::string unsafe_plugin_path(const std::string& path) {
  // Loading a library runs its constructors before the host can check
  // anything in it, so a file or directory someone else could have
  // written is refused before dlopen.
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "";  // reported by the loader
  const bool dir = S_ISDIR(st.st_mode);
  const std::string what = dir ? "the directory " + path : path;
  if (st.st_mode & S_IWOTH) return what + " is world-writable";
  if (st.st_uid != 0 && st.st_uid != ::geteuid())
    return what + " is owned by uid " + std::to_string(st.st_uid) + ", not by you or root";
  return "";
}

const LoadedPlugin* PluginRegistry::find(const std::string& name) const {
  for (const auto& p : plugins)
    if (p.info.name == name) return &p;
  return nullptr;
}

bool load_plugin(const std::string& file, LoadedPlugin& out, std::string& refusal) {
  auto lib = std::make_shared<dll::shared_library>();
  try {
    lib->load(file, dll::load_mode::rtld_now | dll::load_mode::rtld_local);
  } catch (const std::exception& e) {
    refusal = "cannot load: " + std::string(e.what());
    return false;
  }
  if (!lib->has(SITERANK_ENTRY_API_VERSION)) {
    refusal = "not a siterank plugin: no " SITERANK_ENTRY_API_VERSION
              " symbol (build it with SITERANK_PLUGIN(...))";
    return false;
  }
  const int api = lib->get<PluginApiVersionFn>(SITERANK_ENTRY_API_VERSION)();
  if (api != SITERANK_SDK_API_VERSION) {
    refusal = "SDK API version mismatch: expected " + std::to_string(SITERANK_SDK_API_VERSION) +
              ", found " + std::to_string(api) +
              " (rebuild the plugin against this siterank's SDK)";
    return false;
  }
  if (!lib->has(SITERANK_ENTRY_BUILD_TAG)) {
    refusal = "missing entry symbol " SITERANK_ENTRY_BUILD_TAG;
    return false;
  }
  const char* tag = lib->get<PluginBuildTagFn>(SITERANK_ENTRY_BUILD_TAG)();
  const std::string found = tag ? tag : "";
  if (found != SITERANK_BUILD_TAG) {
    refusal = "build tag mismatch: expected '" + std::string(SITERANK_BUILD_TAG) + "', found '" +
              found + "' (compiler and standard library must match the host's)";
    return false;
  }
  if (!lib->has(SITERANK_ENTRY_CREATE)) {
    refusal = "missing entry symbol " SITERANK_ENTRY_CREATE;
    return false;
  }
  out.file = file;
  out.api_version = api;
  out.build_tag = found;
  out.create = &lib->get<PluginCreateFn>(SITERANK_ENTRY_CREATE);
  out.library = lib;
  try {
    out.info = out.instantiate()->describe();
  } catch (const std::exception& e) {
    refusal = "describe() failed: " + std::string(e.what());
    return false;
  } catch (...) {
    refusal = "describe() failed with an unknown exception";
    return false;
  }
  static const std::regex name_rule("[a-z][a-z0-9_]*");
  if (!std::regex_match(out.info.name, name_rule)) {
    refusal = "criterion name '" + out.info.name + "' is not lower_snake_case";
    return false;
  }
  if (out.info.name == requirements_source) {
    refusal = "criterion name '" + out.info.name +
              "' is reserved: the host's vetoes for $.requirements go by it";
    return false;
  }
  return true;
}

PluginRegistry discover_plugins(const std::vector<std::string>& dirs, bool allow_unsafe) {
  PluginRegistry reg;
  for (const auto& dir : dirs) {
    reg.searched.push_back(dir);
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      reg.unusable_dirs.push_back(
          dir + (fs::exists(dir, ec) ? " is not a directory" : " does not exist"));
      continue;
    }
    const std::string unsafe_dir = allow_unsafe ? "" : unsafe_plugin_path(dir);
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      const std::string name = entry.path().filename().string();
      if (entry.is_regular_file(ec) && name.rfind("siterank_", 0) == 0 &&
          entry.path().extension() == ".so")
        files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      LoadedPlugin p;
      std::string why;
      // "siterank_" + name + ".so"
      const std::string stem = fs::path(f).stem().string().substr(9);
      const std::string unsafe = allow_unsafe         ? ""
                                 : unsafe_dir.empty() ? unsafe_plugin_path(f)
                                                      : unsafe_dir;
      if (!unsafe.empty()) {
        reg.refused.push_back(
            {{f, unsafe + ": anyone could have put code there, so it is not loaded "
                          "(fix the permissions, or pass --allow-insecure-plugins)"},
             stem});
      } else if (!load_plugin(f, p, why)) {
        reg.refused.push_back({{f, why}, stem});
      } else if (const LoadedPlugin* taken = reg.find(p.info.name)) {
        reg.refused.push_back(
            {{f, "criterion '" + p.info.name + "' is already provided by " + taken->file}, stem});
      } else {
        note_input_file(f);
        reg.plugins.push_back(std::move(p));
      }
    }
  }
  std::sort(reg.plugins.begin(), reg.plugins.end(),
            [](const LoadedPlugin& a, const LoadedPlugin& b) { return a.info.name < b.info.name; });
  return reg;
}

std::vector<std::string> plugin_search_path(const std::vector<std::string>& extra_dirs) {
  std::vector<std::string> dirs{builtin_plugin_dir()};
  dirs.insert(dirs.end(), extra_dirs.begin(), extra_dirs.end());
  if (const char* env = std::getenv("SITERANK_PLUGIN_PATH")) {
    std::string s = env;
    std::size_t start = 0;
    while (start <= s.size()) {
      const auto colon = s.find(':', start);
      const std::string part =
          s.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
      if (!part.empty()) dirs.push_back(part);
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
  }
  return dirs;
}

PluginSearch find_plugins(const std::vector<std::string>& extra_dirs, bool allow_insecure) {
  PluginRegistry reg = discover_plugins(plugin_search_path(extra_dirs), allow_insecure);
  PluginSearch out;
  out.searched = std::move(reg.searched);
  for (auto& p : reg.plugins) out.plugins.push_back(std::move(static_cast<PluginListing&>(p)));
  for (auto& r : reg.refused) out.refused.push_back(std::move(static_cast<PluginRefusal&>(r)));
  return out;  // the libraries are released with `reg`
}

}  // namespace siterank
