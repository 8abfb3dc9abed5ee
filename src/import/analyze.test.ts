// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { bundledDataset } from '../../tests/fixtures/bundled-dataset';
import { parseDataset } from '../data/load-dataset';
import type { Dataset } from '../data/schema';
import { translate, type Locale } from '../i18n/i18n';
import { toCsv } from '../lib/csv';
import { collectSourceIds, selectFieldRows } from '../selectors/system-fields';
import { datasetAsJson, fullTableAsRows, systemsAsJson } from '../selectors/table-export';
import { analyzeImport } from './analyze';
import { applyImport, findConflicts } from './apply';
import { MAX_IMPORT_BYTES } from './types';
import type { Analysis } from './types';

const ds = bundledDataset();
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v));
const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
const tr = (locale: Locale) => (k: string, e: string, v?: Record<string, string | number>) => translate(locale, k, e, v);
const citedSources = (d: Dataset) => byId(d.sources.filter((s) => collectSourceIds(d.systems).has(s.id)));

function fullCsv(locale: Locale, dropRecord = false): string {
  const t = tr(locale);
  const { header, body } = fullTableAsRows(ds, selectFieldRows(ds, locale, t), t);
  return dropRecord
    ? toCsv(
        header.slice(0, -1),
        body.map((r) => r.slice(0, -1)),
      )
    : toCsv(header, body);
}

describe('our own exports re-import without loss', () => {
  it('the dataset JSON → the same systems, sources and families', () => {
    const { report, data } = analyzeImport('llm-wave_dataset.json', datasetAsJson(ds));
    expect(report.format).toBe('dataset-json');
    expect(report).toMatchObject({ rowsRead: ds.systems.length, valid: ds.systems.length, rejected: [], fieldProblems: [] });
    expect(data!.systems).toEqual(ds.systems);
    expect(byId(data!.sources)).toEqual(byId(ds.sources));
    expect(data!.families).toEqual(ds.families);
    expect(data!.pendingBaseModels).toEqual([]);
  });

  it('the view JSON (as bytes, UTF-8) → the same systems and the sources they cite', () => {
    const json = systemsAsJson(ds, ds.systems, 'note');
    const { report, data } = analyzeImport('view.json', new TextEncoder().encode(json));
    expect(report.format).toBe('systems-json');
    expect(data!.systems).toEqual(ds.systems);
    expect(byId(data!.sources)).toEqual(citedSources(ds));
  });

  it.each(['en', 'zh-CN'] as const)(
    'the full CSV (%s) → exactly the systems and the sources they cite; merging it changes nothing',
    (locale) => {
      const { report, data } = analyzeImport('llm-wave_models_all.csv', new TextEncoder().encode(fullCsv(locale)));
      expect(report.format).toBe('dashboard-csv');
      expect(report).toMatchObject({
        rowsRead: ds.systems.length,
        valid: ds.systems.length,
        rejected: [],
        fieldProblems: [],
        warnings: [],
      });
      expect(data!.systems).toEqual(ds.systems);
      expect(byId(data!.sources)).toEqual(citedSources(ds));
      const merged = applyImport(ds, data!, 'merge', 'imported');
      if (!merged.ok) throw new Error(merged.problems.join('\n'));
      expect(merged).toMatchObject({ added: 0, replaced: ds.systems.length, kept: 0 });
      expect(plain(merged.dataset)).toEqual(plain(ds));
    },
  );

  it('a CSV of ours without the record column falls back to our column labels (English and Chinese)', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const { report, data } = analyzeImport('edited.csv', fullCsv(locale, true));
      expect(report.format, locale).toBe('generic-csv');
      expect(report.valid, locale).toBe(ds.systems.length);
      expect(report.warnings.join(' '), locale).toMatch(/without its record column/);
      expect(
        report.mapped.map((m) => m.field),
        locale,
      ).toEqual(['name (and id)', 'organizations', 'release', 'parameters']);
      expect(report.ignored, locale).toHaveLength(13);
      const gpt3 = data!.systems.find((s) => s.name === 'GPT-3')!;
      expect(gpt3.release, locale).toMatchObject({
        status: 'reported',
        value: { date: '2020-05-28', precision: 'day' },
        sources: ['import-file'],
      });
      expect(gpt3.parameters, locale).toEqual({ status: 'reported', value: 175e9, sources: ['import-file'] });
      expect(data!.systems.find((s) => s.name === 'CLIP')!.parameters, locale).toMatchObject({ value: 428e6 });
      // The CSV names organizations in the export's language; merged, they are the same ids again.
      const reimported = applyImport(ds, data!, 'merge', 'imported');
      if (!reimported.ok) throw new Error(reimported.problems.join('\n'));
      const vicuna = (d: Dataset) => d.systems.find((s) => s.id === 'vicuna-7b')!.organizations;
      expect(vicuna(reimported.dataset), locale).toEqual(vicuna(ds));
      expect(vicuna(ds)).toEqual([
        'lmsys',
        'uc-berkeley',
        'cmu',
        'stanford',
        'university-of-california-san-diego',
        'mohamed-bin-zayed-university-of-artificial-intelligence',
      ]);
      // "not disclosed"/"未公开" and "unknown"/"未知" are no value, not a problem.
      expect(data!.systems.find((s) => s.name === 'ChatGPT')!.parameters, locale).toBeUndefined();
      expect(report.fieldProblems, locale).toEqual([]);
      expect(data!.sources).toEqual([{ id: 'import-file', title: 'Imported file “edited.csv”', grade: 'imported' }]);
      // Merged, the records match the bundled ones by name: nothing is added.
      const merged = applyImport(ds, data!, 'merge', 'current');
      expect(merged.ok && merged.kept).toBe(ds.systems.length);
    }
  });
});

describe('analyzeImport', () => {
  it('refuses an empty or too large file, with the limit in the message', () => {
    expect(analyzeImport('e.csv', new Uint8Array()).report.fatal).toBe('the file is empty');
    const big = analyzeImport('big.csv', new Uint8Array(MAX_IMPORT_BYTES + 1));
    expect(big.report.fatal).toMatch(/limit is 20 MB/);
    expect(big.data).toBeNull();
  });

  it('decodes UTF-8 with BOM, UTF-16 LE/BE, and falls back to Windows-1252 with a warning', () => {
    const csv = 'Name,Organization\nCafé Model,Équipe\n';
    const utf16 = (le: boolean) => {
      const out = new Uint8Array(2 + csv.length * 2);
      out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
      for (let i = 0; i < csv.length; i++) {
        const c = csv.charCodeAt(i);
        out[2 + 2 * i + (le ? 0 : 1)] = c & 0xff;
        out[2 + 2 * i + (le ? 1 : 0)] = c >> 8;
      }
      return out;
    };
    const latin = Uint8Array.from([...csv].map((c) => c.charCodeAt(0)));
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv)]);
    for (const [label, bytes] of [
      ['bom', bom],
      ['le', utf16(true)],
      ['be', utf16(false)],
      ['1252', latin],
    ] as const) {
      const { data, report } = analyzeImport(`${label}.csv`, bytes);
      expect(data?.systems[0]?.name, label).toBe('Café Model');
      expect(data?.systems[0]?.organizations, label).toEqual(['Équipe']);
      if (label === '1252') expect(report.warnings).toContain('The file is not valid UTF-8; read as Windows-1252 — check accented names.');
    }
  });

  it('a CSV without a name column is fatal, naming the columns it found', () => {
    expect(analyzeImport('x.csv', 'foo,bar\n1,2\n').report.fatal).toMatch(/no name column.*“foo”, “bar”/);
  });

  it('generic CSV: aliases in English and Chinese, bad values become field problems, rows without a name are rejected', () => {
    const csv = toCsv(
      ['模型', 'Organisation', 'Release date', 'Params', 'Link', 'Training compute cost (2020 USD)', 'Whatever'],
      [
        ['Good', 'A, B', 'Feb 24, 2023', '1,200,000', 'https://example.org/a', '$1,000', 'x'],
        ['Bad', '', '2023-02-30', '-5', 'javascript:alert(1)', '-3', ''],
        ['Huge', 'C', '2023年2月', '1e400', 'data:text/html,hi', 'NaN', ''],
        ['', 'D', '2023-01-01', '7', '', '', ''],
        ['good', 'A', 'Feb 24, 2023', '1', '', '', ''],
        ['<img src=x onerror=alert(1)>', 'E', '2023-01', '0', '/relative', '', ''],
      ],
      { bom: false },
    );
    const { report, data } = analyzeImport('mine.csv', csv);
    expect(report.format).toBe('generic-csv');
    expect(report.ignored).toEqual(['Whatever']);
    expect(report.rejected).toEqual([
      { row: 4, field: '模型', reason: 'no name' },
      { row: 5, field: 'name', reason: 'duplicate of row 1 (same name and date)' },
    ]);
    expect(report.valid + report.rejected.length).toBe(report.rowsRead);
    const [good, bad, huge, xss] = data!.systems;
    expect(good).toMatchObject({
      id: 'good',
      organizations: ['A', 'B'],
      parameters: { value: 1.2e6 },
      links: [{ url: 'https://example.org/a' }],
    });
    expect(good.trainingCost[0]).toMatchObject({ value: { components: [{ usd: 1000 }], dollarYear: 2020 } });
    expect(bad.release).toEqual({ status: 'unknown', note: 'the file gives “2023-02-30”, not a real date' });
    expect(bad.organizations).toEqual(['not stated in the file']);
    expect(huge.release).toMatchObject({ value: { date: '2023-02', precision: 'month' } });
    expect(xss.name).toBe('<img src=x onerror=alert(1)>');
    expect(xss.id).toBe('img-src-x-onerror-alert-1');
    expect(JSON.stringify(data)).not.toMatch(/javascript:|data:text/);
    expect(report.fieldProblems.map((p) => `${p.row} ${p.field}`)).toEqual([
      '2 Release date',
      '2 Organisation',
      '2 Params',
      '2 Training compute cost (2020 USD)',
      '2 Link',
      '3 Params',
      '3 Training compute cost (2020 USD)',
      '3 Link',
      '6 Params',
      '6 Link',
    ]);
    const merged = applyImport(ds, data!, 'merge', 'imported');
    expect(merged.ok).toBe(true);
  });

  it('reports progress every 200 rows while reading (the total estimated until the end) and exactly at the end', () => {
    const rows = Array.from({ length: 450 }, (_, i) => [`M${i}`]);
    const onProgress = vi.fn();
    analyzeImport('p.csv', toCsv(['Name'], rows), onProgress);
    const calls = onProgress.mock.calls as [number, number][];
    expect(calls.map(([done]) => done)).toEqual([200, 400, 450]);
    for (const [, total] of calls.slice(0, -1)) expect(Math.abs(total - 450)).toBeLessThan(45);
    expect(calls.at(-1)).toEqual([450, 450]);
  });

  it('JSON that is not ours is fatal; a bare array of records is read as systems', () => {
    expect(analyzeImport('x.json', '{"a":1}').report.fatal).toMatch(/no “systems” list.*“a”/);
    expect(analyzeImport('x.json', '[1, 2').report.fatal).toMatch(/not valid JSON/);
    const { report, data } = analyzeImport('x.json', JSON.stringify([ds.systems[0], { id: 'Bad Id' }]));
    expect(report.format).toBe('systems-json');
    expect(report.valid).toBe(1);
    expect(report.rejected).toHaveLength(1);
    expect(data!.systems[0]).toEqual(ds.systems[0]);
  });
});

describe('applyImport', () => {
  const epochLike = (rows: string[][]) =>
    analyzeImport('e.csv', toCsv(['Model', 'Domain', 'Task', 'Organization', 'Publication date', 'Link', 'Base model'], rows)).data!;

  it('links base models named in the file against the current dataset; unknown names are warned about', () => {
    const data = epochLike([['Alpaca-2', 'Language', 'Chat', 'X', '2023-05-01', 'https://x.org', 'LLaMA 7B, Nowhere-1']]);
    expect(data.pendingBaseModels!.map((p) => p.ref)).toEqual(['LLaMA 7B', 'Nowhere-1']);
    const r = applyImport(ds, data, 'merge', 'imported');
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect(r.dataset.systems.find((s) => s.id === 'alpaca-2')!.baseModels).toEqual([
      { id: 'llama-7b', relation: 'fine-tuned-from', sources: ['epoch-ai-import'] },
    ]);
    expect(r.warnings!.join(' ')).toMatch(/not found.*Nowhere-1/);
  });

  it('never makes a lineage cycle: a link closing one is dropped with a warning', () => {
    const data = epochLike([
      ['A1', '', '', 'X', '2023-01-01', '', 'B1'],
      ['B1', '', '', 'X', '2023-01-01', '', 'A1'],
    ]);
    expect(data.systems.map((s) => s.baseModels.length)).toEqual([1, 0]);
    const r = applyImport(ds, data, 'merge', 'imported');
    expect(r.ok).toBe(true);
  });

  it('conflicts by id or normalised name; the winner keeps its record and the loser’s id points at it', () => {
    const data = epochLike([['LLaMA 65B', 'Language', '', 'Meta AI', '2023-02-24', '', '']]);
    expect(findConflicts(ds, data)).toEqual([{ importedId: 'llama-65b', currentId: 'llama-65b', name: 'LLaMA-65B' }]);
    const renamed = { ...data, systems: data.systems.map((s) => ({ ...s, id: 'meta-llama-65' })) };
    const r = applyImport(ds, renamed, 'merge', 'imported');
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect(r).toMatchObject({ added: 0, replaced: 1, kept: 0 });
    expect(r.dataset.systems.some((s) => s.id === 'llama-65b')).toBe(false);
    expect(r.dataset.reference.llamaTable15.rows.some((row) => row.systemId === 'meta-llama-65')).toBe(true);
    const kept = applyImport(ds, renamed, 'merge', 'current');
    expect(kept.ok && kept.kept).toBe(1);
    expect(kept.ok && kept.dataset.systems).toEqual(ds.systems);
  });

  it('a source under a taken id with other content is renamed and cited under its new id', () => {
    const json = systemsAsJson(ds, [ds.systems[0]], 'n');
    const doc = JSON.parse(json);
    const sid = doc.sources[0].id;
    doc.sources[0].title = 'Changed title';
    doc.systems[0].id = 'gpt-3-copy';
    doc.systems[0].name = 'GPT-3 copy';
    const { data } = analyzeImport('x.json', JSON.stringify(doc));
    const r = applyImport(ds, data!, 'merge', 'imported');
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect(r.dataset.sources.find((s) => s.id === `${sid}-imported`)?.title).toBe('Changed title');
    expect(collectSourceIds(r.dataset.systems.find((s) => s.id === 'gpt-3-copy')).has(`${sid}-imported`)).toBe(true);
  });

  it('replace keeps only the imported systems, the reference rows and tables still valid, and the meta', () => {
    const data = epochLike([['Only One', 'Language', 'Chat', 'X', '2023-01-01', 'https://x.org', '']]);
    const r = applyImport(ds, data, 'replace', 'imported');
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect(r.dataset.systems.map((s) => s.id)).toEqual(['only-one']);
    expect(r.dataset.reference.llamaTable15.rows).toEqual([]);
    expect(r.dataset.seedTables).toEqual([]);
    expect(r.dataset.families).toEqual([]);
    expect(r.dataset.meta.title).toBe(ds.meta.title);
    expect(r.dataset.meta.licenceNote).toMatch(/replaced by an import of “e.csv”/);
    expect(parseDataset(plain(r.dataset)).ok).toBe(true);
  });

  it('returns problems instead of throwing on data that cannot validate', () => {
    const broken = { systems: [{ ...ds.systems[0], id: 'x', organizations: [] }], sources: [], families: [] };
    const r = applyImport(ds, broken as never, 'merge', 'imported');
    expect(r.ok).toBe(false);
    expect(applyImport(ds, null as never, 'merge', 'imported').ok).toBe(false);
  });
});

/** `text` as UTF-16 bytes, without a byte order mark. */
function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 * i + (littleEndian ? 0 : 1)] = c & 0xff;
    out[2 * i + (littleEndian ? 1 : 0)] = c >> 8;
  }
  return out;
}

const names = (a: Analysis) => a.data?.systems.map((s) => s.name);

describe('reading CSV text', () => {
  it('semicolon- and tab-separated files are read, and the delimiter is reported', () => {
    const semicolon = analyzeImport('de.csv', 'Name;Organisation;Parameter\r\nModell A;Firma, GmbH;7000000000\r\nModell B;"X; Y";13\r\n');
    expect(semicolon.report).toMatchObject({ delimiter: ';', format: 'generic-csv', valid: 2, rejected: [] });
    expect(names(semicolon)).toEqual(['Modell A', 'Modell B']);
    expect(semicolon.data!.systems[0].organizations).toEqual(['Firma', 'GmbH']);
    expect(semicolon.data!.systems[1].organizations).toEqual(['X; Y']);
    const tab = analyzeImport('t.tsv', 'Name\tOrganization\nA\tX, Y\nB\tZ\n');
    expect(tab.report).toMatchObject({ delimiter: '\t', valid: 2 });
    expect(tab.data!.systems[0].organizations).toEqual(['X', 'Y']);
    expect(analyzeImport('c.csv', 'Name,Organization\nA,X\n').report.delimiter).toBe(',');
    expect(analyzeImport('x.json', '[]').report.delimiter).toBeUndefined();
  });

  it('UTF-16 without a byte order mark is recognised by its NULs (LE and BE), not refused as binary', () => {
    const csv = 'Name,Organization\r\nCafé Model,Équipe\r\n大模型,机构\r\n';
    for (const le of [true, false]) {
      const { report, data } = analyzeImport('u16.csv', utf16(csv, le));
      expect(report.fatal, String(le)).toBeUndefined();
      expect(
        data!.systems.map((s) => [s.name, ...s.organizations]),
        String(le),
      ).toEqual([
        ['Café Model', 'Équipe'],
        ['大模型', '机构'],
      ]);
      expect(report.warnings, String(le)).toContain(
        `The file is UTF-16 (${le ? 'little' : 'big'}-endian) without a byte order mark; it was read as such.`,
      );
    }
    // Binary with NULs on both sides stays refused.
    expect(analyzeImport('x.bin', Uint8Array.from([0, 1, 0, 0, 2, 0, 0, 3])).report.fatal).toMatch(/not text/);
  });

  it('a UTF-8 BOM, cells over several lines and mixed line ends are read', () => {
    const bytes = new TextEncoder().encode('\uFEFFName,Organization\r\n"Two\r\nlines",X\n"Three\nline\nname","A,\nB"\rC,D\r\n');
    const { report, data } = analyzeImport('m.csv', bytes);
    expect(report).toMatchObject({ rowsRead: 3, valid: 3, warnings: [] });
    expect(data!.systems.map((s) => s.name)).toEqual(['Two lines', 'Three line name', 'C']);
  });

  it('malformed quoting is a warning naming the rows (papaparse’s problems), and the rest is read', () => {
    const { report } = analyzeImport('bad.csv', 'Name,Organization\nGood,X\n"Bad"quote",Y\nAlso good,Z\nOpen,"never closed\n');
    expect(report.warnings).toEqual([
      expect.stringMatching(
        /^The CSV is malformed in 2 places; read as far as it goes \(row 2: a quote inside .*; row 4: unterminated quoted cell/,
      ),
    ]);
    expect(report.valid).toBe(4);
  });
});

describe('organizations in one cell (Epoch’s Organization column)', () => {
  // Real cells of Epoch's 2025 file: a name holding a comma is quoted inside the cell.
  const header = ['Model', 'Domain', 'Task', 'Authors', 'Organization', 'Publication date', 'Link'];
  const rows = [
    [
      'Pythia-12b',
      'Language',
      'Language modeling',
      'Stella Biderman',
      'EleutherAI,"Booz Allen Hamilton, McLean",University of Cambridge,"Indraprastha Institute of Information Technology\nDelhi",Stability AI',
      '2023-04-03',
      'https://arxiv.org/abs/2304.01373',
    ],
    ['SambaLingo-Thai-Chat (7B)', 'Language', 'Chat', 'Z. Csaki', '"SambaNova Systems, Inc"', '2024-04-08', ''],
    ['Plain', 'Language', 'Chat', 'A', 'Google, DeepMind', '2024-01-01', ''],
  ];

  it('a quoted name with a comma stays one organization', () => {
    const { report, data } = analyzeImport('epoch.csv', toCsv(header, rows));
    expect(report.format).toBe('epoch-csv');
    expect(data!.systems.map((s) => s.organizations)).toEqual([
      [
        'EleutherAI',
        'Booz Allen Hamilton, McLean',
        'University of Cambridge',
        'Indraprastha Institute of Information Technology Delhi',
        'Stability AI',
      ],
      ['SambaNova Systems, Inc'],
      ['Google', 'DeepMind'],
    ]);
  });
});

describe('length limits: nothing oversized is imported', () => {
  it('a 10 MB name rejects its row with the row number and field; the other rows are imported', () => {
    const huge = 'x'.repeat(10_000_000);
    const csv = `Name,Organization\nGPT-3,OpenAI\n${huge},Somewhere\nLLaMA,Meta AI\n`;
    const t0 = performance.now();
    const { report, data } = analyzeImport('huge.csv', csv);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(report.rejected).toEqual([{ row: 2, field: 'Name', reason: 'longer than 200 characters' }]);
    expect(names({ report, data })).toEqual(['GPT-3', 'LLaMA']);
    expect(JSON.stringify(report).length).toBeLessThan(2000);
    expect(JSON.stringify(data).length).toBeLessThan(5000);
  });

  it('every mapped column has its limit (a cost, an organization list, a link), counted in characters', () => {
    const header = ['Name', 'Organization', 'Training compute cost (2023 USD)', 'Link'];
    const { report, data } = analyzeImport(
      'limits.csv',
      toCsv(header, [
        ['Ok', 'A', '5', 'https://x.org'],
        ['Emoji name', 'A', '5', ''],
        ['😀'.repeat(200), 'A', '', ''],
        ['😀'.repeat(201), 'A', '', ''],
        ['Cost', 'A', '1'.repeat(101), ''],
        ['Orgs', 'o'.repeat(5001), '', ''],
        ['One long org', `A,${'o'.repeat(201)}`, '', ''],
        ['Link', 'A', '', `https://x.org/${'a'.repeat(2000)}`],
      ]),
    );
    expect(report.rejected).toEqual([
      { row: 4, field: 'Name', reason: 'longer than 200 characters' },
      { row: 5, field: 'Training compute cost (2023 USD)', reason: 'longer than 100 characters' },
      { row: 6, field: 'Organization', reason: 'longer than 5,000 characters' },
      { row: 7, field: 'organizations.1', reason: 'longer than 200 characters' },
      { row: 8, field: 'Link', reason: 'longer than 2,000 characters' },
    ]);
    expect(names({ report, data })).toEqual(['Ok', 'Emoji name', '😀'.repeat(200)]);
  });

  it('a JSON record with an oversized text is rejected by the schema, naming the field; a huge header is not echoed', () => {
    const system = { ...ds.systems[0], name: 'n'.repeat(1_000_000) };
    const json = analyzeImport('x.json', JSON.stringify([ds.systems[1], system]));
    expect(json.report.rejected).toEqual([{ row: 2, field: 'name', reason: 'longer than 200 characters' }]);
    const wide = analyzeImport('h.csv', `${'h'.repeat(1_000_000)},Name\nA,B\n`);
    expect(JSON.stringify(wide.report).length).toBeLessThan(2000);
  });
});

describe('fatal messages name what is wrong, and the rows they mention are in the report', () => {
  const mentionsShownRows = (a: Analysis) => {
    const mentioned = [...(a.report.fatal ?? '').matchAll(/row (\d+)/g)].map((m) => Number(m[1]));
    for (const row of mentioned) expect(a.report.rejected.map((r) => r.row)).toContain(row);
    expect(a.report.fatal).not.toMatch(/see the rejected rows/);
  };

  it('a JSON of only "__proto__" says it has no systems list, and names the key', () => {
    const a = analyzeImport('p.json', '{"__proto__": {"systems": [{"id": "x"}]}}');
    expect(a.report.fatal).toBe('the JSON has no “systems” list (its keys: “__proto__”)');
    mentionsShownRows(a);
  });

  it('records of only "__proto__": the rejected row and why are in the message and the report', () => {
    const a = analyzeImport('p.json', '[{"__proto__": {"id": "x"}}]');
    expect(a.report.fatal).toBe(
      'no row could be imported: the only row was rejected (row 1, id: Invalid input: expected string, received undefined)',
    );
    expect(a.report.rejected).toHaveLength(1);
    mentionsShownRows(a);
  });

  it('a JSON nested 100,000 deep: the row and what it is', () => {
    const a = analyzeImport('deep.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(a.report.fatal).toBe(
      'no row could be imported: the only row was rejected (row 1, record: Invalid input: expected object, received array)',
    );
    mentionsShownRows(a);
    const many = analyzeImport('many.json', JSON.stringify([[[]], 1, { id: 'Bad' }]));
    expect(many.report.fatal).toMatch(/^no row could be imported: all 3 rows were rejected \(the first: row 1, record: /);
    mentionsShownRows(many);
  });

  it('“systems” that is not a list says what it is instead', () => {
    expect(analyzeImport('s.json', '{"systems": {"a": 1}}').report.fatal).toBe('the JSON’s “systems” is an object, not a list of records');
    expect(analyzeImport('s.json', '{"systems": null}').report.fatal).toBe('the JSON’s “systems” is null, not a list of records');
    expect(analyzeImport('s.json', '{"systems": "GPT-3"}').report.fatal).toBe('the JSON’s “systems” is a text, not a list of records');
  });
});
