import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bundledDataset } from '../../tests/fixtures/bundled-dataset';
import { factValue } from '../selectors/system-facts';
import { brainYears, checkTable15Row, computeCarbon, parseNumberInput, table15Mwh, table15Tonnes, validateCarbonInputs } from './carbon';

const ds = bundledDataset();
const method = ds.reference.llamaCarbonMethod;
const paper = { gpuPowerW: factValue(method.gpuPowerW)!, pue: factValue(method.pue)!, kgCo2ePerKwh: factValue(method.kgCo2ePerKwh)! };

describe('computeCarbon', () => {
  it('is GPU-hours × power × PUE for energy and MWh × kg/kWh for tonnes', () => {
    const r = computeCarbon({ gpuHours: 135_168, gpuPowerW: 400, pue: 1.1, kgCo2ePerKwh: 0.385 });
    expect(r.mwh).toBeCloseTo(59.47392, 8);
    expect(r.tco2e).toBeCloseTo(22.8974592, 8);
  });

  it('is linear in every input and zero when any input is zero', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.double({ min: 0, max: 2000, noNaN: true }), (h, w) => {
        const one = computeCarbon({ gpuHours: h, gpuPowerW: w, pue: 1.1, kgCo2ePerKwh: 0.385 });
        const two = computeCarbon({ gpuHours: 2 * h, gpuPowerW: w, pue: 1.1, kgCo2ePerKwh: 0.385 });
        expect(two.mwh).toBeCloseTo(2 * one.mwh, 6);
        expect(two.tco2e).toBeCloseTo(2 * one.tco2e, 6);
      }),
    );
    expect(computeCarbon({ gpuHours: 0, gpuPowerW: 400, pue: 1.1, kgCo2ePerKwh: 0.385 })).toEqual({ mwh: 0, tco2e: 0 });
  });
});

describe('LLaMA Table 15, reproduced', () => {
  const rows = ds.reference.llamaTable15.rows;
  const checks = rows.map((r) => checkTable15Row(r, paper));
  const byId = new Map(checks.map((c) => [c.systemId, c]));

  it('uses the paper’s method: 400 W, PUE 1.1, 0.385 kg CO₂e/kWh, six rows at 400 W', () => {
    expect(paper).toEqual({ gpuPowerW: 400, pue: 1.1, kgCo2ePerKwh: 0.385 });
    expect(rows.map((r) => r.systemId)).toEqual(['opt-175b', 'bloom-175b', 'llama-7b', 'llama-13b', 'llama-33b', 'llama-65b']);
    expect(rows.every((r) => r.gpuPowerW === paper.gpuPowerW)).toBe(true);
  });

  it('every printed t CO₂e comes out of GPU-h × 0.4 kW × 1.1 × 0.385, rounded to the nearest tonne', () => {
    for (const c of checks) expect([c.systemId, c.tco2eByRule]).toEqual([c.systemId, c.printed.tco2e]);
    expect(checks.every((c) => c.tco2eMatches)).toBe(true);
    // The same six tonnes come out from the printed MWh, so the rule does not depend on which MWh is used.
    for (const c of checks) expect(c.tco2eFromPrintedMwh).toBe(c.printed.tco2e);
  });

  it('every printed MWh is the computed MWh truncated — except BLOOM, whose printed 475 is the paper’s own figure', () => {
    expect(checks.filter((c) => c.mwhMatches).map((c) => c.systemId)).toEqual([
      'opt-175b',
      'llama-7b',
      'llama-13b',
      'llama-33b',
      'llama-65b',
    ]);
    const bloom = byId.get('bloom-175b')!;
    expect(bloom.computed.mwh).toBeCloseTo(476.4672, 4);
    expect(bloom.mwhByRule).toBe(476);
    expect(bloom.printed.mwh).toBe(475);
  });

  it('the exact values behind each row (MWh, t CO₂e)', () => {
    const exact = Object.fromEntries(checks.map((c) => [c.systemId, [round2(c.computed.mwh), round2(c.computed.tco2e)]]));
    expect(exact).toEqual({
      'opt-175b': [356.17, 137.12],
      'bloom-175b': [476.47, 183.44],
      'llama-7b': [36.27, 13.96],
      'llama-13b': [59.47, 22.9],
      'llama-33b': [233.39, 89.86],
      'llama-65b': [449.84, 173.19],
    });
  });

  it('other rounding rules do not reproduce the table (why the rule is truncate MWh, round tonnes)', () => {
    // Rounding MWh would print 450 for LLaMA-65B (449.84); the paper prints 449.
    expect(Math.round(byId.get('llama-65b')!.computed.mwh)).toBe(450);
    // Truncating tonnes would print 13, 22 and 89; the paper prints 14, 23 and 90.
    expect(['llama-7b', 'llama-13b', 'llama-33b'].map((id) => Math.floor(byId.get(id)!.computed.tco2e))).toEqual([13, 22, 89]);
  });

  it('agrees with the dataset’s own energy and CO₂ facts of the six systems (the printed values)', () => {
    for (const r of rows) {
      const s = ds.systems.find((x) => x.id === r.systemId)!;
      expect(factValue(s.energyMwh)).toBe(r.mwh);
      expect(factValue(s.co2Tonnes)).toBe(r.tco2e);
      expect(factValue(s.gpuHours)?.hours).toBe(r.gpuHours);
    }
  });
});

describe('Table 15 rounding helpers', () => {
  it('truncate MWh and round tonnes, ignoring floating-point noise', () => {
    expect(table15Mwh(449.84)).toBe(449);
    expect(table15Mwh(35.99999999999999)).toBe(36);
    expect(table15Tonnes(22.5)).toBe(23);
    expect(table15Tonnes(13.96)).toBe(14);
  });
});

describe('parseNumberInput', () => {
  it('reads what people type', () => {
    expect(parseNumberInput('1,082,880')).toEqual({ ok: true, value: 1_082_880 });
    expect(parseNumberInput(' 1 082 880 ')).toEqual({ ok: true, value: 1_082_880 });
    expect(parseNumberInput('0.385')).toEqual({ ok: true, value: 0.385 });
    expect(parseNumberInput('.5')).toEqual({ ok: true, value: 0.5 });
    expect(parseNumberInput('1e6')).toEqual({ ok: true, value: 1e6 });
    expect(parseNumberInput('１．１')).toEqual({ ok: true, value: 1.1 });
    expect(parseNumberInput('0')).toEqual({ ok: true, value: 0 });
  });

  it('reports empty, non-numeric and negative input instead of guessing', () => {
    expect(parseNumberInput('')).toEqual({ ok: false, problem: { code: 'empty' } });
    expect(parseNumberInput('abc')).toEqual({ ok: false, problem: { code: 'not-a-number', text: 'abc' } });
    expect(parseNumberInput('NaN')).toEqual({ ok: false, problem: { code: 'not-a-number', text: 'NaN' } });
    expect(parseNumberInput('Infinity')).toEqual({ ok: false, problem: { code: 'not-a-number', text: 'Infinity' } });
    expect(parseNumberInput('1e999')).toEqual({ ok: false, problem: { code: 'not-a-number', text: '1e999' } });
    // A decimal comma is not silently read as a thousands separator (PUE "1,1" is not 11).
    expect(parseNumberInput('1,1')).toEqual({ ok: false, problem: { code: 'not-a-number', text: '1,1' } });
    expect(parseNumberInput('-5')).toEqual({ ok: false, problem: { code: 'negative' } });
    expect(parseNumberInput('−5')).toEqual({ ok: false, problem: { code: 'negative' } });
  });
});

describe('validateCarbonInputs', () => {
  const good = { gpuHours: '135168', gpuPowerW: '400', pue: '1.1', kgCo2ePerKwh: '0.385' };

  it('returns the numbers when all four are valid', () => {
    expect(validateCarbonInputs(good)).toEqual({ ok: true, inputs: { gpuHours: 135168, gpuPowerW: 400, pue: 1.1, kgCo2ePerKwh: 0.385 } });
  });

  it('names every bad field; a PUE below 1 is impossible', () => {
    const r = validateCarbonInputs({ ...good, gpuHours: '-1', pue: '0.9', kgCo2ePerKwh: 'x' });
    expect(r).toEqual({
      ok: false,
      problems: { gpuHours: { code: 'negative' }, pue: { code: 'pue-below-one' }, kgCo2ePerKwh: { code: 'not-a-number', text: 'x' } },
    });
  });
});

describe('brainYears', () => {
  it('is MWh over (W × 8,766 h)', () => {
    expect(brainYears(1287, 20)).toBeCloseTo(7340.86, 2);
    expect(brainYears(1287, 22)).toBeCloseTo(6673.51, 2);
  });
});

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
