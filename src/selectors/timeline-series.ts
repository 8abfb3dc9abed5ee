import { getOrganizationIndex, type OrganizationSource } from './organizations';
import type { DatedEvent, System } from '../data/schema';
import { cached } from '../lib/cache';
import { factValue, systemModality } from './system-facts';
import { idSetOf, systemsById } from './systems-by-id';

/*
 * The release timeline's derived table: one item per system whose release date is known, placed
 * in a lane (by kind or by organization), with its date at the precision the source gives
 * (a month-precision date is the whole month, not the 1st), the talk's date where the talk says
 * otherwise, and the lineage links between plotted items. Systems that cannot be placed are
 * listed with the reason. The chart and its data table are both drawn from this.
 */

export type TimelineLanes = 'organization' | 'kind';
export type TimelineZoom = 'all' | 'wave-2023';
export type KindLane = 'llm' | 'multimodal' | 'library-app' | 'paper-event';
export const KIND_LANES: readonly KindLane[] = ['llm', 'multimodal', 'library-app', 'paper-event'];
export type BaseRelation = System['baseModels'][number]['relation'];

/** A window on the time axis, in UTC milliseconds; `end` is exclusive. */
export interface TimeWindow {
  start: number;
  end: number;
}

/** The talk's wave: 1 February – 30 April 2023 (inclusive). */
export const WAVE_2023: TimeWindow = { start: Date.UTC(2023, 1, 1), end: Date.UTC(2023, 4, 1) };

export interface TimelineSpan {
  date: DatedEvent;
  /** UTC ms of the first instant the date covers. */
  start: number;
  /** UTC ms just after the date: the next day, or the 1st of the next month for a month-precision date. */
  end: number;
}

export interface TimelineBase {
  id: string;
  name: string;
  relation: BaseRelation;
  /** Whether the base itself is an item of this series (then a link is drawn). */
  plotted: boolean;
}

export interface TimelineItem {
  id: string;
  name: string;
  /** A short form of the name for the chart ("Dolly 1.0", "LiGO", "Patterson et al. 2021"). */
  label: string;
  organizations: string[];
  kindLane: KindLane;
  /** 'kind:llm', 'org:OpenAI' or 'org:*other*'. */
  laneKey: string;
  /**
   * A paper or an event: marked on the timeline as an annotation, in its own lane, and not one of
   * the systems counted ("N of M shown", left out).
   */
  annotation: boolean;
  release: TimelineSpan;
  status: 'reported' | 'estimated';
  /** How an estimated date was estimated (estimates only). */
  method?: string;
  sources: string[];
  /** Where the talk dates it differently from the source: the talk's date, drawn as a ghost marker. */
  talk?: TimelineSpan & { text: string; note?: string };
  bases: TimelineBase[];
}

export interface TimelineLink {
  /** The base model (plotted). */
  from: string;
  /** The derived system (plotted). */
  to: string;
  relation: BaseRelation;
  /** Bases skipped because their own date is unknown (GPT-3 ⇢ ChatGPT via GPT-3.5). */
  via: string[];
}

export interface TimelineLane {
  key: string;
  /** Kind lanes carry their kind; organization lanes their organization (none for the "other" lane). */
  kind?: KindLane;
  organization?: string;
  isOther: boolean;
  itemIds: string[];
}

export type TimelineLeftOutReason = 'release-unknown' | 'release-not-disclosed' | 'outside-window' | 'capped';

export interface TimelineLeftOut {
  id: string;
  name: string;
  reason: TimelineLeftOutReason;
  /** For 'outside-window': the date it would be drawn at. */
  release?: DatedEvent;
  /** The talk's words about the date, when it gives one (e.g. FreedomGPT: "2023 年 4 月", unverified). */
  talk?: { text: string; relation: 'agrees' | 'differs' | 'unverified' };
}

export interface TimelineSeries {
  items: TimelineItem[];
  links: TimelineLink[];
  lanes: TimelineLane[];
  window: TimeWindow;
  /** From the first dated system in the filters to the last (null: none dated). */
  extent: TimeWindow | null;
  /** Systems in the filtered set (the "M" of "N of M shown"). */
  total: number;
  leftOut: TimelineLeftOut[];
}

export interface TimelineOptions {
  lanes: TimelineLanes;
  zoom: TimelineZoom;
  /** A window dragged by the user; overrides `zoom` while set. */
  customWindow?: TimeWindow | null;
}

export const OTHER_LANE = 'org:*other*';
/** Papers and events, in either lane mode: the last lane, of annotations rather than systems. */
export const ANNOTATION_LANE = 'kind:paper-event';
/** The dataset a timeline needs: its systems, and its organizations for lanes by top-level organization. */
export type TimelineDataset = OrganizationSource;

/** More organizations than this and the ones with a single item share an "Other" lane. */
const MAX_ORG_LANES = 7;
const DAY = 86_400_000;

/** The span a dated event covers, in UTC ms. */
export function eventSpan(date: DatedEvent): TimelineSpan {
  const [y, m, d] = date.date.split('-').map(Number);
  if (date.precision === 'month') return { date, start: Date.UTC(y, m - 1, 1), end: Date.UTC(y, m, 1) };
  const start = Date.UTC(y, m - 1, d);
  return { date, start, end: start + DAY };
}

export function kindLaneOf(s: System): KindLane {
  if (s.kind === 'library-app') return 'library-app';
  if (s.kind === 'paper' || s.kind === 'event') return 'paper-event';
  const m = systemModality(s);
  return m === 'multimodal' || m === 'vision' ? 'multimodal' : 'llm';
}

/**
 * A short label: the part before a colon ("LiGO: Learning to Grow…" → "LiGO"), else the name
 * without a trailing parenthesis ("Dolly 1.0 (dolly-v1-6b)" → "Dolly 1.0"); a long title with a
 * short parenthesis keeps the parenthesis ("… (Patterson et al. 2021)" → "Patterson et al. 2021").
 */
export function shortLabel(name: string, max = 24): string {
  const colon = name.indexOf(': ');
  if (colon > 0 && colon <= max) return name.slice(0, colon);
  const paren = /^(.*?)\s*\(([^()]+)\)$/.exec(name);
  if (paren) {
    const [, head, inner] = paren;
    if (head.length <= max) return head;
    if (inner.length <= max) return inner;
  }
  return name.length <= max ? name : `${name.slice(0, max - 1).trimEnd()}…`;
}

/** Dated systems spanning more than this many years (an Epoch import: 1950–2025) get an overview strip. */
export const OVERVIEW_MIN_YEARS = 12;
const YEAR = 365.25 * DAY;
/**
 * Where "All dates" opens on decades of data: 2018 on, so the main chart shows the wave with the
 * years that led to it at a scale its labels can be read at; the overview strip shows the rest.
 */
export const RECENT_FROM = Date.UTC(2018, 0, 1);

/** Whether a span of dates is long enough to be read through an overview strip. */
export function spansDecades(w: TimeWindow): boolean {
  return w.end - w.start > OVERVIEW_MIN_YEARS * YEAR;
}

/** From the first release (or the talk's date where it differs) to the last; null when none is dated. */
function fullExtent(dated: readonly { release: TimelineSpan; talk?: TimelineSpan }[]): TimeWindow | null {
  if (dated.length === 0) return null;
  let start = Infinity;
  let end = -Infinity;
  for (const d of dated) {
    if (d.release.start < start) start = d.release.start;
    if (d.release.end > end) end = d.release.end;
    if (d.talk) {
      if (d.talk.start < start) start = d.talk.start;
      if (d.talk.end > end) end = d.talk.end;
    }
  }
  return { start, end };
}

/** A span with a little air either side, at least two weeks, so edge markers are not cut in half. */
export function padWindow(w: TimeWindow): TimeWindow {
  const pad = Math.max(14 * DAY, (w.end - w.start) * 0.03);
  return { start: w.start - pad, end: w.end + pad };
}

/** The window "All dates" shows in the main chart: everything, or the recent years when the data spans decades. */
export function allDatesWindow(extent: TimeWindow): TimeWindow {
  if (!spansDecades(extent)) return padWindow(extent);
  // Padded as that window, not as the decades (3 % of 75 years would add two empty years).
  return padWindow({ start: Math.min(RECENT_FROM, extent.end - 6 * YEAR), end: extent.end });
}

/** The window to draw: the user's dragged window, the 2023 wave, or everything plotted (its recent years, over decades). */
function windowFor(extent: TimeWindow | null, options: TimelineOptions): TimeWindow {
  if (options.customWindow) return options.customWindow;
  if (options.zoom === 'wave-2023' || !extent) return WAVE_2023;
  return allDatesWindow(extent);
}

/** Indices in order of `startOf` (UTC ms), ties by index. */
function sortByRelease(indices: Iterable<number>, startOf: (i: number) => number): number[] {
  return [...indices].sort((a, b) => startOf(a) - startOf(b) || a - b);
}

function overlaps(span: TimelineSpan, w: TimeWindow): boolean {
  return span.start < w.end && span.end > w.start;
}

/** What a system contributes to any timeline, whatever the filters: worked out once per system. */
interface SystemTimeline {
  system: System;
  /** Absent when the release date is not known. */
  release?: TimelineSpan;
  talk?: TimelineItem['talk'];
  label: string;
  kindLane: KindLane;
  /** The `kind:…` lane key. */
  kindKey: string;
}

// Kept across filter clicks: at 10,000 systems, remaking every system's span and label on each
// click is most of the timeline's time.
const perSystem = new WeakMap<System, SystemTimeline>();

function timelineOf(s: System): SystemTimeline {
  return cached(perSystem, s, makeTimeline);
}

function makeTimeline(s: System): SystemTimeline {
  const date = factValue(s.release);
  const claim = s.release.talk;
  const kindLane = kindLaneOf(s);
  return {
    system: s,
    release: date ? eventSpan(date) : undefined,
    talk:
      date && claim?.relation === 'differs' && claim.value ? { ...eventSpan(claim.value), text: claim.text, note: claim.note } : undefined,
    label: shortLabel(s.name),
    kindLane,
    kindKey: `kind:${kindLane}`,
  };
}

type Dated = SystemTimeline & { release: TimelineSpan };

function cappedEntry(d: Dated): TimelineLeftOut {
  return { id: d.system.id, name: d.system.name, reason: 'capped', release: d.release.date };
}

/**
 * What every timeline of `filtered` starts from: the dated systems in the window, in filtered order,
 * and those left out; and the papers and events among `filtered` that are dated and in the window,
 * drawn as annotations (one without a date, or outside the window, is simply not marked: it is not
 * a system the chart counts).
 */
function collect(dataset: TimelineDataset, filtered: readonly System[], options: TimelineOptions) {
  const leftOut: TimelineLeftOut[] = [];
  const dated: Dated[] = [];
  const datedAnnotations: Dated[] = [];
  let total = 0;
  for (const s of filtered) {
    const entry = timelineOf(s);
    if (entry.kindLane === 'paper-event') {
      if (entry.release) datedAnnotations.push(entry as Dated);
      continue;
    }
    total++;
    if (!entry.release) {
      const talk = s.release.talk;
      const reason = s.release.status === 'not-disclosed' ? 'release-not-disclosed' : 'release-unknown';
      leftOut.push({ id: s.id, name: s.name, reason, talk: talk ? { text: talk.text, relation: talk.relation } : undefined });
      continue;
    }
    dated.push(entry as Dated);
  }
  const extent = fullExtent(dated);
  const window = windowFor(extent, options);
  const inWindow = dated.filter((d) => {
    if (overlaps(d.release, window)) return true;
    leftOut.push({ id: d.system.id, name: d.system.name, reason: 'outside-window', release: d.release.date });
    return false;
  });
  const annotations = datedAnnotations.filter((d) => overlaps(d.release, window));
  const laneOf =
    options.lanes === 'kind'
      ? (d: SystemTimeline) => d.kindKey
      : organizationLaneKeys(
          dated.map((d) => d.system),
          getOrganizationIndex(dataset).topLevelOf,
        );
  const byId = systemsById(dataset.systems);
  const inFilter = idSetOf(filtered);
  // Plotted: in the filters, dated, and in the window (what `inWindow` holds), asked of a few ids
  // (bases) rather than made into a set of thousands on every click.
  const isPlotted = (id: string) => {
    const s = inFilter.has(id) ? byId.get(id) : undefined;
    const release = s && timelineOf(s).release;
    return !!release && overlaps(release, window);
  };
  return { byId, inFilter, leftOut, window, extent, inWindow, annotations, laneOf, isPlotted, total };
}

function itemOf(d: Dated, laneKey: string, byId: ReadonlyMap<string, System>, isPlotted: (id: string) => boolean): TimelineItem {
  const { system: s, release, talk } = d;
  const f = s.release;
  return {
    id: s.id,
    name: s.name,
    label: d.label,
    organizations: s.organizations,
    kindLane: d.kindLane,
    laneKey,
    annotation: d.kindLane === 'paper-event',
    release,
    status: f.status === 'estimated' ? 'estimated' : 'reported',
    method: f.status === 'estimated' ? f.method : undefined,
    sources: 'sources' in f ? f.sources : [],
    talk,
    bases: s.baseModels.map((b) => ({ id: b.id, name: byId.get(b.id)?.name ?? b.id, relation: b.relation, plotted: isPlotted(b.id) })),
  };
}

export function buildTimelineSeries(dataset: TimelineDataset, filtered: readonly System[], options: TimelineOptions): TimelineSeries {
  return seriesOf(collect(dataset, filtered, options), options);
}

function seriesOf(
  { byId, inFilter, leftOut, window, extent, inWindow, annotations, laneOf, isPlotted, total }: ReturnType<typeof collect>,
  options: TimelineOptions,
): TimelineSeries {
  const items: TimelineItem[] = [
    ...inWindow.map((d) => itemOf(d, laneOf(d), byId, isPlotted)),
    ...annotations.map((d) => itemOf(d, ANNOTATION_LANE, byId, isPlotted)),
  ].sort((a, b) => a.release.start - b.release.start); // stable: same-day items keep dataset order (7B, 13B, …)

  return {
    items: distinctLabels(items),
    links: buildLinks(items, byId, inFilter, isPlotted),
    lanes: buildLanes(items, options.lanes),
    window,
    extent,
    total,
    leftOut,
  };
}

/** How many of a series' items are systems (not papers or events marked as annotations): the "N" of "N of M shown". */
export function countSystemItems(items: readonly TimelineItem[]): number {
  let n = 0;
  for (const i of items) if (!i.annotation) n++;
  return n;
}

/**
 * At most `cap` release markers: the `cap` items with the highest `score` (ties: the earlier
 * release), plus any `keep` id, so thousands of systems still give a readable chart. The same as
 * building the whole series and capping it (tests/fixtures/cap-timeline.ts; the unit tests hold
 * the two equal), without building an item, its links and its lane entry for each of the
 * thousands of systems that are not drawn, on every filter click.
 * Lanes keep only drawn items, links need both ends drawn, and the dropped items are listed as
 * left out ('capped'). `totalItems` is how many the uncapped series has.
 */
export function buildCappedTimelineSeries(
  dataset: TimelineDataset,
  filtered: readonly System[],
  options: TimelineOptions,
  cap: number,
  score: (id: string) => number,
  keep: readonly (string | null | undefined)[] = [],
): TimelineSeries & { capped: boolean; totalItems: number; annotationsUnmarked: number } {
  const collected = collect(dataset, filtered, options);
  const { byId, inFilter, leftOut, window, extent, inWindow, laneOf, isPlotted, total } = collected;
  const n = inWindow.length;
  if (n <= cap) return { ...seriesOf(collected, options), capped: false, totalItems: n, annotationsUnmarked: 0 };

  // Release order (stable: filtered order on the same day), as the uncapped series sorts its items.
  const inReleaseOrder = (indices: Iterable<number>) => sortByRelease(indices, (i) => inWindow[i].release.start);
  // The `cap` highest scores (ties: the earlier release), found through the cap-th highest score.
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) scores[i] = score(inWindow[i].system.id);
  const threshold = scores.slice().sort()[n - cap];
  const above: number[] = [];
  const atThreshold: number[] = [];
  scores.forEach((v, i) => (v > threshold ? above.push(i) : v === threshold && atThreshold.push(i)));
  const kept = new Set([...above, ...inReleaseOrder(atThreshold).slice(0, cap - above.length)]);
  const keepIds = new Set(keep.filter((k): k is string => !!k));
  if (keepIds.size > 0) inWindow.forEach((d, i) => keepIds.has(d.system.id) && kept.add(i));
  // Papers and events are not systems and not capped with them; when even they are too many to read,
  // a fifth of the cap's worth is marked, spread evenly over the window in release order (plus any `keep`).
  const annotationsInOrder = sortByRelease(
    collected.annotations.map((_, i) => i),
    (i) => collected.annotations[i].release.start,
  ).map((i) => collected.annotations[i]);
  const annotations = spreadEvenly(annotationsInOrder, annotationCap(cap), (d) => keepIds.has(d.system.id));
  const keptIds = new Set([...[...kept].map((i) => inWindow[i].system.id), ...annotations.map((d) => d.system.id)]);
  const isKept = new Uint8Array(n);
  for (const i of kept) isKept[i] = 1;

  // Every kept item is plotted.
  const isDrawn = (id: string) => keptIds.has(id);
  const marked = annotations.map((d) => itemOf(d, ANNOTATION_LANE, byId, isDrawn));
  const items = [...inReleaseOrder(kept).map((i) => itemOf(inWindow[i], laneOf(inWindow[i]), byId, isDrawn)), ...marked].sort(
    (a, b) => a.release.start - b.release.start,
  );
  const rest: number[] = [];
  for (let i = 0; i < n; i++) if (!isKept[i]) rest.push(i);
  // The dropped items follow the other left-out systems (`leftOut` is this call's own array).
  for (const i of inReleaseOrder(rest)) leftOut.push(cappedEntry(inWindow[i]));

  return {
    items: distinctLabels(items),
    // Links of drawn items to drawn bases: those of the uncapped series with both ends drawn.
    links: buildLinks(items, byId, inFilter, isPlotted).filter((l) => keptIds.has(l.from)),
    // Lanes in the uncapped series' order (sizes counted over every item), holding the drawn items.
    lanes: orderLanes(
      [
        ...inWindow.map((d) => ({ key: laneOf(d), start: d.release.start })),
        ...marked.map((i) => ({ key: i.laneKey, start: i.release.start })),
      ],
      (d) => d.key,
      (d) => d.start,
      options.lanes,
    )
      .map((l) => ({ ...l, itemIds: items.filter((i) => i.laneKey === l.key).map((i) => i.id) }))
      .filter((l) => l.itemIds.length > 0),
    window,
    extent,
    total,
    leftOut,
    capped: true,
    totalItems: n,
    annotationsUnmarked: annotationsInOrder.length - annotations.length,
  };
}

/**
 * Labels that tell items apart: where the short label drops what distinguishes two systems
 * ("GPT-2 (117M)" and "GPT-2 (1.5B)" both "GPT-2"), each of them shows its full name; where the
 * names are the same too, the year of release is added.
 */
export function distinctLabels(items: TimelineItem[]): TimelineItem[] {
  const byLabel = new Map<string, TimelineItem[]>();
  for (const i of items) {
    const group = byLabel.get(i.label);
    if (group) group.push(i);
    else byLabel.set(i.label, [i]);
  }
  for (const group of byLabel.values()) {
    if (group.length < 2) continue;
    const names = new Map<string, number>();
    for (const i of group) names.set(i.name, (names.get(i.name) ?? 0) + 1);
    for (const i of group) {
      const name = shortLabel(i.name, 40) === i.label ? i.name : shortLabel(i.name, 40);
      i.label = (names.get(i.name) ?? 0) > 1 ? `${name} (${i.release.date.date.slice(0, 4)})` : name;
    }
  }
  return items;
}

/** How many papers and events a capped timeline marks at most: a fifth of the systems' cap. */
export function annotationCap(cap: number): number {
  return Math.max(1, Math.floor(cap / 5));
}

/** `k` of `items` at evenly spaced positions (all of them when there are no more than `k`), plus any kept. */
function spreadEvenly<T>(items: readonly T[], k: number, isKept: (t: T) => boolean): T[] {
  if (items.length <= k) return [...items];
  const picked = new Set<number>();
  for (let j = 0; j < k; j++) picked.add(Math.floor((j * items.length) / k));
  return items.filter((t, i) => picked.has(i) || isKept(t));
}

/**
 * Links from each plotted base to the plotted systems built on it. A base whose own date is
 * unknown (GPT-3.5) is skipped over to its nearest plotted ancestors, so GPT-3 still links to
 * ChatGPT "via GPT-3.5". Bases filtered out or outside the window get no link (the table names them).
 */
function buildLinks(
  items: TimelineItem[],
  byId: ReadonlyMap<string, System>,
  inFilter: ReadonlySet<string>,
  isPlotted: (id: string) => boolean,
): TimelineLink[] {
  const links: TimelineLink[] = [];
  const seen = new Set<string>();
  const add = (l: TimelineLink) => {
    const key = `${l.from}>${l.to}`;
    if (seen.has(key)) return;
    seen.add(key);
    links.push(l);
  };
  for (const item of items) {
    for (const base of byId.get(item.id)?.baseModels ?? []) {
      if (isPlotted(base.id)) {
        add({ from: base.id, to: item.id, relation: base.relation, via: [] });
        continue;
      }
      // Walk up through undated bases only (not through ones the filters or the window removed).
      const walk = (id: string, via: string[], guard: Set<string>) => {
        const sys = byId.get(id);
        if (!sys || guard.has(id) || !inFilter.has(id) || factValue(sys.release)) return;
        guard.add(id);
        for (const up of sys.baseModels) {
          if (isPlotted(up.id)) add({ from: up.id, to: item.id, relation: base.relation, via: [...via, id] });
          else walk(up.id, [...via, id], guard);
        }
      };
      walk(base.id, [], new Set());
    }
  }
  return links;
}

/**
 * Organization lanes: the first organization named. With many organizations, those with a single
 * dated system share an "Other" lane so the chart does not become a list of one-item lanes.
 */
function organizationLaneKeys(dated: readonly System[], topLevelOf: (id: string) => string): (d: { system: System }) => string {
  const laneOfSystem = (s: System) => topLevelOf(s.organizations[0]);
  const counts = new Map<string, number>();
  for (const s of dated) counts.set(laneOfSystem(s), (counts.get(laneOfSystem(s)) ?? 0) + 1);
  const all = [...counts.keys()];
  const keep =
    all.length <= MAX_ORG_LANES
      ? new Set(all)
      : new Set(
          [...counts]
            .filter(([, n]) => n >= 2)
            .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
            .slice(0, MAX_ORG_LANES - 1)
            .map(([o]) => o),
        );
  return ({ system: s }) => {
    const lane = laneOfSystem(s);
    return keep.has(lane) ? `org:${lane}` : OTHER_LANE;
  };
}

function buildLanes(items: TimelineItem[], mode: TimelineLanes): TimelineLane[] {
  const lanes = orderLanes(
    items,
    (i) => i.laneKey,
    (i) => i.release.start,
    mode,
  );
  const ids = new Map(lanes.map((l) => [l.key, l.itemIds]));
  for (const i of items) ids.get(i.laneKey)?.push(i.id);
  return lanes;
}

/**
 * The lanes of a series, in drawing order, with empty `itemIds` to fill: kind lanes in their
 * fixed order; organization lanes largest first (by how many of `entries` each holds), then the
 * earliest, "Other" always last.
 */
function orderLanes<E>(entries: readonly E[], laneKeyOf: (e: E) => string, startOf: (e: E) => number, mode: TimelineLanes): TimelineLane[] {
  const count = new Map<string, number>();
  const first = new Map<string, number>();
  for (const e of entries) {
    const key = laneKeyOf(e);
    const start = startOf(e);
    count.set(key, (count.get(key) ?? 0) + 1);
    if (!(start >= (first.get(key) ?? Infinity))) first.set(key, start);
  }
  const lanes: TimelineLane[] = [...count.keys()].map((key) => ({
    key,
    kind: key.startsWith('kind:') ? (key.slice('kind:'.length) as KindLane) : undefined,
    organization: key.startsWith('org:') && key !== OTHER_LANE ? key.slice('org:'.length) : undefined,
    isOther: key === OTHER_LANE,
    itemIds: [],
  }));
  if (mode === 'kind') return lanes.sort((a, b) => KIND_LANES.indexOf(a.kind as KindLane) - KIND_LANES.indexOf(b.kind as KindLane));
  // By organization: the papers and events lane last, after "Other".
  const rank = (l: TimelineLane) => (l.key === ANNOTATION_LANE ? 2 : l.isOther ? 1 : 0);
  return lanes.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (count.get(b.key) ?? 0) - (count.get(a.key) ?? 0) ||
      (first.get(a.key) ?? 0) - (first.get(b.key) ?? 0) ||
      a.key.localeCompare(b.key),
  );
}

export interface TimelineOverviewYear {
  year: number;
  /** UTC ms of 1 January and of the next 1 January. */
  start: number;
  end: number;
  /** Dated systems released that year, by kind lane (drawing order). */
  counts: { kind: KindLane; count: number }[];
}

export interface TimelineOverview {
  /** Every dated system's span with a little air: the strip's axis. */
  extent: TimeWindow;
  years: TimelineOverviewYear[];
  /** The most systems in one year (the strip's full height). */
  maxCount: number;
  /** Dated systems counted. */
  total: number;
}

/**
 * The overview strip's data: how many systems of the filtered set were released each year, by
 * kind, over every dated system — only when they span decades (an Epoch import), else null.
 */
export function buildTimelineOverview(filtered: readonly System[]): TimelineOverview | null {
  const dated: Dated[] = [];
  for (const s of filtered) {
    const entry = timelineOf(s);
    if (entry.release && entry.kindLane !== 'paper-event') dated.push(entry as Dated);
  }
  const dates = fullExtent(dated);
  if (!dates || !spansDecades(dates)) return null;
  const extent = padWindow(dates);
  const first = new Date(extent.start).getUTCFullYear();
  const last = new Date(extent.end - 1).getUTCFullYear();
  const counts = Array.from({ length: last - first + 1 }, () => new Map<KindLane, number>());
  for (const d of dated) {
    const m = counts[new Date(d.release.start).getUTCFullYear() - first];
    m.set(d.kindLane, (m.get(d.kindLane) ?? 0) + 1);
  }
  let maxCount = 0;
  const years = counts.map((m, i) => {
    const total = [...m.values()].reduce((a, b) => a + b, 0);
    if (total > maxCount) maxCount = total;
    return {
      year: first + i,
      start: Date.UTC(first + i, 0, 1),
      end: Date.UTC(first + i + 1, 0, 1),
      counts: KIND_LANES.filter((k) => m.has(k)).map((kind) => ({ kind, count: m.get(kind) ?? 0 })),
    };
  });
  return { extent, years, maxCount, total: dated.length };
}
