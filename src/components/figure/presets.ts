/*
 * Export sizes as data. Each is laid out in CSS pixels for its box (type, marks, legend and notes
 * re-flowed) and rasterised at `scale`, so a slide PNG is 1920×1080 and a journal column is 85 mm
 * at 300 dpi, not a screenshot scaled up. Journal presets take their height from the content.
 */

export type PresetId = 'screen' | 'slide-16x9' | 'slide-4x3' | 'square' | 'journal-1col' | 'journal-2col';

export interface Preset {
  id: PresetId;
  /** Layout box in CSS px; `height` null: as tall as the content. */
  width: number;
  height: number | null;
  /** PNG pixels per layout pixel. */
  scale: number;
  /** Body text size in CSS px; titles and notes scale from it. */
  baseFont: number;
  /** Physical width written on the SVG (journals), in mm. */
  widthMm?: number;
  /** PNG resolution to record, in dots per inch. */
  dpi?: number;
}

const MM_PER_INCH = 25.4;
/** 7 pt, the smallest type most journals accept in figures, in CSS px. */
const JOURNAL_FONT = (7 * 96) / 72;

function journal(id: PresetId, mm: number): Preset {
  const width = Math.round((mm / MM_PER_INCH) * 96 * 100) / 100;
  return { id, width, height: null, scale: 300 / 96, baseFont: JOURNAL_FONT, widthMm: mm, dpi: 300 };
}

export const PRESETS: Record<Exclude<PresetId, 'screen'>, Preset> = {
  'slide-16x9': { id: 'slide-16x9', width: 960, height: 540, scale: 2, baseFont: 15 },
  'slide-4x3': { id: 'slide-4x3', width: 800, height: 600, scale: 2, baseFont: 15 },
  square: { id: 'square', width: 540, height: 540, scale: 2, baseFont: 13 },
  'journal-1col': journal('journal-1col', 85),
  'journal-2col': journal('journal-2col', 175),
};

/** As on screen: the panel's width, as tall as the content, at the display's density. */
export function screenPreset(width: number, scale = 2): Preset {
  return { id: 'screen', width: Math.max(320, Math.round(width)), height: null, scale, baseFont: 13 };
}

export const PRESET_ORDER: readonly PresetId[] = ['screen', 'slide-16x9', 'slide-4x3', 'square', 'journal-1col', 'journal-2col'];

/** The PNG's size in pixels for a laid-out height. */
export function pixelSize(preset: Preset, layoutHeight: number): { width: number; height: number } {
  return { width: Math.round(preset.width * preset.scale), height: Math.round(layoutHeight * preset.scale) };
}
