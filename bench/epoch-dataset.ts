import { parseDataset } from '../src/data/load-dataset';
import { analyzeImport } from '../src/import/analyze';
import { applyImport } from '../src/import/apply';

/*
 * Turns Epoch's CSV into a dashboard dataset the way a user's import does: analyse the file,
 * then merge it into the bundled dataset with the import dialog's defaults (merge, the current
 * record kept on a conflict). Loaded from node by bench/lib/datasets.mjs through Vite's module runner.
 */

export type EpochResult = { ok: true; dataset: unknown; rows: number; added: number; replaced: number } | { ok: false; reason: string };

export function epochDataset(bundled: unknown, fileName: string, csv: string): EpochResult {
  const current = parseDataset(bundled);
  if (!current.ok)
    return { ok: false, reason: `the bundled dataset does not validate (${current.problems[0]?.message ?? 'unknown problem'})` };
  const analysis = analyzeImport(fileName, csv);
  if (!analysis.data) return { ok: false, reason: `the import refused the file: ${analysis.report.fatal ?? 'no data'}` };
  const applied = applyImport(current.dataset, analysis.data, 'merge', 'current');
  if (!applied.ok) return { ok: false, reason: `the import could not be applied: ${applied.problems.join('; ')}` };
  return { ok: true, dataset: applied.dataset, rows: analysis.data.systems.length, added: applied.added, replaced: applied.replaced };
}
