#!/usr/bin/env node
// `npm run bench`: builds the site and the floor page, serves both on loopback, measures them in
// the system Chromium at each dataset size, prints issue 18's figures with their targets per size
// and in one summary table, and writes bench/results/latest.json. See bench/README.md.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { findChromium } from '../tests/e2e/find-chromium.mjs';
import { APP_OUT, FLOOR_OUT, buildAll, gzipBodySize, initialFiles } from './lib/build.mjs';
import { EPOCH_CSV, makeDatasets } from './lib/datasets.mjs';
import { APP_PAGE, FLOOR_PAGE, importFile, interact, loadOnce } from './lib/measure.mjs';
import { printFloor, printSize, printSummary, summariseImports, summariseInteractions, summariseLoads } from './lib/report.mjs';
import { serveStatic } from './lib/serve.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
// Other work on the machine slows every figure: the 1-minute load average as the run began and ended.
const loadAtStart = loadavg()[0];

const env = process.env;
const QUICK = env.BENCH_QUICK === '1';
const positive = (name, fallback) => {
  if (env[name] === undefined || env[name] === '') return fallback;
  const n = Number(env[name]);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${env[name]}"`);
  return n;
};
const RUNS = Math.max(1, positive('BENCH_RUNS', QUICK ? 1 : 5));
const COUNTS = {
  filter: positive('BENCH_FILTER_CLICKS', QUICK ? 6 : 30),
  sort: positive('BENCH_SORT_CLICKS', QUICK ? 4 : 20),
  hover: positive('BENCH_HOVERS', QUICK ? 4 : 20),
};
const SIZES = (env.BENCH_SIZES ?? 'bundled,epoch,10000,50000')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
// 50,000 systems take long per load and per click: fewer loads and interactions there.
const CAP_AT = 50000;
// One load there takes over a minute and one filter click tens of seconds on a 2-core machine.
const CAP = QUICK ? { runs: 1, filter: 2, sort: 2, hover: 2 } : { runs: 2, filter: 4, sort: 4, hover: 4 };
const TIMEOUT_MS = positive('BENCH_TIMEOUT_MS', 300000);
// Importing Epoch's CSV through the dialog, each in a fresh load of the bundled site (median).
const IMPORT_RUNS = positive('BENCH_IMPORT_RUNS', QUICK ? 1 : 3);
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

const log = (msg) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${msg}\n`);

const executablePath = findChromium();
if (!executablePath) {
  console.error(
    'No Chromium found: install one (sudo apt-get install -y chromium) or set CHROME_PATH. The bench never downloads a browser.',
  );
  process.exit(1);
}

async function measurePage(label, { url, outDir, page, dataset, runs, interactions, isFloor }) {
  const initial = initialFiles(outDir);
  const browser = await chromium.launch({ executablePath, args: ARGS });
  try {
    const loads = [];
    let interacted = null;
    for (let i = 0; i < runs; i++) {
      const last = i === runs - 1;
      log(`${label}: load ${i + 1}/${runs}${last ? ' + interactions' : ''}`);
      const {
        result,
        page: open,
        context,
      } = await loadOnce(browser, { url, outDir, initial, page, dataset, timeoutMs: TIMEOUT_MS, keepOpen: last });
      loads.push(result);
      if (last) {
        if (result.complete) interacted = await interact(open, { ...interactions, isFloor, timeoutMs: TIMEOUT_MS });
        await context.close();
      }
    }
    return { load: summariseLoads(loads), interactions: summariseInteractions(interacted), raw: { loads, interactions: interacted } };
  } finally {
    await browser.close();
  }
}

/**
 * Issue 18's "import an Epoch release": in a fresh load of the bundled site, Epoch's CSV picked in
 * the import dialog and applied with its defaults; `IMPORT_RUNS` times, each in its own load.
 */
async function measureImport() {
  const file = resolve(ROOT, EPOCH_CSV);
  if (!existsSync(file)) return { import: { n: 0, ok: 0, errors: [`${EPOCH_CSV} not found`] } };
  const browser = await chromium.launch({ executablePath, args: ARGS });
  const samples = [];
  try {
    for (let i = 0; i < IMPORT_RUNS; i++) {
      log(`import of Epoch's CSV ${i + 1}/${IMPORT_RUNS} (fresh load of the bundled site)`);
      const { result, page, context } = await loadOnce(browser, {
        url: app.url,
        outDir: resolve(ROOT, APP_OUT),
        initial: initialFiles(resolve(ROOT, APP_OUT)),
        page: APP_PAGE,
        dataset: null,
        timeoutMs: TIMEOUT_MS,
        keepOpen: true,
      });
      samples.push(
        result.complete ? await importFile(page, { file, timeoutMs: TIMEOUT_MS }) : { error: 'the bundled site did not finish loading' },
      );
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { import: summariseImports(samples), rawImport: samples };
}

function gitDescribe() {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return { commit, dirty };
  } catch {
    return null;
  }
}

if (env.BENCH_SKIP_BUILD === '1') log(`BENCH_SKIP_BUILD=1: reusing ${APP_OUT}/ and ${FLOOR_OUT}/`);
else {
  log(`building the site into ${APP_OUT}/ and the floor page into ${FLOOR_OUT}/`);
  await buildAll(ROOT);
}
log(`preparing datasets: ${SIZES.join(', ')}`);
const datasets = await makeDatasets(ROOT, SIZES);
const app = await serveStatic(resolve(ROOT, APP_OUT));
const floorServer = await serveStatic(resolve(ROOT, FLOOR_OUT));
const browserVersion = await (async () => {
  const b = await chromium.launch({ executablePath, args: ARGS });
  const v = b.version();
  await b.close();
  return v;
})();

const results = {
  when: new Date().toISOString(),
  git: gitDescribe(),
  chromium: `${executablePath} ${browserVersion}`,
  node: process.version,
  viewport: '1280×900',
  loadAverage: { start: loadAtStart, end: null },
  config: { quick: QUICK, runs: RUNS, counts: COUNTS, importRuns: IMPORT_RUNS, sizes: SIZES, capAt50000: CAP },
  floor: null,
  sizes: [],
};

try {
  log('floor page');
  const floor = await measurePage('floor', {
    url: floorServer.url,
    outDir: resolve(ROOT, FLOOR_OUT),
    page: FLOOR_PAGE,
    runs: RUNS,
    interactions: { filter: 0, sort: COUNTS.sort, hover: 0 },
    isFloor: true,
  });
  results.floor = floor;

  for (const d of datasets) {
    if (d.skipped) {
      results.sizes.push({ key: d.key, label: d.label, skipped: d.skipped });
      continue;
    }
    const capped = d.systems >= CAP_AT;
    const runs = capped ? Math.min(RUNS, CAP.runs) : RUNS;
    const interactions = capped
      ? { filter: Math.min(COUNTS.filter, CAP.filter), sort: Math.min(COUNTS.sort, CAP.sort), hover: Math.min(COUNTS.hover, CAP.hover) }
      : COUNTS;
    const capNote = capped
      ? `capped at this size: ${runs} load(s), ${interactions.filter} filter clicks, ${interactions.sort} sorts, ${interactions.hover} hovers`
      : null;
    const dataset = d.body ? { body: d.body, gzip: gzipBodySize(d.body) } : null;
    log(`${d.label}${dataset ? ` (dataset chunk ${(dataset.body.length / 1e6).toFixed(1)} MB)` : ''}`);
    const m = await measurePage(d.key, {
      url: app.url,
      outDir: resolve(ROOT, APP_OUT),
      page: APP_PAGE,
      dataset,
      runs,
      interactions,
      isFloor: false,
    });
    const imported = d.key === 'epoch' ? await measureImport() : null;
    results.sizes.push({ key: d.key, label: d.label, systems: d.systems, capNote, ...m, ...(imported ?? {}) });
  }
} finally {
  await app.close();
  await floorServer.close();
}

// ---- print ----
const seconds = (Date.now() - started) / 1000;
results.loadAverage.end = loadavg()[0];
console.log(
  `\nBenchmark — ${results.when} — ${results.chromium}, viewport 1280×900, ${RUNS} fresh load(s) per size (medians)${QUICK ? ' — BENCH_QUICK=1 smoke run' : ''}`,
);
console.log(
  `Interactions per size: ${COUNTS.filter} filter clicks, ${COUNTS.sort} header clicks, ${COUNTS.hover} hovers. Sizes are gzip (zlib default level) of the built files.`,
);
console.log(
  `Machine load (1-minute average) at start / end: ${results.loadAverage.start.toFixed(1)} / ${results.loadAverage.end.toFixed(1)} on ${availableParallelism()} cores.`,
);
printFloor(results.floor);
const allChecks = [];
for (const size of results.sizes) {
  if (size.skipped) {
    console.log(`\n== ${size.label}\n  ${size.skipped}`);
    continue;
  }
  for (const c of printSize(size, results.floor)) allChecks.push({ size: size.key, ...c });
}
printSummary(results);
const met = allChecks.filter((c) => c.ok === true).length;
console.log(
  `\nIssue 18 targets met: ${met} of ${allChecks.length}.${
    allChecks.some((c) => !c.ok)
      ? ` Not met: ${allChecks
          .filter((c) => !c.ok)
          .map((c) => `${c.name} @ ${c.size}`)
          .join('; ')}.`
      : ''
  }`,
);
console.log(`Run time: ${seconds.toFixed(0)} s. JSON: bench/results/latest.json`);

results.checks = allChecks;
results.runSeconds = seconds;
mkdirSync(resolve(ROOT, 'bench/results'), { recursive: true });
writeFileSync(resolve(ROOT, 'bench/results/latest.json'), `${JSON.stringify(results, null, 2)}\n`);
