import type { Fact, Modality, System } from '../data/schema';
import type { ModalityCategory, OpennessFacet } from '../store/filters-model';

/** A fact's value when it is a figure we can show (reported or estimated), else undefined. */
export function factValue<T>(f: Fact<T> | undefined): T | undefined {
  return f && (f.status === 'reported' || f.status === 'estimated') ? f.value : undefined;
}

export function modalityCategory(m: Modality): ModalityCategory {
  const kinds = new Set([...m.inputs, ...m.outputs]);
  const visual = kinds.has('image') || kinds.has('mask');
  const verbal = kinds.has('text') || kinds.has('code');
  if (visual && verbal) return 'multimodal';
  if (visual) return 'vision';
  if (kinds.has('code') && !kinds.has('text')) return 'code';
  return 'text';
}

export function systemModality(s: System): ModalityCategory | undefined {
  const m = factValue(s.modality);
  return m ? modalityCategory(m) : undefined;
}

/** Which parts of a system anyone can obtain (weights, training code, dataset). */
export function opennessOf(s: System): OpennessFacet[] {
  const out: OpennessFacet[] = [];
  if (factValue(s.weights)?.available) out.push('weights');
  if (factValue(s.trainingCode)?.available) out.push('code');
  if (factValue(s.dataset)?.available) out.push('data');
  return out;
}

/** "YYYY-MM" of the release, when the release date is known (not for unknown/undisclosed dates). */
export function releaseMonth(s: System): string | undefined {
  return factValue(s.release)?.date.slice(0, 7);
}

/** Sortable release key: month-precision dates sort as the first of their month. */
export function releaseSortKey(s: System): string | undefined {
  const d = factValue(s.release);
  if (!d) return undefined;
  return d.precision === 'month' ? `${d.date}-01` : d.date;
}
