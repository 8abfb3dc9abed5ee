import { useCallback, useMemo } from 'react';
import type { Dataset, Source } from '../../data/schema';
import { ChartFrame } from '../../components/chart-frame/chart-frame';
import { LegendItem } from '../../components/chart-frame/legend-item';
import { assignColors, hatchId, NEUTRAL_COLOR } from '../../components/chart-frame/palette';
import { formatInteger } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { selectFilteredSystems } from '../../selectors/filtered-systems';
import { MAX_BARS, topByValue } from '../../selectors/mark-cap';
import { useAnnotationSpec } from '../../components/annotations/use-annotation-spec';
import { calloutSystemIds } from '../../components/figure/figure-annotations';
import { buildCo2Series, co2Groups, type Co2Bar } from '../../selectors/co2-series';
import { lazyList } from '../../lib/lazy-list';
import { useLastNonEmpty } from '../../lib/use-last-non-empty';
import { Co2Calculator } from './co2-calculator';
import { Co2Chart } from './co2-chart';
import { Co2Equivalents } from './co2-equivalents';
import { Co2Methods } from './co2-methods';
import { buildCo2Figure, buildCo2Table, co2Description, co2LegendEntries, co2Notes } from './co2-figure';
import { formatTonnes, leftOutText, niceTicks, shortSourceTitle } from './co2-format';
import { SourceLinks } from './source-links';
import './co2-view.css';
import { useViewFilters } from '../../store/view-filters';
import { KeptPlot } from '../../components/chart-frame/kept-plot';

interface Props {
  dataset: Dataset;
}

/**
 * The talk's CO₂ comparison made exact: a bar per training run (every published figure, spreads
 * drawn as ranges), what the selected run equals in flights and brain-years, and the LLaMA
 * paper's calculator with its Table 15 reproduced.
 */
export function Co2View({ dataset }: Props) {
  const { t, tn, locale } = useT();
  const filters = useViewFilters();
  const systems = useMemo(() => selectFilteredSystems(dataset, filters), [dataset, filters]);
  const fullSeries = useMemo(() => buildCo2Series(dataset, systems), [dataset, systems]);
  // Thousands of bars are unreadable: the largest are drawn (and the selected one), the note says so.
  // The selection is read only when there is a cap to apply: re-rendering this view on every selection
  // re-creates recharts' marks and would take keyboard focus off the bar just pressed.
  const needsCap = fullSeries.bars.length > MAX_BARS;
  const keepId = useAppStore((s) => (needsCap ? s.selectedId : null));
  const annotations = useAppStore((s) => s.annotations);
  const drawn = useMemo(
    () =>
      topByValue(
        fullSeries.bars,
        MAX_BARS,
        (b) => b.value,
        (b) => b.id,
        [keepId, ...calloutSystemIds(annotations, 'co2')],
      ),
    [fullSeries, keepId, annotations],
  );
  const series = useMemo(() => (drawn.capped ? { ...fullSeries, bars: drawn.rows } : fullSeries), [fullSeries, drawn]);
  const plotBars = useLastNonEmpty(series.bars);
  const groups = useMemo(() => co2Groups(dataset), [dataset]);
  const colors = useMemo(() => assignColors(groups), [groups]);
  const sourcesById = useMemo(() => new Map(dataset.sources.map((s) => [s.id, s])), [dataset]);
  const leftOut = useMemo(
    () => lazyList(series.leftOut.length, () => series.leftOut.map((l) => ({ id: l.id, name: l.name, reason: leftOutText(l, t) }))),
    [series, t],
  );

  // The calculator depends on the dataset only; the same element lets React skip it on a filter click (thousands of <option>s at scale).
  const calculator = useMemo(() => <Co2Calculator dataset={dataset} sourcesById={sourcesById} />, [dataset, sourcesById]);

  const dataTable = useCallback(() => buildCo2Table(fullSeries.bars, sourcesById, t, locale), [fullSeries, t, locale, sourcesById]);
  const figure = useCallback(
    (link: string) => buildCo2Figure({ dataset, filters, selectedId: keepId, link, translator: { t, tn, locale }, annotations }),
    [dataset, filters, keepId, t, tn, locale, annotations],
  );
  // Any model with a figure can take a callout (it is then drawn even past the cap on bars).
  const anchors = useMemo(() => fullSeries.bars.map((b) => ({ id: b.id, name: b.name })), [fullSeries]);
  const domainMax = useMemo(() => niceTicks(Math.max(...series.bars.map((b) => b.range?.max ?? b.value))).at(-1) ?? 0, [series]);
  const formatValue = useCallback((v: number) => `${formatTonnes(v, locale)} t CO₂e`, [locale]);
  const annotationSpec = useAnnotationSpec('co2', anchors, [0, domainMax], formatValue);
  const notes = useMemo(() => co2Notes(dataset, series.bars, sourcesById, t, locale), [dataset, series, sourcesById, t, locale]);

  const shownGroups = groups.filter((g) => series.bars.some((b) => b.group === g));
  const spreadBars = series.bars.filter((b) => b.range);

  return (
    <div className="co2-view" data-testid="co2-view">
      <ChartFrame
        id="co2"
        dataset={dataset}
        title={t('co2.title', 'CO₂ of training')}
        description={`${co2Description(series, t)} ${t('co2.description-select', 'Select a bar to see what it equals below.')}`}
        shown={series.bars.length}
        total={series.total}
        leftOut={leftOut}
        capNote={
          drawn.capped
            ? t(
                'co2.cap-note',
                'Showing the {shown} largest of {total} training runs with a published CO₂ figure; the CSV export has all of them.',
                { shown: formatInteger(drawn.rows.length, locale), total: formatInteger(drawn.total, locale) },
              )
            : undefined
        }
        legend={
          <Legend groups={shownGroups} colors={colors} sourcesById={sourcesById} hasRange={spreadBars.length > 0} bars={series.bars} />
        }
        sourceNote={
          <>
            {t('co2.source-note', 'Sources:')}{' '}
            {shownGroups.map((g, i) => (
              <span key={g}>
                {i > 0 && '; '}
                {shortSourceTitle(sourcesById.get(g), g)} <SourceLinks ids={[g]} sourcesById={sourcesById} />
              </span>
            ))}
          </>
        }
        footnotes={
          notes.length > 0 ? (
            <ul className="chart-notes">
              {notes.map((n) => (
                <li
                  key={n.key}
                  data-testid={n.key === 'ratio' ? 'co2-ratio-note' : n.key === 'gpt3-single' ? 'co2-gpt3-single' : undefined}
                >
                  {n.text}
                </li>
              ))}
            </ul>
          ) : undefined
        }
        dataTable={dataTable}
        figure={figure}
        annotations={annotationSpec}
      >
        {series.bars.length === 0 && (
          <p className="co2-empty" role="status">
            {t('co2.empty', 'No system in view has a published CO₂ figure.')}
          </p>
        )}
        <KeptPlot drawn={plotBars.length > 0} empty={series.bars.length === 0}>
          <Co2Chart
            bars={plotBars}
            colors={colors}
            sourcesById={sourcesById}
            badges={annotationSpec.resolved.badges}
            guides={annotationSpec.resolved.guides}
          />
        </KeptPlot>
      </ChartFrame>
      <Co2Equivalents dataset={dataset} sourcesById={sourcesById} />
      <Co2Methods dataset={dataset} />
      {calculator}
    </div>
  );
}

function Legend({
  bars,
  groups,
  colors,
  sourcesById,
  hasRange,
}: {
  bars: readonly Co2Bar[];
  groups: string[];
  colors: ReadonlyMap<string, string>;
  sourcesById: ReadonlyMap<string, Source>;
  hasRange: boolean;
}) {
  const { t } = useT();
  const entries = useMemo(() => co2LegendEntries(bars, groups, colors, sourcesById, t), [bars, groups, colors, sourcesById, t]);
  const first = colors.get(groups[0] ?? '') ?? NEUTRAL_COLOR;
  const item = { className: 'co2-legend-item', swatchClassName: 'co2-swatch' };
  return (
    <span className="co2-legend" data-testid="co2-legend">
      {groups.map((g) => (
        <LegendItem key={g} {...item} width={14} height={14} swatch={<rect x="1" y="1" width="12" height="12" fill={colors.get(g)} />}>
          {sourcesById.get(g)?.url ? (
            <a href={sourcesById.get(g)?.url} target="_blank" rel="noopener noreferrer">
              {shortSourceTitle(sourcesById.get(g), g)}
            </a>
          ) : (
            shortSourceTitle(sourcesById.get(g), g)
          )}
        </LegendItem>
      ))}
      <LegendItem
        {...item}
        width={22}
        height={14}
        swatch={
          <rect
            x="1"
            y="1"
            width="20"
            height="12"
            fill={`url(#${hatchId(first)})`}
            stroke={first}
            strokeDasharray="4 3"
            data-hatch={hatchId(first)}
          />
        }
      >
        {entries.find((e) => e.key === 'estimated')?.label}
      </LegendItem>
      {entries.some((e) => e.key === 'reported') && (
        <LegendItem
          {...item}
          width={22}
          height={14}
          swatch={<rect x="1" y="1" width="20" height="12" fill={first} fillOpacity={0.9} stroke={first} />}
        >
          {entries.find((e) => e.key === 'reported')?.label}
        </LegendItem>
      )}
      {hasRange && (
        <LegendItem
          {...item}
          width={30}
          height={14}
          swatchClassName="co2-swatch co2-range"
          swatch={
            <>
              <line x1="3" x2="27" y1="7" y2="7" />
              <line x1="3" x2="3" y1="1" y2="13" />
              <line x1="27" x2="27" y1="1" y2="13" />
              <path className="co2-range-marker" d="M8 2 L13 7 L8 12 L3 7 Z" />
            </>
          }
        >
          {entries.find((e) => e.key === 'range')?.label}
        </LegendItem>
      )}
      {/* How the screen marks the selection: not a legend entry of the figure, which has no selection. */}
      <span className="co2-legend-note screen-only">{t('co2.legend-selected', 'outlined: the selected model')}</span>
    </span>
  );
}
