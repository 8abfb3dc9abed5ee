import type { Dataset, System } from '../data/schema';
import type { CitedNumber, Co2MethodsData } from '../data/co2-methods-schema';
import methodsJson from '../../data/co2-methods.json' with { type: 'json' };
import { bibEscape } from './figure-citation';

/*
 * The CO₂ of a training run under each published method, from data/co2-methods.json (checked when
 * the site is built). Three methods, one shape:
 *
 *   dynamic energy (kWh) = accelerator-hours × power per accelerator (W) × PUE ÷ 1,000
 *   idle energy (kWh)    = dynamic energy × idle-to-dynamic ratio          (life cycle only)
 *   embodied (kg)        = hours × accelerator kg ÷ (life × 8,760 h × use)
 *                        + hours ÷ GPUs per server × server kg ÷ (life × 8,760 h × use)  (life cycle only)
 *   t CO₂e               = ((dynamic + idle) × grid kg/kWh + embodied kg) ÷ 1,000 × development factor
 *
 * Patterson et al. take the measured average power of the accelerator's system; LLaMA (after Wu
 * et al.) the TDP with PUE 1.1; the BLOOM life-cycle study the TDP without PUE, adding idle and
 * infrastructure energy and manufacturing. A run is recomputed only from sourced numbers: no
 * power, accelerator or embodied figure is filled in where a source gives none.
 */

export const CO2_METHODS = methodsJson as Co2MethodsData;

export type MethodId = Co2MethodsData['methods'][number]['id'];
export type Method = Co2MethodsData['methods'][number];
export type Accelerator = Co2MethodsData['accelerators'][number];
export type Grid = Co2MethodsData['grids'][number];
export type Development = Co2MethodsData['development'][number];
export type Reproduction = Co2MethodsData['reproductions'][number];

const HOURS_PER_YEAR = 8760;

/** What the reader chose: the method, a grid (or the method's own) and a development factor (or none). */
export interface MethodChoice {
  method: MethodId;
  /** 'method': the grid the method's own figure used. */
  grid: string;
  /** 'none': the final run alone. */
  development: string;
}

export function methodById(id: string, data: Co2MethodsData = CO2_METHODS): Method | undefined {
  return data.methods.find((m) => m.id === id);
}

export function gridById(id: string, data: Co2MethodsData = CO2_METHODS): Grid | undefined {
  return data.grids.find((g) => g.id === id);
}

/** The grid a choice stands for: the one named, else the method's own. */
export function chosenGrid(choice: MethodChoice, data: Co2MethodsData = CO2_METHODS): Grid {
  const method = methodById(choice.method, data)!;
  return gridById(choice.grid, data) ?? gridById(method.grid, data)!;
}

export function chosenDevelopment(choice: MethodChoice, data: Co2MethodsData = CO2_METHODS): Development | undefined {
  return data.development.find((d) => d.id === choice.development);
}

/** A part of a hardware text that names a chip (as opposed to "mixed precision", "on the MosaicML platform"). */
const CHIP_WORD = /\b(?:[AHV]\d{2,3}|[AHV]\d{3}\w*|TPU|GPU|RTX|GTX|TITAN|Tesla|K\d{2}|P\d{3}|MI\d{2,3}\w*|Ascend|Cerebras|Gaudi|IPU)\b/i;

/**
 * The accelerator a run's hardware text names, when it names exactly one listed accelerator and
 * nothing else: "8 × A100-80GB (FSDP, mixed precision)" is the A100-80GB, "NVIDIA A100, NVIDIA
 * Tesla V100 SXM2" names two chips and is nobody's, and "NVIDIA A100 SXM4 40 GB" matches none.
 */
export function matchAccelerator(hardware: string, data: Co2MethodsData = CO2_METHODS): Accelerator | undefined {
  const parts = hardware
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s*(?:[,;/+&]|\band\b)\s*/i)
    .filter((p) => p.trim());
  let hit: Accelerator | undefined;
  for (const part of parts) {
    const matches = data.accelerators.filter((a) => patternOf(a).test(part));
    if (matches.length > 1 || (matches.length === 1 && hit && hit !== matches[0])) return undefined;
    if (matches.length === 1) hit = matches[0];
    // A chip the list has no figures for, beside one it has: the run's power is not one accelerator's.
    else if (CHIP_WORD.test(part)) return undefined;
  }
  return hit;
}

/** Each accelerator's pattern, compiled once (a run's hardware is matched for every model in view on every filter change). */
const patterns = new WeakMap<Accelerator, RegExp>();
function patternOf(a: Accelerator): RegExp {
  let re = patterns.get(a);
  if (!re) patterns.set(a, (re = new RegExp(a.match, 'i')));
  return re;
}

/** Everything a method needs of a run besides its constants. */
export interface RunInputs {
  acceleratorHours: number;
  accelerator: Accelerator;
}

export type NotComputable =
  /** The method needs measured power and no source gives one for this accelerator. */
  | { reason: 'no-measured-power'; accelerator: string }
  | { reason: 'no-tdp'; accelerator: string }
  /** The life-cycle method needs the accelerator's manufacturing emissions. */
  | { reason: 'no-embodied'; accelerator: string };

export interface MethodResult {
  powerW: number;
  pue: number;
  kgPerKwh: number;
  dynamicKwh: number;
  idleKwh: number;
  /** t CO₂e of the dynamic and of the idle energy, and of manufacturing (0 where the method counts none). */
  dynamicT: number;
  idleT: number;
  embodiedT: number;
  /** Dynamic + idle + embodied, for the final run. */
  runT: number;
  developmentFactor: number;
  /** The run × the development factor. */
  totalT: number;
}

/** Parameters of the formula, each a plain number: the sensitivity view moves them one at a time. */
export interface MethodParams {
  powerW: number;
  pue: number;
  kgPerKwh: number;
  /** Idle and infrastructure energy per kWh of dynamic energy (0 where the method counts none). */
  idleRatio: number;
  /** kg CO₂e of manufacturing per accelerator-hour, the accelerator's and its share of the server's. */
  embodiedKgPerHour: number;
  developmentFactor: number;
}

/** The formula itself. */
export function computeWithParams(acceleratorHours: number, p: MethodParams): MethodResult {
  const dynamicKwh = (acceleratorHours * p.powerW * p.pue) / 1000;
  const idleKwh = dynamicKwh * p.idleRatio;
  const dynamicT = (dynamicKwh * p.kgPerKwh) / 1000;
  const idleT = (idleKwh * p.kgPerKwh) / 1000;
  const embodiedT = (acceleratorHours * p.embodiedKgPerHour) / 1000;
  const runT = dynamicT + idleT + embodiedT;
  return {
    powerW: p.powerW,
    pue: p.pue,
    kgPerKwh: p.kgPerKwh,
    dynamicKwh,
    idleKwh,
    dynamicT,
    idleT,
    embodiedT,
    runT,
    developmentFactor: p.developmentFactor,
    totalT: runT * p.developmentFactor,
  };
}

/** kg CO₂e per hour of use of a device that embodies `kg` over the method's life and use rate. */
export function embodiedPerHour(kg: number, method: Method): number {
  const e = method.embodied!;
  return kg / (e.lifetimeYears.value * HOURS_PER_YEAR * e.utilisation.value);
}

/** The idle-and-infrastructure energy per kWh of dynamic energy that the method measured. */
export function idleRatio(method: Method): number {
  return method.idle ? method.idle.idleKwh.value / method.idle.dynamicKwh.value : 0;
}

/** A method's parameters for an accelerator, or why it cannot give them. */
export function methodParams(
  method: Method,
  accelerator: Accelerator,
  kgPerKwh: number,
  developmentFactor = 1,
): { ok: true; params: MethodParams } | ({ ok: false } & NotComputable) {
  const power = method.power === 'measured' ? accelerator.measuredW : accelerator.tdpW;
  if (!power) return { ok: false, reason: method.power === 'measured' ? 'no-measured-power' : 'no-tdp', accelerator: accelerator.name };
  let embodiedKgPerHour = 0;
  if (method.embodied) {
    if (!accelerator.embodiedKg) return { ok: false, reason: 'no-embodied', accelerator: accelerator.name };
    embodiedKgPerHour =
      embodiedPerHour(accelerator.embodiedKg.value, method) +
      embodiedPerHour(method.embodied.serverKg.value, method) / method.embodied.gpusPerServer.value;
  }
  return {
    ok: true,
    params: {
      powerW: power.value,
      pue: method.pue?.value ?? 1,
      kgPerKwh,
      idleRatio: idleRatio(method),
      embodiedKgPerHour,
      developmentFactor,
    },
  };
}

export function computeUnderMethod(
  run: RunInputs,
  method: Method,
  kgPerKwh: number,
  developmentFactor = 1,
): { ok: true; result: MethodResult } | ({ ok: false } & NotComputable) {
  const p = methodParams(method, run.accelerator, kgPerKwh, developmentFactor);
  return p.ok ? { ok: true, result: computeWithParams(run.acceleratorHours, p.params) } : p;
}

/* ------------------------------------------------------------------------------------------ */
/* A published figure, reproduced from the inputs its authors give.                             */

export interface ReproducedPart {
  part: Reproduction['published'][number]['part'];
  unit: 'MWh' | 't';
  published: Reproduction['published'][number];
  computed: number;
  /** (computed − published) ÷ published. */
  difference: number;
}

export interface ReproducedRun {
  reproduction: Reproduction;
  method: Method;
  acceleratorHours: number;
  /** Hours of the run, where it follows from compute ÷ throughput (Patterson's GPT-3). */
  wallClockHours?: number;
  result: MethodResult;
  parts: ReproducedPart[];
}

/** The run's figures from the reproduction's own inputs, beside the published ones. */
export function reproduce(r: Reproduction, data: Co2MethodsData = CO2_METHODS): ReproducedRun {
  const method = methodById(r.method, data)!;
  const grid = gridById(r.run.grid, data)!;
  const { chips, flop, flopPerSecondPerChip } = r.run;
  const wallClockHours = chips && flop && flopPerSecondPerChip ? flop.value / (chips.value * flopPerSecondPerChip.value) / 3600 : undefined;
  const acceleratorHours = r.run.gpuHours?.value ?? wallClockHours! * chips!.value;
  const accelerator = r.run.accelerator ? data.accelerators.find((a) => a.id === r.run.accelerator) : undefined;
  let embodiedKgPerHour = 0;
  if (method.embodied) {
    if (!accelerator?.embodiedKg)
      throw new Error(`reproduction of ${r.systemId}: the method counts manufacturing, the accelerator has no embodied figure`);
    embodiedKgPerHour =
      embodiedPerHour(accelerator.embodiedKg.value, method) +
      embodiedPerHour(method.embodied.serverKg.value, method) / method.embodied.gpusPerServer.value;
  }
  const result = computeWithParams(acceleratorHours, {
    powerW: r.run.powerW.value,
    pue: r.run.pue?.value ?? method.pue?.value ?? 1,
    kgPerKwh: grid.kgPerKwh.value,
    idleRatio: idleRatio(method),
    embodiedKgPerHour,
    developmentFactor: 1,
  });
  const computedOf: Record<ReproducedPart['part'], number> = {
    energy: (result.dynamicKwh + result.idleKwh) / 1000,
    dynamic: result.dynamicT,
    idle: result.idleT,
    embodied: result.embodiedT,
    total: result.runT,
  };
  const parts = r.published.map((p) => ({
    part: p.part,
    unit: p.unit,
    published: p,
    computed: computedOf[p.part],
    difference: (computedOf[p.part] - p.value) / p.value,
  }));
  return { reproduction: r, method, acceleratorHours, wallClockHours, result, parts };
}

/* ------------------------------------------------------------------------------------------ */
/* Every run in view under one method, beside its published figure.                            */

export type LeftOutForMethod =
  | NotComputable
  | { reason: 'no-gpu-hours' }
  /** The hardware text names no accelerator with sourced figures (or more than one). */
  | { reason: 'unknown-accelerator'; hardware: string };

export interface MethodRow {
  id: string;
  name: string;
  /** The dataset's published figure for the run, if any. */
  published?: { value: number; status: 'reported' | 'estimated'; sources: string[]; method?: string };
  acceleratorHours: number;
  accelerator: Accelerator;
  result: MethodResult;
}

export interface MethodSeries {
  choice: MethodChoice;
  method: Method;
  grid: Grid;
  development?: Development;
  rows: MethodRow[];
  /** Models in view that the method cannot recompute, and why; a published figure, if any, is kept beside. */
  leftOut: { id: string; name: string; why: LeftOutForMethod; published?: number }[];
  /** Models in view (papers, events and apps train nothing and are not counted). */
  total: number;
}

/** A run's accelerator-hours and accelerator, or why it has none to recompute from. */
export function runInputs(
  system: System,
  data: Co2MethodsData = CO2_METHODS,
): { ok: true; run: RunInputs } | { ok: false; why: LeftOutForMethod } {
  const g = system.gpuHours;
  if (!g || (g.status !== 'reported' && g.status !== 'estimated')) return { ok: false, why: { reason: 'no-gpu-hours' } };
  const accelerator = matchAccelerator(g.value.hardware, data);
  if (!accelerator) return { ok: false, why: { reason: 'unknown-accelerator', hardware: g.value.hardware } };
  return { ok: true, run: { acceleratorHours: g.value.hours, accelerator } };
}

function publishedOf(system: System): MethodRow['published'] {
  const f = system.co2Tonnes;
  if (!f || (f.status !== 'reported' && f.status !== 'estimated')) return undefined;
  return { value: f.value, status: f.status, sources: f.sources, method: f.status === 'estimated' ? f.method : undefined };
}

export function buildMethodSeries(systems: readonly System[], choice: MethodChoice, data: Co2MethodsData = CO2_METHODS): MethodSeries {
  const method = methodById(choice.method, data)!;
  const grid = chosenGrid(choice, data);
  const development = chosenDevelopment(choice, data);
  const rows: MethodRow[] = [];
  const leftOut: MethodSeries['leftOut'] = [];
  let total = 0;
  for (const system of systems) {
    if (system.kind !== 'model') continue;
    total++;
    const published = publishedOf(system);
    const inputs = runInputs(system, data);
    if (!inputs.ok) {
      leftOut.push({ id: system.id, name: system.name, why: inputs.why, published: published?.value });
      continue;
    }
    const computed = computeUnderMethod(inputs.run, method, grid.kgPerKwh.value, development?.factor ?? 1);
    if (!computed.ok) {
      const { ok: _ok, ...why } = computed;
      leftOut.push({ id: system.id, name: system.name, why, published: published?.value });
      continue;
    }
    rows.push({ id: system.id, name: system.name, published, ...inputs.run, result: computed.result });
  }
  rows.sort((a, b) => b.result.totalT - a.result.totalT || a.name.localeCompare(b.name));
  return { choice, method, grid, development, rows, leftOut, total };
}

/**
 * The sources a choice rests on, in order: the method's, its idle and manufacturing figures', the
 * grid's, the development factor's, and the power (and manufacturing) figures of the accelerators drawn.
 */
export function choiceSourceIds(series: Pick<MethodSeries, 'method' | 'grid' | 'development' | 'rows'>): string[] {
  const { method } = series;
  const ids = [method.source, ...method.alsoSources];
  if (method.idle) ids.push(method.idle.idleKwh.source, method.idle.dynamicKwh.source);
  if (method.embodied) ids.push(...Object.values(method.embodied).map((c) => c.source));
  ids.push(series.grid.kgPerKwh.source);
  if (series.development) ids.push(series.development.source);
  for (const r of series.rows) {
    const power = method.power === 'measured' ? r.accelerator.measuredW : r.accelerator.tdpW;
    if (power) ids.push(power.source);
    if (method.embodied && r.accelerator.embodiedKg) ids.push(r.accelerator.embodiedKg.source);
  }
  return [...new Set(ids)];
}

/* ------------------------------------------------------------------------------------------ */
/* Sensitivity: one input at a time across the lowest and highest sourced value.                */

export type SensitivityInput = 'power' | 'pue' | 'grid' | 'idle' | 'embodied' | 'development';

export interface SensitivityBar {
  input: SensitivityInput;
  /** `label`: the grid's id (grid), the development factor's id (development), else empty. */
  low: { value: number; cited?: CitedNumber | Development; label: string };
  high: { value: number; cited?: CitedNumber | Development; label: string };
  resultLow: number;
  resultHigh: number;
  /** |resultHigh − resultLow|. */
  swing: number;
}

export interface Sensitivity {
  base: MethodResult;
  bars: SensitivityBar[];
  /** Inputs with one sourced value only, or not part of the method: no range to draw. */
  fixed: { input: SensitivityInput; why: 'one-value' | 'not-in-method' }[];
}

/** Lowest and highest of a set of sourced values. */
function extremes<T>(items: readonly T[], value: (t: T) => number): [T, T] | undefined {
  if (items.length === 0) return undefined;
  let lo = items[0];
  let hi = items[0];
  for (const it of items) {
    if (value(it) < value(lo)) lo = it;
    if (value(it) > value(hi)) hi = it;
  }
  return value(lo) === value(hi) ? undefined : [lo, hi];
}

/**
 * How the run's result moves when one input goes from the lowest to the highest value the sources
 * give for it, the others held at the chosen method's: power (TDP or measured), PUE (the data
 * centres in the sources), grid (every grid listed), idle and manufacturing (counted or not, the
 * life-cycle method's own terms) and development (none to the largest factor).
 */
export function sensitivity(
  run: RunInputs,
  choice: MethodChoice,
  data: Co2MethodsData = CO2_METHODS,
): { ok: true; sensitivity: Sensitivity } | ({ ok: false } & NotComputable) {
  const method = methodById(choice.method, data)!;
  const grid = chosenGrid(choice, data);
  const dev = chosenDevelopment(choice, data);
  const p = methodParams(method, run.accelerator, grid.kgPerKwh.value, dev?.factor ?? 1);
  if (!p.ok) return p;
  const base = p.params;
  const at = (patch: Partial<MethodParams>) => computeWithParams(run.acceleratorHours, { ...base, ...patch }).totalT;
  const bars: SensitivityBar[] = [];
  const fixed: Sensitivity['fixed'] = [];
  const push = (input: SensitivityInput, low: SensitivityBar['low'], high: SensitivityBar['high'], key: keyof MethodParams) => {
    const resultLow = at({ [key]: low.value });
    const resultHigh = at({ [key]: high.value });
    bars.push({ input, low, high, resultLow, resultHigh, swing: Math.abs(resultHigh - resultLow) });
  };

  const powers = [run.accelerator.tdpW, run.accelerator.measuredW].filter((x): x is CitedNumber => !!x);
  const power = extremes(powers, (c) => c.value);
  if (power)
    push('power', { value: power[0].value, cited: power[0], label: '' }, { value: power[1].value, cited: power[1], label: '' }, 'powerW');
  else fixed.push({ input: 'power', why: 'one-value' });

  if (method.pue) {
    const pue = extremes(data.pueObserved, (c) => c.value);
    if (pue) push('pue', { value: pue[0].value, cited: pue[0], label: '' }, { value: pue[1].value, cited: pue[1], label: '' }, 'pue');
    else fixed.push({ input: 'pue', why: 'one-value' });
  } else fixed.push({ input: 'pue', why: 'not-in-method' });

  const g = extremes(data.grids, (x) => x.kgPerKwh.value);
  if (!g) fixed.push({ input: 'grid', why: 'one-value' });
  else
    push(
      'grid',
      { value: g[0].kgPerKwh.value, cited: g[0].kgPerKwh, label: g[0].id },
      { value: g[1].kgPerKwh.value, cited: g[1].kgPerKwh, label: g[1].id },
      'kgPerKwh',
    );

  if (method.idle) push('idle', { value: 0, label: '' }, { value: base.idleRatio, cited: method.idle.idleKwh, label: '' }, 'idleRatio');
  else fixed.push({ input: 'idle', why: 'not-in-method' });
  if (method.embodied)
    push(
      'embodied',
      { value: 0, label: '' },
      { value: base.embodiedKgPerHour, cited: run.accelerator.embodiedKg, label: '' },
      'embodiedKgPerHour',
    );
  else fixed.push({ input: 'embodied', why: 'not-in-method' });

  const devs = extremes(data.development, (d) => d.factor);
  const maxDev = devs?.[1] ?? data.development[0];
  if (!maxDev) fixed.push({ input: 'development', why: 'one-value' });
  else push('development', { value: 1, label: '' }, { value: maxDev.factor, cited: maxDev, label: maxDev.id }, 'developmentFactor');

  bars.sort((a, b) => b.swing - a.swing);
  return { ok: true, sensitivity: { base: computeWithParams(run.acceleratorHours, base), bars, fixed } };
}

/** The dataset's systems a reader can pick for the sensitivity view: those the chosen method recomputes. */
export function sensitivityTarget(series: MethodSeries, selectedId: string | null): MethodRow | undefined {
  return series.rows.find((r) => r.id === selectedId) ?? series.rows.find((r) => r.id === 'llama-65b') ?? series.rows[0];
}

/** The dataset the series is for is only read through `systems`; this keeps the signature honest for callers holding a dataset. */
export function modelSystems(dataset: Dataset): System[] {
  return dataset.systems.filter((s) => s.kind === 'model');
}

/* ------------------------------------------------------------------------------------------ */
/* Citing a method.                                                                            */

type MethodSource = Co2MethodsData['sources'][number];

function bibKey(s: MethodSource): string {
  const first = (s.corporate ? s.authors[0].split(/\s+/)[0] : s.authors[0].split(/\s+/).pop()!).toLowerCase().replace(/[^a-z0-9]/g, '');
  return `${first}${s.year}`;
}

/** "Family, Given" for a person; an organization in braces, as one name. */
function bibAuthor(name: string, corporate: boolean): string {
  if (name === 'others') return 'others';
  if (corporate) return `{${bibEscape(name)}}`;
  const parts = name.split(/\s+/);
  const family = parts.pop()!;
  return parts.length ? `${bibEscape(family)}, ${bibEscape(parts.join(' '))}` : bibEscape(family);
}

/** BibTeX of the method sources with these ids (journal → @article, proceedings → @inproceedings, else @misc). */
export function methodBibtex(ids: readonly string[], data: Co2MethodsData = CO2_METHODS): string {
  return ids
    .flatMap((id) => data.sources.filter((s) => s.id === id))
    .map((s) => {
      const kind = /journal/i.test(s.venue) ? 'article' : /proceedings|conference/i.test(s.venue) ? 'inproceedings' : 'misc';
      const venueField = kind === 'article' ? 'journal' : kind === 'inproceedings' ? 'booktitle' : 'howpublished';
      const authors = s.authors.map((a) => bibAuthor(a, s.corporate === true)).join(' and ');
      const fields = [
        `  author    = {${authors}},`,
        `  title     = {${bibEscape(s.title)}},`,
        `  ${venueField.padEnd(9)} = {${bibEscape(s.venue)}},`,
        `  year      = {${s.year}},`,
        s.arxiv ? `  eprint    = {${s.arxiv}},\n  archivePrefix = {arXiv},` : null,
        `  url       = {${s.url}},`,
      ].filter(Boolean);
      return [`@${kind}{${bibKey(s)},`, ...fields, '}'].join('\n');
    })
    .join('\n\n');
}

/** The method a published figure was made with, known from the paper it cites (undefined: its developers' own estimate). */
export function methodOfSources(sourceIds: readonly string[], data: Co2MethodsData = CO2_METHODS): Method | undefined {
  const paper = data.sources.find((s) => s.datasetSourceIds.some((id) => sourceIds.includes(id)));
  return paper ? data.methods.find((m) => m.source === paper.id) : undefined;
}
