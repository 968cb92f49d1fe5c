// A veto as the host records it: which parcel, who vetoed it (a criterion's
// name, or "requirements" for the profile's $.requirements, which the host
// enforces itself) and why, in one line.
#pragma once

#include <cstddef>
#include <string>

namespace siterank {

// The name vetoes of the host's requirement rules go by; no plugin may take it.
inline constexpr const char* requirements_source = "requirements";

struct VetoEntry {
  std::size_t parcel;
  std::string by;
  std::string reason;
};

}  // namespace siterank
