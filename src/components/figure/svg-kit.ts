/*
 * The SVG writer's small parts shared by the figure renderer and its plot kinds: colours per
 * theme, font stacks, text measured without a page, elements as strings with rounded numbers,
 * wrapped text blocks and hatch patterns for estimates.
 */
import { escapeXml, wrapText } from '../../lib/export-panel';
import { estimateGlyphWidth } from '../../lib/measure-text';

export type FigureTheme = 'light' | 'dark';

export const THEMES = {
  light: { background: '#ffffff', text: '#1b1f24', muted: '#57606a', rule: '#d0d7de', grid: '#d8dee4', halo: '#ffffff', track: '#f3f5f7' },
  dark: { background: '#16191d', text: '#e6edf3', muted: '#9ba6b2', rule: '#3d444d', grid: '#30363d', halo: '#16191d', track: '#1f2428' },
} as const;

export type Colors = (typeof THEMES)[FigureTheme];

/**
 * Fonts by language. In English a Latin face comes first, so quotes and apostrophes are not drawn
 * full-width from a CJK face; DejaVu Sans stands in on Linux machines without Arial or Noto Sans.
 * In Chinese the CJK faces come first, whose full-width punctuation is right there.
 */
export const LATIN_FONTS = "'Noto Sans', Arial, 'Liberation Sans', 'DejaVu Sans'";
export const CJK_FONTS = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei'";
export function figureFont(lang: string): string {
  return lang.startsWith('zh') ? `${CJK_FONTS}, ${LATIN_FONTS}, sans-serif` : `${LATIN_FONTS}, ${CJK_FONTS}, sans-serif`;
}

export const r1 = (n: number) => Math.round(n * 10) / 10;
export const BOLD = 1.08;

/** Wider than the screen's estimate: exported text may be set in a wider face (DejaVu Sans) than Arial. */
export const SLACK = 1.08;

export function measure(text: string, size: number, weight = 400): number {
  return estimateGlyphWidth(text, size) * SLACK * (weight >= 600 ? BOLD : 1);
}

/** An SVG element as a string; attributes in the order given, numbers rounded. */
export function tag(name: string, attrs: Record<string, string | number | undefined>, body?: string): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? r1(v) : escapeXml(v as string)}"`)
    .join('');
  return body === undefined ? `<${name}${a}/>` : `<${name}${a}>${body}</${name}>`;
}

export interface TextBlock {
  lines: string[];
  size: number;
  weight: number;
  lineHeight: number;
  height: number;
}

export function block(text: string, width: number, size: number, weight = 400, leading = 1.3): TextBlock {
  const lines = text.trim() ? wrapText(text.trim(), width, (s) => measure(s, size, weight)) : [];
  const lineHeight = size * leading;
  return { lines, size, weight, lineHeight, height: lines.length * lineHeight };
}

export function drawBlock(b: TextBlock, x: number, top: number, fill: string, id?: string): string {
  const body = b.lines
    .map((line, i) =>
      tag(
        'text',
        { x, y: top + i * b.lineHeight + b.size * 0.95, 'font-size': b.size, 'font-weight': b.weight === 400 ? undefined : b.weight, fill },
        escapeXml(line),
      ),
    )
    .join('');
  return id ? tag('g', { id }, body) : body;
}

export function hatchRef(color: string): string {
  return `hatch-${color.replace('#', '').toLowerCase()}`;
}

export function hatchDefs(colors: Iterable<string>, scale: number): string {
  const size = r1(6 * scale);
  return [...new Set(colors)]
    .sort()
    .map((color) =>
      tag(
        'pattern',
        { id: hatchRef(color), patternUnits: 'userSpaceOnUse', width: size, height: size, patternTransform: 'rotate(45)' },
        tag('rect', { width: size, height: size, fill: color, 'fill-opacity': 0.25 }) +
          tag('line', { x1: 0, y1: 0, x2: 0, y2: size, stroke: color, 'stroke-width': r1(2.5 * scale) }),
      ),
    )
    .join('');
}

export function fill(template: string, n: number): string {
  return template.replace('{more}', String(n));
}
