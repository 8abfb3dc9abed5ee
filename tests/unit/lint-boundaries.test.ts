// @vitest-environment node
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/*
 * The import rules of eslint.config.js, applied to tests/lint/fixtures: a small src/ tree with one
 * file per broken rule and one file that breaks none. The repo's own `eslint .` ignores that
 * folder; here it is linted with the same rules, rooted at the fixture tree.
 */
const repo = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(repo, 'tests/lint/fixtures');
const configPath = path.join(repo, 'eslint.config.js');

type Boundaries = (root: string) => Linter.Config[];
const messages = new Map<string, Linter.LintMessage[]>();

beforeAll(async () => {
  const { layerBoundaries } = (await import(pathToFileURL(configPath).href)) as { layerBoundaries: Boundaries };
  const eslint = new ESLint({ cwd: fixtures, overrideConfigFile: true, overrideConfig: layerBoundaries(fixtures), ignore: false });
  for (const result of await eslint.lintFiles(['src'])) messages.set(path.relative(fixtures, result.filePath), result.messages);
}, 120_000);

/** `rule@line` for each problem lint reports in one fixture file. */
function problems(file: string): string[] {
  const found = messages.get(file);
  if (!found) throw new Error(`${file} was not linted`);
  return found.map((m) => `${m.ruleId ?? m.message}@${m.line}`);
}

describe('import boundaries (fixtures)', () => {
  it('a feature importing another feature fails', () => {
    expect(problems('src/features/alpha/imports-other-feature.ts')).toEqual(['import-x/no-restricted-paths@1']);
  });

  it('components importing a feature fails', () => {
    expect(problems('src/components/imports-feature.ts')).toEqual(['import-x/no-restricted-paths@1']);
  });

  it('a selector importing the store hook fails; one importing a pure store model passes', () => {
    expect(problems('src/selectors/uses-store-hook.ts')).toEqual(['import-x/no-restricted-paths@1']);
    expect(problems('src/selectors/uses-filters-model.ts')).toEqual([]);
  });

  it('lib importing a higher layer fails', () => {
    expect(problems('src/lib/imports-selector.ts')).toEqual(['import-x/no-restricted-paths@1']);
  });

  it('a lib test may read a selector, but still not the store', () => {
    expect(problems('src/lib/helper.test.ts')).toEqual(['import-x/no-restricted-paths@3']);
  });

  it('an import cycle fails on both sides', () => {
    expect(problems('src/lib/cycle-a.ts')).toEqual(['import-x/no-cycle@1']);
    expect(problems('src/lib/cycle-b.ts')).toEqual(['import-x/no-cycle@1']);
  });

  it('imports down the layers and within a feature pass', () => {
    expect(problems('src/features/alpha/legitimate.ts')).toEqual([]);
  });
});

describe('the repo config', () => {
  it('applies the same rules to src/', async () => {
    const { layerBoundaries } = (await import(pathToFileURL(configPath).href)) as { layerBoundaries: Boundaries };
    const expected = layerBoundaries(repo)[0].rules!;
    const eslint = new ESLint({ cwd: repo });
    for (const file of ['src/lib/cache.ts', 'src/features/share/share-dialog.tsx']) {
      const { rules } = await eslint.calculateConfigForFile(path.join(repo, file));
      for (const rule of ['import-x/no-restricted-paths', 'import-x/no-cycle']) {
        // ESLint reports the severity as a number: 'error' is 2.
        const [severity, options] = rules[rule];
        expect(severity, rule).toBe(2);
        // ESLint adds the rule's defaults to the options it reports.
        expect(options, rule).toMatchObject((expected[rule] as unknown[])[1] as object);
      }
    }
  }, 60_000);
});
