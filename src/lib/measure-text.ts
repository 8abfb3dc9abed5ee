/*
 * Text widths for label placement. In a browser a canvas measures with the page's font; without
 * one (jsdom) a per-character estimate is used, generous for CJK characters.
 */

const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
let context: CanvasRenderingContext2D | null | undefined;

function canvasContext(): CanvasRenderingContext2D | null {
  if (context !== undefined) return context;
  const isJsdom = typeof navigator !== 'undefined' && /jsdom/i.test(navigator.userAgent);
  context = !isJsdom && typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
  return context;
}

export function estimateTextWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\u9FFF\uFF00-\uFFEF]/.test(ch) ? fontSize : fontSize * 0.58;
  return w;
}

/**
 * A finer per-character estimate, for SVG labels placed before they are drawn (the bar-row charts'
 * name column and value labels, laid out identically in every environment): narrow and wide Latin
 * glyphs apart, CJK and Hangul full-width.
 */
export function estimateGlyphWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(ch) ? 1 : /[\s.,:;|il'’]/.test(ch) ? 0.3 : /[A-Z$MW%]/.test(ch) ? 0.68 : 0.56;
  return em * fontSize;
}

/** A measuring function for one font size and weight; widths are cached per text. */
export function textMeasurer(fontSize: number, weight: 400 | 600 = 400): (text: string) => number {
  const cache = new Map<string, number>();
  return (text) => {
    let w = cache.get(text);
    if (w === undefined) {
      const ctx = canvasContext();
      if (ctx) {
        ctx.font = `${weight} ${fontSize}px ${FONT_FAMILY}`;
        w = ctx.measureText(text).width + 2;
      } else w = estimateTextWidth(text, fontSize);
      cache.set(text, w);
    }
    return w;
  };
}
