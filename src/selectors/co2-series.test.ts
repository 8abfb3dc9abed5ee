import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../tests/fixtures/bundled-dataset';
import { miniDataset, miniDatasetInput } from '../../tests/fixtures/mini-dataset';
import { datasetSchema } from '../data/schema';
import { DEFAULT_FILTERS } from '../store/filters-model';
import { selectFilteredSystems } from './filtered-systems';
import { buildCo2Series, buildEquivalents, calculatorModels, chooseEquivalentsRun, co2Groups } from './co2-series';

const ds = bundledDataset();
const all = buildCo2Series(ds, ds.systems);
const bar = (id: string) => all.bars.find((b) => b.id === id)!;

describe('buildCo2Series (bundled data)', () => {
  it('draws every training run with a CO₂ figure, largest first, in t CO₂e', () => {
    expect(all.bars.map((b) => [b.id, b.value])).toEqual([
      ['gpt-3', 552],
      ['bloom-175b', 183],
      ['llama-65b', 173],
      ['opt-175b', 137],
      ['llama-33b', 90],
      ['llama-13b', 23],
      ['llama-7b', 14],
      ['sam', 2.8],
    ]);
    expect(all.bars.every((b) => b.unit === 't CO₂e')).toBe(true);
    // Every CO₂ figure in the data is an estimate (Patterson, Table 15's formula, SAM's own "estimated").
    expect(all.bars.every((b) => b.status === 'estimated' && b.method)).toBe(true);
  });

  it('keeps provenance: sources, method, the talk’s claim, energy', () => {
    expect(bar('gpt-3')).toMatchObject({
      sources: ['patterson-2021'],
      group: 'patterson-2021',
      talk: { text: '552 吨 CO₂', relation: 'agrees' },
      energy: { value: 1287, status: 'estimated' },
    });
    expect(bar('gpt-3').method).toMatch(/0\.429/);
    expect(bar('llama-13b')).toMatchObject({ group: 'llama-paper', talk: { relation: 'agrees' }, energy: { value: 59 } });
    expect(bar('sam')).toMatchObject({ group: 'sam-paper', energy: { value: 6.963 } });
  });

  it('“≈ 1/24 of GPT-3” is computed from the data: 552 / 23', () => {
    expect(bar('llama-13b').gpt3Multiple).toBeCloseTo(24.0, 5);
    expect(bar('llama-7b').gpt3Multiple).toBeCloseTo(552 / 14, 5);
    expect(bar('gpt-3').gpt3Multiple).toBeUndefined();
  });

  it('shows the spread where the LLaMA paper gives a second figure on the developer’s own grid', () => {
    expect(bar('opt-175b').figures.map((f) => [f.kind, f.value, f.kgCo2ePerKwh])).toEqual([
      ['dataset', 137, undefined],
      ['own-grid', 82, 0.231],
    ]);
    expect(bar('opt-175b').range).toEqual({ min: 82, max: 137 });
    expect(bar('bloom-175b').range).toEqual({ min: 27, max: 183 });
    // GPT-3 has one published figure in the dataset (Patterson et al.): no spread is invented.
    expect(bar('gpt-3').figures).toHaveLength(1);
    expect(bar('gpt-3').range).toBeUndefined();
  });

  it('the own-grid figures are the ones the dataset’s notes quote from the LLaMA paper', () => {
    expect(ds.reference.ownGridCo2.map((g) => g.systemId)).toEqual(['opt-175b', 'bloom-175b']);
    for (const alt of ds.reference.ownGridCo2) {
      const note = ds.systems.find((s) => s.id === alt.systemId)!.co2Tonnes!;
      expect('note' in note && note.note).toContain(`${alt.kgCo2ePerKwh} kgCO2eq/kWh`);
      expect('note' in note && note.note).toContain(`${alt.tco2e} tCO2eq`);
      // And they follow from Table 15's own MWh on that grid: 356.17 × 0.231 = 82.3, 476.47 × 0.057 = 27.2.
      const row = ds.reference.llamaTable15.rows.find((r) => r.systemId === alt.systemId)!;
      expect(Math.round(((row.gpuHours * 400 * 1.1) / 1e6) * alt.kgCo2ePerKwh)).toBe(alt.tco2e);
    }
  });

  it('leaves out every other system with the reason; nothing is drawn as 0', () => {
    const reasons = Object.fromEntries(all.leftOut.map((l) => [l.id, l.reason]));
    expect(reasons).toMatchObject({
      chatgpt: 'not-disclosed',
      'gpt-4': 'not-disclosed',
      bard: 'not-disclosed',
      midjourney: 'not-disclosed',
      alpaca: 'unknown',
      'vicuna-13b': 'unknown',
      clip: 'unknown',
      llava: 'unknown',
    });
    // Context models with no CO₂ entry at all: not recorded (unknown), not zero.
    expect(reasons).toMatchObject({
      'gpt-3.5': 'not-recorded',
      lamda: 'not-recorded',
      'gpt-j-6b': 'not-recorded',
      'pythia-12b': 'not-recorded',
    });
    // Papers, events and libraries/apps train no model of their own.
    for (const id of ['patterson-2021', 'sustainable-ai', 'pytorch-2', 'ligo', 'chatllama', 'freedomgpt'])
      expect(reasons[id]).toBe('not-applicable');
    expect(all.leftOut.find((l) => l.id === 'chatgpt')?.note).toBe('Not published.');
    expect(all.leftOut.find((l) => l.id === 'alpaca')?.note).toMatch(/No figure in the sources checked/);
    expect(all.total).toBe(ds.systems.length);
    expect(all.bars.length + all.leftOut.length).toBe(all.total);
  });

  it('follows the filtered set: base model LLaMA leaves LLaMA’s four sizes and their descendants as left out', () => {
    const systems = selectFilteredSystems(ds, { ...DEFAULT_FILTERS, bases: ['llama'] });
    const s = buildCo2Series(ds, systems);
    expect(s.bars.map((b) => b.id)).toEqual(['llama-65b', 'llama-33b', 'llama-13b', 'llama-7b']);
    expect(Object.fromEntries(s.leftOut.map((l) => [l.id, l.reason]))).toEqual({
      alpaca: 'unknown',
      'vicuna-7b': 'unknown',
      'vicuna-13b': 'unknown',
      koala: 'unknown',
      colossalchat: 'unknown',
      llava: 'unknown',
      chatllama: 'not-applicable',
      freedomgpt: 'not-applicable',
    });
    expect(s.total).toBe(systems.length);
    // The ratio to GPT-3 uses the reference figure, so it holds when GPT-3 is filtered out.
    expect(s.bars.find((b) => b.id === 'llama-13b')?.gpt3Multiple).toBeCloseTo(24, 5);
  });

  it('colour groups are fixed per dataset, whatever the filters', () => {
    expect(co2Groups(ds)).toEqual(['patterson-2021', 'llama-paper', 'sam-paper']);
  });
});

describe('buildCo2Series (mini fixture)', () => {
  it('no CO₂ anywhere: nothing drawn, every system left out with its reason', () => {
    const mini = miniDataset();
    const s = buildCo2Series(mini, mini.systems);
    expect(s.bars).toEqual([]);
    expect(s.total).toBe(7);
    expect(s.leftOut.map((l) => [l.id, l.reason])).toEqual([
      ['fam-small', 'not-recorded'],
      ['fam-large', 'not-recorded'],
      ['child', 'not-recorded'],
      ['vision', 'not-recorded'],
      ['grandchild', 'not-recorded'],
      ['closed', 'not-recorded'],
      ['event', 'not-applicable'],
    ]);
  });

  it('draws a reported figure; not-disclosed and unknown ones are left out with that reason', () => {
    const input = structuredClone(miniDatasetInput);
    input.systems[0].co2Tonnes = { status: 'reported', value: 14, sources: ['src-a'] };
    input.systems[1].co2Tonnes = { status: 'unknown', note: 'nothing found' };
    input.systems[5].co2Tonnes = { status: 'not-disclosed', sources: ['src-a'], note: 'withheld' };
    const mini = datasetSchema.parse(input);
    const s = buildCo2Series(mini, mini.systems);
    expect(s.bars).toMatchObject([
      { id: 'fam-small', value: 14, status: 'reported', unit: 't CO₂e', group: 'src-a', gpt3Multiple: 552 / 14 },
    ]);
    expect(s.bars[0].range).toBeUndefined();
    expect(s.leftOut.find((l) => l.id === 'closed')).toEqual({ id: 'closed', name: 'Closed', reason: 'not-disclosed', note: 'withheld' });
    expect(s.leftOut.find((l) => l.id === 'fam-large')).toEqual({
      id: 'fam-large',
      name: 'Fam-Large',
      reason: 'unknown',
      note: 'nothing found',
    });
  });
});

describe('buildEquivalents', () => {
  it('GPT-3: 460 per-passenger SF↔NY round trips (the talk’s 460 次), ≈ 3.1 whole jets, brain-years at 20 W and the talk’s 22 W', () => {
    const e = buildEquivalents(ds, bar('gpt-3'));
    expect(e.passengerTrips?.trips.value).toBeCloseTo(460, 6);
    expect(e.passengerTrips).toMatchObject({
      tonnesPerTrip: 1.2,
      sources: ['patterson-2021'],
      talk: { text: '460 次', relation: 'agrees' },
    });
    expect(e.jetTrips?.trips.value).toBeCloseTo(3.0667, 4);
    expect(e.jetTrips).toMatchObject({ tonnesPerTrip: 180, sources: ['patterson-2021'] });
    expect(e.brainYears).toMatchObject({
      mwh: 1287,
      watts: 20,
      sources: ['pnas-brain'],
      talk: { watts: 22, text: '22 瓦特', relation: 'differs' },
    });
    expect(e.brainYears?.years).toBeCloseTo(7340.86, 2);
    expect(e.brainYears?.talk?.years).toBeCloseTo(6673.51, 2);
    expect(e.gpt3).toBeUndefined();
  });

  it('LLaMA-13B: 23 t → 19 passenger trips, 1/24 of GPT-3; the talk’s 460 is not attached to it', () => {
    const e = buildEquivalents(ds, bar('llama-13b'));
    expect(e.passengerTrips?.trips.value).toBeCloseTo(23 / 1.2, 6);
    expect(e.passengerTrips?.talk).toBeUndefined();
    expect(e.brainYears?.years).toBeCloseTo((59 * 1e6) / (20 * 8766), 6);
    expect(e.gpt3).toMatchObject({ tonnes: 552, sources: ['patterson-2021'] });
    expect(e.gpt3?.multiple).toBeCloseTo(24, 6);
  });

  it('OPT: every equivalent carries the spread of the two published figures', () => {
    const e = buildEquivalents(ds, bar('opt-175b'));
    expect(e.co2).toEqual({ value: 137, min: 82, max: 137 });
    expect(e.passengerTrips?.trips.min).toBeCloseTo(82 / 1.2, 6);
    expect(e.passengerTrips?.trips.max).toBeCloseTo(137 / 1.2, 6);
    expect(e.jetTrips?.trips.min).toBeCloseTo(82 / 180, 6);
  });
});

describe('chooseEquivalentsRun', () => {
  it('defaults to GPT-3, follows a selected run with CO₂, and says when the selection has none', () => {
    expect(chooseEquivalentsRun(ds, null).bar?.id).toBe('gpt-3');
    expect(chooseEquivalentsRun(ds, 'llama-13b').bar?.id).toBe('llama-13b');
    expect(chooseEquivalentsRun(ds, 'chatgpt')).toMatchObject({
      bar: { id: 'gpt-3' },
      selectedWithout: { id: 'chatgpt', reason: 'not-disclosed' },
    });
    expect(chooseEquivalentsRun(ds, 'ligo')).toMatchObject({ bar: { id: 'gpt-3' }, selectedWithout: { reason: 'not-applicable' } });
    expect(chooseEquivalentsRun(ds, 'no-such-id')).toEqual({ bar: expect.objectContaining({ id: 'gpt-3' }) });
  });
});

describe('calculatorModels', () => {
  it('lists every system with GPU-hours, with its hardware and status', () => {
    const models = calculatorModels(ds);
    expect(models.map((m) => m.id).sort()).toEqual([
      'alpaca',
      'bloom-175b',
      'clip',
      'dolly-1',
      'gpt-3',
      'koala',
      'llama-13b',
      'llama-33b',
      'llama-65b',
      'llama-7b',
      'llava',
      'opt-175b',
      'pythia-12b',
      'sam',
      'vicuna-13b',
    ]);
    expect(models.find((m) => m.id === 'gpt-3')).toMatchObject({ gpuHours: 3_552_000, hardware: 'V100', status: 'estimated' });
    expect(models.find((m) => m.id === 'llama-65b')).toMatchObject({ gpuHours: 1_022_362, hardware: 'A100-80GB', status: 'reported' });
    expect(calculatorModels(miniDataset())).toEqual([]);
  });
});
