import fc from 'fast-check';
import { neutraliseCell, parseCsv, parseCsvDetailed, toCsv } from './csv';

const BOM = '\uFEFF';

describe('toCsv', () => {
  it('prepends a UTF-8 BOM by default and ends every line with CRLF', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['1', '2'],
          ['3', '4'],
        ],
      ),
    ).toBe(`${BOM}a,b\r\n1,2\r\n3,4\r\n`);
  });

  it('leaves the BOM out with bom: false', () => {
    expect(toCsv(['a'], [['1']], { bom: false })).toBe('a\r\n1\r\n');
  });

  it('quotes fields holding a quote, comma, CR or LF and doubles the quotes', () => {
    const csv = toCsv(['h'], [['say "hi"'], ['a,b'], ['line\nbreak'], ['cr\rhere'], ['crlf\r\nhere'], ['plain']], { bom: false });
    expect(csv).toBe('h\r\n"say ""hi"""\r\n"a,b"\r\n"line\nbreak"\r\n"cr\rhere"\r\n"crlf\r\nhere"\r\nplain\r\n');
  });

  it('writes a lone empty cell as "" so it is not a blank line', () => {
    expect(toCsv(['h'], [[''], ['', '']], { bom: false })).toBe('h\r\n""\r\n,\r\n');
  });

  it('keeps Chinese text as it is', () => {
    const csv = toCsv(['模型', '机构'], [['羊驼 (Alpaca)', '斯坦福大学']]);
    expect(csv).toBe(`${BOM}模型,机构\r\n羊驼 (Alpaca),斯坦福大学\r\n`);
    expect(parseCsv(csv)).toEqual([
      ['模型', '机构'],
      ['羊驼 (Alpaca)', '斯坦福大学'],
    ]);
    // The BOM is what makes Excel read the bytes as UTF-8.
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('neutraliseCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("http://evil.example","Click")', '\'=HYPERLINK("http://evil.example","Click")'],
    ['+1', "'+1"],
    ['-5', "'-5"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
  ])('prefixes %j with a single quote', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it.each(['', 'plain', '5', "'already", 'a=b', ' =1', '１+1', '中文'])('leaves %j alone', (input) => {
    expect(neutraliseCell(input)).toBe(input);
  });

  it('is applied to header and body cells, before quoting', () => {
    const csv = toCsv(
      ['=cmd', 'ok'],
      [
        ['-5', '@SUM(1)'],
        ['=HYPERLINK("http://x.example","y")', '\rz'],
      ],
      { bom: false },
    );
    expect(csv).toBe('\'=cmd,ok\r\n\'-5,\'@SUM(1)\r\n"\'=HYPERLINK(""http://x.example"",""y"")","\'\rz"\r\n');
    expect(parseCsv(csv)).toEqual([
      ["'=cmd", 'ok'],
      ["'-5", "'@SUM(1)"],
      ['\'=HYPERLINK("http://x.example","y")', "'\rz"],
    ]);
  });
});

describe('parseCsv', () => {
  it('strips the BOM and reads CRLF and LF line ends alike', () => {
    expect(parseCsv(`${BOM}a,b\r\n1,2\n3,4`)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('reads quoted fields with doubled quotes, commas and line breaks', () => {
    expect(parseCsv('"a ""q""","x,y","l1\r\nl2\nl3"\r\n')).toEqual([['a "q"', 'x,y', 'l1\r\nl2\nl3']]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv('a,,c,\r\n,\r\n""\r\n')).toEqual([['a', '', 'c', ''], ['', ''], ['']]);
  });

  it('skips blank lines and returns no rows for empty input', () => {
    expect(parseCsv('a\r\n\r\n\nb\r\n')).toEqual([['a'], ['b']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv(BOM)).toEqual([]);
  });

  it('reports an unterminated quote on the line it opened, without throwing', () => {
    const text = 'a,b\r\n1,"never closed\r\nstill, inside\r\n';
    expect(() => parseCsvDetailed(text)).not.toThrow();
    const { rows, errors } = parseCsvDetailed(text);
    expect(rows).toEqual([
      ['a', 'b'],
      ['1', 'never closed\r\nstill, inside\r\n'],
    ]);
    expect(errors).toEqual([{ line: 2, message: expect.stringMatching(/unterminated/) }]);
  });

  it('reports text after a closing quote and a quote inside an unquoted field', () => {
    const { rows, errors } = parseCsvDetailed('"multi\nline"x,ok\r\nab"c,d\r\n');
    expect(rows).toEqual([
      ['multi\nlinex', 'ok'],
      ['ab"c', 'd'],
    ]);
    expect(errors.map((e) => e.line)).toEqual([2, 3]);
  });

  it('has no errors for what toCsv writes', () => {
    expect(
      parseCsvDetailed(
        toCsv(
          ['a', 'b'],
          [
            ['"', ',\r\n'],
            ['=x', ''],
          ],
        ),
      ).errors,
    ).toEqual([]);
  });
});

describe('toCsv ⇄ parseCsv round trip', () => {
  // Characters CSV and spreadsheets care about, mixed with any Unicode code point.
  const char = fc.oneof(
    fc.constantFrom('"', ',', '\r', '\n', '\t', '=', '+', '-', '@', "'", ' ', '中', '文', '羊', '驼', BOM),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  );
  const cell = fc.string({ unit: char, maxLength: 12 });
  const cells = fc.array(cell, { minLength: 1, maxLength: 6 });

  it('gives back the neutralised input for any strings', () => {
    fc.assert(
      fc.property(cells, fc.array(cells, { maxLength: 8 }), (header, rows) => {
        const { rows: parsed, errors } = parseCsvDetailed(toCsv(header, rows));
        expect(errors).toEqual([]);
        expect(parsed).toEqual([header, ...rows].map((r) => r.map(neutraliseCell)));
      }),
      { seed: 20230424, numRuns: 200 },
    );
  });

  it('round-trips without a BOM too', () => {
    fc.assert(
      fc.property(cells, fc.array(cells, { maxLength: 8 }), (header, rows) => {
        // Without a BOM a leading U+FEFF in the first cell would be taken for one.
        fc.pre(!header[0].startsWith(BOM));
        expect(parseCsv(toCsv(header, rows, { bom: false }))).toEqual([header, ...rows].map((r) => r.map(neutraliseCell)));
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
