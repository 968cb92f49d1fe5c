#include "scoring/engine.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <exception>
#include <mutex>
#include <siterank/host/errors.hpp>
#include <thread>

#include "scoring/crash_context.hpp"
#include "util/text_format.hpp"

namespace siterank {

namespace {

// What went wrong in a range, if anything: the plugin threw (and which
// parcel is to blame is not known yet), or it returned a bad value for a
// named parcel.
struct RangeError {
  enum class Kind { none, threw, bad_output } kind = Kind::none;
  std::string message;  // names the plugin (and, for bad_output, the parcel)
  std::string what;     // threw: what follows "threw": ": <the exception's text>"
  explicit operator bool() const { return kind != Kind::none; }
};

RangeError threw(const std::string& who, std::string what) {
  return {RangeError::Kind::threw, who + " threw" + what, what};
}
RangeError bad(std::string message) {
  return {RangeError::Kind::bad_output, std::move(message), {}};
}

// Scores parcels [first, first+count) with one criterion into its arrays.
RangeError score_range(const ParcelTable& parcels, const ReferenceData& reference,
                       const EnabledCriterion& c, CriterionScores& out, std::vector<Veto>& vetoes,
                       std::size_t first, std::size_t count) {
  const std::size_t nf = c.factors.size();
  std::span<double> scores(out.scores.data() + first, count);
  std::span<double> factors(out.factors.data() + first * nf, count * nf);
  std::fill(scores.begin(), scores.end(), std::numeric_limits<double>::quiet_NaN());
  std::fill(factors.begin(), factors.end(), std::numeric_limits<double>::quiet_NaN());
  const std::size_t veto_mark = vetoes.size();
  BatchResult result(scores, factors, nf, vetoes);
  const std::string who = c.who();
  const CrashContext context{c.name, c.file, parcels.id.at(first),
                             parcels.id.at(first + count - 1)};
  const CrashScope crash_scope(context);
  try {
    c.criterion->score(ParcelBatch(parcels, first, count), reference, result);
  } catch (const std::exception& e) {
    return threw(who, std::string(": ") + e.what());
  } catch (...) {
    return threw(who, " an unknown exception");
  }
  for (std::size_t i = 0; i < count; ++i) {
    const std::string parcel = "parcel '" + std::string(parcels.id.at(first + i)) + "'";
    const double s = scores[i];
    if (std::isnan(s)) return bad(who + " returned NaN (or no score) for " + parcel);
    if (!(s >= 0.0 && s <= 100.0))
      return bad(who + " returned score " + format_general(s) + ", outside [0, 100], for " +
                 parcel);
    for (std::size_t f = 0; f < nf; ++f)
      if (std::isinf(factors[i * nf + f]))
        return bad(who + " returned an infinite value of factor '" + c.factors[f].name + "' for " +
                   parcel);
  }
  for (std::size_t v = veto_mark; v < vetoes.size(); ++v)
    if (vetoes[v].parcel >= count) return bad(who + " vetoed a parcel outside its batch");
  return {};
}

struct BatchOutcome {
  std::vector<std::vector<Veto>> vetoes;  // per criterion, batch-local parcels
  RangeError error;
  std::size_t criterion = 0;
};

}  // namespace

mcda::DecisionMatrix feasible_matrix(const RankResult& r,
                                     const std::vector<std::size_t>& feasible) {
  mcda::DecisionMatrix m;
  m.rows = feasible.size();
  m.columns.resize(r.scores.size());
  m.benefit.assign(r.scores.size(), true);
  for (std::size_t c = 0; c < r.scores.size(); ++c) {
    m.columns[c].reserve(feasible.size());
    for (std::size_t p : feasible) m.columns[c].push_back(r.scores[c].scores[p]);
  }
  return m;
}

void aggregate_scores(const mcda::DecisionMatrix& m, const std::vector<double>& weights,
                      const mcda::AggregationSpec& spec, std::vector<double>& totals) {
  if (m.rows == 0) {  // every parcel vetoed
    totals.clear();
    return;
  }
  if (spec.method == mcda::Method::weighted_sum) {
    // The common case without copying through mcda's validation; the same
    // fixed criterion order, so the same sum whatever the threads.
    totals.assign(m.rows, 0.0);
    for (std::size_t i = 0; i < m.rows; ++i) {
      double t = 0.0;
      for (std::size_t c = 0; c < weights.size(); ++c) t += weights[c] * m.columns[c][i];
      totals[i] = t;
    }
    return;
  }
  mcda::aggregate(m, weights, spec, totals);
  if (spec.method == mcda::Method::topsis)
    for (double& t : totals) t *= 100.0;  // closeness 0..1 on the score scale
}

void rank(const ParcelTable& parcels, const std::vector<double>& weights,
          const mcda::AggregationSpec& spec, RankResult& r) {
  const std::size_t n = parcels.size();
  std::vector<char> vetoed(n, 0);
  for (const auto& v : r.vetoes) vetoed[v.parcel] = 1;
  r.total.assign(n, std::numeric_limits<double>::quiet_NaN());
  r.ranking.clear();
  for (std::size_t p = 0; p < n; ++p)
    if (!vetoed[p]) r.ranking.push_back(p);
  std::vector<double> totals;
  aggregate_scores(feasible_matrix(r, r.ranking), weights, spec, totals);
  for (std::size_t i = 0; i < r.ranking.size(); ++i) r.total[r.ranking[i]] = totals[i];
  std::sort(r.ranking.begin(), r.ranking.end(), [&](std::size_t a, std::size_t b) {
    if (r.total[a] != r.total[b]) return r.total[a] > r.total[b];
    return parcels.id.at(a) < parcels.id.at(b);
  });
  r.rank_of.assign(n, 0);
  for (std::size_t i = 0; i < r.ranking.size(); ++i) r.rank_of[r.ranking[i]] = i + 1;
}

RankResult score_and_rank(const ParcelTable& parcels, const ReferenceData& reference,
                          const std::vector<EnabledCriterion>& criteria,
                          const EngineOptions& options, std::vector<VetoEntry> requirement_vetoes) {
  const std::size_t n = parcels.size();
  RankResult r;
  r.vetoes = std::move(requirement_vetoes);
  r.scores.resize(criteria.size());
  for (std::size_t c = 0; c < criteria.size(); ++c) {
    r.scores[c].scores.resize(n);
    r.scores[c].factors.resize(n * criteria[c].factors.size());
  }
  const std::size_t batch = std::max<std::size_t>(1, options.batch_size);
  const std::size_t n_batches = (n + batch - 1) / batch;
  std::vector<BatchOutcome> outcomes(n_batches);
  std::atomic<std::size_t> next{0}, done{0};
  std::atomic<bool> failed{false};

  auto worker = [&] {
    for (std::size_t b; (b = next.fetch_add(1)) < n_batches;) {
      if (failed.load()) break;
      const std::size_t first = b * batch, count = std::min(batch, n - first);
      BatchOutcome& o = outcomes[b];
      o.vetoes.resize(criteria.size());
      for (std::size_t c = 0; c < criteria.size() && !o.error; ++c) {
        o.error =
            score_range(parcels, reference, criteria[c], r.scores[c], o.vetoes[c], first, count);
        o.criterion = c;
      }
      if (o.error) failed = true;
      done.fetch_add(count);
    }
  };
  unsigned threads =
      options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  threads =
      static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, n_batches)));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  if (options.progress) {
    // Report from this thread while the others work; it joins in after.
    std::thread last(worker);
    while (done.load() < n && !failed.load()) {
      options.progress(done.load(), n);
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    last.join();
    options.progress(done.load(), n);
  } else {
    worker();
  }
  for (auto& t : pool) t.join();

  // Report the first failure in parcel order, so the message does not
  // depend on scheduling. A throw from a whole batch is narrowed down to the
  // parcel by scoring the batch's parcels one at a time.
  for (std::size_t b = 0; b < n_batches; ++b) {
    const BatchOutcome& o = outcomes[b];
    if (!o.error) continue;
    const std::size_t first = b * batch, count = std::min(batch, n - first);
    const EnabledCriterion& c = criteria[o.criterion];
    if (o.error.kind == RangeError::Kind::threw) {
      for (std::size_t i = 0; i < count; ++i) {
        std::vector<Veto> scratch;
        const RangeError single =
            score_range(parcels, reference, c, r.scores[o.criterion], scratch, first + i, 1);
        if (single.kind == RangeError::Kind::threw)
          throw PluginError(c.who() + " failed on parcel '" +
                            std::string(parcels.id.at(first + i)) + "': threw" + single.what);
        if (single) throw PluginError(single.message);
      }
    }
    throw PluginError(o.error.message + " (parcels " + std::string(parcels.id.at(first)) + " .. " +
                      std::string(parcels.id.at(first + count - 1)) + ")");
  }

  for (std::size_t b = 0; b < n_batches; ++b)
    for (std::size_t c = 0; c < criteria.size(); ++c)
      for (auto& v : outcomes[b].vetoes[c])
        r.vetoes.push_back({b * batch + v.parcel, criteria[c].name, std::move(v.reason)});
  // Stable: a parcel's requirement vetoes first, then its criteria's in
  // criterion order, as they were appended.
  std::stable_sort(r.vetoes.begin(), r.vetoes.end(),
                   [](const VetoEntry& a, const VetoEntry& b) { return a.parcel < b.parcel; });
  std::vector<double> weights;
  for (const auto& c : criteria) weights.push_back(c.weight);
  rank(parcels, weights, options.aggregation, r);
  for (const auto& v : r.vetoes)
    if (r.vetoed.empty() || r.vetoed.back() != v.parcel) r.vetoed.push_back(v.parcel);
  std::sort(r.vetoed.begin(), r.vetoed.end(),
            [&](std::size_t a, std::size_t b) { return parcels.id.at(a) < parcels.id.at(b); });
  return r;
}

}  // namespace siterank
