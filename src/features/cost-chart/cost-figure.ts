import type { Dataset } from '../../data/schema';
import { assignColors, NEUTRAL_COLOR } from '../../components/chart-frame/palette';
import {
  countNote,
  figureFooter,
  figureSourceNote,
  leftOutNotes,
  moreNotesTemplate,
  moreRowsTemplate,
} from '../../components/figure/figure-chrome';
import type { BarMark, BarPlot, FigureModel, LegendEntry } from '../../components/figure/figure-model';
import { formatInteger, formatUsd } from '../../i18n/format';
import type { Translator } from '../../i18n/use-t';
import {
  buildCostSeries,
  buildCostTable,
  componentLabel,
  dollarsLabel,
  formatCostRow,
  formatCostTotal,
  leftOutReasonLabel,
  type CostComponentName,
  type CostFigure,
  type CostRow,
  type CostSeries,
} from '../../selectors/cost-series';
import { describeFilters } from '../../selectors/filter-summary';
import { selectFilteredSystems } from '../../selectors/filtered-systems';
import { MAX_BARS, topRowsByValue } from '../../selectors/mark-cap';
import { familySpans, RUN_KINDS, valueAxis, type RunKind, type ScaleKind } from '../../selectors/run-rows';
import type { Filters } from '../../store/filters-model';
import type { Annotation } from '../../store/annotations-model';
import { annotateBarRows, calloutSystemIds } from '../../components/figure/figure-annotations';

/*
 * The training-cost figure as data: what the chart says, built from the same series as the
 * screen. The screen's legend and footnotes read their text from here too, so an export cannot
 * say something the screen does not (or carry what only makes sense on screen).
 */

/** One colour per cost component, assigned once for every render and every filter. */
export const COMPONENT_COLORS = assignColors(['training', 'data', 'total'] satisfies CostComponentName[]);

type T = Pick<Translator, 't' | 'tn' | 'locale'>;

export function runKindHeading(t: Translator['t'], k: RunKind, n: number): string {
  return k === 'pre-training'
    ? t('cost-chart.section-pre-training', 'Pre-training runs ({runs})', { runs: n })
    : t('cost-chart.section-fine-tune', 'Fine-tunes ({runs})', { runs: n });
}

export function statusWord(t: Translator['t'], figures: readonly CostFigure[]): string | null {
  const est = figures.filter((f) => f.status === 'estimated').length;
  if (est === 0) return null;
  return est === figures.length ? t('fact.estimated', 'est.') : t('cost-chart.partly-estimated', 'partly est.');
}

/** A row's value label: in full ("$82.4K–$4.6M · 4 figures · est.") and short. */
export function costRowLabel(row: CostRow, { t, tn, locale }: T): { full: string; short: string } {
  const multi = row.figures.length > 1;
  const est = statusWord(t, row.figures);
  const warn = row.figures.some((f) => f.talk?.relation === 'differs');
  const suffix = [multi ? tn('cost-chart.figures', row.figures.length, '{count} figure', '{count} figures') : null, est]
    .filter(Boolean)
    .join(' · ');
  const full = `${formatCostRow(row, locale, t)}${suffix ? ` · ${suffix}` : ''}${warn ? ' ⚠' : ''}`;
  const short = `${multi ? `${formatCostTotal(row.low, locale)}–${formatCostTotal(row.high, locale)}` : formatCostTotal(row.low, locale)}${est ? ` ${est}` : ''}${warn ? ' ⚠' : ''}`;
  return { full, short };
}

export type CostLegendKey = 'component' | 'reported' | 'estimated' | 'upper' | 'range' | 'family';

/** The legend's entries, in order, for the series drawn. */
export function costLegendEntries(
  series: CostSeries,
  t: Translator['t'],
): (LegendEntry & { key: CostLegendKey; component?: CostComponentName })[] {
  const entries: (LegendEntry & { key: CostLegendKey; component?: CostComponentName })[] = series.components.map((c) => ({
    key: 'component',
    component: c,
    swatch: { kind: 'color', color: COMPONENT_COLORS.get(c) ?? NEUTRAL_COLOR },
    label: t('cost-chart.legend-component', 'cost of {component}', { component: componentLabel(t, c) }),
  }));
  entries.push({ key: 'reported', swatch: { kind: 'reported' }, label: t('fact.reported', 'reported') });
  if (series.rows.some((r) => r.figures.some((f) => f.status === 'estimated')))
    entries.push({ key: 'estimated', swatch: { kind: 'estimated' }, label: t('cost-chart.legend-estimated', 'est. (estimate)') });
  if (series.rows.some((r) => r.figures.some((f) => f.totalBound === 'upper')))
    entries.push({ key: 'upper', swatch: { kind: 'upper' }, label: t('cost-chart.legend-upper', '“less than”: at most this') });
  if (series.rows.some((r) => r.figures.length > 1))
    entries.push({
      key: 'range',
      swatch: { kind: 'range' },
      label: t('cost-chart.legend-range', 'one marker per published figure (filled: reported, hollow: est.)'),
    });
  if (familySpans(series.rows).length > 0)
    entries.push({ key: 'family', swatch: { kind: 'family' }, label: t('cost-chart.legend-family', 'sizes of one model') });
  return entries;
}

export interface CostNote {
  key: string;
  text: string;
  talk?: boolean;
  /** Kept on a slide with little room. */
  essential?: boolean;
}

/** The footnotes under the chart, on screen and in every export. */
export function costNotes(series: CostSeries, scale: ScaleKind, t: Translator['t']): CostNote[] {
  const names = new Map(series.rows.map((r) => [r.systemId, r.name]));
  const dollars = series.dollarBases
    .map((b) => {
      const text = dollarsLabel({ dollars: b.dollars, dollarYear: b.year }, t);
      return b.by === null
        ? t('cost-chart.dollars-developers', 'developers’ own figures: {dollars}', { dollars: text })
        : t('cost-chart.dollars-by', '{estimator}: {dollars}', { estimator: b.by, dollars: text });
    })
    .join('; ');
  const notes: CostNote[] = [
    {
      key: 'estimated',
      essential: true,
      text: t(
        'cost-chart.note-estimated',
        'Reported: stated by the developer. est.: an estimate by a third party (Epoch AI, Lambda Labs), drawn hatched with a dashed outline.',
      ),
    },
    { key: 'bounds', text: t('cost-chart.note-bounds', '◀ “less than” in the source: the true cost is at most this; ~ “about”.') },
  ];
  if (series.rows.some((r) => r.figures.length > 1))
    notes.push({
      key: 'range',
      text: t(
        'cost-chart.note-range',
        'Where sources publish several figures for one model, the bar runs to the lowest and a line with one marker per figure reaches the highest; none is merged or averaged.',
      ),
    });
  notes.push({ key: 'dollars', essential: true, text: t('cost-chart.note-dollars', 'Dollar years: {dollars}.', { dollars }) });
  if (scale === 'log')
    notes.push({
      key: 'log',
      text: t('cost-chart.note-log', 'Log scale: every ×10 is the same distance; bar lengths are not proportional to cost.'),
    });
  notes.push({
    key: 'run-kind',
    text: t(
      'cost-chart.note-run-kind',
      'A model fine-tuned from a base model counts as a fine-tune; every other model as a pre-training run.',
    ),
  });
  for (const r of series.rows)
    for (const f of r.figures)
      if (f.talk?.relation === 'differs')
        notes.push({
          key: `talk:${r.systemId}`,
          talk: true,
          essential: true,
          text: t('cost-chart.note-talk', '⚠ {model}: the talk says “{quote}” — {note}.', {
            model: names.get(r.systemId) ?? r.systemId,
            quote: f.talk.text,
            note: f.talk.note ?? t('cost-chart.talk-differs', 'differs from the source'),
          }),
        });
  // One note per model, as the screen lists it.
  return notes.filter((n, i) => notes.findIndex((m) => m.key === n.key) === i);
}

/** A row's marks in data units: the bar to the lowest figure (stacked), a "less than" cap, the range of figures. */
export function costRowMarks(row: CostRow): BarMark[] {
  const low = row.low;
  const estimated = low.status === 'estimated';
  const marks: BarMark[] = [];
  let sum = 0;
  low.components.forEach((c, i) => {
    const from = i === 0 ? 0 : sum;
    sum += c.usd;
    const to = i === low.components.length - 1 ? low.totalUsd : sum;
    marks.push({ kind: 'segment', from, to, color: COMPONENT_COLORS.get(c.component) ?? NEUTRAL_COLOR, estimated });
  });
  if (low.totalBound === 'upper') marks.push({ kind: 'upper', at: low.totalUsd });
  if (row.figures.length > 1) {
    marks.push({ kind: 'range', from: low.totalUsd, to: row.high.totalUsd });
    for (const f of row.figures)
      marks.push({
        kind: 'marker',
        at: f.totalUsd,
        color: COMPONENT_COLORS.get(f.components[f.components.length - 1].component) ?? NEUTRAL_COLOR,
        estimated: f.status === 'estimated',
        upper: f.totalBound === 'upper',
      });
  }
  return marks;
}

export interface CostFigureInput {
  dataset: Dataset;
  filters: Filters;
  scale: ScaleKind;
  selectedId: string | null;
  /** The permalink of the view. */
  link: string;
  translator: T;
  /** Every panel's annotations (this one's are drawn). */
  annotations?: readonly Annotation[];
}

export function buildCostFigure({
  dataset,
  filters,
  scale,
  selectedId,
  link,
  translator,
  annotations = [],
}: CostFigureInput): FigureModel<BarPlot> {
  const { t, locale } = translator;
  const systems = selectFilteredSystems(dataset, filters);
  const full = buildCostSeries(dataset, systems);
  // A system a callout names is drawn even past the cap, like the selected one.
  const drawn = topRowsByValue(full.rows, MAX_BARS, [selectedId, ...calloutSystemIds(annotations, 'training-cost')]);
  const series = drawn.capped ? { ...full, rows: drawn.rows } : full;
  const sourcesById = new Map(dataset.sources.map((s) => [s.id, s]));
  const sourceIds = [...new Set(series.rows.flatMap((r) => r.figures.flatMap((f) => f.sources)))];
  const axis = valueAxis(
    series.rows.flatMap((r) => r.figures.map((f) => f.totalUsd)),
    scale,
  );
  const sections = RUN_KINDS.filter((k) => series.rows.some((r) => r.runKind === k));
  const { rows, annotated } = annotateBarRows(
    annotations,
    'training-cost',
    series.rows.map((r) => ({
      id: r.systemId,
      name: r.name,
      section: sections.indexOf(r.runKind),
      family: r.family,
      marks: costRowMarks(r),
      label: costRowLabel(r, translator),
    })),
    { formatValue: (v) => formatUsd(v, locale), domain: axis.domain },
    translator,
  );
  const table = buildCostTable(full, { locale, t, sourcesById });
  const notes = [
    ...annotated.notes,
    ...(drawn.capped
      ? [
          {
            essential: true,
            text: t(
              'cost-chart.cap-note',
              'Showing the {shown} largest of {total} systems with a training cost; the CSV export has all of them.',
              { shown: formatInteger(drawn.rows.length, locale), total: formatInteger(drawn.total, locale) },
            ),
          },
        ]
      : []),
    countNote(translator, series.rows.length, series.total),
    ...leftOutNotes(
      translator,
      // Grouped by the reason alone: the per-system notes are in the data table.
      series.leftOut.map((l) => ({ name: l.name, reason: leftOutReasonLabel({ ...l, note: undefined }, t) })),
    ),
    ...(series.rows.length > 0 ? costNotes(series, scale, t).map(({ text, essential }) => ({ text, essential })) : []),
  ];
  return {
    id: 'training-cost',
    lang: locale,
    title: t('cost-chart.title', 'Training cost'),
    subtitle: describeFilters(filters, dataset, t, locale),
    description: t(
      'cost-chart.description',
      'Published cost of training each model, in US dollars of the year noted; estimates and “less than” figures marked as such.',
    ),
    plot: {
      kind: 'bars',
      scale,
      domain: axis.domain,
      ticks: axis.ticks.map((v) => ({ value: v, label: formatUsd(v, locale) })),
      sections: sections.map((k) => runKindHeading(t, k, series.rows.filter((r) => r.runKind === k).length)),
      rows,
      empty: t('cost-chart.empty', 'No system in view has a published training cost.'),
      moreRows: moreRowsTemplate(translator),
      guides: annotated.guides,
    },
    legend: series.rows.length > 0 ? costLegendEntries(series, t).map(({ swatch, label }) => ({ swatch, label })) : [],
    notes,
    annotations: annotated.rows,
    sourceNote: figureSourceNote(translator, sourceIds, sourcesById),
    moreNotes: moreNotesTemplate(translator),
    sourceIds,
    table: { columns: table.columns, rows: table.rows },
    footer: figureFooter(translator, dataset, sourceIds, link),
  };
}
