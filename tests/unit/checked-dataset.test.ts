import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ResolvedConfig } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { CHECKED_DATASET, checkedDataset } from '../../scripts/checked-dataset';
import { parseDataset } from '../../src/data/load-dataset';

/*
 * The build step that checks data/dataset.json (scripts/checked-dataset.ts), run as Vite runs it:
 * configResolved, resolveId('virtual:checked-dataset'), then load() — here on copies in a temporary folder.
 */

const repoRoot = path.resolve(__dirname, '../..');
const rawText = readFileSync(path.join(repoRoot, 'data/dataset.json'), 'utf8');
const work = mkdtempSync(path.join(tmpdir(), 'checked-dataset-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let n = 0;
/** A project folder whose data/dataset.json holds `text`. */
function project(text: string): string {
  const root = path.join(work, String(n++));
  mkdirSync(path.join(root, 'data'), { recursive: true });
  writeFileSync(path.join(root, 'data/dataset.json'), text);
  return root;
}

type Hook = (this: unknown, id: string) => string | null | Promise<string | null>;

/** Runs the plugin in `root` as `vite build` (command 'build') or the dev server would: the app's import, resolved and loaded. */
async function load(root: string, command: 'build' | 'serve'): Promise<string> {
  const plugin = checkedDataset();
  (plugin.configResolved as unknown as (c: ResolvedConfig) => void)({ command, root } as ResolvedConfig);
  const id = (plugin.resolveId as unknown as Hook).call({}, CHECKED_DATASET);
  if (typeof id !== 'string') throw new Error('the plugin did not resolve the import');
  const ctx = {
    addWatchFile: () => undefined,
    error: (message: string) => {
      throw new Error(message);
    },
  };
  const out = await (plugin.load as unknown as Hook).call(ctx, id);
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
    const mod = await evaluate(await load(project(rawText), 'build'));
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
    await expect(load(project(JSON.stringify(broken)), 'build')).rejects.toThrow(
      new RegExp(`data/dataset.json does not validate[\\s\\S]*system "${id}" · parameters`),
    );
  });

  it('fails the build on a file that is not JSON', async () => {
    await expect(load(project('{"systems": ['), 'build')).rejects.toThrow(/data\/dataset.json is not valid JSON/);
  });

  it('on the dev server, serves an invalid dataset unchecked so the page shows its report', async () => {
    const broken = JSON.parse(rawText);
    broken.systems[0].parameters = { value: 'lots' };
    const mod = await evaluate(await load(project(JSON.stringify(broken)), 'serve'));
    expect(mod.checked).toBeUndefined();
    expect(mod.default).toEqual(broken);
  });

  it('leaves every other module to Vite', async () => {
    const plugin = checkedDataset();
    (plugin.configResolved as unknown as (c: ResolvedConfig) => void)({ command: 'build', root: repoRoot } as ResolvedConfig);
    expect(await (plugin.resolveId as unknown as Hook).call({}, '../../data/dataset.json')).toBeNull();
    expect(await (plugin.load as unknown as Hook).call({}, path.join(repoRoot, 'data/dataset.json'))).toBeNull();
    expect(await (plugin.load as unknown as Hook).call({}, path.join(repoRoot, 'data/organizations'))).toBeNull();
  });
});

describe('the build-time check of data/co2-methods.json', () => {
  const methodsText = readFileSync(path.join(repoRoot, 'data/co2-methods.json'), 'utf8');
  async function buildStart(text: string, command: 'build' | 'serve' = 'build'): Promise<void> {
    const root = project(rawText);
    writeFileSync(path.join(root, 'data/co2-methods.json'), text);
    const plugin = checkedDataset();
    (plugin.configResolved as unknown as (c: ResolvedConfig) => void)({ command, root } as ResolvedConfig);
    const ctx = {
      error: (message: string) => {
        throw new Error(message);
      },
    };
    await (plugin.buildStart as unknown as (this: unknown) => Promise<void>).call(ctx);
  }

  it('passes the file as it is', async () => {
    await expect(buildStart(methodsText)).resolves.toBeUndefined();
  });

  it('fails the build on a constant with no listed source, naming where', async () => {
    const broken = JSON.parse(methodsText) as { accelerators: { tdpW?: { source: string } }[] };
    broken.accelerators[0].tdpW!.source = 'made-up';
    await expect(buildStart(JSON.stringify(broken))).rejects.toThrow(/accelerators\.0\.tdpW\.source: unknown source "made-up"/);
    await expect(buildStart('{ not json')).rejects.toThrow(/co2-methods\.json is not valid JSON/);
  });

  it('leaves the dev server alone', async () => {
    await expect(buildStart('{ not json', 'serve')).resolves.toBeUndefined();
  });
});
