import type { PanelId } from '../../store/panels';
import { linkTo, type UrlState } from '../../store/url-state';

/** The link that shows `panel` alone with everything else in `state` applied (filters, selection, language…). */
export function embedLink(base: string, state: UrlState, panel: PanelId): string {
  return linkTo(base, { ...state, embed: panel, present: null });
}

/** Frame heights between these bounds; the width is always the host page's column (100%). */
export const MIN_EMBED_HEIGHT = 320;
export const MAX_EMBED_HEIGHT = 1600;
export const DEFAULT_EMBED_HEIGHT = 640;

/** Room for what an embed adds above the panel (the one-line filter summary) and for small changes. */
export const EMBED_HEIGHT_SLACK = 40;

/** A suggested frame height from the panel's height on screen, plus slack, rounded up to 40 px. */
export function suggestedEmbedHeight(measured: number | undefined): number {
  if (!measured || !Number.isFinite(measured) || measured <= 0) return DEFAULT_EMBED_HEIGHT;
  return Math.min(MAX_EMBED_HEIGHT, Math.max(MIN_EMBED_HEIGHT, Math.ceil((measured + EMBED_HEIGHT_SLACK) / 40) * 40));
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The HTML to paste into a web report or slide tool: a lazy, titled iframe as wide as its column. */
export function embedSnippet(url: string, title: string, height: number): string {
  return `<iframe src="${escapeAttribute(url)}" width="100%" height="${Math.round(height)}" title="${escapeAttribute(title)}" loading="lazy" style="border:0"></iframe>`;
}
