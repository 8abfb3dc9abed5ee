/*
 * The sentences an import report holds (a rejected row's reason, a warning, why a file is refused).
 * The worker writes them in English, the report's language in files and tests; the dialog shows them
 * in the reader's language by matching the English against these templates and translating the
 * template with the values it held. A sentence no template matches is shown as written.
 */

type Vars = Record<string, string | number>;

/** Vars are filled where the text is used (`importText`); this marks the table's entries. */
const FILLED_WHERE_USED: Vars | undefined = undefined;

interface ImportTemplate<E extends string = string> {
  key: string;
  english: E;
}

/** A table entry, written as t(key, English) so the i18n test finds the key and checks its Chinese. */
function t<const E extends string>(key: string, english: E, _vars?: Vars): ImportTemplate<E> {
  return { key, english };
}

/** The {placeholders} of a template, as a type: a call that names one wrongly does not compile. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
type VarsOf<Id extends ImportTextId> = Record<Placeholders<(typeof TEMPLATES)[Id]['english']>, string | number>;

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
  utf16LeNoBom: t('import.text.utf16-le-no-bom', 'The file is UTF-16 (little-endian) without a byte order mark; it was read as such.'),
  utf16BeNoBom: t('import.text.utf16-be-no-bom', 'The file is UTF-16 (big-endian) without a byte order mark; it was read as such.'),
  unreadable: t('import.text.unreadable', 'the file could not be read ({error})', FILLED_WHERE_USED),
  noRecords: t('import.text.no-records', 'the file holds no records'),
  rowProblem: t('import.text.row-problem', 'row {row}, {field}: {reason}', FILLED_WHERE_USED),
  onlyRowRejected: t('import.text.only-row-rejected', 'no row could be imported: the only row was rejected ({why})', FILLED_WHERE_USED),
  allRowsRejected: t(
    'import.text.all-rows-rejected',
    'no row could be imported: all {rows} rows were rejected (the first: {why})',
    FILLED_WHERE_USED,
  ),
  invalidJson: t('import.text.invalid-json', 'the file starts like JSON but is not valid JSON ({error})', FILLED_WHERE_USED),
  malformedOne: t('import.text.malformed-one', 'The CSV is malformed in 1 place; read as far as it goes ({problems}).', FILLED_WHERE_USED),
  malformedMany: t(
    'import.text.malformed-many',
    'The CSV is malformed in {places} places; read as far as it goes ({problems}).',
    FILLED_WHERE_USED,
  ),
  noNameColumn: t(
    'import.text.no-name-column',
    'no name column (expected e.g. “Model”, “System”, “Name” or “名称”); the columns are {columns}',
    FILLED_WHERE_USED,
  ),
  sourceKeptAs: t(
    'import.text.source-kept-as',
    'The imported source “{source}” differs from the current one of that id; it is kept as “{id}”.',
    FILLED_WHERE_USED,
  ),
  systemTakesId: t('import.text.system-takes-id', 'The imported “{system}” takes the id “{id}” (“{taken}” is taken).', FILLED_WHERE_USED),
  talkTablesDropped: t(
    'import.text.talk-tables-dropped',
    '{tables} of the talk’s tables name models no longer in the dataset and are left out.',
    FILLED_WHERE_USED,
  ),
  familyUndeclared: t(
    'import.text.family-undeclared',
    '“{system}” names the family “{family}”, which is not declared; the family is left out.',
    FILLED_WHERE_USED,
  ),
  basesNotFound: t('import.text.bases-not-found', 'Base models not found, links left out: {names}.', FILLED_WHERE_USED),
  cycleLinks: t('import.text.cycle-links', 'Base-model links dropped because they would make a cycle: {links}.', FILLED_WHERE_USED),
  cycleAfterMerge: t(
    'import.text.cycle-after-merge',
    'Base-model link {link} dropped: after merging it made a cycle ({cycle}).',
    FILLED_WHERE_USED,
  ),
  costYearIgnored: t(
    'import.text.cost-year-ignored',
    'The column “{column}” has dollars of {year}; only 2015–2030 are read, so it is ignored.',
    FILLED_WHERE_USED,
  ),
  pendingBaseOne: t(
    'import.text.pending-base-one',
    '1 base model is not in the file; it is looked up in the current dataset when merged: {names}.',
    FILLED_WHERE_USED,
  ),
  pendingBaseMany: t(
    'import.text.pending-base-many',
    '{bases} base models are not in the file; they are looked up in the current dataset when merged: {names}.',
    FILLED_WHERE_USED,
  ),
  sourceInvalid: t('import.text.source-invalid', 'Source “{id}” is not valid and is left out ({field}: {reason}).', FILLED_WHERE_USED),
  sourceTwice: t('import.text.source-twice', 'Source “{id}” appears twice with different content; the first is kept.', FILLED_WHERE_USED),
  sourcesMissingOne: t(
    'import.text.sources-missing-one',
    'The records cite 1 source not in the file; it must exist in the current dataset: {ids}.',
    FILLED_WHERE_USED,
  ),
  sourcesMissingMany: t(
    'import.text.sources-missing-many',
    'The records cite {sources} sources not in the file; they must exist in the current dataset: {ids}.',
    FILLED_WHERE_USED,
  ),
  jsonHoldsNoRecords: t(
    'import.text.json-holds-no-records',
    'the JSON is {kind}, which holds no records (expected this dashboard’s export: an object with “systems”, or a list of records)',
    FILLED_WHERE_USED,
  ),
  jsonNoSystems: t('import.text.json-no-systems', 'the JSON has no “systems” list (its keys: {keys})', FILLED_WHERE_USED),
  jsonSystemsNotList: t('import.text.json-systems-not-list', 'the JSON’s “systems” is {kind}, not a list of records', FILLED_WHERE_USED),
  fullDataset: t(
    'import.text.full-dataset',
    'The file is a full dataset: its systems, sources and families are imported; its reference figures and the talk’s tables are not.',
  ),
  notFinite: t('import.text.not-finite', 'not a finite number: “{cell}”', FILLED_WHERE_USED),
  notHttpNoLink: t('import.text.not-http-no-link', 'not an http(s) link, not made a link: “{cell}”', FILLED_WHERE_USED),
  notValidRecord: t('import.text.not-valid-record', 'not a valid record'),
  kindList: t('import.text.kind-list', 'a list'),
  kindObject: t('import.text.kind-object', 'an object'),
  kindText: t('import.text.kind-text', 'a text'),
  kindNumber: t('import.text.kind-number', 'a number'),
  none: t('import.text.none', 'none'),
} satisfies Record<string, ImportTemplate>;

export type ImportTextId = keyof typeof TEMPLATES;

/** Every template's key and English, for the test that each one translates back from its sentence. */
export const IMPORT_TEXTS: readonly ImportTemplate[] = Object.values(TEMPLATES);

function fill(template: string, vars: Vars = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The English sentence, as the report stores it. */
export function importText<Id extends ImportTextId>(
  id: Id,
  ...vars: [Placeholders<(typeof TEMPLATES)[Id]['english']>] extends [never] ? [] : [VarsOf<Id>]
): string {
  return fill(TEMPLATES[id].english, vars[0]);
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

const NESTED = ['why', 'reason', 'kind', 'columns', 'keys'] as const;

/** A report sentence in the reader's language: `translate` is the UI's t(). */
export function translateImportText(translate: (key: string, english: string, vars?: Vars) => string, text: string): string {
  for (const p of PATTERNS) {
    const m = p.pattern.exec(text);
    if (!m) continue;
    // A sentence can hold another (a rejected row's reason inside "no row could be imported"): those translate too.
    const vars: Vars = { ...m.groups };
    for (const name of NESTED) if (typeof vars[name] === 'string') vars[name] = translateImportText(translate, vars[name]);
    return translate(p.key, p.english, vars);
  }
  return text;
}
