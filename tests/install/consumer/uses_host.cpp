// Built by tests/install/consumer against the staged siterank::host: the
// SDK headers come through the host's interface, and running the program
// loads the staged host library.
#include <siterank/sdk.hpp>

int main() { return siterank::sdk_api_version > 0 ? 0 : 1; }
