import { memo, useId, useRef, useState, type PointerEvent } from 'react';
import { CartesianGrid, ScatterChart, XAxis, YAxis } from 'recharts';
import { noGridLines } from '../../lib/chart-grid';
import { hatchId } from '../../components/chart-frame/palette';
import { WAVE_2023, type TimelineLink, type TimelineSeries, type TimeWindow } from '../../selectors/timeline-series';
import { useAppStore } from '../../store';
import { useLinkedMark } from '../../components/linked-marks/use-linked-mark';
import { showWave, TIMELINE_GEOMETRY, type PlacedMark, type TimelineLayout } from './timeline-layout';
import { KIND_COLORS, RELATION_DASH, type TimelineText } from './timeline-style';
import { routePath, type Point } from './timeline-routes';
import { GuideMarks } from '../../components/annotations/guide-marks';
import type { PlotGuide } from '../../components/figure/figure-annotations';

interface Props {
  series: TimelineSeries;
  layout: TimelineLayout;
  /** Each link's and talk connector's path, clear of the labels (timeline-routes.ts). */
  routes: ReadonlyMap<string, readonly Point[]>;
  text: TimelineText;
  onZoom: (w: TimeWindow) => void;
  /** The annotations' date lines and bands, behind the marks (their badges are in a strip above). */
  guides: readonly PlotGuide[];
}

const DAY = 86_400_000;
/** A drag shorter than this (px) is a click, not a zoom. */
const MIN_DRAG = 12;

/**
 * The chart: recharts draws the time axis and its grid; the lanes, markers, labels and links are
 * one custom layer in the same SVG, positioned by the pure layout so labels never collide.
 */
/** Drawn again only when its series, layout or text change. */
export const TimelinePlot = memo(function TimelinePlot({ series, layout, routes, text, onZoom, guides }: Props) {
  const g = TIMELINE_GEOMETRY;
  const { plot } = layout;
  return (
    <ScatterChart
      width={layout.width}
      height={layout.height}
      margin={{ top: 0, right: layout.width - plot.right, bottom: 0, left: plot.left }}
      className="timeline-chart"
      data-testid="timeline-svg"
    >
      <XAxis
        type="number"
        dataKey="x"
        domain={[series.window.start, series.window.end]}
        allowDataOverflow
        ticks={layout.ticks.map((t) => t.value)}
        height={g.axis}
        interval={0}
        stroke="var(--border)"
        tick={(p: { y: number | string; payload: { value: number } }) => <AxisTick y={p.y} payload={p.payload} layout={layout} />}
      />
      <YAxis type="number" dataKey="y" domain={[0, plot.bottom]} hide reversed />
      <CartesianGrid horizontal={false} horizontalCoordinatesGenerator={noGridLines} strokeDasharray="2 4" />
      <TimelineLayer series={series} layout={layout} routes={routes} text={text} onZoom={onZoom} guides={guides} />
    </ScatterChart>
  );
});

/** A tick label as the layout placed it (aligned inwards at the plot's edges, so never cut off). */
function AxisTick({ y, payload, layout }: { y: number | string; payload: { value: number }; layout: TimelineLayout }) {
  const tick = layout.ticks.find((t) => t.value === payload.value);
  if (!tick) return null;
  return (
    <text x={tick.x} y={Number(y) + 12} textAnchor={tick.anchor} className="timeline-tick" data-tick={tick.value} data-unit={tick.unit}>
      {tick.label}
    </text>
  );
}

function TimelineLayer({ series, layout, routes, text, onZoom, guides }: Props) {
  const selectedId = useAppStore((s) => s.selectedId);
  const hoveredId = useAppStore((s) => s.hoveredId);
  const linkedMark = useLinkedMark();
  const arrowId = useId().replace(/:/g, '');
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const dragRef = useRef<{ from: number; to: number } | null>(null);
  const { plot } = layout;

  const releaseMarks = new Map(layout.marks.filter((m) => m.role === 'release').map((m) => [m.item.id, m]));
  const talkMarks = layout.marks.filter((m) => m.role === 'talk');

  const pointerX = (e: PointerEvent<SVGRectElement>) => {
    const svg = e.currentTarget.ownerSVGElement;
    const box = svg?.getBoundingClientRect();
    return Math.min(plot.right, Math.max(plot.left, e.clientX - (box?.left ?? 0)));
  };
  const onPointerDown = (e: PointerEvent<SVGRectElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    const x = pointerX(e);
    dragRef.current = { from: x, to: x };
    setDrag(dragRef.current);
  };
  const onPointerMove = (e: PointerEvent<SVGRectElement>) => {
    if (!dragRef.current) return;
    dragRef.current = { ...dragRef.current, to: pointerX(e) };
    setDrag(dragRef.current);
  };
  const onPointerUp = () => {
    const d = dragRef.current;
    dragRef.current = null;
    setDrag(null);
    if (!d || Math.abs(d.to - d.from) < MIN_DRAG) return;
    const a = layout.invert(Math.min(d.from, d.to));
    const b = layout.invert(Math.max(d.from, d.to));
    // Whole days, at least a week, so a tiny drag still shows something readable.
    const start = Math.floor(a / DAY) * DAY;
    const end = Math.max(Math.ceil(b / DAY) * DAY, start + 7 * DAY);
    onZoom({ start, end });
  };

  return (
    <g className="timeline-layer">
      <defs>
        <marker id={arrowId} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L8,4 L0,8 z" className="timeline-arrow" />
        </marker>
      </defs>
      {layout.lanes.map((l, i) => (
        <g key={l.lane.key} className="timeline-lane" data-lane={l.lane.key}>
          {i % 2 === 0 && <rect className="timeline-lane-band" x={0} y={l.top} width={layout.width} height={l.height} />}
          <text className="timeline-lane-label" x={plot.left + 2} y={l.top + 14}>
            {text.laneLabel(l.lane)}
          </text>
        </g>
      ))}
      {showWave(series.window) && (
        <rect
          className="timeline-wave-band"
          data-testid="timeline-wave-band"
          x={layout.x(WAVE_2023.start)}
          y={plot.top}
          width={layout.x(WAVE_2023.end) - layout.x(WAVE_2023.start)}
          height={plot.bottom - plot.top}
        />
      )}
      <GuideMarks
        guides={guides}
        x={layout.x}
        left={plot.left}
        right={plot.right}
        plotTop={plot.top}
        plotBottom={plot.bottom}
        layer="behind"
      />
      <rect
        className={`timeline-drag${drag ? ' is-dragging' : ''}`}
        x={plot.left}
        y={plot.top}
        width={plot.right - plot.left}
        height={plot.bottom - plot.top}
        data-testid="timeline-drag"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => {
          dragRef.current = null;
          setDrag(null);
        }}
      />
      {drag && Math.abs(drag.to - drag.from) >= 2 && (
        <rect
          className="timeline-drag-area"
          x={Math.min(drag.from, drag.to)}
          y={plot.top}
          width={Math.abs(drag.to - drag.from)}
          height={plot.bottom - plot.top}
        />
      )}
      <g className="timeline-links">
        {series.links.map((link) => {
          const points = routes.get(`${link.from}>${link.to}`);
          if (!points) return null;
          const active = hoveredId === link.from || hoveredId === link.to || selectedId === link.from || selectedId === link.to;
          return <LinkPath key={`${link.from}>${link.to}`} link={link} points={points} arrowId={arrowId} active={active} />;
        })}
        {talkMarks.map((m) => {
          const points = routes.get(`talk:${m.item.id}`);
          if (!points) return null;
          return <path key={`talk-${m.item.id}`} className="timeline-talk-connector" d={routePath(points)} data-talk-link={m.item.id} />;
        })}
      </g>
      {talkMarks.map((m) => (
        <g
          key={`talk-${m.item.id}`}
          className="timeline-talk"
          data-talk-for={m.item.id}
          data-tip={text.talkDescription(m.item)}
          data-date={m.item.talk?.date.date}
        >
          <Marker mark={m} color={KIND_COLORS.get(m.item.kindLane) ?? 'currentColor'} ghost />
          <MarkLabel mark={m} />
        </g>
      ))}
      {[...releaseMarks.values()].map((m) => {
        const id = m.item.id;
        const selected = id === selectedId;
        const hovered = id === hoveredId;
        const description = text.markDescription(m.item);
        return (
          <g
            key={id}
            className={['timeline-mark', m.item.annotation && 'is-annotation', selected && 'is-selected', hovered && 'is-hovered']
              .filter(Boolean)
              .join(' ')}
            {...linkedMark(id, { pressed: selected })}
            aria-label={description}
            data-tip={description}
            data-system-id={id}
            data-annotation={m.item.annotation ? 'true' : undefined}
            data-date={m.item.release.date.date}
            data-date-label={text.date(m.item.release.date)}
            data-precision={m.precision}
            data-selected={selected ? 'true' : undefined}
            data-hovered={hovered ? 'true' : undefined}
          >
            {(selected || hovered) && <Highlight mark={m} selected={selected} />}
            <Marker
              mark={m}
              color={KIND_COLORS.get(m.item.kindLane) ?? 'currentColor'}
              estimated={m.item.status === 'estimated'}
              diamond={m.item.annotation}
            />
            <MarkLabel mark={m} />
          </g>
        );
      })}
    </g>
  );
}

function Marker({
  mark,
  color,
  ghost = false,
  estimated = false,
  diamond = false,
}: {
  mark: PlacedMark;
  color: string;
  ghost?: boolean;
  estimated?: boolean;
  /** A paper or an event: a diamond, so an annotation never reads as a system's release. */
  diamond?: boolean;
}) {
  const r = TIMELINE_GEOMETRY.markerRadius;
  // The talk's date: hollow, dashed and thicker, so it reads as "not the source's date" in both themes.
  const fill = ghost ? 'var(--surface)' : estimated ? `url(#${hatchId(color)})` : color;
  const dash = ghost ? '3 2' : estimated ? '3 2' : undefined;
  if (diamond && mark.precision === 'day') {
    const { cx, cy } = mark;
    return (
      <path
        className="timeline-marker timeline-marker-diamond"
        d={`M${cx},${cy - r - 1} L${cx + r + 1},${cy} L${cx},${cy + r + 1} L${cx - r - 1},${cy} Z`}
        fill={ghost ? fill : 'var(--surface)'}
        stroke={color}
        strokeWidth={2}
        strokeDasharray={dash}
      />
    );
  }
  if (mark.precision === 'month') {
    return (
      <rect
        className="timeline-marker timeline-marker-month"
        x={mark.x0}
        y={mark.cy - 4.5}
        width={mark.x1 - mark.x0}
        height={9}
        rx={2}
        fill={fill}
        stroke={color}
        strokeWidth={ghost ? 2 : 1}
        strokeDasharray={dash}
      />
    );
  }
  return (
    <circle
      className="timeline-marker"
      cx={mark.cx}
      cy={mark.cy}
      r={ghost ? r - 0.5 : r}
      fill={fill}
      stroke={color}
      strokeWidth={ghost ? 2 : 1}
      strokeDasharray={dash}
    />
  );
}

function Highlight({ mark, selected }: { mark: PlacedMark; selected: boolean }) {
  const cls = selected ? 'timeline-ring is-selected' : 'timeline-ring';
  if (mark.precision === 'month')
    return <rect className={cls} x={mark.x0 - 4} y={mark.cy - 8} width={mark.x1 - mark.x0 + 8} height={16} rx={4} />;
  return <circle className={cls} cx={mark.cx} cy={mark.cy} r={selected ? 9 : 8} />;
}

function MarkLabel({ mark }: { mark: PlacedMark }) {
  return (
    <text className="timeline-label" x={mark.labelX} y={mark.cy + 4} textAnchor={mark.labelAnchor}>
      {mark.label}
    </text>
  );
}

function LinkPath({ link, points, arrowId, active }: { link: TimelineLink; points: readonly Point[]; arrowId: string; active: boolean }) {
  return (
    <path
      className={['timeline-link', link.via.length > 0 && 'is-via', active && 'is-active'].filter(Boolean).join(' ')}
      d={routePath(points)}
      strokeDasharray={RELATION_DASH[link.relation]}
      markerEnd={`url(#${arrowId})`}
      data-link={`${link.from}>${link.to}`}
      data-relation={link.relation}
      data-via={link.via.join(' ') || undefined}
    />
  );
}
