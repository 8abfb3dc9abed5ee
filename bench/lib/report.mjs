/*
 * Medians, percentiles and the printed tables. The targets are issue 18's ("A lighter engine"),
 * ratios to the floor page built and measured in the same run where the target is a ratio; each
 * figure is printed next to its target at that size with ✓ / ✗, and a figure without a target at
 * a size shows "—". One list of measures (MEASURES) feeds the per-size tables and the summary.
 */

export function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Nearest-rank percentile. */
export function percentile(values, p) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  return v[Math.min(v.length - 1, Math.max(0, Math.ceil((p / 100) * v.length) - 1))];
}

const missing = (x) => x === null || x === undefined;
export const kb = (bytes) => (missing(bytes) ? 'n/a' : `${(bytes / 1000).toFixed(1)} kB`);
export const mb = (bytes) => (missing(bytes) ? 'n/a' : `${(bytes / (1024 * 1024)).toFixed(1)} MB`);
export const ms = (t) => (missing(t) ? 'n/a' : `${Math.round(t)} ms`);
const ms1 = (t) => (missing(t) ? 'n/a' : `${t.toFixed(1)} ms`);
const int = (n) => (missing(n) ? 'n/a' : n.toLocaleString('en'));
const ratio = (value, floor) => (missing(value) || !floor ? null : value / floor);
const times = (r) => (r === null ? '' : ` = ${r.toFixed(2)} × floor`);

/** p50/p95 and how many samples settled (the expected result showed) within the frame limit. */
export function summariseSamples(block) {
  if (!block) return null;
  if (block.error) return { error: block.error };
  const settled = block.samples.filter((s) => s.settled);
  const msList = settled.map((s) => s.ms);
  const tasks = block.longTasks ?? [];
  return {
    n: block.samples.length,
    settled: settled.length,
    p50: median(msList),
    p95: percentile(msList, 95),
    max: msList.length ? Math.max(...msList) : null,
    multiFrame: settled.filter((s) => s.frames > 1).length,
    longTaskMax: tasks.length ? Math.max(...tasks.map((t) => t.duration)) : 0,
    longTasks: tasks.length,
    option: block.option,
  };
}

/**
 * The interaction blocks summarised; the filter clicks twice: `filter` (every view) and
 * `filterViewport` (the views in the viewport at each click).
 */
export function summariseInteractions(raw) {
  if (!raw) return null;
  const out = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, summariseSamples(v)]));
  const f = raw.filter;
  if (f && !f.error) {
    const samples = f.samples.map((s) => ({ ms: s.viewport?.ms ?? null, frames: s.viewport?.frames ?? 0, settled: s.viewport !== null }));
    out.filterViewport = { ...summariseSamples({ ...f, samples }), views: [...new Set(f.samples.flatMap((s) => s.viewportViews))] };
  } else if (f) out.filterViewport = { error: f.error };
  return out;
}

/** Reduces the loads of one page to medians. */
export function summariseLoads(loads) {
  const pick = (key) => median(loads.map((l) => l[key]));
  const byFile = new Map();
  for (const l of loads) for (const f of l.files) byFile.set(f.file, f);
  const files = [...byFile.values()];
  const sum = (list) => list.reduce((a, f) => a + (f.gzip ?? 0), 0);
  const initialJs = files.filter((f) => f.initial && f.kind === 'js');
  const initialCss = files.filter((f) => f.initial && f.kind === 'css');
  const loadTasks = loads.flatMap((l) => l.loadLongTasks);
  return {
    runs: loads.length,
    complete: loads.filter((l) => l.complete).length,
    initialJs: sum(initialJs),
    initialCss: sum(initialCss),
    // The first load's scripts, in request order, with when each was requested.
    scripts: [...(loads[0]?.scripts ?? [])].sort((a, b) => a.start - b.start),
    fcp: pick('fcp'),
    firstChart: pick('firstChart'),
    firstScreen: pick('firstScreen'),
    firstScreenViews: loads[0]?.firstScreenViews ?? [],
    allViews: pick('allViews'),
    live: pick('live'),
    liveAt: pick('liveAt'),
    liveFallback: loads.some((l) => l.liveFallback),
    jsBeforeFirstChart: pick('jsBeforeFirstChart'),
    jsBeforeLive: pick('jsBeforeLive'),
    views: Object.fromEntries(Object.keys(loads[0]?.marks ?? {}).map((id) => [id, median(loads.map((l) => l.marks[id]))])),
    loadLongTaskMax: loadTasks.length ? Math.max(...loadTasks.map((t) => t.duration)) : 0,
    heapUsed: pick('heapUsed'),
    domNodes: pick('domNodes'),
    elements: pick('elements'),
    tbodyRows: Math.max(...loads.map((l) => l.tbodyRows ?? 0)),
    dataRows: Math.max(...loads.map((l) => l.dataRows ?? 0)),
    errors: [...new Set(loads.flatMap((l) => l.errors))].slice(0, 5),
    datasetProblems: loads.some((l) => l.datasetProblems),
  };
}

/** The import measurement's samples reduced to medians. */
export function summariseImports(samples) {
  const ok = samples.filter((s) => !s.error);
  return {
    n: samples.length,
    ok: ok.length,
    previewMs: median(ok.map((s) => s.previewMs)),
    appliedMs: median(ok.map((s) => s.appliedMs)),
    longTaskMax: median(ok.map((s) => s.longTaskMax)),
    resultCount: ok[0]?.resultCount ?? null,
    errors: [...new Set(samples.filter((s) => s.error).map((s) => s.error))],
  };
}

/** Longest long task over the filter, sort and hover blocks; null when none of them ran. */
function interactionLongTask(I) {
  const blocks = ['filter', 'sort', 'hover'].map((k) => I?.[k]).filter((b) => b && !b.error);
  return blocks.length ? Math.max(...blocks.map((b) => b.longTaskMax)) : null;
}

const p50Text = (s) =>
  s?.error
    ? `error: ${s.error}`
    : s
      ? `p50 ${ms1(s.p50)} · p95 ${ms1(s.p95)} (n=${s.settled}/${s.n}${s.multiFrame ? `, ${s.multiFrame} took >1 frame` : ''})`
      : 'not measured';
const p50Short = (s) => (s?.error ? 'error' : s ? ms1(s.p50) : 'n/a');
const longTaskText = (t) => (missing(t) ? 'n/a' : t === 0 ? 'none ≥ 50 ms' : ms(t));

/** A target in ms at some sizes: `{ [sizeKey]: limit }`. */
const msTarget = (limits, { p50 = false } = {}) => ({
  at: (key) => limits[key] ?? null,
  text: (limit) => `${p50 ? 'p50 ' : ''}≤ ${limit >= 1000 ? `${limit / 1000} s` : `${limit} ms`}`,
  ok: (value, limit) => !missing(value) && value <= limit,
});
/** A target as a ratio to the floor's same figure: `{ [sizeKey]: factor }`. */
const floorTarget = (factors, floorValue, format) => ({
  at: (key) => factors[key] ?? null,
  text: (factor, floor) => {
    const f = floorValue(floor);
    return `≤ ${factor.toFixed(factor % 1 ? 2 : 1)} × floor${missing(f) ? ' (floor not measured)' : ` = ${format(factor * f)}`}`;
  },
  ok: (value, factor, floor) => !missing(value) && !missing(floorValue(floor)) && value <= factor * floorValue(floor),
});

/**
 * Issue 18's measures, in its order. `value(size, floor)` → `{ number, text, short }`: the figure
 * compared with the target, the full text for the per-size table, a short one for the summary.
 */
export const MEASURES = [
  {
    name: 'First chart painted',
    value: ({ load: L }, F) => {
      const r = ratio(L.firstChart, F?.load.firstChart);
      return {
        number: L.firstChart,
        text: `${ms(L.firstChart)}${times(r)}`,
        short: `${ms(L.firstChart)}${r === null ? '' : ` (${r.toFixed(2)}×)`}`,
      };
    },
    target: floorTarget({ bundled: 1.0, epoch: 1.0 }, (F) => F?.load.firstChart, ms),
  },
  {
    name: 'JS fetched before the first chart paints (gzip)',
    value: ({ load: L }, F) => {
      const r = ratio(L.jsBeforeFirstChart, F?.load.jsBeforeFirstChart);
      return {
        number: L.jsBeforeFirstChart,
        text: `${kb(L.jsBeforeFirstChart)}${times(r)}`,
        short: `${kb(L.jsBeforeFirstChart)}${r === null ? '' : ` (${r.toFixed(2)}×)`}`,
      };
    },
    target: null,
  },
  {
    name: 'JS fetched before the page answers a click (gzip)',
    value: ({ load: L }, F) => {
      const r = ratio(L.jsBeforeLive, F?.load.jsBeforeLive);
      const note = L.liveFallback ? ' [no data-live: until the first-screen views painted]' : '';
      return {
        number: L.jsBeforeLive,
        text: `${kb(L.jsBeforeLive)}${times(r)}${note}`,
        short: `${kb(L.jsBeforeLive)}${r === null ? '' : ` (${r.toFixed(2)}×)`}${L.liveFallback ? '†' : ''}`,
      };
    },
    target: floorTarget({ bundled: 1.15 }, (F) => F?.load.jsBeforeLive, kb),
  },
  {
    name: 'Filter click → views in the viewport, p50',
    value: ({ interactions: I }) => ({
      number: I?.filterViewport?.p50,
      text: p50Text(I?.filterViewport),
      short: p50Short(I?.filterViewport),
    }),
    target: msTarget({ bundled: 16, epoch: 33, 10000: 50 }, { p50: true }),
  },
  {
    name: 'Filter click → every view, p50',
    value: ({ interactions: I }) => ({ number: I?.filter?.p50, text: p50Text(I?.filter), short: p50Short(I?.filter) }),
    target: msTarget({ bundled: 100, epoch: 150, 10000: 300 }, { p50: true }),
  },
  {
    name: 'Longest task during interactions',
    value: ({ interactions: I }) => {
      const t = interactionLongTask(I);
      return { number: t, text: `${longTaskText(t)} (filter, sort and hover blocks)`, short: longTaskText(t) };
    },
    target: msTarget({ bundled: 50, epoch: 100, 10000: 200, 50000: 1000 }),
  },
  {
    name: 'Header click → re-sorted, p50',
    value: ({ interactions: I }) => ({ number: I?.sort?.p50, text: p50Text(I?.sort), short: p50Short(I?.sort) }),
    target: msTarget({ 10000: 50 }, { p50: true }),
  },
  {
    name: 'JS heap after GC',
    value: ({ load: L }) => ({ number: L.heapUsed, text: mb(L.heapUsed), short: mb(L.heapUsed) }),
    target: {
      at: (key) => (key === '10000' ? 80 : null),
      text: (limit) => `≤ ${limit} MB`,
      ok: (value, limit) => !missing(value) && value <= limit * 1024 * 1024,
    },
  },
  {
    name: 'Import an Epoch release: pick → preview',
    only: 'epoch',
    value: ({ import: M }) =>
      M
        ? { number: M.previewMs, text: importText(M, ms(M.previewMs)), short: M.ok ? ms(M.previewMs) : 'error' }
        : { number: null, text: 'not measured', short: 'n/a' },
    target: msTarget({ epoch: 1000 }),
  },
  {
    name: 'Import an Epoch release: longest task while applying',
    only: 'epoch',
    value: ({ import: M }) =>
      M
        ? {
            number: M.longTaskMax,
            text: importText(M, `${longTaskText(M.longTaskMax)} (import click → views show it: ${ms(M.appliedMs)})`),
            short: M.ok ? longTaskText(M.longTaskMax) : 'error',
          }
        : { number: null, text: 'not measured', short: 'n/a' },
    target: msTarget({ epoch: 200 }),
  },
];

function importText(M, figure) {
  if (!M.ok) return `error: ${M.errors.join('; ')}`;
  return `${figure}${M.n > 1 ? ` (median of ${M.ok})` : ''}`;
}

/** One measure at one size: `{ name, text, short, target, ok }`; `ok` undefined where no target applies. */
function evaluate(measure, size, floor) {
  const v = measure.value(size, floor);
  const limit = measure.target?.at(size.key) ?? null;
  if (limit === null) return { name: measure.name, text: v.text, short: v.short, target: '—', ok: undefined };
  return {
    name: measure.name,
    text: v.text,
    short: v.short,
    target: measure.target.text(limit, floor),
    ok: measure.target.ok(v.number, limit, floor),
  };
}

const mark = (ok) => (ok === undefined ? '' : ok ? '✓' : '✗');

function printTable(title, rows) {
  const heads = ['Measure', 'Value', 'Target', ''];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => String(r[i]).length), heads[i].length));
  const line = (cells) => `  ${cells.map((c, i) => String(c).padEnd(widths[i] ?? 0)).join('  ')}`.trimEnd();
  console.log(`\n${title}`);
  console.log(line(heads));
  console.log(line(widths.map((w) => '-'.repeat(w)).concat(['-'])));
  for (const r of rows) console.log(line(r));
}

/** Prints one dataset size: issue 18's measures with targets, then information. Returns the checks. */
export function printSize(size, floor) {
  const { load: L, interactions: I } = size;
  const checks = [];
  const rows = [];
  for (const m of MEASURES) {
    if (m.only && m.only !== size.key) continue;
    const e = evaluate(m, size, floor);
    rows.push([e.name, e.text, e.target, mark(e.ok)]);
    if (e.ok !== undefined) checks.push({ name: e.name, ok: e.ok });
  }
  const info = (name, value) => rows.push([`  ${name}`, value, '', '']);
  rows.push(['Information', '', '', '']);
  info('First contentful paint', ms(L.fcp));
  info(`Page answers a click (${L.liveFallback ? 'no data-live: first-screen views painted' : '<html data-live> set'})`, ms(L.liveAt));
  info(`First-screen views painted (${L.firstScreenViews.join(', ') || 'none found'})`, ms(L.firstScreen));
  info('All views painted', ms(L.allViews));
  info('Initial JS, entry + static imports (gzip)', kb(L.initialJs));
  info('Initial CSS (gzip)', kb(L.initialCss));
  for (const s of L.scripts)
    info(`js ${s.file}${s.served === 'bench' ? ' (served by bench)' : ''}`, `${kb(s.gzip)} requested at ${ms(s.start)}`);
  if (L.loadLongTaskMax) info('Longest task during load', ms(L.loadLongTaskMax));
  if (I?.filterViewport?.views) info(`Views in the viewport at the filter clicks`, I.filterViewport.views.join(', ') || 'none');
  info('Hover → cross-view highlight', p50Text(I?.hover));
  info('DOM nodes (CDP) / elements', `${int(L.domNodes)} / ${int(L.elements)}`);
  info('Explorer tbody rows rendered', `${int(L.tbodyRows)} (${int(L.dataRows)} data rows of ${int(size.systems)} systems)`);
  const title = `== ${size.label} — ${L.runs} load(s)${L.complete < L.runs ? `, ${L.runs - L.complete} did not finish painting` : ''}${size.capNote ? ` — ${size.capNote}` : ''}`;
  printTable(title, rows);
  if (L.datasetProblems) console.log('  !! the app refused the dataset (dataset-problems shown)');
  if (L.errors.length) console.log(`  page errors: ${L.errors.join(' | ')}`);
  if (I?.filter?.option) console.log(`  filter toggled: Organization “${I.filter.option}”`);
  if (size.import?.resultCount)
    console.log(`  import: Epoch's CSV merged (the dialog's defaults); result count then “${size.import.resultCount}”`);
  return checks;
}

const floorRows = (floor) => {
  const L = floor.load;
  return [
    ['First chart painted', ms(L.firstChart)],
    ['JS fetched before the first chart paints (gzip)', kb(L.jsBeforeFirstChart)],
    [`JS fetched before the page answers a click (gzip)${L.liveFallback ? ' [no data-live]' : ''}`, kb(L.jsBeforeLive)],
    ['Header click → re-sorted, p50', p50Short(floor.interactions?.sort)],
    ['JS heap after GC', mb(L.heapUsed)],
    ['First contentful paint', ms(L.fcp)],
    ['Page answers a click (<html data-live> set)', ms(L.liveAt)],
    ['Initial JS, entry + static imports (gzip)', kb(L.initialJs)],
  ];
};

export function printFloor(floor) {
  const rows = floorRows(floor).map(([name, value]) => [name, value, '', '']);
  printTable(
    `== Floor page (bench/floor: react-dom + one recharts BarChart + 5-row TanStack table + zustand) — ${floor.load.runs} load(s)`,
    rows,
  );
}

const COLUMNS = [
  { key: 'bundled', head: 'bundled (32)' },
  { key: 'epoch', head: 'Epoch (~1,900)' },
  { key: '10000', head: '10,000' },
  { key: '50000', head: '50,000' },
];

/**
 * The summary a closing note can quote, as a Markdown table: issue 18's measures × the four sizes
 * (value, target, ✓/✗; "—" where the issue sets no target), then the same run's floor.
 */
export function printSummary(results) {
  const bySize = new Map(results.sizes.map((s) => [s.key, s]));
  const cell = (m, key) => {
    const size = bySize.get(key);
    if (m.only && m.only !== key) return '';
    if (!size) return 'not run';
    if (size.skipped) return 'skipped';
    const e = evaluate(m, size, results.floor);
    return e.ok === undefined ? e.short : `${e.short} ${e.ok ? '✓' : '✗'} (${e.target.replace(/ = .*$/, '')})`;
  };
  const lines = [`| measure | ${COLUMNS.map((c) => c.head).join(' | ')} |`, `|---|${COLUMNS.map(() => '---|').join('')}`];
  for (const m of MEASURES) lines.push(`| ${m.name} | ${COLUMNS.map((c) => cell(m, c.key)).join(' | ')} |`);
  console.log('\n== Summary (issue 18 targets; ratios to the floor of this run)\n');
  console.log(lines.join('\n'));
  const anyFallback = results.sizes.some((s) => s.load?.liveFallback);
  if (anyFallback) console.log('\n† no <html data-live> in this build: measured until the first-screen views painted.');
  if (results.floor) {
    console.log('\nFloor page, same run:\n');
    console.log(['| measure | floor |', '|---|---|', ...floorRows(results.floor).map(([n, v]) => `| ${n} | ${v} |`)].join('\n'));
  }
}
