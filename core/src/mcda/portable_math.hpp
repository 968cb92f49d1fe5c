// log and exp that give the same bits on every platform. libm's last bits
// differ between platforms, and the seeded draws (mcda/rng.hpp) must not,
// so these use IEEE basic operations only (frexp, ldexp, +, -, *, /).
// Algorithms in docs/methods.md, "Sensitivity".
#pragma once

namespace siterank::mcda::detail {

// Within a few ulp of std::log / std::exp; log(0) = -inf, log(x < 0) = NaN.
double portable_log(double x);
double portable_exp(double x);

}  // namespace siterank::mcda::detail
