import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport, type Plugin } from 'vite';
import type { ParseResult, ValidationProblem } from '../src/data/load-dataset';

/*
 * The bundled dataset, checked when the site is built. `import('virtual:checked-dataset')`
 * (src/data/bundled-dataset.ts) gets data/dataset.json run through the app's own validator
 * (src/data/load-dataset.ts: the schema, then organizations resolved against the registry) as a
 * module `export const checked = true; export default <the checked dataset>`. The page then
 * shows it as it is: zod and the schema stay off the first screen's path.
 *
 * - `vite build`: an invalid dataset fails the build, listing the problems as the app's problem
 *   report lists them (record · field: message).
 * - `vite build` also checks data/co2-methods.json (the CO₂ methods) against its schema.
 * - dev server and tests: an invalid dataset is served as it is, without `checked`, so the app
 *   validates it at run time and shows its report in the page, where the person editing the file is looking.
 */

/** What the app imports. It resolves to `<root>/data/dataset` (no such file: this plugin loads it), so its chunk is `assets/dataset-….js` as before. */
export const CHECKED_DATASET = 'virtual:checked-dataset';
const VALIDATOR = fileURLToPath(new URL('../src/data/load-dataset.ts', import.meta.url));
const METHODS_SCHEMA = fileURLToPath(new URL('../src/data/co2-methods-schema.ts', import.meta.url));
const REPO = fileURLToPath(new URL('..', import.meta.url));

/** One problem per line, as the in-page report (features/shell/dataset-problems) words it. */
export function formatProblems(problems: readonly ValidationProblem[]): string {
  return problems.map((p) => `  ${p.record}${p.field ? ` · ${p.field}` : ''}: ${p.message}`).join('\n');
}

/** The module text for a dataset the validator accepted. */
export function checkedModule(result: ParseResult & { ok: true }): string {
  // JSON.parse of one string literal, as Vite ships large JSON: the engine reads it faster than an object literal.
  return `export const checked = true;\nexport default JSON.parse(${JSON.stringify(JSON.stringify(result.dataset))});\n`;
}

export function checkedDataset(): Plugin {
  let isBuild = false;
  let root = process.cwd();
  return {
    name: 'checked-dataset',
    enforce: 'pre',
    configResolved(config) {
      isBuild = config.command === 'build';
      root = config.root;
    },
    // data/co2-methods.json is imported as it is; the build refuses one that does not pass its schema.
    async buildStart() {
      if (!isBuild) return;
      const file = resolve(root, 'data/co2-methods.json');
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(file, 'utf8'));
      } catch (err) {
        this.error(`data/co2-methods.json is not valid JSON: ${String(err)}`);
      }
      const { module } = await runnerImport<typeof import('../src/data/co2-methods-schema')>(METHODS_SCHEMA, {
        root: REPO,
        configFile: false,
        logLevel: 'error',
        server: { hmr: false },
      });
      const parsed = module.co2MethodsSchema.safeParse(raw);
      if (!parsed.success) {
        const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
        this.error(`data/co2-methods.json does not validate (${parsed.error.issues.length} problems):\n${lines}`);
      }
    },
    resolveId(id) {
      return id === CHECKED_DATASET ? resolve(root, 'data/dataset') : null;
    },
    async load(id) {
      if (id !== resolve(root, 'data/dataset')) return null;
      const file = `${id}.json`;
      this.addWatchFile(file);
      const text = readFileSync(file, 'utf8');
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (err) {
        if (isBuild) this.error(`data/dataset.json is not valid JSON: ${String(err)}`);
        // The app reports it (could not read data/dataset.json).
        return `export default JSON.parse(${JSON.stringify(text)});\n`;
      }
      const { module } = await runnerImport<typeof import('../src/data/load-dataset')>(VALIDATOR, {
        root: REPO,
        configFile: false,
        logLevel: 'error',
        server: { hmr: false },
      });
      const result = module.parseDataset(raw);
      if (result.ok) return checkedModule(result);
      if (isBuild) {
        this.error(`data/dataset.json does not validate (${result.problems.length} problems):\n${formatProblems(result.problems)}`);
      }
      return `export default ${JSON.stringify(raw)};\n`;
    },
  };
}
