// SDK version and build tag: what the host checks before it calls anything
// else in a plugin. Standard library only.
#pragma once

// Bumped on every change that breaks the binary interface between host and
// plugins (a member added to a struct, a virtual added to an interface). A
// host loads only plugins built against the same API version.
#define SITERANK_SDK_API_VERSION 7

// Human version of the SDK headers, for `siterank plugins` and docs.
#define SITERANK_SDK_VERSION_STRING "7.0.0"

// The build tag names what must match for C++ objects (std::string,
// std::vector, exceptions) to cross the library boundary: compiler family,
// standard library and its ABI flavour, and debug containers.
#define SITERANK_DETAIL_STR2(x) #x
#define SITERANK_DETAIL_STR(x) SITERANK_DETAIL_STR2(x)

#if defined(__clang__)
#define SITERANK_DETAIL_COMPILER "clang"
#elif defined(__GNUC__)
#define SITERANK_DETAIL_COMPILER "gcc"
#elif defined(_MSC_VER)
#define SITERANK_DETAIL_COMPILER "msvc"
#else
#define SITERANK_DETAIL_COMPILER "unknown-compiler"
#endif

// <version> defines the standard library's identification macros.
#include <version>
#if defined(_LIBCPP_VERSION)
#define SITERANK_DETAIL_STDLIB "libc++" SITERANK_DETAIL_STR(_LIBCPP_VERSION)
#elif defined(_GLIBCXX_RELEASE)
#if defined(_GLIBCXX_USE_CXX11_ABI) && _GLIBCXX_USE_CXX11_ABI
#define SITERANK_DETAIL_STDLIB "libstdc++" SITERANK_DETAIL_STR(_GLIBCXX_RELEASE) "-cxx11abi"
#else
#define SITERANK_DETAIL_STDLIB "libstdc++" SITERANK_DETAIL_STR(_GLIBCXX_RELEASE) "-oldabi"
#endif
#else
#define SITERANK_DETAIL_STDLIB "unknown-stdlib"
#endif

#if defined(_GLIBCXX_DEBUG) || defined(_LIBCPP_DEBUG)
#define SITERANK_DETAIL_DEBUG_CONTAINERS "-debugcontainers"
#else
#define SITERANK_DETAIL_DEBUG_CONTAINERS ""
#endif

// For example "gcc/libstdc++12-cxx11abi".
#define SITERANK_BUILD_TAG \
  SITERANK_DETAIL_COMPILER "/" SITERANK_DETAIL_STDLIB SITERANK_DETAIL_DEBUG_CONTAINERS

namespace siterank {
inline constexpr int sdk_api_version = SITERANK_SDK_API_VERSION;
inline constexpr const char* sdk_version = SITERANK_SDK_VERSION_STRING;
inline constexpr const char* sdk_build_tag = SITERANK_BUILD_TAG;
}  // namespace siterank
