import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../tests/fixtures/bundled-dataset';
import { syntheticDataset } from '../../../tests/fixtures/synthetic-dataset';
import { PRESETS } from '../../components/figure/presets';
import { renderFigureSvg } from '../../components/figure/render-svg';
import type { FigureModel } from '../../components/figure/figure-model';
import { datasetSchema } from '../../data/schema';
import { translate, translatePlural, type Locale } from '../../i18n/i18n';
import { selectFilteredSystems } from '../../selectors/filtered-systems';
import { buildGpuHoursSeries, findGap } from '../../selectors/gpu-hours-series';
import { DEFAULT_FILTERS, type Filters } from '../../store/filters-model';
import { buildGpuHoursFigure } from './gpu-hours-figure';

const dataset = bundledDataset();
const LINK = 'https://llm-wave.example/?v=gpu';

const translator = (locale: Locale) => ({
  locale,
  t: (key: string, en: string, vars?: Record<string, string | number>) => translate(locale, key, en, vars),
  tn: (key: string, n: number, one: string, other: string, vars?: Record<string, string | number>) =>
    translatePlural(locale, key, n, one, other, vars),
});

function figure({
  locale = 'en',
  filters = DEFAULT_FILTERS,
  scale = 'log',
  selectedId = null,
  data = dataset,
}: Partial<{ locale: Locale; filters: Filters; scale: 'log' | 'linear'; selectedId: string | null; data: typeof dataset }> = {}) {
  return buildGpuHoursFigure({ dataset: data, filters, scale, selectedId, link: LINK, translator: translator(locale) });
}

/** Every string anywhere in the model: titles, labels, legend, notes, table, footer. */
function allText(model: FigureModel): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(model);
  return out;
}

/** What only makes sense on screen (issue 16), in English and as the Chinese UI says it. */
const SCREEN_ONLY = [
  /select a bar/i,
  /outlined: the selected/i,
  /selected model/i,
  /tooltip/i,
  /source is in the data table/i,
  /new tab/i,
  '选中一个条形',
  '带外框',
  '选中的模型',
  '见提示',
  '来源见数据表',
  '新标签页',
];

describe('buildGpuHoursFigure', () => {
  it('keeps the gap sentence (findGap: Alpaca against LLaMA-7B) as the first, essential note', () => {
    const model = figure();
    const gap = findGap(buildGpuHoursSeries(dataset, selectFilteredSystems(dataset, DEFAULT_FILTERS)).rows, dataset.systems)!;
    expect(gap.kind).toBe('lineage');
    expect([gap.fine.name, gap.pre.name, Math.round(gap.ratio)]).toEqual(['Alpaca', 'LLaMA-7B', 3435]);
    expect(model.notes[0]).toEqual({
      essential: true,
      text: 'Fine-tuning Alpaca took 24 GPU-hours; pre-training its base, LLaMA-7B, took 82,432 — about 3,430× as many.',
    });
    const zh = figure({ locale: 'zh-CN' });
    expect(zh.notes[0].essential).toBe(true);
    expect(zh.notes[0].text).toContain('Alpaca');
    expect(zh.notes[0].text).toContain('82,432');
    expect(zh.notes[0].text).toContain('3,430');
  });

  it('keeps the gap sentence and both its bars in a slide with little room, where other rows and notes give way', () => {
    const model = figure();
    expect(model.plot.rows.filter((r) => r.essential).map((r) => r.id)).toEqual(['llama-7b', 'alpaca']);
    // A square at its own type size (no shrinking) has room for fewer rows than the runs.
    const noShrink = { minFont: PRESETS.square.baseFont };
    const { svg, notesCut, rowsCut } = renderFigureSvg(model, PRESETS.square, noShrink);
    expect(notesCut).toBeGreaterThan(0);
    expect(rowsCut).toBeGreaterThan(0);
    const drawn = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
    expect(drawn).toContain('Fine-tuning Alpaca took 24 GPU-hours; pre-training its base, LLaMA-7B, took 82,432 — about 3,430× as many.');
    const rowIds = (text: string) => [...text.matchAll(/<g id="row-([^"]+)"/g)].map((m) => m[1]);
    // Both sections are drawn, each with the run the sentence names; the rest fill in order.
    const kept = rowIds(svg);
    expect(kept).toEqual(expect.arrayContaining(['llama-7b', 'alpaca']));
    expect(kept.length).toBeLessThan(model.plot.rows.length);
    expect(drawn).toContain('Fine-tunes (5)');
    // Without essential rows a box is filled in order, as before: no fine-tune would be drawn.
    const plain = { ...model, plot: { ...model.plot, rows: model.plot.rows.map(({ essential: _, ...r }) => r) } };
    const plainIds = rowIds(renderFigureSvg(plain, PRESETS.square, noShrink).svg);
    expect(plainIds).not.toContain('alpaca');
    expect(plainIds).toEqual(model.plot.rows.slice(0, plainIds.length).map((r) => r.id));
  });

  it('carries no screen-only text in any language, with or without a selection', () => {
    for (const locale of ['en', 'zh-CN'] as const)
      for (const selectedId of [null, 'alpaca'])
        for (const scale of ['log', 'linear'] as const) {
          const texts = allText(figure({ locale, selectedId, scale }));
          for (const phrase of SCREEN_ONLY)
            for (const text of texts)
              if (typeof phrase === 'string') expect(text, `${locale}: ${text}`).not.toContain(phrase);
              else expect(text, `${locale}: ${text}`).not.toMatch(phrase);
        }
    // Selecting a row changes nothing in the figure of an uncapped view.
    expect(figure({ selectedId: 'alpaca' })).toEqual(figure());
  });

  it('flags the estimated runs (drawn hatched) and says so in the legend and an essential note', () => {
    const model = figure();
    const estimated = model.plot.rows.filter((r) => r.marks.some((m) => m.kind === 'segment' && m.estimated)).map((r) => r.id);
    expect(estimated).toEqual(['gpt-3', 'opt-175b']);
    // Each run is one bar from the axis to its GPU-hours.
    const alpaca = model.plot.rows.find((r) => r.id === 'alpaca')!;
    expect(alpaca.marks).toEqual([{ kind: 'segment', from: 0, to: 24, color: expect.stringMatching(/^#/), estimated: false }]);
    // The table says the same as the marks.
    const tableEst = model.table.rows.filter((r) => r.cells[5].startsWith('est.')).map((r) => r.id);
    expect(tableEst).toEqual(estimated);
    expect(model.plot.rows.find((r) => r.id === 'gpt-3')!.label).toEqual({ full: '3.55M · V100 · est.', short: '3.55M est.' });
    expect(model.legend.map((e) => e.swatch.kind)).toContain('estimated');
    expect(model.legend.map((e) => e.label)).toEqual([
      'A100',
      'A100-40GB',
      'A100-80GB',
      'V100',
      'reported',
      'est. (estimate)',
      'sizes of one model',
    ]);
    const status = model.notes.find((n) => n.text.startsWith('Reported:'))!;
    expect(status.essential).toBe(true);
    expect(status.text).toContain('drawn hatched with a dashed outline');
  });

  it('lists what was left out, grouped by reason, and counts what is shown', () => {
    const model = figure();
    const texts = model.notes.map((n) => n.text);
    expect(texts).toContain('15 of 28 systems shown');
    expect(texts).toContain('Not drawn — not disclosed: ChatGPT, GPT-4, Bard, Midjourney.');
    expect(texts).toContain('Not drawn — not applicable (a library or app: no training run of its own): ChatLLaMA, FreedomGPT.');
    expect(texts.find((t) => t.startsWith('Not drawn — unknown: '))).toContain('Vicuna-7B');
    // Every system left out is named once, with its reason.
    const series = buildGpuHoursSeries(dataset, selectFilteredSystems(dataset, DEFAULT_FILTERS));
    expect(series.leftOut).toHaveLength(13);
    for (const l of series.leftOut) expect(texts.filter((t) => t.startsWith('Not drawn — ') && t.includes(l.name))).toHaveLength(1);
  });

  it('follows the view: sections, scale notes, sources, footer', () => {
    const model = figure();
    expect(model.id).toBe('gpu-hours');
    expect(model.title).toBe('GPU-hours per training run');
    expect(model.subtitle).toBe('All systems');
    expect(model.plot.sections).toEqual(['Pre-training runs (10)', 'Fine-tunes (5)']);
    expect(model.plot.rows.filter((r) => r.section === 1).map((r) => r.id)).toEqual(['vicuna-13b', 'llava', 'koala', 'alpaca', 'dolly-1']);
    expect(model.notes.map((n) => n.text)).toContain(
      'Log scale: every ×10 is the same distance; bar lengths are not proportional to GPU-hours.',
    );
    expect(figure({ scale: 'linear' }).notes.map((n) => n.text)).toContain(
      'Linear scale: the fine-tunes are too small to see next to pre-training — that is the gap.',
    );
    expect(model.sourceNote).toMatch(/^Sources: Epoch AI, .*Stanford CRFM, Databricks\.$/);
    expect(model.sourceIds).toContain('alpaca-blog');
    expect(model.footer.link).toBe(LINK);
    expect(model.footer.licence).toContain('Epoch AI');
  });

  it('an empty view says so, with no legend and no gap', () => {
    const model = figure({ filters: { ...DEFAULT_FILTERS, kinds: ['event'] } });
    expect(model.plot.rows).toEqual([]);
    expect(model.plot.empty).toBe('No system in view has published GPU-hours.');
    expect(model.legend).toEqual([]);
    expect(model.notes.some((n) => n.text.includes('about'))).toBe(false);
    // No fine-tune in view: no gap sentence either.
    const openai = figure({ filters: { ...DEFAULT_FILTERS, organizations: ['openai'] } });
    expect(openai.plot.rows.map((r) => r.id)).toEqual(['gpt-3', 'clip']);
    expect(openai.notes.some((n) => n.text.startsWith('Fine-tuning') || n.text.startsWith('The largest'))).toBe(false);
  });

  it('a capped view draws the largest runs and the selected one, and says so in an essential note', () => {
    const big = datasetSchema.parse(syntheticDataset(300, 1));
    const all = buildGpuHoursSeries(big, selectFilteredSystems(big, DEFAULT_FILTERS)).rows;
    expect(all.length).toBeGreaterThan(40);
    const smallest = [...all].sort((a, b) => a.hours - b.hours)[0];
    const model = figure({ data: big });
    expect(model.plot.rows).toHaveLength(40);
    expect(model.plot.rows.map((r) => r.id)).not.toContain(smallest.systemId);
    const cap = model.notes.find((n) => n.text.startsWith('Showing the 40 largest'))!;
    expect(cap.essential).toBe(true);
    // As on screen, the selected run is drawn too, on top of the largest.
    const selected = figure({ data: big, selectedId: smallest.systemId });
    expect(selected.plot.rows).toHaveLength(41);
    expect(selected.plot.rows.map((r) => r.id)).toContain(smallest.systemId);
    expect(model.table.rows).toHaveLength(all.length);
  });
});
