import type { Dataset } from '../data/schema';
import { formatMonth, type Locale } from '../i18n/format';
import { kindLabel, modalityLabel, opennessLabel } from '../i18n/labels';
import type { Filters } from '../store/filters-model';
import { selectBaseOptions } from './filtered-systems';
import { baseOptionLabel, type BaseOption } from './lineage';
import { organizationName } from './organizations';
import { cached } from '../lib/cache';
import type { Translate } from './system-fields';

// Every chart frame describes the filters on every click: the labels are looked up once per dataset.
const optionsCache = new WeakMap<Dataset, Map<string, BaseOption>>();
function baseOptions(dataset: Dataset): Map<string, BaseOption> {
  return cached(optionsCache, dataset, (d) => new Map(selectBaseOptions(d).map((o) => [o.id, o])));
}

/**
 * The active filters in words, for chart subtitles (and exported images): a chart cut out of the
 * page must still say what it shows. Empty filters read "All systems".
 */
export function describeFilters(filters: Filters, dataset: Dataset, t: Translate, locale: Locale): string {
  const parts: string[] = [];
  const bases = baseOptions(dataset);
  if (filters.organizations.length) {
    const names = filters.organizations.map((id) => organizationName(dataset, id, locale));
    parts.push(`${t('filters.organization', 'Organization')}: ${names.join(', ')}`);
  }
  if (filters.bases.length)
    parts.push(
      `${t('filters.base-model', 'Base model')}: ${filters.bases
        .map((b) => {
          const o = bases.get(b);
          return o ? baseOptionLabel(o, locale) : b;
        })
        .join(', ')}`,
    );
  if (filters.modalities.length)
    parts.push(`${t('filters.modality', 'Modality')}: ${filters.modalities.map((m) => modalityLabel(t, m)).join(', ')}`);
  if (filters.openness.length) parts.push(filters.openness.map((o) => opennessLabel(t, o)).join(', '));
  if (filters.kinds.length) parts.push(`${t('filters.kind', 'Kind')}: ${filters.kinds.map((k) => kindLabel(t, k)).join(', ')}`);
  if (filters.dateFrom || filters.dateTo) {
    const from = filters.dateFrom ? formatMonth(filters.dateFrom, locale) : '…';
    const to = filters.dateTo ? formatMonth(filters.dateTo, locale) : '…';
    parts.push(`${t('filters.release-range', 'Release date range')}: ${from} – ${to}`);
  }
  if (filters.query.trim()) parts.push(`${t('filters.search', 'Search')}: “${filters.query.trim()}”`);
  return parts.length ? parts.join(' · ') : t('filters.none', 'All systems');
}
