import { formatEventDate } from '../../i18n/format';
import type { Translator } from '../../i18n/use-t';
import { annotationBadge, type Annotation, type AnnotationPanel } from '../../store/annotations-model';
import type { FigureBarRow, FigureNote } from './figure-model';

/*
 * A panel's annotations made ready to draw, the same for the screen and every export: a badge
 * (① … ⑧, in the order they were added) on each callout and band, the badge added to its system's
 * value label (so the plot's own label placement keeps it clear of every mark and other label),
 * value and date anchors and ranges as guides in data units, and the texts as a key under the
 * figure. What cannot be drawn in this view (a system filtered out, a date outside the window)
 * is counted and said, never drawn at a guess.
 */

/** A line at a value or date, or a shaded range, in the axis's units (UTC ms for dates). */
export type PlotGuide = { kind: 'line'; at: number; badge: string } | { kind: 'band'; from: number; to: number; badge: string };

/** One annotation as the data table lists it. */
export interface AnnotationRow {
  /** Its place in the store's list (for the editor). */
  index: number;
  badge: string;
  type: Annotation['type'];
  /** What it is anchored to, as the reader sees it ("LLaMA-65B", "$1M", "1 Feb 2023 – 30 Apr 2023"); '' for a note. */
  target: string;
  text: string;
  /** Why it is not drawn in this view; undefined: drawn. */
  hidden?: 'not-in-view' | 'outside';
}

export interface ResolvedAnnotations {
  /** Badges to add to a system's value label, by system id ("①", or "①③" for two callouts). */
  badges: ReadonlyMap<string, string>;
  guides: PlotGuide[];
  /** The key (one line per callout and band), the notes, and what was hidden. */
  notes: FigureNote[];
  rows: AnnotationRow[];
}

export interface AnnotationContext {
  /** The name of a system drawn on the panel; undefined when it is not in view. */
  drawnName: (systemId: string) => string | undefined;
  /** A value on the panel's axis, formatted as its ticks are. */
  formatValue?: (value: number) => string;
  /** The axis's extent (values or UTC ms): a guide wholly outside it is not drawn. */
  domain?: readonly [number, number];
}

const DAY_MS = 86_400_000;
const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

export const NO_ANNOTATIONS: ResolvedAnnotations = { badges: new Map(), guides: [], notes: [], rows: [] };

export function resolveAnnotations(
  all: readonly Annotation[],
  panel: AnnotationPanel,
  ctx: AnnotationContext,
  { t, tn, locale }: Pick<Translator, 't' | 'tn' | 'locale'>,
): ResolvedAnnotations {
  if (!all.some((a) => a.panel === panel)) return NO_ANNOTATIONS;
  const badges = new Map<string, string>();
  const guides: PlotGuide[] = [];
  const key: FigureNote[] = [];
  const plain: FigureNote[] = [];
  const rows: AnnotationRow[] = [];
  const day = (iso: string) => formatEventDate({ date: iso, precision: 'day' }, locale);
  const value = (v: number) => ctx.formatValue?.(v) ?? String(v);
  const inDomain = (from: number, to: number) => !ctx.domain || (to >= ctx.domain[0] && from <= ctx.domain[1]);
  let n = 0;
  all.forEach((a, index) => {
    if (a.panel !== panel) return;
    if (a.type === 'note') {
      rows.push({ index, badge: '', type: 'note', target: '', text: a.text });
      plain.push({ text: a.text, essential: true });
      return;
    }
    const badge = annotationBadge(n++);
    let target: string;
    let hidden: AnnotationRow['hidden'];
    if (a.type === 'callout') {
      const anchor = a.anchor;
      if (anchor.kind === 'system') {
        const name = ctx.drawnName(anchor.id);
        target = name ?? anchor.id;
        if (name === undefined) hidden = 'not-in-view';
        else badges.set(anchor.id, `${badges.get(anchor.id) ?? ''}${badge}`);
      } else {
        const at = anchor.kind === 'value' ? anchor.value : dayMs(anchor.date);
        target = anchor.kind === 'value' ? value(anchor.value) : day(anchor.date);
        if (inDomain(at, at)) guides.push({ kind: 'line', at, badge });
        else hidden = 'outside';
      }
    } else {
      const r = a.range;
      const [from, to] = r.kind === 'value' ? [r.from, r.to] : [dayMs(r.from), dayMs(r.to) + DAY_MS];
      target = r.kind === 'value' ? `${value(r.from)} – ${value(r.to)}` : `${day(r.from)} – ${day(r.to)}`;
      if (inDomain(from, to)) guides.push({ kind: 'band', from, to, badge });
      else hidden = 'outside';
    }
    rows.push({ index, badge, type: a.type, target, text: a.text, hidden });
    if (!hidden)
      key.push({
        text: t('annotations.key-line', '{badge} {target}: {annotationText}', { badge, target, annotationText: a.text }),
        essential: true,
      });
  });
  const notes = [...key, ...plain];
  const notInView = rows.filter((r) => r.hidden === 'not-in-view').length;
  const outside = rows.filter((r) => r.hidden === 'outside').length;
  if (notInView > 0)
    notes.push({
      essential: true,
      text: tn(
        'annotations.hidden-not-in-view',
        notInView,
        '{count} annotation hidden: its model is not in view',
        '{count} annotations hidden: their models are not in view',
      ),
    });
  if (outside > 0)
    notes.push({
      essential: true,
      text: tn(
        'annotations.hidden-outside',
        outside,
        '{count} annotation hidden: it lies outside the chart’s axis',
        '{count} annotations hidden: they lie outside the chart’s axis',
      ),
    });
  return { badges, guides, notes, rows };
}

/** A value label with its badges: "$4.6M ①". */
export function withBadge(label: string, badge: string | undefined): string {
  return badge ? `${label} ${badge}` : label;
}

/** The systems a panel's callouts are anchored to: drawn even where a cap on marks would leave them out. */
export function calloutSystemIds(all: readonly Annotation[], panel: AnnotationPanel): string[] {
  return all.flatMap((a) => (a.panel === panel && a.type === 'callout' && a.anchor.kind === 'system' ? [a.anchor.id] : []));
}

/**
 * A bar figure's rows with a panel's annotations resolved against them: each callout's badge in
 * both value labels of its row, which is then kept (like the rows a key note names) in any box.
 */
export function annotateBarRows(
  all: readonly Annotation[],
  panel: AnnotationPanel,
  rows: readonly FigureBarRow[],
  axis: Omit<AnnotationContext, 'drawnName'>,
  translator: Pick<Translator, 't' | 'tn' | 'locale'>,
): { rows: FigureBarRow[]; annotated: ResolvedAnnotations } {
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const annotated = resolveAnnotations(all, panel, { ...axis, drawnName: (id) => names.get(id) }, translator);
  if (annotated.badges.size === 0) return { rows: [...rows], annotated };
  return {
    annotated,
    rows: rows.map((r) => {
      const badge = annotated.badges.get(r.id);
      if (!badge) return r;
      return { ...r, label: { full: withBadge(r.label.full, badge), short: withBadge(r.label.short, badge) }, essential: true };
    }),
  };
}
