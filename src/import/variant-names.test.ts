// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../tests/fixtures/bundled-dataset';
import type { System } from '../data/schema';
import { analyzeImport } from './analyze';
import { findConflicts } from './apply';
import { findVariantPairs, nameForm } from './variant-names';

const ds = bundledDataset();
const bundled = (id: string) => ds.systems.find((s) => s.id === id)!;

/** An imported-looking system: a name, and optionally its parameters and release date. */
function sys(name: string, opts: { id?: string; parameters?: number; date?: string } = {}): System {
  return {
    id: opts.id ?? name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    name,
    kind: 'model',
    organizations: ['x'],
    inTalk: false,
    summary: 'test',
    baseModels: [],
    release: opts.date
      ? { status: 'reported', value: { date: opts.date, precision: 'day', marks: 'publication date' }, sources: ['s'] }
      : { status: 'unknown', note: 'none' },
    otherDates: [],
    trainingCost: [],
    links: [],
    ...(opts.parameters ? { parameters: { status: 'reported' as const, value: opts.parameters, sources: ['s'] } } : {}),
  };
}

const pairOf = (imported: System, currentIds: string[]) => findVariantPairs(currentIds.map(bundled), [imported])[0];

describe('nameForm', () => {
  it('drops case, punctuation, parenthesised aliases, sizes, fillers and versions from the core', () => {
    expect(nameForm('GPT-3 175B (davinci)')).toEqual({ core: 'gpt 3', sizes: [175e9], version: undefined, acronym: undefined });
    expect(nameForm('GPT-3')).toMatchObject({ core: 'gpt 3', sizes: [] });
    expect(nameForm('GPT-3.5 series')).toMatchObject({ core: 'gpt 3.5' });
    expect(nameForm('BLOOM-176B')).toMatchObject({ core: 'bloom', sizes: [176e9] });
    expect(nameForm('Dolly 2.0-12b')).toMatchObject({ core: 'dolly 2', sizes: [12e9] });
    expect(nameForm('Dolly 2.0 (dolly-v2-12b)')).toMatchObject({ core: 'dolly 2', sizes: [] });
    expect(nameForm('Segment Anything Model')).toMatchObject({ core: 'segment anything', acronym: 'sam' });
    expect(nameForm('SAM (Segment Anything Model)')).toMatchObject({ core: 'sam' });
    expect(nameForm('Vicuna-13B v0')).toMatchObject({ core: 'vicuna', sizes: [13e9], version: 'v0' });
    expect(nameForm('Vicuna-7B-v1.5')).toMatchObject({ core: 'vicuna', sizes: [7e9], version: 'v1.5' });
  });
});

describe('findVariantPairs: the four named pairs', () => {
  it('GPT-3 175B (davinci) ≈ GPT-3 (strong: same size, same day)', () => {
    expect(pairOf(sys('GPT-3 175B (davinci)', { parameters: 175e9, date: '2020-05-28' }), ['gpt-3', 'gpt-3.5'])).toMatchObject({
      currentId: 'gpt-3',
      strength: 'strong',
      via: 'name',
    });
  });

  it('BLOOM-176B ≈ BLOOM-175B (sizes within a few per cent)', () => {
    expect(pairOf(sys('BLOOM-176B', { parameters: 176247271424, date: '2022-07-11' }), ['bloom-175b'])).toMatchObject({
      currentId: 'bloom-175b',
      strength: 'strong',
    });
  });

  it('Segment Anything Model ≈ SAM (by its acronym)', () => {
    expect(pairOf(sys('Segment Anything Model', { parameters: 636e6, date: '2023-04-05' }), ['sam'])).toMatchObject({
      currentId: 'sam',
      strength: 'strong',
      via: 'acronym',
    });
  });

  it('Dolly 2.0-12b ≈ Dolly 2.0, not Dolly 1.0', () => {
    expect(pairOf(sys('Dolly 2.0-12b', { parameters: 12e9, date: '2023-04-12' }), ['dolly-1', 'dolly-2'])).toMatchObject({
      currentId: 'dolly-2',
      strength: 'strong',
    });
  });
});

describe('findVariantPairs: what is not the same model', () => {
  it('LLaMA-7B does not pair with LLaMA-13B (sizes in both names differ)', () => {
    expect(pairOf(sys('LLaMA-7B', { parameters: 7e9, date: '2023-02-24' }), ['llama-13b', 'llama-33b', 'llama-65b'])).toBeUndefined();
  });

  it('GPT-3 does not pair with GPT-3.5, nor GPT-3.5 with GPT-3', () => {
    expect(pairOf(sys('GPT-3', { id: 'gpt3-import', date: '2020-05-28' }), ['gpt-3.5'])).toBeUndefined();
    expect(pairOf(sys('GPT-3.5 Turbo', { date: '2022-11-30' }), ['gpt-3', 'gpt-3.5'])).toBeUndefined();
  });

  it('another size of the family named by the name (GPT-3 13B) is not GPT-3 (175B)', () => {
    expect(pairOf(sys('GPT-3 13B', { parameters: 12.85e9, date: '2020-06-22' }), ['gpt-3'])).toBeUndefined();
  });

  it('a later version (Vicuna-7B-v1.5) is another model; the first (v0) is the same', () => {
    expect(pairOf(sys('Vicuna-7B-v1.5', { parameters: 7e9, date: '2023-08-01' }), ['vicuna-7b'])).toBeUndefined();
    expect(pairOf(sys('Vicuna-7B v0', { parameters: 7e9, date: '2023-03-30' }), ['vicuna-7b'])).toMatchObject({ strength: 'strong' });
  });

  it('the same name released more than half a year apart is another release', () => {
    expect(
      pairOf(sys('LLaMA-7B (protein-oriented instruction-tuned)', { parameters: 7e9, date: '2023-10-02' }), ['llama-7b']),
    ).toBeUndefined();
  });

  it('a longer name is not the model it contains (BLOOMZ, OpenLLaMA, Code Llama)', () => {
    expect(pairOf(sys('BLOOMZ-176B', { parameters: 176e9, date: '2022-11-03' }), ['bloom-175b'])).toBeUndefined();
    expect(pairOf(sys('OpenLLaMA-13B', { parameters: 13e9, date: '2023-05-01' }), ['llama-13b'])).toBeUndefined();
  });

  it('papers and events are never proposed', () => {
    const paper = ds.systems.find((s) => s.kind === 'paper')!;
    expect(findVariantPairs([paper], [sys(paper.name, { id: 'other' })])).toEqual([]);
  });
});

describe('findVariantPairs: weak pairs say why', () => {
  it('sizes that differ by more than a few per cent (CLIP 370M vs 428M)', () => {
    expect(pairOf(sys('CLIP (ViT L/14@336px)', { parameters: 370e6, date: '2021-01-05' }), ['clip'])).toMatchObject({
      strength: 'weak',
      doubts: [{ kind: 'sizes', imported: 370e6, current: 428e6 }],
    });
  });

  it('releases months apart (Midjourney V1, Feb 2022, vs the July 2022 open beta)', () => {
    expect(pairOf(sys('Midjourney V1', { date: '2022-02-15' }), ['midjourney'])).toMatchObject({
      strength: 'weak',
      doubts: [{ kind: 'dates', days: 147 }],
    });
  });

  it('each system pairs once, the strongest first', () => {
    const pairs = findVariantPairs(
      [bundled('vicuna-13b')],
      [sys('Vicuna-13B v0', { date: '2023-06-01', id: 'late' }), sys('Vicuna-13B v0', { date: '2023-03-30', id: 'on-time' })],
    );
    expect(pairs.map((p) => [p.importedId, p.strength])).toEqual([['on-time', 'strong']]);
  });
});

// The research copy of Epoch's file sits beside the repository; without it this test is skipped.
const EPOCH_FILE = resolve(process.cwd(), '../shared/research/epoch-all-ml-systems-2025.csv');
describe.skipIf(!existsSync(EPOCH_FILE))('findVariantPairs on Epoch’s 2025 file against the bundled data', () => {
  it('proposes the eight variant pairs beside the nine exact matches, and no others', () => {
    const { data } = analyzeImport('epoch.csv', new Uint8Array(readFileSync(EPOCH_FILE)));
    const exact = findConflicts(ds, data!);
    expect(exact).toHaveLength(9);
    const pairs = findVariantPairs(ds.systems, data!.systems, {
      importedIds: new Set(exact.map((c) => c.importedId)),
      currentIds: new Set(exact.map((c) => c.currentId)),
    });
    expect(pairs.map((p) => `${p.importedName} ≈ ${p.currentName}: ${p.strength}`).sort()).toEqual([
      'BLOOM-176B ≈ BLOOM-175B: strong',
      'CLIP (ViT L/14@336px) ≈ CLIP: weak',
      'Dolly 2.0-12b ≈ Dolly 2.0 (dolly-v2-12b): strong',
      'GPT-3 175B (davinci) ≈ GPT-3: strong',
      'Midjourney V1 ≈ Midjourney: weak',
      'Segment Anything Model ≈ SAM (Segment Anything Model): strong',
      'Vicuna-13B v0 ≈ Vicuna-13B: strong',
      'Vicuna-7B v0 ≈ Vicuna-7B: strong',
    ]);
  });
});
