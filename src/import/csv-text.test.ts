// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv } from '../lib/csv';
import { parseCsvText, readCsvRows, splitCellList } from './csv-text';

const BOM = '\uFEFF';

describe('parseCsvText', () => {
  it('drops the BOM and reads CRLF or LF line ends', () => {
    expect(parseCsvText(`${BOM}a,b\r\n1,2\r\n3,4`).rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parseCsvText('a,b\n1,2\n').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads quoted cells with doubled quotes, delimiters and line breaks inside', () => {
    expect(parseCsvText('h1,h2,h3\r\n"a ""q""","x,y","l1\r\nl2\nl3"\r\n').rows).toEqual([
      ['h1', 'h2', 'h3'],
      ['a "q"', 'x,y', 'l1\r\nl2\nl3'],
    ]);
  });

  it('keeps empty cells, skips blank lines, and has no rows for empty text', () => {
    expect(parseCsvText('a,,c,\n\n\n,,,\n').rows).toEqual([
      ['a', '', 'c', ''],
      ['', '', '', ''],
    ]);
    expect(parseCsvText('').rows).toEqual([]);
    expect(parseCsvText(BOM).rows).toEqual([]);
  });

  it.each([
    ['comma', ',', 'Name,Organization,Parameters\nA,"X, Inc",1\nB,Y,2\n'],
    ['semicolon', ';', 'Name;Organization;Parameters\nA;X, Inc;1,5\nB;"Y; Z";2\n'],
    ['tab', '\t', 'Name\tOrganization\tParameters\nA\tX, Inc\t1\nB\tY;Z\t2\n'],
    ['vertical bar', '|', 'Name|Organization|Parameters\nA|X, Inc|1\nB|Y|2\n'],
  ])('detects the %s as the delimiter', (_label, delimiter, text) => {
    const { rows, delimiter: found, problems } = parseCsvText(text);
    expect(found).toBe(delimiter);
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.length)).toEqual([3, 3, 3]);
    expect(rows[1][1]).toBe('X, Inc');
  });

  it('a file of one column is read as comma-separated, with no problem', () => {
    expect(parseCsvText('Name\nGPT-3\nLLaMA\n')).toEqual({ rows: [['Name'], ['GPT-3'], ['LLaMA']], delimiter: ',', problems: [] });
  });

  it('reports malformed quoting with its row (0 = the header), reading as far as it goes, without throwing', () => {
    const unterminated = parseCsvText('a,b\n1,2\n3,"never closed\nstill, inside\n');
    expect(unterminated.rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', 'never closed\nstill, inside\n'],
    ]);
    expect(unterminated.problems).toEqual([{ row: 2, message: expect.stringMatching(/unterminated quoted cell/) }]);
    const stray = parseCsvText('a,b\n"x"y"z",1\n');
    expect(stray.rows[1]).toEqual(['x"y"z', '1']);
    expect(stray.problems).toEqual([{ row: 1, message: expect.stringMatching(/quote inside a quoted cell/) }]);
  });

  it('stops when the row handler says so', () => {
    const seen: number[] = [];
    const read = readCsvRows('a\n1\n2\n3\n', (_cells, row) => {
      seen.push(row);
      return row < 1;
    });
    expect(seen).toEqual([0, 1]);
    expect(read.rows).toBe(2);
  });
});

describe('toCsv ⇄ parseCsvText: our export reads back', () => {
  // Characters CSV and spreadsheets care about, mixed with any Unicode code point.
  const char = fc.oneof(
    fc.constantFrom('"', ',', ';', '|', '\r', '\n', '\t', '=', '+', '-', '@', "'", ' ', '中', '文', '羊', '驼', BOM),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  );
  const cell = fc.string({ unit: char, maxLength: 12 });
  // A row of one empty cell is written `""`, which readers take for a blank line.
  const cells = fc.array(cell, { minLength: 1, maxLength: 6 }).filter((r) => !(r.length === 1 && r[0] === ''));

  it('gives back the neutralised cells, with or without a BOM', () => {
    fc.assert(
      fc.property(cells, fc.array(cells, { maxLength: 8 }), fc.boolean(), (header, rows, bom) => {
        // Without a BOM a leading U+FEFF in the first cell would be taken for one.
        fc.pre(bom || !header[0].startsWith(BOM));
        const { rows: parsed, problems } = parseCsvText(toCsv(header, rows, { bom }), { delimiter: ',' });
        expect(problems).toEqual([]);
        expect(parsed).toEqual([header, ...rows].map((r) => r.map(neutraliseCell)));
      }),
      { seed: 20230424, numRuns: 300 },
    );
  });
});

describe('splitCellList', () => {
  it('splits on commas, keeping a quoted name that holds one whole', () => {
    expect(splitCellList('EleutherAI,"Booz Allen Hamilton, McLean",University of Cambridge')).toEqual([
      'EleutherAI',
      'Booz Allen Hamilton, McLean',
      'University of Cambridge',
    ]);
    expect(splitCellList('A, "B, C" , D')).toEqual(['A', 'B, C', 'D']);
    expect(splitCellList('"SambaNova Systems, Inc"')).toEqual(['SambaNova Systems, Inc']);
  });

  it('makes a line break inside a quoted name one space, trims, drops empties', () => {
    expect(splitCellList('"Indraprastha Institute of Information Technology\nDelhi",Stability AI')).toEqual([
      'Indraprastha Institute of Information Technology Delhi',
      'Stability AI',
    ]);
    expect(splitCellList(' A ,, B ,')).toEqual(['A', 'B']);
    expect(splitCellList('')).toEqual([]);
  });

  it('reads a stray quote as text rather than failing', () => {
    expect(splitCellList('O"Brien Labs, X')).toEqual(['O"Brien Labs', 'X']);
  });
});
