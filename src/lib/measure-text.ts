/*
 * Text widths for laying out labels and exported text. `textMeasurer` measures with a canvas in
 * the font asked for; without one (jsdom) it falls back to `estimateGlyphWidth`, which the bar-row
 * charts also use directly so their layout is the same in every environment.
 */

/** The page's font stack (as in app.css); the PNG/SVG export passes its own. */
export const PAGE_FONT =
  "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
let context: CanvasRenderingContext2D | null | undefined;

function canvasContext(): CanvasRenderingContext2D | null {
  if (context !== undefined) return context;
  const isJsdom = typeof navigator !== 'undefined' && /jsdom/i.test(navigator.userAgent);
  context = !isJsdom && typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
  return context;
}

/**
 * A per-character estimate, for SVG labels placed before they are drawn (the bar-row charts' name
 * column and value labels, laid out identically in every environment) and where no canvas
 * measures: narrow and wide Latin glyphs apart, CJK and Hangul full-width.
 */
export function estimateGlyphWidth(text: string, fontSize: number): number {
  // By UTF-16 unit rather than `for…of` and a regex per character: charts call this for every name
  // and label on each filter click, and the per-character strings were most of its cost.
  let em = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is one (non-CJK, non-Hangul) character.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      em += 0.56;
    } else em += glyphEm(c);
  }
  return em * fontSize;
}

/** Width class of one UTF-16 unit, in em: CJK, Hangul and circled digits full-width; spaces and narrow marks; capitals and wide signs; the rest. */
function glyphEm(c: number): number {
  // Enclosed alphanumerics (the annotations' ① … ⑧) are drawn about as wide as CJK in the fonts that have them.
  if ((c >= 0x2460 && c <= 0x24ff) || (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xff00 && c <= 0xffef))
    return 1;
  if (
    isSpace(c) ||
    c === 0x2e /* . */ ||
    c === 0x2c /* , */ ||
    c === 0x3a /* : */ ||
    c === 0x3b /* ; */ ||
    c === 0x7c /* | */ ||
    c === 0x69 /* i */ ||
    c === 0x6c /* l */ ||
    c === 0x27 /* ' */ ||
    c === 0x2019 /* ’ */
  )
    return 0.3;
  if ((c >= 0x41 && c <= 0x5a) || c === 0x24 /* $ */ || c === 0x25 /* % */) return 0.68;
  return 0.56;
}

/** What a regex `\s` matches (ECMAScript WhiteSpace and LineTerminator). */
function isSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * The text measurer: widths in px of texts in one font (size, weight, family), each text measured
 * once per measurer. With a canvas, its width plus 2 px of room, so a label measured to the pixel
 * does not touch what is placed after it; without one, `estimateGlyphWidth`.
 */
export function textMeasurer(fontSize: number, weight = 400, family = PAGE_FONT): (text: string) => number {
  const cache = new Map<string, number>();
  const font = `${weight} ${fontSize}px ${family}`;
  return (text) => {
    let w = cache.get(text);
    if (w === undefined) {
      const ctx = canvasContext();
      if (ctx) {
        ctx.font = font;
        w = ctx.measureText(text).width + 2;
      } else w = estimateGlyphWidth(text, fontSize);
      cache.set(text, w);
    }
    return w;
  };
}
