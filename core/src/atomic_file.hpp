// Writing an output file so that a failed run never leaves a partial file
// and never destroys an existing one: write a temporary file beside the
// target, then rename it over the target.
#pragma once

#include <fstream>
#include <string>

namespace siterank {

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
};

}  // namespace siterank
