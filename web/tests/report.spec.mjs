// ctest web.report_browser: the HTML report of the Hangzhou sample (with the
// isochrones of the road fixture) in a real
// browser (Debian's chromium driven by playwright-core from npm), opened
// from file:// with every http(s) request intercepted. What the page shows is
// compared with what the CLI itself says (`rank -f json`, `explain -f json`).
// Keeps a screenshot in OUT_DIR and prints its path.
//
// Usage: node report.spec.mjs SITERANK_CLI SOURCE_DIR OUT_DIR
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const [cli, sourceDir, outDir] = process.argv.slice(2);
if (!cli || !sourceDir || !outDir) {
  console.error('usage: node report.spec.mjs SITERANK_CLI SOURCE_DIR OUT_DIR');
  process.exit(2);
}
const chromiumPath = '/usr/bin/chromium';
if (!fs.existsSync(chromiumPath)) {
  console.error(`FAIL: ${chromiumPath} is missing: run scripts/install-deps.sh (Debian package chromium)`);
  process.exit(1);
}
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch (e) {
  console.error(`FAIL: cannot load playwright-core (${e.message}); ` +
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
    console.log(`FAIL: ${what}${detail !== undefined ? `\n  ${detail}` : ''}`);
  }
}
function siterank(args) {
  return execFileSync(cli, args, { encoding: 'utf8', maxBuffer: 256 << 20 });
}

const profile = path.join(sourceDir, 'configs/profiles/ic_packaging_test_plant.json');
fs.mkdirSync(outDir, { recursive: true });
const reportPath = path.resolve(outDir, 'report_browser.html');
const screenshotPath = path.resolve(outDir, 'report_screenshot.png');
fs.rmSync(reportPath, { force: true });
// Isochrones of the road fixture (tests/data/roads, in Hangzhou's west):
// drawn on the report's map as a layer the reader switches on.
const isochronesPath = path.resolve(outDir, 'report_isochrones.geojson');
siterank(['isochrones', '--dataset', path.join(sourceDir, 'tests/data/roads'), '--role', 'rail_hubs',
  '--minutes', '1,2', '-o', isochronesPath, '-q']);
const isochrones = JSON.parse(fs.readFileSync(isochronesPath, 'utf8'));
siterank(['report', '--profile', profile, '-o', reportPath, '--isochrones', isochronesPath, '-q']);
// The CLI's own view of the same run: every parcel, ranked then vetoed.
const result = JSON.parse(siterank(['rank', '--profile', profile, '-f', 'json', '--include-vetoed', '-q']));
const cliIds = result.parcels.map((p) => p.parcel_id);

const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const consoleErrors = [];
  const foreignRequests = [];  // anything but the file itself and inline data
  const tileRequests = [];     // after the user adds a basemap
  let basemapAdded = false;
  await context.route(/^https?:/, (route) => {
    const url = route.request().url();
    if (basemapAdded && url.startsWith('https://tiles.invalid/')) {
      tileRequests.push(url);
      // A 1×1 transparent PNG, so the page sees a tile and logs no error.
      return route.fulfill({
        contentType: 'image/png',
        body: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64'),
      });
    }
    foreignRequests.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (msg) => { if (msg.type() === 'error') consoleErrors.push(msg.text()); });
  page.on('pageerror', (err) => consoleErrors.push(`uncaught: ${err.message}`));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith('file:') && !url.startsWith('data:') && !/^https?:/.test(url)) foreignRequests.push(url);
  });
  page.on('requestfailed', (req) => consoleErrors.push(`request failed: ${req.url()}`));

  const started = Date.now();
  await page.goto(pathToFileURL(reportPath).href, { waitUntil: 'load' });
  await page.waitForSelector('path.sr-parcel');
  console.log(`page loaded in ${Date.now() - started} ms`);

  const embedded = await page.evaluate(() => JSON.parse(document.getElementById('siterank-data').textContent));
  const embeddedIds = embedded.explanations.map((e) => e.parcel_id);
  const paths = await page.locator('path.sr-parcel').count();
  const rows = await page.locator('#ranking tbody tr').count();
  check(cliIds.length > 0 && paths === cliIds.length,
    `the map draws every parcel: ${paths} parcel paths, the CLI ranks and vetoes ${cliIds.length}`);
  check(embedded.parcels.features.length === paths, `the embedded GeoJSON has ${embedded.parcels.features.length} features`);
  check(JSON.stringify(embeddedIds) === JSON.stringify(cliIds), 'embedded parcels are the CLI\'s, in its order');
  check(rows === cliIds.length, `the table has a row per parcel (${rows})`);
  check(embedded.summary.ranked === result.summary.ranked && embedded.summary.vetoed === result.summary.vetoed,
    `ranked and vetoed counts as the CLI's (${result.summary.ranked}, ${result.summary.vetoed})`);
  const vetoedPaths = await page.evaluate((grey) => [...document.querySelectorAll('path.sr-parcel')]
    .filter((p) => p.getAttribute('fill') === grey).length, embedded.vetoed_colour);
  check(vetoedPaths === result.summary.vetoed, `vetoed parcels drawn grey (${vetoedPaths})`);

  const title = await page.locator('#title').textContent();
  check(title === result.profile.name, `the profile's name is shown: ${title}`);
  for (const c of result.criteria) {
    const shown = await page.locator(`#weights tr[data-criterion="${c.name}"] td`).nth(1).textContent();
    check(shown === `${(100 * c.weight).toFixed(1)} %`, `weight of ${c.name} shown as ${shown}`);
  }
  const platformPaths = await page.locator('path.sr-platform').count();
  check(platformPaths === embedded.platforms.features.length && platformPaths > 0,
    `platform outlines drawn (${platformPaths})`);
  const referencePoints = embedded.layers.reduce((n, l) => n + l.features.features.length, 0);
  const referencePaths = await page.locator('path.sr-reference').count();
  check(referencePaths === referencePoints && referencePoints > 0, `reference points drawn (${referencePaths})`);

  // Isochrones: embedded as `siterank isochrones` wrote them, off until switched on.
  const drawable = isochrones.features.filter((f) => f.geometry !== null).length;
  check(embedded.isochrones && JSON.stringify(embedded.isochrones.features) === JSON.stringify(isochrones),
    `the isochrones file is embedded as written (${isochrones.features.length} features)`);
  check(await page.locator('path.sr-isochrone').count() === 0, 'isochrones are not drawn until switched on');
  const isoSwitch = page.locator('.sr-legend label', { hasText: 'isochrones: rail_hubs (1, 2 min)' }).locator('input');
  check(await isoSwitch.count() === 1 && !(await isoSwitch.isChecked()), 'the isochrones switch is there, off');
  await isoSwitch.check();
  const isoPaths = await page.locator('path.sr-isochrone').count();
  check(drawable > 0 && isoPaths === drawable, `switched on, every isochrone with an area is drawn (${isoPaths})`);
  await isoSwitch.uncheck();
  check(await page.locator('path.sr-isochrone').count() === 0, 'switched off again, none');

  // The breakdown panel for a parcel, compared with `siterank explain`.
  async function checkBreakdown(id, how) {
    const explained = JSON.parse(siterank(['explain', '--profile', profile, '--parcel', id, '-f', 'json']));
    const shownId = await page.locator('#breakdown .parcel-id').textContent();
    check(shownId.split(' ')[0] === id, `${how}: the breakdown shows parcel ${id}`, shownId);
    for (const c of explained.criteria) {
      const row = page.locator(`#breakdown tr[data-criterion="${c.criterion}"]`);
      const contribution = await row.locator('td.contribution').textContent();
      const expected = c.contribution === null ? '–' : c.contribution.toFixed(2);
      check(contribution === expected, `${how}: ${c.criterion} contributes ${contribution} (explain: ${c.contribution})`);
      const score = await row.locator('td.score').textContent();
      check(score === c.score.toFixed(2), `${how}: ${c.criterion} scores ${score} (explain: ${c.score})`);
    }
    const selectedRow = await page.locator('#ranking tbody tr.selected').getAttribute('data-parcel-id');
    check(selectedRow === id, `${how}: the table highlights ${id}`, selectedRow);
  }

  // A click on a parcel of the map (the 5th; paths are in data order until
  // a selection brings one to the front).
  const fifth = page.locator('path.sr-parcel').nth(4);
  await fifth.dispatchEvent('click');
  await checkBreakdown(cliIds[4], 'map click');

  // A click on the 3rd row of the table zooms the map to that parcel.
  const zoomBefore = await page.evaluate(() => document.querySelector('.leaflet-proxy')?.style.transform || '');
  await page.locator('#ranking tbody tr:nth-child(3)').click();
  await page.waitForTimeout(600);  // Leaflet's zoom animation
  const zoomAfter = await page.evaluate(() => document.querySelector('.leaflet-proxy')?.style.transform || '');
  check(zoomAfter !== zoomBefore, 'a row click moves the map to the parcel');
  await checkBreakdown(cliIds[2], 'row click');
  const highlighted = await page.locator('path.sr-parcel[stroke-width="4"]').count();
  check(highlighted === 1, `exactly one parcel outlined on the map (${highlighted})`);

  await page.screenshot({ path: screenshotPath });
  console.log(`screenshot: ${screenshotPath}`);

  check(consoleErrors.length === 0, 'no console errors', consoleErrors.join('\n  '));
  check(foreignRequests.length === 0, 'no request other than file:// (no network)', foreignRequests.join('\n  '));

  // The optional online basemap: nothing before the user asks, tiles after.
  check(tileRequests.length === 0, 'no tile requested before a basemap is added');
  basemapAdded = true;
  await page.locator('#basemap summary').click();
  await page.fill('#basemap-url', 'https://tiles.invalid/{z}/{x}/{y}.png');
  await page.click('#basemap-add');
  await page.waitForTimeout(500);
  check(tileRequests.length > 0, `tiles requested once a basemap is added (${tileRequests.length})`);
  check(consoleErrors.length === 0, 'still no console errors', consoleErrors.join('\n  '));
} finally {
  await browser.close();
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
