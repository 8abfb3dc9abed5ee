import type { Source } from '../data/schema';
import { FIELD_IDS, type FieldId } from '../data/fields';
import { translate } from '../i18n/i18n';
import { LOCALES } from '../i18n/i18n';
import { fieldLabel } from '../selectors/system-fields';
import { EPOCH_ALIASES, type CsvField, type MapProfile } from './epoch';
import { clip, normaliseHeader } from './values';

/*
 * Any CSV whose header names a field we know: Epoch's columns, common names in English and
 * Chinese, and the column labels of this dashboard's own CSV in either language (a spreadsheet
 * user may have deleted its record column). Facts cite the imported file itself.
 */

/** Our table's label of a field in every UI language ("Name", "名称"). */
function ourLabels(id: FieldId): string[] {
  return LOCALES.map((locale) => fieldLabel((key, english, vars) => translate(locale, key, english, vars), id));
}

export function genericAliases(): Record<CsvField, readonly string[]> {
  const extra: Partial<Record<CsvField, string[]>> = {
    name: ['name', 'model name', 'system name', '名称', '模型', '模型名称', ...ourLabels('name')],
    organization: ['organizations', 'org', 'developer', 'organisation(s)', '机构', '组织', ...ourLabels('organization')],
    release: ['release date', 'date', 'released', 'release', '发布', '发布日期', '日期', ...ourLabels('release')],
    parameters: ['params', 'parameter count', '参数', '参数量', ...ourLabels('parameters')],
  };
  const out = {} as Record<CsvField, readonly string[]>;
  for (const field of Object.keys(EPOCH_ALIASES) as CsvField[]) out[field] = [...EPOCH_ALIASES[field], ...(extra[field] ?? [])];
  return out;
}

/** How many headers are labels of this dashboard's own table (in any language). */
export function ownLabelCount(header: readonly string[]): number {
  const labels = new Set(FIELD_IDS.flatMap((id) => ourLabels(id).map(normaliseHeader)));
  return header.filter((h) => labels.has(normaliseHeader(h))).length;
}

/** The file's name as facts cite it: short enough for a source title and a summary. */
const shownName = (fileName: string) => clip(fileName.trim(), 200);

export function importFileSource(fileName: string): Source {
  return { id: 'import-file', title: `Imported file “${shownName(fileName) || 'without a name'}”`, grade: 'imported' };
}

export function genericProfile(fileName: string): MapProfile {
  return {
    source: importFileSource(fileName),
    estimator: 'as given in the imported file',
    summarySuffix: `(imported from “${shownName(fileName) || 'a file'}”)`,
    compactNumbers: true,
    columnsOf: 'the file’s',
  };
}
