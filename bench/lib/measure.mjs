import { resolve } from 'node:path';
import { gzipFileSize } from './build.mjs';
import { applyImportTimed, filterClicks, hoverMarks, pageFacts, probe, sortClicks, watchImportPick } from './in-page.mjs';

/*
 * One page load (fresh browser context, empty cache) and, on request, the interactions on it.
 * Everything timed is timed in the page; node only drives and collects.
 */

export const VIEWPORT = { width: 1280, height: 900 };

/** The views of src/app/app.tsx, each with what it looks like once drawn with data. */
const CHART_IDS = ['training-cost', 'gpu-hours', 'scale', 'co2', 'timeline', 'lineage'];
const chartMarks = (id) =>
  `[data-chart="${id}"] svg :is(.bar-row, .timeline-mark, .lineage-node, [data-system-id]), [data-chart="${id}"] [data-testid$="-empty"], [data-chart="${id}"] .timeline-empty`;
export const APP_PAGE = {
  marks: {
    // The headline chart (src/app/headline.tsx): drawn by script, or prerendered into index.html.
    headline: '[data-testid="headline-figure"] svg',
    overview: '[data-view="overview"] [data-testid="card-models"]',
    'models-table': '[data-view="models-table"] tbody tr[data-system-id], [data-view="models-table"] .empty-result',
    ...Object.fromEntries(CHART_IDS.map((id) => [id, chartMarks(id)])),
    // A dataset without the talk's tables (the synthetic ones) shows only the intro.
    'seed-tables': '[data-view="seed-tables"] :is(table tbody tr, .seed-intro)',
    compare: '[data-view="compare"] .view',
  },
  charts: ['headline', ...CHART_IDS],
  sortFields: ['parameters', 'name'],
};
/**
 * The floor page (bench/floor/main.tsx): recharts draws each bar as a path.recharts-rectangle. It
 * sets `<html data-live>` after its first commit, as the app does once it answers a click.
 */
export const FLOOR_PAGE = {
  marks: { chart: '[data-chart] svg .recharts-rectangle', table: 'tbody tr[data-system-id]' },
  charts: ['chart'],
  sortFields: ['parameters', 'name'],
};

/**
 * Loads `url` once. `dataset` (optional) is `{ body, gzip }`: served in place of the dataset chunk,
 * the way tests/e2e/helpers.ts `serveDataset` does. Returns the figures and, when `keepOpen`, the page.
 */
export async function loadOnce(browser, { url, outDir, initial, page: pageSpec, dataset, timeoutMs, keepOpen = false }) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  const requested = [];
  const origin = new URL(url).origin;
  page.on('request', (req) => {
    const u = new URL(req.url());
    if (u.origin === origin && /\.(m?js|css)$/.test(u.pathname)) requested.push(u.pathname.replace(/^\//, ''));
  });
  await page.addInitScript(probe, { marks: pageSpec.marks, timeoutMs });
  if (dataset)
    await page.route(/\/assets\/dataset-[^/]+\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: dataset.body }));

  await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
  const wanted = Object.keys(pageSpec.marks);
  let complete = true;
  try {
    await page.waitForFunction(
      (ids) => ids.every((id) => window.__bench.marks[id] !== undefined) || !!document.querySelector('[data-testid="dataset-problems"]'),
      wanted,
      { timeout: timeoutMs, polling: 100 },
    );
  } catch {
    complete = false;
  }
  // Every view is drawn, so a page that sets data-live has set it by now; a little grace, then a
  // build without it is measured by the fallback (first-screen views painted).
  await page.waitForFunction(() => window.__bench.live !== null, null, { timeout: 2000, polling: 50 }).catch(() => undefined);
  // Let the page finish what it started (effects, idle work) before weighing it.
  await page.waitForTimeout(500);
  const {
    marks: frameMarks,
    longTasks,
    live,
  } = await page.evaluate(() => ({
    marks: window.__bench.marks,
    longTasks: window.__bench.longTasks,
    live: window.__bench.live,
  }));
  const facts = await page.evaluate(pageFacts);
  // A paint time: a mark already in the HTML is found in a frame that may come before anything is
  // painted, so no mark counts earlier than first-contentful-paint.
  const marks = Object.fromEntries(Object.entries(frameMarks).map(([id, t]) => [id, facts.fcp === null ? t : Math.max(facts.fcp, t)]));

  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');

  const isDataset = (file) => /^assets\/dataset-[^/]+\.js$/.test(file);
  const sizeOf = (file) => {
    if (isDataset(file) && dataset) return dataset.gzip;
    try {
      return gzipFileSize(resolve(outDir, file));
    } catch {
      return null;
    }
  };
  const files = [...new Set(requested)];
  const sized = files.map((file) => ({
    file,
    kind: file.endsWith('.css') ? 'css' : 'js',
    initial: initial.has(file),
    gzip: sizeOf(file),
    served: isDataset(file) && dataset ? 'bench' : 'build',
  }));
  const scripts = facts.scripts.map((s) => ({ ...s, gzip: sizeOf(s.file), served: isDataset(s.file) && dataset ? 'bench' : 'build' }));

  const chartTimes = pageSpec.charts.map((id) => marks[id]).filter((t) => t !== undefined);
  const viewTimes = wanted.map((id) => marks[id]);
  const firstScreen = facts.firstScreenViews.filter((id) => id in pageSpec.marks);
  const firstScreenTimes = firstScreen.map((id) => marks[id]);
  const firstChart = chartTimes.length ? Math.min(...chartTimes) : null;
  const firstScreenAt = firstScreenTimes.length && firstScreenTimes.every((t) => t !== undefined) ? Math.max(...firstScreenTimes) : null;
  const allViews = viewTimes.every((t) => t !== undefined) ? Math.max(...viewTimes) : null;
  // When the page answers a click: data-live, else (a build without it) every first-screen view painted.
  const liveAt = live ?? firstScreenAt ?? allViews;
  /** gzip of every script whose request started before `moment` (modulepreloads and import()s included). */
  const jsBefore = (moment) => (moment === null ? null : scripts.filter((s) => s.start < moment).reduce((a, s) => a + (s.gzip ?? 0), 0));
  const result = {
    complete: complete && !facts.datasetProblems,
    datasetProblems: facts.datasetProblems,
    errors,
    frameMarks,
    marks,
    fcp: facts.fcp,
    firstChart,
    firstScreenViews: firstScreen,
    firstScreen: firstScreenAt,
    allViews,
    live,
    liveAt,
    liveFallback: live === null,
    jsBeforeFirstChart: jsBefore(firstChart),
    jsBeforeLive: jsBefore(liveAt),
    scripts,
    loadLongTasks: longTasks,
    files: sized,
    heapUsed: heap.usedSize,
    heapTotal: heap.totalSize,
    domNodes: dom.nodes,
    elements: facts.elements,
    tbodyRows: facts.tbodyRows,
    dataRows: facts.dataRows,
  };
  if (keepOpen) return { result, page, context };
  await context.close();
  return { result };
}

/** Runs the interactions on an open, loaded page; each with the long tasks seen while it ran. */
export async function interact(page, { filter, sort, hover, isFloor, timeoutMs }) {
  const out = {};
  const tasksIn = async ([from, to]) =>
    (await page.evaluate(() => window.__bench.longTasks)).filter((t) => t.start + t.duration >= from && t.start <= to);
  const run = async (name, fn, arg) => {
    try {
      const r = await page.evaluate(fn, arg);
      out[name] = r.error ? { error: r.error } : { ...r, longTasks: await tasksIn(r.window) };
    } catch (err) {
      out[name] = { error: String(err instanceof Error ? err.message : err).split('\n')[0] };
    }
  };
  page.setDefaultTimeout(timeoutMs);
  if (!isFloor && filter > 0) {
    try {
      // As tests/e2e/helpers.ts `openFacet` does: click the facet's summary.
      await page.locator('summary', { hasText: 'Organization' }).first().click();
      // Long option lists render once the menu has opened (its toggle event): wait for them.
      await page.locator('details.facet[open] .facet-option').first().waitFor();
      await run('filter', filterClicks, { clicks: filter, maxFrames: 600, gapMs: 50 });
      await page.keyboard.press('Escape');
    } catch (err) {
      out.filter = { error: String(err instanceof Error ? err.message : err).split('\n')[0] };
    }
  }
  if (sort > 0)
    await run('sort', sortClicks, { clicks: sort, fields: (isFloor ? FLOOR_PAGE : APP_PAGE).sortFields, maxFrames: 600, gapMs: 50 });
  if (!isFloor && hover > 0) await run('hover', hoverMarks, { count: hover, maxFrames: 600, gapMs: 50 });
  return out;
}

/**
 * Imports a file into an open, loaded page as a user does: opens the dialog from its header
 * button, picks the file in the dialog's file input, and once the preview shows clicks its import
 * button with the dialog's defaults. Returns pick → preview, import click → views showing the
 * imported data, and the long tasks in that second window.
 */
export async function importFile(page, { file, timeoutMs }) {
  page.setDefaultTimeout(timeoutMs);
  try {
    await page.getByTestId('import-open').click();
    const input = page.getByTestId('import-file');
    await input.waitFor({ state: 'attached' });
    await page.evaluate(watchImportPick, { timeoutMs });
    await input.setInputFiles(file);
    await page.waitForFunction(() => window.__import.preview !== null || window.__import.error !== null, null, {
      timeout: timeoutMs,
      polling: 50,
    });
    const pick = await page.evaluate(() => window.__import);
    if (pick.error) return { error: pick.error };
    const applied = await page.evaluate(applyImportTimed, { marks: APP_PAGE.marks, timeoutMs });
    if (applied.error) return { error: applied.error, previewMs: pick.preview - pick.pick };
    // Long-task entries arrive a moment after the task: give them a frame or two.
    await page.waitForTimeout(200);
    const [from, to] = applied.window;
    const tasks = (await page.evaluate(() => window.__bench.longTasks)).filter((t) => t.start + t.duration >= from && t.start <= to);
    return {
      previewMs: pick.preview - pick.pick,
      appliedMs: applied.ms,
      resultCount: applied.resultCount,
      longTasks: tasks,
      longTaskMax: tasks.length ? Math.max(...tasks.map((t) => t.duration)) : 0,
    };
  } catch (err) {
    return { error: String(err instanceof Error ? err.message : err).split('\n')[0] };
  }
}
