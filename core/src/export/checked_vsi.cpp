#include "export/checked_vsi.hpp"

#include <cpl_vsi.h>

#include <cerrno>
#include <cstring>
#include <mutex>
#include <utility>
#include <vector>

namespace siterank {

namespace {

constexpr const char* prefix = "/vsisiterank_checked/";

std::mutex failures_mutex;
std::vector<std::pair<std::string, std::string>> failures;  // real path, reason

void record(const std::string& path, const std::string& what, int err) {
  std::string reason = what;
  if (err != 0) reason += ": " + std::string(std::strerror(err));
  std::lock_guard<std::mutex> lock(failures_mutex);
  failures.emplace_back(path, reason);
}

// The handler strips its prefix, slash included, from every name.
std::string real(const char* name) { return std::string("/") + name; }

struct Handle {
  VSILFILE* file;
  std::string path;
};

Handle* handle(void* h) { return static_cast<Handle*>(h); }

int stat_cb(void*, const char* name, VSIStatBufL* buf, int flags) {
  return VSIStatExL(real(name).c_str(), buf, flags);
}
int unlink_cb(void*, const char* name) { return VSIUnlink(real(name).c_str()); }
int rename_cb(void*, const char* from, const char* to) {
  return VSIRename(real(from).c_str(), real(to).c_str());
}
int mkdir_cb(void*, const char* name, long mode) { return VSIMkdir(real(name).c_str(), mode); }
int rmdir_cb(void*, const char* name) { return VSIRmdir(real(name).c_str()); }
char** read_dir_cb(void*, const char* name, int max_files) {
  return VSIReadDirEx(real(name).c_str(), max_files);
}

void* open_cb(void*, const char* name, const char* access) {
  const std::string path = real(name);
  VSILFILE* f = VSIFOpenL(path.c_str(), access);
  if (!f) return nullptr;
  return new Handle{f, path};
}
vsi_l_offset tell_cb(void* h) { return VSIFTellL(handle(h)->file); }
int seek_cb(void* h, vsi_l_offset offset, int whence) {
  return VSIFSeekL(handle(h)->file, offset, whence);
}
size_t read_cb(void* h, void* buf, size_t size, size_t count) {
  return VSIFReadL(buf, size, count, handle(h)->file);
}
int eof_cb(void* h) { return VSIFEofL(handle(h)->file); }

size_t write_cb(void* h, const void* buf, size_t size, size_t count) {
  errno = 0;
  const size_t n = VSIFWriteL(buf, size, count, handle(h)->file);
  if (n < count && size > 0) record(handle(h)->path, "write failed", errno);
  return n;
}
int flush_cb(void* h) {
  errno = 0;
  const int rc = VSIFFlushL(handle(h)->file);
  if (rc != 0) record(handle(h)->path, "write failed", errno);
  return rc;
}
int truncate_cb(void* h, vsi_l_offset size) {
  errno = 0;
  const int rc = VSIFTruncateL(handle(h)->file, size);
  if (rc != 0) record(handle(h)->path, "truncate failed", errno);
  return rc;
}
int close_cb(void* h) {
  Handle* f = handle(h);
  errno = 0;
  // Buffered bytes reach the disk here; a full disk often shows only now.
  const int rc = VSIFCloseL(f->file);
  if (rc != 0) record(f->path, "close failed", errno);
  delete f;
  return rc;
}

void install() {
  static std::once_flag once;
  std::call_once(once, [] {
    VSIFilesystemPluginCallbacksStruct* cb = VSIAllocFilesystemPluginCallbacksStruct();
    cb->stat = stat_cb;
    cb->unlink = unlink_cb;
    cb->rename = rename_cb;
    cb->mkdir = mkdir_cb;
    cb->rmdir = rmdir_cb;
    cb->read_dir = read_dir_cb;
    cb->open = open_cb;
    cb->tell = tell_cb;
    cb->seek = seek_cb;
    cb->read = read_cb;
    cb->eof = eof_cb;
    cb->write = write_cb;
    cb->flush = flush_cb;
    cb->truncate = truncate_cb;
    cb->close = close_cb;
    // Kept for the life of the process: GDAL may keep the pointer.
    VSIInstallPluginHandler(prefix, cb);
  });
}

}  // namespace

std::string checked_vsi_path(const std::string& absolute_path) {
  install();
  return std::string(prefix) + absolute_path.substr(absolute_path.front() == '/' ? 1 : 0);
}

std::string take_write_failure(const std::string& path_prefix) {
  std::lock_guard<std::mutex> lock(failures_mutex);
  std::string first;
  std::vector<std::pair<std::string, std::string>> kept;
  for (auto& f : failures) {
    if (f.first.rfind(path_prefix, 0) == 0) {
      if (first.empty()) first = f.second;
    } else {
      kept.push_back(std::move(f));
    }
  }
  failures = std::move(kept);
  return first;
}

}  // namespace siterank
