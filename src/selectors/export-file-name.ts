import { slugify } from '../lib/export-panel';
import type { Filters } from '../store/filters-model';

/** The active filters as a short slug: `llama-family`, `all` with none, several joined by `+`. */
export function filterSlug(filters: Filters, familyIds: ReadonlySet<string>): string {
  const parts: string[] = [];
  for (const o of filters.organizations) parts.push(slugify(o));
  for (const b of filters.bases) parts.push(familyIds.has(b) ? `${slugify(b)}-family` : slugify(b));
  parts.push(...filters.modalities);
  for (const o of filters.openness) parts.push(`open-${o}`);
  parts.push(...filters.kinds);
  if (filters.dateFrom || filters.dateTo) parts.push(`${filters.dateFrom ?? 'start'}-to-${filters.dateTo ?? 'end'}`);
  const q = slugify(filters.query.trim());
  if (q) parts.push(`q-${q}`);
  const slug = parts.filter(Boolean).join('+');
  if (!slug) return filters.query.trim() ? 'search' : 'all';
  return slug.length > 60 ? `${slug.slice(0, 60).replace(/[+-]+$/, '')}+more` : slug;
}

/** `training-cost_llama-family_2025-11.png`: panel, filters, the data's month (from `asOf`). */
export function exportFileName(opts: {
  panelId: string;
  filters: Filters;
  familyIds: ReadonlySet<string>;
  asOf: string;
  ext: string;
  suffix?: string;
}): string {
  const month = /^\d{4}-\d{2}/.exec(opts.asOf)?.[0] ?? 'undated';
  return `${opts.panelId}_${filterSlug(opts.filters, opts.familyIds)}_${month}${opts.suffix ?? ''}.${opts.ext}`;
}
