import type { Fact, SystemKind } from '../data/schema';
import type { Translate } from './system-fields';

/*
 * Why a chart leaves a system out. Every value chart (training cost, GPU-hours, CO₂) uses the same
 * four reasons, so "N of M" counts the same M in every chart: `not-recorded`, a model with no entry
 * at all (the fact sheet gives nothing for it); `not-applicable`, a paper, event, library or app,
 * which trains no model of its own; `not-disclosed` and `unknown`, as the dataset's fact says.
 */

export type LeftOutReason = 'not-disclosed' | 'unknown' | 'not-recorded' | 'not-applicable';

/** The reason, and the fact's own note, for a system whose one fact is missing or not a figure. */
export function missingFactReason(kind: SystemKind, fact: Fact<unknown> | undefined): { reason: LeftOutReason; note?: string } {
  if (!fact) return { reason: kind === 'model' ? 'not-recorded' : 'not-applicable' };
  // A paper or event may carry an unknown fact only to hold the talk's claim about it (PyTorch 2.0's
  // carbon claim); it still trained no model, so no chart asks it for a figure.
  if (kind !== 'model' && fact.status === 'unknown') return { reason: 'not-applicable' };
  if (fact.status === 'not-disclosed') return { reason: 'not-disclosed', note: fact.note };
  return { reason: 'unknown', note: fact.status === 'unknown' ? fact.note : undefined };
}

/**
 * "not disclosed — Not published.": the reason in words, then the dataset's note. "not disclosed"
 * and "unknown" read the same in every chart; each chart words the other two reasons itself
 * (`ownWords`), under its own translation keys.
 */
export function leftOutReasonText(
  l: { reason: LeftOutReason; note?: string },
  t: Translate,
  ownWords: (reason: 'not-recorded' | 'not-applicable') => string,
): string {
  const word =
    l.reason === 'not-disclosed'
      ? t('fact.not-disclosed', 'not disclosed')
      : l.reason === 'unknown'
        ? t('fact.unknown-short', 'unknown')
        : ownWords(l.reason);
  return l.note ? `${word} — ${l.note}` : word;
}
