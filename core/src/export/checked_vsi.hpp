// A GDAL virtual file system that notices failed writes.
//
// Some GDAL 3.6 drivers (FlatGeobuf, KML) ignore the return value of
// VSIFWriteL and VSIFCloseL: on a full disk or past RLIMIT_FSIZE they
// finish "successfully" with a truncated file and raise no CPLError. Files
// opened through checked_vsi_path() go through a handler that forwards
// every call to the real file and records each short write or failed
// close, so the exporter can refuse to rename a truncated file over the
// target.
#pragma once

#include <string>

namespace siterank {

// "/vsisiterank_checked/<absolute path>": the same file, through the
// checking handler (installed on first use).
std::string checked_vsi_path(const std::string& absolute_path);

// The reason of the first write failure recorded for a file whose real path starts with
// `prefix` since the last call for it ("" if none), and forgets those
// records. Thread-safe.
std::string take_write_failure(const std::string& prefix);

}  // namespace siterank
