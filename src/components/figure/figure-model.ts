import type { ScaleKind } from '../../selectors/run-rows';
import type { StatementsPlot } from './plot-statements';
import type { TablesPlot } from './plot-tables';
import type { AnnotationRow, PlotGuide } from './figure-annotations';

/*
 * What a published figure says, built by a pure function per panel from (dataset, filters,
 * settings, locale) and drawn by every renderer that publishes it: the export presets, the cited
 * figure and, in time, Present, Embed and Print. Nothing here is read from the page.
 */

/** A legend entry's swatch: a category colour, or one of the status marks the bar charts draw. */
export type Swatch =
  | { kind: 'color'; color: string }
  | { kind: 'reported' }
  | { kind: 'estimated' }
  | { kind: 'upper' }
  | { kind: 'range' }
  | { kind: 'family' }
  /** A line with a relation's dash (the lineage's arrows). */
  | { kind: 'line'; dash?: string }
  /** A box drawn with a heavy outline (the lineage's base-model filter). */
  | { kind: 'outline' }
  /** Timelines: a date to the day, the talk's differing date (hollow, dashed), a shaded period. */
  | { kind: 'dot' }
  | { kind: 'talk' }
  | { kind: 'band' }
  /** Scatter plots: an estimated figure, a hollow circle. */
  | { kind: 'hollow' };

export interface LegendEntry {
  swatch: Swatch;
  label: string;
}

/** Two bars in one row (published above, recomputed below): each takes half the bar's height. */
export type BarLane = 'upper' | 'lower';

/** One mark in a bar row, in data units (the renderer owns the scale). */
export type BarMark =
  /** A bar piece from `from` to `to` (stacked components; the first starts at the axis). */
  | { kind: 'segment'; from: number; to: number; color: string; estimated: boolean; lane?: BarLane }
  /** A recomputed figure beside a published one: an empty bar with a heavy outline. */
  | { kind: 'outline'; from: number; to: number; color: string; lane?: BarLane }
  /** "Less than": a cap with an arrowhead to lower values at `at`. */
  | { kind: 'upper'; at: number }
  /** A line from the lowest to the highest of several published figures. */
  | { kind: 'range'; from: number; to: number }
  /** One published figure on a range line: filled when reported, hollow when estimated. */
  | { kind: 'marker'; at: number; color: string; estimated: boolean; upper: boolean };

export interface FigureBarRow {
  id: string;
  name: string;
  /** Index into the plot's `sections`. */
  section: number;
  family?: string;
  marks: BarMark[];
  /** The value label: the full text where it fits, else the short one. */
  label: { full: string; short: string };
  /** Kept (with its section heading) when a box has no room for every row: the rows a key note names. */
  essential?: boolean;
}

export interface BarPlot {
  kind: 'bars';
  scale: ScaleKind;
  domain: [number, number];
  ticks: { value: number; label: string }[];
  /** Section headings ("Pre-training runs (12)"), in order. */
  sections: string[];
  rows: FigureBarRow[];
  /** Said instead of the plot when there is nothing to draw. */
  empty: string;
  /** "… and {more} more (in the data table)", for a box too small for every row; the renderer fills `{more}`. */
  moreRows: string;
  /** The annotations' value lines and bands (their callouts on systems are badges in the row labels). */
  guides?: PlotGuide[];
}

/** A graph laid out in its own units (plot-graph.ts scales it to the box). */
export interface GraphPlot {
  kind: 'graph';
  width: number;
  height: number;
  /** The text size the layout measured its boxes with. */
  fontSize: number;
  nodes: { id: string; label: string; x: number; y: number; width: number; height: number; dimmed: boolean; filter: boolean }[];
  families: { id: string; title: string; x: number; y: number; width: number; height: number; dimmed: boolean; filter: boolean }[];
  /** Paths in the layout's units, base → derived, with the relation's dash. */
  edges: { id: string; d: string; dash?: string; dimmed: boolean }[];
  empty: string;
}

/** The plot kinds a figure can have. */
export type FigurePlot = BarPlot | GraphPlot | TimelinePlot | StatementsPlot | TablesPlot | ScatterPlot;

export interface FigureTable {
  columns: string[];
  rows: { id: string; cells: string[] }[];
}

export interface FigureNote {
  text: string;
  /** Kept in every box; the others give way (with "and N more notes") when a slide has no room. */
  essential?: boolean;
}

export interface FigureFooter {
  /** The dashboard's name. */
  app: string;
  /** "data as of 28 Nov 2025". */
  dataDate: string;
  /** The permalink of the exact view the figure shows. */
  link: string;
  /** The licence of the data shown ("Data: CC BY 4.0, © Epoch AI" where Epoch's figures appear). */
  licence: string;
}

export interface FigureModel<P extends FigurePlot = FigurePlot> {
  /** The panel id: file names, element ids. */
  id: string;
  lang: string;
  title: string;
  /** The active filters. */
  subtitle: string;
  /** What is plotted, in which unit. */
  description: string;
  /** What is drawn; each kind has its layout in its own file (plot-bars.ts…). */
  plot: P;
  legend: LegendEntry[];
  /** Under the figure: the cap note, "N of M shown", what was left out, footnotes. */
  notes: FigureNote[];
  /** "Sources: Epoch AI, Meta AI…". */
  sourceNote: string;
  /** "… and {more} more notes", for a box too small for every note; the renderer fills `{more}`. */
  moreNotes: string;
  /** Ids of the sources behind the plotted marks, in order of first citation. */
  sourceIds: string[];
  table: FigureTable;
  footer: FigureFooter;
  /** The reader's annotations on this panel, drawn or not, for the data table and the SVG's description. */
  annotations?: AnnotationRow[];
  /** A method behind the figure, stated for a methods section, and the BibTeX of its papers: carried into the citation. */
  references?: { text: string; bibtex: string };
}

/** One release on a timeline: a dot (a date to the day) or a bar across its month, in UTC ms. */
export interface TimelineMark {
  id: string;
  /** The name beside the mark, where there is room for it. */
  label: string;
  /** Index into the plot's `lanes`. */
  lane: number;
  start: number;
  end: number;
  precision: 'day' | 'month';
  color: string;
  /** An estimated date: hatched, with a dashed outline. */
  estimated: boolean;
  /** A paper or an event: a hollow diamond, not a system. */
  annotation: boolean;
  /** The talk's date where it differs from the source's: hollow and dashed, tied to the release it dates. */
  talkFor?: string;
  /** Its name carries an annotation's badge: placed before the others, so it is the last to lose its name. */
  named?: boolean;
}

export interface TimelinePlot {
  kind: 'timeline';
  /** The time window drawn, UTC ms; `end` exclusive. */
  window: { start: number; end: number };
  /** Candidate ticks, each at the 1st of a month (`month` 0–11); the layout keeps those whose labels fit. */
  months: { value: number; year: number; month: number; label: string }[];
  /** The window’s 1 Januaries, labelled by year, for a window too long for months. */
  years: { value: number; year: number; label: string }[];
  /** Each day's midnight, labelled ("Mar 5" / "3月5日"), for a window of a few weeks at most (else absent). */
  days?: { value: number; day: number; label: string }[];
  /** Lane headings, in order. */
  lanes: string[];
  marks: TimelineMark[];
  /** Base model → the model built on it, by mark id; `dash` by relation, `via` an undated base skipped. */
  links: { from: string; to: string; dash?: string; via: boolean }[];
  /** A period shaded across every lane (the 2023 wave, in a wider window). */
  band?: { start: number; end: number };
  /** Said instead of the plot when there is nothing to draw. */
  empty: string;
  /** "… and {more} more", for lanes a box has no room for; the renderer fills `{more}`. */
  moreRows: string;
  /** "Names not shown for lack of room: {more}…", for marks drawn without their name; `{more}` filled. */
  hiddenNames: string;
  /** The annotations' date lines and bands (their callouts on systems are badges in the names). */
  guides?: PlotGuide[];
}

/** One system on a scatter plot: its date (UTC ms) against its value. */
export interface ScatterPoint {
  id: string;
  x: number;
  y: number;
  /** An estimate: a hollow circle; a reported figure is filled. */
  estimated: boolean;
  /** Outside the trend's period: drawn fainter. */
  faded: boolean;
  /** The name written beside it (the extremes; the screen adds the selected and the hovered). */
  label?: string;
}

/** Values over time on a log value axis, with a fitted trend line and its sentence. */
export interface ScatterPlot {
  kind: 'scatter';
  /** UTC ms. */
  xDomain: [number, number];
  /** Log scale; both ends powers of ten. */
  yDomain: [number, number];
  /** Candidate ticks; the layout keeps those whose labels fit. */
  xTicks: { value: number; label: string }[];
  yTicks: { value: number; label: string }[];
  /** The value axis' name, with its unit. */
  yTitle: string;
  color: string;
  points: ScatterPoint[];
  /** The fitted line in data units, from its first to its last fitted date. */
  trend: { x1: number; y1: number; x2: number; y2: number } | null;
  /** Written on the chart: the doubling time and its interval, or why there is no trend. */
  trendText: string;
  /** Said instead of the plot when there is nothing to draw. */
  empty: string;
  /** The annotations' date lines and bands (their callouts on systems are badges in the point names). */
  guides?: PlotGuide[];
}
