import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { gotoReady, watchPage } from './helpers';
import { FIGURE_IDS } from '../../src/store/panels';

/*
 * Figures exported from their figure model at the report sizes: the PNG has the preset's pixel
 * size and is not blank, journal PNGs record 300 dpi, the SVG says what the figure says and
 * nothing that only makes sense on screen, and "Cite this figure" gives text and BibTeX.
 */

const OUT = join(process.env.E2E_RESULTS_DIR ?? 'test-results', 'figure-exports');
const FIGURE_PANELS = FIGURE_IDS;
/** Words each panel's figure must say. */
const FIGURE_TITLES: Record<string, string> = {
  overview: 'Systems in view',
  'models-table': 'Model explorer',
  'seed-tables': 'The talk’s comparison tables',
  compare: 'Compare side by side',
  'training-cost': 'Training cost',
  'gpu-hours': 'GPU-hours',
  scale: 'Training compute',
  co2: 'CO₂ of training',
  'co2-equivalents': 'What GPT-3’s training emissions equal',
  'co2-methods': 'CO₂ under one method',
  'co2-calculator': '22.9 t CO₂e',
  timeline: 'Release timeline',
  lineage: 'Lineage',
};
const PRESETS = [
  { id: 'slide-16x9', width: 1920, height: 1080 },
  { id: 'slide-4x3', width: 1600, height: 1200 },
  { id: 'square', width: 1080, height: 1080 },
  { id: 'journal-1col', width: 1004, height: null, dpi: 300 },
  { id: 'journal-2col', width: 2067, height: null, dpi: 300 },
] as const;
/** Phrases that only make sense on screen; none may be in an exported figure. */
const SCREEN_ONLY = [
  'Select a bar',
  'outlined: the selected model',
  'opens in a new tab',
  'the arithmetic is in the tooltip',
  'in the data table.',
  'Show data',
  'Export',
  'Shift+click',
];

test.beforeAll(() => mkdirSync(OUT, { recursive: true }));

async function openMenu(page: Page, panel: string) {
  const menu = page.getByTestId(`export-${panel}`);
  await menu.scrollIntoViewIfNeeded();
  if (!(await page.getByTestId(`export-${panel}-preset`).isVisible())) await menu.click();
}

async function downloadPreset(page: Page, panel: string, preset: string, what: 'png' | 'svg') {
  await openMenu(page, panel);
  await page.getByTestId(`export-${panel}-preset`).selectOption(preset);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${panel}-preset-${what}`).click()]);
  return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
}

/** pHYs pixels per metre, or null when the PNG has none. */
function physOf(png: Buffer): number | null {
  for (let o = 8; o + 12 <= png.length; o += 12 + png.readUInt32BE(o)) {
    if (png.toString('latin1', o + 4, o + 8) === 'pHYs') return png.readUInt32BE(o + 8);
  }
  return null;
}

async function inkShare(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] < 600) ink++;
    return ink / (d.length / 4);
  }, png.toString('base64'));
}

for (const panel of FIGURE_PANELS) {
  test(`${panel}: every report size exports a PNG of its pixel size, not blank, and an SVG without screen-only text`, async ({ page }) => {
    const { consoleErrors } = watchPage(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await gotoReady(page, '/?base=llama&cmp=alpaca,koala');
    for (const preset of PRESETS) {
      const png = await downloadPreset(page, panel, preset.id, 'png');
      expect(png.name).toBe(`${panel}_llama-family_2025-11_${preset.id}.png`);
      writeFileSync(join(OUT, png.name), png.bytes);
      expect(png.bytes.readUInt32BE(16), preset.id).toBe(preset.width);
      if (preset.height) expect(png.bytes.readUInt32BE(20), preset.id).toBe(preset.height);
      // A journal figure is as tall as its content: a few rows (CO₂ for the LLaMA family) or releases make a wide, short figure.
      else expect(png.bytes.readUInt32BE(20), preset.id).toBeGreaterThan(preset.width / 4);
      expect(physOf(png.bytes), preset.id).toBe('dpi' in preset ? 11811 : null);
      expect(await inkShare(page, png.bytes), preset.id).toBeGreaterThan(0.02);

      const svg = (await downloadPreset(page, panel, preset.id, 'svg')).bytes.toString('utf8');
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return { error: doc.querySelector('parsererror')?.textContent ?? null, text: doc.documentElement.textContent ?? '' };
      }, svg);
      expect(parsed.error).toBeNull();
      expect(parsed.text).toContain(FIGURE_TITLES[panel]);
      expect(parsed.text).toContain('The LLM wave, 2020–2023');
      // The permalink of the exact view, language included.
      expect(parsed.text).toMatch(/http:\/\/[^ ]+\/\?base=llama&lang=en&cmp=alpaca%2Ckoala/);
      for (const phrase of SCREEN_ONLY) expect(parsed.text, `${preset.id}: ${phrase}`).not.toContain(phrase);
    }
    expect(consoleErrors).toEqual([]);
  });
}

test('in 中文 a slide export is Chinese throughout, the licence and date included', async ({ page }) => {
  await gotoReady(page, '/?lang=zh-CN');
  const svg = (await downloadPreset(page, 'training-cost', 'slide-16x9', 'svg')).bytes.toString('utf8');
  expect(svg).toContain('<title>训练成本</title>');
  expect(svg).toContain('数据截至');
  expect(svg).toContain('Epoch AI 的数字采用 CC BY 4.0');
  const png = await downloadPreset(page, 'training-cost', 'slide-16x9', 'png');
  writeFileSync(join(OUT, `zh-${png.name}`), png.bytes);
  expect(png.bytes.readUInt32BE(16)).toBe(1920);
});

test('"Cite this figure" gives a text citation and BibTeX for the figure and its sources', async ({ page }) => {
  await gotoReady(page, '/?base=llama');
  await openMenu(page, 'training-cost');
  await page.getByTestId('export-training-cost-cite').click();
  const text = await page.getByTestId('export-training-cost-cite-text').inputValue();
  expect(text).toMatch(
    /^The LLM wave, 2020–2023\. “Training cost” \[figure\]\. Data as of 2025-11-28\. http:\/\/\S+\?base=llama&lang=en \(accessed \d{4}-\d{2}-\d{2}\)\.$/,
  );
  const bib = await page.getByTestId('export-training-cost-cite-bibtex').inputValue();
  expect(bib).toMatch(/^@misc\{llm-wave-training-cost-\d{8},/);
  // The sources behind LLaMA's and its fine-tunes' costs, each an entry with its address.
  expect(bib.match(/^@misc\{/gm)!.length).toBeGreaterThan(3);
  expect(bib).toContain('url       = {https://');
});
