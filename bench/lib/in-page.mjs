/*
 * Functions that run inside the page (serialised by Playwright, so each one is self-contained).
 * Every latency is measured in the page: from just before `element.click()` (or the hover event)
 * to the end of the first frame that shows the expected result — a requestAnimationFrame, then a
 * MessageChannel message, which runs after that frame was handed to the compositor.
 */

/**
 * Init script: records `performance.now()` in the first animation frame in which each selector
 * matches (so the element is painted in that frame), and collects long tasks.
 */
export function probe(cfg) {
  const bench = { marks: {}, longTasks: [] };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    bench.noLongTasks = true;
  }
  const pending = new Map(Object.entries(cfg.marks));
  const tick = () => {
    const now = performance.now();
    for (const [id, selector] of pending) {
      if (document.querySelector(selector)) {
        bench.marks[id] = now;
        pending.delete(id);
      }
    }
    if (pending.size > 0 && now < cfg.timeoutMs) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** After load: which views are in the first viewport, how many rows the explorer renders, the DOM size. */
export function pageFacts() {
  const inFirstScreen = [...document.querySelectorAll('[data-view]')]
    .filter((el) => {
      const r = el.getBoundingClientRect();
      return r.top < window.innerHeight && r.bottom > 0 && r.height > 0;
    })
    .map((el) => el.getAttribute('data-view'));
  const table = document.querySelector('[data-testid="models-table"]');
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  return {
    firstScreenViews: inFirstScreen,
    tbodyRows: table ? table.querySelectorAll('tbody tr').length : null,
    dataRows: table ? table.querySelectorAll('tbody tr[data-system-id]').length : null,
    elements: document.getElementsByTagName('*').length,
    fcp: paint ? paint.startTime : null,
    datasetProblems: !!document.querySelector('[data-testid="dataset-problems"]'),
  };
}

/**
 * Toggles one Organization option on and off `clicks` times (the facet must be open). The first
 * on/off pair is untimed: it records what every view shows in each state once settled, and each
 * timed click waits, frame by frame, until every view shows that again.
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
  // What each view shows, cheaply: rows/marks per view, filtered-out cells, counts and row counts.
  const fingerprint = () => {
    const parts = [document.querySelector('[data-testid="result-count"]')?.textContent ?? ''];
    for (const slot of document.querySelectorAll('.view-slot')) {
      const counts = [...slot.querySelectorAll('[data-testid$="-count"]')].map((e) => e.textContent).join('/');
      const rowCount = slot.querySelector('[aria-rowcount]')?.getAttribute('aria-rowcount') ?? '';
      parts.push(
        `${slot.getAttribute('data-view')}:${slot.querySelectorAll('[data-system-id]').length}:${slot.querySelectorAll('.is-filtered-out').length}:${rowCount}:${counts}`,
      );
    }
    return parts.join('|');
  };
  const settle = async () => {
    let prev = fingerprint();
    const end = performance.now() + 15000;
    for (let stable = 0; stable < 5 && performance.now() < end;) {
      await frame();
      await sleep(20);
      const cur = fingerprint();
      stable = cur === prev ? stable + 1 : 0;
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
  if (on === off) return { error: `toggling "${label}" changed nothing any view shows` };
  if (off !== before) {
    // Name the views that differ, so a failed run says where to look.
    const was = before.split('|');
    const changed = off
      .split('|')
      .map((part, i) => (part === was[i] ? '' : `${was[i] ?? '?'} → ${part}`))
      .filter(Boolean);
    return { error: `the views did not return to their first state after toggling twice (${changed.join('; ')})` };
  }
  const samples = [];
  const start = performance.now();
  for (let i = 0; i < clicks; i++) {
    const expected = i % 2 === 0 ? on : off;
    const t0 = performance.now();
    input.click();
    let t = await frame();
    let frames = 1;
    while (fingerprint() !== expected && frames < maxFrames) {
      t = await frame();
      frames++;
    }
    samples.push({ ms: t - t0, frames, settled: fingerprint() === expected });
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
