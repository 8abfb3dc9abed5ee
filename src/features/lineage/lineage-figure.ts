import type { Dataset } from '../../data/schema';
import { countNote, figureFooter, figureSourceNote, leftOutNotes, moreNotesTemplate } from '../../components/figure/figure-chrome';
import type { FigureModel, FigureNote, FigureTable, GraphPlot, LegendEntry } from '../../components/figure/figure-model';
import { formatInteger } from '../../i18n/format';
import type { Translator } from '../../i18n/use-t';
import { estimateGlyphWidth } from '../../lib/measure-text';
import { describeFilters } from '../../selectors/filter-summary';
import { selectFilteredSystems } from '../../selectors/filtered-systems';
import { lineageSubset } from '../../selectors/lineage';
import { layoutLineage, type LineageEdge, type LineageRelation } from '../../selectors/lineage-layout';
import { MAX_LINEAGE_SYSTEMS } from '../../selectors/mark-cap';
import { idSetOf } from '../../selectors/systems-by-id';
import type { Filters } from '../../store/filters-model';

/*
 * The lineage figure as data: the same layered layout as the screen (laid out with the export's
 * text measure, so its boxes fit the exported type), which systems are faded by the filters and
 * which are the base-model filter, the relations' legend, and the notes without the screen's
 * "click a box" hints.
 */

export const RELATION_DASH: Record<LineageRelation, string | undefined> = {
  'fine-tuned-from': undefined,
  component: '6 3',
  wraps: '1.5 3',
  'successor-of': '9 3 2 3',
};
export const RELATIONS = Object.keys(RELATION_DASH) as LineageRelation[];

/** Short relation names for the legend and the table: what the derived model is to its base. */
export function relationLabel(t: Translator['t'], r: LineageRelation): string {
  switch (r) {
    case 'fine-tuned-from':
      return t('lineage.relation.fine-tuned-from', 'fine-tune');
    case 'component':
      return t('lineage.relation.component', 'uses it as a component');
    case 'wraps':
      return t('lineage.relation.wraps', 'wrapper (an app around it)');
    case 'successor-of':
      return t('lineage.relation.successor-of', 'successor');
  }
}

/** Smooth left-to-right curve through the points (horizontal tangents at each point). */
export function edgePath(points: { x: number; y: number }[]): string {
  const [first, ...rest] = points;
  const n = (v: number) => Math.round(v * 10) / 10;
  let d = `M${n(first.x)},${n(first.y)}`;
  let prev = first;
  for (const p of rest) {
    const mid = n((prev.x + p.x) / 2);
    d += ` C${mid},${n(prev.y)} ${mid},${n(p.y)} ${n(p.x)},${n(p.y)}`;
    prev = p;
  }
  return d;
}

/** The data table of the links drawn, on screen ("Show data", CSV) and in the figure. */
export function lineageTable(
  edges: readonly LineageEdge[],
  names: ReadonlyMap<string, string>,
  sourceTitles: ReadonlyMap<string, string>,
  t: Translator['t'],
): FigureTable {
  return {
    columns: [
      t('lineage.col.base', 'Base model'),
      t('lineage.col.derived', 'Built on it'),
      t('lineage.col.relation', 'Relation'),
      t('lineage.col.source', 'Source'),
      t('lineage.col.note', 'Note'),
    ],
    rows: edges.map((e) => ({
      id: `${e.from}>${e.to}`,
      cells: [
        names.get(e.from) ?? e.from,
        names.get(e.to) ?? e.to,
        relationLabel(t, e.relation),
        e.sources.map((s) => sourceTitles.get(s) ?? s).join('; '),
        e.note ?? '',
      ],
    })),
  };
}

const FONT = 12;
/** The export's measure: the screen's estimate, a little wider (as the figure renderer measures). */
const measure = (s: string) => estimateGlyphWidth(s, FONT) * 1.08;
const measureTitle = (s: string) => estimateGlyphWidth(s, FONT) * 1.08 * 1.08;

export interface LineageFigureInput {
  dataset: Dataset;
  filters: Filters;
  selectedId: string | null;
  link: string;
  translator: Pick<Translator, 't' | 'tn' | 'locale'>;
}

export function buildLineageFigure({ dataset, filters, selectedId, link, translator }: LineageFigureInput): FigureModel<GraphPlot> {
  const { t, locale } = translator;
  const systems = selectFilteredSystems(dataset, filters);
  const inFilter = idSetOf(systems);
  const trees = lineageSubset(dataset.systems, MAX_LINEAGE_SYSTEMS, [selectedId]);
  const drawn = trees.capped ? { systems: trees.systems, families: dataset.families } : dataset;
  const layout = layoutLineage(drawn, { measure, measureTitle });
  const names = new Map(dataset.systems.map((s) => [s.id, s.name]));
  const sourcesById = new Map(dataset.sources.map((s) => [s.id, s]));
  const treeIds = new Set(layout.nodes.map((n) => n.id));
  const keptIds = trees.capped ? idSetOf(trees.systems) : null;
  const shown = systems.filter((s) => treeIds.has(s.id)).length;
  const bases = new Set(filters.bases);
  const sourceIds = [...new Set(layout.edges.flatMap((e) => e.sources))];

  const capped = t('lineage.left-out.capped', 'not among the systems drawn (see the note above)');
  const isolated = t('lineage.left-out.isolated', 'no base-model link in the data');
  const leftOut = systems
    .filter((s) => !treeIds.has(s.id))
    .map((s) => ({
      name: s.name,
      reason: keptIds && !keptIds.has(s.id) && (s.baseModels.length > 0 || s.family !== undefined) ? capped : isolated,
    }));
  const notes: FigureNote[] = [
    ...(trees.capped
      ? [
          {
            essential: true,
            text: t(
              'lineage.cap-note',
              'Showing {shown} of {total} systems with a lineage link: the largest trees, from their base models outward; the explorer table has all of them.',
              { shown: formatInteger(layout.nodes.length, locale), total: formatInteger(trees.total, locale) },
            ),
          },
        ]
      : []),
    countNote(translator, shown, systems.length),
    ...leftOutNotes(translator, leftOut),
    {
      essential: true,
      text: t(
        'lineage.footnote.sizes',
        'Sizes of one model (LLaMA 7B–65B, Vicuna 7B/13B, Dolly 1.0/2.0) share a box; each arrow starts at the exact size a model was built on.',
      ),
    },
    ...(systems.length !== dataset.systems.length
      ? [{ text: t('lineage.footnote.dimmed', 'The whole tree stays visible; systems outside the current filters are faded.') }]
      : []),
  ];
  const legend: LegendEntry[] = RELATIONS.map((r) => ({ swatch: { kind: 'line', dash: RELATION_DASH[r] }, label: relationLabel(t, r) }));
  // The filter's heavy outline needs its key only when a base-model filter is set.
  if (bases.size > 0) legend.push({ swatch: { kind: 'outline' }, label: t('lineage.legend.filter', 'the current base-model filter') });
  return {
    id: 'lineage',
    lang: locale,
    title: t('lineage.title', 'Lineage'),
    subtitle: describeFilters(filters, dataset, t, locale),
    description: t(
      'lineage.figure-description',
      'Which model is built on which: base models on the left, arrows to the models made from them.',
    ),
    plot: {
      kind: 'graph',
      width: layout.width,
      height: layout.height,
      fontSize: FONT,
      nodes: layout.nodes.map((n) => ({
        id: n.id,
        label: n.label,
        x: n.x,
        y: n.y,
        width: n.width,
        height: n.height,
        dimmed: !inFilter.has(n.id),
        filter: bases.has(n.id),
      })),
      families: layout.families.map((f) => ({
        id: f.id,
        title: f.title,
        x: f.x,
        y: f.y,
        width: f.width,
        height: f.height,
        dimmed: f.memberIds.every((id) => !inFilter.has(id)),
        filter: bases.has(f.id),
      })),
      edges: layout.edges.map((e) => ({
        id: `${e.from}>${e.to}`,
        d: edgePath(e.points),
        dash: RELATION_DASH[e.relation],
        dimmed: !inFilter.has(e.from) || !inFilter.has(e.to),
      })),
      empty: t('lineage.empty', 'No system in view has a base-model link.'),
    },
    legend,
    notes,
    sourceNote: figureSourceNote(translator, sourceIds, sourcesById),
    moreNotes: moreNotesTemplate(translator),
    sourceIds,
    table: lineageTable(layout.edges, names, new Map(dataset.sources.map((src) => [src.id, src.title])), t),
    footer: figureFooter(translator, dataset, sourceIds, link),
  };
}
