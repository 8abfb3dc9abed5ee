/*
 * Medians, percentiles and the printed tables: each figure next to its target with ✓ / ✗.
 * Targets come from issue 7; a figure without a target at a size shows "—".
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

export const kb = (bytes) => (bytes === null || bytes === undefined ? 'n/a' : `${(bytes / 1000).toFixed(1)} kB`);
export const mb = (bytes) => (bytes === null || bytes === undefined ? 'n/a' : `${(bytes / (1024 * 1024)).toFixed(1)} MB`);
export const ms = (t) => (t === null || t === undefined ? 'n/a' : `${Math.round(t)} ms`);
const ms1 = (t) => (t === null || t === undefined ? 'n/a' : `${t.toFixed(1)} ms`);
const int = (n) => (n === null || n === undefined ? 'n/a' : n.toLocaleString('en'));

/** p50/p95 and how many samples settled (the expected result showed) within the frame limit. */
export function summariseSamples(block) {
  if (!block) return null;
  if (block.error) return { error: block.error };
  const settled = block.samples.filter((s) => s.settled);
  const times = settled.map((s) => s.ms);
  const tasks = block.longTasks ?? [];
  return {
    n: block.samples.length,
    settled: settled.length,
    p50: median(times),
    p95: percentile(times, 95),
    max: times.length ? Math.max(...times) : null,
    multiFrame: settled.filter((s) => s.frames > 1).length,
    longTaskMax: tasks.length ? Math.max(...tasks.map((t) => t.duration)) : 0,
    longTasksOver200: tasks.filter((t) => t.duration > 200).length,
    longTasks: tasks.length,
    option: block.option,
  };
}

/** Reduces the loads of one page to medians. */
export function summariseLoads(loads) {
  const pick = (key) => median(loads.map((l) => l[key]));
  const byFile = new Map();
  for (const l of loads) for (const f of l.files) byFile.set(f.file, f);
  const files = [...byFile.values()];
  const sum = (list) => list.reduce((a, f) => a + f.gzip, 0);
  const initialJs = files.filter((f) => f.initial && f.kind === 'js');
  const initialCss = files.filter((f) => f.initial && f.kind === 'css');
  const lazy = files.filter((f) => !f.initial);
  const loadTasks = loads.flatMap((l) => l.loadLongTasks);
  return {
    runs: loads.length,
    complete: loads.filter((l) => l.complete).length,
    initialJs: sum(initialJs),
    initialCss: sum(initialCss),
    initialTotal: sum(initialJs) + sum(initialCss),
    lazy,
    lazyTotal: sum(lazy),
    fcp: pick('fcp'),
    firstChart: pick('firstChart'),
    firstScreen: pick('firstScreen'),
    firstScreenViews: loads[0]?.firstScreenViews ?? [],
    allViews: pick('allViews'),
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

const FILTER_TARGET = { bundled: 16, epoch: 50, 10000: 100 };
export const ROW_BOUND = 100;

function check(ok) {
  return ok === null ? '?' : ok ? '✓' : '✗';
}

function printTable(title, rows) {
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => String(r[i]).length), ['Metric', 'Value', 'Target'][i].length));
  const line = (cells) => `  ${cells.map((c, i) => String(c).padEnd(widths[i] ?? 0)).join('  ')}`.trimEnd();
  console.log(`\n${title}`);
  console.log(line(['Metric', 'Value', 'Target', '']));
  console.log(line(widths.map((w) => '-'.repeat(w)).concat(['-'])));
  for (const r of rows) console.log(line(r));
}

const spread = (s) =>
  s ? `p50 ${ms1(s.p50)} · p95 ${ms1(s.p95)} (n=${s.settled}/${s.n}${s.multiFrame ? `, ${s.multiFrame} took >1 frame` : ''})` : 'n/a';

/** Prints one dataset size; returns the checks as `{ name, ok }` for the summary. */
export function printSize(size, floor) {
  const checks = [];
  const rows = [];
  const add = (name, value, target = '—', ok = undefined) => {
    rows.push([name, value, target, ok === undefined ? '' : check(ok)]);
    if (ok !== undefined) checks.push({ name, ok });
  };
  const { load: L, interactions: I } = size;
  const f = floor?.load;
  const jsRatio = f && f.initialJs ? L.initialJs / f.initialJs : null;
  add(
    'Initial JS (gzip)',
    `${kb(L.initialJs)}${jsRatio ? ` = ${jsRatio.toFixed(2)} × floor` : ''}`,
    f ? `≤ 1.15 × floor = ${kb(1.15 * f.initialJs)}` : 'floor not measured',
    f ? L.initialJs <= 1.15 * f.initialJs : null,
  );
  add('Initial CSS (gzip)', kb(L.initialCss));
  add('Initial JS + CSS (gzip)', kb(L.initialTotal));
  for (const c of L.lazy) add(`  lazy: ${c.file}${c.served === 'bench' ? ' (served by bench)' : ''}`, kb(c.gzip));
  add('Lazy chunks total (gzip)', kb(L.lazyTotal));
  add('First contentful paint', ms(L.fcp));
  const chartRatio = f && f.firstChart && L.firstChart ? L.firstChart / f.firstChart : null;
  add(
    'First chart painted',
    `${ms(L.firstChart)}${chartRatio ? ` = ${chartRatio.toFixed(2)} × floor` : ''}`,
    f?.firstChart ? `≤ 1.3 × floor = ${ms(1.3 * f.firstChart)}` : 'floor not measured',
    f?.firstChart && L.firstChart !== null ? L.firstChart <= 1.3 * f.firstChart : f?.firstChart ? false : null,
  );
  add(`First-screen views painted (${L.firstScreenViews.join(', ') || 'none found'})`, ms(L.firstScreen));
  add('All views painted', ms(L.allViews));
  if (L.loadLongTaskMax) add('Longest task during load', ms(L.loadLongTaskMax));

  const filter = I?.filter;
  const filterTarget = FILTER_TARGET[size.key];
  if (filter?.error)
    add(
      'Filter click → all views',
      `error: ${filter.error}`,
      filterTarget ? `p50 ≤ ${filterTarget} ms` : '—',
      filterTarget ? false : undefined,
    );
  else if (filter)
    add(
      'Filter click → all views',
      spread(filter),
      filterTarget ? `p50 ≤ ${filterTarget} ms` : '—',
      filterTarget ? filter.p50 !== null && filter.p50 <= filterTarget : undefined,
    );
  const sort = I?.sort;
  const sortTarget = size.key === '10000' ? 50 : null;
  if (sort?.error)
    add(
      'Header click → rows re-sorted',
      `error: ${sort.error}`,
      sortTarget ? `p50 ≤ ${sortTarget} ms` : '—',
      sortTarget ? false : undefined,
    );
  else if (sort)
    add(
      'Header click → rows re-sorted',
      spread(sort),
      sortTarget ? `p50 ≤ ${sortTarget} ms` : '—',
      sortTarget ? sort.p50 !== null && sort.p50 <= sortTarget : undefined,
    );
  const hover = I?.hover;
  if (hover?.error) add('Hover → cross-view highlight', `error: ${hover.error}`);
  else if (hover) add('Hover → cross-view highlight', spread(hover));
  if (I) {
    const blocks = [filter, sort, hover].filter((b) => b && !b.error);
    const maxTask = blocks.length ? Math.max(...blocks.map((b) => b.longTaskMax)) : null;
    const over = blocks.reduce((a, b) => a + b.longTasksOver200, 0);
    const is50k = size.key === '50000';
    add(
      'Long tasks in interactions: max / count > 200 ms',
      `${ms(maxTask)} / ${over}`,
      is50k ? 'none > 200 ms' : '—',
      is50k ? blocks.length > 0 && over === 0 : undefined,
    );
  }
  const is10k = size.key === '10000';
  add('JS heap after load (after GC)', mb(L.heapUsed), is10k ? '≤ 80 MB' : '—', is10k ? L.heapUsed <= 80 * 1024 * 1024 : undefined);
  add('DOM nodes (CDP) / elements', `${int(L.domNodes)} / ${int(L.elements)}`);
  add(
    'Explorer tbody rows rendered',
    `${int(L.tbodyRows)} (${int(L.dataRows)} data rows of ${int(size.systems)} systems)`,
    `≤ ${ROW_BOUND} (bounded)`,
    L.tbodyRows <= ROW_BOUND,
  );
  const title = `== ${size.label} — ${L.runs} load(s)${L.complete < L.runs ? `, ${L.runs - L.complete} did not finish painting` : ''}${size.capNote ? ` — ${size.capNote}` : ''}`;
  printTable(title, rows);
  if (L.datasetProblems) console.log('  !! the app refused the dataset (dataset-problems shown)');
  if (L.errors.length) console.log(`  page errors: ${L.errors.join(' | ')}`);
  if (filter?.option) console.log(`  filter toggled: Organization “${filter.option}”`);
  return checks;
}

export function printFloor(floor) {
  const L = floor.load;
  const rows = [
    ['Initial JS (gzip)', kb(L.initialJs), '', ''],
    ['Initial CSS (gzip)', kb(L.initialCss), '', ''],
    ['First contentful paint', ms(L.fcp), '', ''],
    ['First chart painted', ms(L.firstChart), '', ''],
    [
      'Header click → rows re-sorted',
      floor.interactions?.sort?.error ? `error: ${floor.interactions.sort.error}` : spread(floor.interactions?.sort),
      '',
      '',
    ],
    ['JS heap after load (after GC)', mb(L.heapUsed), '', ''],
  ];
  printTable(`== Floor page (bench/floor: react-dom + one recharts BarChart + 5-row TanStack table + zustand) — ${L.runs} load(s)`, rows);
}
