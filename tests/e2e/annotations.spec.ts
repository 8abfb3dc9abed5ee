import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectLaidOut, gotoReady, replaceWithEpochCsv, watchPage } from './helpers';

/*
 * Annotations as a reader uses them: added with the editor on the training-cost chart and the
 * timeline, carried by the copied link into a fresh browser, drawn in the slide and journal
 * exports, hidden with a note when their model is filtered out, refused whole when the link is
 * tampered with, and opened as ready-made stories.
 */

const OUT = join(process.env.E2E_RESULTS_DIR ?? 'test-results', 'annotations');
test.beforeAll(() => mkdirSync(OUT, { recursive: true }));

async function openEditor(page: Page, panel: string): Promise<Locator> {
  const frame = page.getByTestId(`chart-${panel}`);
  await frame.scrollIntoViewIfNeeded();
  const toggle = page.getByTestId(`annotate-${panel}`);
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  // The editor loads on first use.
  const editor = frame.locator('.annotation-editor');
  await expect(editor).toBeVisible();
  return editor;
}

async function add(
  editor: Locator,
  kind: 'system' | 'point' | 'band' | 'note',
  fields: { system?: string; from?: string; to?: string; text: string },
) {
  await editor.getByTestId('annotation-kind').selectOption(kind);
  if (fields.system) await editor.getByTestId('annotation-system').selectOption(fields.system);
  if (fields.from) await editor.getByTestId('annotation-from').fill(fields.from);
  if (fields.to) await editor.getByTestId('annotation-to').fill(fields.to);
  await editor.getByTestId('annotation-text').fill(fields.text);
  await editor.getByTestId('annotation-text').press('Enter');
}

async function downloadSvg(page: Page, panel: string, preset: string): Promise<string> {
  const menu = page.getByTestId(`export-${panel}`);
  await menu.scrollIntoViewIfNeeded();
  if (!(await page.getByTestId(`export-${panel}-preset`).isVisible())) await menu.click();
  await page.getByTestId(`export-${panel}-preset`).selectOption(preset);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${panel}-preset-svg`).click()]);
  await page.keyboard.press('Escape');
  return readFileSync(await dl.path()).toString('utf8');
}

test('a callout and a band on the cost chart and the timeline travel by link into a fresh browser and into the exports', async ({
  page,
  context,
  browser,
}) => {
  const watch = watchPage(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await gotoReady(page, '/');

  const cost = await openEditor(page, 'training-cost');
  await add(cost, 'system', { system: 'alpaca', text: 'Alpaca: <b>hundreds</b> of dollars' });
  await add(cost, 'band', { from: '100', to: '1000', text: 'under a thousand dollars' });
  const costKey = page.getByTestId('annotations-training-cost');
  await expect(costKey).toContainText('① Alpaca: Alpaca: <b>hundreds</b> of dollars');
  await expect(costKey).toContainText('② $100 – $1,000: under a thousand dollars');
  // The badge is in the bar's own label; the band is drawn behind the marks, its badge above them.
  await expect(page.locator('#training-cost .bar-row[data-system-id="alpaca"] .bar-label')).toContainText('①');
  await expect(page.locator('#training-cost .annotation-band')).toHaveCount(1);
  await expect(page.locator('#training-cost .annotation-badges text')).toHaveText(['②']);

  const timeline = await openEditor(page, 'timeline');
  await add(timeline, 'system', { system: 'llama-65b', text: 'weights for researchers' });
  await add(timeline, 'band', { from: '2023-02-24', to: '2023-04-03', text: 'LLaMA to Koala' });
  const tlKey = page.getByTestId('annotations-timeline');
  await expect(tlKey).toContainText('① LLaMA-65B: weights for researchers');
  await expect(tlKey).toContainText('② Feb 24, 2023 – Apr 3, 2023: LLaMA to Koala');
  await expect(page.locator('#timeline .timeline-label', { hasText: 'LLaMA-65B ①' })).toHaveCount(1);
  await expect(page.locator('#timeline .annotation-band')).toHaveCount(1);
  await expect(page).toHaveURL(/[?&]ann=1\./);

  await page.getByTestId('copy-link').click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(link).searchParams.get('ann')).toMatch(/^1\./);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await gotoReady(other, link);
  await expect(other.getByTestId('annotations-training-cost')).toContainText('① Alpaca: Alpaca: <b>hundreds</b> of dollars');
  await expect(other.getByTestId('annotations-training-cost')).toContainText('② $100 – $1,000: under a thousand dollars');
  await expect(other.getByTestId('annotations-timeline')).toContainText('① LLaMA-65B: weights for researchers');
  await expect(other.getByTestId('annotations-timeline')).toContainText('② Feb 24, 2023 – Apr 3, 2023: LLaMA to Koala');
  // Text is text: the markup typed is shown as written, never made into an element.
  await expect(other.locator('#training-cost b')).toHaveCount(0);
  await fresh.close();

  // The slide and journal exports carry both, in the plot and in the key under it.
  for (const [panel, preset] of [
    ['training-cost', 'slide-16x9'],
    ['training-cost', 'journal-1col'],
    ['timeline', 'slide-16x9'],
    ['timeline', 'journal-1col'],
  ] as const) {
    const svg = await downloadSvg(page, panel, preset);
    writeFileSync(join(OUT, `${panel}.${preset}.svg`), svg);
    expect(svg).toContain('<g id="figure-guides"><rect');
    expect(svg).toMatch(/>[^<]*①<\/text>/);
    expect(svg).toContain('② ');
    expect(svg.match(/<desc>[^<]*<\/desc>/)?.[0]).toContain('①');
  }
  expect(watch.consoleErrors).toEqual([]);
});

test('the editor: keyboard moves, edits, deletes and undoes; the cap is said', async ({ page }) => {
  await gotoReady(page, '/');
  const editor = await openEditor(page, 'training-cost');
  await add(editor, 'system', { system: 'alpaca', text: 'first' });
  await add(editor, 'note', { text: 'a note under the figure' });
  const key = page.getByTestId('annotations-training-cost');
  await expect(key).toContainText('① Alpaca: first');
  await expect(key).toContainText('a note under the figure');
  // Move the callout to the next model drawn, by keyboard.
  const item = editor.getByTestId('annotation-item').first();
  await item.getByRole('button', { name: /Move .* on/ }).focus();
  await page.keyboard.press('Enter');
  await expect(key).toContainText('① Vicuna-7B: first');
  // Edit the text: Enter commits.
  const input = item.getByRole('textbox');
  await input.fill('second');
  await input.press('Enter');
  await expect(key).toContainText('① Vicuna-7B: second');
  await item.getByTestId('annotation-delete').click();
  await expect(key).not.toContainText('second');
  // Undo, step by step: the delete, the edit, the move.
  const undo = editor.getByTestId('annotation-undo');
  await undo.click();
  await expect(key).toContainText('① Vicuna-7B: second');
  await undo.click();
  await expect(key).toContainText('① Vicuna-7B: first');
  await undo.click();
  await expect(key).toContainText('① Alpaca: first');
  // Bad input is said, nothing is lost.
  await editor.getByTestId('annotation-kind').selectOption('point');
  await editor.getByTestId('annotation-from').fill('a lot');
  await editor.getByTestId('annotation-text').fill('kept');
  await editor.getByTestId('annotation-add').click();
  await expect(editor.getByTestId('annotation-problem')).toContainText('Give a positive number');
  await expect(editor.getByTestId('annotation-text')).toHaveValue('kept');
  // Up to the cap (2 + 6 = 8), then the button says no more.
  await editor.getByTestId('annotation-kind').selectOption('note');
  for (let i = 0; i < 6; i++) await add(editor, 'note', { text: `note ${i}` });
  await expect(editor.getByTestId('annotation-add')).toBeDisabled();
  await expect(editor.locator('.annotation-hint')).toHaveText('This chart has its 8 annotations already.');
});

test('a callout whose model is filtered out hides, and the figure says so', async ({ page }) => {
  await gotoReady(page, '/');
  const editor = await openEditor(page, 'training-cost');
  await add(editor, 'system', { system: 'llama-65b', text: 'the base' });
  await expect(page.getByTestId('annotations-training-cost')).toContainText('① LLaMA-65B: the base');
  const url = new URL(page.url());
  url.searchParams.append('org', 'openai');
  await gotoReady(page, url.pathname + url.search);
  const key = page.getByTestId('annotations-training-cost');
  await expect(key).toContainText('1 annotation hidden: its model is not in view');
  await expect(key).not.toContainText('the base');
  await expect(page.locator('#training-cost .bar-label', { hasText: '①' })).toHaveCount(0);
  const svg = await downloadSvg(page, 'training-cost', 'slide-16x9');
  expect(svg).toContain('1 annotation hidden: its model is not in view');
});

test('a tampered annotation parameter gives a notice and changes nothing else', async ({ page }) => {
  const watch = watchPage(page);
  await gotoReady(page, '/?cscale=linear&ann=1.W1siYyIsInRyYWluaW5nLWNvc3Qi!!');
  await expect(page.getByTestId('url-notice')).toContainText('ann');
  await expect(page.getByTestId('cost-plot')).toHaveAttribute('data-scale', 'linear');
  await expect(page.getByTestId('annotations-training-cost')).toHaveCount(0);
  await expect(page).toHaveURL(/\?cscale=linear$/);
  expect(watch.consoleErrors).toEqual([]);
});

for (const lang of ['en', 'zh-CN'] as const)
  test(`the stories open from their links (${lang})`, async ({ page }) => {
    await gotoReady(page, `/?lang=${lang}`);
    await page.getByTestId('stories-open').click();
    const dialog = page.getByTestId('stories-dialog');
    await expect(dialog.locator('.story-list li')).toHaveCount(3);
    await dialog.getByTestId('story-llama-family').click();
    await page.locator('.views[data-views-ready]').waitFor({ state: 'attached', timeout: 15_000 });
    await expect(page).toHaveURL(/[?&]tl=wave-2023&.*ann=1\..*#timeline$/);
    const key = page.getByTestId('annotations-timeline');
    await expect(key.locator('li')).toHaveCount(5);
    await expect(key).toContainText(lang === 'en' ? '① ' : '① ');
    await expect(page.locator('#timeline .annotation-band')).toHaveCount(1);
    const frame = page.getByTestId('chart-timeline');
    await frame.scrollIntoViewIfNeeded();
    await expectLaidOut(frame);
    await frame.screenshot({ path: join(OUT, `story-llama.${lang}.png`) });

    await page.getByTestId('stories-open').click();
    await page.getByTestId('story-alpaca-cost').click();
    await page.locator('.views[data-views-ready]').waitFor({ state: 'attached', timeout: 15_000 });
    await expect(page.getByTestId('annotations-training-cost').locator('li')).toHaveCount(1);
    await expect(page.getByTestId('annotations-gpu-hours').locator('li')).toHaveCount(2);
    await expect(page.locator('#gpu-hours .bar-row[data-system-id="llama-7b"] .bar-label')).toContainText('①');
    for (const panel of ['training-cost', 'gpu-hours']) {
      const f = page.getByTestId(`chart-${panel}`);
      await f.scrollIntoViewIfNeeded();
      await expectLaidOut(f);
      await f.screenshot({ path: join(OUT, `story-alpaca.${panel}.${lang}.png`) });
    }

    await page.getByTestId('stories-open').click();
    await page.getByTestId('story-gpt3-co2').click();
    await page.locator('.views[data-views-ready]').waitFor({ state: 'attached', timeout: 15_000 });
    await expect(page).toHaveURL(/#co2$/);
    const co2Key = page.getByTestId('annotations-co2');
    await expect(co2Key.locator('li')).toHaveCount(3);
    await expect(co2Key).toContainText(lang === 'en' ? '① GPT-3: ≈ 3 round trips' : '① GPT-3：≈ 整架喷气机');
    await expect(page.locator('#co2 .co2-value, #co2 text', { hasText: '②' }).first()).toBeVisible();
    const co2 = page.getByTestId('chart-co2');
    await co2.scrollIntoViewIfNeeded();
    await expectLaidOut(co2);
    await co2.screenshot({ path: join(OUT, `story-gpt3.co2.${lang}.png`) });
  });

test('a phone: the editor fits 375 px and adds a callout', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await gotoReady(page, '/');
  const editor = await openEditor(page, 'training-cost');
  await add(editor, 'system', { system: 'alpaca', text: 'on a phone' });
  await expect(page.getByTestId('annotations-training-cost')).toContainText('① Alpaca: on a phone');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByTestId('chart-training-cost').screenshot({ path: join(OUT, 'phone.training-cost.png') });
});

test('Present, Embed and Print draw the annotations of the link; the open editor passes axe in light and dark', async ({ page }) => {
  await gotoReady(page, '/');
  await page.getByTestId('stories-open').click();
  const href = await page.getByTestId('story-llama-family').getAttribute('href');
  const url = new URL(href!);
  const search = url.search;

  // Present and Embed draw the figure model: the badges in the plot and the key under it.
  for (const mode of ['present', 'embed']) {
    await page.goto(`/${search}&${mode}=timeline`);
    const figure = page.locator('.figure-box svg').first();
    await expect(figure).toBeVisible({ timeout: 15_000 });
    await expect(figure.locator('#figure-notes')).toContainText('① Feb 24, 2023 – Apr 3, 2023');
    await expect(figure.locator('#figure-guides rect')).toHaveCount(1);
    await expect(figure.locator('#figure-plot text', { hasText: /②$/ })).toHaveCount(1);
  }

  // Print: the key prints under the chart; the Annotate button and the editor do not.
  await gotoReady(page, `/${search}`);
  await page.getByTestId('annotate-timeline').click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('annotations-timeline')).toBeVisible();
  await expect(page.getByTestId('annotate-timeline')).toBeHidden();
  await expect(page.locator('#timeline .annotation-editor')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const result = await new AxeBuilder({ page })
      .setLegacyMode()
      .include('#timeline')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
      .analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${scheme}: ${v.id}`);
    expect(serious).toEqual([]);
  }
});

test('with the pointer: click a bar to anchor a callout, click another to move it there', async ({ page }) => {
  await gotoReady(page, '/');
  const editor = await openEditor(page, 'training-cost');
  await page.locator('#training-cost .bar-row[data-system-id="koala"]').click();
  await expect(editor.getByTestId('annotation-system')).toHaveValue('koala');
  await editor.getByTestId('annotation-text').fill('under $100');
  await editor.getByTestId('annotation-add').click();
  const key = page.getByTestId('annotations-training-cost');
  await expect(key).toContainText('① Koala: under $100');
  await page.locator('#training-cost .bar-row[data-system-id="dolly-1"]').click();
  await editor.getByTestId('annotation-to-selected').click();
  await expect(key).toContainText('① Dolly 1.0 (dolly-v1-6b): under $100');
  await expect(page.locator('#training-cost .bar-row[data-system-id="dolly-1"] .bar-label')).toContainText('①');
});

test('with Epoch’s ~1,900 systems: a callout and a band on the cost chart, exported for a slide', async ({ page }) => {
  test.setTimeout(120_000);
  await gotoReady(page, '/');
  await replaceWithEpochCsv(page);
  const editor = await openEditor(page, 'training-cost');
  const options = editor.getByTestId('annotation-system').locator('option');
  expect(await options.count()).toBeGreaterThan(50);
  const first = await options.first().getAttribute('value');
  const name = (await options.first().textContent())!;
  await editor.getByTestId('annotation-system').selectOption(first!);
  await editor.getByTestId('annotation-text').fill('the most expensive run in view');
  await editor.getByTestId('annotation-text').press('Enter');
  await add(editor, 'band', { from: '1M', to: '10M', text: 'a million to ten' });
  const key = page.getByTestId('annotations-training-cost');
  await expect(key).toContainText(`① ${name}: the most expensive run in view`);
  await expect(key).toContainText('② $1M – $10M: a million to ten');
  const svg = await downloadSvg(page, 'training-cost', 'slide-16x9');
  expect(svg).toContain(`① ${name}: the most expensive run in view`.replace(/&/g, '&amp;'));
  writeFileSync(join(OUT, 'epoch.training-cost.slide-16x9.svg'), svg);
  const menu = page.getByTestId('export-training-cost');
  await menu.scrollIntoViewIfNeeded();
  if (!(await page.getByTestId('export-training-cost-preset').isVisible())) await menu.click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-training-cost-preset-png').click()]);
  writeFileSync(join(OUT, 'epoch.training-cost.slide-16x9.png'), readFileSync(await dl.path()));
});
