// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../tests/fixtures/bundled-dataset';
import { parseDataset } from '../data/load-dataset';
import { analyzeImport } from './analyze';
import { applyImport, findConflicts, findVariantMatches } from './apply';
import { toCsv } from '../lib/csv';
import { parseCsvText } from './csv-text';
import { gpuHoursOf } from './epoch';

// The research copy of Epoch's file sits beside the repository; without it these tests are skipped.
const EPOCH_FILE = resolve(process.cwd(), '../shared/research/epoch-all-ml-systems-2025.csv');
const present = existsSync(EPOCH_FILE);
const bytes = present ? new Uint8Array(readFileSync(EPOCH_FILE)) : new Uint8Array();

const count = (xs: { field: string; reason: string }[]) => {
  const m: Record<string, number> = {};
  for (const x of xs) {
    const key = `${x.field}: ${x.reason.replace(/“.*”/, '“…”').replace(/row \d+/, 'row N')}`;
    m[key] = (m[key] ?? 0) + 1;
  }
  return m;
};

describe.skipIf(!present)('the real Epoch AI file (all ML systems, 2025 release)', () => {
  const { report, data } = analyzeImport('epoch-all-ml-systems-2025.csv', bytes);

  it('reads every row, rejects only the exact duplicate, reports its field problems', () => {
    expect(report.fatal).toBeUndefined();
    expect(report.format).toBe('epoch-csv');
    expect(report.rowsRead).toBe(1892);
    expect(report.valid).toBe(1891);
    expect(report.rejected).toEqual([{ row: 374, field: 'name', reason: 'duplicate of row 371 (same name and date)' }]);
    expect(count(report.fieldProblems)).toEqual({
      'Organization: no organization; recorded as “…”': 19,
      'Link: not an http(s) link, not made a link: “…”': 1,
    });
    expect(report.fieldProblems.find((p) => p.field === 'Link')).toEqual({
      row: 131,
      field: 'Link',
      reason: 'not an http(s) link, not made a link: “arxiv.org/abs/2501.14818”',
    });
    expect(report.mapped).toHaveLength(17);
    expect(report.mapped.map((m) => m.column)).toEqual(
      expect.arrayContaining([
        'Model',
        'Organization',
        'Publication date',
        'Parameters',
        'Training compute (FLOP)',
        'Training chip-hours',
        'Hardware quantity',
        'Training time (hours)',
        'Training compute cost (2023 USD)',
        'Base model',
      ]),
    );
    expect(report.ignored).toHaveLength(40);
    expect(report.ignored).toContain('Authors');
    expect(data!.systems).toHaveLength(1891);
    expect(new Set(data!.systems.map((s) => s.id)).size).toBe(1891);
  });

  it('maps a row with parameters, compute, chip-hours, cost and a base model exactly', () => {
    const t0xxl = data!.systems.find((s) => s.name === 'T0-XXL')!;
    expect(t0xxl.id).toBe('t0-xxl');
    expect(t0xxl.organizations).toEqual(['Hugging Face', 'Brown University']);
    expect(t0xxl.release).toEqual({
      status: 'reported',
      value: { date: '2021-10-15', precision: 'day', marks: 'publication date given by the file' },
      sources: ['epoch-ai-import', 't0-xxl-link'],
    });
    expect(t0xxl.parameters).toEqual({ status: 'reported', value: 11e9, sources: ['epoch-ai-import'] });
    expect(t0xxl.flop).toEqual({ status: 'estimated', value: 9.1819e20, sources: ['epoch-ai-import'], method: 'Epoch AI (Hardware)' });
    expect(t0xxl.gpuHours).toEqual({
      status: 'estimated',
      value: { hours: 69120, hardware: 'Google TPU v3', gpuCount: 256 },
      sources: ['epoch-ai-import'],
      method: 'Epoch AI',
    });
    expect(t0xxl.trainingCost).toEqual([
      {
        status: 'estimated',
        value: { components: [{ component: 'training', usd: 11671.84, bound: 'approx' }], dollarYear: 2023, basis: 'Epoch AI estimate' },
        sources: ['epoch-ai-import'],
        method: 'Epoch AI',
      },
    ]);
    expect(t0xxl.baseModels).toEqual([{ id: 't5-11b', relation: 'fine-tuned-from', sources: ['epoch-ai-import'] }]);
    expect(t0xxl.weights).toEqual({
      status: 'reported',
      value: { available: true, terms: 'Open weights (unrestricted)' },
      sources: ['epoch-ai-import'],
    });
    expect(t0xxl.trainingCode?.status === 'reported' && t0xxl.trainingCode.value.available).toBe(true);
    expect(t0xxl.modality).toMatchObject({ value: { inputs: ['text'], outputs: ['text'] } });
    expect(t0xxl.summary).toBe('Language · Language modeling (imported from Epoch AI)');
    expect(data!.sources.find((s) => s.id === 't0-xxl-link')?.url).toBe('https://arxiv.org/abs/2110.08207');
    const epoch = data!.sources.find((s) => s.id === 'epoch-ai-import')!;
    expect(epoch).toMatchObject({ url: 'https://epoch.ai/data/ai-models', grade: 'epoch' });
    expect(epoch.title).toBe('Epoch AI, ‘Data on AI models’ (imported file epoch-all-ml-systems-2025.csv)');
    // Two links in one cell ("…11416, https://…"): the first one, without its comma.
    expect(data!.sources.find((s) => s.id === 'flan-t5-11b-link')?.url).toBe('https://arxiv.org/abs/2210.11416');
    // Same name, other date: kept, with a suffixed id.
    expect(data!.systems.filter((s) => s.name.toLowerCase() === 'calm').map((s) => s.id)).toEqual(['calm', 'calm-2']);
  });

  it('derives GPU-hours from hardware quantity × training time only where a row has no chip-hours, marked as derived', () => {
    const systems = data!.systems;
    const gpu = systems.filter((s) => s.gpuHours?.status === 'estimated');
    const derived = gpu.filter((s) => s.gpuHours?.status === 'estimated' && s.gpuHours.method.startsWith('derived'));
    const fromChipHours = gpu.filter((s) => s.gpuHours?.status === 'estimated' && s.gpuHours.method === 'Epoch AI');
    expect(fromChipHours).toHaveLength(165);
    expect(derived).toHaveLength(191);
    expect(gpu).toHaveLength(165 + 191);
    // A row with chip-hours keeps them (T0-XXL above: 69,120), and gains no derivation.
    expect(systems.find((s) => s.name === 'T0-XXL')!.gpuHours).not.toHaveProperty('value.derivation');
    for (const s of derived) {
      const f = s.gpuHours!;
      if (f.status !== 'estimated') throw new Error('derived GPU-hours must be an estimate');
      expect(f.value.hours).toBeCloseTo(f.value.gpuCount! * f.value.wallClockHours!, 6);
      expect(f.value.derivation).toMatch(
        /^[\d,.]+ × [\d,.]+ h = [\d,.]+ GPU-hours, derived from Epoch AI’s hardware quantity × training time$/,
      );
    }
  });

  it('merges into the bundled dataset (either winner) and replaces it, each result valid', () => {
    const ds = bundledDataset();
    const conflicts = findConflicts(ds, data!);
    expect(conflicts.map((c) => c.currentId)).toEqual(expect.arrayContaining(['llama-65b', 'alpaca']));
    for (const winner of ['imported', 'current'] as const) {
      const merged = applyImport(ds, data!, 'merge', winner);
      if (!merged.ok) throw new Error(merged.problems.join('\n'));
      expect(parseDataset(JSON.parse(JSON.stringify(merged.dataset))).ok).toBe(true);
      expect(merged.added + conflicts.length).toBe(1891);
      expect(merged.dataset.systems).toHaveLength(ds.systems.length + merged.added);
      expect(winner === 'imported' ? merged.replaced : merged.kept).toBe(conflicts.length);
      // The bundled LLaMA-65B keeps its id either way, so the CO₂ table still points at it.
      expect(merged.dataset.reference.llamaTable15.rows.length).toBe(ds.reference.llamaTable15.rows.length);
    }
    const replaced = applyImport(ds, data!, 'replace', 'imported');
    if (!replaced.ok) throw new Error(replaced.problems.join('\n'));
    expect(replaced.dataset.systems).toHaveLength(1891);
    expect(replaced.dataset.meta.title).toBe(ds.meta.title);
  });

  it('merges the variant-name pairs the user calls the same: one record each, under the bundled id', () => {
    const ds = bundledDataset();
    const exact = findConflicts(ds, data!);
    const pairs = findVariantMatches(ds, data!, exact);
    expect(pairs).toHaveLength(8);
    // The preview's defaults: strong pairs "same", weak ones "different".
    const same = pairs.filter((p) => p.strength === 'strong');
    expect(same).toHaveLength(6);
    const merged = applyImport(ds, data!, 'merge', 'current', same);
    if (!merged.ok) throw new Error(merged.problems.join('\n'));
    expect(merged.dataset.systems).toHaveLength(1908);
    expect(merged).toMatchObject({ added: 1891 - 9 - 6, kept: 9 + 6, replaced: 0 });
    const names = new Set(merged.dataset.systems.map((s) => s.name));
    for (const gone of ['BLOOM-176B', 'Dolly 2.0-12b', 'GPT-3 175B (davinci)', 'Segment Anything Model', 'Vicuna-13B v0', 'Vicuna-7B v0'])
      expect(names.has(gone), gone).toBe(false);
    // Weak pairs left "different" stay two systems.
    expect(names.has('CLIP (ViT L/14@336px)') && names.has('CLIP')).toBe(true);
    // The imported record wins: it takes the bundled id (the CO₂ table, seed tables and links still find it).
    const won = applyImport(ds, data!, 'merge', 'imported', same);
    if (!won.ok) throw new Error(won.problems.join('\n'));
    expect(won.dataset.systems).toHaveLength(1908);
    const bloom = won.dataset.systems.find((s) => s.id === 'bloom-175b')!;
    expect(bloom.name).toBe('BLOOM-176B');
    expect(bloom.flop).toMatchObject({ status: 'estimated', sources: ['epoch-ai-import'] });
    expect(won.dataset.systems.some((s) => s.id === 'bloom-176b')).toBe(false);
  });

  it('header variants map the same: System vs Model, BOM, reordered, a 42-column subset, extra columns, 2020 dollars', () => {
    const text = new TextDecoder().decode(bytes);
    const { rows } = parseCsvText(text);
    const [header, ...body] = rows;
    const sample = body.slice(0, 300);
    const base = analyzeImport('a.csv', toCsv(header, sample, { bom: false }));
    const pick = (a: ReturnType<typeof analyzeImport>) =>
      a.data!.systems.map((s) => ({ ...s, trainingCost: s.trainingCost.map((c) => ('value' in c ? c.value.components : null)) }));
    const variants: [string, string[], string[][]][] = [];
    variants.push(['System', header.map((h) => (h === 'Model' ? 'System' : h)), sample]);
    variants.push(['BOM + odd spacing/case', header.map((h) => `  ${h.toUpperCase().replace(/ /g, '  ')} `), sample]);
    const order = header.map((_, i) => i).reverse();
    variants.push(['reordered', order.map((i) => header[i]), sample.map((r) => order.map((i) => r[i] ?? ''))]);
    // An older release: 42 columns, every mapped one among them.
    const mappedCols = new Set(base.report.mapped.map((m) => m.column));
    const others = header.map((_, i) => i).filter((i) => !mappedCols.has(header[i]));
    const subset = header
      .map((_, i) => i)
      .filter((i) => mappedCols.has(header[i]) || (others.indexOf(i) < 42 - mappedCols.size && others.includes(i)));
    expect(subset).toHaveLength(42);
    variants.push(['42 columns', subset.map((i) => header[i]), sample.map((r) => subset.map((i) => r[i] ?? ''))]);
    variants.push(['extra columns', [...header, 'My notes', 'Zzz'], sample.map((r) => [...r, 'x', 'y'])]);
    for (const [label, h, b] of variants) {
      const a = analyzeImport(`${label}.csv`, toCsv(h, b, { bom: label.startsWith('BOM') }));
      expect(a.report.format, label).toBe('epoch-csv');
      expect(a.report.mapped, label).toHaveLength(17);
      expect(pick(a), label).toEqual(pick(base));
    }
    const old = analyzeImport(
      'old.csv',
      toCsv(
        header.map((h) => h.replace('(2023 USD)', '(2020 USD)')),
        sample,
        { bom: false },
      ),
    );
    const cost = old.data!.systems.find((s) => s.trainingCost.length > 0)!.trainingCost[0];
    expect(cost.status === 'estimated' && cost.value.dollarYear).toBe(2020);
  });
});

describe('gpuHoursOf: chip-hours, or quantity × time marked as derived', () => {
  const profile = { estimator: 'Epoch AI', columnsOf: 'Epoch AI’s' };
  const noProblem = () => {
    throw new Error('no problem expected');
  };

  it('keeps the file’s chip-hours when it gives them, even with a quantity and a time', () => {
    expect(gpuHoursOf({ chipHours: 69120, count: 256, wallClock: 270 }, 'Google TPU v3', ['s'], profile, noProblem)).toEqual({
      status: 'estimated',
      value: { hours: 69120, hardware: 'Google TPU v3', gpuCount: 256 },
      sources: ['s'],
      method: 'Epoch AI',
    });
  });

  it('derives quantity × time where there are no chip-hours, with the arithmetic', () => {
    expect(gpuHoursOf({ count: 1024, wallClock: 2000 }, 'NVIDIA A100', ['s'], profile, noProblem)).toEqual({
      status: 'estimated',
      value: {
        hours: 2_048_000,
        hardware: 'NVIDIA A100',
        gpuCount: 1024,
        wallClockHours: 2000,
        derivation: '1,024 × 2,000 h = 2,048,000 GPU-hours, derived from Epoch AI’s hardware quantity × training time',
      },
      sources: ['s'],
      method: 'derived: Epoch AI’s hardware quantity × training time (the file gives no chip-hours)',
    });
  });

  it('makes nothing up from one of the two alone, or from a fractional chip count', () => {
    expect(gpuHoursOf({ count: 64 }, 'TPU', ['s'], profile, noProblem)).toBeUndefined();
    expect(gpuHoursOf({ wallClock: 100 }, 'TPU', ['s'], profile, noProblem)).toBeUndefined();
    const problems: string[] = [];
    expect(gpuHoursOf({ count: 2.5, wallClock: 100 }, 'TPU', ['s'], profile, () => problems.push('fractional'))).toBeUndefined();
    expect(problems).toEqual(['fractional']);
  });
});
