// Portable log and exp (see portable_math.hpp).
#include "mcda/portable_math.hpp"

#include <cmath>
#include <limits>

// Portability needs every floating-point operation rounded on its own: no
// fused multiply-add. Clang honours this pragma; GCC (which fuses by
// default on targets with FMA, e.g. aarch64) needs -ffp-contract=off, which
// core/CMakeLists.txt sets for the whole of siterank_mcda.
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#endif

namespace siterank::mcda::detail {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

constexpr double kLn2Hi = 0x1.62e42fee00000p-1;   // ln 2 to 32 bits: k * kLn2Hi is exact
constexpr double kLn2Lo = 0x1.a39ef35793c76p-33;  // ln 2 - kLn2Hi
constexpr double kInvLn2 = 0x1.71547652b82fep+0;
constexpr double kSqrtHalf = 0x1.6a09e667f3bcdp-1;

}  // namespace

double portable_log(double x) {
  if (std::isnan(x)) return x;
  if (x < 0.0) return kNaN;
  if (x == 0.0) return -kInf;
  if (x == kInf) return x;
  int e = 0;
  double m = std::frexp(x, &e);  // x = m 2^e, m in [0.5, 1), exact
  if (m < kSqrtHalf) {
    m *= 2.0;
    --e;
  }
  // m in [sqrt(1/2), sqrt(2)): log m = 2 atanh(s), s = (m - 1) / (m + 1),
  // |s| <= 0.1716, series 2 (s + s^3/3 + ... + s^23/23): the next term is
  // below 1e-18 relative.
  const double f = m - 1.0;  // exact (Sterbenz)
  const double s = f / (2.0 + f);
  const double z = s * s;
  double p = 1.0 / 23.0;
  for (int k = 21; k >= 1; k -= 2) p = p * z + 1.0 / double(k);
  const double log_m = 2.0 * s * p;
  const double de = double(e);
  return de * kLn2Hi + (de * kLn2Lo + log_m);
}

double portable_exp(double x) {
  if (std::isnan(x)) return x;
  if (x > 709.782712893384) return kInf;
  if (x < -745.1332191019412) return 0.0;
  // x = k ln 2 + r, |r| <= ln 2 / 2; e^r by Taylor to r^14 / 14! (next
  // term below 5e-18 relative), as 1 + r (1 + r/2 (1 + r/3 (...))).
  const double k = std::floor(x * kInvLn2 + 0.5);
  const double r = (x - k * kLn2Hi) - k * kLn2Lo;
  double p = 1.0;
  for (int n = 14; n >= 1; --n) p = 1.0 + r * p / double(n);
  return std::ldexp(p, static_cast<int>(k));
}

}  // namespace siterank::mcda::detail
