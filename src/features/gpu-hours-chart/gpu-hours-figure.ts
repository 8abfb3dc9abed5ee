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
import type { BarMark, BarPlot, FigureModel, FigureNote, LegendEntry } from '../../components/figure/figure-model';
import { formatCompact, formatInteger } from '../../i18n/format';
import type { Translator } from '../../i18n/use-t';
import { describeFilters } from '../../selectors/filter-summary';
import { selectFilteredSystems } from '../../selectors/filtered-systems';
import {
  buildGpuHoursSeries,
  buildGpuHoursTable,
  datasetHardware,
  formatGpuHours,
  formatGpuHoursShort,
  formatRatio,
  gpuLeftOutLabel,
  type GpuGap,
  type GpuHoursSeries,
  type GpuRun,
} from '../../selectors/gpu-hours-series';
import { MAX_BARS, topRowsByValue } from '../../selectors/mark-cap';
import { familySpans, RUN_KINDS, valueAxis, type RunKind, type ScaleKind } from '../../selectors/run-rows';
import type { Filters } from '../../store/filters-model';
import type { Annotation } from '../../store/annotations-model';
import { annotateBarRows, calloutSystemIds } from '../../components/figure/figure-annotations';

/*
 * The GPU-hours figure as data: what the chart says, built from the same series as the screen.
 * The screen's value labels, legend, gap sentence and footnotes read their text from here too, so
 * an export says what the screen says — less what only makes sense on screen (the tooltip, the
 * data table under the panel, the selected row).
 */

type T = Pick<Translator, 't' | 'tn' | 'locale'>;

/** One colour per hardware name, assigned on the whole dataset's list so a filter never repaints a bar. */
export function hardwareColors(dataset: Pick<Dataset, 'systems'>): ReadonlyMap<string, string> {
  return assignColors(datasetHardware(dataset));
}

export function gpuSectionHeading(t: Translator['t'], k: RunKind, n: number): string {
  return k === 'pre-training'
    ? t('gpu-hours-chart.section-pre-training', 'Pre-training runs ({runs})', { runs: n })
    : t('gpu-hours-chart.section-fine-tune', 'Fine-tunes ({runs})', { runs: n });
}

function hoursWithStatus(r: GpuRun, { t, locale }: Pick<T, 't' | 'locale'>): string {
  return r.status === 'estimated' ? `${formatGpuHours(r.hours, locale)} ${t('fact.estimated', 'est.')}` : formatGpuHours(r.hours, locale);
}

/** The size of the gap in one sentence, computed from the rows in view (see `findGap`). */
export function gpuGapText(gap: GpuGap, translator: Pick<T, 't' | 'locale'>): string {
  const { t, locale } = translator;
  const vars = {
    fineTune: gap.fine.name,
    fineTuneHours: hoursWithStatus(gap.fine, translator),
    preTraining: gap.pre.name,
    preTrainingHours: hoursWithStatus(gap.pre, translator),
    ratio: formatRatio(gap.ratio, locale),
  };
  return gap.kind === 'lineage'
    ? t(
        'gpu-hours-chart.gap-lineage',
        'Fine-tuning {fineTune} took {fineTuneHours} GPU-hours; pre-training its base, {preTraining}, took {preTrainingHours} — about {ratio}× as many.',
        vars,
      )
    : t(
        'gpu-hours-chart.gap-extremes',
        'The largest pre-training run in view, {preTraining} ({preTrainingHours} GPU-hours), used about {ratio}× the GPU-hours of the smallest fine-tune, {fineTune} ({fineTuneHours}).',
        vars,
      );
}

/** A run's value label: in full ("1.02M · A100-40GB · est.") and short ("1.02M est."). */
export function gpuRowLabel(run: GpuRun, { t, locale }: Pick<T, 't' | 'locale'>): { full: string; short: string } {
  const est = run.status === 'estimated' ? t('fact.estimated', 'est.') : null;
  return {
    full: [formatGpuHoursShort(run.hours, locale), run.hardware, est].filter(Boolean).join(' · '),
    short: [formatGpuHoursShort(run.hours, locale), est].filter(Boolean).join(' '),
  };
}

export type GpuLegendKey = 'hardware' | 'reported' | 'estimated' | 'family';

/** The legend's entries, in order, for the series drawn. The selected row is marked on screen only. */
export function gpuLegendEntries(
  series: GpuHoursSeries,
  colors: ReadonlyMap<string, string>,
  t: Translator['t'],
): (LegendEntry & { key: GpuLegendKey; hardware?: string })[] {
  const entries: (LegendEntry & { key: GpuLegendKey; hardware?: string })[] = series.hardware.map((h) => ({
    key: 'hardware',
    hardware: h,
    swatch: { kind: 'color', color: colors.get(h) ?? NEUTRAL_COLOR },
    label: h,
  }));
  entries.push({ key: 'reported', swatch: { kind: 'reported' }, label: t('fact.reported', 'reported') });
  if (series.rows.some((r) => r.status === 'estimated'))
    entries.push({ key: 'estimated', swatch: { kind: 'estimated' }, label: t('gpu-hours-chart.legend-estimated', 'est. (estimate)') });
  if (familySpans(series.rows).length > 0)
    entries.push({ key: 'family', swatch: { kind: 'family' }, label: t('gpu-hours-chart.legend-family', 'sizes of one model') });
  return entries;
}

export interface GpuNote {
  key: string;
  text: string;
  /** Kept on a slide with little room. */
  essential?: boolean;
}

/**
 * The footnotes under the chart. `where`: the screen's status note points to the tooltip and the
 * data table under the panel; a figure has neither, so it says the same without the pointer.
 */
export function gpuNotes(series: GpuHoursSeries, scale: ScaleKind, t: Translator['t'], where: 'screen' | 'figure'): GpuNote[] {
  const notes: GpuNote[] = [
    {
      key: 'status',
      essential: true,
      text:
        where === 'screen'
          ? t(
              'gpu-hours-chart.note-status',
              'Reported: GPU-hours the source states, or GPUs × time it states (the arithmetic is in the tooltip and the data table). est.: an estimate (by Epoch AI, or another paper’s assumption), drawn hatched with a dashed outline.',
            )
          : t(
              'gpu-hours-chart.note-status-figure',
              'Reported: GPU-hours the source states, or GPUs × time it states. est.: an estimate (by Epoch AI, or another paper’s assumption), drawn hatched with a dashed outline.',
            ),
    },
    {
      key: 'run-kind',
      text: t(
        'gpu-hours-chart.note-run-kind',
        'Pre-training or fine-tune is decided from the data: a model fine-tuned from a base model is a fine-tune; every other run is pre-training.',
      ),
    },
    {
      key: 'hardware',
      text: t('gpu-hours-chart.note-hardware', 'Hardware as the source names it; “A100” where it does not give the memory size.'),
    },
  ];
  if (scale === 'log')
    notes.push({
      key: 'log',
      text: t('gpu-hours-chart.note-log', 'Log scale: every ×10 is the same distance; bar lengths are not proportional to GPU-hours.'),
    });
  else if (series.rows.some((r) => r.runKind === 'fine-tune'))
    notes.push({
      key: 'linear',
      text: t('gpu-hours-chart.note-linear', 'Linear scale: the fine-tunes are too small to see next to pre-training — that is the gap.'),
    });
  return notes;
}

/** Said when only the largest runs are drawn. */
export function gpuCapNote(shown: number, total: number, { t, locale }: Pick<T, 't' | 'locale'>): string {
  return t(
    'gpu-hours-chart.cap-note',
    'Showing the {shown} largest of {total} training runs with published GPU-hours; the CSV export has all of them.',
    { shown: formatInteger(shown, locale), total: formatInteger(total, locale) },
  );
}

/** A run's one mark in data units: a bar from the axis to its GPU-hours, hatched when estimated. */
export function gpuRowMarks(run: GpuRun, colors: ReadonlyMap<string, string>): BarMark[] {
  return [
    { kind: 'segment', from: 0, to: run.hours, color: colors.get(run.hardware) ?? NEUTRAL_COLOR, estimated: run.status === 'estimated' },
  ];
}

export interface GpuHoursFigureInput {
  dataset: Dataset;
  filters: Filters;
  scale: ScaleKind;
  /** Kept among the drawn rows when the rows are capped, as on screen; not marked in the figure. */
  selectedId: string | null;
  /** The permalink of the view. */
  link: string;
  translator: T;
  /** Every panel's annotations (this one's are drawn). */
  annotations?: readonly Annotation[];
}

/** The GPU-hours figure, and its point in one sentence (the gap between fine-tuning and pre-training) where it has one. */
export type GpuHoursFigure = FigureModel<BarPlot> & { claim: string | null };

export function buildGpuHoursFigure({
  dataset,
  filters,
  scale,
  selectedId,
  link,
  translator,
  annotations = [],
}: GpuHoursFigureInput): GpuHoursFigure {
  const { t, locale } = translator;
  const systems = selectFilteredSystems(dataset, filters);
  const full = buildGpuHoursSeries(dataset, systems);
  // A system a callout names is drawn even past the cap, like the selected one.
  const drawn = topRowsByValue(full.rows, MAX_BARS, [selectedId, ...calloutSystemIds(annotations, 'gpu-hours')]);
  const series = drawn.capped ? { ...full, rows: drawn.rows } : full;
  const colors = hardwareColors(dataset);
  const sourcesById = new Map(dataset.sources.map((s) => [s.id, s]));
  const sourceIds = [...new Set(series.rows.flatMap((r) => r.sources))];
  const axis = valueAxis(
    series.rows.map((r) => r.hours),
    scale,
  );
  const sections = RUN_KINDS.filter((k) => series.rows.some((r) => r.runKind === k));
  // The two runs the gap sentence compares are drawn in every box, whatever else is cut.
  const gapIds = new Set(series.gap && series.rows.length > 0 ? [series.gap.pre.systemId, series.gap.fine.systemId] : []);
  const { rows, annotated } = annotateBarRows(
    annotations,
    'gpu-hours',
    series.rows.map((r) => ({
      id: r.systemId,
      name: r.name,
      section: sections.indexOf(r.runKind),
      family: r.family,
      marks: gpuRowMarks(r, colors),
      label: gpuRowLabel(r, translator),
      ...(gapIds.has(r.systemId) ? { essential: true } : {}),
    })),
    { formatValue: (v) => formatCompact(v, locale), domain: axis.domain },
    translator,
  );
  const table = buildGpuHoursTable(full, { locale, t, sourcesById });
  const claim = series.rows.length > 0 && series.gap ? gpuGapText(series.gap, translator) : null;
  const notes: FigureNote[] = [
    ...annotated.notes,
    // The chart's point, in numbers: kept in every box.
    ...(claim ? [{ essential: true, text: claim }] : []),
    ...(drawn.capped ? [{ essential: true, text: gpuCapNote(drawn.rows.length, drawn.total, translator) }] : []),
    countNote(translator, series.rows.length, series.total),
    ...leftOutNotes(
      translator,
      // Grouped by the reason alone: the per-system notes are in the data table.
      series.leftOut.map((l) => ({ name: l.name, reason: gpuLeftOutLabel({ ...l, note: undefined }, t) })),
    ),
    ...(series.rows.length > 0 ? gpuNotes(series, scale, t, 'figure').map(({ text, essential }) => ({ text, essential })) : []),
  ];
  return {
    id: 'gpu-hours',
    lang: locale,
    title: t('gpu-hours-chart.title', 'GPU-hours per training run'),
    subtitle: describeFilters(filters, dataset, t, locale),
    description: t(
      'gpu-hours-chart.description',
      'GPU-hours (number of GPUs × hours) of each published training run, coloured by the GPU used; pre-training runs and fine-tunes shown apart.',
    ),
    plot: {
      kind: 'bars',
      scale,
      domain: axis.domain,
      ticks: axis.ticks.map((v) => ({ value: v, label: formatCompact(v, locale) })),
      sections: sections.map((k) => gpuSectionHeading(t, k, series.rows.filter((r) => r.runKind === k).length)),
      rows,
      empty: t('gpu-hours-chart.empty', 'No system in view has published GPU-hours.'),
      moreRows: moreRowsTemplate(translator),
      guides: annotated.guides,
    },
    legend: series.rows.length > 0 ? gpuLegendEntries(series, colors, t).map(({ swatch, label }) => ({ swatch, label })) : [],
    notes,
    annotations: annotated.rows,
    sourceNote: figureSourceNote(translator, sourceIds, sourcesById),
    moreNotes: moreNotesTemplate(translator),
    sourceIds,
    table: { columns: table.columns, rows: table.rows },
    footer: figureFooter(translator, dataset, sourceIds, link),
    claim,
  };
}
