import type { ParseResult } from './load-dataset';
import type { Dataset } from './schema';

/*
 * How the app reaches the dataset and its validator: both by dynamic import, so neither the data
 * nor zod and the schema (./load-dataset) are in the initial bundle.
 */

/** Validates raw JSON (./load-dataset parseDataset), loading the validator first. */
export async function validateDataset(raw: unknown): Promise<ParseResult> {
  const { parseDataset } = await import('./load-dataset');
  return parseDataset(raw);
}

/**
 * Loads the bundled dataset. The build has checked it (scripts/checked-dataset.ts): it comes as
 * the validator left it, and the validator (zod and the schema) is not loaded for it. A module
 * that does not say it was checked (the dev server's copy of a file being edited, a test serving
 * its own data) is validated here. It is imported lazily so the app shell paints first and a broken
 * file surfaces as a validation report instead of a crash at module load.
 */
export async function loadBundledDataset(): Promise<ParseResult> {
  try {
    const mod = await import('virtual:checked-dataset');
    if (mod.checked === true) return { ok: true, dataset: mod.default as Dataset };
    return await validateDataset(mod.default);
  } catch (err) {
    return { ok: false, problems: [{ record: 'dataset', field: '', message: `could not read data/dataset.json: ${String(err)}` }] };
  }
}
