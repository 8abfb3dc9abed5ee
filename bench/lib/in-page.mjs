/*
 * Functions that run inside the page (serialised by Playwright, so each one is self-contained).
 * Every latency is measured in the page: from just before `element.click()` (or the hover event)
 * to the end of the first frame that shows the expected result — a requestAnimationFrame, then a
 * MessageChannel message, which runs after that frame was handed to the compositor.
 */

/**
 * Init script: records `performance.now()` in the first animation frame in which each selector
 * matches (so the element is painted in that frame, or — for something already in the HTML — in
 * the first frame after it was parsed; the report takes max(first-contentful-paint, that frame)),
 * the moment `<html data-live>` is set (the page answers a click), and long tasks.
 */
export function probe(cfg) {
  const bench = { marks: {}, longTasks: [], live: null };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    bench.noLongTasks = true;
  }
  // The app sets data-live on <html> once it has committed with its dataset and its controls work.
  const isLive = () => document.documentElement?.hasAttribute('data-live') ?? false;
  const live = new MutationObserver(() => {
    if (bench.live === null && isLive()) {
      bench.live = performance.now();
      live.disconnect();
    }
  });
  live.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-live'] });
  const pending = new Map(Object.entries(cfg.marks));
  const tick = () => {
    const now = performance.now();
    for (const [id, selector] of pending) {
      if (document.querySelector(selector)) {
        bench.marks[id] = now;
        pending.delete(id);
      }
    }
    if (bench.live === null && isLive()) bench.live = now;
    if (pending.size > 0 && now < cfg.timeoutMs) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/**
 * After load: which views are in the first viewport (the headline counts as one), how many rows
 * the explorer renders, the DOM size, and every script the page requested with when it started.
 */
export function pageFacts() {
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.top < window.innerHeight && r.bottom > 0 && r.height > 0;
  };
  const inFirstScreen = [...document.querySelectorAll('[data-view]')].filter(visible).map((el) => el.getAttribute('data-view'));
  const headline = document.querySelector('[data-testid="headline"]');
  if (headline && visible(headline)) inFirstScreen.unshift('headline');
  const table = document.querySelector('[data-testid="models-table"]');
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  // Every .js the page requested, whatever started it (script, modulepreload, import()), once each.
  const scripts = new Map();
  for (const e of performance.getEntriesByType('resource')) {
    const u = new URL(e.name);
    if (u.origin !== location.origin || !/\.m?js$/.test(u.pathname)) continue;
    const file = u.pathname.replace(/^\//, '');
    if (!scripts.has(file)) scripts.set(file, { file, start: e.startTime, initiator: e.initiatorType });
  }
  return {
    firstScreenViews: inFirstScreen,
    tbodyRows: table ? table.querySelectorAll('tbody tr').length : null,
    dataRows: table ? table.querySelectorAll('tbody tr[data-system-id]').length : null,
    elements: document.getElementsByTagName('*').length,
    fcp: paint ? paint.startTime : null,
    datasetProblems: !!document.querySelector('[data-testid="dataset-problems"]'),
    scripts: [...scripts.values()],
  };
}

/**
 * Toggles one Organization option on and off `clicks` times (the facet must be open). The first
 * on/off pair is untimed: it records what every view shows in each state once settled. At each
 * timed click the views that intersect the viewport are noted, and two times recorded: the end of
 * the first frame in which those views (and the filter bar's result count) show the expected
 * result, and the end of the first frame in which every view does. The fingerprints read the DOM
 * only (counts and attributes, no layout), so views skipped by `content-visibility: auto` or
 * rendered at a lower priority are still waited for.
 */
export async function filterClicks({ clicks, maxFrames, gapMs }) {
  const frame = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now());
        ch.port2.postMessage(0);
      }),
    );
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const COUNT = 'result-count';
  // What each view shows, cheaply: rows/marks per view, filtered-out cells, counts and row counts.
  const fingerprints = () => {
    const parts = { [COUNT]: document.querySelector('[data-testid="result-count"]')?.textContent ?? '' };
    for (const slot of document.querySelectorAll('.view-slot')) {
      const counts = [...slot.querySelectorAll('[data-testid$="-count"]')].map((e) => e.textContent).join('/');
      const rowCount = slot.querySelector('[aria-rowcount]')?.getAttribute('aria-rowcount') ?? '';
      parts[slot.getAttribute('data-view')] =
        `${slot.querySelectorAll('[data-system-id]').length}:${slot.querySelectorAll('.is-filtered-out').length}:${rowCount}:${counts}`;
    }
    return parts;
  };
  // All views, or only `ids`.
  const same = (a, b, ids = null) =>
    ids
      ? ids.every((id) => a[id] === b[id])
      : Object.keys(a).length === Object.keys(b).length && Object.keys(b).every((id) => a[id] === b[id]);
  const inViewport = () =>
    [...document.querySelectorAll('.view-slot[data-view]')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.top < window.innerHeight && r.bottom > 0 && r.height > 0;
      })
      .map((el) => el.getAttribute('data-view'));
  // Settled: the views have caught up with the filters (the app's `data-views-ready`, which waits
  // for the deferred render — frames keep coming while it runs, so a quiet DOM alone is not
  // enough) and nothing changed for 5 frames and 300 ms.
  const caughtUp = () => !document.querySelector('.views') || !!document.querySelector('.views[data-views-ready]');
  const settle = async () => {
    let prev = fingerprints();
    let since = performance.now();
    const end = since + 30000;
    for (let stable = 0; (stable < 5 || performance.now() - since < 300 || !caughtUp()) && performance.now() < end;) {
      await frame();
      await sleep(20);
      const cur = fingerprints();
      if (same(cur, prev)) stable++;
      else {
        stable = 0;
        since = performance.now();
      }
      prev = cur;
    }
    return prev;
  };
  const options = [...document.querySelectorAll('details.facet[open] .facet-option')];
  const index = Math.max(
    0,
    options.findIndex((o) => !o.classList.contains('is-empty')),
  );
  const option = options[index];
  if (!option) return { error: 'no Organization option found' };
  const input = option.querySelector('input');
  const label = option.querySelector('.facet-option-label')?.textContent ?? '';
  const count = option.querySelector('.facet-count')?.textContent ?? '';
  const before = await settle();
  input.click();
  const on = await settle();
  input.click();
  const off = await settle();
  if (same(on, off)) return { error: `toggling "${label}" changed nothing any view shows` };
  if (!same(off, before)) {
    // Name the views that differ, so a failed run says where to look.
    const changed = Object.keys(off)
      .filter((id) => off[id] !== before[id])
      .map((id) => `${id}:${before[id] ?? '?'} → ${off[id]}`);
    return { error: `the views did not return to their first state after toggling twice (${changed.join('; ')})` };
  }
  const samples = [];
  const start = performance.now();
  for (let i = 0; i < clicks; i++) {
    const expected = i % 2 === 0 ? on : off;
    const visible = [COUNT, ...inViewport()];
    const t0 = performance.now();
    input.click();
    let t = await frame();
    let frames = 1;
    let viewport = null;
    for (;;) {
      const cur = fingerprints();
      if (viewport === null && same(cur, expected, visible)) viewport = { ms: t - t0, frames };
      if (same(cur, expected) || frames >= maxFrames) break;
      t = await frame();
      frames++;
    }
    const settled = same(fingerprints(), expected);
    samples.push({ ms: t - t0, frames, settled, viewport, viewportViews: visible.slice(1) });
    await sleep(gapMs);
  }
  // An odd count leaves the option on: switch it back off, untimed.
  if (clicks % 2 === 1) {
    input.click();
    await settle();
  }
  return { option: `${label} (${count})`, samples, window: [start, performance.now()] };
}

/**
 * Clicks the explorer's sort buttons, alternating between fields (each click sorts by that field
 * alone), and waits frame by frame until the first row has changed.
 */
export async function sortClicks({ clicks, fields, maxFrames, gapMs }) {
  const frame = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now());
        ch.port2.postMessage(0);
      }),
    );
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const firstId = () =>
    document.querySelector('[data-testid="models-table"] tbody tr[data-system-id]')?.getAttribute('data-system-id') ?? null;
  const missing = fields.filter((f) => !document.querySelector(`[data-testid="sort-${f}"]`));
  if (missing.length) return { error: `no sort button for ${missing.join(', ')}` };
  // Untimed: one click on each, so the timed clicks alternate between two settled orders.
  for (const f of fields) {
    document.querySelector(`[data-testid="sort-${f}"]`).click();
    await sleep(300);
  }
  const samples = [];
  const start = performance.now();
  for (let i = 0; i < clicks; i++) {
    const button = document.querySelector(`[data-testid="sort-${fields[i % fields.length]}"]`);
    const before = firstId();
    const t0 = performance.now();
    button.click();
    let t = await frame();
    let frames = 1;
    while (firstId() === before && frames < maxFrames) {
      t = await frame();
      frames++;
    }
    samples.push({ ms: t - t0, frames, settled: firstId() !== before });
    await sleep(gapMs);
  }
  return { samples, window: [start, performance.now()] };
}

/**
 * Hovers explorer rows and chart marks in turn (React's enter/leave come from mouseover/mouseout)
 * and waits until every element that highlights that system has its hover class. An untimed pass
 * first learns how many elements that is for each target.
 */
export async function hoverMarks({ count, maxFrames, gapMs }) {
  const frame = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now());
        ch.port2.postMessage(0);
      }),
    );
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const rows = [...document.querySelectorAll('[data-testid="models-table"] tbody tr[data-system-id]')];
  const marks = [...document.querySelectorAll('[data-chart="training-cost"] .bar-row[data-system-id]')];
  const targets = [];
  for (let i = 0; targets.length < count && (i < rows.length || i < marks.length); i++) {
    if (rows[i]) targets.push({ el: rows[i], kind: 'explorer row' });
    if (marks[i] && targets.length < count) targets.push({ el: marks[i], kind: 'chart mark' });
  }
  if (targets.length === 0) return { error: 'no explorer row or chart mark to hover' };
  const lit = (id) => document.querySelectorAll(`[data-system-id="${CSS.escape(id)}"]:is(.is-hovered, [data-hovered="true"])`).length;
  const over = (el) =>
    el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, cancelable: true, view: window, relatedTarget: null }));
  const out = (el) => el.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, cancelable: true, view: window, relatedTarget: null }));
  const waitFor = async (test, ms) => {
    const end = performance.now() + ms;
    while (!test() && performance.now() < end) await frame();
  };
  for (const target of targets) {
    const id = target.el.getAttribute('data-system-id');
    over(target.el);
    await sleep(150);
    let prev = -1;
    for (let stable = 0; stable < 3;) {
      await frame();
      const cur = lit(id);
      stable = cur === prev ? stable + 1 : 0;
      prev = cur;
    }
    target.expected = prev;
    out(target.el);
    await waitFor(() => lit(id) === 0, 3000);
  }
  const samples = [];
  const start = performance.now();
  for (const target of targets) {
    const id = target.el.getAttribute('data-system-id');
    if (!target.el.isConnected || target.expected === 0) continue;
    const t0 = performance.now();
    over(target.el);
    let t = await frame();
    let frames = 1;
    while (lit(id) < target.expected && frames < maxFrames) {
      t = await frame();
      frames++;
    }
    samples.push({ ms: t - t0, frames, settled: lit(id) >= target.expected, kind: target.kind, highlighted: target.expected });
    out(target.el);
    await waitFor(() => lit(id) === 0, 3000);
    await sleep(gapMs);
  }
  if (samples.length === 0) return { error: 'hovering highlighted nothing' };
  return { samples, window: [start, performance.now()] };
}

/**
 * Importing a file, first half (installed before the file is picked): when a file input changes,
 * notes the time and waits frame by frame until the dialog shows its preview (or a refusal).
 * Node reads the outcome from `window.__import`.
 */
export function watchImportPick({ timeoutMs }) {
  const frame = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now());
        ch.port2.postMessage(0);
      }),
    );
  const state = { pick: null, preview: null, error: null };
  window.__import = state;
  // Capture on the document: before the dialog's own change handler starts reading the file.
  document.addEventListener(
    'change',
    async (e) => {
      if (!(e.target instanceof HTMLInputElement) || e.target.type !== 'file' || state.pick !== null) return;
      state.pick = performance.now();
      for (;;) {
        const t = await frame();
        if (document.querySelector('[data-testid="import-preview"]')) {
          state.preview = t;
          return;
        }
        const refused = document.querySelector('[data-testid="import-fatal"], [data-testid="import-failed"]');
        if (refused) {
          state.error = `the dialog refused the file: ${refused.textContent.slice(0, 200)}`;
          return;
        }
        if (t - state.pick > timeoutMs) {
          state.error = `no preview within ${timeoutMs} ms`;
          return;
        }
      }
    },
    { capture: true },
  );
}

/**
 * Importing a file, second half: clicks the dialog's import button (its defaults as they are) and
 * waits frame by frame until the views show the imported data — the result count and the views'
 * fingerprints changed, every view drawn (`marks`), the views ready.
 */
export async function applyImportTimed({ marks, timeoutMs }) {
  const frame = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now());
        ch.port2.postMessage(0);
      }),
    );
  const fingerprint = () => {
    const parts = [document.querySelector('[data-testid="result-count"]')?.textContent ?? ''];
    for (const slot of document.querySelectorAll('.view-slot'))
      parts.push(`${slot.getAttribute('data-view')}:${slot.querySelectorAll('[data-system-id]').length}`);
    return parts.join('|');
  };
  const drawn = () => Object.values(marks).every((selector) => document.querySelector(selector));
  const button = document.querySelector('[data-testid="import-confirm"]');
  if (!button) return { error: 'no import-confirm button in the preview' };
  const before = fingerprint();
  const t0 = performance.now();
  button.click();
  let frames = 0;
  for (;;) {
    const t = await frame();
    frames++;
    const failed = document.querySelector('[data-testid="import-failed"]');
    if (failed) return { error: `the import failed: ${failed.textContent.slice(0, 200)}` };
    if (fingerprint() !== before && drawn() && document.querySelector('.views[data-views-ready]'))
      return {
        ms: t - t0,
        frames,
        window: [t0, t],
        resultCount: document.querySelector('[data-testid="result-count"]')?.textContent ?? '',
      };
    if (t - t0 > timeoutMs) return { error: `the views did not show the imported data within ${timeoutMs} ms` };
  }
}
