#include "util/atomic_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <siterank/host/errors.hpp>
#include <vector>

namespace siterank {

namespace fs = std::filesystem;

namespace {

// The directory the temporary goes in: the target's own, so that the final
// rename stays on one file system and is atomic.
fs::path target_dir(const std::string& target) {
  const fs::path t(target);
  std::error_code ec;
  if (fs::is_directory(t, ec)) throw OutputError(target + ": is a directory");
  return t.parent_path().empty() ? fs::path(".") : t.parent_path();
}

// "dir/.name.tmp.XXXXXX": hidden, and recognisable as ours if a crash leaves it.
std::vector<char> temp_pattern(const std::string& target) {
  const fs::path t(target);
  const std::string pattern =
      (target_dir(target) / ("." + t.filename().string() + ".tmp.XXXXXX")).string();
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  return buf;
}

void publish(const std::string& temp, const std::string& target) {
  // Temporaries are created private (0600, 0700); give the file the usual
  // permissions.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  std::error_code ec;
  fs::permissions(temp, static_cast<fs::perms>(0666 & ~mask), ec);
  if (std::rename(temp.c_str(), target.c_str()) != 0)
    throw OutputError(target + ": cannot rename " + temp + ": " + std::strerror(errno));
}

}  // namespace

AtomicFile::AtomicFile(std::string target) : target_(std::move(target)) {
  std::vector<char> buf = temp_pattern(target_);
  const int fd = mkstemp(buf.data());
  if (fd < 0)
    throw OutputError(target_ + ": cannot create a temporary file in " +
                      target_dir(target_).string() + ": " + std::strerror(errno));
  ::close(fd);
  temp_ = buf.data();
  out_.open(temp_, std::ios::binary | std::ios::trunc);
  if (!out_) {
    std::remove(temp_.c_str());
    throw OutputError(target_ + ": cannot write " + temp_);
  }
}

AtomicFile::~AtomicFile() {
  if (!committed_) {
    out_.close();
    std::remove(temp_.c_str());
  }
}

void AtomicFile::commit() {
  out_.flush();
  const bool ok = static_cast<bool>(out_);
  out_.close();
  if (!ok || out_.fail()) throw OutputError(target_ + ": write failed (disk full?)");
  publish(temp_, target_);
  committed_ = true;
}

AtomicPath::AtomicPath(std::string target, const std::string& extension)
    : target_(std::move(target)) {
  std::vector<char> buf = temp_pattern(target_);
  if (!mkdtemp(buf.data()))
    throw OutputError(target_ + ": cannot create a temporary directory in " +
                      target_dir(target_).string() + ": " + std::strerror(errno));
  dir_ = buf.data();
  temp_ = (fs::path(dir_) / fs::path(target_).filename().replace_extension(extension)).string();
}

AtomicPath::~AtomicPath() {
  std::error_code ec;
  fs::remove_all(dir_, ec);  // nothing useful to do about a failure here
}

void AtomicPath::commit() {
  std::error_code ec;
  if (!fs::is_regular_file(temp_, ec)) throw OutputError(target_ + ": the writer left no file");
  publish(temp_, target_);
}

}  // namespace siterank
