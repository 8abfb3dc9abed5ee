import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRESETS, screenPreset, type Preset } from '../../src/components/figure/presets';
import { renderFigureSvg } from '../../src/components/figure/render-svg';
import type { FigureModel } from '../../src/components/figure/figure-model';
import { buildCostFigure } from '../../src/features/cost-chart/cost-figure';
import { buildLineageFigure } from '../../src/features/lineage/lineage-figure';
import { buildCo2Figure } from '../../src/features/co2/co2-figure';
import { buildCalculatorFigure, buildEquivalentsFigure } from '../../src/features/co2/co2-statements';
import { calculatorModels } from '../../src/selectors/co2-series';
import { buildGpuHoursFigure } from '../../src/features/gpu-hours-chart/gpu-hours-figure';
import { buildTimelineFigure } from '../../src/features/timeline/timeline-figure';
import { translate, translatePlural, type Locale } from '../../src/i18n/i18n';
import { DEFAULT_FILTERS } from '../../src/store/filters-model';
import { bundledDataset } from '../fixtures/bundled-dataset';

/*
 * Golden SVGs: each figure × {on screen at 720 px, slide 16:9, journal column} × {en, zh-CN},
 * rendered from the bundled dataset and compared byte for byte with tests/golden/. After a
 * reviewed change, `npm run golden:update` rewrites the references (then look at the diff).
 */

const DIR = new URL('../golden/', import.meta.url);
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const LINK = 'https://llm-wave.example/';

const translator = (locale: Locale) => ({
  locale,
  t: (key: string, en: string, vars?: Record<string, string | number>) => translate(locale, key, en, vars),
  tn: (key: string, n: number, one: string, other: string, vars?: Record<string, string | number>) =>
    translatePlural(locale, key, n, one, other, vars),
});

const FIGURES: Record<string, (locale: Locale) => FigureModel> = {
  lineage: (locale) =>
    buildLineageFigure({
      dataset: bundledDataset(),
      filters: DEFAULT_FILTERS,
      selectedId: null,
      link: LINK,
      translator: translator(locale),
    }),
  'training-cost': (locale) =>
    buildCostFigure({
      dataset: bundledDataset(),
      filters: DEFAULT_FILTERS,
      scale: 'log',
      selectedId: null,
      link: LINK,
      translator: translator(locale),
    }),
  'gpu-hours': (locale) =>
    buildGpuHoursFigure({
      dataset: bundledDataset(),
      filters: DEFAULT_FILTERS,
      scale: 'log',
      selectedId: null,
      link: LINK,
      translator: translator(locale),
    }),
  timeline: (locale) =>
    buildTimelineFigure({
      dataset: bundledDataset(),
      filters: DEFAULT_FILTERS,
      lanes: 'kind',
      zoom: 'all',
      selectedId: null,
      link: LINK,
      translator: translator(locale),
    }),
  co2: (locale) =>
    buildCo2Figure({ dataset: bundledDataset(), filters: DEFAULT_FILTERS, selectedId: null, link: LINK, translator: translator(locale) }),
  'co2-equivalents': (locale) =>
    buildEquivalentsFigure({ dataset: bundledDataset(), selectedId: null, link: LINK, translator: translator(locale) }),
  // The calculator as it opens: LLaMA-13B's GPU-hours with the LLaMA paper's power, PUE and grid.
  'co2-calculator': (locale) =>
    buildCalculatorFigure({
      dataset: bundledDataset(),
      inputs: { gpuHours: 135168, gpuPowerW: 400, pue: 1.1, kgCo2ePerKwh: 0.385 },
      result: { mwh: (135168 * 400 * 1.1) / 1e6, tco2e: ((135168 * 400 * 1.1) / 1e6) * 0.385 },
      model: calculatorModels(bundledDataset()).find((m) => m.id === 'llama-13b'),
      gpuHoursEdited: false,
      paperActive: true,
      link: LINK,
      translator: translator(locale),
    }),
};

const PRESET_CASES: [string, Preset][] = [
  ['screen', screenPreset(720)],
  ['slide-16x9', PRESETS['slide-16x9']],
  ['journal-1col', PRESETS['journal-1col']],
];

/** One tag per line, so a reviewed diff reads line by line. */
const pretty = (svg: string) => svg.replace(/></g, '>\n<');

describe('golden figure SVGs', () => {
  for (const [panel, build] of Object.entries(FIGURES))
    for (const locale of ['en', 'zh-CN'] as const)
      for (const [presetName, preset] of PRESET_CASES)
        it(`${panel} · ${presetName} · ${locale}`, () => {
          const svg = pretty(renderFigureSvg(build(locale), preset).svg);
          const file = new URL(`${panel}.${presetName}.${locale}.svg`, DIR);
          if (UPDATE || !existsSync(file)) {
            mkdirSync(DIR, { recursive: true });
            writeFileSync(file, svg);
            if (!UPDATE) throw new Error(`no reference yet: wrote ${file.pathname}; run npm run golden:update after review`);
          }
          expect(svg).toBe(readFileSync(file, 'utf8'));
        });
});
