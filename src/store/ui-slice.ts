import type { StateCreator } from 'zustand';
import type { Locale } from '../i18n/i18n';
import type { ThemeChoice, UrlProblem } from './url-state';
import type { AppState } from './index';

export interface Notice {
  id: number;
  kind: 'url-problems';
  problems: UrlProblem[];
}

export interface UiSlice {
  language: Locale;
  /** Whether the language was chosen explicitly (then it is written to the URL). */
  languageExplicit: boolean;
  theme: ThemeChoice;
  notices: Notice[];
  setLanguage: (language: Locale) => void;
  setTheme: (theme: ThemeChoice) => void;
  addUrlProblems: (problems: UrlProblem[]) => void;
  dismissNotice: (id: number) => void;
}

let nextNoticeId = 1;

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  language: 'en',
  languageExplicit: false,
  theme: 'system',
  notices: [],
  setLanguage: (language) => set({ language, languageExplicit: true }),
  setTheme: (theme) => set({ theme }),
  // One notice per link: problems found when the dataset arrives join those found on first read.
  addUrlProblems: (problems) =>
    set((s) => {
      if (problems.length === 0) return s;
      const open = s.notices.find((n) => n.kind === 'url-problems');
      if (!open) return { notices: [...s.notices, { id: nextNoticeId++, kind: 'url-problems', problems }] };
      return { notices: s.notices.map((n) => (n === open ? { ...n, problems: [...n.problems, ...problems] } : n)) };
    }),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});
