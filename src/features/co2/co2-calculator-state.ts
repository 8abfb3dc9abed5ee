import type { Dataset } from '../../data/schema';
import { formatDecimal, type Locale } from '../../i18n/format';
import { computeCarbon, validateCarbonInputs, type CarbonInputs, type CarbonRawInputs } from '../../lib/carbon';
import { calculatorModels, type CalculatorModel } from '../../selectors/co2-series';
import { factValue } from '../../selectors/system-facts';
import type { AppState } from '../../store';
import type { CalculatorFigureInput } from './co2-statements';

/*
 * What the calculator shows, from the dataset and the inputs kept in the store alone: the screen
 * and "Export all" (which builds the figure without the calculator mounted) both start here.
 */

/** Numbers written into an input: plain digits with grouping, the way a person would type them. */
export function inputText(n: number, locale: Locale): string {
  return formatDecimal(n, locale, 6);
}

/** The LLaMA paper's GPU power, PUE and carbon intensity (each undefined when the dataset has no shown value). */
export function paperMethod(dataset: Dataset): { gpuPowerW?: number; pue?: number; kgCo2ePerKwh?: number } {
  const method = dataset.reference.llamaCarbonMethod;
  return { gpuPowerW: factValue(method.gpuPowerW), pue: factValue(method.pue), kgCo2ePerKwh: factValue(method.kgCo2ePerKwh) };
}

export interface CalculatorState {
  modelId: string;
  /** The four fields exactly as typed: a bad value is kept and shown with its problem. */
  raw: CarbonRawInputs;
  /** The inputs when all four read as numbers, else null (and no result). */
  inputs: CarbonInputs | null;
  result: { mwh: number; tco2e: number } | null;
  model: CalculatorModel | undefined;
  gpuHoursEdited: boolean;
  /** Power, PUE and intensity are the LLaMA paper's. */
  paperActive: boolean;
}

/**
 * The calculator's state for this dataset. Inputs kept for another dataset (an import, or back to
 * the bundled one) start afresh from a model this one has: kept inputs would describe a run of the
 * old dataset under a model name of the new one. Afresh means the model picked before if this
 * dataset has it, else LLaMA-13B, else the first, with the paper's power, PUE and intensity.
 */
export function calculatorState(dataset: Dataset, stored: AppState['co2Calculator'], locale: Locale): CalculatorState {
  const models = calculatorModels(dataset);
  const modelsById = new Map(models.map((m) => [m.id, m]));
  const paper = paperMethod(dataset);
  let modelId: string;
  let raw: CarbonRawInputs;
  if (stored && stored.dataset === dataset) {
    ({ modelId, raw } = stored);
  } else {
    const start = (stored ? modelsById.get(stored.modelId) : undefined) ?? modelsById.get('llama-13b') ?? models[0];
    const firstRow = dataset.reference.llamaTable15.rows[0];
    const text = (n: number | undefined) => (n !== undefined ? inputText(n, locale) : '');
    modelId = start?.id ?? '';
    raw = {
      gpuHours: text(start?.gpuHours ?? firstRow?.gpuHours),
      gpuPowerW: text(paper.gpuPowerW),
      pue: text(paper.pue),
      kgCo2ePerKwh: text(paper.kgCo2ePerKwh),
    };
  }
  const validation = validateCarbonInputs(raw);
  const inputs = validation.ok ? validation.inputs : null;
  const model = modelsById.get(modelId);
  return {
    modelId,
    raw,
    inputs,
    result: inputs ? computeCarbon(inputs) : null,
    model,
    gpuHoursEdited: !!inputs && !!model && inputs.gpuHours !== model.gpuHours,
    paperActive: !!inputs && inputs.gpuPowerW === paper.gpuPowerW && inputs.pue === paper.pue && inputs.kgCo2ePerKwh === paper.kgCo2ePerKwh,
  };
}

/** What buildCalculatorFigure needs besides the link and the translator, from the store's inputs alone. */
export function calculatorFigureInputs(
  dataset: Dataset,
  stored: AppState['co2Calculator'],
  locale: Locale,
): Omit<CalculatorFigureInput, 'link' | 'translator'> {
  const { inputs, result, model, gpuHoursEdited, paperActive } = calculatorState(dataset, stored, locale);
  return { dataset, inputs, result, model, gpuHoursEdited, paperActive };
}
