import type { Dataset, Fact, GpuHours, Source, System, SystemKind, TalkClaim } from '../data/schema';
import { formatCompact, formatDecimal, formatInteger, type Locale } from '../i18n/format';
import { leftOutReasonText, missingFactReason, type LeftOutReason } from './left-out';
import { orderRunRows, roundSignificant, runKindOf, sizeKeyOf, type OrderableRow, type RunKind } from './run-rows';
import type { Translate } from './system-fields';
import { systemsById } from './systems-by-id';
import { cached } from '../lib/cache';

/*
 * The GPU-hours chart's derived table: one row per system whose training run has a published
 * GPU-hours figure (or one derived by arithmetic from GPUs × time), split into pre-training runs
 * and fine-tunes, plus the size of the gap between the two, computed from the rows themselves.
 */

export interface GpuRun extends OrderableRow {
  name: string;
  hours: number;
  hardware: string;
  gpuCount?: number;
  wallClockHours?: number;
  /** How the figure follows from the source, e.g. "8 GPUs × 3 h". */
  derivation?: string;
  status: 'reported' | 'estimated';
  sources: string[];
  method?: string;
  note?: string;
  quote?: string;
  talk?: { text: string; relation: 'differs' | 'unverified'; note?: string };
  /** The system's training compute, for the tooltip beside its GPU-hours. */
  flop?: System['flop'];
}

export interface GpuLeftOut {
  systemId: string;
  name: string;
  reason: LeftOutReason;
  kind: SystemKind;
  note?: string;
}

/**
 * The fine-tune-vs-pre-training gap. `lineage`: a fine-tune and the pre-training run of its own
 * base (Alpaca and LLaMA-7B) — like with like. `extremes`: no such pair is in view, so the largest
 * pre-training run against the smallest fine-tune.
 */
export interface GpuGap {
  kind: 'lineage' | 'extremes';
  pre: GpuRun;
  fine: GpuRun;
  /** pre.hours / fine.hours, unrounded. */
  ratio: number;
}

export interface GpuHoursSeries {
  unit: 'GPU-hours';
  rows: GpuRun[];
  leftOut: GpuLeftOut[];
  total: number;
  /** Hardware of the rows, by name (the order `datasetHardware` gives the whole dataset). */
  hardware: string[];
  gap: GpuGap | null;
}

type KnownGpu = Extract<Fact<GpuHours>, { value: GpuHours }>;

function talkOf(talk: TalkClaim<unknown> | undefined): GpuRun['talk'] {
  return talk && talk.relation !== 'agrees' ? { text: talk.text, relation: talk.relation, note: talk.note } : undefined;
}

/** Every hardware name in the dataset, sorted: colours are assigned on this list once, so filters never repaint a bar. */
export function datasetHardware(dataset: Pick<Dataset, 'systems'>): string[] {
  const set = new Set<string>();
  for (const s of dataset.systems) {
    const f = s.gpuHours;
    if (f && (f.status === 'reported' || f.status === 'estimated')) set.add(f.value.hardware);
  }
  return [...set].sort((a, b) => a.localeCompare(b));
}

function leftOutOf(system: System): GpuLeftOut {
  return { systemId: system.id, name: system.name, kind: system.kind, ...missingFactReason(system.kind, system.gpuHours) };
}

function gpuEntry(system: System): { run: GpuRun } | { leftOut: GpuLeftOut } {
  const f = system.gpuHours;
  if (!f || (f.status !== 'reported' && f.status !== 'estimated')) return { leftOut: leftOutOf(system) };
  const known = f as KnownGpu;
  return {
    run: {
      systemId: system.id,
      name: system.name,
      family: system.family,
      runKind: runKindOf(system),
      sortValue: known.value.hours,
      sizeKey: sizeKeyOf(system),
      hours: known.value.hours,
      hardware: known.value.hardware,
      gpuCount: known.value.gpuCount,
      wallClockHours: known.value.wallClockHours,
      derivation: known.value.derivation,
      status: known.status,
      sources: known.sources,
      method: known.status === 'estimated' ? known.method : undefined,
      note: known.note,
      quote: known.status === 'reported' ? known.quote : undefined,
      talk: talkOf(known.talk),
      flop: system.flop,
    },
  };
}

export function buildGpuHoursSeries(dataset: Pick<Dataset, 'systems'>, systems: readonly System[]): GpuHoursSeries {
  const rows: GpuRun[] = [];
  const leftOut: GpuLeftOut[] = [];
  for (const system of systems) {
    const entry = gpuEntry(system);
    if ('run' in entry) rows.push(entry.run);
    else leftOut.push(entry.leftOut);
  }
  const ordered = orderRunRows(rows);
  const inRows = new Set(ordered.map((r) => r.hardware));
  return {
    unit: 'GPU-hours',
    rows: ordered,
    leftOut,
    total: systems.length,
    hardware: [...inRows].sort((a, b) => a.localeCompare(b)),
    gap: findGap(ordered, dataset.systems),
  };
}

/** The nearest pre-training ancestor through "fine-tuned from" links (LLaVA → Vicuna-13B → LLaMA-13B). */
function pretrainingAncestor(id: string, byId: ReadonlyMap<string, System>): string | undefined {
  const seen = new Set([id]);
  let frontier = [id];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const cur of frontier) {
      for (const b of byId.get(cur)?.baseModels ?? []) {
        if (b.relation !== 'fine-tuned-from' || seen.has(b.id)) continue;
        seen.add(b.id);
        const base = byId.get(b.id);
        if (!base) continue;
        if (runKindOf(base) === 'pre-training') return b.id;
        next.push(b.id);
      }
    }
    frontier = next;
  }
  return undefined;
}

/** Per dataset (its systems): each fine-tune's nearest pre-training ancestor, null for none. */
const ancestorCache = new WeakMap<readonly System[], Map<string, string | null>>();

/** The element a stable sort by `cmp` would put first (the earliest of equals); `list` is not empty. */
function firstBy<T>(list: readonly T[], cmp: (a: T, b: T) => number): T {
  let first = list[0];
  for (let i = 1; i < list.length; i++) if (cmp(list[i], first) < 0) first = list[i];
  return first;
}

function bothReported(g: Pick<GpuGap, 'pre' | 'fine'>): number {
  return g.pre.status === 'reported' && g.fine.status === 'reported' ? 1 : 0;
}

/**
 * Prefers a lineage pair (both reported, then the largest ratio); falls back to the largest
 * pre-training run against the smallest fine-tune in view. Null when either kind is missing.
 */
export function findGap(rows: readonly GpuRun[], allSystems: readonly System[]): GpuGap | null {
  const pre = rows.filter((r) => r.runKind === 'pre-training');
  const fine = rows.filter((r) => r.runKind === 'fine-tune');
  if (pre.length === 0 || fine.length === 0) return null;
  let byId: ReadonlyMap<string, System> | undefined;
  const rowById = new Map(rows.map((r) => [r.systemId, r]));
  const pairs: GpuGap[] = [];
  // Kept across filter clicks: a breadth-first walk per fine-tune on every click is most of the chart's time at 10,000 systems.
  const ancestors = cached(ancestorCache, allSystems, () => new Map<string, string | null>());
  const ancestorOf = (id: string) => pretrainingAncestor(id, (byId ??= systemsById(allSystems))) ?? null;
  for (const f of fine) {
    const ancestor = cached(ancestors, f.systemId, ancestorOf);
    const p = ancestor ? rowById.get(ancestor) : undefined;
    if (p) pairs.push({ kind: 'lineage', pre: p, fine: f, ratio: p.hours / f.hours });
  }
  // What a stable sort would put first, in one pass (thousands of fine-tunes at scale).
  const best = (list: GpuGap[]) =>
    firstBy(list, (a, b) => bothReported(b) - bothReported(a) || b.ratio - a.ratio || a.fine.name.localeCompare(b.fine.name));
  if (pairs.length > 0) return best(pairs);
  const prefer = <T extends GpuRun>(list: T[], cmp: (a: T, b: T) => number) =>
    firstBy(list, (a, b) => (a.status === 'reported' ? 0 : 1) - (b.status === 'reported' ? 0 : 1) || cmp(a, b));
  const largest = prefer(pre, (a, b) => b.hours - a.hours);
  const smallest = prefer(fine, (a, b) => a.hours - b.hours);
  return { kind: 'extremes', pre: largest, fine: smallest, ratio: largest.hours / smallest.hours };
}

/* ---- Text shared by the chart's labels and its data table. ---- */

/** Exact GPU-hours as in the source ("82,432"); the data table and the marks' values. */
export function formatGpuHours(hours: number, locale: Locale): string {
  return Number.isInteger(hours) ? formatInteger(hours, locale) : formatDecimal(hours, locale, 1);
}

/** Short form for bar labels: "1.02M", "82.4K", "24". */
export function formatGpuHoursShort(hours: number, locale: Locale): string {
  return hours >= 10_000 ? formatCompact(hours, locale) : formatGpuHours(hours, locale);
}

/** The gap ratio as said in the annotation: three significant digits ("3,440"). */
export function formatRatio(ratio: number, locale: Locale): string {
  return formatInteger(roundSignificant(ratio, 3), locale);
}

export function runKindLabel(t: Translate, k: RunKind): string {
  return k === 'pre-training' ? t('gpu-hours-chart.pre-training', 'Pre-training') : t('gpu-hours-chart.fine-tune', 'Fine-tune');
}

/** "8 GPUs × 3 h", or built from the GPU count and wall-clock time when the source gives both. */
export function derivationText(r: Pick<GpuRun, 'derivation' | 'gpuCount' | 'wallClockHours'>, locale: Locale): string | undefined {
  if (r.derivation) return r.derivation;
  if (r.gpuCount && r.wallClockHours) return `${formatInteger(r.gpuCount, locale)} × ${formatDecimal(r.wallClockHours, locale, 1)} h`;
  return undefined;
}

export function gpuStatusLabel(r: Pick<GpuRun, 'status' | 'method'>, t: Translate): string {
  return r.status === 'estimated'
    ? t('gpu-hours-chart.status-estimated', 'est.: {method}', { method: r.method ?? '' })
    : t('fact.reported', 'reported');
}

export function gpuLeftOutLabel(l: Pick<GpuLeftOut, 'reason' | 'note' | 'kind'>, t: Translate): string {
  return leftOutReasonText(l, t, (reason) =>
    reason === 'not-recorded'
      ? t('gpu-hours-chart.reason-not-recorded', 'unknown (no figure recorded)')
      : l.kind === 'library-app'
        ? t('gpu-hours-chart.reason-library', 'not applicable (a library or app: no training run of its own)')
        : t('gpu-hours-chart.reason-paper-event', 'not applicable (paper/event)'),
  );
}

export function buildGpuHoursTable(
  series: GpuHoursSeries,
  { locale, t, sourcesById }: { locale: Locale; t: Translate; sourcesById: ReadonlyMap<string, Source> },
) {
  return {
    columns: [
      t('field.name', 'Name'),
      t('gpu-hours-chart.col-hours', 'GPU-hours'),
      t('gpu-hours-chart.col-hardware', 'Hardware'),
      t('gpu-hours-chart.col-derivation', 'GPUs × time'),
      t('gpu-hours-chart.col-run', 'Run'),
      t('gpu-hours-chart.col-status', 'Status'),
      t('gpu-hours-chart.col-source', 'Source'),
    ],
    rows: series.rows.map((r) => ({
      id: r.systemId,
      cells: [
        r.name,
        formatGpuHours(r.hours, locale),
        r.hardware,
        derivationText(r, locale) ?? '—',
        runKindLabel(t, r.runKind),
        gpuStatusLabel(r, t),
        r.sources.map((id) => sourcesById.get(id)?.title ?? id).join('; '),
      ],
    })),
  };
}
