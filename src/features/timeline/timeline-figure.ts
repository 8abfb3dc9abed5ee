import type { Dataset, DatedEvent } from '../../data/schema';
import type { DataTableSpec } from '../../components/chart-frame/chart-frame';
import { NEUTRAL_COLOR } from '../../components/chart-frame/palette';
import {
  countNote,
  figureFooter,
  figureSourceNote,
  leftOutNotes,
  moreNotesTemplate,
  moreRowsTemplate,
} from '../../components/figure/figure-chrome';
import type { FigureModel, FigureNote, LegendEntry, TimelineMark, TimelinePlot } from '../../components/figure/figure-model';
import { formatEventDate, formatInteger, formatTimeTick } from '../../i18n/format';
import type { Translator } from '../../i18n/use-t';
import { describeFilters } from '../../selectors/filter-summary';
import { selectTimelineEntries } from '../../selectors/filtered-systems';
import { MAX_TIMELINE_ITEMS } from '../../selectors/mark-cap';
import { organizationName } from '../../selectors/organizations';
import { factValue } from '../../selectors/system-facts';
import {
  buildCappedTimelineSeries,
  buildTimelineSeries,
  countSystemItems,
  KIND_LANES,
  type BaseRelation,
  type KindLane,
  type TimelineItem,
  type TimelineLane,
  type TimelineLanes,
  type TimelineLeftOut,
  type TimelineSeries,
  type TimelineZoom,
  type TimeWindow,
  WAVE_2023,
} from '../../selectors/timeline-series';
import type { Annotation } from '../../store/annotations-model';
import { calloutSystemIds, resolveAnnotations, withBadge } from '../../components/figure/figure-annotations';
import type { Filters } from '../../store/filters-model';
import { showWave } from './timeline-layout';
import { KIND_COLORS, RELATION_DASH, type TimelineText } from './timeline-style';

/*
 * The release timeline as a figure model: the screen's series (the same window, lanes and cap),
 * each release a mark in its lane, the cap note, "N of M shown", what was left out and why, and
 * where the talk dates a release otherwise. The screen reads its cap note, left-out reasons, lane
 * names and data table from the functions here, so the two cannot say different things.
 */

type T = Pick<Translator, 't' | 'tn' | 'locale'>;

export type CappedTimelineSeries = ReturnType<typeof buildCappedTimelineSeries>;

/** The series the screen draws: at most MAX_TIMELINE_ITEMS marks, the largest models (and the selected one) first. */
export function drawnTimelineSeries(
  dataset: Dataset,
  systems: Parameters<typeof buildTimelineSeries>[1],
  options: { lanes: TimelineLanes; zoom: TimelineZoom; customWindow?: TimeWindow | null },
  parameters: (id: string) => number,
  selectedId: string | null,
  /** Also kept past the cap: the systems the timeline's callouts name. */
  callouts: readonly string[] = [],
): CappedTimelineSeries {
  return buildCappedTimelineSeries(dataset, systems, options, MAX_TIMELINE_ITEMS, parameters, [selectedId, ...callouts]);
}

/** What a capped timeline says about its cap, on screen and in every figure (undefined when not capped). */
export function timelineCapNote(series: CappedTimelineSeries, { t, tn, locale }: T): string | undefined {
  if (!series.capped) return undefined;
  return [
    t(
      'timeline.cap-note',
      'Showing the {shown} largest models (by parameter count) of {total} dated systems in this window; the CSV export has all of them.',
      {
        shown: formatInteger(countSystemItems(series.items), locale),
        total: formatInteger(series.totalItems, locale),
      },
    ),
    series.annotationsUnmarked > 0
      ? tn(
          'timeline.cap-note-annotations',
          series.annotationsUnmarked,
          'Papers and events: {shown} marked, spread evenly over the window; {count} more is not marked.',
          'Papers and events: {shown} marked, spread evenly over the window; {count} more are not marked.',
          {
            shown: formatInteger(series.items.length - countSystemItems(series.items), locale),
          },
        )
      : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** A left-out reason without the per-system detail (a date, the talk's words), so a figure groups by it. */
function plainReason(l: TimelineLeftOut, t: Translator['t'], locale: Translator['locale']): string {
  if (l.reason === 'outside-window') return t('timeline.figure.left-out-outside', 'released outside the window shown');
  if (l.reason === 'release-unknown') return t('timeline.left-out.unknown', 'release date unknown');
  return leftOutReason(l, t, locale);
}

const MONTH_MS = 31 * 86_400_000;

/** The window's day (a few weeks at most), month and year ticks, labelled in the UI language. */
function timeTicks(window: TimeWindow, locale: Translator['locale']): Pick<TimelinePlot, 'months' | 'years' | 'days'> {
  const months: TimelinePlot['months'] = [];
  const years: TimelinePlot['years'] = [];
  const yearFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' });
  const first = new Date(window.start);
  // Months only for a window short enough to label them (a century has 1,200).
  const withMonths = window.end - window.start <= 240 * MONTH_MS;
  for (let y = first.getUTCFullYear(), m = first.getUTCMonth(); ; m++) {
    if (m === 12) {
      m = 0;
      y++;
    }
    const value = Date.UTC(y, m, 1);
    if (value > window.end) break;
    if (value < window.start) continue;
    if (withMonths)
      months.push({
        value,
        year: y,
        month: m,
        label: formatEventDate({ date: `${y}-${String(m + 1).padStart(2, '0')}`, precision: 'month' }, locale),
      });
    if (m === 0) years.push({ value, year: y, label: yearFormat.format(value) });
    if (!withMonths) m = 11;
  }
  const days: NonNullable<TimelinePlot['days']> = [];
  if (window.end - window.start <= 62 * 86_400_000)
    for (let v = Math.ceil(window.start / 86_400_000) * 86_400_000; v <= window.end; v += 86_400_000)
      days.push({ value: v, day: new Date(v).getUTCDate(), label: formatTimeTick(v, 'day', locale) });
  return { months, years, ...(days.length > 0 ? { days } : {}) };
}

const dayOf = (ms: number): DatedEvent => ({ date: new Date(ms).toISOString().slice(0, 10), precision: 'day', marks: '' });

/** A dragged window as its first and last day ("Feb 1, 2023 – Apr 30, 2023"). */
export function windowRange(w: TimeWindow, locale: T['locale']): string {
  return `${formatEventDate(dayOf(w.start), locale)} – ${formatEventDate(dayOf(w.end - 1), locale)}`;
}

/**
 * The window the timeline shows, said beside the filters; nothing for every date. Over decades of
 * dates "All dates" opens on the recent years, and says so with the span of the whole.
 */
export function timelineWindowText(
  zoom: TimelineZoom,
  customWindow: TimeWindow | null,
  { t, locale }: Pick<T, 't' | 'locale'>,
  series?: Pick<TimelineSeries, 'window' | 'extent'>,
): string {
  if (customWindow) return t('timeline.window', 'Window: {range}', { range: windowRange(customWindow, locale) });
  if (zoom === 'wave-2023') return t('timeline.window', 'Window: {range}', { range: t('timeline.zoom.wave', 'Feb–Apr 2023') });
  if (series?.extent && series.window.start > series.extent.start)
    return t('timeline.window-recent', 'Window: {range}, the recent years of {from}–{to} (the overview above shows them all)', {
      range: windowRange(series.window, locale),
      from: formatTimeTick(series.extent.start, 'year', locale),
      to: formatTimeTick(series.extent.end - 1, 'year', locale),
    });
  return '';
}

export interface TimelineFigureInput {
  dataset: Dataset;
  filters: Filters;
  lanes: TimelineLanes;
  zoom: TimelineZoom;
  /** The window the screen was zoomed to by dragging, if any. */
  customWindow?: TimeWindow | null;
  selectedId: string | null;
  /** The permalink of the view. */
  link: string;
  translator: T;
  /** Every panel's annotations (this one's are drawn). */
  annotations?: readonly Annotation[];
}

export function buildTimelineFigure({
  dataset,
  filters,
  lanes,
  zoom,
  customWindow = null,
  selectedId,
  link,
  translator,
  annotations = [],
}: TimelineFigureInput): FigureModel<TimelinePlot> {
  const { t, locale } = translator;
  const systems = selectTimelineEntries(dataset, filters);
  const parameters = new Map(dataset.systems.map((s) => [s.id, factValue(s.parameters) ?? 0]));
  const options = { lanes, zoom, customWindow };
  const series = drawnTimelineSeries(
    dataset,
    systems,
    options,
    (id) => parameters.get(id) ?? 0,
    selectedId,
    calloutSystemIds(annotations, 'timeline'),
  );
  const text = timelineText(t, locale, dataset);
  const laneIndex = new Map(series.lanes.map((l, i) => [l.key, i]));
  const names = new Map(series.items.map((i) => [i.id, i.name]));
  const annotated = resolveAnnotations(
    annotations,
    'timeline',
    { drawnName: (id) => names.get(id), domain: [series.window.start, series.window.end] },
    translator,
  );
  const marks: TimelineMark[] = series.items.map((i) => ({
    id: i.id,
    label: withBadge(text.releaseLabel(i), annotated.badges.get(i.id)),
    ...(annotated.badges.has(i.id) ? { named: true } : {}),
    lane: laneIndex.get(i.laneKey) ?? 0,
    start: i.release.start,
    end: i.release.end,
    precision: i.release.date.precision === 'month' ? 'month' : 'day',
    color: KIND_COLORS.get(i.kindLane) ?? NEUTRAL_COLOR,
    estimated: i.status === 'estimated',
    annotation: i.annotation,
  }));
  // The talk's own date where it differs from the source's, beside the release it dates (as on screen).
  for (const i of series.items)
    if (i.talk)
      marks.push({
        id: `${i.id}:talk`,
        label: text.talkLabel(i),
        lane: laneIndex.get(i.laneKey) ?? 0,
        start: i.talk.start,
        end: i.talk.end,
        precision: i.talk.date.precision === 'month' ? 'month' : 'day',
        color: KIND_COLORS.get(i.kindLane) ?? NEUTRAL_COLOR,
        estimated: false,
        annotation: i.annotation,
        talkFor: i.id,
      });
  const sourcesById = new Map(dataset.sources.map((s) => [s.id, s]));
  const sourceIds = [...new Set(series.items.flatMap((i) => i.sources))];
  const shown = countSystemItems(series.items);
  const drawnIds = new Set(series.items.map((i) => i.id));

  const legend: LegendEntry[] = [];
  if (marks.length > 0) {
    // In kind lanes the lane headings name the colours already; by organization the swatches say what each mark is.
    for (const k of KIND_LANES)
      if (lanes === 'organization' && series.items.some((i) => i.kindLane === k))
        legend.push({ swatch: { kind: 'color', color: KIND_COLORS.get(k) ?? NEUTRAL_COLOR }, label: text.kindLabel(k) });
    legend.push({ swatch: { kind: 'dot' }, label: t('timeline.legend.day', 'date to the day') });
    if (marks.some((m) => m.precision === 'month'))
      legend.push({ swatch: { kind: 'reported' }, label: t('timeline.legend.month', 'date given as a month (the whole month)') });
    if (marks.some((m) => m.estimated))
      legend.push({ swatch: { kind: 'estimated' }, label: t('timeline.figure.legend-estimated', 'est.: an estimated date') });
    if (marks.some((m) => m.talkFor))
      legend.push({ swatch: { kind: 'talk' }, label: t('timeline.legend.talk', 'the talk’s date, where it differs from the source') });
    if (showWave(series.window))
      legend.push({ swatch: { kind: 'band' }, label: t('timeline.legend.wave', 'Feb–Apr 2023, the wave the talk centres on') });
    // Every relation, as the screen's legend lists them.
    for (const r of Object.keys(RELATION_DASH) as BaseRelation[])
      legend.push({ swatch: { kind: 'line', dash: RELATION_DASH[r] }, label: relationLabel(t, r) });
  }

  const capNote = timelineCapNote(series, translator);
  const notes: FigureNote[] = [
    ...annotated.notes,
    ...(capNote ? [{ essential: true, text: capNote }] : []),
    countNote(translator, shown, series.total),
    ...leftOutNotes(
      translator,
      series.leftOut.map((l) => ({ name: l.name, reason: plainReason(l, t, locale) })),
    ),
    ...(marks.length > 0
      ? [
          {
            text: t(
              'timeline.figure.note-precision',
              'A dot is a date to the day; a date given only as a month is a bar across that month, never a point on the 1st. Papers and events are hollow diamonds in their own lane, not counted as systems. Lines run from a base model to the model built on it.',
            ),
          },
        ]
      : []),
    ...series.items
      .filter((i) => i.talk)
      .map((i) => ({
        text: t('timeline.footnote.differs', '{system}: the talk says {talkDate}, the source {sourceDate}.', {
          system: i.name,
          talkDate: `${i.talk?.text} (${i.talk ? formatEventDate(i.talk.date, locale) : ''})`,
          sourceDate: formatEventDate(i.release.date, locale),
        }),
      })),
  ];
  const table = buildDataTable(buildTimelineSeries(dataset, systems, options), text, new Map(dataset.sources.map((s) => [s.id, s.title])));
  return {
    id: 'timeline',
    lang: locale,
    title: t('timeline.title', 'Release timeline'),
    subtitle: [describeFilters(filters, dataset, t, locale), timelineWindowText(zoom, customWindow, translator, series)]
      .filter(Boolean)
      .join(' · '),
    description: t(
      'timeline.figure.description',
      'Each system at its release date, at the precision its source gives, in lanes; papers and events marked beside them, lines from a base model to the model built on it.',
    ),
    plot: {
      kind: 'timeline',
      window: series.window,
      ...timeTicks(series.window, locale),
      lanes: series.lanes.map((l) => text.laneLabel(l)),
      marks,
      links: series.links
        .filter((l) => drawnIds.has(l.from) && drawnIds.has(l.to))
        .map((l) => ({ from: l.from, to: l.to, dash: RELATION_DASH[l.relation], via: l.via.length > 0 })),
      band: marks.length > 0 && showWave(series.window) ? WAVE_2023 : undefined,
      empty: t('timeline.empty', 'No system in view has a known release date in this window.'),
      moreRows: moreRowsTemplate(translator),
      hiddenNames: t(
        'timeline.figure.hidden-names',
        'Names not shown for lack of room: {more}; every system is in the data table and CSV.',
        {
          more: '{more}',
        },
      ),
      guides: annotated.guides,
    },
    legend,
    notes,
    annotations: annotated.rows,
    sourceNote: figureSourceNote(translator, sourceIds, sourcesById),
    moreNotes: moreNotesTemplate(translator),
    sourceIds,
    table: { columns: table.columns, rows: table.rows },
    footer: figureFooter(translator, dataset, sourceIds, link),
  };
}

export function leftOutReason(l: TimelineLeftOut, t: Translator['t'], locale: Translator['locale']): string {
  switch (l.reason) {
    case 'capped':
      return t('timeline.left-out.capped', 'not among the largest models drawn (see the note above)');
    case 'release-not-disclosed':
      return t('timeline.left-out.not-disclosed', 'release date not disclosed');
    case 'outside-window':
      return t('timeline.left-out.outside', 'released {date}, outside the window shown', {
        date: l.release ? formatEventDate(l.release, locale) : '',
      });
    case 'release-unknown':
      if (!l.talk) return t('timeline.left-out.unknown', 'release date unknown');
      return t('timeline.left-out.unknown-talk', 'release date unknown; the talk says {quote} ({verdict})', {
        quote: l.talk.text,
        verdict:
          l.talk.relation === 'unverified'
            ? t('timeline.talk.unverified', 'unverified')
            : l.talk.relation === 'differs'
              ? t('timeline.talk.differs', 'differs from the source')
              : t('timeline.talk.agrees', 'agrees with the source'),
      });
  }
}

/** Short relation names for the legend and the "Built on" column ("LLaMA-7B (fine-tune)"). */
export function relationLabel(t: Translator['t'], r: BaseRelation): string {
  switch (r) {
    case 'fine-tuned-from':
      return t('timeline.relation.fine-tuned-from', 'fine-tune');
    case 'component':
      return t('timeline.relation.component', 'component');
    case 'wraps':
      return t('timeline.relation.wraps', 'wrapper');
    case 'successor-of':
      return t('timeline.relation.successor-of', 'successor');
  }
}

export function kindLaneLabel(t: Translator['t'], k: KindLane): string {
  switch (k) {
    case 'llm':
      return t('timeline.lane.llm', 'LLMs (text, code)');
    case 'multimodal':
      return t('timeline.lane.multimodal', 'Multimodal and vision');
    case 'library-app':
      return t('timeline.lane.library-app', 'Libraries and apps');
    case 'paper-event':
      return t('timeline.lane.paper-event', 'Papers and events (marked, not counted)');
  }
}

/** Every string the plot, legend and table need, built once per language. */
export function timelineText(t: Translator['t'], locale: Translator['locale'], dataset: Dataset): TimelineText {
  const orgName = (id: string) => organizationName(dataset, id, locale);
  const est = t('timeline.est', 'est.');
  const precision = (p: 'day' | 'month') => (p === 'day' ? t('timeline.precision.day', 'day') : t('timeline.precision.month', 'month'));
  const builtOn = (item: TimelineItem) => item.bases.map((b) => `${b.name} (${relationLabel(t, b.relation)})`).join(', ');
  const date = (d: DatedEvent) => formatEventDate(d, locale);
  return {
    locale,
    date,
    precision,
    relation: (r) => relationLabel(t, r),
    laneLabel: (lane: TimelineLane) =>
      lane.kind
        ? kindLaneLabel(t, lane.kind)
        : lane.isOther
          ? t('timeline.lane.other', 'Other organizations')
          : lane.organization
            ? orgName(lane.organization)
            : '',
    kindLabel: (k) => kindLaneLabel(t, k),
    releaseLabel: (item) => (item.status === 'estimated' ? `${item.label} (${est})` : item.label),
    talkLabel: (item) => t('timeline.talk-label', '{system}: talk’s date', { system: item.label }),
    tickLabel: (ms, unit) => formatTimeTick(ms, unit, locale),
    builtOn,
    markDescription: (item) => {
      const parts = [
        `${item.name} — ${item.organizations.map(orgName).join(', ')}`,
        `${date(item.release.date)} (${item.release.date.marks})${item.status === 'estimated' ? ` ${est}` : ''}`,
      ];
      if (item.bases.length > 0) parts.push(t('timeline.tip.built-on', 'built on {names}', { names: builtOn(item) }));
      if (item.talk) {
        parts.push(
          t('timeline.tip.talk-differs', 'the talk says {talkDate}; the source says {sourceDate}', {
            talkDate: `${item.talk.text} (${date(item.talk.date)})`,
            sourceDate: date(item.release.date),
          }),
        );
      }
      parts.push(t('timeline.tip.select', 'Enter selects'));
      return parts.join(' · ');
    },
    talkDescription: (item) =>
      [
        t('timeline.tip.talk-marker', 'The talk’s date for {system}: {talkDate}', {
          system: item.name,
          talkDate: `${item.talk?.text} (${item.talk ? date(item.talk.date) : ''})`,
        }),
        t('timeline.tip.talk-source', 'the source says {sourceDate}', { sourceDate: date(item.release.date) }),
        item.talk?.note,
      ]
        .filter(Boolean)
        .join(' · '),
    tr: t,
  };
}

export function buildDataTable(series: TimelineSeries, text: TimelineText, sourceTitles: ReadonlyMap<string, string>): DataTableSpec {
  const t = text.tr;
  const laneByKey = new Map(series.lanes.map((l) => [l.key, l]));
  return {
    columns: [
      t('timeline.col.system', 'System'),
      t('timeline.col.date', 'Release date'),
      t('timeline.col.precision', 'Precision'),
      t('timeline.col.marks', 'What the date marks'),
      t('timeline.col.lane', 'Lane'),
      t('timeline.col.bases', 'Built on'),
      t('timeline.col.talk', 'The talk’s date, where it differs'),
      t('timeline.col.sources', 'Source'),
    ],
    rows: series.items.map((i) => {
      const lane = laneByKey.get(i.laneKey);
      return {
        id: i.id,
        cells: [
          i.name,
          i.status === 'estimated' ? `${text.date(i.release.date)} (${t('timeline.est', 'est.')})` : text.date(i.release.date),
          text.precision(i.release.date.precision),
          i.release.date.marks,
          lane ? text.laneLabel(lane) : '',
          i.bases.length > 0 ? text.builtOn(i) : '—',
          i.talk ? `${i.talk.text} (${text.date(i.talk.date)})${i.talk.note ? ` — ${i.talk.note}` : ''}` : '',
          i.sources.map((s) => sourceTitles.get(s) ?? s).join('; '),
        ],
      };
    }),
  };
}
