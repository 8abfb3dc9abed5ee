import { describe, expect, it } from 'vitest';
import { citeFigure, citationFile } from '../../components/figure/cite-figure';
import { translate, translatePlural, type Locale } from '../../i18n/i18n';
import { DEFAULT_FILTERS } from '../../store/filters-model';
import { bundledDataset } from '../../../tests/fixtures/bundled-dataset';
import type { MethodChoice } from '../../selectors/co2-methods';
import { buildCo2Figure } from './co2-figure';
import { buildCo2MethodsFigure } from './co2-methods-figure';
import { calculatorReferences } from './co2-statements';

const translator = (locale: Locale) => ({
  locale,
  t: (key: string, en: string, vars?: Record<string, string | number>) => translate(locale, key, en, vars),
  tn: (key: string, n: number, one: string, other: string, vars?: Record<string, string | number>) =>
    translatePlural(locale, key, n, one, other, vars),
});
const ds = bundledDataset();
const build = (choice: Partial<MethodChoice> = {}, locale: Locale = 'en', filters = DEFAULT_FILTERS) =>
  buildCo2MethodsFigure({
    dataset: ds,
    filters,
    selectedId: null,
    choice: { method: 'llama', grid: 'method', development: 'none', ...choice },
    link: 'https://x.example/?co2m=llama',
    translator: translator(locale),
  });

describe('buildCo2MethodsFigure', () => {
  it('draws each recomputable run: its published figure above, the recomputed one outlined below', () => {
    const m = build();
    const ids = m.plot.rows.map((r) => r.id);
    expect(ids.slice(0, 3)).toEqual(['gpt-3', 'bloom-175b', 'llama-65b']);
    const llama65 = m.plot.rows.find((r) => r.id === 'llama-65b')!;
    expect(llama65.marks).toEqual([
      expect.objectContaining({ kind: 'segment', to: 173, estimated: true, lane: 'upper' }),
      expect.objectContaining({ kind: 'outline', lane: 'lower' }),
    ]);
    const outline = llama65.marks[1];
    expect(outline.kind === 'outline' && outline.to).toBeCloseTo(173.19, 2);
    expect(llama65.label.full).toBe('173 t published est. · 173 t recomputed (1.00× the published)');
    // A run with GPU-hours but no published figure is drawn recomputed only.
    expect(m.plot.rows.find((r) => r.id === 'alpaca')!.marks).toEqual([expect.objectContaining({ kind: 'outline', lane: undefined })]);
    expect(m.plot.scale).toBe('log');
  });

  it('states the method, grid and development in an essential note, and lists every run left out with its reason', () => {
    const m = build({ method: 'patterson', grid: 'us-2022-eia', development: 'llama' });
    expect(m.notes[0]).toEqual({
      essential: true,
      text: expect.stringMatching(
        /^Method: Patterson et al\. 2021\. .* Grid: US 2022 \(0\.39 kg CO₂e\/kWh\)\. Development runs: ×3\.39 \(LLaMA’s development\)\.$/,
      ),
    });
    expect(m.notes.map((n) => n.text).join('\n')).toContain('not recomputed, no measured power is published for the NVIDIA A100-80GB');
    const leftRow = m.table.rows.find((r) => r.id === 'llama-65b')!;
    expect(leftRow.cells[1]).toBe('173');
    expect(leftRow.cells[2]).toBe('not recomputed: no measured power is published for the NVIDIA A100-80GB (SXM, NVLink)');
    expect(m.table.rows.length).toBe(ds.systems.filter((s) => s.kind === 'model').length);
  });

  it('cites the method: its paragraph in the citation text, its papers’ BibTeX in the .bib', () => {
    const m = build({ method: 'bloom-lca' });
    const cite = citeFigure(m, ds, '2026-12-05');
    expect(cite.text).toContain('CO₂ of training recomputed with the method of Luccioni et al. 2023');
    expect(cite.bibtex).toMatch(
      /@article\{luccioni2023,\n {2}author {4}= \{Luccioni, Alexandra Sasha and Viguier, Sylvain and Ligozat, Anne-Laure\},/,
    );
    const file = citationFile(m, ds, '2026-12-05');
    // Every line of the text is a comment in the .bib file.
    const head = file.slice(0, file.indexOf('@'));
    for (const line of head.split('\n').filter(Boolean)) expect(line.startsWith('%')).toBe(true);
  });

  it('in Chinese', () => {
    const m = build({}, 'zh-CN');
    expect(m.title).toBe('同一方法下的 CO₂：已发表与重新计算并列');
    expect(m.notes[0].text).toMatch(/^方法：LLaMA 2023 \/ Wu 等 2022。/);
  });

  it('says so when nothing in view can be recomputed', () => {
    const m = build({}, 'en', { ...DEFAULT_FILTERS, query: 'ChatGPT' });
    expect(m.plot.rows).toEqual([]);
    expect(m.plot.empty).toBe('No model in view has accelerator-hours on an accelerator with sourced figures.');
  });
});

describe('the published figures’ methods', () => {
  it('the CO₂ chart names the method of each published figure, and cites the methods’ papers', () => {
    const m = buildCo2Figure({
      dataset: ds,
      filters: DEFAULT_FILTERS,
      selectedId: null,
      link: 'https://x.example/',
      translator: translator('en'),
    });
    const note = m.notes.map((n) => n.text).find((t) => t.startsWith('Each published figure keeps its authors’ method.'))!;
    expect(note).toContain('GPT-3: Patterson et al. 2021');
    expect(note).toContain('LLaMA-65B');
    expect(note).toMatch(/SAM[^;]*: the developers’ own estimate/);
    expect(m.references?.bibtex).toContain('@misc{patterson2021,');
    expect(m.references?.bibtex).toContain('@misc{touvron2023,');
  });

  it('the calculator’s result as a methods paragraph', () => {
    const r = calculatorReferences(
      { gpuHours: 135_168, gpuPowerW: 400, pue: 1.1, kgCo2ePerKwh: 0.385 },
      { mwh: 59.47392, tco2e: 22.8974592 },
      true,
      'LLaMA-13B',
      translator('en').t,
      'en',
    );
    expect(r.text).toBe(
      'CO₂ of LLaMA-13B computed with the method of Touvron et al. 2023 (LLaMA, §6), after Wu et al. 2022: 135,168 GPU-h × 400 W × 1.1 ÷ 1,000,000 = 59.47 MWh; 59.47 MWh × 0.385 kg CO₂e/kWh = 22.9 t CO₂e. Power, PUE and carbon intensity are the paper’s: the A100-80GB’s TDP, PUE 1.1 and the US average the paper gives.',
    );
    expect(r.bibtex).toContain('@inproceedings{wu2022,');
  });
});
