import { escapeXml } from '../../lib/export-panel';
import type { PlotGuide } from './figure-annotations';
import { measure, r1, tag, type Colors } from './svg-kit';

/*
 * The annotations' value and date guides on a plot with a horizontal axis: a shaded band or a
 * dashed line behind the marks (so they never cover one), and each guide's badge in a strip of
 * its own above the plot, spread apart so no two badges touch. The texts are in the figure's key.
 */

/** The strip's height: none without guides. */
export function guideStripHeight(guides: readonly PlotGuide[] | undefined, size: number): number {
  return guides && guides.length > 0 ? size * 1.9 : 0;
}

/**
 * Centres for badges of the given widths, each as near its wanted x as the others allow, inside
 * [left, right]: placed in order left to right, then pushed back from the right edge. Touching
 * nowhere when their widths (and gaps) fit between the edges, which eight badges always do.
 */
export function spreadBadges(wanted: readonly number[], widths: readonly number[], left: number, right: number, gap: number): number[] {
  const order = wanted.map((_, i) => i).sort((a, b) => wanted[a] - wanted[b]);
  const at = new Array<number>(wanted.length);
  let edge = left;
  for (const i of order) {
    at[i] = Math.max(wanted[i], edge + widths[i] / 2);
    edge = at[i] + widths[i] / 2 + gap;
  }
  edge = right;
  for (const i of [...order].reverse()) {
    at[i] = Math.min(at[i], edge - widths[i] / 2);
    edge = at[i] - widths[i] / 2 - gap;
  }
  return at;
}

/** Where a guide's badge wants to sit: its line, or the middle of the band's visible part. */
function wantedX(g: PlotGuide, x: (v: number) => number): number {
  return g.kind === 'line' ? x(g.at) : (x(g.from) + x(g.to)) / 2;
}

export interface GuideDrawing {
  /** Bands and lines, drawn before the marks. */
  behind: string;
  /** The badges in their strip. */
  strip: string;
}

export function drawGuides(
  guides: readonly PlotGuide[] | undefined,
  x: (v: number) => number,
  px0: number,
  px1: number,
  stripTop: number,
  plotBottom: number,
  size: number,
  c: Colors,
): GuideDrawing {
  if (!guides || guides.length === 0) return { behind: '', strip: '' };
  const stripH = guideStripHeight(guides, size);
  const plotTop = stripTop + stripH;
  const behind = guides.map((g) => {
    if (g.kind === 'band') {
      const a = x(g.from);
      const b = x(g.to);
      return tag('rect', {
        x: a,
        y: plotTop,
        width: Math.max(1.5, b - a),
        height: plotBottom - plotTop,
        fill: c.text,
        'fill-opacity': 0.08,
        stroke: c.muted,
        'stroke-opacity': 0.5,
        'stroke-width': 0.8,
        'stroke-dasharray': '3 3',
      });
    }
    return tag('line', {
      x1: x(g.at),
      x2: x(g.at),
      y1: plotTop,
      y2: plotBottom,
      stroke: c.muted,
      'stroke-width': 1.2,
      'stroke-dasharray': '6 3',
    });
  });
  const badgeSize = size * 1.05;
  const widths = guides.map((g) => measure(g.badge, badgeSize) + 2);
  const wanted = guides.map((g) => wantedX(g, x));
  const at = spreadBadges(wanted, widths, px0, px1, size * 0.3);
  const strip = guides.map((g, i) => {
    const baseline = stripTop + stripH * 0.62;
    // A badge pushed aside by another keeps a thin tie to its own place.
    const tie =
      Math.abs(at[i] - wanted[i]) > 1
        ? tag('path', {
            d: `M${r1(at[i])} ${r1(baseline + size * 0.25)} L${r1(wanted[i])} ${r1(plotTop)}`,
            stroke: c.muted,
            'stroke-width': 0.8,
            fill: 'none',
          })
        : '';
    return tie + tag('text', { x: at[i], y: baseline, 'font-size': badgeSize, 'text-anchor': 'middle', fill: c.text }, escapeXml(g.badge));
  });
  return { behind: tag('g', { id: 'figure-guides' }, behind.join('')), strip: tag('g', { id: 'figure-guide-badges' }, strip.join('')) };
}
