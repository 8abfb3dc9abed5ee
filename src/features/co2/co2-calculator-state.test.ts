import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../data/schema';
import { formatInteger } from '../../i18n/format';
import { calculatorModels } from '../../selectors/co2-series';
import { bundledDataset } from '../../../tests/fixtures/bundled-dataset';
import { calculatorFigureInputs, calculatorState } from './co2-calculator-state';

const PAPER = { gpuPowerW: '400', pue: '1.1', kgCo2ePerKwh: '0.385' };

/** Another dataset object (as an import or a reload gives), optionally without some systems. */
const another = (ds: Dataset, without: string[] = []): Dataset => ({ ...ds, systems: ds.systems.filter((s) => !without.includes(s.id)) });

describe('calculatorState', () => {
  it('starts from LLaMA-13B with the LLaMA paper’s power, PUE and intensity, and gives a result', () => {
    const s = calculatorState(bundledDataset(), null, 'en');
    expect(s.modelId).toBe('llama-13b');
    expect(s.model?.name).toBe('LLaMA-13B');
    expect(s.raw).toEqual({ gpuHours: '135,168', ...PAPER });
    expect(s.inputs).toEqual({ gpuHours: 135168, gpuPowerW: 400, pue: 1.1, kgCo2ePerKwh: 0.385 });
    // Table 15 prints 59 MWh and 23 t CO₂e for LLaMA-13B.
    expect(s.result?.mwh).toBeCloseTo(59.47392, 6);
    expect(s.result?.tco2e).toBeCloseTo(22.8974592, 6);
    expect(s.paperActive).toBe(true);
    expect(s.gpuHoursEdited).toBe(false);
  });

  it('uses the stored model and fields as typed', () => {
    const dataset = bundledDataset();
    const raw = { gpuHours: '82432', gpuPowerW: '300', pue: '1.1', kgCo2ePerKwh: '0.385' };
    const s = calculatorState(dataset, { modelId: 'llama-7b', raw, dataset }, 'en');
    expect(s.modelId).toBe('llama-7b');
    expect(s.raw).toBe(raw);
    expect(s.result?.mwh).toBeCloseTo((82432 * 300 * 1.1) / 1e6, 9);
    expect(s.paperActive).toBe(false);
    expect(s.gpuHoursEdited).toBe(false);
    const edited = calculatorState(dataset, { modelId: 'llama-7b', raw: { ...raw, gpuHours: '1000' }, dataset }, 'en');
    expect(edited.gpuHoursEdited).toBe(true);
  });

  it('keeps a bad value as typed, with no inputs and no result', () => {
    const dataset = bundledDataset();
    const raw = { gpuHours: '12x', ...PAPER, pue: '0.5' };
    const s = calculatorState(dataset, { modelId: 'llama-13b', raw, dataset }, 'en');
    expect(s.raw).toEqual(raw);
    expect(s.inputs).toBeNull();
    expect(s.result).toBeNull();
    expect(s.paperActive).toBe(false);
    expect(s.gpuHoursEdited).toBe(false);
    expect(s.model?.id).toBe('llama-13b');
  });

  it('starts afresh for another dataset, keeping the picked model when that dataset has it', () => {
    const old = bundledDataset();
    const stored = { modelId: 'llama-7b', raw: { gpuHours: 'oops', gpuPowerW: '1', pue: '2', kgCo2ePerKwh: '3' }, dataset: old };
    const s = calculatorState(another(old), stored, 'en');
    expect(s.modelId).toBe('llama-7b');
    expect(s.raw).toEqual({ gpuHours: '82,432', ...PAPER });
    expect(s.paperActive).toBe(true);
    // The picked model is gone: LLaMA-13B; that gone too: the first model with GPU-hours.
    expect(calculatorState(another(old, ['llama-7b']), stored, 'en').modelId).toBe('llama-13b');
    const without = another(old, ['llama-7b', 'llama-13b']);
    const first = calculatorModels(without)[0];
    const neither = calculatorState(without, stored, 'en');
    expect(neither.modelId).toBe(first.id);
    expect(neither.raw.gpuHours).toBe(formatInteger(first.gpuHours, 'en'));
  });

  it('gives the figure its inputs from the store alone', () => {
    const dataset = bundledDataset();
    const f = calculatorFigureInputs(dataset, null, 'en');
    expect(f).toMatchObject({ dataset, paperActive: true, gpuHoursEdited: false, model: { id: 'llama-13b' } });
    expect(f.result?.tco2e).toBeCloseTo(22.8974592, 6);
    expect(Object.keys(f).sort()).toEqual(['dataset', 'gpuHoursEdited', 'inputs', 'model', 'paperActive', 'result']);
  });
});
