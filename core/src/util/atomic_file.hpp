// Writing an output file so that a failed run never leaves a partial file
// and never destroys an existing one: write a temporary file beside the
// target, then rename it over the target.
#pragma once

#include <fstream>
#include <string>

namespace siterank {

// Refuses, with an OutputError naming it, a target that cannot or must not
// be written: a directory, an input of this run (util/input_files), a
// block device, a missing or unwritable directory. Writes nothing.
void check_output_target(const std::string& target);

// A target that is a character device or FIFO (/dev/null, /dev/stdout, a
// named pipe) is written in place, never replaced; a symbolic link is
// written through. Every temporary is registered with util/temp_registry
// so that a signal handler can remove it.
class AtomicFile {
 public:
  // Throws OutputError when the temporary file cannot be created.
  explicit AtomicFile(std::string target);
  ~AtomicFile();  // removes the temporary file unless committed
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream() { return out_; }
  // Flushes, checks for write errors and renames; throws OutputError.
  void commit();

 private:
  std::string target_;
  std::string temp_;
  std::ofstream out_;
  bool committed_ = false;
  bool in_place_ = false;  // a character device or FIFO, written directly
  int slot_ = -1;          // temp_registry
};

// The same for writers that want a file name, not a stream (GDAL drivers).
// They create the file themselves (the GeoPackage driver refuses a name
// that already exists) and may add side files next to it (SQLite journals,
// FlatGeobuf's index temporaries). So the temporary is a fresh private
// directory beside the target holding a file with the target's name and
// the format's extension (drivers pick behaviour from it: FlatGeobuf
// writes a folder of layers for a name without ".fgb"); commit() renames
// that file over the target, and the directory goes away whatever happens.
class AtomicPath {
 public:
  // `extension` such as ".fgb". Throws OutputError when the temporary
  // directory cannot be created.
  AtomicPath(std::string target, const std::string& extension);
  ~AtomicPath();  // removes the temporary directory and everything in it
  AtomicPath(const AtomicPath&) = delete;
  AtomicPath& operator=(const AtomicPath&) = delete;

  // Where the writer should create its file.
  const std::string& path() const { return temp_; }
  // Renames path() over the target; throws OutputError. The writer must
  // have closed the file first.
  void commit();

 private:
  std::string target_;
  std::string dir_;
  std::string temp_;
  int slot_ = -1;  // temp_registry
};

}  // namespace siterank
