/*
 * The sentences an import report holds (a rejected row's reason, a warning, why a file is refused).
 * The worker writes them in English, the report's language in files and tests; the dialog shows them
 * in the reader's language by matching the English against these templates and translating the
 * template with the values it held. A sentence no template matches is shown as written.
 */

type Vars = Record<string, string | number>;

/** Vars are filled where the text is used (`importText`); this marks the table's entries. */
const FILLED_WHERE_USED: Vars | undefined = undefined;

interface ImportTemplate {
  key: string;
  english: string;
}

/** A table entry, written as t(key, English) so the i18n test finds the key and checks its Chinese. */
function t(key: string, english: string, _vars?: Vars): ImportTemplate {
  return { key, english };
}

const TEMPLATES = {
  negative: t('import.text.negative', 'negative value “{cell}”', FILLED_WHERE_USED),
  notNumber: t('import.text.not-number', 'not a number: “{cell}”', FILLED_WHERE_USED),
  tooLarge: t('import.text.too-large', 'too large to be a number: “{cell}”', FILLED_WHERE_USED),
  zero: t('import.text.zero', 'zero is not a value here: “{cell}”', FILLED_WHERE_USED),
  notRealDate: t('import.text.not-real-date', 'the file gives “{cell}”, not a real date', FILLED_WHERE_USED),
  unreadableDate: t('import.text.unreadable-date', 'the file gives “{cell}”, not a date we can read', FILLED_WHERE_USED),
  notHttp: t('import.text.not-http', 'not an http(s) link: “{cell}”', FILLED_WHERE_USED),
  notLink: t('import.text.not-link', 'not a valid link: “{cell}”', FILLED_WHERE_USED),
  tooLong: t('import.text.too-long', 'longer than {max} characters', FILLED_WHERE_USED),
  noName: t('import.text.no-name', 'no name'),
  duplicateRow: t('import.text.duplicate-row', 'duplicate of row {row} (same name and date)', FILLED_WHERE_USED),
  duplicateId: t('import.text.duplicate-id', 'duplicate id “{id}”', FILLED_WHERE_USED),
  recordNotOurs: t('import.text.record-not-ours', 'the record column is not a record of this dashboard (JSON with “system”)'),
  recordEmpty: t('import.text.record-empty', 'the record column is empty'),
  utf16Le: t('import.text.utf16-le', 'The file is UTF-16 (little-endian); it was read as such.'),
  utf16Be: t('import.text.utf16-be', 'The file is UTF-16 (big-endian); it was read as such.'),
  windows1252: t('import.text.windows-1252', 'The file is not valid UTF-8; read as Windows-1252 — check accented names.'),
  ownCsvWithoutRecord: t(
    'import.text.own-csv-without-record',
    'This looks like this dashboard’s CSV without its record column: only name, organization, release date and parameters are read from the display text.',
  ),
  tooBig: t('import.text.too-big', 'the file is {size}; the limit is {limit}', FILLED_WHERE_USED),
  empty: t('import.text.empty', 'the file is empty'),
  notText: t('import.text.not-text', 'the file is not text (it holds NUL bytes); import a CSV or JSON file'),
  blank: t('import.text.blank', 'the file is empty (only blank space)'),
  noHeader: t('import.text.no-header', 'the file has no header row'),
  wholeRecord: t('import.text.whole-record', 'the whole record (system and its sources)'),
} satisfies Record<string, ImportTemplate>;

export type ImportTextId = keyof typeof TEMPLATES;

function fill(template: string, vars: Vars = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The English sentence, as the report stores it. */
export function importText(id: ImportTextId, vars?: Vars): string {
  return fill(TEMPLATES[id].english, vars);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each template as a pattern that gives back its values ("negative value “-3”" → {value: "-3"}). */
const PATTERNS = Object.values(TEMPLATES).map((tpl) => ({
  ...tpl,
  pattern: new RegExp(
    `^${tpl.english
      .split(/(\{\w+\})/)
      .map((part) => (/^\{\w+\}$/.test(part) ? `(?<${part.slice(1, -1)}>[\\s\\S]*?)` : escape(part)))
      .join('')}$`,
  ),
}));

/** A report sentence in the reader's language: `translate` is the UI's t(). */
export function translateImportText(translate: (key: string, english: string, vars?: Vars) => string, text: string): string {
  for (const p of PATTERNS) {
    const m = p.pattern.exec(text);
    if (m) return translate(p.key, p.english, { ...m.groups });
  }
  return text;
}
