// The one list of output formats behind siterank/host/writers.hpp. Each writer has a name (`-f
// NAME`), the file extensions that select it from `-o FILE`, whether it can write to stdout, and
// the function that writes it. The CLI's format checks, extension inference and help text all come
// from here, so a format is added in one place, and an extension no writer claims is an error that
// names the known ones rather than a file in the wrong format.
#pragma once

#include <functional>
#include <ostream>
#include <siterank/host/writers.hpp>
#include <string>
#include <vector>

#include "export/exporters.hpp"

namespace siterank {

// A public OutputFormat (siterank/host/writers.hpp) and its writer.
struct WriterSpec : OutputFormat {
  // Exactly one is set: stream writers go to stdout or an atomically
  // written file; file writers get the target path and write atomically
  // themselves.
  std::function<void(const RankedResult&, const Selection&, std::ostream&)> to_stream;
  std::function<void(const RankedResult&, const Selection&, const std::string&)> to_file;
};

// In the order help text lists them.
const std::vector<WriterSpec>& writers();

// nullptr when no writer has that name.
const WriterSpec* find_writer(const std::string& name);

// Writes `result` to `target` ("" or "-" = stdout) with `writer`; throws
// OutputError (a file writer given stdout, a failed write).
void write_result(const WriterSpec& writer, const RankedResult& result, const Selection& sel,
                  const std::string& target);

}  // namespace siterank
