import type { ScaleKind } from '../../selectors/run-rows';
import type { StatementsPlot } from './plot-statements';

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
  | { kind: 'family' };

export interface LegendEntry {
  swatch: Swatch;
  label: string;
}

/** One mark in a bar row, in data units (the renderer owns the scale). */
export type BarMark =
  /** A bar piece from `from` to `to` (stacked components; the first starts at the axis). */
  | { kind: 'segment'; from: number; to: number; color: string; estimated: boolean }
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
}

/** The plot kinds a figure can have. */
export type FigurePlot = BarPlot | StatementsPlot;

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

export interface FigureModel {
  /** The panel id: file names, element ids. */
  id: string;
  lang: string;
  title: string;
  /** The active filters. */
  subtitle: string;
  /** What is plotted, in which unit. */
  description: string;
  /** What is drawn; each kind has its layout in its own file (plot-bars.ts…). */
  plot: FigurePlot;
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
}
