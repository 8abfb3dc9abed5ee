import type { Dataset } from '../data/schema';
import { formatMonth, type Locale } from '../i18n/format';
import { kindLabel, modalityLabel, opennessLabel } from '../i18n/labels';
import type { Filters } from '../store/filters-model';
import { selectBaseOptions } from './filtered-systems';
import { baseOptionLabel } from './lineage';
import { organizationName } from './organizations';
import type { Translate } from './system-fields';

/**
 * The active filters in words, for chart subtitles (and exported images): a chart cut out of the
 * page must still say what it shows. Empty filters read "All systems".
 */
export function describeFilters(filters: Filters, dataset: Dataset, t: Translate, locale: Locale): string {
  const parts: string[] = [];
  if (filters.organizations.length) {
    const names = filters.organizations.map((id) => organizationName(dataset, id, locale));
    parts.push(`${t('filters.organization', 'Organization')}: ${names.join(', ')}`);
  }
  if (filters.bases.length)
    parts.push(
      `${t('filters.base-model', 'Base model')}: ${filters.bases
        .map((b) => {
          const o = selectBaseOptions(dataset).find((option) => option.id === b);
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
