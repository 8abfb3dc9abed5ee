import type { Source } from '../../data/schema';
import { formatDecimal, type Locale } from '../../i18n/format';
import type { Translator } from '../../i18n/use-t';
import type { Co2Bar, Co2LeftOut, PublishedFigure, Spread } from '../../selectors/co2-series';
import { leftOutReasonText } from '../../selectors/left-out';

/*
 * The CO₂ view's one set of formatters (all on Intl through i18n/format): the chart labels, the
 * show-data table and the cards use these, so the same figure reads the same everywhere.
 */

type T = Translator['t'];

/** Tonnes as the sources give them: whole tonnes, one decimal below 10 t (SAM's 2.8). */
export function formatTonnes(t: number, locale: Locale): string {
  return formatDecimal(t, locale, Math.abs(t) < 10 ? 1 : 0);
}

/** A count of equivalents (trips, years): whole above 10, else one or two decimals. */
export function formatEquivalent(n: number, locale: Locale): string {
  return formatDecimal(n, locale, n >= 10 ? 0 : n >= 1 ? 1 : 2);
}

/** MWh as given: SAM's 6.963 MWh keeps its digits, Table 15's whole MWh stay whole. */
export function formatMwh(mwh: number, locale: Locale): string {
  return formatDecimal(mwh, locale, mwh < 10 ? 3 : 1);
}

/** "460" or, where the published figures disagree, "68–114". */
export function formatSpread(s: Spread, locale: Locale, format: (n: number, l: Locale) => string): string {
  const lo = format(s.min, locale);
  const hi = format(s.max, locale);
  return lo === hi ? format(s.value, locale) : `${lo}–${hi}`;
}

/** The bar's main label and the data table's value cell: "552 t est." (one string, so they cannot disagree). */
export function barValueText(bar: Pick<Co2Bar, 'value' | 'status'>, t: T, locale: Locale): string {
  const v = `${formatTonnes(bar.value, locale)} t`;
  return bar.status === 'estimated' ? `${v} ${t('fact.estimated', 'est.')}` : v;
}

/** "GPT-3 ÷ 24" read as a share: "≈ 1/24 of GPT-3". */
export function gpt3ShareText(multiple: number, t: T, locale: Locale): string {
  return t('co2.share-of-gpt3', '≈ 1/{ratio} of GPT-3', { ratio: formatDecimal(multiple, locale, multiple >= 10 ? 0 : 1) });
}

export function figureText(f: PublishedFigure, t: T, locale: Locale): string {
  const v = `${formatTonnes(f.value, locale)} t`;
  if (f.kind === 'own-grid') {
    return t('co2.figure-own-grid', '{tonnes} on the developer’s own grid ({intensity} kg CO₂e/kWh, LLaMA paper §6)', {
      tonnes: v,
      intensity: formatDecimal(f.kgCo2ePerKwh ?? 0, locale, 3),
    });
  }
  return v;
}

export function leftOutText(l: Co2LeftOut, t: T): string {
  return leftOutReasonText(l, t, (reason) =>
    reason === 'not-recorded'
      ? t('co2.reason-not-recorded', 'unknown (no figure recorded)')
      : t('co2.reason-not-applicable', 'not applicable (a paper, event, library or app: no training run of its own)'),
  );
}

/** Short name of a source for legends: its title without the arXiv number. */
export function shortSourceTitle(s: Source | undefined, fallback: string): string {
  if (!s) return fallback;
  return s.title.replace(/\s*\(arXiv [^)]*\)/, '').replace(/,\s*arXiv [\d.]+/, '');
}

/** Rough rendered width of a label in px (no layout in SVG text before paint): CJK glyphs are square. */
export function estimateTextWidth(text: string, fontPx: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\u9FFF\uFF00-\uFFEF]/.test(ch) ? fontPx : /[ilI.,:;|'’·]/.test(ch) ? fontPx * 0.32 : fontPx * 0.6;
  return Math.ceil(w);
}

/** Round ticks (1, 2, 2.5, 5 × 10ⁿ) covering the largest figure, so the axis ends on a tick. */
export function niceTicks(max: number, target = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / target;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  const ticks: number[] = [];
  for (let v = 0; v < max + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  if (ticks[ticks.length - 1] < max) ticks.push(Number((ticks[ticks.length - 1] + step).toPrecision(12)));
  return ticks;
}
