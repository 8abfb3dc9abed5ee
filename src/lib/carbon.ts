/*
 * The training-carbon arithmetic of the LLaMA paper (Touvron et al. 2023, §6 and Table 15, after
 * Wu et al. 2022):
 *
 *   energy (Wh)  = GPU-hours × GPU power (W) × PUE
 *   CO₂ (t CO₂e) = energy (MWh) × carbon intensity (kg CO₂e per kWh)
 *
 * The second line needs no factor: MWh × 1,000 kWh/MWh × kg/kWh ÷ 1,000 kg/t = MWh × kg/kWh.
 * Everything here is pure: the calculator view, the Table 15 check and the tests share it.
 */

export interface CarbonInputs {
  gpuHours: number;
  gpuPowerW: number;
  /** Power Usage Effectiveness: facility energy ÷ IT energy, so at least 1. */
  pue: number;
  kgCo2ePerKwh: number;
}

export interface CarbonResult {
  mwh: number;
  tco2e: number;
}

export function computeCarbon({ gpuHours, gpuPowerW, pue, kgCo2ePerKwh }: CarbonInputs): CarbonResult {
  const mwh = (gpuHours * gpuPowerW * pue) / 1_000_000;
  return { mwh, tco2e: mwh * kgCo2ePerKwh };
}

/*
 * How Table 15 prints its figures, found by checking all six rows (GPU-h × 0.4 kW × 1.1, then
 * × 0.385):
 *
 *   row         MWh exact   printed    t exact   printed
 *   OPT-175B     356.17      356       137.12     137
 *   BLOOM-175B   476.47      475 (!)   183.44     183
 *   LLaMA-7B      36.27       36        13.96      14
 *   LLaMA-13B     59.47       59        22.90      23
 *   LLaMA-33B    233.39      233        89.86      90
 *   LLaMA-65B    449.84      449       173.19     173
 *
 * MWh are truncated to whole MWh (rounding would print 450 for the 65B row), and tonnes are rounded
 * to the nearest whole tonne (truncating would print 13, 22 and 89). The tonnes come out the same
 * whether they are computed from the exact or from the printed MWh. BLOOM's 475 MWh is the one
 * figure no rule reproduces: its own GPU-hours give 476.47 MWh, so 475 is the paper's own number.
 */

/** Whole MWh as Table 15 prints them: truncated. */
export function table15Mwh(mwh: number): number {
  return Math.floor(clean(mwh));
}

/** Whole tonnes as Table 15 prints them: rounded to the nearest tonne. */
export function table15Tonnes(tco2e: number): number {
  return Math.round(clean(tco2e));
}

/** Drops binary floating-point noise (36.000000000004 → 36) before a floor or round. */
function clean(x: number): number {
  return Number(x.toPrecision(12));
}

export interface Table15RowInput {
  systemId: string;
  gpuPowerW: number;
  gpuHours: number;
  mwh: number;
  tco2e: number;
}

export interface Table15Check {
  systemId: string;
  inputs: CarbonInputs;
  /** Unrounded result of the paper's formula. */
  computed: CarbonResult;
  /** The computed figures rounded the way Table 15 prints them. */
  mwhByRule: number;
  tco2eByRule: number;
  /** The same tonnes, computed from the MWh the paper prints (a second check of the rule). */
  tco2eFromPrintedMwh: number;
  printed: { mwh: number; tco2e: number };
  mwhMatches: boolean;
  tco2eMatches: boolean;
}

/** Recomputes one printed Table 15 row from its GPU-hours and power with the paper's PUE and grid. */
export function checkTable15Row(row: Table15RowInput, method: { pue: number; kgCo2ePerKwh: number }): Table15Check {
  const inputs: CarbonInputs = { gpuHours: row.gpuHours, gpuPowerW: row.gpuPowerW, pue: method.pue, kgCo2ePerKwh: method.kgCo2ePerKwh };
  const computed = computeCarbon(inputs);
  const mwhByRule = table15Mwh(computed.mwh);
  const tco2eByRule = table15Tonnes(computed.tco2e);
  return {
    systemId: row.systemId,
    inputs,
    computed,
    mwhByRule,
    tco2eByRule,
    tco2eFromPrintedMwh: table15Tonnes(row.mwh * method.kgCo2ePerKwh),
    printed: { mwh: row.mwh, tco2e: row.tco2e },
    mwhMatches: mwhByRule === row.mwh,
    tco2eMatches: tco2eByRule === row.tco2e,
  };
}

/* ---------- Reading the calculator's text inputs ---------- */

export const CARBON_FIELDS = ['gpuHours', 'gpuPowerW', 'pue', 'kgCo2ePerKwh'] as const;
export type CarbonField = (typeof CARBON_FIELDS)[number];
export type CarbonRawInputs = Record<CarbonField, string>;

export type InputProblem =
  | { code: 'empty' }
  | { code: 'not-a-number'; text: string }
  | { code: 'negative' }
  /** PUE is total facility energy over IT energy, so it cannot be below 1. */
  | { code: 'pue-below-one' };

export type ParsedNumber = { ok: true; value: number } | { ok: false; problem: InputProblem };

const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;
// Thousands separators are accepted only in groups of three, so "1,1" is rejected rather than read as 11.
const GROUPED = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PLAIN = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * A number as a person types it: "1,082,880", "1 082 880", "0.385", "1e6", full-width "１．１"
 * (Chinese input methods). Anything else is a problem to show, never a silent 0 or NaN.
 */
export function parseNumberInput(raw: string): ParsedNumber {
  const text = raw
    .trim()
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
    .replace(/．/g, '.')
    .replace(/，/g, ',')
    .replace(/[\s\u00a0\u202f_]/g, '')
    .replace(/^[−–]/, '-');
  if (text === '') return { ok: false, problem: { code: 'empty' } };
  const plain = GROUPED.test(text) ? text.replace(/,/g, '') : text;
  if (!PLAIN.test(plain)) return { ok: false, problem: { code: 'not-a-number', text: raw.trim() } };
  const value = Number(plain);
  if (!Number.isFinite(value)) return { ok: false, problem: { code: 'not-a-number', text: raw.trim() } };
  if (value < 0) return { ok: false, problem: { code: 'negative' } };
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

export type CarbonValidation = { ok: true; inputs: CarbonInputs } | { ok: false; problems: Partial<Record<CarbonField, InputProblem>> };

/** All four inputs, or the problem with each bad one (the result is withheld until all are valid). */
export function validateCarbonInputs(raw: CarbonRawInputs): CarbonValidation {
  const problems: Partial<Record<CarbonField, InputProblem>> = {};
  const values: Partial<CarbonInputs> = {};
  for (const field of CARBON_FIELDS) {
    const parsed = parseNumberInput(raw[field]);
    if (!parsed.ok) problems[field] = parsed.problem;
    else if (field === 'pue' && parsed.value < 1) problems[field] = { code: 'pue-below-one' };
    else values[field] = parsed.value;
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, inputs: values as CarbonInputs };
}

/* ---------- Equivalents ---------- */

/** Hours in an average year (365.25 days), for "years of a brain's energy". */
export const HOURS_PER_YEAR = 8766;

/** How many years a brain running at `brainPowerW` takes to use `mwh`. */
export function brainYears(mwh: number, brainPowerW: number): number {
  return (mwh * 1_000_000) / (brainPowerW * HOURS_PER_YEAR);
}
