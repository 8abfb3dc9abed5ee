import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { formatInteger } from '../../i18n/format';
import { chooseTimeTicks } from '../../lib/time-ticks';
import type { TimelineOverview, TimeWindow } from '../../selectors/timeline-series';
import { TIMELINE_GEOMETRY } from './timeline-layout';
import { KIND_COLORS, type TimelineText } from './timeline-style';
import { windowRange } from './timeline-figure';

interface Props {
  overview: TimelineOverview;
  /** The window the main chart shows: the brush. */
  window: TimeWindow;
  width: number;
  text: TimelineText;
  measureTick: (text: string) => number;
  onWindow: (w: TimeWindow) => void;
}

const DAY = 86_400_000;
const YEAR = 365.25 * DAY;
/** The decade of the dashboard's subject, shaded in the strip. */
export const WAVE_YEARS: TimeWindow = { start: Date.UTC(2020, 0, 1), end: Date.UTC(2024, 0, 1) };
const H = { caption: 14, bars: 30, axis: 18 } as const;
const MIN_DRAG = 8;

/** Whole days, inside the extent, never shorter than a week. */
function clampWindow(w: TimeWindow, extent: TimeWindow): TimeWindow {
  const len = Math.max(7 * DAY, Math.min(w.end - w.start, extent.end - extent.start));
  let start = Math.max(extent.start, Math.min(w.start, extent.end - len));
  start = Math.floor(start / DAY) * DAY;
  return { start, end: start + Math.ceil(len / DAY) * DAY };
}

/**
 * Every dated system over decades, as a bar per year coloured by kind, with the 2020–2023 wave
 * shaded and the main chart's window as a brush: drag it (or drag a new span), or focus it and
 * move it with the arrow keys. It writes the same window as dragging across the chart.
 */
export function TimelineOverviewStrip({ overview, window, width, text, measureTick, onWindow }: Props) {
  const t = text.tr;
  const g = TIMELINE_GEOMETRY;
  const left = g.marginLeft;
  const right = Math.max(left + 40, width - g.marginRight);
  const { extent } = overview;
  const span = extent.end - extent.start;
  const x = (ms: number) => left + ((Math.max(extent.start, Math.min(extent.end, ms)) - extent.start) / span) * (right - left);
  const invert = (px: number) => extent.start + ((px - left) / (right - left)) * span;
  const [preview, setPreview] = useState<TimeWindow | null>(null);
  const drag = useRef<{ mode: 'move' | 'select'; from: number; window: TimeWindow; to: number } | null>(null);
  const shown = preview ?? window;
  const caption = t('timeline.overview.caption', 'All {total} dated systems, per year', {
    total: formatInteger(overview.total, text.locale),
  });
  const waveLabel = t('timeline.overview.wave', '2020–2023 wave');
  const waveLabelW = measureTick(waveLabel);
  const waveX0 = x(WAVE_YEARS.start);
  const waveX1 = x(WAVE_YEARS.end);
  // The wave's label ends where its band does (never past the plot); beside the caption when clear of it, else on a line of its own.
  const captionRight = left + measureTick(caption) + 8;
  const waveLabelLeft = Math.max(left, Math.min(waveX1, right) - waveLabelW);
  const waveLabelRow = waveLabelLeft >= captionRight ? 0 : 1;
  const barsTop = H.caption * (1 + waveLabelRow);
  const barsBottom = barsTop + H.bars;
  const height = barsBottom + H.axis;
  const ticks = chooseTimeTicks({ window: extent, left, right, measure: measureTick, format: text.tickLabel, minGap: 12 });
  const firstYear = new Date(extent.start).getUTCFullYear();
  const lastYear = new Date(extent.end - 1).getUTCFullYear();

  const pointerX = (e: PointerEvent<SVGElement>) => {
    const box = (e.currentTarget.ownerSVGElement ?? (e.currentTarget as SVGSVGElement)).getBoundingClientRect();
    return Math.min(right, Math.max(left, e.clientX - box.left));
  };
  const startDrag = (mode: 'move' | 'select', e: PointerEvent<SVGElement>) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    e.currentTarget.setPointerCapture?.(e.pointerId);
    const px = pointerX(e);
    drag.current = { mode, from: px, to: px, window };
  };
  const onPointerMove = (e: PointerEvent<SVGElement>) => {
    const d = drag.current;
    if (!d) return;
    d.to = pointerX(e);
    if (d.mode === 'move') {
      const shift = invert(d.to) - invert(d.from);
      setPreview(clampWindow({ start: d.window.start + shift, end: d.window.end + shift }, extent));
    } else if (Math.abs(d.to - d.from) >= 2) {
      setPreview({ start: invert(Math.min(d.from, d.to)), end: invert(Math.max(d.from, d.to)) });
    }
  };
  const onPointerUp = () => {
    const d = drag.current;
    drag.current = null;
    setPreview(null);
    if (!d) return;
    if (d.mode === 'move') {
      if (d.to !== d.from)
        onWindow(
          clampWindow({ start: d.window.start + invert(d.to) - invert(d.from), end: d.window.end + invert(d.to) - invert(d.from) }, extent),
        );
      return;
    }
    if (Math.abs(d.to - d.from) >= MIN_DRAG) {
      onWindow(clampWindow({ start: invert(Math.min(d.from, d.to)), end: invert(Math.max(d.from, d.to)) }, extent));
    } else {
      // A click: the same window, centred there.
      const len = d.window.end - d.window.start;
      const mid = invert(d.to);
      onWindow(clampWindow({ start: mid - len / 2, end: mid + len / 2 }, extent));
    }
  };
  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    const len = window.end - window.start;
    const move = (by: number) => onWindow(clampWindow({ start: window.start + by, end: window.end + by }, extent));
    if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') move(e.shiftKey ? -len : -YEAR);
    else if (e.key === 'ArrowRight' || e.key === 'ArrowUp') move(e.shiftKey ? len : YEAR);
    else if (e.key === 'PageUp') move(-5 * YEAR);
    else if (e.key === 'PageDown') move(5 * YEAR);
    else if (e.key === 'Home') move(extent.start - window.start);
    else if (e.key === 'End') move(extent.end - window.end);
    else return;
    e.preventDefault();
  };

  const barW = Math.max(1, x(Date.UTC(2001, 0, 1)) - x(Date.UTC(2000, 0, 1)) - 1);
  // Square-root heights: a year of 3 systems in the 1960s still shows beside a year of 300.
  const scale = (n: number) => Math.sqrt(n / Math.max(1, overview.maxCount)) * (H.bars - 2);
  const bx0 = x(shown.start);
  const bx1 = Math.max(bx0 + 4, x(shown.end));
  return (
    <svg
      className="timeline-overview"
      data-testid="timeline-overview"
      width={width}
      height={height}
      role="group"
      aria-label={caption}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => {
        drag.current = null;
        setPreview(null);
      }}
    >
      <text className="timeline-overview-caption" x={left} y={11}>
        {caption}
      </text>
      <rect className="timeline-overview-wave" x={waveX0} y={barsTop} width={waveX1 - waveX0} height={H.bars} />
      <text
        className="timeline-overview-wave-label"
        x={waveLabelLeft}
        y={11 + waveLabelRow * H.caption}
        data-testid="timeline-overview-wave"
      >
        {waveLabel}
      </text>
      <rect
        className="timeline-overview-hit"
        x={left}
        y={barsTop}
        width={right - left}
        height={H.bars}
        onPointerDown={(e) => startDrag('select', e)}
      />
      <g className="timeline-overview-bars" aria-hidden="true">
        {overview.years.map((y) => {
          let top = barsBottom;
          const total = y.counts.reduce((sum, c) => sum + c.count, 0);
          const perSystem = scale(total) / Math.max(1, total);
          return y.counts.map((c) => {
            const h = c.count * perSystem;
            top -= h;
            return (
              <rect
                key={`${y.year}-${c.kind}`}
                x={x(y.start)}
                y={top}
                width={barW}
                height={Math.max(0.5, h)}
                fill={KIND_COLORS.get(c.kind)}
              />
            );
          });
        })}
      </g>
      <line className="timeline-overview-axis" x1={left} x2={right} y1={barsBottom} y2={barsBottom} />
      {ticks.map((tk) => (
        <text key={tk.value} className="timeline-overview-tick" x={tk.x} y={barsBottom + 13} textAnchor={tk.anchor}>
          {tk.label}
        </text>
      ))}
      <g
        className={`timeline-brush${preview ? ' is-dragging' : ''}`}
        data-testid="timeline-brush"
        role="slider"
        tabIndex={0}
        aria-label={t('timeline.overview.brush', 'Window shown in the timeline (arrow keys move it by a year)')}
        aria-valuemin={firstYear}
        aria-valuemax={lastYear}
        aria-valuenow={new Date(shown.start).getUTCFullYear()}
        aria-valuetext={windowRange(shown, text.locale)}
        onKeyDown={onKeyDown}
        onPointerDown={(e) => startDrag('move', e)}
      >
        <rect className="timeline-brush-box" x={bx0} y={barsTop - 1} width={bx1 - bx0} height={H.bars + 2} rx={2} />
      </g>
    </svg>
  );
}
