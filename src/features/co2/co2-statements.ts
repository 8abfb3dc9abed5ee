import type { Dataset, Source } from '../../data/schema';
import { figureFooter, moreNotesTemplate } from '../../components/figure/figure-chrome';
import type { FigureModel, FigureNote } from '../../components/figure/figure-model';
import type { Statement, StatementsPlot } from '../../components/figure/plot-statements';
import { formatDecimal, formatInteger, type Locale } from '../../i18n/format';
import type { Translator } from '../../i18n/use-t';
import { methodBibtex } from '../../selectors/co2-methods';
import { HOURS_PER_YEAR, table15Mwh, table15Tonnes, type CarbonInputs } from '../../lib/carbon';
import {
  buildEquivalents,
  chooseEquivalentsRun,
  publishedFigures,
  type CalculatorModel,
  type Equivalents,
} from '../../selectors/co2-series';
import {
  figureText,
  formatEquivalent,
  formatMwh,
  formatSpread,
  formatTonnes,
  gpt3ShareText,
  leftOutText,
  shortSourceTitle,
} from './co2-format';

/*
 * The CO₂ view's cards as figures: what one run's emissions equal (flights, brain-years, GPT-3)
 * and the calculator's result, each number with its arithmetic, factor and dated source. The
 * cards on screen read their text from the same functions.
 */

type T = Pick<Translator, 't' | 'tn' | 'locale'>;
type Tr = Translator['t'];

/** A source as a figure names it: its short title, with its year where the title does not say it. */
export function datedSource(s: Source | undefined, id: string): string {
  const title = shortSourceTitle(s, id);
  const year = s?.date?.slice(0, 4);
  return year && !title.includes(year) ? `${title}, ${year}` : title;
}

function sourcesText(ids: readonly string[], sourcesById: ReadonlyMap<string, Source>): string {
  return ids.map((id) => datedSource(sourcesById.get(id), id)).join('; ');
}

/** The equivalents' text, on screen (with source links after) and in the figure (with the sources named). */
export function equivalentsTexts(eq: Equivalents, t: Tr, locale: Locale) {
  const tonnes = formatSpread(eq.co2, locale, formatTonnes);
  const p = eq.passengerTrips;
  const j = eq.jetTrips;
  const b = eq.brainYears;
  return {
    tonnes,
    spread: eq.co2.min !== eq.co2.max ? t('co2.eq-spread', 'Ranges span the published figures ({range} t).', { range: tonnes }) : undefined,
    passenger: p && {
      figure: formatSpread(p.trips, locale, formatEquivalent),
      label: t('co2.eq-passenger', 'San Francisco ↔ New York round trips, per passenger'),
      how: t('co2.eq-passenger-how', '{co2} ÷ {perTrip} t CO₂e per passenger round trip', {
        co2: `${tonnes} t`,
        perTrip: formatDecimal(p.tonnesPerTrip, locale, 2),
      }),
      talk: p.talk
        ? `${
            p.talk.relation === 'agrees'
              ? t('co2.eq-talk-agrees', 'The talk: “{quote}” — agrees.', { quote: p.talk.text })
              : t('co2.eq-talk-differs', '⚠ The talk: “{quote}”.', { quote: p.talk.text })
          }${p.talk.note ? ` ${p.talk.note}` : ''}`
        : undefined,
    },
    jet: j && {
      figure: formatSpread(j.trips, locale, formatEquivalent),
      label: t('co2.eq-jet', 'Round trips of a whole, fully loaded jet, San Francisco ↔ New York'),
      how: t('co2.eq-jet-how', '{co2} ÷ {perTrip} t CO₂e per jet round trip', {
        co2: `${tonnes} t`,
        perTrip: formatInteger(j.tonnesPerTrip, locale),
      }),
    },
    brain: {
      figure: b ? formatInteger(b.years, locale) : t('co2.eq-no-energy', 'No published energy figure'),
      label: t('co2.eq-brain', 'Years of a human brain’s energy'),
      how: b
        ? t('co2.eq-brain-how', '{mwh} MWh of training energy ÷ ({watts} W × {hoursPerYear} h a year)', {
            mwh: formatMwh(b.mwh, locale),
            watts: formatInteger(b.watts, locale),
            hoursPerYear: formatInteger(HOURS_PER_YEAR, locale),
          }) + (b.energy.status === 'estimated' ? ` (${t('fact.estimated', 'est.')})` : '')
        : undefined,
      talk: b?.talk
        ? t('co2.eq-brain-talk', 'At the talk’s {talkWatts} (“{quote}”): {years} years. The source says {sourceWatts}.', {
            talkWatts: `${formatInteger(b.talk.watts, locale)} W`,
            quote: b.talk.text,
            years: formatInteger(b.talk.years, locale),
            sourceWatts: `${formatInteger(b.watts, locale)} W`,
          })
        : undefined,
    },
    gpt3: eq.gpt3 && {
      figure: gpt3ShareText(eq.gpt3.multiple, t, locale),
      label: t('co2.eq-gpt3', 'Compared with GPT-3'),
      how: t('co2.eq-gpt3-how', 'GPT-3’s {gpt3Tonnes} t ÷ {tonnes} t', {
        gpt3Tonnes: formatTonnes(eq.gpt3.tonnes, locale),
        tonnes: formatTonnes(eq.co2.value, locale),
      }),
    },
    year: t(
      'co2.eq-note-year',
      'A year is 365.25 days (8,766 h). The energy is the run’s published MWh, so it does not change with the grid.',
    ),
  };
}

export interface EquivalentsFigureInput {
  dataset: Dataset;
  selectedId: string | null;
  link: string;
  translator: T;
}

const statementsTable = (t: Tr, items: readonly Statement[]) => ({
  columns: [t('co2.statement-what', 'What'), t('co2.statement-figure', 'Figure'), t('co2.statement-basis', 'How and from what')],
  rows: items.map((i) => ({ id: i.id, cells: [i.label, i.figure, [i.basis, ...(i.notes ?? [])].join(' ')] })),
});

/** "What GPT-3's training emissions equal": one statement per equivalent, with the arithmetic and the factor's source. */
export function buildEquivalentsFigure({
  dataset,
  selectedId,
  link,
  translator,
}: EquivalentsFigureInput): FigureModel & { plot: StatementsPlot } {
  const { t, locale } = translator;
  const sourcesById = new Map(dataset.sources.map((s) => [s.id, s]));
  const choice = chooseEquivalentsRun(dataset, selectedId);
  const bar = choice.bar;
  const eq = bar ? buildEquivalents(dataset, bar) : undefined;
  const items: Statement[] = [];
  const notes: FigureNote[] = [];
  const sourceIds: string[] = [];
  const cite = (ids: readonly string[]) => {
    for (const id of ids) if (!sourceIds.includes(id)) sourceIds.push(id);
    return sourcesText(ids, sourcesById);
  };
  let subtitle = '';
  if (bar && eq) {
    const x = equivalentsTexts(eq, t, locale);
    const estimated = bar.status === 'estimated';
    subtitle = `${bar.name}: ${x.tonnes} t CO₂e${estimated ? ` ${t('fact.estimated', 'est.')}` : ''} — ${cite(bar.sources)}`;
    if (estimated && bar.method)
      notes.push({ essential: true, text: t('co2.eq-estimate-method', 'est.: {method}.', { method: bar.method }) });
    if (bar.talk)
      notes.push({
        text: `${
          bar.talk.relation === 'agrees'
            ? t('co2.eq-talk-agrees', 'The talk: “{quote}” — agrees.', { quote: bar.talk.text })
            : t('co2.eq-talk-differs', '⚠ The talk: “{quote}”.', { quote: bar.talk.text })
        }${bar.talk.note ? ` ${bar.talk.note}` : ''}`,
      });
    if (x.passenger && eq.passengerTrips)
      items.push({
        id: 'passenger',
        figure: x.passenger.figure,
        label: x.passenger.label,
        basis: `${x.passenger.how} — ${cite(eq.passengerTrips.sources)}`,
        notes: x.passenger.talk ? [x.passenger.talk] : undefined,
        estimated,
      });
    if (x.jet && eq.jetTrips)
      items.push({ id: 'jet', figure: x.jet.figure, label: x.jet.label, basis: `${x.jet.how} — ${cite(eq.jetTrips.sources)}`, estimated });
    items.push({
      id: 'brain',
      figure: x.brain.figure,
      label: x.brain.label,
      basis: eq.brainYears && x.brain.how ? `${x.brain.how} — ${cite(eq.brainYears.sources)}` : '',
      notes: x.brain.talk ? [x.brain.talk] : undefined,
      estimated: eq.brainYears?.energy.status === 'estimated',
    });
    if (x.gpt3 && eq.gpt3)
      items.push({ id: 'gpt3', figure: x.gpt3.figure, label: x.gpt3.label, basis: `${x.gpt3.how} — ${cite(eq.gpt3.sources)}`, estimated });
    if (x.spread) notes.push({ essential: true, text: x.spread });
    if (choice.selectedWithout)
      notes.push({
        essential: true,
        text: t('co2.eq-fallback', '{selected} has no CO₂ figure ({reason}); showing {fallback}.', {
          selected: choice.selectedWithout.name,
          reason: leftOutText({ ...choice.selectedWithout, note: undefined }, t),
          fallback: bar.name,
        }),
      });
    notes.push({ text: x.year });
  }
  return {
    id: 'co2-equivalents',
    lang: locale,
    title: bar ? t('co2.eq-title', 'What {model}’s training emissions equal', { model: bar.name }) : t('co2.title', 'CO₂ of training'),
    subtitle,
    description: t(
      'co2.eq-description',
      'What one training run’s published CO₂ and energy equal, each worked out from its own reference figure.',
    ),
    plot: { kind: 'statements', items, empty: t('co2.empty', 'No system in view has a published CO₂ figure.') },
    legend: [],
    notes,
    sourceNote: t('figure.sources', 'Sources: {names}.', {
      names: sourceIds.map((id) => datedSource(sourcesById.get(id), id)).join('; ') || '—',
    }),
    moreNotes: moreNotesTemplate(translator),
    sourceIds,
    table: statementsTable(t, items),
    footer: figureFooter(translator, dataset, sourceIds, link),
  };
}

/* ---------- The calculator's result ---------- */

/** The arithmetic as the calculator shows it: numbers only, the same in every language. */
export function calculatorWorked(v: CarbonInputs, result: { mwh: number; tco2e: number }, locale: Locale) {
  const n6 = (n: number) => formatDecimal(n, locale, 6);
  const n2 = (n: number) => formatDecimal(n, locale, 2);
  return {
    mwh: n2(result.mwh),
    tco2e: n2(result.tco2e),
    energy: `${n6(v.gpuHours)} GPU-h × ${n6(v.gpuPowerW)} W × ${n6(v.pue)} ÷ 1,000,000 = ${n2(result.mwh)} MWh`,
    co2: `${n2(result.mwh)} MWh × ${n6(v.kgCo2ePerKwh)} kg CO₂e/kWh = ${n2(result.tco2e)} t CO₂e`,
  };
}

export function asPrintedText(result: { mwh: number; tco2e: number }, t: Tr, locale: Locale): string {
  return t('co2.calc-as-printed', 'As Table 15 would print it: {mwh} MWh, {tonnes} t CO₂e.', {
    mwh: formatInteger(table15Mwh(result.mwh), locale),
    tonnes: formatInteger(table15Tonnes(result.tco2e), locale),
  });
}

/** The calculator's result as a methods paragraph, with BibTeX of the LLaMA paper and Wu et al.: what its citation carries. */
export function calculatorReferences(
  v: CarbonInputs,
  result: { mwh: number; tco2e: number },
  paperActive: boolean,
  modelName: string | undefined,
  t: Tr,
  locale: Locale,
): { text: string; bibtex: string } {
  const w = calculatorWorked(v, result, locale);
  const text = [
    t(
      'co2.calc-methods-text',
      'CO₂ of {run} computed with the method of Touvron et al. 2023 (LLaMA, §6), after Wu et al. 2022: {energy}; {co2}.',
      {
        run: modelName ?? t('co2.calc-methods-run', 'a training run'),
        energy: w.energy,
        co2: w.co2,
      },
    ),
    paperActive
      ? t(
          'co2.calc-methods-paper',
          'Power, PUE and carbon intensity are the paper’s: the A100-80GB’s TDP, PUE 1.1 and the US average the paper gives.',
        )
      : t('co2.calc-methods-entered', 'Power, PUE and carbon intensity as entered, not the paper’s.'),
  ].join(' ');
  return { text, bibtex: methodBibtex(['touvron-2023', 'wu-2022']) };
}

export interface CalculatorFigureInput {
  dataset: Dataset;
  /** The inputs when all four read as numbers, else null (no result). */
  inputs: CarbonInputs | null;
  result: { mwh: number; tco2e: number } | null;
  /** The model whose GPU-hours were filled in, and whether they were edited since. */
  model: CalculatorModel | undefined;
  gpuHoursEdited: boolean;
  /** Power, PUE and intensity are the LLaMA paper's. */
  paperActive: boolean;
  link: string;
  translator: T;
}

/** The calculator's result: energy and CO₂ with their arithmetic, where each input comes from, and what is published. */
export function buildCalculatorFigure({
  dataset,
  inputs,
  result,
  model,
  gpuHoursEdited,
  paperActive,
  link,
  translator,
}: CalculatorFigureInput): FigureModel & { plot: StatementsPlot } {
  const { t, locale } = translator;
  const sourcesById = new Map(dataset.sources.map((s) => [s.id, s]));
  const table15 = dataset.reference.llamaTable15;
  const sourceIds: string[] = [];
  const cite = (ids: readonly string[]) => {
    for (const id of ids) if (!sourceIds.includes(id)) sourceIds.push(id);
    return sourcesText(ids, sourcesById);
  };
  const items: Statement[] = [];
  const notes: FigureNote[] = [];
  const fromModel = !!model && !gpuHoursEdited;
  const estimated = fromModel && model.status === 'estimated';
  if (inputs && result) {
    const w = calculatorWorked(inputs, result, locale);
    items.push({ id: 'energy', figure: `${w.mwh} MWh`, label: t('co2.calc-energy', 'Energy of the run'), basis: w.energy, estimated });
    items.push({ id: 'co2', figure: `${w.tco2e} t CO₂e`, label: t('co2.calc-emissions', 'CO₂ of the run'), basis: w.co2, estimated });
    notes.push({ essential: true, text: asPrintedText(result, t, locale) });
    notes.push({
      essential: true,
      text: fromModel
        ? t('co2.calc-from-model', 'GPU-hours: {model}’s, {hardware} ({sources}).', {
            model: model.name,
            hardware: model.hardware,
            sources: cite(model.sources),
          })
        : t('co2.calc-hours-entered', 'GPU-hours: as entered.'),
    });
    if (estimated)
      notes.push({
        essential: true,
        text: t('co2.calc-hours-estimated', 'The GPU-hours are an estimate: {method}.', { method: model.method ?? '' }),
      });
    notes.push({
      essential: true,
      text: paperActive
        ? t('co2.calc-factors-paper', 'Power, PUE and carbon intensity: the LLaMA paper’s ({sources}).', { sources: cite(table15.sources) })
        : t('co2.calc-factors-entered', 'Power, PUE and carbon intensity: as entered, not the LLaMA paper’s.'),
    });
    const system = fromModel ? dataset.systems.find((s) => s.id === model.id) : undefined;
    if (system) {
      const figures = publishedFigures(dataset, system);
      const energy =
        system.energyMwh && (system.energyMwh.status === 'reported' || system.energyMwh.status === 'estimated')
          ? system.energyMwh
          : undefined;
      const est = (s: string) => (s === 'estimated' ? ` ${t('fact.estimated', 'est.')}` : '');
      const parts = [
        ...(energy ? [`${formatMwh(energy.value, locale)} MWh${est(energy.status)} (${cite(energy.sources)})`] : []),
        ...figures.map((f) => `${figureText(f, t, locale)} CO₂e${est(f.status)} (${cite(f.sources)})`),
      ];
      notes.push({
        text:
          parts.length > 0
            ? t('co2.calc-published-figures', 'Published for {model}: {figures}.', { model: system.name, figures: parts.join('; ') })
            : t('co2.calc-none-published', 'No energy or CO₂ figure is published for {model}: this result is the only one.', {
                model: system.name,
              }),
      });
    }
  }
  return {
    id: 'co2-calculator',
    lang: locale,
    title: t('co2.calc-title', 'Calculator: the LLaMA paper’s method, for any run with GPU-hours'),
    subtitle: fromModel
      ? t('co2.calc-subtitle-model', 'GPU-hours of {model}', { model: model.name })
      : t('co2.calc-hours-entered', 'GPU-hours: as entered.'),
    description: t(
      'co2.calc-formula',
      'Energy (MWh) = GPU-hours × GPU power (W) × PUE ÷ 1,000,000. CO₂ (t CO₂e) = energy (MWh) × carbon intensity (kg CO₂e per kWh), because a kilogram per kilowatt-hour is a tonne per megawatt-hour.',
    ),
    plot: { kind: 'statements', items, empty: t('co2.calc-figure-withheld', 'No result: not every input is a valid number.') },
    legend: [],
    notes,
    sourceNote: t('figure.sources', 'Sources: {names}.', {
      names: sourceIds.map((id) => datedSource(sourcesById.get(id), id)).join('; ') || '—',
    }),
    moreNotes: moreNotesTemplate(translator),
    sourceIds,
    table: statementsTable(t, items),
    footer: figureFooter(translator, dataset, sourceIds, link),
    references:
      inputs && result ? calculatorReferences(inputs, result, paperActive, fromModel ? model.name : undefined, t, locale) : undefined,
  };
}
