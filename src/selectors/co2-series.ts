import type { Dataset, Fact, System, TalkClaim } from '../data/schema';
import { brainYears } from '../lib/carbon';
import { missingFactReason, type LeftOutReason } from './left-out';

/*
 * The CO₂ comparison's derived table: one bar per training run in the filtered set with a CO₂
 * figure, every published figure for that run (so a disagreement is drawn as a spread, never
 * averaged away), and the runs left out with the reason. The chart and its "show data" table both
 * start from `buildCo2Series`; the equivalents cards start from `buildEquivalents`.
 */

export const CO2_UNIT = 't CO₂e';
/** The reference figures (`gpt3Co2Tonnes`, `gpt3EnergyMwh`) describe this system. */
export const GPT3_ID = 'gpt-3';

/**
 * Second published figures the dataset keeps only in notes: the LLaMA paper (§6) also gives OPT's
 * and BLOOM's emissions on their developers' own grids. Quoted verbatim; the same numbers are in
 * the `co2Tonnes.note` of `opt-175b` and `bloom-175b` (a unit test holds them together). They
 * belong in `dataset.reference` once the schema has a place for them.
 */
export interface OwnGridFigure {
  systemId: string;
  kgCo2ePerKwh: number;
  tco2e: number;
  sources: string[];
  quote: string;
}

type Shown = 'reported' | 'estimated';

export interface PublishedFigure {
  /** `dataset`: the system's own `co2Tonnes`; `own-grid`: the LLaMA paper's figure on the developer's grid. */
  kind: 'dataset' | 'own-grid';
  value: number;
  status: Shown;
  sources: string[];
  method?: string;
  /** The grid intensity the figure assumes, where the source states it as a number. */
  kgCo2ePerKwh?: number;
  quote?: string;
}

export interface ShownFact {
  value: number;
  status: Shown;
  sources: string[];
  method?: string;
  note?: string;
}

export interface Co2Bar {
  id: string;
  name: string;
  /** The plotted figure: the dataset's `co2Tonnes`. */
  value: number;
  unit: typeof CO2_UNIT;
  status: Shown;
  sources: string[];
  method?: string;
  note?: string;
  /** Colour key: the source the figure comes from. Bars sharing it share a method and compare directly. */
  group: string;
  /** Every published figure for this run, the plotted one first. */
  figures: PublishedFigure[];
  /** Lowest and highest published figure, when the sources disagree. */
  range?: { min: number; max: number };
  energy?: ShownFact;
  talk?: TalkClaim<number>;
  /** GPT-3's reference CO₂ divided by this run's (24 for LLaMA-13B: "1/24 of GPT-3"). Not set on GPT-3 itself. */
  gpt3Multiple?: number;
}

export interface Co2LeftOut {
  id: string;
  name: string;
  /** The same reasons as the cost and GPU-hours charts (see `left-out.ts`). */
  reason: LeftOutReason;
  /** The fact's own note ("Not published.", "No figure in the sources checked…"). */
  note?: string;
}

export interface Co2Series {
  bars: Co2Bar[];
  leftOut: Co2LeftOut[];
  /** Systems in the filtered set (bars + left out). */
  total: number;
}

function shown<T>(f: Fact<T> | undefined): (Fact<T> & { status: Shown }) | undefined {
  return f && (f.status === 'reported' || f.status === 'estimated') ? f : undefined;
}

function toShownFact(f: Fact<number> | undefined): ShownFact | undefined {
  const s = shown(f);
  if (!s) return undefined;
  return { value: s.value, status: s.status, sources: s.sources, method: s.status === 'estimated' ? s.method : undefined, note: s.note };
}

/** Why a system has no bar. */
function leftOutOf(system: System): Co2LeftOut {
  return { id: system.id, name: system.name, ...missingFactReason(system.kind, system.co2Tonnes) };
}

/** The published figures for one system: its own fact first, then any second figure from another grid. */
export function publishedFigures(dataset: Dataset, system: System): PublishedFigure[] {
  const own = shown(system.co2Tonnes);
  if (!own) return [];
  const figures: PublishedFigure[] = [
    {
      kind: 'dataset',
      value: own.value,
      status: own.status,
      sources: own.sources,
      method: own.status === 'estimated' ? own.method : undefined,
    },
  ];
  for (const alt of dataset.reference.ownGridCo2) {
    // A second figure counts only with every source known.
    if (alt.systemId !== system.id || !alt.sources.every((id) => dataset.sources.some((s) => s.id === id))) continue;
    figures.push({
      kind: 'own-grid',
      value: alt.tco2e,
      status: 'estimated',
      sources: alt.sources,
      kgCo2ePerKwh: alt.kgCo2ePerKwh,
      quote: alt.quote,
    });
  }
  return figures;
}

function gpt3Reference(dataset: Dataset): number | undefined {
  return shown(dataset.reference.gpt3Co2Tonnes)?.value;
}

/** The order `localeCompare` gives, with one collator instead of one per comparison. */
const NAME_ORDER = new Intl.Collator();
/** The chart's order: largest first, then by name. */
const byValueThenName = (a: Co2Bar, b: Co2Bar): number => b.value - a.value || NAME_ORDER.compare(a.name, b.name);

function toBar(dataset: Dataset, system: System): Co2Bar | undefined {
  const fact = shown(system.co2Tonnes);
  if (!fact) return undefined;
  const figures = publishedFigures(dataset, system);
  const values = figures.map((f) => f.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const gpt3 = gpt3Reference(dataset);
  return {
    id: system.id,
    name: system.name,
    value: fact.value,
    unit: CO2_UNIT,
    status: fact.status,
    sources: fact.sources,
    method: fact.status === 'estimated' ? fact.method : undefined,
    note: fact.note,
    group: fact.sources[0],
    figures,
    range: min !== max ? { min, max } : undefined,
    energy: toShownFact(system.energyMwh),
    talk: fact.talk,
    gpt3Multiple: gpt3 !== undefined && system.id !== GPT3_ID ? gpt3 / fact.value : undefined,
  };
}

/** Bars for the filtered systems, largest first; the runs without a figure, with the reason. */
export function buildCo2Series(dataset: Dataset, systems: readonly System[]): Co2Series {
  const bars: Co2Bar[] = [];
  const leftOut: Co2LeftOut[] = [];
  for (const system of systems) {
    const bar = toBar(dataset, system);
    if (bar) bars.push(bar);
    else leftOut.push(leftOutOf(system));
  }
  bars.sort(byValueThenName);
  return { bars, leftOut, total: systems.length };
}

/**
 * Colour keys for the whole dataset (not the filtered set), in dataset order, so a bar keeps its
 * colour whatever the filters.
 */
export function co2Groups(dataset: Dataset): string[] {
  const groups: string[] = [];
  for (const s of dataset.systems) {
    const f = shown(s.co2Tonnes);
    if (f && !groups.includes(f.sources[0])) groups.push(f.sources[0]);
  }
  return groups;
}

/* ---------- Equivalents ---------- */

/** A value, and its low and high ends when the published figures disagree. */
export interface Spread {
  value: number;
  min: number;
  max: number;
}

export interface Equivalents {
  systemId: string;
  name: string;
  co2: Spread;
  /** SF↔NY round trips of one passenger (GPT-3: 552 / 1.2 = 460, the talk's "460 次"). */
  passengerTrips?: { trips: Spread; tonnesPerTrip: number; sources: string[]; talk?: TalkClaim<number> };
  /** SF↔NY round trips of a whole, fully loaded passenger jet (GPT-3: 552 / 180 ≈ 3.1). */
  jetTrips?: { trips: Spread; tonnesPerTrip: number; sources: string[] };
  /** Years a human brain would run on the training energy, at the source's power and at the talk's. */
  brainYears?: {
    mwh: number;
    energy: ShownFact;
    watts: number;
    years: number;
    sources: string[];
    talk?: { watts: number; years: number; text: string; relation: TalkClaim<number>['relation']; note?: string };
  };
  /** GPT-3's reference CO₂ and how many times this run's figure it is (not set for GPT-3 itself). */
  gpt3?: { tonnes: number; multiple: number; sources: string[] };
}

function spreadOf(bar: Co2Bar, f: (tonnes: number) => number): Spread {
  const values = bar.figures.map((x) => f(x.value));
  return { value: f(bar.value), min: Math.min(...values), max: Math.max(...values) };
}

/** The everyday equivalents of one run's CO₂ and energy, each from its reference figure. */
export function buildEquivalents(dataset: Dataset, bar: Co2Bar): Equivalents {
  const ref = dataset.reference;
  const passenger = shown(ref.flightSfNyPerPassengerTonnes);
  const jet = shown(ref.flightSfNyWholeJetTonnes);
  const brain = shown(ref.brainPowerW);
  const out: Equivalents = {
    systemId: bar.id,
    name: bar.name,
    co2: spreadOf(bar, (t) => t),
  };
  const gpt3 = shown(ref.gpt3Co2Tonnes);
  if (gpt3 && bar.gpt3Multiple !== undefined) out.gpt3 = { tonnes: gpt3.value, multiple: bar.gpt3Multiple, sources: gpt3.sources };
  if (passenger) {
    out.passengerTrips = {
      trips: spreadOf(bar, (t) => t / passenger.value),
      tonnesPerTrip: passenger.value,
      sources: passenger.sources,
      // The talk's "460 次" is about GPT-3 only.
      talk: bar.id === GPT3_ID ? passenger.talk : undefined,
    };
  }
  if (jet) out.jetTrips = { trips: spreadOf(bar, (t) => t / jet.value), tonnesPerTrip: jet.value, sources: jet.sources };
  if (brain && bar.energy) {
    const talkW = ref.brainPowerW.talk?.value;
    out.brainYears = {
      mwh: bar.energy.value,
      energy: bar.energy,
      watts: brain.value,
      years: brainYears(bar.energy.value, brain.value),
      sources: brain.sources,
      talk:
        talkW !== undefined && ref.brainPowerW.talk
          ? {
              watts: talkW,
              years: brainYears(bar.energy.value, talkW),
              text: ref.brainPowerW.talk.text,
              relation: ref.brainPowerW.talk.relation,
              note: ref.brainPowerW.talk.note,
            }
          : undefined,
    };
  }
  return out;
}

export interface EquivalentsChoice {
  bar: Co2Bar | undefined;
  /** The selected system, when it has no CO₂ figure and the default run is shown instead. */
  selectedWithout?: { id: string; name: string; reason: LeftOutReason };
}

/**
 * Which run the equivalents describe: the selected system when it has a CO₂ figure, else GPT-3
 * (the talk's example), else the largest run. Chosen from the whole dataset, so a selection made
 * in another view is followed even when filters hide it from the chart.
 */
export function chooseEquivalentsRun(dataset: Dataset, selectedId: string | null): EquivalentsChoice {
  // Bars only: the systems with a figure, not a left-out entry for each of the others.
  const bars = dataset.systems.flatMap((s) => toBar(dataset, s) ?? []);
  const largest = bars.length > 0 ? bars.reduce((a, b) => (byValueThenName(b, a) < 0 ? b : a)) : undefined;
  const fallback = bars.find((b) => b.id === GPT3_ID) ?? largest;
  if (!selectedId) return { bar: fallback };
  const chosen = bars.find((b) => b.id === selectedId);
  if (chosen) return { bar: chosen };
  const system = dataset.systems.find((s) => s.id === selectedId);
  if (!system) return { bar: fallback };
  return { bar: fallback, selectedWithout: leftOutOf(system) };
}

// Built once: `localeCompare` with options builds a collator per call (slow over thousands of names).
const NAME_COLLATOR = new Intl.Collator('en', { numeric: true });

/** Systems the calculator can be applied to: any in the dataset with GPU-hours. */
export interface CalculatorModel {
  id: string;
  name: string;
  gpuHours: number;
  hardware: string;
  status: Shown;
  method?: string;
  sources: string[];
  derivation?: string;
}

export function calculatorModels(dataset: Dataset): CalculatorModel[] {
  const out: CalculatorModel[] = [];
  for (const s of dataset.systems) {
    const f = shown(s.gpuHours);
    if (!f) continue;
    out.push({
      id: s.id,
      name: s.name,
      gpuHours: f.value.hours,
      hardware: f.value.hardware,
      status: f.status,
      method: f.status === 'estimated' ? f.method : undefined,
      sources: f.sources,
      derivation: f.value.derivation,
    });
  }
  return out.sort((a, b) => NAME_COLLATOR.compare(a.name, b.name));
}
