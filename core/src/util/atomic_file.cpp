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

#include "util/input_files.hpp"
#include "util/temp_registry.hpp"

namespace siterank {

namespace fs = std::filesystem;

namespace {

// A symbolic link is written through, so the link stays a link (and a
// dangling one gets its file).
std::string resolved(const std::string& target) {
  fs::path p(target);
  std::error_code ec;
  for (int hops = 0; hops < 40 && fs::is_symlink(fs::symlink_status(p, ec)); ++hops) {
    const fs::path to = fs::read_symlink(p, ec);
    if (ec) break;
    p = to.is_absolute() ? to : p.parent_path() / to;
  }
  return p.string();
}

// The directory the temporary goes in: the target's own, so that the final
// rename stays on one file system and is atomic.
fs::path target_dir(const std::string& target) {
  const fs::path t(target);
  return t.parent_path().empty() ? fs::path(".") : t.parent_path();
}

// What the target is now, refusing what must never be written: a
// directory, an input of this run, a block device or socket.
enum class TargetKind { file, device };  // device: a character device or FIFO, written in place

TargetKind classify(const std::string& target) {
  std::error_code ec;
  const fs::file_status st = fs::status(target, ec);
  if (const auto input = input_file_at(target))
    throw OutputError(target + ": is an input of this run" +
                      (*input == target ? "" : " (" + *input + ")") +
                      "; choose another output file");
  switch (st.type()) {
    case fs::file_type::not_found:
    case fs::file_type::regular:
      break;
    case fs::file_type::directory:
      throw OutputError(target + ": is a directory");
    case fs::file_type::character:
    case fs::file_type::fifo:
      return TargetKind::device;
    default:
      throw OutputError(target + ": is not a regular file (a block device or socket)");
  }
  const fs::path dir = target_dir(target);
  const fs::file_status dst = fs::status(dir, ec);
  if (dst.type() == fs::file_type::not_found)
    throw OutputError(target + ": the directory " + dir.string() + " does not exist");
  if (dst.type() != fs::file_type::directory)
    throw OutputError(target + ": " + dir.string() + " is not a directory");
  return TargetKind::file;
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

void check_output_target(const std::string& target) {
  const std::string real = resolved(target);
  if (classify(real) == TargetKind::device) return;
  std::vector<char> buf = temp_pattern(real);
  const int fd = mkstemp(buf.data());
  if (fd < 0)
    throw OutputError(target + ": cannot create a file in " + target_dir(real).string() + ": " +
                      std::strerror(errno));
  ::close(fd);
  std::remove(buf.data());
}

AtomicFile::AtomicFile(std::string target) : target_(resolved(target)) {
  if (classify(target_) == TargetKind::device) {
    // /dev/null, /dev/stdout, a named pipe: renaming over it would replace
    // the device node with a file, so write to it directly.
    out_.open(target_, std::ios::binary | std::ios::out);
    if (!out_) throw OutputError(target_ + ": cannot open for writing: " + std::strerror(errno));
    in_place_ = true;
    return;
  }
  std::vector<char> buf = temp_pattern(target_);
  const int fd = mkstemp(buf.data());
  if (fd < 0)
    throw OutputError(target_ + ": cannot create a temporary file in " +
                      target_dir(target_).string() + ": " + std::strerror(errno));
  ::close(fd);
  temp_ = buf.data();
  slot_ = register_temporary(temp_, "");
  out_.open(temp_, std::ios::binary | std::ios::trunc);
  if (!out_) {
    std::remove(temp_.c_str());
    forget_temporary(slot_);
    throw OutputError(target_ + ": cannot write " + temp_);
  }
}

AtomicFile::~AtomicFile() {
  if (!committed_ && !in_place_) {
    out_.close();
    std::remove(temp_.c_str());
  }
  forget_temporary(slot_);
}

void AtomicFile::commit() {
  out_.flush();
  const bool ok = static_cast<bool>(out_);
  out_.close();
  if (!ok || out_.fail()) throw OutputError(target_ + ": write failed (disk full?)");
  if (!in_place_) publish(temp_, target_);
  committed_ = true;
}

AtomicPath::AtomicPath(std::string target, const std::string& extension)
    : target_(resolved(target)) {
  if (classify(target_) == TargetKind::device)
    throw OutputError(target_ + ": is not a regular file; this format is written to a file");
  std::vector<char> buf = temp_pattern(target_);
  if (!mkdtemp(buf.data()))
    throw OutputError(target_ + ": cannot create a temporary directory in " +
                      target_dir(target_).string() + ": " + std::strerror(errno));
  dir_ = buf.data();
  temp_ = (fs::path(dir_) / fs::path(target_).filename().replace_extension(extension)).string();
  slot_ = register_temporary(temp_, dir_);
}

AtomicPath::~AtomicPath() {
  std::error_code ec;
  fs::remove_all(dir_, ec);  // nothing useful to do about a failure here
  forget_temporary(slot_);
}

void AtomicPath::commit() {
  std::error_code ec;
  if (!fs::is_regular_file(temp_, ec)) throw OutputError(target_ + ": the writer left no file");
  publish(temp_, target_);
}

}  // namespace siterank
