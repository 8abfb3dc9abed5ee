import { useCallback, useMemo, useRef } from 'react';
import type { Dataset } from '../../data/schema';
import { ChartFrame, Segmented } from '../../components/chart-frame/chart-frame';
import { LegendItem } from '../../components/chart-frame/legend-item';
import { formatEventDate } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { selectTimelineEntries } from '../../selectors/filtered-systems';
import { factValue } from '../../selectors/system-facts';
import {
  buildTimelineOverview,
  buildTimelineSeries,
  countSystemItems,
  KIND_LANES,
  type BaseRelation,
  type TimelineLane,
} from '../../selectors/timeline-series';
import { useAppStore } from '../../store';
import type { ViewSettings } from '../../store/url-state';
import { layoutTimeline, showWave } from './timeline-layout';
import { TimelinePlot } from './timeline-plot';
import { TimelineOverviewStrip } from './timeline-overview';
import { routeTimeline } from './timeline-routes';
import {
  buildDataTable,
  buildTimelineFigure,
  drawnTimelineSeries,
  leftOutReason,
  timelineCapNote,
  timelineText,
  timelineWindowText,
  windowRange,
} from './timeline-figure';
import { KIND_COLORS, RELATION_DASH, type TimelineText } from './timeline-style';
import { textMeasurer } from '../../lib/measure-text';
import { useChartWidth } from '../../components/chart-frame/use-chart-width';
import './timeline.css';
import { useViewFilters } from '../../store/view-filters';
import { lazyList } from '../../lib/lazy-list';
import { useLastWhere } from '../../lib/use-last-non-empty';
import { KeptPlot } from '../../components/chart-frame/kept-plot';
import { DateText } from '../../components/fact/date-text';
import { useAnnotationSpec } from '../../components/annotations/use-annotation-spec';
import { calloutSystemIds, withBadge } from '../../components/figure/figure-annotations';
import { GUIDE_STRIP, GuideMarks } from '../../components/annotations/guide-marks';

interface Props {
  dataset: Dataset;
}

const measureLabel = textMeasurer(12);
/** Lane headings: 11 px, semibold, spaced (timeline.css), measured a little wide. */
const measureHeading = textMeasurer(11.5, 600);

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
  // The period dragged across: in the store, so the figure can be built without this view mounted.
  const customWindow = useAppStore((s) => s.timelineWindow);
  const setCustomWindow = useAppStore((s) => s.setTimelineWindow);

  // The systems in view, and the papers and events to mark beside them (annotations, not counted).
  const systems = useMemo(() => selectTimelineEntries(dataset, filters), [dataset, filters]);
  const options = useMemo(() => ({ lanes: lanesMode, zoom, customWindow }), [lanesMode, zoom, customWindow]);
  const selectedId = useAppStore((s) => s.selectedId);
  const parameters = useMemo(() => new Map(dataset.systems.map((s) => [s.id, factValue(s.parameters) ?? 0])), [dataset]);
  // Thousands of markers overlap into a smear: the largest models are drawn (and the selected one), the note says so.
  const annotations = useAppStore((s) => s.annotations);
  const callouts = useMemo(() => calloutSystemIds(annotations, 'timeline'), [annotations]);
  const series = useMemo(
    () => drawnTimelineSeries(dataset, systems, options, (id) => parameters.get(id) ?? 0, selectedId, callouts),
    [dataset, systems, options, parameters, selectedId, callouts],
  );
  // Decades of dates (an Epoch import): a strip of every dated system, with the window as a brush.
  const overview = useMemo(() => buildTimelineOverview(systems), [systems]);
  const sourceTitles = useMemo(() => new Map(dataset.sources.map((s) => [s.id, s.title])), [dataset]);

  const plotRef = useRef<HTMLDivElement>(null);
  const width = useChartWidth(plotRef, 800);
  const text = useMemo(() => timelineText(t, locale, dataset), [t, locale, dataset]);
  const anchors = useMemo(
    () => [...series.items].sort((a, b) => a.release.start - b.release.start).map((i) => ({ id: i.id, name: i.name })),
    [series],
  );
  const annotationSpec = useAnnotationSpec('timeline', anchors, [series.window.start, series.window.end]);
  const badges = annotationSpec.resolved.badges;
  const layout = useMemo(
    () =>
      layoutTimeline(series, {
        width,
        measure: measureLabel,
        releaseLabel: badges.size > 0 ? (i) => withBadge(text.releaseLabel(i), badges.get(i.id)) : text.releaseLabel,
        talkLabel: text.talkLabel,
        tickLabel: text.tickLabel,
        measureTick: measureLabel,
      }),
    [series, width, text, badges],
  );

  const routes = useMemo(() => routeTimeline(layout, series.links, (l) => measureHeading(text.laneLabel(l))), [layout, series, text]);
  const guides = annotationSpec.resolved.guides;
  const plotInput = useMemo(() => ({ series, layout, routes, guides }), [series, layout, routes, guides]);
  const drawnPlot = useLastWhere(plotInput, series.items.length > 0);
  const leftOut = useMemo(
    () =>
      lazyList(series.leftOut.length, () => series.leftOut.map((l) => ({ id: l.id, name: l.name, reason: leftOutReason(l, t, locale) }))),
    [series, t, locale],
  );
  // The data table and the CSV have every item: built only when asked for.
  const dataTable = useCallback(
    () => buildDataTable(buildTimelineSeries(dataset, systems, options), text, sourceTitles),
    [dataset, systems, options, text, sourceTitles],
  );
  const differing = series.items.filter((i) => i.talk);
  // The exports, Present and Embed draw this view's figure: the same window, lanes and cap as here.
  const figure = useCallback(
    (link: string) =>
      buildTimelineFigure({
        dataset,
        filters,
        lanes: lanesMode,
        zoom,
        customWindow,
        selectedId,
        link,
        translator: { t, tn, locale },
        annotations,
      }),
    [dataset, filters, lanesMode, zoom, customWindow, selectedId, t, tn, locale, annotations],
  );

  const setZoom = (v: ViewSettings['timelineZoom']) => {
    setCustomWindow(null);
    setViewSetting('timelineZoom', v);
  };

  return (
    <ChartFrame
      id="timeline"
      dataset={dataset}
      title={t('timeline.title', 'Release timeline')}
      subtitleNote={timelineWindowText(zoom, customWindow, { t, locale }, series)}
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
            value={customWindow ? null : zoom}
            onChange={setZoom}
            options={[
              { value: 'all', label: t('timeline.zoom.all', 'All dates') },
              { value: 'wave-2023', label: t('timeline.zoom.wave', 'Feb–Apr 2023') },
            ]}
          />
          {customWindow && (
            <button type="button" className="timeline-reset" data-testid="timeline-reset-zoom" onClick={() => setCustomWindow(null)}>
              {t('timeline.zoom.reset', 'Reset zoom ({range})', { range: windowRange(customWindow, locale) })}
            </button>
          )}
        </>
      }
      legend={<TimelineLegend lanes={series.lanes} text={text} wave={series.items.length > 0 && showWave(series.window)} />}
      shown={countSystemItems(series.items)}
      total={series.total}
      leftOut={leftOut}
      capNote={timelineCapNote(series, { t, tn, locale })}
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
                  <DateText
                    text={t('timeline.footnote.differs', '{system}: the talk says {talkDate}, the source {sourceDate}.', {
                      system: i.name,
                      talkDate: `${i.talk?.text} (${i.talk ? formatEventDate(i.talk.date, locale) : ''})`,
                      sourceDate: formatEventDate(i.release.date, locale),
                    })}
                  />{' '}
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
      figure={figure}
      annotations={annotationSpec}
    >
      <div ref={plotRef} className="timeline-plot-box">
        {series.items.length === 0 && (
          <p className="muted timeline-empty">{t('timeline.empty', 'No system in view has a known release date in this window.')}</p>
        )}
        {overview && (
          <TimelineOverviewStrip
            overview={overview}
            window={series.window}
            width={width}
            text={text}
            measureTick={measureLabel}
            onWindow={setCustomWindow}
          />
        )}
        <KeptPlot drawn={drawnPlot.series.items.length > 0} empty={series.items.length === 0}>
          {drawnPlot.guides.length > 0 && (
            <svg className="timeline-guide-strip" width={drawnPlot.layout.width} height={GUIDE_STRIP} aria-hidden="true">
              <GuideMarks
                guides={drawnPlot.guides}
                x={drawnPlot.layout.x}
                left={drawnPlot.layout.plot.left}
                right={drawnPlot.layout.plot.right}
                plotTop={GUIDE_STRIP}
                plotBottom={GUIDE_STRIP}
                layer="badges"
              />
            </svg>
          )}
          <TimelinePlot
            guides={drawnPlot.guides}
            series={drawnPlot.series}
            layout={drawnPlot.layout}
            routes={drawnPlot.routes}
            text={text}
            onZoom={setCustomWindow}
          />
        </KeptPlot>
      </div>
    </ChartFrame>
  );
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
