import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import methodsJson from '../../data/co2-methods.json';
import { co2MethodsSchema } from '../data/co2-methods-schema';
import { bundledDataset } from '../../tests/fixtures/bundled-dataset';
import { table15Mwh, table15Tonnes } from '../lib/carbon';
import {
  buildMethodSeries,
  CO2_METHODS,
  computeUnderMethod,
  computeWithParams,
  gridById,
  matchAccelerator,
  methodById,
  reproduce,
  sensitivity,
  type MethodChoice,
} from './co2-methods';

const ds = bundledDataset();
const byId = new Map(ds.systems.map((s) => [s.id, s]));
const llama = methodById('llama')!;
const a100 = CO2_METHODS.accelerators.find((a) => a.id === 'a100-80gb')!;

describe('data/co2-methods.json', () => {
  it('passes its schema', () => {
    const parsed = co2MethodsSchema.safeParse(methodsJson);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('refuses a constant without a source the file lists, and a method without its grid', () => {
    const broken = structuredClone(methodsJson) as typeof methodsJson;
    broken.grids[0].kgPerKwh.source = 'nobody-2099';
    broken.methods[1].grid = 'mars';
    const parsed = co2MethodsSchema.safeParse(broken);
    expect(parsed.success).toBe(false);
    const messages = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toContain('grids.0.kgPerKwh.source: unknown source "nobody-2099"');
    expect(messages).toContain('methods.1.grid: unknown grid "mars"');
  });
});

describe('each published figure, from its own inputs', () => {
  it('Patterson et al.: GPT-3’s 1,287 MWh and 552.1 t from 10,000 V100 × 3.14e23 FLOP ÷ 24.6 TFLOP/s × 330 W × PUE 1.10 × 0.429', () => {
    const r = reproduce(CO2_METHODS.reproductions.find((x) => x.systemId === 'gpt-3')!);
    expect(r.wallClockHours).toBeCloseTo(354.56, 2);
    expect(r.wallClockHours! / 24).toBeCloseTo(14.77, 2);
    const energy = r.parts.find((p) => p.part === 'energy')!;
    const total = r.parts.find((p) => p.part === 'total')!;
    expect(energy.published.value).toBe(1287);
    expect(energy.computed).toBeCloseTo(1287.06, 2);
    expect(total.published.value).toBe(552.1);
    expect(total.computed).toBeCloseTo(552.15, 2);
    for (const p of r.parts) expect(Math.abs(p.difference)).toBeLessThan(0.01);
  });

  it('LLaMA’s Table 15: all six rows from GPU-hours × 400 W × 1.1 × 0.385, printed as the paper prints them', () => {
    const grid = gridById(llama.grid)!.kgPerKwh.value;
    expect(grid).toBe(0.385);
    const rows = ds.reference.llamaTable15.rows;
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      const c = computeUnderMethod({ acceleratorHours: row.gpuHours, accelerator: a100 }, llama, grid);
      if (!c.ok) throw new Error(c.reason);
      expect(table15Tonnes(c.result.totalT), row.systemId).toBe(row.tco2e);
      // BLOOM's 475 MWh is the paper's own number: its GPU-hours give 476.5.
      if (row.systemId === 'bloom-175b') expect(table15Mwh(c.result.dynamicKwh / 1000)).toBe(476);
      else expect(table15Mwh(c.result.dynamicKwh / 1000), row.systemId).toBe(row.mwh);
    }
  });

  it('Luccioni et al.: BLOOM’s dynamic 24.7, idle 14.6, embodied 11.2 and total 50.5 t', () => {
    const r = reproduce(CO2_METHODS.reproductions.find((x) => x.systemId === 'bloom-175b')!);
    const part = (name: string) => r.parts.find((p) => p.part === name)!;
    expect(r.result.dynamicKwh).toBeCloseTo(433_196, 0);
    expect(part('dynamic').computed).toBeCloseTo(24.69, 2);
    expect(part('idle').computed).toBeCloseTo(14.63, 2);
    expect(part('embodied').computed).toBeCloseTo(11.21, 2);
    expect(part('total').computed).toBeCloseTo(50.53, 2);
    for (const p of r.parts) expect(Math.abs(p.difference), p.part).toBeLessThan(0.01);
  });

  it('LLaMA’s development factor 3.39 is 2,638 MWh over the four final runs of Table 15', () => {
    const finalRuns = ds.reference.llamaTable15.rows.filter((r) => r.systemId.startsWith('llama-'));
    const gpuHours = finalRuns.reduce((sum, r) => sum + r.gpuHours, 0);
    expect(gpuHours).toBe(1_770_394);
    const mwh = (gpuHours * 400 * 1.1) / 1e6;
    expect(Math.round((2638 / mwh) * 100) / 100).toBe(CO2_METHODS.development.find((d) => d.id === 'llama')!.factor);
  });
});

describe('the formula', () => {
  const params = fc.record({
    hours: fc.double({ min: 1, max: 1e8, noNaN: true }),
    powerW: fc.double({ min: 1, max: 2000, noNaN: true }),
    pue: fc.double({ min: 1, max: 3, noNaN: true }),
    kgPerKwh: fc.double({ min: 0.001, max: 1.5, noNaN: true }),
    idleRatio: fc.double({ min: 0, max: 2, noNaN: true }),
    embodiedKgPerHour: fc.double({ min: 0, max: 0.1, noNaN: true }),
    developmentFactor: fc.double({ min: 1, max: 5, noNaN: true }),
  });

  it('is ((hours × W × PUE ÷ 1000) × (1 + idle) × kg/kWh + hours × embodied kg/h) ÷ 1000 × development', () => {
    fc.assert(
      fc.property(params, ({ hours, ...p }) => {
        const r = computeWithParams(hours, p);
        const expected = (((hours * p.powerW * p.pue) / 1000) * (1 + p.idleRatio) * p.kgPerKwh + hours * p.embodiedKgPerHour) / 1000;
        expect(r.runT).toBeCloseTo(expected, 6);
        expect(r.totalT / expected).toBeCloseTo(p.developmentFactor, 9);
        expect(r.dynamicT + r.idleT + r.embodiedT).toBeCloseTo(r.runT, 6);
      }),
    );
  });

  it('is linear in the hours and grows with every input', () => {
    fc.assert(
      fc.property(
        params,
        fc.constantFrom('powerW', 'pue', 'kgPerKwh', 'idleRatio', 'embodiedKgPerHour', 'developmentFactor'),
        (all, key) => {
          const { hours, ...p } = all;
          const one = computeWithParams(hours, p).totalT;
          expect(computeWithParams(2 * hours, p).totalT).toBeCloseTo(2 * one, 6);
          const more = computeWithParams(hours, { ...p, [key]: p[key as keyof typeof p] * 1.5 + 0.01 }).totalT;
          expect(more).toBeGreaterThan(one);
        },
      ),
    );
  });
});

describe('every recomputed row is the formula with its method’s constants', () => {
  it('for each method, grid and development factor, and BLOOM’s life-cycle row is about 50.5 t', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CO2_METHODS.methods.map((m) => m.id)),
        fc.constantFrom(...CO2_METHODS.grids.map((g) => g.id)),
        fc.constantFrom('none', ...CO2_METHODS.development.map((d) => d.id)),
        (method, grid, development) => {
          const m = methodById(method)!;
          const kg = gridById(grid)!.kgPerKwh.value;
          const factor = CO2_METHODS.development.find((d) => d.id === development)?.factor ?? 1;
          const s = buildMethodSeries(ds.systems, { method, grid, development });
          for (const r of s.rows) {
            const power = (m.power === 'measured' ? r.accelerator.measuredW : r.accelerator.tdpW)!.value;
            const dynamicKwh = (r.acceleratorHours * power * (m.pue?.value ?? 1)) / 1000;
            const idle = m.idle ? m.idle.idleKwh.value / m.idle.dynamicKwh.value : 0;
            const e = m.embodied;
            const perHour = e
              ? (r.accelerator.embodiedKg!.value + e.serverKg.value / e.gpusPerServer.value) /
                (e.lifetimeYears.value * 8760 * e.utilisation.value)
              : 0;
            const expected = ((dynamicKwh * (1 + idle) * kg + r.acceleratorHours * perHour) / 1000) * factor;
            expect(r.result.totalT / expected).toBeCloseTo(1, 9);
          }
        },
      ),
      { numRuns: 60 },
    );
    const bloom = buildMethodSeries(ds.systems, { method: 'bloom-lca', grid: 'method', development: 'none' }).rows.find(
      (r) => r.id === 'bloom-175b',
    )!;
    // Table 15's 1,082,880 GPU-hours, not Luccioni et al.'s 1,082,990: 50.53 t either way.
    expect(bloom.result.totalT).toBeCloseTo(50.53, 2);
  });
});

describe('matchAccelerator', () => {
  it.each([
    ['A100-80GB', 'a100-80gb'],
    ['8 × A100-80GB (FSDP, mixed precision)', 'a100-80gb'],
    ['NVIDIA A100 SXM4 80 GB', 'a100-80gb'],
    ['V100 GPUs on a Microsoft cluster', 'v100'],
    ['NVIDIA Tesla V100 DGXS 32 GB', 'v100'],
    ['Google TPU v3', 'tpu-v3'],
    ['NVIDIA H100 SXM5 80GB', 'h100-sxm'],
    ['H100-80GB', 'h100-sxm'],
    // Words beside the chip that name no chip do not count.
    ['256 × A100-80GB on the MosaicML platform, mixed precision', 'a100-80gb'],
  ])('%s → %s', (hardware, id) => {
    expect(matchAccelerator(hardware)?.id).toBe(id);
  });

  it.each([
    'A100',
    'NVIDIA A100 SXM4 40 GB',
    'NVIDIA H100 PCIe',
    'H100',
    'NVIDIA V100 PCIe',
    'NVIDIA A100 PCIe 80 GB',
    'NVIDIA A100 SXM4 80 GB, NVIDIA V100',
    'Google TPU v4',
    // One listed chip beside one without figures: the run's power is not one accelerator's.
    'NVIDIA A100,NVIDIA Tesla V100 SXM2',
    'NVIDIA A100,NVIDIA H100 SXM5 80GB',
    'Google TPU v4,Google TPU v3',
    'NVIDIA A100 SXM4 40 GB,NVIDIA A100 SXM4 80 GB',
    'NVIDIA Tesla V100 DGXS 16 GB,NVIDIA GeForce RTX 2080 Ti',
    '8 × A100-80GB and 4 × V100',
    'One NDasrA100_v4 machine with 8 × A100-40GB (DeepSpeed ZeRO 3)',
  ])('names no accelerator with sourced figures: %s', (hardware) => {
    expect(matchAccelerator(hardware)).toBeUndefined();
  });
});

describe('buildMethodSeries: every model in view under one method', () => {
  const choice = (method: MethodChoice['method'], grid = 'method', development = 'none'): MethodChoice => ({ method, grid, development });
  const models = ds.systems;

  it('LLaMA’s method: TDP × 1.1 × 0.385 for every run with GPU-hours on a known accelerator', () => {
    const s = buildMethodSeries(models, choice('llama'));
    const row = (id: string) => s.rows.find((r) => r.id === id);
    expect(row('llama-65b')!.result.totalT).toBeCloseTo((1_022_362 * 0.4 * 1.1 * 0.385) / 1000, 6);
    // GPT-3 on V100 at its 300 W TDP: 3,552,000 GPU-h × 0.3 kW × 1.1 × 0.385.
    expect(row('gpt-3')!.result.totalT).toBeCloseTo((3_552_000 * 0.3 * 1.1 * 0.385) / 1000, 6);
    expect(row('gpt-3')!.published?.value).toBe(552);
    // SAM's "256 × A100" does not say which A100.
    expect(s.leftOut.find((l) => l.id === 'sam')).toMatchObject({
      why: { reason: 'unknown-accelerator', hardware: 'A100' },
      published: 2.8,
    });
    expect(s.leftOut.find((l) => l.id === 'gpt-4')).toMatchObject({ why: { reason: 'no-gpu-hours' } });
    expect(s.rows.length + s.leftOut.length).toBe(s.total);
    expect(s.total).toBe(models.filter((m) => m.kind === 'model').length);
  });

  it('Patterson’s method needs a measured power: A100 runs are left out, GPT-3 uses the V100’s 325 W', () => {
    const s = buildMethodSeries(models, choice('patterson'));
    expect(s.leftOut.find((l) => l.id === 'llama-65b')?.why).toEqual({ reason: 'no-measured-power', accelerator: a100.name });
    expect(s.rows.find((r) => r.id === 'gpt-3')!.result.totalT).toBeCloseTo((3_552_000 * 0.325 * 1.1 * 0.429) / 1000, 6);
  });

  it('the life-cycle method needs an embodied figure: V100 runs are left out', () => {
    const s = buildMethodSeries(models, choice('bloom-lca'));
    expect(s.leftOut.find((l) => l.id === 'gpt-3')?.why).toMatchObject({ reason: 'no-embodied' });
    const bloom = s.rows.find((r) => r.id === 'bloom-175b')!.result;
    expect(bloom.embodiedT).toBeGreaterThan(0);
    expect(bloom.idleT / bloom.dynamicT).toBeCloseTo(256_646 / 433_196, 9);
  });

  it('a grid and a development factor apply to every row', () => {
    const base = buildMethodSeries(models, choice('llama'));
    const other = buildMethodSeries(models, choice('llama', 'fr-bloom', 'llama'));
    expect(other.rows.length).toBe(base.rows.length);
    for (const r of other.rows) {
      const b = base.rows.find((x) => x.id === r.id)!;
      expect(r.result.totalT).toBeCloseTo(b.result.totalT * (0.057 / 0.385) * 3.39, 6);
    }
  });
});

describe('sensitivity', () => {
  it('LLaMA-65B under LLaMA’s method: development runs, then the grid, move it most; each bar is the formula at the input’s lowest and highest sourced value', () => {
    const hours = byId.get('llama-65b')!.gpuHours;
    const run = { acceleratorHours: hours?.status === 'reported' ? hours.value.hours : 0, accelerator: a100 };
    const s = sensitivity(run, { method: 'llama', grid: 'method', development: 'none' });
    if (!s.ok) throw new Error(s.reason);
    const { bars, fixed, base } = s.sensitivity;
    expect(base.totalT).toBeCloseTo(173.19, 2);
    expect(bars.map((b) => b.input)).toEqual(['development', 'grid', 'pue']);
    expect(bars.map((b) => b.swing)).toEqual([...bars.map((b) => b.swing)].sort((a, b) => b - a));
    const grid = bars.find((b) => b.input === 'grid')!;
    expect(grid.low.value).toBe(0.056);
    expect(grid.high.value).toBe(0.545);
    expect(grid.resultLow).toBeCloseTo((1_022_362 * 0.4 * 1.1 * 0.056) / 1000, 6);
    const pue = bars.find((b) => b.input === 'pue')!;
    expect([pue.low.value, pue.high.value]).toEqual([1.09, 1.12]);
    // The A100 has one sourced power (its TDP); the method counts no idle or manufacturing.
    expect(fixed).toEqual([
      { input: 'power', why: 'one-value' },
      { input: 'idle', why: 'not-in-method' },
      { input: 'embodied', why: 'not-in-method' },
    ]);
  });
});

describe('the link keeps ids of the data', () => {
  it('lists every method, grid and development factor of data/co2-methods.json, and nothing else', async () => {
    const { VIEW_SETTINGS } = await import('../store/url-state');
    expect([...VIEW_SETTINGS.co2Method.values].sort()).toEqual(CO2_METHODS.methods.map((m) => m.id).sort());
    expect([...VIEW_SETTINGS.co2Grid.values].sort()).toEqual(['method', ...CO2_METHODS.grids.map((g) => g.id)].sort());
    expect([...VIEW_SETTINGS.co2Development.values].sort()).toEqual(['none', ...CO2_METHODS.development.map((d) => d.id)].sort());
  });
});

describe('the page reads the file as it is', () => {
  it('so the schema fills in nothing: the parsed file equals the file', () => {
    const parsed = co2MethodsSchema.parse(methodsJson);
    expect(parsed).toEqual(methodsJson);
  });
});
