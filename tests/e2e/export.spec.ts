import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { gotoReady, tableCellTexts, watchPage } from './helpers';

const OUT = join(process.env.E2E_RESULTS_DIR ?? 'test-results', 'exports');
const PANELS = ['training-cost', 'gpu-hours', 'co2', 'timeline', 'lineage'] as const;
const TABLE_PANELS = ['overview', 'models-table', 'seed-tables', 'compare'] as const;
const ALL_PANELS = [
  'overview',
  'models-table',
  'training-cost',
  'gpu-hours',
  'scale',
  'co2',
  'timeline',
  'lineage',
  'seed-tables',
  'compare',
] as const;
/** On-screen legend entries that a figure leaves out when the state they describe is not set. */
const SCREEN_STATE_LEGEND = ['the current base-model filter'];
/** Parts of the CO₂ panel that export on their own from a figure model: Export all writes them (with a .bib) after it. */
const SUB_PANELS = ['co2-equivalents', 'co2-methods', 'co2-calculator'] as const;

/** A panel's section, chart or table. */
const panelSection = (page: Page, panel: string) => page.locator(`[data-view="${panel}"] section.view`).first();

async function download(page: Page, panel: string, what: string) {
  const frame = panelSection(page, panel);
  await frame.scrollIntoViewIfNeeded();
  const menu = page.getByTestId(`export-${panel}`);
  if (!(await page.getByTestId(`export-${panel}-${what}`).isVisible())) await menu.click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${panel}-${what}`).click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
}

/** Distinct colours and non-background pixels of a PNG, decoded in the page. */
async function pixelStats(page: Page, png: Buffer) {
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
    const colours = new Set<number>();
    let ink = 0;
    const [r0, g0, b0] = [d[0], d[1], d[2]];
    for (let i = 0; i < d.length; i += 4) {
      colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      if (Math.abs(d[i] - r0) + Math.abs(d[i + 1] - g0) + Math.abs(d[i + 2] - b0) > 60) ink++;
    }
    return { colours: colours.size, ink, total: d.length / 4, corner: [r0, g0, b0] };
  }, png.toString('base64'));
}

function parseSvg(page: Page, svg: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    // `words`: the text elements joined by spaces, so wrapped lines read as the sentence they were.
    const words = [...doc.querySelectorAll('text')].map((e) => e.textContent ?? '').join(' ');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      text: doc.documentElement.textContent ?? '',
      words,
      height: Number(doc.documentElement.getAttribute('height')),
      width: Number(doc.documentElement.getAttribute('width')),
    };
  }, svg);
}

test.beforeAll(() => mkdirSync(OUT, { recursive: true }));

for (const panel of PANELS) {
  test(`${panel}: the 2× PNG is twice the exported area's size and not blank; the SVG is XML with the title and legend`, async ({
    page,
  }) => {
    const { consoleErrors } = watchPage(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await gotoReady(page);
    const frame = panelSection(page, panel);
    const title = (await frame.locator('h2').first().textContent())!.trim();
    const legend = await frame
      .locator('.chart-legend')
      .locator('.legend-item, [class*="-legend-item"]')
      .evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));

    const svgFile = await download(page, panel, 'svg');
    expect(svgFile.name).toBe(`${panel}_all_2025-11.svg`);
    const svg = await parseSvg(page, svgFile.bytes.toString('utf8'));
    expect(svg.error).toBeNull();
    expect(svg.text).toContain(title);
    expect(legend.length).toBeGreaterThan(2);
    // Legend entries about on-screen state (a base-model filter that is not set) say nothing in a figure.
    for (const entry of legend.filter((e) => !SCREEN_STATE_LEGEND.includes(e))) expect(svg.text).toContain(entry.replace(/\s+/g, ' '));
    expect(svg.text).toContain('The LLM wave, 2020–2023');

    const png = await download(page, panel, 'png2');
    expect(png.name).toBe(`${panel}_all_2025-11@2x.png`);
    writeFileSync(join(OUT, png.name), png.bytes);
    const cssWidth = await frame.evaluate((e) => Math.round(e.getBoundingClientRect().width));
    expect(svg.width).toBe(cssWidth);
    expect(png.bytes.readUInt32BE(16)).toBe(2 * cssWidth);
    expect(png.bytes.readUInt32BE(20)).toBe(2 * svg.height);
    const stats = await pixelStats(page, png.bytes);
    expect(stats.colours).toBeGreaterThan(20);
    expect(stats.ink / stats.total).toBeGreaterThan(0.01);
    // Light background by default.
    expect(Math.min(...stats.corner)).toBeGreaterThan(230);
    await frame.screenshot({ path: join(OUT, `${panel}-screen.png`) });
    expect(consoleErrors).toEqual([]);
  });
}

/** What each table panel's image must say: words from its header row and a cell. */
const TABLE_EXPECT: Record<(typeof TABLE_PANELS)[number], string[]> = {
  overview: ['Models', 'Organizations', 'Systems in view', 'LLaMA-13B'],
  'models-table': ['Name', 'Parameters', 'Training cost (USD)', 'Vicuna-13B', 'est.'],
  'seed-tables': ['Model Name', 'LLaMA', 'Alpaca', '✓', '⚠'],
  compare: ['Field', 'Alpaca', 'Koala', 'Parameters', '≠'],
};

for (const panel of TABLE_PANELS) {
  test(`${panel}: the table panel exports like a chart — 2× PNG of the panel's width, SVG with title and cells, CSV`, async ({ page }) => {
    const { consoleErrors } = watchPage(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await gotoReady(page, '/?cmp=alpaca,koala');
    const section = panelSection(page, panel);
    const title = (await section.locator('h2').first().textContent())!.trim();

    const svgFile = await download(page, panel, 'svg');
    expect(svgFile.name).toBe(`${panel}_all_2025-11.svg`);
    const svg = await parseSvg(page, svgFile.bytes.toString('utf8'));
    expect(svg.error).toBeNull();
    expect(svg.text).toContain(title);
    for (const word of TABLE_EXPECT[panel]) expect(svg.words).toContain(word);
    expect(svg.text).toContain('The LLM wave, 2020–2023');
    // No controls in the image.
    expect(svg.text).not.toContain('Export');
    expect(svgFile.bytes.toString('utf8')).not.toContain('foreignObject');

    const png = await download(page, panel, 'png2');
    expect(png.name).toBe(`${panel}_all_2025-11@2x.png`);
    writeFileSync(join(OUT, png.name), png.bytes);
    const cssWidth = await section.evaluate((e) => Math.round(e.getBoundingClientRect().width));
    expect(svg.width).toBe(cssWidth);
    if (panel === 'models-table') {
      // Words wrap whole: at most after a hyphen or dash, never "Non-commerci / al".
      expect(svg.words).toMatch(/Non-( )?commercial/);
      expect(svg.words).toMatch(/Wisconsin–( )?Madison/);
    }
    expect(png.bytes.readUInt32BE(16)).toBe(2 * svg.width);
    expect(png.bytes.readUInt32BE(20)).toBe(2 * svg.height);
    const stats = await pixelStats(page, png.bytes);
    expect(stats.colours).toBeGreaterThan(20);
    expect(stats.ink / stats.total).toBeGreaterThan(0.01);
    expect(Math.min(...stats.corner)).toBeGreaterThan(230);
    await section.screenshot({ path: join(OUT, `${panel}-screen.png`) });

    const csv = (await download(page, panel, 'csv')).bytes.toString('utf8');
    expect(csv.split('\r\n').length).toBeGreaterThan(2);
    expect(consoleErrors).toEqual([]);
  });
}

test('the explorer image follows the visible columns and sort; compare without picks says how to pick', async ({ page }) => {
  await gotoReady(page, '/?sort=-parameters&cols=name,parameters');
  const svg = await parseSvg(page, (await download(page, 'models-table', 'svg')).bytes.toString('utf8'));
  expect(svg.words).toContain('Parameters');
  expect(svg.words).not.toContain('GPU-hours');
  // Rows in the table's order: the largest first.
  const [firstRow, secondRow] = await tableCellTexts(page);
  expect(svg.words).toContain(`${firstRow[0]} ${firstRow[1]} ${secondRow[0]} ${secondRow[1]}`);
  const empty = await parseSvg(page, (await download(page, 'compare', 'svg')).bytes.toString('utf8'));
  expect(empty.words).toContain('Pick 2–4 models to compare');
});

test('file names name the filters; CSV has the data table', async ({ page }) => {
  await gotoReady(page, '/?base=llama');
  const png = await download(page, 'training-cost', 'png1');
  expect(png.name).toBe('training-cost_llama-family_2025-11.png');
  const csv = await download(page, 'training-cost', 'csv');
  expect(csv.name).toBe('training-cost_llama-family_2025-11.csv');
  const text = csv.bytes.toString('utf8');
  expect(text.split('\r\n').length).toBeGreaterThan(2);
});

test('in Chinese the SVG carries Chinese text', async ({ page }) => {
  await gotoReady(page, '/?lang=zh-CN');
  const svgFile = await download(page, 'co2', 'svg');
  const svg = await parseSvg(page, svgFile.bytes.toString('utf8'));
  expect(svg.error).toBeNull();
  expect(svg.text).toMatch(/[\u4e00-\u9fff]/);
  const png = await download(page, 'co2', 'png2');
  writeFileSync(join(OUT, `zh-${png.name}`), png.bytes);
});

test('a dark UI exports light unless "keep dark theme" is ticked', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await gotoReady(page);
  const light = await download(page, 'gpu-hours', 'png1');
  const stats = await pixelStats(page, light.bytes);
  expect(Math.min(...stats.corner)).toBeGreaterThan(230);
  await page.getByTestId('export-gpu-hours-keep-theme').check();
  const dark = await download(page, 'gpu-hours', 'png1');
  writeFileSync(join(OUT, `dark-${dark.name}`), dark.bytes);
  const darkStats = await pixelStats(page, dark.bytes);
  expect(Math.max(...darkStats.corner)).toBeLessThan(80);
});

test('"Export all" downloads one zip: README with the filters, and a 2× PNG, SVG, CSV and BibTeX per panel', async ({ page }) => {
  const { consoleErrors } = watchPage(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await gotoReady(page, '/?base=llama');
  const filterText = (await page.getByTestId('chart-training-cost-subtitle').textContent())!.trim();
  expect(filterText).not.toBe('All systems');
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 45_000 }), page.getByTestId('export-all').click()]);
  expect(dl.suggestedFilename()).toBe('llm-wave_llama-family_2025-11.zip');
  const bytes = readFileSync(await dl.path());
  writeFileSync(join(OUT, dl.suggestedFilename()), bytes);
  const files = unzipSync(new Uint8Array(bytes));
  const names = Object.keys(files);
  expect(names).toContain('README.txt');
  const readme = strFromU8(files['README.txt']);
  expect(readme).toContain('The LLM wave, 2020–2023');
  expect(readme).toContain(filterText);
  expect(readme).toMatch(/Data as of: 2025-11/);
  expect(readme).toContain('Language: en');
  expect(names).toHaveLength(1 + 4 * (ALL_PANELS.length + SUB_PANELS.length));
  // The equivalents and the calculator's result, right after the CO₂ chart in the README's list.
  const listedAt = (name: string) => readme.indexOf(name);
  expect(listedAt('co2_llama-family_2025-11.bib')).toBeLessThan(listedAt('co2-equivalents_llama-family_2025-11.png'));
  expect(listedAt('co2-calculator_llama-family_2025-11.bib')).toBeLessThan(listedAt('timeline_llama-family_2025-11.png'));
  for (const part of SUB_PANELS)
    for (const ext of ['png', 'svg', 'csv', 'bib']) expect(names).toContain(`${part}_llama-family_2025-11.${ext}`);
  const eqSvg = strFromU8(files['co2-equivalents_llama-family_2025-11.svg']);
  for (const words of ['What GPT-3’s training emissions equal', '460', '7,341', 'Patterson et al. 2021']) expect(eqSvg).toContain(words);
  const calcSvg = strFromU8(files['co2-calculator_llama-family_2025-11.svg']);
  for (const words of ['59.47 MWh', '22.9 t CO₂e', 'As Table 15 would print it: 59 MWh, 23 t CO₂e.']) expect(calcSvg).toContain(words);
  for (const panel of ALL_PANELS) {
    const bib = strFromU8(files[`${panel}_llama-family_2025-11.bib`]);
    expect(bib).toMatch(/^% The LLM wave, 2020–2023\. “/);
    expect(bib).toMatch(new RegExp(`@misc\\{llm-wave-${panel}-\\d{8},`));
    expect(readme).toContain(`${panel}_llama-family_2025-11.bib`);
  }
  for (const panel of ALL_PANELS) {
    const title = (await panelSection(page, panel).locator('h2').first().textContent())!.trim();
    const base = `${panel}_llama-family_2025-11`;
    for (const ext of ['png', 'svg', 'csv', 'bib']) {
      expect(names).toContain(`${base}.${ext}`);
      expect(readme).toContain(`${base}.${ext}`);
    }
    const png = files[`${base}.png`];
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const svg = strFromU8(files[`${base}.svg`]);
    expect(svg).toContain('<svg');
    expect(svg).toContain('</svg>');
    expect(svg).toContain(title.replace(/&/g, '&amp;'));
    // The PNG is the 2× rendering of that SVG.
    const svgWidth = Number(/<svg[^>]*\swidth="(\d+)"/.exec(svg)![1]);
    expect(Buffer.from(png).readUInt32BE(16)).toBe(2 * svgWidth);
    expect(strFromU8(files[`${base}.csv`]).split('\r\n').length).toBeGreaterThan(1);
  }
  await expect(page.getByTestId('export-all-status')).toHaveText(`Exported ${ALL_PANELS.length + SUB_PANELS.length} panels.`);
  expect(consoleErrors).toEqual([]);
});

test('per-panel "Copy image" puts a PNG on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await gotoReady(page);
  await page.getByTestId('export-co2').click();
  await page.getByTestId('export-co2-copy').click();
  await expect(page.getByTestId('export-co2-status')).toHaveText('Image copied.');
  const types = await page.evaluate(async () => {
    const items = await navigator.clipboard.read();
    return items.flatMap((i) => [...i.types]);
  });
  expect(types).toContain('image/png');
});
