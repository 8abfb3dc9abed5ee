import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../tests/fixtures/bundled-dataset';
import { miniDatasetInput } from '../../tests/fixtures/mini-dataset';
import { datasetSchema, type DatasetInput } from '../data/schema';
import { translate } from '../i18n/i18n';
import { DEFAULT_FILTERS } from '../store/filters-model';
import { selectFilteredSystems } from './filtered-systems';
import {
  buildGpuHoursSeries,
  buildGpuHoursTable,
  datasetHardware,
  derivationText,
  formatGpuHoursShort,
  formatRatio,
  gpuLeftOutLabel,
} from './gpu-hours-series';

const t = (key: string, english: string, vars?: Record<string, string | number>) => translate('en', key, english, vars);
const ds = bundledDataset();
const inView = selectFilteredSystems(ds, DEFAULT_FILTERS);
const all = buildGpuHoursSeries(ds, inView);
const run = (id: string) => all.rows.find((r) => r.systemId === id)!;

describe('buildGpuHoursSeries on the bundled data', () => {
  it('has the pre-training runs (LLaMA sizes together, smallest first), then the fine-tunes', () => {
    expect(all.unit).toBe('GPU-hours');
    expect(all.rows.map((r) => r.systemId)).toEqual([
      'gpt-3',
      'bloom-175b',
      'llama-7b',
      'llama-13b',
      'llama-33b',
      'llama-65b',
      'opt-175b',
      'clip',
      'pythia-12b',
      'sam',
      'vicuna-13b',
      'llava',
      'koala',
      'alpaca',
      'dolly-1',
    ]);
    expect(all.rows.filter((r) => r.runKind === 'fine-tune').map((r) => r.systemId)).toEqual([
      'vicuna-13b',
      'llava',
      'koala',
      'alpaca',
      'dolly-1',
    ]);
    expect(all.rows.length + all.leftOut.length).toBe(inView.length);
  });

  it('keeps the values, hardware, status and derivation as published', () => {
    expect(run('llama-65b')).toMatchObject({ hours: 1022362, hardware: 'A100-80GB', status: 'reported' });
    expect(run('gpt-3')).toMatchObject({ hours: 3552000, hardware: 'V100', status: 'estimated', gpuCount: 10000 });
    expect(run('opt-175b').status).toBe('estimated');
    expect(run('alpaca')).toMatchObject({ hours: 24, hardware: 'A100-80GB', derivation: '8 GPUs × 3 h', status: 'reported' });
    expect(run('dolly-1')).toMatchObject({ hours: 4, hardware: 'A100-40GB' });
    expect(derivationText(run('llama-7b'), 'en')).toBeUndefined();
    expect(derivationText({ gpuCount: 8, wallClockHours: 6 }, 'en')).toBe('8 × 6 h');
  });

  it('lists the hardware once, in the dataset-wide order', () => {
    expect(datasetHardware(ds)).toEqual(['A100', 'A100-40GB', 'A100-80GB', 'V100']);
    expect(all.hardware).toEqual(['A100', 'A100-40GB', 'A100-80GB', 'V100']);
  });

  it('computes the gap from a fine-tune and its own base: Alpaca vs LLaMA-7B', () => {
    expect(all.gap?.kind).toBe('lineage');
    expect(all.gap?.pre.systemId).toBe('llama-7b');
    expect(all.gap?.fine.systemId).toBe('alpaca');
    expect(all.gap?.ratio).toBeCloseTo(82432 / 24, 6);
    expect(formatRatio(all.gap!.ratio, 'en')).toBe('3,430');
  });

  it('says why the others are left out', () => {
    const reason = Object.fromEntries(all.leftOut.map((l) => [l.systemId, l.reason]));
    expect(reason).toMatchObject({
      chatgpt: 'not-disclosed',
      'gpt-4': 'not-disclosed',
      'vicuna-7b': 'unknown',
      'dolly-2': 'unknown',
      'replit-code-v1-3b': 'unknown',
      'gpt-j-6b': 'not-recorded',
      chatllama: 'not-applicable',
      freedomgpt: 'not-applicable',
    });
    expect(Object.keys(reason)).not.toContain('ligo');
    const replit = all.leftOut.find((l) => l.systemId === 'replit-code-v1-3b')!;
    expect(gpuLeftOutLabel(replit, t)).toBe('unknown — The GPU count is known (256 × A100-40GB) but the training time was not found.');
  });

  it('the data table has one row per plotted run, with exact hours, hardware and derivation', () => {
    const table = buildGpuHoursTable(all, { locale: 'en', t, sourcesById: new Map(ds.sources.map((s) => [s.id, s])) });
    expect(table.rows.map((r) => r.id)).toEqual(all.rows.map((r) => r.systemId));
    expect(table.rows.find((r) => r.id === 'alpaca')!.cells).toEqual([
      'Alpaca',
      '24',
      'A100-80GB',
      '8 GPUs × 3 h',
      'Fine-tune',
      'reported',
      'Alpaca: A Strong, Replicable Instruction-Following Model',
    ]);
    expect(table.rows.find((r) => r.id === 'llama-65b')!.cells.slice(1, 5)).toEqual(['1,022,362', 'A100-80GB', '—', 'Pre-training']);
    expect(table.rows.find((r) => r.id === 'gpt-3')!.cells[5]).toMatch(/^est\.: Epoch AI/);
    expect(formatGpuHoursShort(1022362, 'en')).toBe('1.02M');
    expect(formatGpuHoursShort(192, 'en')).toBe('192');
  });

  it('base filter LLaMA leaves the four LLaMA runs and their fine-tunes', () => {
    const s = buildGpuHoursSeries(ds, selectFilteredSystems(ds, { ...DEFAULT_FILTERS, bases: ['llama'] }));
    expect(s.rows.map((r) => r.systemId)).toEqual([
      'llama-7b',
      'llama-13b',
      'llama-33b',
      'llama-65b',
      'vicuna-13b',
      'llava',
      'koala',
      'alpaca',
    ]);
    expect(s.hardware).toEqual(['A100', 'A100-80GB']);
    expect(s.gap?.fine.systemId).toBe('alpaca');
  });

  it('without a lineage pair in view, compares the largest pre-training run with the smallest fine-tune', () => {
    const s = buildGpuHoursSeries(
      ds,
      ds.systems.filter((x) => ['sam', 'clip', 'dolly-1', 'koala'].includes(x.id)),
    );
    expect(s.gap).toMatchObject({ kind: 'extremes', pre: { systemId: 'clip' }, fine: { systemId: 'dolly-1' } });
    expect(s.gap?.ratio).toBe(73728 / 4);
  });

  it('no gap when only one kind of run is in view', () => {
    expect(
      buildGpuHoursSeries(
        ds,
        ds.systems.filter((x) => x.id.startsWith('llama')),
      ).gap,
    ).toBeNull();
  });
});

describe('buildGpuHoursSeries on the mini fixture', () => {
  const input: DatasetInput = structuredClone(miniDatasetInput);
  const sys = (id: string) => input.systems.find((s) => s.id === id)!;
  sys('fam-small').gpuHours = { status: 'reported', value: { hours: 1000, hardware: 'H100' }, sources: ['src-a'] };
  sys('fam-large').gpuHours = { status: 'estimated', value: { hours: 5000, hardware: 'H100' }, sources: ['src-a'], method: 'guess' };
  sys('child').gpuHours = { status: 'reported', value: { hours: 2, hardware: 'A10', gpuCount: 1, wallClockHours: 2 }, sources: ['src-a'] };
  sys('grandchild').gpuHours = { status: 'reported', value: { hours: 10, hardware: 'A10' }, sources: ['src-a'] };
  sys('closed').gpuHours = { status: 'not-disclosed', sources: ['src-a'] };
  const mini = datasetSchema.parse(input);
  const s = buildGpuHoursSeries(mini, mini.systems);

  it('groups the family, sizes ascending (unknown size last), then fine-tunes by hours', () => {
    expect(s.rows.map((r) => [r.systemId, r.runKind])).toEqual([
      ['fam-small', 'pre-training'],
      ['fam-large', 'pre-training'],
      ['grandchild', 'fine-tune'],
      ['child', 'fine-tune'],
    ]);
    expect(s.hardware).toEqual(['A10', 'H100']);
  });

  it('the gap walks up fine-tune links to the nearest pre-training run: grandchild → child → fam-small', () => {
    // child vs fam-small: 500×; grandchild vs fam-small (through child): 100× — the larger, both reported.
    expect(s.gap).toMatchObject({ kind: 'lineage', pre: { systemId: 'fam-small' }, fine: { systemId: 'child' }, ratio: 500 });
  });

  it('left-out reasons', () => {
    expect(s.leftOut.map((l) => [l.systemId, l.reason])).toEqual([
      ['vision', 'not-recorded'],
      ['closed', 'not-disclosed'],
      ['event', 'not-applicable'],
    ]);
  });
});
