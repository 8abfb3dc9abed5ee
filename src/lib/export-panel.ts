/*
 * Per-panel export: a chart frame rebuilt as one standalone SVG (text stays text, styles inlined,
 * referenced hatch patterns copied in), then PNG at any scale, clipboard, and file names.
 * No <foreignObject>: an SVG drawn into a canvas with HTML inside taints it in some browsers, so
 * the title, legend and notes are re-laid out as SVG text from what the frame shows.
 */
import type { Filters } from '../store/filters-model';

/**
 * Fonts that render the same on other machines, Chinese included. A Latin face (Arial and its
 * metric twin Liberation Sans) comes before the CJK faces: without one, a machine lacking Noto
 * Sans draws curly quotes and apostrophes full-width from the CJK font.
 */
export const EXPORT_FONT = "'Noto Sans', Arial, 'Liberation Sans', 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Lower-case ASCII slug; characters outside a–z/0–9 (CJK included) collapse to "-". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The active filters as a short slug: `llama-family`, `all` with none, several joined by `+`. */
export function filterSlug(filters: Filters, familyIds: ReadonlySet<string>): string {
  const parts: string[] = [];
  for (const o of filters.organizations) parts.push(slugify(o));
  for (const b of filters.bases) parts.push(familyIds.has(b) ? `${slugify(b)}-family` : slugify(b));
  parts.push(...filters.modalities);
  for (const o of filters.openness) parts.push(`open-${o}`);
  parts.push(...filters.kinds);
  if (filters.dateFrom || filters.dateTo) parts.push(`${filters.dateFrom ?? 'start'}-to-${filters.dateTo ?? 'end'}`);
  const q = slugify(filters.query.trim());
  if (q) parts.push(`q-${q}`);
  const slug = parts.filter(Boolean).join('+');
  if (!slug) return filters.query.trim() ? 'search' : 'all';
  return slug.length > 60 ? `${slug.slice(0, 60).replace(/[+-]+$/, '')}+more` : slug;
}

/** `training-cost_llama-family_2025-11.png`: panel, filters, the data's month (from `asOf`). */
export function exportFileName(opts: { panelId: string; filters: Filters; familyIds: ReadonlySet<string>; asOf: string; ext: string; suffix?: string }): string {
  const month = /^\d{4}-\d{2}/.exec(opts.asOf)?.[0] ?? 'undated';
  return `${opts.panelId}_${filterSlug(opts.filters, opts.familyIds)}_${month}${opts.suffix ?? ''}.${opts.ext}`;
}

/** Greedy word wrap; CJK text (no spaces) breaks between characters. Never returns an empty list. */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const tokens = text.match(/[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens) {
    const next = line + tok;
    if (line && measure(next.trimEnd()) > maxWidth) {
      lines.push(line.trimEnd());
      line = tok.trimStart();
    } else line = next;
  }
  if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/** `url("#hatch-1f5fbf")` / `url(#x)` → `hatch-1f5fbf`. */
export function referencedId(value: string | null): string | null {
  const m = value ? /url\(\s*["']?#([^"')]+)["']?\s*\)/.exec(value) : null;
  return m ? m[1] : null;
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/* ---------------------------------------------------------------- DOM part ---------------- */

const INLINED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'paint-order',
  'font-variant-numeric',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

export interface ExportOptions {
  title: string;
  subtitle: string;
  description: string;
  /** Lines under the chart: "N of M shown", footnotes, source note. */
  notes: string[];
  footer: string;
  /** Keep the UI's dark theme instead of the light default. */
  keepTheme: boolean;
}

export interface BuiltSvg {
  svg: string;
  width: number;
  height: number;
}

/** Whether the page currently renders dark (a dark body background). */
export function isDarkUi(): boolean {
  const bg = getComputedStyle(document.body).backgroundColor;
  return luminance(bg) < 0.4;
}

function luminance(rgb: string): number {
  const m = rgb.match(/[\d.]+/g);
  if (!m || m.length < 3) return 1;
  const [r, g, b] = m.map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/** Runs `fn` with the light theme forced on <html> (unless `keep`), restoring the attribute after. */
function withTheme<T>(keep: boolean, fn: () => T): T {
  if (keep) return fn();
  const root = document.documentElement;
  const before = root.getAttribute('data-theme');
  root.setAttribute('data-theme', 'light');
  try {
    return fn();
  } finally {
    if (before === null) root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', before);
  }
}

let measureCtx: CanvasRenderingContext2D | null | undefined;
function measurer(size: number, weight = 400): (s: string) => number {
  if (measureCtx === undefined) measureCtx = document.createElement('canvas').getContext('2d');
  const ctx = measureCtx;
  return (s) => {
    if (!ctx) return [...s].reduce((w, ch) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? size : size * 0.58), 0);
    ctx.font = `${weight} ${size}px ${EXPORT_FONT}`;
    return ctx.measureText(s).width;
  };
}

/** Clones an SVG element with the computed presentation styles written as attributes. */
function cloneWithStyles(source: SVGElement, patternIds: Set<string>): SVGElement {
  const clone = source.cloneNode(true) as SVGElement;
  const walk = (orig: Element, copy: Element) => {
    const cs = getComputedStyle(orig);
    for (const prop of INLINED) {
      const v = cs.getPropertyValue(prop);
      if (!v) continue;
      if (prop === 'display' && v !== 'none') continue;
      if (prop === 'visibility' && v === 'visible') continue;
      copy.setAttribute(prop, v);
      if (prop === 'fill' || prop === 'stroke') {
        const id = referencedId(v);
        if (id) {
          patternIds.add(id);
          copy.setAttribute(prop, `url(#${id})`);
        }
      }
    }
    if (orig instanceof SVGTextElement || orig instanceof SVGTSpanElement) copy.setAttribute('font-family', EXPORT_FONT);
    for (const attr of [...copy.attributes]) {
      if (attr.name === 'class' || attr.name === 'style' || attr.name === 'tabindex' || attr.name.startsWith('on') || attr.name.startsWith('aria-') || attr.name === 'role') copy.removeAttribute(attr.name);
    }
    const oc = orig.children;
    const cc = copy.children;
    for (let i = 0; i < oc.length && i < cc.length; i++) walk(oc[i], cc[i]);
  };
  walk(source, clone);
  return clone;
}

function el(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

const PAD = 20;

/** A legend's entries: `.legend-item`s and chart-specific `*-legend-item`s, outermost only. */
export function legendItems(legend: Element): HTMLElement[] {
  const all = [...legend.querySelectorAll<HTMLElement>('.legend-item, [class*="-legend-item"]')];
  return all.filter((e) => !all.some((o) => o !== e && o.contains(e)));
}

/**
 * Builds the standalone SVG for a `.chart-frame` section: header text, the chart's SVG(s) with
 * styles inlined, the legend rebuilt from `.legend-item`s, notes and a footer. Controls, tooltips
 * and focus rings are never copied because only the parts above are.
 */
export function buildPanelSvg(section: HTMLElement, opts: ExportOptions): BuiltSvg {
  return withTheme(opts.keepTheme, () => {
    const width = Math.round(section.getBoundingClientRect().width);
    const inner = width - 2 * PAD;
    const sectionStyle = getComputedStyle(section);
    const background = sectionStyle.backgroundColor && sectionStyle.backgroundColor !== 'rgba(0, 0, 0, 0)' ? sectionStyle.backgroundColor : '#ffffff';
    const textColor = getComputedStyle(section.querySelector('h2') ?? section).color;
    const muted = getComputedStyle(section.querySelector('.chart-subtitle') ?? section).color;
    const patternIds = new Set<string>();
    const body: SVGElement[] = [];
    let y = PAD;

    const addLines = (text: string, size: number, weight: number, color: string, gap = 4) => {
      const lineHeight = Math.round(size * 1.35);
      for (const line of wrapText(text, inner, measurer(size, weight))) {
        y += lineHeight;
        body.push(el('text', { x: PAD, y: y - Math.round(size * 0.3), 'font-size': size, 'font-weight': weight, fill: color }, line));
      }
      y += gap;
    };

    addLines(opts.title, 20, 600, textColor, 2);
    addLines(opts.subtitle, 13, 400, muted);
    if (opts.description) addLines(opts.description, 13, 400, textColor, 8);

    // The chart: every SVG in the figure except legend swatches, placed where it sits on screen.
    const figure = section.querySelector<HTMLElement>('.chart-figure');
    if (figure) {
      const fig = figure.getBoundingClientRect();
      const svgs = [...figure.querySelectorAll<SVGSVGElement>('svg')].filter((s) => !s.closest('.chart-legend') && !s.closest('.legend-item') && s.getBoundingClientRect().width > 0);
      const legend = figure.querySelector('.chart-legend');
      let maxBottom = 0;
      for (const s of svgs) {
        const r = s.getBoundingClientRect();
        const scale = Math.min(1, inner / r.width);
        const x = PAD + Math.max(0, r.left - fig.left) * scale;
        const top = y + Math.max(0, r.top - fig.top);
        const clone = cloneWithStyles(s, patternIds);
        clone.setAttribute('x', String(x));
        clone.setAttribute('y', String(top));
        clone.setAttribute('width', String(r.width * scale));
        clone.setAttribute('height', String(r.height * scale));
        if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${r.width} ${r.height}`);
        clone.setAttribute('overflow', 'visible');
        body.push(clone);
        maxBottom = Math.max(maxBottom, Math.max(0, r.top - fig.top) + r.height * scale);
      }
      y += maxBottom + 10;

      // The legend, rebuilt as swatch + text, flowing and wrapping like the page's.
      if (legend) {
        const size = 12;
        const measure = measurer(size);
        let x = PAD;
        let rowHeight = 0;
        for (const item of legendItems(legend)) {
          const sw = item.querySelector<SVGSVGElement>('svg');
          const label = (item.textContent ?? '').replace(/\s+/g, ' ').trim();
          const swW = sw ? sw.getBoundingClientRect().width : 0;
          const swH = sw ? sw.getBoundingClientRect().height : 0;
          const w = swW + 5 + measure(label) + 14;
          if (x > PAD && x + w > PAD + inner) {
            x = PAD;
            y += rowHeight + 4;
            rowHeight = 0;
          }
          const h = Math.max(16, swH);
          if (sw) {
            const clone = cloneWithStyles(sw, patternIds);
            clone.setAttribute('x', String(x));
            clone.setAttribute('y', String(y + (h - swH) / 2));
            body.push(clone);
          }
          body.push(el('text', { x: x + swW + 5, y: y + h / 2, 'dominant-baseline': 'central', 'font-size': size, fill: muted }, label));
          x += w;
          rowHeight = Math.max(rowHeight, h);
        }
        y += rowHeight + 10;
      }
    }

    for (const note of opts.notes) if (note.trim()) addLines(note.trim(), 12, 400, muted, 2);
    y += 6;
    body.push(el('line', { x1: PAD, x2: PAD + inner, y1: y, y2: y, stroke: muted, 'stroke-opacity': 0.4 }));
    y += 4;
    addLines(opts.footer, 11, 400, muted, 0);
    const height = Math.ceil(y + PAD);

    const root = el('svg', { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': EXPORT_FONT });
    const defs = el('defs', {});
    for (const id of patternIds) {
      const p = document.getElementById(id);
      if (p) defs.append(p.cloneNode(true));
    }
    root.append(defs, el('rect', { width, height, fill: background }), ...body);
    const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`;
    return { svg, width, height };
  });
}

/** Renders the SVG into a PNG at `scale` × its CSS size. */
export async function svgToPng(built: BuiltSvg, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([built.svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the exported SVG could not be drawn'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(built.width * scale);
    canvas.height = Math.round(built.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Copies a PNG to the clipboard; false when the browser has no image clipboard or refuses. */
export async function copyPng(png: Promise<Blob>): Promise<boolean> {
  try {
    if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) return false;
    // A promise in the ClipboardItem keeps Safari's user-activation window open while it renders.
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
    return true;
  } catch {
    return false;
  }
}
