// Runs independent pieces of work on a few threads. Each piece writes only
// its own output slot, so results never depend on which thread ran what;
// the first failure in piece order is rethrown, whatever the scheduling.
#pragma once

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <vector>

namespace siterank {

inline unsigned worker_count(unsigned requested) {
  return requested ? requested : std::max(1u, std::thread::hardware_concurrency());
}

// Calls work(piece, worker) for every piece in [0, pieces); worker is in
// [0, threads) and lets callers keep per-thread state (a PROJ transform,
// scratch buffers) that must not be shared.
template <class Work>
void parallel_pieces(std::size_t pieces, unsigned threads, Work&& work) {
  threads =
      static_cast<unsigned>(std::clamp<std::size_t>(worker_count(threads), 1, pieces ? pieces : 1));
  std::vector<std::exception_ptr> errors(pieces);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  auto run = [&](unsigned worker) {
    for (std::size_t i; !failed.load() && (i = next.fetch_add(1)) < pieces;) {
      try {
        work(i, worker);
      } catch (...) {
        errors[i] = std::current_exception();
        failed = true;
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(run, t);
  run(0);
  for (auto& t : pool) t.join();
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace siterank
