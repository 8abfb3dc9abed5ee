import type { Dataset, Source } from '../../data/schema';
import { assignColors, NEUTRAL_COLOR } from '../../components/chart-frame/palette';
import { countNote, figureFooter, leftOutNotes, moreNotesTemplate, moreRowsTemplate } from '../../components/figure/figure-chrome';
import type { BarMark, FigureModel, FigureNote, LegendEntry } from '../../components/figure/figure-model';
import { formatDecimal, formatInteger, type Locale } from '../../i18n/format';
import type { Translator } from '../../i18n/use-t';
import { publishedMethodsNote, publishedMethodsReferences } from './co2-methods-figure';
import { buildCo2Series, co2Groups, GPT3_ID, type Co2Bar, type Co2Series } from '../../selectors/co2-series';
import { describeFilters } from '../../selectors/filter-summary';
import { selectFilteredSystems } from '../../selectors/filtered-systems';
import { MAX_BARS, topByValue } from '../../selectors/mark-cap';
import { factValue } from '../../selectors/system-facts';
import type { Filters } from '../../store/filters-model';
import type { Annotation } from '../../store/annotations-model';
import { annotateBarRows, calloutSystemIds } from '../../components/figure/figure-annotations';
import {
  barValueText,
  figureText,
  formatMwh,
  formatSpread,
  formatTonnes,
  gpt3ShareText,
  leftOutText,
  niceTicks,
  shortSourceTitle,
} from './co2-format';

/*
 * The CO₂ chart as data: the bars, legend and footnotes the screen shows, built from the same
 * series, so an export says what the screen says and nothing that only makes sense on screen
 * ("select a bar", source links). The screen reads its legend and notes from these functions.
 */

type T = Pick<Translator, 't' | 'tn' | 'locale'>;

/** What the chart shows: the screen adds how to use it ("select a bar…"), the figure does not. */
export function co2Description(series: Pick<Co2Series, 'bars'>, t: Translator['t']): string {
  const allEstimated = series.bars.length > 0 && series.bars.every((b) => b.status === 'estimated');
  return [
    t(
      'co2.description-plotted',
      'Tonnes of CO₂ equivalent emitted by one training run, as published. Bars of one colour come from one source and method.',
    ),
    allEstimated
      ? t('co2.description-estimates', 'Every figure shown is an estimate: hatched, dashed and marked “{badge}”.', {
          badge: t('fact.estimated', 'est.'),
        })
      : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** A bar's second line: the published range, its share of GPT-3 and what the talk says. */
export function co2BarNote(b: Co2Bar, t: Translator['t'], locale: Locale): string {
  const notes: string[] = [];
  if (b.range)
    notes.push(
      t('co2.chart-range', 'published range {range} t', { range: formatSpread({ value: b.value, ...b.range }, locale, formatTonnes) }),
    );
  if (b.talk && b.gpt3Multiple !== undefined) notes.push(gpt3ShareText(b.gpt3Multiple, t, locale));
  if (b.talk?.relation === 'agrees') notes.push(t('co2.chart-talk-agrees', 'talk agrees'));
  else if (b.talk) notes.push(t('co2.chart-talk-differs', '⚠ talk: {quote}', { quote: b.talk.text }));
  return notes.join(' · ');
}

export type Co2LegendKey = 'group' | 'estimated' | 'reported' | 'range';

/** The legend's entries for the bars drawn (the figure's range swatch: line and markers). */
export function co2LegendEntries(
  bars: readonly Co2Bar[],
  groups: readonly string[],
  colors: ReadonlyMap<string, string>,
  sourcesById: ReadonlyMap<string, Source>,
  t: Translator['t'],
): (LegendEntry & { key: Co2LegendKey; group?: string })[] {
  const shown = groups.filter((g) => bars.some((b) => b.group === g));
  const entries: (LegendEntry & { key: Co2LegendKey; group?: string })[] = shown.map((g) => ({
    key: 'group',
    group: g,
    swatch: { kind: 'color', color: colors.get(g) ?? NEUTRAL_COLOR },
    label: shortSourceTitle(sourcesById.get(g), g),
  }));
  entries.push({
    key: 'estimated',
    swatch: { kind: 'estimated' },
    label: t('co2.legend-estimate', 'hatched, dashed, “{badge}”: an estimate', { badge: t('fact.estimated', 'est.') }),
  });
  if (bars.some((b) => b.status === 'reported'))
    entries.push({ key: 'reported', swatch: { kind: 'reported' }, label: t('co2.legend-reported', 'solid: a reported figure') });
  if (bars.some((b) => b.range))
    entries.push({
      key: 'range',
      swatch: { kind: 'range' },
      label: t('co2.legend-range-figure', 'range of published figures; a marker for each other published figure (hollow: est.)'),
    });
  return entries;
}

export interface Co2Note {
  key: string;
  text: string;
  essential?: boolean;
}

/** The footnotes under the chart, on screen and in every export. */
export function co2Notes(
  dataset: Dataset,
  bars: readonly Co2Bar[],
  sourcesById: ReadonlyMap<string, Source>,
  t: Translator['t'],
  locale: Locale,
): Co2Note[] {
  const notes: Co2Note[] = [];
  const gpt3Tonnes = factValue(dataset.reference.gpt3Co2Tonnes);
  const intensity = factValue(dataset.reference.llamaCarbonMethod.kgCo2ePerKwh);
  const ratioBar = bars.find((b) => b.talk && b.gpt3Multiple !== undefined);
  if (ratioBar && gpt3Tonnes !== undefined)
    notes.push({
      key: 'ratio',
      essential: true,
      text: t(
        'co2.note-ratio',
        '{model} {share}: GPT-3’s {gpt3Tonnes} t ÷ {tonnes} t. The talk: “{quote}” — {verdict}. The two figures come from different methods.',
        {
          model: ratioBar.name,
          share: gpt3ShareText(ratioBar.gpt3Multiple!, t, locale),
          gpt3Tonnes: formatTonnes(gpt3Tonnes, locale),
          tonnes: formatTonnes(ratioBar.value, locale),
          quote: ratioBar.talk!.text,
          verdict: ratioBar.talk!.relation === 'agrees' ? t('co2.talk-agrees', 'agrees') : t('co2.talk-differs', 'differs'),
        },
      ),
    });
  for (const b of bars.filter((x) => x.range)) {
    const own = b.figures.find((f) => f.kind === 'own-grid');
    notes.push({
      key: `spread:${b.id}`,
      text: t(
        'co2.note-spread',
        '{model}: {range} t. The bar is {tonnes} t, LLaMA’s Table 15 (as if trained in LLaMA’s data centre, {intensity} kg CO₂e/kWh); {ownGrid}.',
        {
          model: b.name,
          range: formatSpread({ value: b.value, ...b.range! }, locale, formatTonnes),
          tonnes: formatTonnes(b.value, locale),
          intensity: intensity !== undefined ? formatDecimal(intensity, locale, 3) : '?',
          ownGrid: own ? figureText(own, t, locale) : '',
        },
      ),
    });
  }
  const methods = publishedMethodsNote(bars, { t, locale });
  if (methods) notes.push({ key: 'methods', text: methods });
  const gpt3 = bars.find((b) => b.id === GPT3_ID);
  if (gpt3 && gpt3.figures.length === 1)
    notes.push({
      key: 'gpt3-single',
      text: t(
        'co2.note-gpt3-single',
        'GPT-3: the dataset holds one published CO₂ figure ({tonnes} t, {sources}); no second figure is recorded, so no range is drawn.',
        {
          tonnes: formatTonnes(gpt3.value, locale),
          sources: gpt3.sources.map((id) => shortSourceTitle(sourcesById.get(id), id)).join(', '),
        },
      ),
    });
  return notes;
}

/** The "show data" table and CSV: every bar, the plotted figure and all published ones. */
export function buildCo2Table(bars: readonly Co2Bar[], sourcesById: ReadonlyMap<string, Source>, t: Translator['t'], locale: Locale) {
  return {
    columns: [
      t('field.name', 'Name'),
      t('co2.col-tonnes', 't CO₂e (plotted)'),
      t('co2.col-figures', 'Published figures'),
      t('co2.col-energy', 'Energy (MWh)'),
      t('co2.col-gpt3', 'vs GPT-3'),
      t('co2.col-method', 'Estimated by'),
    ],
    rows: bars.map((b) => ({
      id: b.id,
      cells: [
        b.name,
        barValueText(b, t, locale),
        b.figures.map((f) => figureText(f, t, locale)).join('; '),
        b.energy ? `${formatMwh(b.energy.value, locale)}${b.energy.status === 'estimated' ? ` ${t('fact.estimated', 'est.')}` : ''}` : '—',
        b.gpt3Multiple !== undefined ? gpt3ShareText(b.gpt3Multiple, t, locale) : '—',
        [b.method, ...b.sources.map((id) => shortSourceTitle(sourcesById.get(id), id))].filter(Boolean).join(' — '),
      ],
    })),
  };
}

/** A bar's marks: the bar to the plotted figure; where figures disagree, the range and a marker per other figure. */
export function co2BarMarks(b: Co2Bar, color: string): BarMark[] {
  const marks: BarMark[] = [{ kind: 'segment', from: 0, to: b.value, color, estimated: b.status === 'estimated' }];
  if (b.range) {
    marks.push({ kind: 'range', from: b.range.min, to: b.range.max });
    for (const f of b.figures)
      if (f.value !== b.value) marks.push({ kind: 'marker', at: f.value, color, estimated: f.status === 'estimated', upper: false });
  }
  return marks;
}

function gpt3Sources(dataset: Dataset): string[] {
  const f = dataset.reference.gpt3Co2Tonnes;
  return 'sources' in f ? f.sources : [];
}

export interface Co2FigureInput {
  dataset: Dataset;
  filters: Filters;
  selectedId: string | null;
  /** The permalink of the view. */
  link: string;
  translator: T;
  /** Every panel's annotations (this one's are drawn). */
  annotations?: readonly Annotation[];
}

export function buildCo2Figure({ dataset, filters, selectedId, link, translator, annotations = [] }: Co2FigureInput): FigureModel {
  const { t, locale } = translator;
  const full = buildCo2Series(dataset, selectFilteredSystems(dataset, filters));
  const drawn = topByValue(
    full.bars,
    MAX_BARS,
    (b) => b.value,
    (b) => b.id,
    // A run a callout names is drawn even past the cap, like the selected one.
    [selectedId, ...calloutSystemIds(annotations, 'co2')],
  );
  const bars = drawn.rows;
  const groups = co2Groups(dataset);
  const colors = assignColors(groups);
  const sourcesById = new Map(dataset.sources.map((s) => [s.id, s]));
  const ticks = niceTicks(Math.max(...bars.map((b) => b.range?.max ?? b.value)));
  const ratio = bars.find((b) => b.talk && b.gpt3Multiple !== undefined);
  const { rows, annotated } = annotateBarRows(
    annotations,
    'co2',
    bars.map((b) => {
      const value = barValueText(b, t, locale);
      const note = co2BarNote(b, t, locale);
      return {
        id: b.id,
        name: b.name,
        section: 0,
        marks: co2BarMarks(b, colors.get(b.group) ?? NEUTRAL_COLOR),
        label: { full: note ? `${value} · ${note}` : value, short: value },
        // The talk's comparison: GPT-3 and the run it is compared with stay on the smallest slide.
        essential: b.id === GPT3_ID || b === ratio,
      };
    }),
    { formatValue: (v) => `${formatTonnes(v, locale)} t CO₂e`, domain: [0, ticks[ticks.length - 1]] },
    translator,
  );
  const shownGroups = groups.filter((g) => bars.some((b) => b.group === g));
  const sourceIds = [...new Set([...bars.flatMap((b) => b.figures.flatMap((f) => f.sources)), ...(ratio ? gpt3Sources(dataset) : [])])];
  const table = buildCo2Table(full.bars, sourcesById, t, locale);
  const notes: FigureNote[] = [
    ...annotated.notes,
    ...(drawn.capped
      ? [
          {
            essential: true,
            text: t(
              'co2.cap-note',
              'Showing the {shown} largest of {total} training runs with a published CO₂ figure; the CSV export has all of them.',
              { shown: formatInteger(drawn.rows.length, locale), total: formatInteger(drawn.total, locale) },
            ),
          },
        ]
      : []),
    countNote(translator, bars.length, full.total),
    ...leftOutNotes(
      translator,
      full.leftOut.map((l) => ({ name: l.name, reason: leftOutText({ ...l, note: undefined }, t) })),
    ),
    ...co2Notes(dataset, bars, sourcesById, t, locale).map(({ text, essential }) => ({ text, essential })),
  ];
  return {
    id: 'co2',
    lang: locale,
    title: t('co2.title', 'CO₂ of training'),
    subtitle: describeFilters(filters, dataset, t, locale),
    description: co2Description({ bars }, t),
    plot: {
      kind: 'bars',
      scale: 'linear',
      domain: [0, ticks[ticks.length - 1]],
      ticks: ticks.map((v) => ({ value: v, label: formatTonnes(v, locale) })),
      sections: [t('co2.section-runs', 'Training runs, t CO₂e ({runs})', { runs: bars.length })],
      rows,
      empty: t('co2.empty', 'No system in view has a published CO₂ figure.'),
      moreRows: moreRowsTemplate(translator),
      guides: annotated.guides,
    },
    legend: bars.length > 0 ? co2LegendEntries(bars, groups, colors, sourcesById, t).map(({ swatch, label }) => ({ swatch, label })) : [],
    notes,
    annotations: annotated.rows,
    sourceNote: t('figure.sources', 'Sources: {names}.', {
      names:
        [
          ...new Set([
            ...shownGroups.map((g) => shortSourceTitle(sourcesById.get(g), g)),
            ...sourceIds.filter((id) => !shownGroups.includes(id)).map((id) => shortSourceTitle(sourcesById.get(id), id)),
          ]),
        ].join('; ') || '—',
    }),
    moreNotes: moreNotesTemplate(translator),
    sourceIds,
    table,
    footer: figureFooter(translator, dataset, sourceIds, link),
    references: publishedMethodsReferences(bars, translator),
  };
}
