import { escapeXml } from '../../lib/export-panel';
import type { GraphPlot } from './figure-model';
import type { PlotLayout } from './plot-bars';
import { r1, tag, type Colors } from './svg-kit';

/*
 * A graph laid out beforehand in its own units (the lineage tree's layered layout): the figure
 * scales it to the box — never above its natural size times the type's growth, so its text grows
 * with the box's type — and draws boxes, family frames and arrows with their relation's dash.
 */

const PAD = 8;

function fitScale(plot: GraphPlot, width: number, base: number, maxHeight: number | null): number {
  const w = plot.width + 2 * PAD;
  const h = plot.height + 2 * PAD;
  // The graph's text was laid out at `fontSize`; in a box whose type is larger, the graph grows with it.
  const grow = Math.max(1, base / 13);
  let s = Math.min(grow, width / w);
  if (maxHeight !== null) s = Math.min(s, maxHeight / h);
  return s;
}

export function graphHeightAtMin(plot: GraphPlot, width: number): number {
  return (plot.height + 2 * PAD) * Math.min(1, width / (plot.width + 2 * PAD));
}

export function layoutGraph(plot: GraphPlot, x0: number, width: number, base: number, maxHeight: number | null, c: Colors): PlotLayout {
  const s = fitScale(plot, width, base, maxHeight);
  const height = (plot.height + 2 * PAD) * s;
  const faded = (dimmed: boolean) => (dimmed ? 0.35 : undefined);
  const draw = (top: number) => {
    const parts: string[] = [
      tag(
        'defs',
        {},
        tag(
          'marker',
          { id: 'graph-arrow', viewBox: '0 0 8 8', refX: 7.5, refY: 4, markerWidth: 7, markerHeight: 7, orient: 'auto' },
          tag('path', { d: 'M0,0 L8,4 L0,8 z', fill: c.muted }),
        ),
      ),
    ];
    for (const f of plot.families)
      parts.push(
        tag(
          'g',
          { transform: `translate(${r1(f.x)},${r1(f.y)})`, opacity: faded(f.dimmed) },
          tag('rect', {
            width: f.width,
            height: f.height,
            rx: 8,
            fill: c.track,
            stroke: f.filter ? c.text : c.rule,
            'stroke-width': f.filter ? 2 : 1,
          }) +
            tag(
              'text',
              { x: f.width / 2, y: 14, 'text-anchor': 'middle', 'font-size': plot.fontSize, 'font-weight': 600, fill: c.muted },
              escapeXml(f.title),
            ),
        ),
      );
    for (const e of plot.edges)
      parts.push(
        tag('path', {
          d: e.d,
          fill: 'none',
          stroke: c.muted,
          'stroke-width': 1.4,
          'stroke-dasharray': e.dash,
          'marker-end': 'url(#graph-arrow)',
          opacity: faded(e.dimmed),
        }),
      );
    for (const n of plot.nodes)
      parts.push(
        tag(
          'g',
          { id: `node-${n.id}`, transform: `translate(${r1(n.x)},${r1(n.y)})`, opacity: faded(n.dimmed) },
          tag('rect', {
            width: n.width,
            height: n.height,
            rx: 6,
            fill: c.background,
            stroke: n.filter ? c.text : c.muted,
            'stroke-width': n.filter ? 2 : 1,
          }) +
            tag(
              'text',
              { x: n.width / 2, y: n.height / 2 + plot.fontSize * 0.35, 'text-anchor': 'middle', 'font-size': plot.fontSize, fill: c.text },
              escapeXml(n.label),
            ),
        ),
      );
    const left = x0 + Math.max(0, (width - (plot.width + 2 * PAD) * s) / 2);
    return tag(
      'g',
      { id: 'figure-plot', transform: `translate(${r1(left + PAD * s)},${r1(top + PAD * s)}) scale(${Math.round(s * 1000) / 1000})` },
      parts.join(''),
    );
  };
  return { height, rowsDrawn: plot.nodes.length, rowsCut: 0, draw, hatchColors: [] };
}
