import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

/*
 * The dataset sizes the bench measures, each as the dataset chunk the site would ship: checked
 * by parseDataset (src/data/load-dataset.ts) here, at "build time", and served as
 * `export const checked = true; export default <checked JSON>`, the form the build gives the
 * bundled dataset. TypeScript modules (the validator, the synthetic fixture, the import core) are
 * loaded through Vite's own module runner, so the bench needs no TypeScript runner of its own.
 */

/** Epoch AI's export, relative to the repository root (also what the import measurement picks). */
export const EPOCH_CSV = '../shared/research/epoch-all-ml-systems-2025.csv';
const SYNTHETIC_SEED = 1;

const loaded = new Map();
async function loadTs(root, file) {
  if (!loaded.has(file)) {
    const { module } = await runnerImport(resolve(root, file), { root, configFile: false, logLevel: 'error', server: { hmr: false } });
    loaded.set(file, module);
  }
  return loaded.get(file);
}

/** The body of a dataset chunk holding `raw` once checked; throws when the validator refuses it. */
async function checkedChunk(root, raw, label) {
  const { parseDataset } = await loadTs(root, 'src/data/load-dataset.ts');
  const result = parseDataset(raw);
  if (!result.ok) {
    const problems = result.problems.slice(0, 5).map((p) => `${p.record} ${p.field}: ${p.message}`);
    throw new Error(`${label}: parseDataset refused the dataset — ${problems.join('; ')}`);
  }
  return `export const checked = true; export default ${JSON.stringify(result.dataset)};`;
}

/** `{ key, label, systems, body | null, skipped? }` for each requested size, in order (`body`: the chunk to serve). */
export async function makeDatasets(root, sizes) {
  const bundledJson = JSON.parse(readFileSync(resolve(root, 'data/dataset.json'), 'utf8'));
  const out = [];
  for (const size of sizes) {
    if (size === 'bundled') {
      // Served from the build itself: no interception, the real chunk.
      out.push({
        key: 'bundled',
        label: `bundled dataset (${bundledJson.systems.length} systems)`,
        systems: bundledJson.systems.length,
        body: null,
      });
    } else if (size === 'epoch') {
      out.push(await epochSize(root, bundledJson));
    } else {
      const count = Number(size);
      if (!Number.isInteger(count) || count < 1) throw new Error(`BENCH_SIZES: "${size}" is not bundled, epoch or a positive integer`);
      const { syntheticDataset } = await loadTs(root, 'tests/fixtures/synthetic-dataset.ts');
      const label = `synthetic ${count.toLocaleString('en')} systems (seed ${SYNTHETIC_SEED})`;
      out.push({
        key: String(count),
        label,
        systems: count,
        body: await checkedChunk(root, syntheticDataset(count, SYNTHETIC_SEED), label),
      });
    }
  }
  return out;
}

async function epochSize(root, bundledJson) {
  const base = { key: 'epoch', label: "Epoch's CSV (1,892 rows)", systems: null, body: null };
  const csvPath = resolve(root, EPOCH_CSV);
  if (!existsSync(csvPath)) return { ...base, skipped: `skipped: ${EPOCH_CSV} not found` };
  const core = ['src/import/analyze.ts', 'src/import/apply.ts'];
  if (core.some((f) => !existsSync(resolve(root, f)))) return { ...base, skipped: 'skipped: import core not available' };
  let epochDataset;
  try {
    ({ epochDataset } = await loadTs(root, 'bench/epoch-dataset.ts'));
  } catch (err) {
    return { ...base, skipped: `skipped: import core not available (${firstLine(err)})` };
  }
  if (typeof epochDataset !== 'function') return { ...base, skipped: 'skipped: import core not available' };
  const result = epochDataset(bundledJson, 'epoch-all-ml-systems-2025.csv', readFileSync(csvPath, 'utf8'));
  if (!result.ok) return { ...base, skipped: `skipped: ${result.reason}` };
  const systems = result.dataset.systems.length;
  const label = `Epoch's CSV merged into the bundled dataset (${result.rows.toLocaleString('en')} imported → ${systems.toLocaleString('en')} systems)`;
  return { ...base, label, systems, body: await checkedChunk(root, result.dataset, label) };
}

const firstLine = (err) => String(err instanceof Error ? err.message : err).split('\n')[0];
