import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ResolvedConfig } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { checkedDataset } from '../../scripts/checked-dataset';
import { parseDataset } from '../../src/data/load-dataset';

/*
 * The build step that checks data/dataset.json (scripts/checked-dataset.ts), run as Vite runs it:
 * configResolved, then load() of `…/data/dataset.json?checked`, here on copies in a temporary folder.
 */

const repoRoot = path.resolve(__dirname, '../..');
const rawText = readFileSync(path.join(repoRoot, 'data/dataset.json'), 'utf8');
const work = mkdtempSync(path.join(tmpdir(), 'checked-dataset-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let n = 0;
function datasetFile(text: string): string {
  const dir = path.join(work, String(n++), 'data');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'dataset.json'), text);
  return path.join(dir, 'dataset.json');
}

/** Runs the plugin's load hook for `file` as `vite build` (command 'build') or the dev server would. */
async function load(file: string, command: 'build' | 'serve'): Promise<string> {
  const plugin = checkedDataset();
  (plugin.configResolved as unknown as (c: ResolvedConfig) => void)({ command } as ResolvedConfig);
  const ctx = {
    addWatchFile: () => undefined,
    error: (message: string) => {
      throw new Error(message);
    },
  };
  const hook = plugin.load as unknown as (this: typeof ctx, id: string) => Promise<string | null>;
  const out = await hook.call(ctx, `${file}?checked`);
  if (out === null) throw new Error('the plugin did not load the file');
  return out;
}

/** Evaluates the module text the plugin returned (an ES module, via a data: URL). */
async function evaluate(code: string): Promise<{ checked?: boolean; default: unknown }> {
  return (await import(/* @vite-ignore */ `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as {
    checked?: boolean;
    default: unknown;
  };
}

describe('the build-time check of the bundled dataset', () => {
  it('ships a valid dataset as the validator leaves it, marked checked', async () => {
    const mod = await evaluate(await load(datasetFile(rawText), 'build'));
    const expected = parseDataset(JSON.parse(rawText));
    if (!expected.ok) throw new Error('data/dataset.json does not validate');
    expect(mod.checked).toBe(true);
    // Organizations resolved to ids, records added: what the page used to get from parseDataset at run time.
    expect(mod.default).toEqual(JSON.parse(JSON.stringify(expected.dataset)));
  });

  it('fails the build on an invalid dataset, naming the record and field as the in-page report does', async () => {
    const broken = JSON.parse(rawText);
    broken.systems[0].parameters = { value: 'lots' };
    const id = broken.systems[0].id as string;
    await expect(load(datasetFile(JSON.stringify(broken)), 'build')).rejects.toThrow(
      new RegExp(`data/dataset.json does not validate[\\s\\S]*system "${id}" · parameters`),
    );
  });

  it('fails the build on a file that is not JSON', async () => {
    await expect(load(datasetFile('{"systems": ['), 'build')).rejects.toThrow(/data\/dataset.json is not valid JSON/);
  });

  it('on the dev server, serves an invalid dataset unchecked so the page shows its report', async () => {
    const broken = JSON.parse(rawText);
    broken.systems[0].parameters = { value: 'lots' };
    const mod = await evaluate(await load(datasetFile(JSON.stringify(broken)), 'serve'));
    expect(mod.checked).toBeUndefined();
    expect(mod.default).toEqual(broken);
  });

  it('leaves every other module to Vite', async () => {
    const plugin = checkedDataset();
    const hook = plugin.load as unknown as (this: unknown, id: string) => Promise<string | null>;
    expect(await hook.call({}, path.join(repoRoot, 'data/dataset.json'))).toBeNull();
    expect(await hook.call({}, path.join(repoRoot, 'data/organizations.json?checked'))).toBeNull();
  });
});
