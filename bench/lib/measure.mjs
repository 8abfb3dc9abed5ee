import { resolve } from 'node:path';
import { gzipFileSize } from './build.mjs';
import { filterClicks, hoverMarks, pageFacts, probe, sortClicks } from './in-page.mjs';

/*
 * One page load (fresh browser context, empty cache) and, on request, the interactions on it.
 * Everything timed is timed in the page; node only drives and collects.
 */

export const VIEWPORT = { width: 1280, height: 900 };

/** The views of src/app/app.tsx, each with what it looks like once drawn with data. */
const CHART_IDS = ['training-cost', 'gpu-hours', 'co2', 'timeline', 'lineage'];
const chartMarks = (id) =>
  `[data-chart="${id}"] svg :is(.bar-row, .timeline-mark, .lineage-node, [data-system-id]), [data-chart="${id}"] [data-testid$="-empty"], [data-chart="${id}"] .timeline-empty`;
export const APP_PAGE = {
  marks: {
    overview: '[data-view="overview"] [data-testid="card-models"]',
    'models-table': '[data-view="models-table"] tbody tr[data-system-id], [data-view="models-table"] .empty-result',
    ...Object.fromEntries(CHART_IDS.map((id) => [id, chartMarks(id)])),
    // A dataset without the talk's tables (the synthetic ones) shows only the intro.
    'seed-tables': '[data-view="seed-tables"] :is(table tbody tr, .seed-intro)',
    compare: '[data-view="compare"] .view',
  },
  charts: CHART_IDS,
  sortFields: ['parameters', 'name'],
};
/** The floor page (bench/floor/main.tsx): recharts draws each bar as a path.recharts-rectangle. */
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
  // Let the page finish what it started (effects, idle work) before weighing it.
  await page.waitForTimeout(500);
  const { marks, longTasks } = await page.evaluate(() => ({ marks: window.__bench.marks, longTasks: window.__bench.longTasks }));
  const facts = await page.evaluate(pageFacts);

  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');

  const files = [...new Set(requested)];
  const sized = files.map((file) => {
    const isDataset = /^assets\/dataset-[^/]+\.js$/.test(file);
    const gzip = isDataset && dataset ? dataset.gzip : gzipFileSize(resolve(outDir, file));
    return {
      file,
      kind: file.endsWith('.css') ? 'css' : 'js',
      initial: initial.has(file),
      gzip,
      served: isDataset && dataset ? 'bench' : 'build',
    };
  });

  const chartTimes = pageSpec.charts.map((id) => marks[id]).filter((t) => t !== undefined);
  const viewTimes = wanted.map((id) => marks[id]);
  const firstScreen = facts.firstScreenViews.filter((id) => id in pageSpec.marks);
  const firstScreenTimes = firstScreen.map((id) => marks[id]);
  const result = {
    complete: complete && !facts.datasetProblems,
    datasetProblems: facts.datasetProblems,
    errors,
    marks,
    fcp: facts.fcp,
    firstChart: chartTimes.length ? Math.min(...chartTimes) : null,
    firstScreenViews: firstScreen,
    firstScreen: firstScreenTimes.length && firstScreenTimes.every((t) => t !== undefined) ? Math.max(...firstScreenTimes) : null,
    allViews: viewTimes.every((t) => t !== undefined) ? Math.max(...viewTimes) : null,
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
