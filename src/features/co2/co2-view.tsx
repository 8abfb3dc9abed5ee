import { useCallback, useMemo } from 'react';
import type { Dataset, Source } from '../../data/schema';
import { ChartFrame, type LeftOut } from '../../components/chart-frame/chart-frame';
import { LegendItem } from '../../components/chart-frame/legend-item';
import { assignColors, hatchId, NEUTRAL_COLOR } from '../../components/chart-frame/palette';
import { formatDecimal, formatInteger, type Locale } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { selectFilteredSystems } from '../../selectors/filtered-systems';
import { factValue } from '../../selectors/system-facts';
import { MAX_BARS, topByValue } from '../../selectors/mark-cap';
import { buildCo2Series, co2Groups, GPT3_ID, type Co2Bar, type Co2LeftOut } from '../../selectors/co2-series';
import { createLazyLabels } from '../../lib/label-cache';
import { useLastNonEmpty } from '../../lib/use-last-non-empty';
import { Co2Calculator } from './co2-calculator';
import { Co2Chart } from './co2-chart';
import { Co2Equivalents } from './co2-equivalents';
import {
  barValueText,
  figureText,
  formatMwh,
  formatSpread,
  formatTonnes,
  gpt3ShareText,
  leftOutText,
  shortSourceTitle,
} from './co2-format';
import { SourceLinks } from './source-links';
import './co2-view.css';
import { useViewFilters } from '../../store/view-filters';
import { KeptPlot } from '../../components/chart-frame/kept-plot';

/** Left-out systems as the chart frame lists them, made once per system and language. */
const leftOutLabels = createLazyLabels<Co2LeftOut, LeftOut>();

interface Props {
  dataset: Dataset;
}

/**
 * The talk's CO₂ comparison made exact: a bar per training run (every published figure, spreads
 * drawn as ranges), what the selected run equals in flights and brain-years, and the LLaMA
 * paper's calculator with its Table 15 reproduced.
 */
export function Co2View({ dataset }: Props) {
  const { t, locale } = useT();
  const filters = useViewFilters();
  const systems = useMemo(() => selectFilteredSystems(dataset, filters), [dataset, filters]);
  const fullSeries = useMemo(() => buildCo2Series(dataset, systems), [dataset, systems]);
  // Thousands of bars are unreadable: the largest are drawn (and the selected one), the note says so.
  // The selection is read only when there is a cap to apply: re-rendering this view on every selection
  // re-creates recharts' marks and would take keyboard focus off the bar just pressed.
  const needsCap = fullSeries.bars.length > MAX_BARS;
  const keepId = useAppStore((s) => (needsCap ? s.selectedId : null));
  const drawn = useMemo(
    () =>
      topByValue(
        fullSeries.bars,
        MAX_BARS,
        (b) => b.value,
        (b) => b.id,
        [keepId],
      ),
    [fullSeries, keepId],
  );
  const series = useMemo(() => (drawn.capped ? { ...fullSeries, bars: drawn.rows } : fullSeries), [fullSeries, drawn]);
  const plotBars = useLastNonEmpty(series.bars);
  const groups = useMemo(() => co2Groups(dataset), [dataset]);
  const colors = useMemo(() => assignColors(groups), [groups]);
  const sourcesById = useMemo(() => new Map(dataset.sources.map((s) => [s.id, s])), [dataset]);
  const leftOut = useMemo(
    () => leftOutLabels(series.leftOut, t, (l) => ({ id: l.id, name: l.name, reason: leftOutText(l, t) })),
    [series, t],
  );

  // The calculator depends on the dataset only; the same element lets React skip it on a filter click (thousands of <option>s at scale).
  const calculator = useMemo(() => <Co2Calculator dataset={dataset} sourcesById={sourcesById} />, [dataset, sourcesById]);

  const dataTable = useCallback(
    () => ({
      columns: [
        t('field.name', 'Name'),
        t('co2.col-tonnes', 't CO₂e (plotted)'),
        t('co2.col-figures', 'Published figures'),
        t('co2.col-energy', 'Energy (MWh)'),
        t('co2.col-gpt3', 'vs GPT-3'),
        t('co2.col-method', 'Estimated by'),
      ],
      rows: fullSeries.bars.map((b) => ({
        id: b.id,
        cells: [
          b.name,
          barValueText(b, t, locale),
          b.figures.map((f) => figureText(f, t, locale)).join('; '),
          b.energy
            ? `${formatMwh(b.energy.value, locale)}${b.energy.status === 'estimated' ? ` ${t('fact.estimated', 'est.')}` : ''}`
            : '—',
          b.gpt3Multiple !== undefined ? gpt3ShareText(b.gpt3Multiple, t, locale) : '—',
          [b.method, ...b.sources.map((id) => shortSourceTitle(sourcesById.get(id), id))].filter(Boolean).join(' — '),
        ],
      })),
    }),
    [fullSeries, t, locale, sourcesById],
  );

  const shownGroups = groups.filter((g) => series.bars.some((b) => b.group === g));
  const gpt3 = series.bars.find((b) => b.id === GPT3_ID);
  const ratioBar = series.bars.find((b) => b.talk && b.gpt3Multiple !== undefined);
  const spreadBars = series.bars.filter((b) => b.range);
  const gpt3Tonnes = factValue(dataset.reference.gpt3Co2Tonnes);
  const tableIntensity = factValue(dataset.reference.llamaCarbonMethod.kgCo2ePerKwh);
  const allEstimated = series.bars.length > 0 && series.bars.every((b) => b.status === 'estimated');

  return (
    <div className="co2-view" data-testid="co2-view">
      <ChartFrame
        id="co2"
        dataset={dataset}
        title={t('co2.title', 'CO₂ of training')}
        description={[
          t(
            'co2.description',
            'Tonnes of CO₂ equivalent emitted by one training run, as published. Bars of one colour come from one source and method. Select a bar to see what it equals below.',
          ),
          allEstimated
            ? t('co2.description-estimates', 'Every figure shown is an estimate: hatched, dashed and marked “{badge}”.', {
                badge: t('fact.estimated', 'est.'),
              })
            : '',
        ]
          .filter(Boolean)
          .join(' ')}
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
          <Legend
            groups={shownGroups}
            colors={colors}
            sourcesById={sourcesById}
            hasRange={spreadBars.length > 0}
            hasReported={series.bars.some((b) => b.status === 'reported')}
          />
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
          <ul className="chart-notes">
            {ratioBar && gpt3Tonnes !== undefined && (
              <li data-testid="co2-ratio-note">
                {t(
                  'co2.note-ratio',
                  '{model} {share}: GPT-3’s {gpt3Tonnes} t ÷ {tonnes} t. The talk: “{quote}” — {verdict}. The two figures come from different methods (see “Estimated by”).',
                  {
                    model: ratioBar.name,
                    share: gpt3ShareText(ratioBar.gpt3Multiple!, t, locale),
                    gpt3Tonnes: formatTonnes(gpt3Tonnes, locale),
                    tonnes: formatTonnes(ratioBar.value, locale),
                    quote: ratioBar.talk!.text,
                    verdict: ratioBar.talk!.relation === 'agrees' ? t('co2.talk-agrees', 'agrees') : t('co2.talk-differs', 'differs'),
                  },
                )}
              </li>
            )}
            {spreadBars.map((b) => (
              <li key={b.id}>{spreadText(b, tableIntensity, t, locale)}</li>
            ))}
            {gpt3 && gpt3.figures.length === 1 && (
              <li data-testid="co2-gpt3-single">
                {t(
                  'co2.note-gpt3-single',
                  'GPT-3: the dataset holds one published CO₂ figure ({tonnes} t, {sources}); no second figure is recorded, so no range is drawn.',
                  {
                    tonnes: formatTonnes(gpt3.value, locale),
                    sources: gpt3.sources.map((id) => shortSourceTitle(sourcesById.get(id), id)).join(', '),
                  },
                )}
              </li>
            )}
          </ul>
        }
        dataTable={dataTable}
      >
        {series.bars.length === 0 && (
          <p className="co2-empty" role="status">
            {t('co2.empty', 'No system in view has a published CO₂ figure.')}
          </p>
        )}
        <KeptPlot drawn={plotBars.length > 0} empty={series.bars.length === 0}>
          <Co2Chart bars={plotBars} colors={colors} sourcesById={sourcesById} />
        </KeptPlot>
      </ChartFrame>
      <Co2Equivalents dataset={dataset} sourcesById={sourcesById} />
      {calculator}
    </div>
  );
}

/** Why a run has two figures: the plotted one is Table 15's (LLaMA's data centre), the other the developer's own grid. */
function spreadText(b: Co2Bar, intensity: number | undefined, t: ReturnType<typeof useT>['t'], locale: Locale): string {
  const own = b.figures.find((f) => f.kind === 'own-grid');
  return t(
    'co2.note-spread',
    '{model}: {range} t. The bar is {tonnes} t, LLaMA’s Table 15 (as if trained in LLaMA’s data centre, {intensity} kg CO₂e/kWh); {ownGrid}.',
    {
      model: b.name,
      range: formatSpread({ value: b.value, ...b.range! }, locale, formatTonnes),
      tonnes: formatTonnes(b.value, locale),
      intensity: intensity !== undefined ? formatDecimal(intensity, locale, 3) : '?',
      ownGrid: own ? figureText(own, t, locale) : '',
    },
  );
}

function Legend({
  groups,
  colors,
  sourcesById,
  hasRange,
  hasReported,
}: {
  groups: string[];
  colors: ReadonlyMap<string, string>;
  sourcesById: ReadonlyMap<string, Source>;
  hasRange: boolean;
  hasReported: boolean;
}) {
  const { t } = useT();
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
        {t('co2.legend-estimate', 'hatched, dashed, “{badge}”: an estimate', { badge: t('fact.estimated', 'est.') })}
      </LegendItem>
      {hasReported && (
        <LegendItem
          {...item}
          width={22}
          height={14}
          swatch={<rect x="1" y="1" width="20" height="12" fill={first} fillOpacity={0.9} stroke={first} />}
        >
          {t('co2.legend-reported', 'solid: a reported figure')}
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
          {t('co2.legend-range', 'range of published figures; ◆ another published figure')}
        </LegendItem>
      )}
      <span className="co2-legend-item">{t('co2.legend-selected', 'outlined: the selected model')}</span>
    </span>
  );
}
