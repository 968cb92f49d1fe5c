#include "scoring/pipeline.hpp"

#include <optional>
#include <set>
#include <siterank/host/errors.hpp>

#include "config/option_validation.hpp"
#include "config/profile_usage.hpp"
#include "config/road_manifest.hpp"
#include "data/dataset_network.hpp"
#include "data/road_cache_key.hpp"
#include "data/road_loader.hpp"
#include "network/road_cache.hpp"
#include "network/timings.hpp"
#include "scoring/access_limits.hpp"
#include "scoring/requirements.hpp"
#include "util/install_paths.hpp"

namespace siterank {

namespace {

std::string known_criteria(const PluginRegistry& reg) {
  std::string out;
  for (const auto& p : reg.plugins) out += (out.empty() ? "" : ", ") + p.info.name;
  return out.empty() ? "none found" : out;
}

// "plugin 'land' (FILE)", or "plugin 'proximity' as 'near_university' (FILE)".
std::string who_of(const PlannedCriterion& c) {
  const std::string& plugin = c.plugin->info.name;
  return "plugin '" + (plugin == c.name ? plugin : plugin + "' as '" + c.name) + "' (" +
         c.plugin->file + ")";
}

// What the plugin says it needs for this profile and options; an option it
// refuses (std::invalid_argument) is the profile's error, as in configure().
CriterionNeeds needs_of(const PlannedCriterion& c, const ProfileDocument& profile) {
  try {
    return c.criterion->needs(profile.profile, c.options);
  } catch (const std::invalid_argument& e) {
    throw InputError(profile.path + ": $.plugins." + c.name + ": " + e.what());
  } catch (const std::exception& e) {
    throw PluginError(who_of(c) + " failed to say what it needs: " + e.what());
  } catch (...) {
    throw PluginError(who_of(c) + " failed to say what it needs: unknown exception");
  }
}

// The plugin a criterion of the profile is scored by: its own name, or
// another plugin under this name when $.plugins.<name>.use names one, so a
// profile can use a plugin several times with different options
// ("near_university" and "firms_nearby", both "use": "proximity"). Takes
// "use" out of the section, which then holds only the plugin's options.
const LoadedPlugin* plugin_for(const std::string& name, nlohmann::json& section,
                               const PluginRegistry& registry, const std::string& profile_path) {
  const std::string where = profile_path + ": $.plugins." + name;
  std::string wanted = name;
  if (section.is_object() && section.contains("use")) {
    const nlohmann::json& use = section["use"];
    if (!use.is_string() || use.get<std::string>().empty())
      throw InputError(where + ".use: expected the name of a plugin, got " + use.dump());
    wanted = use.get<std::string>();
    section.erase("use");
    if (wanted != name && registry.find(name))
      throw InputError(where + ".use: '" + name + "' is the name of a plugin; give this use of '" +
                       wanted + "' another name");
  }
  const LoadedPlugin* p = registry.find(wanted);
  if (p) return p;
  std::string refused;
  for (const auto& r : registry.refused)
    if (r.name_from_file == wanted) refused = " (" + r.file + " was refused: " + r.reason + ")";
  for (const auto& d : registry.unusable_dirs) refused += "; plugin directory " + d;
  if (wanted != name)
    throw PluginError(where + ".use: no plugin provides criterion '" + wanted +
                      "' (available: " + known_criteria(registry) + ")" + refused);
  // Options for it but no plugin of the name: perhaps a use that forgot "use".
  const std::string hint =
      section.is_object() && !section.empty()
          ? "; to score it with another plugin, name it in $.plugins." + name + ".use"
          : "";
  throw PluginError(profile_path + ": $.weights." + name + ": no plugin provides criterion '" +
                    name + "' (available: " + known_criteria(registry) + ")" + refused + hint);
}

// A plugin's needs against the manifest, before any data is read.
void check_needs(const std::string& plugin, const CriterionNeeds& needs, const DatasetManifest& m) {
  const std::string who = "plugin '" + plugin + "'";
  for (const auto& field : needs.parcel_fields) {
    if (field == "id") continue;
    if (!m.parcels.fields.count(field) && !m.parcels.extra_fields.count(field))
      throw InputError(m.path + ": " + who + " needs parcel field '" + field +
                       "', which $.parcels.fields (or extra_fields) does not map");
  }
  for (const auto& need : needs.layers) {
    const LayerSource* l = m.layer_with_role(need.role);
    if (!l) {
      if (need.optional) continue;
      throw InputError(m.path + ": " + who + " needs a reference layer with role '" + need.role +
                       "', which $.layers does not have");
    }
    for (const auto& a : need.attributes)
      if (!l->fields.count(a))
        throw InputError(m.path + ": " + who + " needs attribute '" + a + "' of layer '" + l->name +
                         "' (role " + need.role + "), which " + l->json_path +
                         ".fields does not map");
  }
}

// The access limits against the manifest, before any data is read.
void check_access_limits(const ProfileDocument& profile, const DatasetManifest& m) {
  for (const AccessLimit& l : profile.access_limits) {
    const std::string where = profile.path + ": " + l.path + ": ";
    if (!m.layer_with_role(l.role))
      throw InputError(where + m.path + " has no layer with role '" + l.role + "'");
    if (l.measure == AccessLimit::Measure::road_minutes && !m.layer_with_role(roads_role))
      throw InputError(where + "minutes by road need a road network, and " + m.path +
                       " has no layer with role 'roads' (use $.requirements.max_km for a "
                       "straight-line limit)");
  }
}

}  // namespace

Plan plan_run(const RunRequest& request) {
  Plan plan;
  plan.profile = load_profile(request.profile_path);
  if (request.strict && !plan.profile.warnings.empty())
    throw InputError(plan.profile.warnings.front() + " (an error with --strict)");
  plan.registry =
      discover_plugins(plugin_search_path(request.plugin_dirs), request.allow_insecure_plugins);
  for (const auto& [name, weight] : plan.profile.profile.weights) {
    nlohmann::json section = plan.profile.plugin_sections.count(name)
                                 ? plan.profile.plugin_sections.at(name)
                                 : nlohmann::json::object();
    const LoadedPlugin* p = plugin_for(name, section, plan.registry, plan.profile.path);
    Options options = validate_options(p->info, section, plan.profile.path + ": $.plugins." + name);
    PlannedCriterion& c = plan.criteria.emplace_back();
    c.name = name;
    c.plugin = p;
    c.options = std::move(options);
    c.weight = weight;
    c.criterion = p->instantiate();
    c.needs = needs_of(c, plan.profile);
  }
  std::vector<std::string> used = requirement_profile_fields(plan.profile.profile);
  for (const auto& c : plan.criteria)
    used.insert(used.end(), c.needs.profile_fields.begin(), c.needs.profile_fields.end());
  for (const auto& field : unused_profile_fields(plan.profile.stated_fields, used))
    plan.unused_fields.push_back(plan.profile.path + ": " + field +
                                 ": not used by any enabled criterion");
  if (request.strict && !plan.unused_fields.empty())
    throw InputError(plan.unused_fields.front() + " (an error with --strict)");
  plan.road_cache = request.road_cache;
  plan.manifest =
      load_manifest(request.dataset_dir.empty() ? default_dataset_dir() : request.dataset_dir);
  for (const auto& c : plan.criteria)
    check_needs(c.plugin->info.name == c.name ? c.name : c.plugin->info.name + "' as '" + c.name,
                c.needs, plan.manifest);
  check_access_limits(plan.profile, plan.manifest);
  return plan;
}

std::unique_ptr<Run> prepare(Plan plan, bool with_parcels) {
  auto run = std::make_unique<Run>();
  run->plan = std::move(plan);
  std::set<std::string> roles;
  for (const auto& c : run->plan.criteria) {
    for (const auto& l : c.needs.layers) roles.insert(l.role);
    if (c.needs.road_network) roles.insert(roads_role);
  }
  for (const AccessLimit& l : run->plan.profile.access_limits) roles.insert(l.role);
  if (needs_road_network(run->plan.profile.access_limits)) roles.insert(roads_role);
  const DatasetManifest& m = run->plan.manifest;
  run->road_cache = std::make_unique<network::RoadCache>(
      run->plan.road_cache ? network::RoadCache::default_dir() : std::string(),
      [r = run.get()](const std::string& warning) { r->warn(warning); });
  network::RoadCache& cache = *run->road_cache;
  // The roads layer: its graph from the cache when the cache has it for
  // these inputs, else its lines from the source (and the graph built
  // from them is stored).
  std::optional<std::uint64_t> graph_key;
  std::optional<network::RoadCache::Graph> cached;
  std::vector<std::string> road_notes;
  const auto load_roads = [&](const LayerSource& s, Dataset& out) {
    if (cache.enabled()) {
      network::ScopedTiming t("roads: cache key (hash the roads source)");
      try {
        graph_key = data_detail::road_graph_key(s, m);
      } catch (const std::exception& e) {
        run->warn(std::string("road network cache: ") + e.what() + "; going on without it");
      }
    }
    if (graph_key) {
      network::ScopedTiming t("roads: cache read graph");
      cached = cache.load_graph(*graph_key);
    }
    if (cached) {
      out.report.notes.insert(out.report.notes.end(), cached->notes.begin(), cached->notes.end());
      return;
    }
    network::ScopedTiming t("roads: load lines (OGR)");
    const std::size_t before = out.report.notes.size();
    out.roads = data_detail::load_roads(s, m, out.working_crs, out.report);
    road_notes.assign(out.report.notes.begin() + static_cast<std::ptrdiff_t>(before),
                      out.report.notes.end());
  };
  {
    network::ScopedTiming t("load dataset (parcels, layers, roads)");
    run->dataset = load_dataset(m, &roles, with_parcels, load_roads);
  }
  Dataset& d = run->dataset;
  try {
    if (cached) {
      run->roads = std::make_unique<network::RoadNetwork>(d.roads_layer, std::move(cached->graph),
                                                          d.road_settings);
    } else if ((run->roads = take_road_network(d)) && graph_key) {
      network::ScopedTiming t("roads: cache write graph");
      cache.store_graph(*graph_key, run->roads->graph(), road_notes);
    }
  } catch (const std::invalid_argument& e) {
    throw InputError(m.path + ": $.layers." + d.roads_layer + ": " + e.what());
  }
  cached.reset();
  if (run->roads && graph_key) run->roads->use_cache(&cache, *graph_key);
  run->index = std::make_unique<ReferenceIndex>(d.layers, run->roads.get());

  for (const auto& c : run->plan.criteria) {
    EnabledCriterion e;
    e.name = c.name;
    e.plugin = c.plugin->info.name;
    e.file = c.plugin->file;
    e.weight = c.weight;
    e.criterion = c.criterion;
    const std::string who = e.who();
    try {
      e.criterion->configure(run->plan.profile.profile, c.options, *run->index);
      e.factors = e.criterion->factors();
    } catch (const std::invalid_argument& ex) {
      throw InputError(run->plan.profile.path + ": $.plugins." + e.name + ": " + ex.what());
    } catch (const std::exception& ex) {
      throw PluginError(who + " failed to configure: " + ex.what());
    } catch (...) {
      throw PluginError(who + " failed to configure with an unknown exception");
    }
    run->criteria.push_back(std::move(e));
  }
  return run;
}

std::unique_ptr<Run> execute(Plan plan, const RunRequest& request,
                             const ProgressCallback& progress) {
  auto run = prepare(std::move(plan));
  EngineOptions eo;
  eo.threads = request.threads;
  eo.aggregation = run->plan.profile.aggregation;
  if (progress)
    eo.progress = [&progress](std::size_t done, std::size_t total) {
      progress({"score", done, total});
    };
  std::vector<VetoEntry> vetoes =
      requirement_vetoes(run->plan.profile.profile, run->dataset.parcels);
  try {
    std::vector<VetoEntry> limits = access_limit_vetoes(
        run->plan.profile.access_limits, run->dataset.parcels, *run->index, request.threads);
    std::move(limits.begin(), limits.end(), std::back_inserter(vetoes));
  } catch (const InputError& e) {
    throw InputError(run->plan.profile.path + ": " + e.what());
  }
  network::ScopedTiming timing("score and rank");
  // The engine sorts vetoes by parcel, stably: requirements, then limits.
  run->result =
      score_and_rank(run->dataset.parcels, *run->index, run->criteria, eo, std::move(vetoes));
  return run;
}

}  // namespace siterank
