import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRESETS, screenPreset, type Preset } from '../../src/components/figure/presets';
import { renderFigureSvg } from '../../src/components/figure/render-svg';
import { panelFigures } from '../../src/app/panel-figures';
import type { Locale } from '../../src/i18n/i18n';
import { resetAppStore, useAppStore } from '../../src/store';
import { FIGURE_IDS } from '../../src/store/panels';
import { bundledDataset } from '../fixtures/bundled-dataset';

/*
 * Golden SVGs: every panel's figure (as "Export all" builds it from the store: the bundled data,
 * no filters, default settings, two models compared) × {on screen at 720 px, slide 16:9, journal
 * column} × {en, zh-CN}, compared byte for byte with tests/golden/. After a reviewed change,
 * `npm run golden:update` rewrites the references (then look at the diff).
 */

const DIR = new URL('../golden/', import.meta.url);
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const LINK = 'https://llm-wave.example/';

function figures(locale: Locale) {
  resetAppStore();
  useAppStore.setState({ dataset: bundledDataset(), language: locale, compareIds: ['gpt-3', 'llama-13b'] });
  return new Map(panelFigures(useAppStore.getState()).map((f) => [f.id, f.model(LINK)]));
}
const BY_LOCALE = { en: figures('en'), 'zh-CN': figures('zh-CN') };
const PANELS = [...BY_LOCALE.en.keys()];

it('has a figure for every panel and part that exports', () => expect(PANELS).toEqual(FIGURE_IDS));

const PRESET_CASES: [string, Preset][] = [
  ['screen', screenPreset(720)],
  ['slide-16x9', PRESETS['slide-16x9']],
  ['journal-1col', PRESETS['journal-1col']],
];

/** One tag per line, so a reviewed diff reads line by line. */
const pretty = (svg: string) => svg.replace(/></g, '>\n<');

describe('golden figure SVGs', () => {
  for (const panel of PANELS)
    for (const locale of ['en', 'zh-CN'] as const)
      for (const [presetName, preset] of PRESET_CASES)
        it(`${panel} · ${presetName} · ${locale}`, () => {
          const svg = pretty(renderFigureSvg(BY_LOCALE[locale].get(panel)!, preset).svg);
          const file = new URL(`${panel}.${presetName}.${locale}.svg`, DIR);
          if (UPDATE || !existsSync(file)) {
            mkdirSync(DIR, { recursive: true });
            writeFileSync(file, svg);
            if (!UPDATE) throw new Error(`no reference yet: wrote ${file.pathname}; run npm run golden:update after review`);
          }
          expect(svg).toBe(readFileSync(file, 'utf8'));
        });
});
