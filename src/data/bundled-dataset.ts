import type { ParseResult } from './load-dataset';

/*
 * How the app reaches the dataset and its validator: both by dynamic import, so neither the data
 * nor zod and the schema (./load-dataset) are in the initial bundle. They are fetched in parallel.
 */

/** Validates raw JSON (./load-dataset parseDataset), loading the validator first. */
export async function validateDataset(raw: unknown): Promise<ParseResult> {
  const { parseDataset } = await import('./load-dataset');
  return parseDataset(raw);
}

/**
 * Loads the bundled dataset. It is imported lazily so the app shell paints first and a broken
 * file surfaces as a validation report instead of a crash at module load.
 */
export async function loadBundledDataset(): Promise<ParseResult> {
  const validator = import('./load-dataset');
  try {
    const [{ parseDataset }, mod] = await Promise.all([validator, import('../../data/dataset.json')]);
    return parseDataset(mod.default);
  } catch (err) {
    return { ok: false, problems: [{ record: 'dataset', field: '', message: `could not read data/dataset.json: ${String(err)}` }] };
  }
}
