// ctest web.geojson_rfc7946: the GeoJSON that `siterank rank` writes, checked
// by an RFC 7946 validator that shares no code with siterank
// (@placemarkio/check-geojson from npm), on the Hangzhou sample and on the
// grid fixture (holes, a repaired MultiPolygon, a vetoed parcel). Then the
// same validator is shown broken files, which it must reject, so this test
// can fail.
//
// Usage: node validate_geojson.mjs SITERANK_CLI SOURCE_DIR FIXTURE_PLUGIN_DIR
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import process from 'node:process';

const [cli, sourceDir, fixturePlugins] = process.argv.slice(2);
if (!cli || !sourceDir || !fixturePlugins) {
  console.error('usage: node validate_geojson.mjs SITERANK_CLI SOURCE_DIR FIXTURE_PLUGIN_DIR');
  process.exit(2);
}

let getIssues;
try {
  ({ getIssues } = await import('@placemarkio/check-geojson'));
} catch (e) {
  console.error(`FAIL: cannot load @placemarkio/check-geojson (${e.message}); ` +
    'run scripts/install-deps.sh, which runs `npm ci --prefix web`');
  process.exit(1);
}

let passed = 0;
let failed = 0;
function check(ok, what, detail) {
  if (ok) {
    passed++;
    console.log(`ok: ${what}`);
  } else {
    failed++;
    console.log(`FAIL: ${what}${detail ? `\n  ${detail}` : ''}`);
  }
}

function siterank(args) {
  return execFileSync(cli, args, { encoding: 'utf8', maxBuffer: 256 << 20 });
}

function issuesOf(text) {
  return getIssues(text).map((i) => `${i.message} (from ${i.from} to ${i.to})`);
}

const profile = path.join(sourceDir, 'configs/profiles/ic_packaging_test_plant.json');
const grid = path.join(sourceDir, 'tests/data/grid');
const runs = [
  ['sample, ranked and vetoed', ['--profile', profile, '--include-vetoed']],
  ['sample, GCJ-02 (foreign member siterank_crs)', ['--profile', profile, '--crs-out', 'gcj02']],
  ['grid fixture', ['--profile', path.join(grid, 'profile_two.json'), '--dataset', grid,
    '--plugins-dir', fixturePlugins, '--include-vetoed']],
  ['grid fixture, --no-style', ['--profile', path.join(grid, 'profile_area.json'), '--dataset',
    grid, '--plugins-dir', fixturePlugins, '--no-style']],
];

let gridText = '';
for (const [what, args] of runs) {
  const text = siterank(['rank', ...args, '-f', 'geojson', '-q']);
  const issues = issuesOf(text);
  const features = JSON.parse(text).features.length;
  check(issues.length === 0 && features > 0, `${what}: ${features} features, no RFC 7946 errors`,
    issues.slice(0, 10).join('\n  '));
  if (what === 'grid fixture') gridText = text;
}

// The grid output has what the checks below break: a Polygon with a hole
// and a MultiPolygon.
const grid_ = JSON.parse(gridText);
const types = new Set(grid_.features.map((f) => f.geometry.type));
check(types.has('Polygon') && types.has('MultiPolygon'), 'grid fixture has Polygons and a MultiPolygon',
  [...types].join(', '));

// Negative checks: each breaks one RFC 7946 rule in a copy of a valid file.
const broken = {
  'a ring that is not closed': (g) => { g.features[0].geometry.coordinates[0].pop(); },
  'a ring of three positions': (g) => {
    const ring = g.features[0].geometry.coordinates[0];
    g.features[0].geometry.coordinates[0] = [ring[0], ring[1], ring[0]];
  },
  'an unknown geometry type': (g) => { g.features[0].geometry.type = 'Polygn'; },
  'a position with one number': (g) => { g.features[0].geometry.coordinates[0][1] = [120.2]; },
  'a feature without geometry member': (g) => { delete g.features[0].geometry; },
  'a FeatureCollection without features': (g) => { delete g.features; },
};
for (const [what, breakIt] of Object.entries(broken)) {
  const g = JSON.parse(gridText);
  breakIt(g);
  const issues = issuesOf(JSON.stringify(g));
  check(issues.length > 0, `the validator rejects ${what}`, 'it found nothing wrong');
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
