import type { BuiltSvg } from '../../lib/export-panel';

/**
 * What each mounted chart frame's export menu can produce, by panel id, so "Export all" reuses the
 * exact per-panel export (same SVG, CSV and file names) without a copy of it.
 */
export interface PanelExporter {
  /** The panel's title, in the UI language. */
  title: string;
  /** The standalone SVG, light theme (as the per-panel menu exports by default). */
  svg: () => BuiltSvg;
  /** Panels with a figure model: the text citation and BibTeX of the figure and its sources. */
  citation?: () => string;
  /** The panel's data table as CSV text. */
  csv: () => string;
  /** The per-panel file name for `ext` (`training-cost_llama-family_2025-11.png`). */
  fileName: (ext: string, suffix?: string) => string;
}

/**
 * Parts of a panel that export on their own (the CO₂ view's equivalents and calculator), by the
 * panel they belong to, in page order. They are not panels: no slot, no `embed=`/`present=` link;
 * "Export all" writes them right after their panel.
 */
export const SUB_PANELS: Readonly<Record<string, readonly string[]>> = {
  co2: ['co2-equivalents', 'co2-calculator'],
};

const exporters = new Map<string, () => PanelExporter>();

/** Registers a frame's exporter (a getter, so the latest render's closure is used); returns the unregister. */
export function registerPanelExporter(panelId: string, get: () => PanelExporter): () => void {
  exporters.set(panelId, get);
  return () => {
    if (exporters.get(panelId) === get) exporters.delete(panelId);
  };
}

/** Ids of the panels that can export now (mounted), in no particular order. */
export function exportablePanels(): string[] {
  return [...exporters.keys()];
}

export function panelExporter(panelId: string): PanelExporter | null {
  return exporters.get(panelId)?.() ?? null;
}
