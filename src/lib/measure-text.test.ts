import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { estimateGlyphWidth, textMeasurer } from './measure-text';

/** The definition, one regex test per code point, that the charCode version must equal. */
function reference(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text)
    em += /[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(ch) ? 1 : /[\s.,:;|il'’]/.test(ch) ? 0.3 : /[A-Z$MW%]/.test(ch) ? 0.68 : 0.56;
  return em * fontSize;
}

describe('estimateGlyphWidth', () => {
  it('gives known widths by class', () => {
    expect(estimateGlyphWidth('', 10)).toBe(0);
    expect(estimateGlyphWidth('il', 10)).toBeCloseTo(6);
    expect(estimateGlyphWidth('MW', 10)).toBeCloseTo(13.6);
    expect(estimateGlyphWidth('ab', 10)).toBeCloseTo(11.2);
    expect(estimateGlyphWidth('模型', 12)).toBeCloseTo(24);
    expect(estimateGlyphWidth('한', 10)).toBeCloseTo(10);
    // One astral character (a surrogate pair) counts once.
    expect(estimateGlyphWidth('😀', 10)).toBeCloseTo(5.6);
  });

  it('equals the per-code-point regex definition on random text', () => {
    // Every class edge, spaces the regex's \s knows, lone and paired surrogates.
    const unit = fc.constantFrom(
      'a',
      'Z',
      'A',
      '$',
      '%',
      'M',
      'i',
      'l',
      '.',
      ',',
      ':',
      ';',
      '|',
      "'",
      '’',
      ' ',
      '\t',
      '\n',
      '\u00a0',
      '\u2009',
      '\u3000',
      '\ufeff',
      '\u202f',
      '\u2e7f',
      '\u2e80',
      '\u9fff',
      '\ua000',
      '\uabff',
      '\uac00',
      '\ud7af',
      '\ud7b0',
      '\uff00',
      '\uffef',
      '\ufff0',
      '😀',
      '\ud83d',
      '\ude00',
      '模',
      'é',
      '0',
      '(',
      '…',
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), fc.integer({ min: 8, max: 16 }), (units, size) => {
        const text = units.join('');
        expect(estimateGlyphWidth(text, size)).toBeCloseTo(reference(text, size), 9);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('textMeasurer', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('without a canvas (Node, jsdom) gives the glyph estimate', () => {
    const measure = textMeasurer(12, 600);
    expect(measure('Alpaca 模型')).toBeCloseTo(estimateGlyphWidth('Alpaca 模型', 12));
  });

  it('with a canvas measures in the font asked for, once per text', async () => {
    const fonts: string[] = [];
    const ctx = {
      font: '',
      measureText(text: string) {
        fonts.push(this.font);
        return { width: text.length * 7 };
      },
    };
    vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 Chrome/140' });
    vi.stubGlobal('document', { createElement: () => ({ getContext: () => ctx }) });
    // A fresh module: the canvas context is looked up once per page.
    vi.resetModules();
    const fresh = await import('./measure-text');
    const exportTitle = fresh.textMeasurer(16, 600, 'Arial, sans-serif');
    const label = fresh.textMeasurer(12);
    expect(exportTitle('Training cost')).toBe(13 * 7 + 2);
    expect(exportTitle('Training cost')).toBe(13 * 7 + 2);
    expect(label('LLaMA')).toBe(5 * 7 + 2);
    expect(fonts).toEqual(['600 16px Arial, sans-serif', `400 12px ${fresh.PAGE_FONT}`]);
  });
});
