import type { Dataset } from '../data/schema';
import { selectBaseOptions } from '../selectors/filtered-systems';
import { getOrganizationIndex } from '../selectors/organizations';
import { browserLanguage, rememberedLanguage, rememberedTheme, rememberLanguage, rememberTheme } from './preferences';
import { fromUrl, reconcileWithDataset, toUrl, type UrlState } from './url-state';
import { useAppStore, type AppState } from './index';

/*
 * Glue between the store and the address bar: the only impure part of URL state. A state change
 * pushes a history entry (typing in the search box replaces it instead, so Back does not step
 * through every keystroke); Back/Forward re-apply the URL.
 */

function urlStateOf(s: AppState): UrlState {
  return {
    filters: s.filters,
    selectedId: s.selectedId,
    language: s.languageExplicit || s.language !== 'en' ? s.language : null,
    theme: s.theme,
    view: s.viewSettings,
    sorting: s.sorting,
    visibleColumns: s.visibleColumns,
    compareIds: s.compareIds,
    embed: s.embedPanel,
    present: s.presentPanel,
    timelineWindow: s.timelineWindow,
    scalePeriod: s.scalePeriod,
    annotations: s.annotations,
  };
}

/**
 * What a shared link carries: everything on screen, with the language always spelled out. The
 * address bar leaves out a language that came from the browser, but the recipient's browser may
 * speak another one, and the link must show them what the sender sees.
 */
export function shareableUrlState(s: AppState, overrides: Partial<UrlState> = {}): UrlState {
  return { ...urlStateOf(s), language: s.language, ...overrides };
}

/** This page's address without its query: what shared and embed links are built on. */
export function pageBase(): string {
  return `${location.origin}${location.pathname}`;
}

function searchOf(state: UrlState): string {
  const q = toUrl(state).toString();
  return q ? `?${q}` : '';
}

function knownValues(dataset: Dataset) {
  return {
    organizationId: getOrganizationIndex(dataset).idFor,
    baseOptionIds: new Set(selectBaseOptions(dataset).map((o) => o.id)),
    systemIds: new Set(dataset.systems.map((s) => s.id)),
  };
}

let applyingUrl = false;

/** Reads the current URL into the store (startup and Back/Forward). */
export function applyLocation(search: string): void {
  const { state, problems } = fromUrl(new URLSearchParams(search));
  const store = useAppStore.getState();
  applyingUrl = true;
  try {
    let filters = state.filters;
    let selectedId = state.selectedId;
    let compareIds = state.compareIds;
    const all = [...problems];
    if (store.dataset) {
      const r = reconcileWithDataset(state, knownValues(store.dataset));
      filters = r.filters;
      selectedId = r.selectedId;
      compareIds = r.compareIds;
      all.push(...r.problems);
    }
    const language = state.language ?? rememberedLanguage() ?? browserLanguage(globalThis.navigator?.languages);
    useAppStore.setState({
      filters,
      selectedId,
      language,
      languageExplicit: state.language !== null,
      theme: state.theme !== 'system' ? state.theme : (rememberedTheme() ?? 'system'),
      viewSettings: state.view,
      sorting: state.sorting,
      visibleColumns: state.visibleColumns,
      compareIds,
      embedPanel: state.embed,
      presentPanel: state.present,
      timelineWindow: state.timelineWindow,
      scalePeriod: state.scalePeriod,
      annotations: state.annotations,
    });
    store.addUrlProblems(all);
  } finally {
    applyingUrl = false;
  }
}

/** Once the dataset is in: drop URL values it does not know, say so, and fix the address. */
export function reconcileLocationWithDataset(dataset: Dataset): void {
  const s = useAppStore.getState();
  const r = reconcileWithDataset({ filters: s.filters, selectedId: s.selectedId, compareIds: s.compareIds }, knownValues(dataset));
  // An older link's spelling of an organization is no problem, but the filter must hold its id.
  const renamed = r.filters.organizations.join('\n') !== s.filters.organizations.join('\n');
  if (r.problems.length === 0 && !renamed) return;
  applyingUrl = true;
  try {
    useAppStore.setState({ filters: r.filters, selectedId: r.selectedId, compareIds: r.compareIds });
    // Inside the guard too: the notice must not push a history entry of its own.
    if (r.problems.length > 0) s.addUrlProblems(r.problems);
  } finally {
    applyingUrl = false;
  }
  history.replaceState(history.state, '', `${location.pathname}${searchOf(urlStateOf(useAppStore.getState()))}${location.hash}`);
}

/** Starts syncing; returns a function that stops it. */
export function startUrlSync(): () => void {
  applyLocation(location.search);
  const onPop = () => applyLocation(location.search);
  window.addEventListener('popstate', onPop);
  const unsubscribe = useAppStore.subscribe((next, prev) => {
    if (next.language !== prev.language && next.languageExplicit) rememberLanguage(next.language);
    if (next.theme !== prev.theme) rememberTheme(next.theme);
    // A new dataset (startup, an import, back to the bundled one) may not know the selection or
    // filters in the URL: drop those with the usual notice. That fixes the address itself.
    if (next.dataset && next.dataset !== prev.dataset) {
      reconcileLocationWithDataset(next.dataset);
      // What the link asked for and was refused while parsing (too many values, too long) leaves
      // the address too — replaced, since loading data is not a step to go Back to.
      const search = searchOf(urlStateOf(useAppStore.getState()));
      if (search !== location.search) history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
      return;
    }
    if (applyingUrl) return;
    const nextSearch = searchOf(urlStateOf(next));
    if (nextSearch === location.search) return;
    const url = `${location.pathname}${nextSearch}${location.hash}`;
    // Refining a search replaces the entry; starting one pushes, so Back returns to the unsearched view.
    const refiningQuery =
      prev.filters.query.trim() !== '' &&
      next.filters.query !== prev.filters.query &&
      searchOf({ ...urlStateOf(next), filters: { ...next.filters, query: prev.filters.query } }) === searchOf(urlStateOf(prev));
    // Stepping through a presentation replaces the entry too: Back leaves the presentation, not one slide.
    const steppingSlides =
      prev.presentPanel !== null &&
      next.presentPanel !== null &&
      searchOf({ ...urlStateOf(next), present: prev.presentPanel }) === searchOf(urlStateOf(prev));
    // Inside an embed's iframe a pushed entry would join the host page's history (its Back button): replace.
    if (refiningQuery || steppingSlides || next.embedPanel) history.replaceState(history.state, '', url);
    else history.pushState(history.state, '', url);
  });
  return () => {
    window.removeEventListener('popstate', onPop);
    unsubscribe();
  };
}
