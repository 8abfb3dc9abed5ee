// @vitest-environment node
import { neutraliseCell, toCsv } from './csv';

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
  });
});
