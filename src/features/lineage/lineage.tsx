import { useCallback, useId, useMemo, useRef } from 'react';
import type { Dataset } from '../../data/schema';
import { ChartFrame, type DataTableSpec, type LeftOut } from '../../components/chart-frame/chart-frame';
import { LegendItem } from '../../components/chart-frame/legend-item';
import { formatInteger } from '../../i18n/format';
import { useT, type Translator } from '../../i18n/use-t';
import { selectFilteredSystems } from '../../selectors/filtered-systems';
import {
  layoutLineage,
  type LineageEdge,
  type LineageFamilyBox,
  type LineageLayout,
  type LineageNode,
  type LineageRelation,
} from '../../selectors/lineage-layout';
import { familyName, lineageSubset } from '../../selectors/lineage';
import { MAX_LINEAGE_SYSTEMS } from '../../selectors/mark-cap';
import { useAppStore } from '../../store';
import { onEnterOrSpace, useLinkedMark } from '../../components/linked-marks/use-linked-mark';
import { textMeasurer } from '../../lib/measure-text';
import { useChartWidth } from '../../components/chart-frame/use-chart-width';
import './lineage.css';
import { buildLineageFigure, edgePath, lineageTable, relationLabel, RELATION_DASH, RELATIONS } from './lineage-figure';
import { useViewFilters } from '../../store/view-filters';
import { idSetOf } from '../../selectors/systems-by-id';
import { lazyList } from '../../lib/lazy-list';

interface Props {
  dataset: Dataset;
}

const PAD = 8;
const MIN_GAP = 22;
const MAX_GAP = 200;
/** Two text sizes: the compact one lets the tree fit a phone (375 px) without scrolling. */
const REGULAR = { measure: textMeasurer(12), measureTitle: textMeasurer(12, 600), columnGap: MIN_GAP } as const;
const COMPACT = { measure: textMeasurer(11), measureTitle: textMeasurer(11, 600), columnGap: 14, nodePadX: 6, minNodeWidth: 40 } as const;

/** Edge style per relation: fine-tune solid, component dashed, wrapper dotted, successor dash-dot. */

/**
 * The family tree of base models, base on the left and what was built on it to the right.
 * Clicking a base model sets the base-model filter to it (every view follows); the whole tree
 * stays drawn, with systems outside the filters faded.
 */
export function LineageTree({ dataset }: Props) {
  const { t, tn, locale } = useT();
  const filters = useViewFilters();
  const systems = useMemo(() => selectFilteredSystems(dataset, filters), [dataset, filters]);
  const inFilter = useMemo(() => idSetOf(systems), [systems]);
  const boxRef = useRef<HTMLDivElement>(null);
  const width = useChartWidth(boxRef, 800);

  const selectedId = useAppStore((s) => s.selectedId);
  // Thousands of boxes cannot be read (and the layout grows faster than linearly): the largest trees, and the selected one's.
  const trees = useMemo(() => lineageSubset(dataset.systems, MAX_LINEAGE_SYSTEMS, [selectedId]), [dataset, selectedId]);
  const drawn = useMemo(() => (trees.capped ? { systems: trees.systems, families: dataset.families } : dataset), [trees, dataset]);
  const natural = useMemo(() => layoutLineage(drawn, REGULAR), [drawn]);
  const compact = natural.width + 2 * PAD > width;
  // Wider screens spread the columns out (in steps, so resizing does not re-layout every pixel).
  const spare = width - 2 * PAD - natural.width;
  const gap = natural.layers > 1 ? Math.min(MAX_GAP, MIN_GAP + Math.max(0, Math.floor(spare / (natural.layers - 1) / 8) * 8)) : MIN_GAP;
  const layout = useMemo(
    () => (compact ? layoutLineage(drawn, COMPACT) : gap === MIN_GAP ? natural : layoutLineage(drawn, { ...REGULAR, columnGap: gap })),
    [drawn, gap, natural, compact],
  );

  const names = useMemo(() => new Map(dataset.systems.map((s) => [s.id, s.name])), [dataset]);
  const sourceTitles = useMemo(() => new Map(dataset.sources.map((s) => [s.id, s.title])), [dataset]);
  const familyNames = useMemo(() => new Map(dataset.families.map((f) => [f.id, familyName(f, locale)])), [dataset, locale]);
  const treeIds = useMemo(() => new Set(layout.nodes.map((n) => n.id)), [layout]);
  const keptIds = useMemo(() => (trees.capped ? idSetOf(trees.systems) : null), [trees]);
  const shown = useMemo(() => {
    let n = 0;
    for (const s of systems) if (treeIds.has(s.id)) n++;
    return n;
  }, [systems, treeIds]);
  // Labelled only when the list is opened or printed.
  const leftOut = useMemo(
    () =>
      lazyList(systems.length - shown, () => {
        const capped = t('lineage.left-out.capped', 'not among the systems drawn (see the note above)');
        const isolated = t('lineage.left-out.isolated', 'no base-model link in the data');
        const out: LeftOut[] = [];
        for (const s of systems) {
          if (treeIds.has(s.id)) continue;
          const isCapped = keptIds && !keptIds.has(s.id) && (s.baseModels.length > 0 || s.family !== undefined);
          out.push({ id: s.id, name: s.name, reason: isCapped ? capped : isolated });
        }
        return out;
      }),
    [systems, shown, treeIds, keptIds, t],
  );
  const dataTable = (): DataTableSpec => lineageTable(layout.edges, names, sourceTitles, t);
  const filtering = systems.length !== dataset.systems.length;
  const figure = useCallback(
    (link: string) => buildLineageFigure({ dataset, filters, selectedId, link, translator: { t, tn, locale } }),
    [dataset, filters, selectedId, t, tn, locale],
  );

  return (
    <ChartFrame
      id="lineage"
      dataset={dataset}
      title={t('lineage.title', 'Lineage')}
      description={t(
        'lineage.description',
        'Which model is built on which: base models on the left, arrows to the models made from them. Click a base model to show only it and what is built on it.',
      )}
      legend={<LineageLegend t={t} />}
      shown={shown}
      total={systems.length}
      leftOut={leftOut}
      capNote={
        trees.capped
          ? t(
              'lineage.cap-note',
              'Showing {shown} of {total} systems with a lineage link: the largest trees, from their base models outward; the explorer table has all of them.',
              {
                shown: formatInteger(layout.nodes.length, locale),
                total: formatInteger(trees.total, locale),
              },
            )
          : undefined
      }
      sourceNote={t('lineage.source-note', 'Source: each link’s source is in the data table (model cards, papers, blog posts).')}
      footnotes={
        <>
          <p>
            {t(
              'lineage.footnote.sizes',
              'Sizes of one model (LLaMA 7B–65B, Vicuna 7B/13B, Dolly 1.0/2.0) share a box; each arrow starts at the exact size a model was built on.',
            )}
          </p>
          {/* An interaction hint: not printed, not exported. */}
          <p className="screen-only">{t('lineage.footnote.family-filter', 'Click a box’s title to filter by the whole family.')}</p>
          {filtering && (
            <p>{t('lineage.footnote.dimmed', 'The whole tree stays visible; systems outside the current filters are faded.')}</p>
          )}
        </>
      }
      dataTable={dataTable}
      figure={figure}
    >
      <div ref={boxRef} className="lineage-box">
        <div className="lineage-scroll" data-testid="lineage-scroll">
          <LineageSvg
            layout={layout}
            compact={compact}
            inFilter={inFilter}
            names={names}
            sourceTitles={sourceTitles}
            familyNames={familyNames}
          />
        </div>
      </div>
    </ChartFrame>
  );
}

/** The link as a sentence, for its tooltip. */
function edgeSentence(t: Translator['t'], r: LineageRelation, name: string, label: string): string {
  switch (r) {
    case 'fine-tuned-from':
      return t('lineage.edge.fine-tuned-from', '{model} is fine-tuned from {base}', { model: name, base: label });
    case 'component':
      return t('lineage.edge.component', '{model} uses {component} as a component', { model: name, component: label });
    case 'wraps':
      return t('lineage.edge.wraps', '{model} wraps {wrapped}', { model: name, wrapped: label });
    case 'successor-of':
      return t('lineage.edge.successor-of', '{model} is the successor of {predecessor}', { model: name, predecessor: label });
  }
}

function LineageLegend({ t }: { t: Translator['t'] }) {
  return (
    <>
      {RELATIONS.map((r) => (
        <LegendItem
          key={r}
          width={30}
          height={10}
          swatch={
            <line
              x1="1"
              y1="5"
              x2="29"
              y2="5"
              stroke="currentColor"
              strokeWidth="1.8"
              strokeDasharray={RELATION_DASH[r]}
              strokeLinecap="round"
            />
          }
        >
          {relationLabel(t, r)}
        </LegendItem>
      ))}
      <LegendItem width={18} height={12} swatch={<rect x="1" y="1" width="16" height="10" rx="3" className="lineage-legend-filter" />}>
        {t('lineage.legend.filter', 'the current base-model filter')}
      </LegendItem>
    </>
  );
}

interface SvgProps {
  layout: LineageLayout;
  compact: boolean;
  inFilter: ReadonlySet<string>;
  names: ReadonlyMap<string, string>;
  sourceTitles: ReadonlyMap<string, string>;
  /** Family names in the reader's language (the layout keeps the dataset's own). */
  familyNames: ReadonlyMap<string, string>;
}

function LineageSvg({ layout, compact, inFilter, names, sourceTitles, familyNames }: SvgProps) {
  const { t } = useT();
  const selectedId = useAppStore((s) => s.selectedId);
  const hoveredId = useAppStore((s) => s.hoveredId);
  const bases = useViewFilters().bases;
  const setFilterValues = useAppStore((s) => s.setFilterValues);
  const toggleSelected = useAppStore((s) => s.toggleSelected);
  const linkedMark = useLinkedMark();
  const markerId = useId().replace(/:/g, '');

  /** Clicking the active filter again clears it (the live filter: the drawing may still be catching up). */
  const filterTo = (id: string) => {
    const live = useAppStore.getState().filters.bases;
    setFilterValues('bases', live.length === 1 && live[0] === id ? [] : [id]);
  };
  const activate = (n: LineageNode) => (n.hasChildren ? filterTo(n.id) : toggleSelected(n.id));
  const width = layout.width + 2 * PAD;
  const height = layout.height + 2 * PAD;
  const label = t('lineage.svg-label', 'Lineage tree of {systems} systems', { systems: layout.nodes.length });

  return (
    <svg
      className={compact ? 'lineage-svg is-compact' : 'lineage-svg'}
      width={width}
      height={height}
      viewBox={`${-PAD} ${-PAD} ${width} ${height}`}
      role="group"
      aria-label={label}
      data-testid="lineage-svg"
    >
      <defs>
        <marker id={`${markerId}-a`} viewBox="0 0 8 8" refX="7.5" refY="4" markerWidth="7" markerHeight="7" orient="auto">
          <path d="M0,0 L8,4 L0,8 z" className="lineage-arrow" />
        </marker>
        <marker id={`${markerId}-b`} viewBox="0 0 8 8" refX="7.5" refY="4" markerWidth="7" markerHeight="7" orient="auto">
          <path d="M0,0 L8,4 L0,8 z" className="lineage-arrow is-active" />
        </marker>
      </defs>
      {layout.families.map((f) => (
        <FamilyBox
          key={f.id}
          family={f}
          name={familyNames.get(f.id) ?? f.name}
          dimmed={f.memberIds.every((id) => !inFilter.has(id))}
          active={bases.includes(f.id)}
          onActivate={() => filterTo(f.id)}
        />
      ))}
      <g className="lineage-edges">
        {layout.edges.map((e) => {
          const active = [e.from, e.to].some((id) => id === hoveredId || id === selectedId);
          const dimmed = !inFilter.has(e.from) || !inFilter.has(e.to);
          return (
            <EdgePath
              key={`${e.from}>${e.to}`}
              edge={e}
              markerId={`${markerId}-${active ? 'b' : 'a'}`}
              active={active}
              dimmed={dimmed}
              tip={[
                edgeSentence(t, e.relation, names.get(e.to) ?? e.to, names.get(e.from) ?? e.from),
                e.sources.map((s) => sourceTitles.get(s) ?? s).join('; '),
                e.note,
              ]
                .filter(Boolean)
                .join(' · ')}
            />
          );
        })}
      </g>
      {layout.nodes.map((n) => {
        const selected = n.id === selectedId;
        const hovered = n.id === hoveredId;
        const isFilter = bases.includes(n.id);
        const dimmed = !inFilter.has(n.id);
        const name = names.get(n.id) ?? n.id;
        const description = [
          n.hasChildren
            ? t('lineage.node.filter', '{system}: show only {system} and what is built on it', { system: name })
            : t('lineage.node.select', '{system}: select it (nothing in the data is built on it)', { system: name }),
          dimmed ? t('lineage.node.dimmed', 'outside the current filters') : '',
        ]
          .filter(Boolean)
          .join(' · ');
        return (
          <g
            key={n.id}
            className={[
              'lineage-node',
              selected && 'is-selected',
              hovered && 'is-hovered',
              isFilter && 'is-filter',
              dimmed && 'is-dimmed',
              !n.hasChildren && 'is-leaf',
            ]
              .filter(Boolean)
              .join(' ')}
            transform={`translate(${n.x},${n.y})`}
            {...linkedMark(n.id, { pressed: n.hasChildren ? isFilter : selected, activate: () => activate(n) })}
            aria-label={description}
            data-tip={description}
            data-system-id={n.id}
            data-selected={selected ? 'true' : undefined}
            data-hovered={hovered ? 'true' : undefined}
            data-dimmed={dimmed ? 'true' : undefined}
          >
            <rect className="lineage-node-box" width={n.width} height={n.height} rx={6} />
            <text className="lineage-node-label" x={n.width / 2} y={n.height / 2 + (compact ? 3.5 : 4)} textAnchor="middle">
              {n.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function FamilyBox({
  family,
  name,
  dimmed,
  active,
  onActivate,
}: {
  family: LineageFamilyBox;
  name: string;
  dimmed: boolean;
  active: boolean;
  onActivate: () => void;
}) {
  const { t } = useT();
  const description = t('lineage.family.filter', '{family}: show only this family and what is built on it', { family: name });
  return (
    <g
      className={['lineage-family', active && 'is-filter', dimmed && 'is-dimmed'].filter(Boolean).join(' ')}
      transform={`translate(${family.x},${family.y})`}
    >
      <rect className="lineage-family-box" width={family.width} height={family.height} rx={8} />
      <g
        className="lineage-family-title"
        role="button"
        tabIndex={0}
        aria-label={description}
        aria-pressed={active}
        data-tip={description}
        data-family-id={family.id}
        onClick={onActivate}
        onKeyDown={onEnterOrSpace(onActivate)}
      >
        <rect className="lineage-family-hit" width={family.width} height={20} rx={8} />
        <text x={family.width / 2} y={14} textAnchor="middle">
          {family.title}
        </text>
      </g>
    </g>
  );
}

function EdgePath({
  edge,
  markerId,
  active,
  dimmed,
  tip,
}: {
  edge: LineageEdge;
  markerId: string;
  active: boolean;
  dimmed: boolean;
  tip: string;
}) {
  const d = edgePath(edge.points);
  return (
    <g
      className={['lineage-edge', active && 'is-active', dimmed && 'is-dimmed'].filter(Boolean).join(' ')}
      data-edge={`${edge.from}>${edge.to}`}
      data-relation={edge.relation}
    >
      <path className="lineage-edge-hit" d={d} data-tip={tip} />
      <path className="lineage-edge-line" d={d} strokeDasharray={RELATION_DASH[edge.relation]} markerEnd={`url(#${markerId})`} />
    </g>
  );
}
