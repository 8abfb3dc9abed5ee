import { beforeEach, describe, expect, it } from 'vitest';
import { bundledDataset } from '../../tests/fixtures/bundled-dataset';
import type { FigureModel } from '../components/figure/figure-model';
import type { TablesPlot } from '../components/figure/plot-tables';
import { resetAppStore, useAppStore } from '../store';
import { DEFAULT_FILTERS } from '../store/filters-model';
import { panelFigures } from './panel-figures';

const LINK = 'https://llm-wave.example/?x=1';

beforeEach(() => {
  resetAppStore();
  useAppStore.setState({ dataset: bundledDataset() });
});

function figure(id: string): FigureModel {
  const f = panelFigures(useAppStore.getState()).find((p) => p.id === id);
  if (!f) throw new Error(`no figure ${id}`);
  return f.model(LINK);
}
const tables = (m: FigureModel) => (m.plot as TablesPlot).tables;

describe('every panel’s figure from the store', () => {
  it('lists every panel in page order, the CO₂ parts after their panel, each titled and citing the view', () => {
    const all = panelFigures(useAppStore.getState());
    expect(all.map((f) => f.id)).toEqual([
      'overview',
      'models-table',
      'training-cost',
      'gpu-hours',
      'scale',
      'co2',
      'co2-equivalents',
      'co2-methods',
      'co2-calculator',
      'timeline',
      'lineage',
      'seed-tables',
      'compare',
    ]);
    for (const f of all) {
      const m = f.model(LINK);
      expect(m.id).toBe(f.id);
      expect(m.title.length).toBeGreaterThan(3);
      expect(m.footer.link).toBe(LINK);
    }
  });

  it('nothing without a dataset', () => {
    resetAppStore();
    expect(panelFigures(useAppStore.getState())).toEqual([]);
  });

  it('overview: the cards, then the systems in view in the chosen order; the CSV lists them all', () => {
    useAppStore.setState({ filters: { ...DEFAULT_FILTERS, organizations: ['openai'] } });
    useAppStore.getState().setViewSetting('overviewOrder', 'name');
    const m = figure('overview');
    const [cards, systems] = tables(m);
    expect(cards.rows.map((r) => r[0])).toEqual(['Models', 'Organizations', 'Release span', 'Open-weights share']);
    expect(cards.rows[1][1]).toBe('1');
    const names = systems.rows.map((r) => r[0]);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(names).toContain('GPT-3');
    expect(names).not.toContain('LLaMA-7B');
    expect(m.table.rows.map((r) => r.cells[0])).toEqual(names);
    expect(m.subtitle).toContain('OpenAI');
  });

  it('explorer: the visible columns over the rows in the table’s sort, the first 40 drawn, the rest counted', () => {
    useAppStore.setState({ sorting: [{ id: 'parameters', desc: true }], visibleColumns: ['name', 'parameters'] });
    const m = figure('models-table');
    const [t] = tables(m);
    expect(t.columns).toEqual(['Name', 'Parameters']);
    // The largest first: BLOOM's 176B, then the 175B models.
    expect(t.rows[0]).toEqual(['BLOOM-175B', '176B']);
    expect(t.rows[1][1]).toBe('175B');
    expect((m.plot as TablesPlot).omittedRows).toBe(Math.max(0, m.table.rows.length - 40));
    expect(m.table.columns.slice(0, 2)).toEqual(['Name', 'Parameters']);
    expect(m.notes[0].text).toBe(`${m.table.rows.length} rows`);
    expect(m.sourceIds.length).toBeGreaterThan(0);
  });

  it('the talk’s tables: ⚠ as the talk shows them, "talk → source" when checked', () => {
    const talk = tables(figure('seed-tables')).flatMap((t) => t.rows.flat());
    expect(talk.some((c) => c.endsWith('⚠'))).toBe(true);
    expect(talk.some((c) => c.includes(' → '))).toBe(false);
    useAppStore.getState().setViewSetting('seedTablesMode', 'checked');
    const checked = figure('seed-tables');
    expect(
      tables(checked)
        .flatMap((t) => t.rows.flat())
        .some((c) => c.includes(' → ')),
    ).toBe(true);
    expect(checked.subtitle).toMatch(/^Checked against sources/);
    // The checked cells' sources are cited with the tables'.
    expect(checked.sourceIds.length).toBeGreaterThan(2);
  });

  it('compare: fewer than two picks say how to pick; two picks mark the rows that differ', () => {
    expect(tables(figure('compare'))).toEqual([]);
    expect(figure('compare').subtitle).toMatch(/^Pick 2–4 models/);
    useAppStore.setState({ compareIds: ['alpaca', 'koala'], filters: { ...DEFAULT_FILTERS, organizations: ['openai'] } });
    const m = figure('compare');
    const [t] = tables(m);
    expect(t.columns).toEqual(['Field', 'Alpaca', 'Koala']);
    const params = t.rows.findIndex((r) => r[0].startsWith('Parameters'));
    expect(t.rows[params][0]).toBe('Parameters ≠');
    expect(t.marked?.[params]).toBe(true);
    // Both are outside the OpenAI filter and still compared: the figure says so.
    expect(m.notes.map((n) => n.text).join(' ')).toContain('Outside the current filters, still compared: Alpaca, Koala.');
  });

  it('the calculator and the timeline follow what the user set, though no panel is mounted', () => {
    const before = figure('co2-calculator');
    const dataset = useAppStore.getState().dataset!;
    useAppStore.getState().setCo2Calculator({
      modelId: 'llama-13b',
      raw: { gpuHours: '1,000,000', gpuPowerW: '400', pue: '1.1', kgCo2ePerKwh: '0.385' },
      dataset,
    });
    const after = figure('co2-calculator');
    expect(JSON.stringify(after.plot)).not.toBe(JSON.stringify(before.plot));
    expect(JSON.stringify(after.plot)).toContain('440 MWh');
    const all = figure('timeline');
    const start = Date.UTC(2023, 1, 1);
    useAppStore.getState().setTimelineWindow({ start, end: Date.UTC(2023, 3, 1) });
    const zoomed = figure('timeline');
    expect(zoomed.plot.kind === 'timeline' && zoomed.plot.window.start).toBe(start);
    expect(all.plot.kind === 'timeline' && all.plot.window.start).not.toBe(start);
  });
});
