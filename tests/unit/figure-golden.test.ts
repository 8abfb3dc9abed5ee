import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRESETS, screenPreset, type Preset } from '../../src/components/figure/presets';
import { renderFigureSvg } from '../../src/components/figure/render-svg';
import { panelFigures } from '../../src/app/panel-figures';
import type { Locale } from '../../src/i18n/i18n';
import { resetAppStore, useAppStore } from '../../src/store';
import { FIGURE_IDS } from '../../src/store/panels';
import { bundledDataset } from '../fixtures/bundled-dataset';
import { buildStories } from '../../src/features/stories/stories';
import { translate } from '../../src/i18n/i18n';
import { DEFAULT_VIEW_SETTINGS } from '../../src/store/url-state';
import type { Annotation } from '../../src/store/annotations-model';

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

/*
 * Annotated figures: both stories in the reader's language, with a value band and a value line on
 * the cost chart, on the Feb–Apr 2023 timeline — at the slide and journal sizes, where the badges,
 * guides and key must fit without covering a mark, a label or each other.
 */
function annotatedFigures(locale: Locale) {
  const annotations: Annotation[] = [
    ...buildStories({ t: (key, en, vars) => translate(locale, key, en, vars) }).flatMap((s) => s.annotations),
    { type: 'band', panel: 'training-cost', range: { kind: 'value', from: 100, to: 1000 }, text: 'under $1,000' },
    { type: 'callout', panel: 'training-cost', anchor: { kind: 'value', value: 1e6 }, text: '$1M' },
    { type: 'callout', panel: 'scale', anchor: { kind: 'system', id: 'gpt-3' }, text: '3.14e23 FLOP' },
    { type: 'band', panel: 'scale', range: { kind: 'date', from: '2023-02-24', to: '2023-04-03' }, text: 'LLaMA to Koala' },
    { type: 'callout', panel: 'scale', anchor: { kind: 'date', date: '2022-11-30' }, text: 'ChatGPT' },
  ];
  resetAppStore();
  useAppStore.setState({
    dataset: bundledDataset(),
    language: locale,
    annotations,
    viewSettings: { ...DEFAULT_VIEW_SETTINGS, timelineZoom: 'wave-2023' },
  });
  return new Map(panelFigures(useAppStore.getState()).map((f) => [f.id, f.model(LINK)]));
}
const ANNOTATED = { en: annotatedFigures('en'), 'zh-CN': annotatedFigures('zh-CN') };

describe('golden annotated figure SVGs', () => {
  for (const panel of ['training-cost', 'gpu-hours', 'co2', 'scale', 'timeline'])
    for (const locale of ['en', 'zh-CN'] as const)
      for (const [presetName, preset] of PRESET_CASES.filter(([name]) => name !== 'screen'))
        it(`annotated ${panel} · ${presetName} · ${locale}`, () => {
          const svg = pretty(renderFigureSvg(ANNOTATED[locale].get(panel)!, preset).svg);
          const file = new URL(`annotated-${panel}.${presetName}.${locale}.svg`, DIR);
          if (UPDATE || !existsSync(file)) {
            mkdirSync(DIR, { recursive: true });
            writeFileSync(file, svg);
            if (!UPDATE) throw new Error(`no reference yet: wrote ${file.pathname}; run npm run golden:update after review`);
          }
          expect(svg).toBe(readFileSync(file, 'utf8'));
        });
});
