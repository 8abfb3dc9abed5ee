import { beforeEach, describe, expect, it } from 'vitest';
import { miniDataset } from '../../tests/fixtures/mini-dataset';
import { DEFAULT_FILTERS } from './filters-model';
import { resetAppStore, useAppStore } from './index';

beforeEach(() => resetAppStore());

describe('app store', () => {
  it('starts loading, then holds the dataset or the validation problems', () => {
    const s = useAppStore.getState();
    expect(s.datasetStatus).toBe('loading');
    s.receiveDataset({ ok: false, problems: [{ record: 'system "x"', field: 'release', message: 'bad' }] });
    expect(useAppStore.getState()).toMatchObject({ datasetStatus: 'error', dataset: null });
    expect(useAppStore.getState().datasetProblems).toHaveLength(1);
    const ds = miniDataset();
    useAppStore.getState().receiveDataset({ ok: true, dataset: ds });
    expect(useAppStore.getState()).toMatchObject({ datasetStatus: 'ready', dataset: ds, datasetProblems: [] });
  });

  it('toggles facet values and clears all filters in one call', () => {
    const { toggleFilterValue, setQuery, setDateRange } = useAppStore.getState();
    toggleFilterValue('organizations', 'OpenAI');
    toggleFilterValue('organizations', 'Meta AI');
    toggleFilterValue('organizations', 'OpenAI');
    setQuery('llama');
    setDateRange('2023-04', '2023-02');
    const f = useAppStore.getState().filters;
    expect(f.organizations).toEqual(['Meta AI']);
    expect(f.query).toBe('llama');
    expect([f.dateFrom, f.dateTo]).toEqual(['2023-02', '2023-04']);
    useAppStore.getState().clearFilters();
    expect(useAppStore.getState().filters).toEqual(DEFAULT_FILTERS);
  });

  it('selection toggles; hover is separate and does not re-set an unchanged value', () => {
    const s = useAppStore.getState();
    s.toggleSelected('llava');
    expect(useAppStore.getState().selectedId).toBe('llava');
    s.toggleSelected('llava');
    expect(useAppStore.getState().selectedId).toBeNull();
    s.hover('sam');
    const before = useAppStore.getState();
    s.hover('sam');
    expect(useAppStore.getState()).toBe(before);
  });

  it('collects URL problems as dismissible notices', () => {
    const s = useAppStore.getState();
    s.addUrlProblems([]);
    expect(useAppStore.getState().notices).toEqual([]);
    s.addUrlProblems([{ param: 'mod', value: 'x', reason: 'unknown-value' }]);
    s.addUrlProblems([{ param: 'org', value: 'Nobody', reason: 'unknown-value' }]);
    const notices = useAppStore.getState().notices;
    expect(notices).toHaveLength(1);
    const [notice] = notices;
    expect(notice.kind === 'url-problems' && notice.problems.map((p) => p.param)).toEqual(['mod', 'org']);
    s.dismissNotice(notice.id);
    expect(useAppStore.getState().notices).toEqual([]);
  });

  it('keeps the timeline’s dragged window until the dataset is replaced', () => {
    const ds = miniDataset();
    useAppStore.getState().receiveDataset({ ok: true, dataset: ds });
    expect(useAppStore.getState().timelineWindow).toBeNull();
    const w = { start: Date.UTC(2023, 1, 1), end: Date.UTC(2023, 2, 1) };
    useAppStore.getState().setTimelineWindow(w);
    expect(useAppStore.getState().timelineWindow).toEqual(w);
    useAppStore.getState().setTimelineWindow(null);
    expect(useAppStore.getState().timelineWindow).toBeNull();
    useAppStore.getState().setTimelineWindow(w);
    useAppStore.getState().receiveDataset({ ok: true, dataset: miniDataset() });
    expect(useAppStore.getState().timelineWindow).toBeNull();
  });
});
