/*
 * Annotations a reader adds to a chart (drawn by components/figure/figure-annotations.ts for the
 * screen and every export). A callout is anchored to data — a system's mark, a value or a date — never
 * to pixels, so it follows its mark through filters, scales and export sizes; a band shades a
 * value or date range; a note sits under the figure. Text is text: no markup is ever interpreted,
 * control characters are dropped, and length and count are capped.
 *
 * In the link they are one parameter, `ann=1.<base64url of UTF-8 JSON>`, versioned by its prefix
 * so a later form can still read old links. Anything wrong with it (another version, bad base64
 * or JSON, an unknown panel, too many, too long) drops the whole parameter and reports why: a
 * half-read set of annotations would tell a different story than the one shared.
 */

/** The chart panels annotations can go on. */
export const ANNOTATION_PANELS = ['training-cost', 'gpu-hours', 'co2', 'scale', 'timeline'] as const;
export type AnnotationPanel = (typeof ANNOTATION_PANELS)[number];

export const MAX_ANNOTATIONS_PER_PANEL = 8;
/** Characters (code points) of one annotation's text. */
export const MAX_ANNOTATION_TEXT = 120;
/** Characters of the encoded parameter: room for every panel's cap of short texts, not for a payload. */
export const MAX_ANNOTATIONS_PARAM = 6000;

const VERSION = '1';

export type AnnotationAnchor = { kind: 'system'; id: string } | { kind: 'value'; value: number } | { kind: 'date'; date: string };
export type AnnotationRange = { kind: 'value'; from: number; to: number } | { kind: 'date'; from: string; to: string };

export type Annotation =
  | { type: 'callout'; panel: AnnotationPanel; anchor: AnnotationAnchor; text: string }
  | { type: 'band'; panel: AnnotationPanel; range: AnnotationRange; text: string }
  | { type: 'note'; panel: AnnotationPanel; text: string };

export type AnnotationsProblem = 'malformed' | 'too-long' | 'too-many' | 'unknown-value';

/**
 * What a panel's axes can carry beside a system's mark: the bar charts a value (their axis is one),
 * the timeline and the scale chart a date (their horizontal axis). An annotation another panel
 * could not place is refused.
 */
export const PANEL_AXES: Record<AnnotationPanel, { value: boolean; date: boolean }> = {
  'training-cost': { value: true, date: false },
  'gpu-hours': { value: true, date: false },
  co2: { value: true, date: false },
  scale: { value: false, date: true },
  timeline: { value: false, date: true },
};

/** Whether `a` can be drawn on its panel. */
export function fitsPanel(a: Annotation): boolean {
  const axes = PANEL_AXES[a.panel];
  if (a.type === 'note') return true;
  const kind = a.type === 'callout' ? a.anchor.kind : a.range.kind;
  return kind === 'system' || axes[kind];
}

/** The mark a callout or band carries on the figure and in its key: ① … ⑧ (one per panel's cap). */
export function annotationBadge(index: number): string {
  return String.fromCodePoint(0x2460 + index);
}

// eslint-disable-next-line no-control-regex -- dropping control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Text as typed, made safe to keep: control characters dropped, runs of space collapsed, at most the cap. */
export function cleanAnnotationText(text: string): string {
  const plain = text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  return [...plain].slice(0, MAX_ANNOTATION_TEXT).join('');
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const SYSTEM_ID = /^[a-z0-9][a-z0-9._:-]{0,99}$/;

function isDay(s: unknown): s is string {
  return typeof s === 'string' && ISO_DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
}

function isPanel(s: unknown): s is AnnotationPanel {
  return typeof s === 'string' && (ANNOTATION_PANELS as readonly string[]).includes(s);
}

/* The JSON form, tuples to keep links short:
 *   ['c', panel, ['s', id] | ['v', number] | ['d', 'YYYY-MM-DD'], text]
 *   ['b', panel, ['v', from, to] | ['d', from, to], text]
 *   ['n', panel, text]
 */
type Tuple = unknown[];

function toTuple(a: Annotation): Tuple {
  switch (a.type) {
    case 'callout': {
      const anchor =
        a.anchor.kind === 'system' ? ['s', a.anchor.id] : a.anchor.kind === 'value' ? ['v', a.anchor.value] : ['d', a.anchor.date];
      return ['c', a.panel, anchor, a.text];
    }
    case 'band':
      return ['b', a.panel, [a.range.kind === 'value' ? 'v' : 'd', a.range.from, a.range.to], a.text];
    case 'note':
      return ['n', a.panel, a.text];
  }
}

/** One tuple back to an annotation, or the reason it is not one. */
function fromTuple(t: unknown): Annotation | AnnotationsProblem {
  if (!Array.isArray(t) || !isPanel(t[1])) return Array.isArray(t) && typeof t[1] === 'string' ? 'unknown-value' : 'malformed';
  const [type, panel] = t;
  const textAt = (i: number) => {
    const text = t[i];
    if (typeof text !== 'string' || t.length !== i + 1) return null;
    if ([...text].length > MAX_ANNOTATION_TEXT) return 'too-long' as const;
    const clean = cleanAnnotationText(text);
    return clean === text && clean ? clean : null;
  };
  if (type === 'n') {
    const text = textAt(2);
    return text === null ? 'malformed' : text === 'too-long' ? text : { type: 'note', panel, text };
  }
  const spec = t[2];
  const text = textAt(3);
  if (text === null || !Array.isArray(spec)) return 'malformed';
  if (text === 'too-long') return text;
  if (type === 'c' && spec.length === 2) {
    const [kind, v] = spec;
    if (kind === 's' && typeof v === 'string' && SYSTEM_ID.test(v))
      return { type: 'callout', panel, anchor: { kind: 'system', id: v }, text };
    if (kind === 'v' && typeof v === 'number' && Number.isFinite(v))
      return { type: 'callout', panel, anchor: { kind: 'value', value: v }, text };
    if (kind === 'd' && isDay(v)) return { type: 'callout', panel, anchor: { kind: 'date', date: v }, text };
    return 'malformed';
  }
  if (type === 'b' && spec.length === 3) {
    const [kind, from, to] = spec;
    if (kind === 'v' && typeof from === 'number' && typeof to === 'number' && Number.isFinite(from) && Number.isFinite(to) && from < to)
      return { type: 'band', panel, range: { kind: 'value', from, to }, text };
    if (kind === 'd' && isDay(from) && isDay(to) && from < to) return { type: 'band', panel, range: { kind: 'date', from, to }, text };
    return 'malformed';
  }
  return 'malformed';
}

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) return null;
  try {
    const binary = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** The `ann` parameter's value for these annotations; '' for none. */
export function encodeAnnotations(annotations: readonly Annotation[]): string {
  if (annotations.length === 0) return '';
  return `${VERSION}.${toBase64Url(JSON.stringify(annotations.map(toTuple)))}`;
}

/** The annotations a link's `ann` value holds, or why it holds none that can be trusted. */
export function decodeAnnotations(value: string): { ok: true; annotations: Annotation[] } | { ok: false; problem: AnnotationsProblem } {
  if (value.length > MAX_ANNOTATIONS_PARAM) return { ok: false, problem: 'too-long' };
  const dot = value.indexOf('.');
  if (dot < 0 || value.slice(0, dot) !== VERSION) return { ok: false, problem: dot < 0 ? 'malformed' : 'unknown-value' };
  const json = fromBase64Url(value.slice(dot + 1));
  if (json === null) return { ok: false, problem: 'malformed' };
  let tuples: unknown;
  try {
    tuples = JSON.parse(json);
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  if (!Array.isArray(tuples) || tuples.length === 0) return { ok: false, problem: 'malformed' };
  const annotations: Annotation[] = [];
  const perPanel = new Map<AnnotationPanel, number>();
  for (const t of tuples) {
    const a = fromTuple(t);
    if (typeof a === 'string') return { ok: false, problem: a };
    if (!fitsPanel(a)) return { ok: false, problem: 'unknown-value' };
    const n = (perPanel.get(a.panel) ?? 0) + 1;
    if (n > MAX_ANNOTATIONS_PER_PANEL) return { ok: false, problem: 'too-many' };
    perPanel.set(a.panel, n);
    annotations.push(a);
  }
  return { ok: true, annotations };
}
