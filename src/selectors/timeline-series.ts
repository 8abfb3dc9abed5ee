import type { Dataset, DatedEvent, System } from '../data/schema';
import { factValue, systemModality } from './system-facts';

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

/** The window to draw: the user's dragged window, the 2023 wave, or everything plotted with a margin. */
function windowFor(spans: TimelineSpan[], options: TimelineOptions): TimeWindow {
  if (options.customWindow) return options.customWindow;
  if (options.zoom === 'wave-2023') return WAVE_2023;
  if (spans.length === 0) return WAVE_2023;
  const start = Math.min(...spans.map((s) => s.start));
  const end = Math.max(...spans.map((s) => s.end));
  // A little air either side, at least two weeks, so edge markers are not cut in half.
  const pad = Math.max(14 * DAY, (end - start) * 0.03);
  return { start: start - pad, end: end + pad };
}

function overlaps(span: TimelineSpan, w: TimeWindow): boolean {
  return span.start < w.end && span.end > w.start;
}

export function buildTimelineSeries(dataset: Pick<Dataset, 'systems'>, filtered: readonly System[], options: TimelineOptions): TimelineSeries {
  const byId = new Map(dataset.systems.map((s) => [s.id, s]));
  const leftOut: TimelineLeftOut[] = [];
  const dated: { system: System; release: TimelineSpan; talk?: TimelineItem['talk'] }[] = [];

  for (const s of filtered) {
    const date = factValue(s.release);
    if (!date) {
      const talk = s.release.talk;
      leftOut.push({
        id: s.id,
        name: s.name,
        reason: s.release.status === 'not-disclosed' ? 'release-not-disclosed' : 'release-unknown',
        talk: talk ? { text: talk.text, relation: talk.relation } : undefined,
      });
      continue;
    }
    const claim = s.release.talk;
    const talk = claim?.relation === 'differs' && claim.value ? { ...eventSpan(claim.value), text: claim.text, note: claim.note } : undefined;
    dated.push({ system: s, release: eventSpan(date), talk });
  }

  const window = windowFor(
    dated.flatMap((d) => (d.talk ? [d.release, d.talk] : [d.release])),
    options,
  );
  const inWindow = dated.filter((d) => {
    if (overlaps(d.release, window)) return true;
    leftOut.push({ id: d.system.id, name: d.system.name, reason: 'outside-window', release: d.release.date });
    return false;
  });

  const laneOf = options.lanes === 'kind' ? (s: System) => `kind:${kindLaneOf(s)}` : organizationLaneKeys(dated.map((d) => d.system));
  const plottedIds = new Set(inWindow.map((d) => d.system.id));

  const items: TimelineItem[] = inWindow
    .map(({ system: s, release, talk }): TimelineItem => {
      const f = s.release;
      return {
        id: s.id,
        name: s.name,
        label: shortLabel(s.name),
        organizations: s.organizations,
        kindLane: kindLaneOf(s),
        laneKey: laneOf(s),
        release,
        status: f.status === 'estimated' ? 'estimated' : 'reported',
        method: f.status === 'estimated' ? f.method : undefined,
        sources: 'sources' in f ? f.sources : [],
        talk,
        bases: s.baseModels.map((b) => ({ id: b.id, name: byId.get(b.id)?.name ?? b.id, relation: b.relation, plotted: plottedIds.has(b.id) })),
      };
    })
    .sort((a, b) => a.release.start - b.release.start); // stable: same-day items keep dataset order (7B, 13B, …)

  return {
    items,
    links: buildLinks(items, byId, new Set(filtered.map((s) => s.id))),
    lanes: buildLanes(items, options.lanes),
    window,
    total: filtered.length,
    leftOut,
  };
}

/**
 * Links from each plotted base to the plotted systems built on it. A base whose own date is
 * unknown (GPT-3.5) is skipped over to its nearest plotted ancestors, so GPT-3 still links to
 * ChatGPT "via GPT-3.5". Bases filtered out or outside the window get no link (the table names them).
 */
function buildLinks(items: TimelineItem[], byId: ReadonlyMap<string, System>, inFilter: ReadonlySet<string>): TimelineLink[] {
  const plotted = new Set(items.map((i) => i.id));
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
      if (plotted.has(base.id)) {
        add({ from: base.id, to: item.id, relation: base.relation, via: [] });
        continue;
      }
      // Walk up through undated bases only (not through ones the filters or the window removed).
      const walk = (id: string, via: string[], guard: Set<string>) => {
        const sys = byId.get(id);
        if (!sys || guard.has(id) || !inFilter.has(id) || factValue(sys.release)) return;
        guard.add(id);
        for (const up of sys.baseModels) {
          if (plotted.has(up.id)) add({ from: up.id, to: item.id, relation: base.relation, via: [...via, id] });
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
function organizationLaneKeys(dated: readonly System[]): (s: System) => string {
  const counts = new Map<string, number>();
  for (const s of dated) counts.set(s.organizations[0], (counts.get(s.organizations[0]) ?? 0) + 1);
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
  return (s) => (keep.has(s.organizations[0]) ? `org:${s.organizations[0]}` : OTHER_LANE);
}

function buildLanes(items: TimelineItem[], mode: TimelineLanes): TimelineLane[] {
  const groups = new Map<string, TimelineItem[]>();
  for (const i of items) {
    const list = groups.get(i.laneKey);
    if (list) list.push(i);
    else groups.set(i.laneKey, [i]);
  }
  const lanes: TimelineLane[] = [...groups].map(([key, list]) => ({
    key,
    kind: mode === 'kind' ? (key.slice('kind:'.length) as KindLane) : undefined,
    organization: mode === 'organization' && key !== OTHER_LANE ? key.slice('org:'.length) : undefined,
    isOther: key === OTHER_LANE,
    itemIds: list.map((i) => i.id),
  }));
  if (mode === 'kind') return lanes.sort((a, b) => KIND_LANES.indexOf(a.kind as KindLane) - KIND_LANES.indexOf(b.kind as KindLane));
  // Largest organizations first, then the earliest; "Other" always last.
  const first = new Map(lanes.map((l) => [l.key, Math.min(...(groups.get(l.key) ?? []).map((i) => i.release.start))]));
  return lanes.sort(
    (a, b) => Number(a.isOther) - Number(b.isOther) || b.itemIds.length - a.itemIds.length || (first.get(a.key) ?? 0) - (first.get(b.key) ?? 0) || a.key.localeCompare(b.key),
  );
}

/**
 * At most `cap` release markers: the `cap` items with the highest `score` (ties: the earlier
 * release), plus any `keep` id, so thousands of systems still give a readable chart. Lanes keep
 * only drawn items (empty lanes go), links need both ends drawn, and the dropped items are listed
 * as left out ('capped'). The series is returned as is when it is small enough.
 */
export function capTimelineSeries(series: TimelineSeries, cap: number, score: (id: string) => number, keep: readonly (string | null | undefined)[] = []): TimelineSeries & { capped: boolean } {
  if (series.items.length <= cap) return { ...series, capped: false };
  const scores = series.items.map((i) => score(i.id));
  const order = series.items.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  const kept = new Set(order.slice(0, cap).map((i) => series.items[i].id));
  for (const id of keep) if (id && series.items.some((i) => i.id === id)) kept.add(id);
  const items = series.items.filter((i) => kept.has(i.id));
  const dropped = series.items.filter((i) => !kept.has(i.id));
  return {
    ...series,
    items: items.map((i) => ({ ...i, bases: i.bases.map((b) => (b.plotted && !kept.has(b.id) ? { ...b, plotted: false } : b)) })),
    links: series.links.filter((l) => kept.has(l.from) && kept.has(l.to)),
    lanes: series.lanes.map((l) => ({ ...l, itemIds: l.itemIds.filter((id) => kept.has(id)) })).filter((l) => l.itemIds.length > 0),
    leftOut: [...series.leftOut, ...dropped.map((i): TimelineLeftOut => ({ id: i.id, name: i.name, reason: 'capped', release: i.release.date }))],
    capped: true,
  };
}
