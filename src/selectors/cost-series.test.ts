import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../tests/fixtures/bundled-dataset';
import { miniDatasetInput } from '../../tests/fixtures/mini-dataset';
import { datasetSchema, type DatasetInput } from '../data/schema';
import { translate } from '../i18n/i18n';
import { DEFAULT_FILTERS } from '../store/filters-model';
import {
  buildCostSeries,
  buildCostTable,
  formatCostFigure,
  formatCostRow,
  formatCostTotal,
  leftOutReasonLabel,
  totalBoundOf,
} from './cost-series';
import { selectFilteredSystems } from './filtered-systems';

const t = (key: string, english: string, vars?: Record<string, string | number>) => translate('en', key, english, vars);
const ds = bundledDataset();
const inView = selectFilteredSystems(ds, DEFAULT_FILTERS);
const all = buildCostSeries(ds, inView);
const row = (id: string) => all.rows.find((r) => r.systemId === id);

describe('buildCostSeries on the bundled data', () => {
  it('draws every system with a published dollar figure: pre-training runs first, then fine-tunes, family sizes side by side', () => {
    expect(all.unit).toBe('USD');
    expect(all.rows.map((r) => r.systemId)).toEqual([
      'gpt-3',
      'llama-65b',
      'clip',
      'alpaca',
      'vicuna-7b',
      'vicuna-13b',
      'koala',
      'dolly-1',
    ]);
    expect(all.rows.map((r) => r.runKind)).toEqual([
      'pre-training',
      'pre-training',
      'pre-training',
      'fine-tune',
      'fine-tune',
      'fine-tune',
      'fine-tune',
      'fine-tune',
    ]);
    // Every model and app/library in view (papers and events are not systems).
    expect(all.total).toBe(inView.length);
    expect(all.total).toBe(28);
    expect(all.rows.length + all.leftOut.length).toBe(all.total);
  });

  it("keeps all four of GPT-3's estimates, lowest first, none merged", () => {
    const gpt3 = row('gpt-3')!;
    expect(gpt3.figures.map((f) => f.totalUsd)).toEqual([2056969, 2198105, 4336473, 4600000]);
    expect(gpt3.figures.every((f) => f.status === 'estimated')).toBe(true);
    expect(gpt3.low.totalUsd).toBe(2056969);
    expect(gpt3.high.totalUsd).toBe(4600000);
    expect(gpt3.figures.map((f) => `${f.by} ${f.dollars} ${f.dollarYear}`)).toEqual([
      'Epoch AI constant 2023',
      'Epoch AI constant 2023',
      'Epoch AI constant 2023',
      'Lambda Labs nominal 2020',
    ]);
    expect(formatCostRow(gpt3, 'en', t)).toBe('$2.06M–$4.6M');
  });

  it("Vicuna's two sizes each keep both published figures (with and without spot instances)", () => {
    expect(row('vicuna-7b')!.figures.map((f) => formatCostTotal(f, 'en'))).toEqual(['~$140', '$500']);
    expect(row('vicuna-13b')!.figures.map((f) => formatCostTotal(f, 'en'))).toEqual(['$300', '~$1,000']);
    expect(row('vicuna-13b')!.figures.every((f) => f.status === 'reported' && f.dollars === 'nominal' && f.dollarYear === 2023)).toBe(true);
  });

  it("Alpaca is two components, both 'less than', and the talk's exact reading is kept beside it", () => {
    const alpaca = row('alpaca')!;
    expect(alpaca.figures).toHaveLength(1);
    const f = alpaca.low;
    expect(f.components.map((c) => [c.component, c.usd, c.bound])).toEqual([
      ['data', 500, 'upper'],
      ['training', 100, 'upper'],
    ]);
    expect(f.totalUsd).toBe(600);
    expect(f.totalBound).toBe('upper');
    expect(formatCostFigure(f, 'en', t)).toBe('<$500 data + <$100 training');
    expect(formatCostTotal(f, 'en')).toBe('<$600');
    expect(f.talk).toMatchObject({ text: '$500 (data) + $100 (training)', relation: 'differs' });
    expect(all.components).toEqual(['data', 'training']);
  });

  it('upper bounds stay upper bounds (Koala <$100, Dolly 1.0 <$30)', () => {
    expect(formatCostTotal(row('koala')!.low, 'en')).toBe('<$100');
    expect(formatCostTotal(row('dolly-1')!.low, 'en')).toBe('<$30');
  });

  it('says why each other system is left out: not disclosed, unknown, no figure recorded, not applicable', () => {
    const reason = Object.fromEntries(all.leftOut.map((l) => [l.systemId, l.reason]));
    expect(reason).toMatchObject({
      chatgpt: 'not-disclosed',
      'gpt-4': 'not-disclosed',
      bard: 'not-disclosed',
      midjourney: 'not-disclosed',
      'llama-7b': 'unknown',
      'llama-33b': 'unknown',
      sam: 'unknown',
      llava: 'unknown',
      'gpt-3.5': 'not-recorded',
      'opt-175b': 'not-recorded',
      chatllama: 'not-applicable',
    });
    expect(Object.keys(reason)).not.toContain('patterson-2021');
    expect(Object.keys(reason)).not.toContain('alpaca');
    const gpt4 = all.leftOut.find((l) => l.systemId === 'gpt-4')!;
    expect(leftOutReasonLabel(gpt4, t)).toMatch(/^not disclosed — Not published\. Epoch lists \$40\.6M/);
    expect(leftOutReasonLabel({ reason: 'not-applicable', kind: 'paper' }, t)).toBe('not applicable (paper/event)');
    expect(leftOutReasonLabel({ reason: 'not-applicable', kind: 'library-app' }, t)).toBe(
      'not applicable (a library or app: no training run of its own)',
    );
  });

  it('lists the dollar years of what is drawn: developers nominal 2023, Epoch constant 2023, Lambda 2020', () => {
    expect(all.dollarBases.map((b) => [b.by, b.dollars, b.year, b.systemIds.join(',')])).toEqual([
      [null, 'nominal', 2023, 'alpaca,vicuna-7b,vicuna-13b,koala,dolly-1'],
      ['Epoch AI', 'constant', 2023, 'gpt-3,llama-65b,clip'],
      ['Lambda Labs', 'nominal', 2020, 'gpt-3'],
    ]);
  });

  it('the data table has one row per published figure with its source, status and dollars', () => {
    const table = buildCostTable(all, { locale: 'en', t, sourcesById: new Map(ds.sources.map((s) => [s.id, s])) });
    expect(table.rows).toHaveLength(all.rows.reduce((n, r) => n + r.figures.length, 0));
    expect(table.rows).toHaveLength(14);
    const lambda = table.rows.find((r) => r.id === 'gpt-3:0')!;
    expect(lambda.cells.slice(0, 5)).toEqual([
      'GPT-3',
      '$4.6M',
      '$4.6M',
      'est.: Lambda Labs: 355 V100-years at the lowest cloud price',
      'nominal 2020 USD',
    ]);
    expect(lambda.cells[6]).toBe('Demystifying GPT-3 (Lambda Labs blog)');
    const alpaca = table.rows.find((r) => r.id === 'alpaca:0')!;
    expect(alpaca.cells).toEqual([
      'Alpaca',
      '<$500 data + <$100 training',
      '<$600',
      'reported',
      'nominal 2023 USD',
      '7B; data through the OpenAI API, fine-tuning on cloud compute',
      'Alpaca: A Strong, Replicable Instruction-Following Model',
      '$500 (data) + $100 (training) (differs from the source)',
    ]);
  });

  it('base filter LLaMA leaves LLaMA-65B and the LLaMA fine-tunes with a cost', () => {
    const s = buildCostSeries(ds, selectFilteredSystems(ds, { ...DEFAULT_FILTERS, bases: ['llama'] }));
    expect(s.rows.map((r) => r.systemId)).toEqual(['llama-65b', 'alpaca', 'vicuna-7b', 'vicuna-13b', 'koala']);
    expect(s.total).toBe(12);
    expect(s.leftOut.map((l) => l.systemId).sort()).toEqual([
      'chatllama',
      'colossalchat',
      'freedomgpt',
      'llama-13b',
      'llama-33b',
      'llama-7b',
      'llava',
    ]);
  });
});

describe('buildCostSeries on the mini fixture', () => {
  const input: DatasetInput = structuredClone(miniDatasetInput);
  input.sources.push({ id: 'src-epoch', title: 'Epoch file', url: 'https://example.org/e', grade: 'epoch', publisher: 'Epoch AI' });
  const sys = (id: string) => input.systems.find((s) => s.id === id)!;
  sys('fam-small').trainingCost = [
    {
      status: 'estimated',
      value: { components: [{ component: 'total', usd: 5000, bound: 'exact' }], dollarYear: 2023 },
      sources: ['src-epoch'],
      method: 'Epoch',
    },
  ];
  sys('fam-large').trainingCost = [{ status: 'unknown', note: 'Not found.' }];
  sys('child').trainingCost = [
    {
      status: 'reported',
      value: { components: [{ component: 'training', usd: 80, bound: 'approx' }], dollarYear: 2022 },
      sources: ['src-a'],
    },
  ];
  sys('closed').trainingCost = [{ status: 'not-disclosed', sources: ['src-a'] }];
  const mini = datasetSchema.parse(input);
  const s = buildCostSeries(mini, mini.systems);

  it('draws the two systems with figures and nothing for the rest (never a 0)', () => {
    expect(s.rows.map((r) => [r.systemId, r.runKind, r.low.totalUsd])).toEqual([
      ['fam-small', 'pre-training', 5000],
      ['child', 'fine-tune', 80],
    ]);
    expect(s.rows.every((r) => r.figures.every((f) => f.totalUsd > 0))).toBe(true);
  });

  it('gives each left-out system its reason', () => {
    expect(s.leftOut.map((l) => [l.systemId, l.reason])).toEqual([
      ['fam-large', 'unknown'],
      ['vision', 'not-recorded'],
      ['grandchild', 'not-recorded'],
      ['closed', 'not-disclosed'],
      ['event', 'not-applicable'],
    ]);
    expect(leftOutReasonLabel(s.leftOut[0], t)).toBe('unknown — Not found.');
  });

  it('a "total" component is labelled by its amount alone; constant vs nominal dollars follow the source', () => {
    expect(formatCostFigure(s.rows[0].low, 'en', t)).toBe('$5,000');
    expect(s.rows[0].low.dollars).toBe('constant');
    expect(formatCostFigure(s.rows[1].low, 'en', t)).toBe('~$80');
    expect(s.dollarBases.map((b) => [b.by, b.dollars, b.year])).toEqual([
      [null, 'nominal', 2022],
      ['Epoch AI', 'constant', 2023],
    ]);
    expect(s.components).toEqual(['training', 'total']);
  });

  it('an empty filter result is an empty series', () => {
    expect(buildCostSeries(mini, [])).toMatchObject({ rows: [], leftOut: [], total: 0, dollarBases: [], components: [] });
  });
});

describe('totalBoundOf', () => {
  it('"less than" wins over "about", which wins over exact', () => {
    expect(
      totalBoundOf([
        { component: 'data', usd: 1, bound: 'approx' },
        { component: 'training', usd: 1, bound: 'upper' },
      ]),
    ).toBe('upper');
    expect(
      totalBoundOf([
        { component: 'data', usd: 1, bound: 'approx' },
        { component: 'training', usd: 1, bound: 'exact' },
      ]),
    ).toBe('approx');
    expect(totalBoundOf([{ component: 'total', usd: 1, bound: 'exact' }])).toBe('exact');
  });
});
