import { describe, expect, it } from 'vitest';
import type { FigureModel } from '../../components/figure/figure-model';
import { PRESETS } from '../../components/figure/presets';
import { renderFigureSvg } from '../../components/figure/render-svg';
import { translate, translatePlural, type Locale } from '../../i18n/i18n';
import { calculatorModels } from '../../selectors/co2-series';
import { bundledDataset } from '../../../tests/fixtures/bundled-dataset';
import { buildCalculatorFigure, buildEquivalentsFigure } from './co2-statements';

const translator = (locale: Locale) => ({
  locale,
  t: (key: string, en: string, vars?: Record<string, string | number>) => translate(locale, key, en, vars),
  tn: (key: string, n: number, one: string, other: string, vars?: Record<string, string | number>) =>
    translatePlural(locale, key, n, one, other, vars),
});

const SCREEN_ONLY = /select a|tooltip|opens in a new tab|show data|in the data table|links its source|click|hover|\[\d+\]|highlighted/i;

const texts = (m: ReturnType<typeof buildEquivalentsFigure>) => [
  m.title,
  m.subtitle,
  m.description,
  m.sourceNote,
  ...m.notes.map((n) => n.text),
  ...m.plot.items.flatMap((i) => [i.figure, i.label, i.basis, ...(i.notes ?? [])]),
];

const equivalents = (selectedId: string | null = null, locale: Locale = 'en') =>
  buildEquivalentsFigure({ dataset: bundledDataset(), selectedId, link: 'https://x.example/', translator: translator(locale) });

const calculator = (over: Partial<Parameters<typeof buildCalculatorFigure>[0]> = {}) => {
  const dataset = bundledDataset();
  const mwh = (135168 * 400 * 1.1) / 1e6;
  return buildCalculatorFigure({
    dataset,
    inputs: { gpuHours: 135168, gpuPowerW: 400, pue: 1.1, kgCo2ePerKwh: 0.385 },
    result: { mwh, tco2e: mwh * 0.385 },
    model: calculatorModels(dataset).find((m) => m.id === 'llama-13b'),
    gpuHoursEdited: false,
    paperActive: true,
    link: 'https://x.example/',
    translator: translator('en'),
    ...over,
  });
};

describe('buildEquivalentsFigure', () => {
  it('states what GPT-3’s 552 t CO₂e equal, each with its arithmetic and its dated source', () => {
    const m = equivalents();
    expect(m.title).toBe('What GPT-3’s training emissions equal');
    expect(m.subtitle).toBe('GPT-3: 552 t CO₂e est. — Carbon Emissions and Large Neural Network Training (Patterson et al. 2021)');
    const byId = new Map(m.plot.items.map((i) => [i.id, i]));
    expect(byId.get('passenger')).toMatchObject({ figure: '460', estimated: true });
    expect(byId.get('passenger')!.basis).toMatch(/^552 t ÷ 1\.2 t CO₂e per passenger round trip — .*Patterson et al\. 2021/);
    expect(byId.get('passenger')!.notes?.[0]).toMatch(/^The talk: “460 次” — agrees\./);
    expect(byId.get('jet')).toMatchObject({ figure: '3.1' });
    expect(byId.get('jet')!.basis).toContain('552 t ÷ 180 t CO₂e per jet round trip');
    expect(byId.get('brain')!.figure).toBe('7,341');
    expect(byId.get('brain')!.basis).toMatch(/1,287 MWh .* ÷ \(20 W × 8,766 h a year\).*Brain power \(Balasubramanian, PNAS/);
    expect(byId.get('brain')!.notes?.[0]).toContain('22 W');
    // The estimate is flagged with its method.
    expect(m.notes[0]).toMatchObject({ essential: true });
    expect(m.notes[0].text).toMatch(/^est\.: Patterson et al\. 2021, Table 4: 1,287 MWh/);
    for (const text of texts(m)) expect(text).not.toMatch(SCREEN_ONLY);
    expect(m.sourceIds).toEqual(['patterson-2021', 'pnas-brain']);
  });

  it('for LLaMA-13B, says ≈ 1/24 of GPT-3 with GPT-3’s 552 t ÷ 23 t', () => {
    const m = equivalents('llama-13b');
    const gpt3 = m.plot.items.find((i) => i.id === 'gpt3')!;
    expect(gpt3.figure).toBe('≈ 1/24 of GPT-3');
    expect(gpt3.basis).toMatch(/^GPT-3’s 552 t ÷ 23 t — /);
  });

  it('says which run it shows when the selected one has no CO₂ figure', () => {
    const m = equivalents('gpt-4');
    expect(m.notes.some((n) => /^GPT-4 has no CO₂ figure .*; showing GPT-3\.$/.test(n.text))).toBe(true);
  });

  it('in Chinese, speaks Chinese, and draws on a slide without cutting a card', () => {
    const m = equivalents(null, 'zh-CN');
    expect(m.title).toMatch(/GPT-3/);
    expect(m.plot.items[0].label).toMatch(/旧金山/);
    const r = renderFigureSvg(m, PRESETS['slide-16x9']);
    expect(r.rowsCut).toBe(0);
    expect(r.svg).toContain('id="statement-passenger"');
  });
});

describe('buildCalculatorFigure', () => {
  it('gives LLaMA-13B’s energy and CO₂ with the arithmetic, as Table 15 prints them, and where each input comes from', () => {
    const m = calculator();
    expect(m.plot.items.map((i) => i.figure)).toEqual(['59.47 MWh', '22.9 t CO₂e']);
    expect(m.plot.items[0].basis).toBe('135,168 GPU-h × 400 W × 1.1 ÷ 1,000,000 = 59.47 MWh');
    expect(m.plot.items[1].basis).toBe('59.47 MWh × 0.385 kg CO₂e/kWh = 22.9 t CO₂e');
    const notes = m.notes.map((n) => n.text);
    expect(notes).toContain('As Table 15 would print it: 59 MWh, 23 t CO₂e.');
    expect(notes.some((n) => n.startsWith('GPU-hours: LLaMA-13B’s, A100-80GB (LLaMA: Open and Efficient'))).toBe(true);
    expect(notes.some((n) => n.startsWith('Power, PUE and carbon intensity: the LLaMA paper’s ('))).toBe(true);
    expect(notes.some((n) => /^Published for LLaMA-13B: .*23 t CO₂e est\./.test(n))).toBe(true);
    for (const text of [m.title, m.subtitle, m.description, ...notes]) expect(text).not.toMatch(SCREEN_ONLY);
  });

  it('says the inputs were typed when they are not the paper’s, and has no result without valid inputs', () => {
    const typed = calculator({ gpuHoursEdited: true, paperActive: false });
    const notes = typed.notes.map((n) => n.text);
    expect(notes).toContain('GPU-hours: as entered.');
    expect(notes).toContain('Power, PUE and carbon intensity: as entered, not the LLaMA paper’s.');
    expect(notes.some((n) => n.startsWith('Published for'))).toBe(false);
    const none: FigureModel = calculator({ inputs: null, result: null });
    expect(none.plot).toMatchObject({ kind: 'statements', items: [], empty: 'No result: not every input is a valid number.' });
  });
});
