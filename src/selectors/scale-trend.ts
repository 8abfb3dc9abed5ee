/*
 * The scale chart's trend: a least-squares line through log10(value) against the date (in years),
 * over the points in view whose date falls in the period the user picked. Its slope gives the
 * doubling time; a bootstrap (points resampled with replacement) gives a 95% interval. The
 * resampling is seeded from the points themselves, so the same view always writes the same interval
 * — on screen, in every export and in the tests.
 */

/** One point of the fit: `year` a decimal year, `value` > 0. */
export interface TrendInput {
  year: number;
  value: number;
}

export const BOOTSTRAP_SAMPLES = 1000;
const LOG10_2 = Math.log10(2);

export type ScaleTrend =
  | {
      ok: true;
      /** Points the line was fitted to. */
      n: number;
      /** log10(value) per year. */
      slope: number;
      /** log10(value) at year 0 (the line is `intercept + slope * year`). */
      intercept: number;
      /** Whether the line rises (the value doubles) or falls (it halves); null when it is flat. */
      direction: 'doubles' | 'halves' | null;
      /** Months for the value to double (or halve): the doubling time. Null when flat. */
      months: number | null;
      /**
       * The 95% percentile interval of `months` over the bootstrap samples; `high` null when some
       * samples go the other way (the data cannot rule out no change). Null when flat.
       */
      ci: { low: number; high: number | null } | null;
      /** The fitted years' range, for drawing the line over the data it was fitted to. */
      fromYear: number;
      toYear: number;
    }
  | { ok: false; reason: 'too-few' | 'no-spread'; n: number };

/** Points needed for a line worth drawing. */
export const MIN_TREND_POINTS = 3;

/** Mulberry32: a tiny deterministic PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed from the points (FNV-1a over their coordinates' bits): same points, same seed. */
function seedOf(xs: Float64Array, ys: Float64Array): number {
  let h = 0x811c9dc5;
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  for (let i = 0; i < xs.length; i++) {
    for (const v of [xs[i], ys[i]]) {
      bits[0] = v;
      h = Math.imul(h ^ words[0], 0x01000193);
      h = Math.imul(h ^ words[1], 0x01000193);
    }
  }
  return h >>> 0;
}

/** Slope and intercept of y on x over the index list (all points when `idx` is null); null without spread in x. */
function fit(xs: Float64Array, ys: Float64Array, idx: Uint32Array | null): { slope: number; intercept: number } | null {
  const n = idx ? idx.length : xs.length;
  let sx = 0;
  let sy = 0;
  for (let k = 0; k < n; k++) {
    const i = idx ? idx[k] : k;
    sx += xs[i];
    sy += ys[i];
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (let k = 0; k < n; k++) {
    const i = idx ? idx[k] : k;
    const dx = xs[i] - mx;
    sxx += dx * dx;
    sxy += dx * (ys[i] - my);
  }
  // Dates a few seconds apart are no spread: the slope would be noise.
  if (sxx <= 1e-12 * n) return null;
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

const doubling = (slope: number) => (12 * LOG10_2) / slope;

/** The value of the percentile `p` (0–1) of sorted values, interpolated linearly. */
function percentile(sorted: Float64Array, p: number): number {
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function fitScaleTrend(points: readonly TrendInput[], samples = BOOTSTRAP_SAMPLES): ScaleTrend {
  const usable = points.filter((p) => p.value > 0 && Number.isFinite(p.value) && Number.isFinite(p.year));
  const n = usable.length;
  if (n < MIN_TREND_POINTS) return { ok: false, reason: 'too-few', n };
  const xs = Float64Array.from(usable, (p) => p.year);
  const ys = Float64Array.from(usable, (p) => Math.log10(p.value));
  const line = fit(xs, ys, null);
  if (!line) return { ok: false, reason: 'no-spread', n };
  let fromYear = Infinity;
  let toYear = -Infinity;
  for (const x of xs) {
    fromYear = Math.min(fromYear, x);
    toYear = Math.max(toYear, x);
  }
  const base = { ok: true as const, n, slope: line.slope, intercept: line.intercept, fromYear, toYear };
  if (line.slope === 0) return { ...base, direction: null, months: null, ci: null };
  // A falling line is read the same way, as a halving time.
  const sign = line.slope > 0 ? 1 : -1;

  const random = mulberry32(seedOf(xs, ys));
  const idx = new Uint32Array(n);
  const slopes = new Float64Array(samples);
  let kept = 0;
  for (let b = 0; b < samples; b++) {
    for (let k = 0; k < n; k++) idx[k] = Math.floor(random() * n);
    // A resample that drew one date only has no slope; it is skipped (rare beyond a handful of points).
    const s = fit(xs, ys, idx);
    if (s) slopes[kept++] = sign * s.slope;
  }
  const sorted = slopes.subarray(0, kept).sort();
  // The time falls as the slope steepens: the slope's 97.5th percentile is the interval's low end.
  const slopeLow = kept > 0 ? percentile(sorted, 0.025) : 0;
  const slopeHigh = kept > 0 ? percentile(sorted, 0.975) : 0;
  return {
    ...base,
    direction: sign > 0 ? 'doubles' : 'halves',
    months: doubling(sign * line.slope),
    ci: kept === 0 ? null : { low: doubling(slopeHigh), high: slopeLow > 0 ? doubling(slopeLow) : null },
  };
}

const YEAR_MS = 365.2425 * 86_400_000;

/** UTC ms → decimal year (1970-01-01 is 1970.0). */
export function msToYear(ms: number): number {
  return 1970 + ms / YEAR_MS;
}

/** Decimal year → UTC ms. */
export function yearToMs(year: number): number {
  return (year - 1970) * YEAR_MS;
}
