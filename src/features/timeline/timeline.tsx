import { useCallback, useMemo, useRef, useState } from 'react';
import type { Dataset, DatedEvent } from '../../data/schema';
import { ChartFrame, Segmented, type DataTableSpec, type LeftOut } from '../../components/chart-frame/chart-frame';
import { LegendItem } from '../../components/chart-frame/legend-item';
import { formatEventDate, formatInteger } from '../../i18n/format';
import { useT, type Translator } from '../../i18n/use-t';
import { organizationName } from '../../selectors/organizations';
import { selectTimelineEntries } from '../../selectors/filtered-systems';
import { MAX_TIMELINE_ITEMS } from '../../selectors/mark-cap';
import { factValue } from '../../selectors/system-facts';
import {
  buildTimelineSeries,
  countSystemItems,
  buildCappedTimelineSeries,
  KIND_LANES,
  type BaseRelation,
  type KindLane,
  type TimelineItem,
  type TimelineLane,
  type TimelineLeftOut,
  type TimelineSeries,
  type TimeWindow,
} from '../../selectors/timeline-series';
import { useAppStore } from '../../store';
import type { ViewSettings } from '../../store/url-state';
import { layoutTimeline, showWave } from './timeline-layout';
import { TimelinePlot } from './timeline-plot';
import { KIND_COLORS, RELATION_DASH, type TimelineText } from './timeline-style';
import { textMeasurer } from '../../lib/measure-text';
import { useChartWidth } from '../../components/chart-frame/use-chart-width';
import './timeline.css';
import { useViewFilters } from '../../store/view-filters';
import { createLazyLabels } from '../../lib/label-cache';
import { useLastWhere } from '../../lib/use-last-non-empty';
import { KeptPlot } from '../../components/chart-frame/kept-plot';

/** Left-out systems as the chart frame lists them, made once per system and language. */
const leftOutLabels = createLazyLabels<TimelineLeftOut, LeftOut>();

interface Props {
  dataset: Dataset;
}

const measureLabel = textMeasurer(12);

/**
 * From GPT-3 and CLIP to LLaVA: each release on a time axis at the precision its source gives,
 * in lanes by kind or by organization, with lineage links from base to derived model and the
 * talk's own date beside the source's where the two differ.
 */
export function ReleaseTimeline({ dataset }: Props) {
  const { t, tn, locale } = useT();
  const filters = useViewFilters();
  const lanesMode = useAppStore((s) => s.viewSettings.timelineLanes);
  const zoom = useAppStore((s) => s.viewSettings.timelineZoom);
  const setViewSetting = useAppStore((s) => s.setViewSetting);
  const [customWindow, setCustomWindow] = useState<TimeWindow | null>(null);

  // The systems in view, and the papers and events to mark beside them (annotations, not counted).
  const systems = useMemo(() => selectTimelineEntries(dataset, filters), [dataset, filters]);
  const options = useMemo(() => ({ lanes: lanesMode, zoom, customWindow }), [lanesMode, zoom, customWindow]);
  const selectedId = useAppStore((s) => s.selectedId);
  const parameters = useMemo(() => new Map(dataset.systems.map((s) => [s.id, factValue(s.parameters) ?? 0])), [dataset]);
  // Thousands of markers overlap into a smear: the largest models are drawn (and the selected one), the note says so.
  const series = useMemo(
    () => buildCappedTimelineSeries(dataset, systems, options, MAX_TIMELINE_ITEMS, (id) => parameters.get(id) ?? 0, [selectedId]),
    [dataset, systems, options, parameters, selectedId],
  );
  const sourceTitles = useMemo(() => new Map(dataset.sources.map((s) => [s.id, s.title])), [dataset]);

  const plotRef = useRef<HTMLDivElement>(null);
  const width = useChartWidth(plotRef, 800);
  const text = useMemo(() => timelineText(t, locale, dataset), [t, locale, dataset]);
  const layout = useMemo(
    () => layoutTimeline(series, { width, measure: measureLabel, releaseLabel: text.releaseLabel, talkLabel: text.talkLabel }),
    [series, width, text],
  );

  const plotInput = useMemo(() => ({ series, layout }), [series, layout]);
  const drawnPlot = useLastWhere(plotInput, series.items.length > 0);
  const leftOut = useMemo(
    () => leftOutLabels(series.leftOut, t, (l) => ({ id: l.id, name: l.name, reason: leftOutReason(l, t, locale) })),
    [series, t, locale],
  );
  // The data table and the CSV have every item: built only when asked for.
  const dataTable = useCallback(
    () => buildDataTable(buildTimelineSeries(dataset, systems, options), text, sourceTitles),
    [dataset, systems, options, text, sourceTitles],
  );
  const differing = series.items.filter((i) => i.talk);

  const setZoom = (v: ViewSettings['timelineZoom']) => {
    setCustomWindow(null);
    setViewSetting('timelineZoom', v);
  };

  return (
    <ChartFrame
      id="timeline"
      dataset={dataset}
      title={t('timeline.title', 'Release timeline')}
      description={t(
        'timeline.description',
        'Each system at its release date, at the precision its source gives; lines run from a base model to the model built on it.',
      )}
      controls={
        <>
          <Segmented
            label={t('timeline.lanes', 'Lanes')}
            testId="timeline-lanes"
            value={lanesMode}
            onChange={(v) => setViewSetting('timelineLanes', v)}
            options={[
              { value: 'kind', label: t('timeline.lanes.kind', 'By kind') },
              { value: 'organization', label: t('timeline.lanes.organization', 'By organization') },
            ]}
          />
          <Segmented
            label={t('timeline.zoom', 'Time window')}
            testId="timeline-zoom"
            value={zoom}
            onChange={setZoom}
            options={[
              { value: 'all', label: t('timeline.zoom.all', 'All dates') },
              { value: 'wave-2023', label: t('timeline.zoom.wave', 'Feb–Apr 2023') },
            ]}
          />
          {customWindow && (
            <button type="button" className="timeline-reset" data-testid="timeline-reset-zoom" onClick={() => setCustomWindow(null)}>
              {t('timeline.zoom.reset', 'Reset zoom ({range})', {
                range: `${formatEventDate(dayOf(customWindow.start), locale)} – ${formatEventDate(dayOf(customWindow.end - 1), locale)}`,
              })}
            </button>
          )}
        </>
      }
      legend={<TimelineLegend lanes={series.lanes} text={text} wave={series.items.length > 0 && showWave(series.window)} />}
      shown={countSystemItems(series.items)}
      total={series.total}
      leftOut={leftOut}
      capNote={
        series.capped
          ? [
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
              .join(' ')
          : undefined
      }
      sourceNote={t(
        'timeline.source-note',
        'Source: each release date from the source named in the data table (blog post, paper or repository); the talk’s own dates from the talk “{talkTitle}”.',
        { talkTitle: dataset.meta.talk.title },
      )}
      footnotes={
        <>
          <p>
            {t(
              'timeline.footnote.precision',
              'A date given only as a month is drawn as a bar across that month, never as a point on the 1st. Links to a base whose date is unknown skip to its nearest dated ancestor and are drawn faint (GPT-3 to ChatGPT, via GPT-3.5); bases outside the window or the filters are named in the data table.',
            )}
          </p>
          {differing.length > 0 && (
            <ul className="timeline-differs" data-testid="timeline-differs">
              {differing.map((i) => (
                <li key={i.id}>
                  {t('timeline.footnote.differs', '{system}: the talk says {talkDate}, the source {sourceDate}.', {
                    system: i.name,
                    talkDate: `${i.talk?.text} (${i.talk ? formatEventDate(i.talk.date, locale) : ''})`,
                    sourceDate: formatEventDate(i.release.date, locale),
                  })}{' '}
                  {i.talk?.note}
                </li>
              ))}
            </ul>
          )}
          {/* An interaction hint: not printed, not exported. */}
          <p className="screen-only">{t('timeline.footnote.zoom', 'Drag across the chart to zoom into a period.')}</p>
        </>
      }
      dataTable={dataTable}
    >
      <div ref={plotRef} className="timeline-plot-box">
        {series.items.length === 0 && (
          <p className="muted timeline-empty">{t('timeline.empty', 'No system in view has a known release date in this window.')}</p>
        )}
        <KeptPlot drawn={drawnPlot.series.items.length > 0} empty={series.items.length === 0}>
          <TimelinePlot series={drawnPlot.series} layout={drawnPlot.layout} text={text} onZoom={setCustomWindow} />
        </KeptPlot>
      </div>
    </ChartFrame>
  );
}

function dayOf(ms: number): DatedEvent {
  return { date: new Date(ms).toISOString().slice(0, 10), precision: 'day', marks: '' };
}

function leftOutReason(l: TimelineLeftOut, t: Translator['t'], locale: Translator['locale']): string {
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
function relationLabel(t: Translator['t'], r: BaseRelation): string {
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

function kindLaneLabel(t: Translator['t'], k: KindLane): string {
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
function timelineText(t: Translator['t'], locale: Translator['locale'], dataset: Dataset): TimelineText {
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

function buildDataTable(series: TimelineSeries, text: TimelineText, sourceTitles: ReadonlyMap<string, string>): DataTableSpec {
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

function TimelineLegend({ lanes, text, wave }: { lanes: TimelineLane[]; text: TimelineText; wave: boolean }) {
  const t = text.tr;
  // In kind lanes the lane names the colour already; the swatches still say it for organization lanes.
  const kinds = KIND_LANES.filter((k) => lanes.length === 0 || lanes.some((l) => l.kind === k || !l.kind));
  return (
    <>
      <span className="timeline-legend-group">
        {kinds.map((k) => (
          <LegendItem
            key={k}
            width={12}
            height={12}
            swatch={
              k === 'paper-event' ? (
                <path d="M6,1 L11,6 L6,11 L1,6 Z" fill="none" stroke={KIND_COLORS.get(k)} strokeWidth={2} />
              ) : (
                <circle cx="6" cy="6" r="5" fill={KIND_COLORS.get(k)} />
              )
            }
          >
            {text.kindLabel(k)}
          </LegendItem>
        ))}
      </span>
      <LegendItem width={14} height={12} swatch={<circle cx="7" cy="6" r="5" fill="currentColor" />}>
        {t('timeline.legend.day', 'date to the day')}
      </LegendItem>
      <LegendItem width={22} height={12} swatch={<rect x="1" y="2" width="20" height="8" rx="2" fill="currentColor" />}>
        {t('timeline.legend.month', 'date given as a month (the whole month)')}
      </LegendItem>
      <LegendItem
        width={14}
        height={12}
        swatch={<circle cx="7" cy="6" r="4.5" fill="none" stroke="currentColor" strokeDasharray="2 1.5" />}
      >
        {t('timeline.legend.talk', 'the talk’s date, where it differs from the source')}
      </LegendItem>
      {wave && (
        <LegendItem width={16} height={12} swatch={<rect x="1" y="0" width="14" height="12" className="timeline-wave-band" />}>
          {t('timeline.legend.wave', 'Feb–Apr 2023, the wave the talk centres on')}
        </LegendItem>
      )}
      <RelationLegend text={text} />
    </>
  );
}

function RelationLegend({ text }: { text: TimelineText }) {
  return (
    <span className="timeline-legend-group">
      {(Object.keys(RELATION_DASH) as BaseRelation[]).map((r) => (
        <LegendItem
          key={r}
          width={26}
          height={10}
          swatch={
            <line
              x1="1"
              y1="5"
              x2="25"
              y2="5"
              stroke="currentColor"
              strokeWidth="1.6"
              strokeDasharray={RELATION_DASH[r]}
              strokeLinecap="round"
            />
          }
        >
          {text.relation(r)}
        </LegendItem>
      ))}
    </span>
  );
}
