#include "atomic_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

#include "errors.hpp"

namespace siterank {

namespace fs = std::filesystem;

AtomicFile::AtomicFile(std::string target) : target_(std::move(target)) {
  const fs::path t(target_);
  std::error_code ec;
  if (fs::is_directory(t, ec)) throw OutputError(target_ + ": is a directory");
  const fs::path dir = t.parent_path().empty() ? fs::path(".") : t.parent_path();
  std::string pattern = (dir / ("." + t.filename().string() + ".tmp.XXXXXX")).string();
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  const int fd = mkstemp(buf.data());
  if (fd < 0)
    throw OutputError(target_ + ": cannot create a temporary file in " + dir.string() + ": " +
                      std::strerror(errno));
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
  // mkstemp creates 0600; give the file the usual permissions.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  fs::permissions(temp_, static_cast<fs::perms>(0666 & ~mask));
  if (std::rename(temp_.c_str(), target_.c_str()) != 0)
    throw OutputError(target_ + ": cannot rename " + temp_ + ": " + std::strerror(errno));
  committed_ = true;
}

}  // namespace siterank
