import { describe, expect, it } from 'vitest';
import {
  breakPieces,
  columnWidths,
  escapeXml,
  hasCjk,
  layoutTable,
  minContentWidth,
  slugify,
  TABLE_CELL_PAD,
  TABLE_CJK_FLOOR,
  wrapText,
} from './export-panel';

describe('helpers', () => {
  it('slugify folds accents and punctuation', () => {
    expect(slugify('École Polytechnique / ETH')).toBe('ecole-polytechnique-eth');
  });

  it('wrapText breaks at spaces, and between CJK characters', () => {
    const measure = (s: string) => s.length * 10;
    expect(wrapText('one two three four', 90, measure)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('训练成本估算', 30, measure)).toEqual(['训练成', '本估算']);
    expect(wrapText('', 30, measure)).toEqual(['']);
    expect(wrapText('see https://example.org/a', 60, measure)).toEqual(['see', 'https:', '//exam', 'ple.or', 'g/a']);
  });

  it('escapeXml escapes markup characters', () => {
    expect(escapeXml('<a & "b">')).toBe('&lt;a &amp; &quot;b&quot;&gt;');
  });
});

describe('break opportunities', () => {
  const measure = (s: string) => s.length * 10;

  it('breaks after a hyphen, dash or slash between letters, not before a digit', () => {
    expect(breakPieces('University of Wisconsin–Madison')).toEqual(['University ', 'of ', 'Wisconsin–', 'Madison']);
    expect(breakPieces('Non-commercial and/or')).toEqual(['Non-', 'commercial ', 'and/', 'or']);
    expect(breakPieces('LLaMA-7B GPT-3.5 2020–2023')).toEqual(['LLaMA-7B ', 'GPT-3.5 ', '2020–2023']);
    expect(breakPieces('https://example.org')).toEqual(['https://example.org']);
  });

  it('breaks between CJK characters, keeping punctuation off the start and end of a line', () => {
    expect(breakPieces('训练成本，估算')).toEqual(['训', '练', '成', '本，', '估', '算']);
    expect(breakPieces('（美元）')).toEqual(['（美', '元）']);
    expect(breakPieces('约 60 万')).toEqual(['约 ', '60 ', '万']);
    // A number keeps its unit.
    expect(breakPieces('2020年5月28日')).toEqual(['2020年', '5月', '28日']);
    expect(breakPieces('1750亿')).toEqual(['1750亿']);
  });

  it('wrapText keeps a word whole when it fits on a line, and breaks it only at a dash', () => {
    expect(wrapText('University of Wisconsin–Madison', 170, measure)).toEqual(['University of', 'Wisconsin–Madison']);
    expect(wrapText('University of Wisconsin–Madison', 120, measure)).toEqual(['University', 'of', 'Wisconsin–', 'Madison']);
    expect(wrapText('Non-commercial', 100, measure)).toEqual(['Non-', 'commercial']);
    expect(wrapText('LLaMA-7B', 50, measure)).toEqual(['LLaMA', '-7B']);
  });

  it('minContentWidth is the widest piece', () => {
    expect(minContentWidth('University of Wisconsin–Madison', measure)).toBe(100);
    expect(minContentWidth('训练成本', measure)).toBe(10);
    expect(minContentWidth('', measure)).toBe(0);
  });
});

/** Latin 7 px a character, CJK 12 px (full width). */
const measure = (s: string) => [...s].reduce((w, c) => w + (hasCjk(c) ? 12 : 7), 0);
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Every line of every cell holds whole words of the cell: a word, or the parts of a word written
 * with a hyphen, dash or slash (split after it, before a letter).
 */
function expectNoCutWords(table: { columns: string[]; rows: string[][] }, cells: string[][][]) {
  [table.columns, ...table.rows].forEach((row, r) =>
    row.forEach((text, c) => {
      const words = new Set(text.split(/\s+/).flatMap((w) => [w, ...w.split(/(?<=[-–/])(?=\p{L})/u)]));
      for (const line of cells[r][c]) {
        for (const word of line.split(/\s+/).filter(Boolean)) expect(words, `"${word}" in "${text}"`).toContain(word);
      }
    }),
  );
}

describe('layoutTable', () => {
  const table = {
    columns: ['Name', 'A long description column', 'N'],
    rows: [
      ['LLaMA-7B', 'a fairly long description that runs on for a good many words, more than one line holds', '7'],
      ['Alpaca', 'short', '12'],
    ],
  };

  it('keeps natural widths when the table fits', () => {
    const l = layoutTable(table, 2000, measure);
    // Widest cell + 2 × 6 px padding; the long column stops at 320 px.
    expect(l.widths).toEqual([68, 320, 26]);
    expect(l.x).toEqual([0, l.widths[0], l.widths[0] + l.widths[1]]);
    expect(l.cells[0][0]).toEqual(['Name']);
    expectNoCutWords(table, l.cells);
  });

  it('narrows the column that wants most to fit, and wraps its cells', () => {
    const l = layoutTable(table, 300, measure);
    expect(l.width).toBe(300);
    expect(l.widths[1]).toBeGreaterThan(l.widths[0]);
    expect(l.cells[1][1].length).toBeGreaterThan(1);
    expect(l.heights[1]).toBeGreaterThan(l.heights[2]);
    expect(l.height).toBe(l.heights.reduce((a, b) => a + b, 0));
    expectNoCutWords(table, l.cells);
  });

  // The explorer's licence and organisation columns, which the old layout cut ("Non-commerci|al").
  const explorer = {
    columns: ['Name', 'Organization', 'Licence', 'Training data', 'Evaluation'],
    rows: [
      [
        'Vicuna-13B',
        'University of Wisconsin–Madison',
        'Non-commercial',
        '70K user-shared ChatGPT conversations from ShareGPT.com',
        'GPT-4 as a judge on 80 questions',
      ],
      ['Koala', 'UC Berkeley', 'Non-commercial (research preview)', 'Dialogue data gathered from the web and public datasets', '—'],
      ['Dolly 2.0', 'Databricks', 'CC-BY-SA 3.0', 'databricks-dolly-15k, written by employees', 'EleutherAI harness'],
    ],
  };

  it('never cuts a word when the longest words fit: every column is at least as wide as its longest word', () => {
    const longest = explorer.columns.map((_, c) =>
      Math.max(...[explorer.columns[c], ...explorer.rows.map((r) => r[c])].map((t) => minContentWidth(t, measure))),
    );
    // The longest words need 445 px with padding: from there up, no word is cut.
    expect(sum(longest) + explorer.columns.length * 2 * TABLE_CELL_PAD).toBe(445);
    for (const maxWidth of [445, 520, 700, 900]) {
      const l = layoutTable(explorer, maxWidth, measure);
      expect(l.width).toBeLessThanOrEqual(maxWidth);
      expectNoCutWords(explorer, l.cells);
      explorer.columns.forEach((_, c) => expect(l.widths[c]).toBeGreaterThanOrEqual(longest[c] + 2 * TABLE_CELL_PAD));
    }
  });

  it('does not split "Wisconsin–Madison" inside a word (at most after its dash)', () => {
    for (const maxWidth of [445, 520, 700]) {
      const lines = layoutTable(explorer, maxWidth, measure).cells[1][1];
      const text = lines.join('\n');
      expect(text.includes('Wisconsin–Madison') || text.includes('Wisconsin–\nMadison'), text).toBe(true);
    }
  });

  it('shares the room in proportion to what each column wants beyond its longest word', () => {
    // Minimums 40 + 40 (sum 80), wanting 100 and 300 more: the 120 px left go 30 + 90.
    expect(
      columnWidths(
        [
          { min: 40, max: 140 },
          { min: 40, max: 340 },
        ],
        200,
      ),
    ).toEqual([70, 130]);
    // Rounding: whole pixels that add up to the width.
    const w = columnWidths(
      [
        { min: 30, max: 100 },
        { min: 30, max: 100 },
        { min: 30, max: 100 },
      ],
      200,
    );
    expect(sum(w)).toBe(200);
    expect(Math.max(...w) - Math.min(...w)).toBeLessThanOrEqual(1);
  });

  it('gives a CJK column at least the floor, within the width, without a lone character per line', () => {
    const zh = {
      columns: ['名称', '训练成本（美元）', '许可', '训练数据'],
      rows: [
        ['LLaMA-13B', '约 60 万', '非商业研究许可', '公开数据集，约 1.4 万亿个词元'],
        ['Vicuna-13B', '约 300', '非商业', '从 ShareGPT.com 收集的约 7 万段用户分享的 ChatGPT 对话'],
      ],
    };
    const floor = TABLE_CJK_FLOOR * 12 + 2 * TABLE_CELL_PAD;
    const l = layoutTable(zh, 360, measure);
    expect(l.width).toBeLessThanOrEqual(360);
    for (const c of [1, 2, 3]) expect(l.widths[c]).toBeGreaterThanOrEqual(floor);
    for (const row of l.cells) for (const lines of row) expect(lines.filter((line) => [...line].length === 1)).toEqual([]);
    // Latin words inside Chinese text stay whole.
    zh.rows.forEach((row, r) =>
      row.forEach((text, c) => {
        for (const word of text.match(/[A-Za-z0-9.-]+/g) ?? []) expect(l.cells[r + 1][c].some((line) => line.includes(word))).toBe(true);
      }),
    );
  });

  it('cuts words only when the longest words do not fit: it grows up to growTo first, then narrows the widest', () => {
    const wide = { columns: ['Identifier'], rows: [['x'.repeat(80)]] };
    // 80 × 7 + 12 = 572 px of unbreakable text.
    expect(layoutTable(wide, 300, measure, 600).widths).toEqual([572]);
    const cut = layoutTable(wide, 300, measure);
    expect(cut.widths).toEqual([300]);
    expect(cut.cells[1][0].length).toBeGreaterThan(1);
  });

  it('overflows rather than shrink columns below a readable width or their longest word', () => {
    const many = { columns: Array.from({ length: 10 }, (_, i) => `Columns ${i}`), rows: [] };
    const l = layoutTable(many, 300, measure);
    expect(l.widths.every((w) => w >= 56)).toBe(true);
    expect(l.width).toBeGreaterThan(300);
  });
});
