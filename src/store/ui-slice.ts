import type { StateCreator } from 'zustand';
import type { Locale } from '../i18n/i18n';
import { DEFAULT_VIEW_SETTINGS, type ThemeChoice, type UrlProblem, type ViewSettingName, type ViewSettings } from './url-state';
import type { PanelId } from './panels';
import type { StorageProblem } from '../data/persist';
import type { Dataset } from '../data/schema';
import type { CarbonRawInputs } from '../lib/carbon';
import type { TimeWindow } from '../selectors/timeline-series';
import type { ScalePeriod } from '../selectors/scale-series';
import type { AppState } from './index';

export type Notice =
  | { id: number; kind: 'url-problems'; problems: UrlProblem[] }
  /**
   * Browser storage refused to keep (or give back) an imported dataset. `during` says what was
   * attempted: saving means the import shows now but will not survive a reload.
   */
  | { id: number; kind: 'storage'; during: 'save' | 'load' | 'clear'; problem: StorageProblem };

export interface UiSlice {
  language: Locale;
  /** Whether the language was chosen explicitly (then it is written to the URL). */
  languageExplicit: boolean;
  theme: ThemeChoice;
  /** Per-view settings that belong in a shared link (sort orders, scales…). */
  viewSettings: ViewSettings;
  notices: Notice[];
  /** `embed=`: this panel alone, without the page's chrome (set by the link only). */
  embedPanel: PanelId | null;
  /** `present=`: presentation mode, showing this panel. */
  presentPanel: PanelId | null;
  /** The page is being printed (or print media is emulated): views render everything, e.g. every table row. */
  printing: boolean;
  /** The period dragged across on the timeline; null shows the zoom preset's window. Not in the URL. */
  timelineWindow: TimeWindow | null;
  /** The years the scale chart's trend is fitted over; null: every point in view. In the URL (`st=`). */
  scalePeriod: ScalePeriod | null;
  /**
   * The CO₂ calculator's model and fields exactly as typed, and the dataset they were entered for;
   * null until touched (the dataset's defaults apply). Kept for another dataset, it is ignored.
   */
  co2Calculator: Co2CalculatorInputs | null;
  setLanguage: (language: Locale) => void;
  setTheme: (theme: ThemeChoice) => void;
  setViewSetting: <K extends ViewSettingName>(name: K, value: ViewSettings[K]) => void;
  addUrlProblems: (problems: UrlProblem[]) => void;
  /** One storage notice at a time: a newer one replaces the last. */
  addStorageNotice: (during: 'save' | 'load' | 'clear', problem: StorageProblem) => void;
  dismissStorageNotices: () => void;
  dismissNotice: (id: number) => void;
  setPresentPanel: (panel: PanelId | null) => void;
  setPrinting: (printing: boolean) => void;
  setTimelineWindow: (w: TimeWindow | null) => void;
  setScalePeriod: (period: ScalePeriod | null) => void;
  setCo2Calculator: (value: Co2CalculatorInputs | null) => void;
}

export interface Co2CalculatorInputs {
  modelId: string;
  raw: CarbonRawInputs;
  dataset: Dataset;
}

let nextNoticeId = 1;

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  language: 'en',
  languageExplicit: false,
  theme: 'system',
  viewSettings: DEFAULT_VIEW_SETTINGS,
  notices: [],
  embedPanel: null,
  presentPanel: null,
  printing: false,
  timelineWindow: null,
  scalePeriod: null,
  co2Calculator: null,
  setLanguage: (language) => set({ language, languageExplicit: true }),
  setTheme: (theme) => set({ theme }),
  setViewSetting: (name, value) => set((s) => ({ viewSettings: { ...s.viewSettings, [name]: value } })),
  // One notice per link: problems found when the dataset arrives join those found on first read.
  addUrlProblems: (problems) =>
    set((s) => {
      if (problems.length === 0) return s;
      const open = s.notices.find((n) => n.kind === 'url-problems');
      if (!open) return { notices: [...s.notices, { id: nextNoticeId++, kind: 'url-problems', problems }] };
      return {
        notices: s.notices.map((n) => (n === open && n.kind === 'url-problems' ? { ...n, problems: [...n.problems, ...problems] } : n)),
      };
    }),
  addStorageNotice: (during, problem) =>
    set((s) => ({ notices: [...s.notices.filter((n) => n.kind !== 'storage'), { id: nextNoticeId++, kind: 'storage', during, problem }] })),
  dismissStorageNotices: () =>
    set((s) => (s.notices.some((n) => n.kind === 'storage') ? { notices: s.notices.filter((n) => n.kind !== 'storage') } : s)),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  setPresentPanel: (panel) => set({ presentPanel: panel }),
  setPrinting: (printing) => set((s) => (s.printing === printing ? s : { printing })),
  setTimelineWindow: (timelineWindow) => set({ timelineWindow }),
  setScalePeriod: (scalePeriod) => set({ scalePeriod }),
  setCo2Calculator: (co2Calculator) => set({ co2Calculator }),
});
