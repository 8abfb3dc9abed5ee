import type { Dataset, Source } from '../data/schema';

/*
 * How well sourced the dataset's figures are, for the footer: a figure is a fact with a value
 * (reported or estimated) in a system or in the reference figures; it counts under the best grade
 * among the sources it cites. A source's grade says how it was read (a paper seen only in a news
 * copy is "secondary"), so this counts what was actually checked, not what could have been.
 */

export type FigureGrade = Source['grade'];
export type FigureGradeCounts = Record<FigureGrade, number> & { total: number };

/** Best first: a figure backed by any primary reading counts as primary. */
const GRADE_ORDER: readonly FigureGrade[] = ['primary', 'epoch', 'secondary', 'imported'];

export function countFigureGrades(dataset: Pick<Dataset, 'sources' | 'systems' | 'reference'>): FigureGradeCounts {
  const rank = new Map<string, number>(dataset.sources.map((s) => [s.id, GRADE_ORDER.indexOf(s.grade)]));
  const counts: FigureGradeCounts = { total: 0, primary: 0, epoch: 0, secondary: 0, imported: 0 };
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const item of v) if (item && typeof item === 'object') visit(item);
      return;
    }
    if (!v || typeof v !== 'object') return;
    const obj = v as Record<string, unknown>;
    if ((obj.status === 'reported' || obj.status === 'estimated') && Array.isArray(obj.sources)) {
      let best = GRADE_ORDER.length;
      for (const id of obj.sources) best = Math.min(best, rank.get(id as string) ?? GRADE_ORDER.length);
      // A figure whose sources are all missing from the list has no grade to count (validation rejects it anyway).
      if (best < GRADE_ORDER.length) {
        counts[GRADE_ORDER[best]] += 1;
        counts.total += 1;
      }
    }
    for (const k in obj) {
      if (!Object.hasOwn(obj, k)) continue;
      const inner = obj[k];
      // A talk claim's value is the talk's, not a figure of ours.
      if (k !== 'talk' && inner && typeof inner === 'object') visit(inner);
    }
  };
  visit(dataset.systems);
  visit(dataset.reference);
  return counts;
}
