import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectLaidOut, gotoReady, replaceWithEpochCsv, watchPage } from './helpers';

/*
 * The CO₂ methods part: every run recomputed under one method (in the link), each published
 * figure reproduced from its own inputs, the sensitivity view, the methods text, and the figure
 * exported with its method stated.
 */

const SCREENS = join(process.env.E2E_RESULTS_DIR ?? 'test-results', 'screens');
test.beforeAll(() => mkdirSync(SCREENS, { recursive: true }));

const part = (page: Page) => page.getByTestId('co2-methods');

/** Each drawn run: its id, the recomputed value and the published one (or null). */
async function recomputed(page: Page): Promise<Map<string, { recomputed: number; published: number | null }>> {
  const rows = await part(page)
    .getByTestId('co2m-row')
    .evaluateAll((els) =>
      els.map((el) => [
        el.getAttribute('data-id') ?? '',
        Number(el.querySelector('[data-testid="co2m-recomputed"]')?.getAttribute('data-value')),
        el.querySelector('[data-testid="co2m-published"]')?.getAttribute('data-value') ?? null,
      ]),
    );
  return new Map(rows.map(([id, r, p]) => [id as string, { recomputed: r as number, published: p === null ? null : Number(p) }]));
}

async function openPart(page: Page, query = '') {
  await gotoReady(page, `/${query}#co2`);
  await part(page).scrollIntoViewIfNeeded();
  await expect(part(page).getByTestId('co2m-row').first()).toBeVisible();
}

test('switching the method and the grid changes every recomputed bar and the link; published figures stay', async ({ page }) => {
  const { consoleErrors } = watchPage(page);
  await openPart(page);
  const llama = await recomputed(page);
  // LLaMA's method by default: Table 15's 173 t for LLaMA-65B, GPT-3 on V100 at TDP.
  expect(llama.get('llama-65b')!.recomputed).toBeCloseTo(173.19, 1);
  expect(llama.get('llama-65b')!.published).toBe(173);
  expect(llama.get('gpt-3')!.recomputed).toBeCloseTo(451.3, 1);
  expect(llama.get('gpt-3')!.published).toBe(552);
  await expect(part(page).getByTestId('co2m-statement')).toContainText('Method: LLaMA 2023 / Wu et al. 2022');

  // Patterson et al.: measured power, which no source gives for the A100, so only V100 runs remain.
  await part(page).getByTestId('co2m-method').selectOption('patterson');
  await expect(page).toHaveURL(/[?&]co2m=patterson/);
  await expect(part(page).getByTestId('co2m-statement')).toContainText('Method: Patterson et al. 2021');
  const patterson = await recomputed(page);
  expect([...patterson.keys()].sort()).toEqual(['clip', 'gpt-3']);
  for (const [id, r] of patterson) expect(r.recomputed, id).not.toBeCloseTo(llama.get(id)!.recomputed, 3);
  await part(page).getByTestId('co2m-left-out').locator('summary').click();
  await expect(part(page).getByTestId('co2m-left-out')).toContainText('LLaMA-65B: no measured power is published for the NVIDIA A100-80GB');

  // Back to LLaMA's method on France's grid (BLOOM's): every bar × 0.057 / 0.385.
  await part(page).getByTestId('co2m-method').selectOption('llama');
  await part(page).getByTestId('co2m-grid').selectOption('fr-bloom');
  await expect(page).toHaveURL(/[?&]co2g=fr-bloom/);
  await expect(page).not.toHaveURL(/co2m=/);
  const france = await recomputed(page);
  expect(france.size).toBe(llama.size);
  for (const [id, r] of france) {
    expect(r.recomputed, id).toBeCloseTo((llama.get(id)!.recomputed * 0.057) / 0.385, 6);
    expect(r.published, id).toBe(llama.get(id)!.published);
  }

  // The link opens the same view in a fresh page.
  const url = page.url();
  const fresh = await page.context().newPage();
  await fresh.goto(url);
  await fresh.getByTestId('co2-methods').scrollIntoViewIfNeeded();
  await expect(fresh.getByTestId('co2m-grid')).toHaveValue('fr-bloom');
  await expect(fresh.getByTestId('co2m-statement')).toContainText('0.057 kg CO₂e/kWh');
  await fresh.close();
  expect(consoleErrors).toEqual([]);
});

test('a tampered method in the link falls back to the default with a notice', async ({ page }) => {
  await openPart(page, '?co2m=made-up&co2g=mars');
  await expect(page.getByTestId('url-notice')).toContainText('Some settings in the link were ignored');
  await expect(part(page).getByTestId('co2m-method')).toHaveValue('llama');
  await expect(part(page).getByTestId('co2m-grid')).toHaveValue('method');
});

test('each published figure is reproduced from its own inputs: GPT-3, BLOOM’s life cycle and Table 15', async ({ page }) => {
  await openPart(page);
  const repro = part(page).getByTestId('co2m-reproduce');
  await repro.scrollIntoViewIfNeeded();
  const row = (run: string, p: string) => repro.locator(`[data-testid="co2m-repro-row"][data-run="${run}"][data-part="${p}"]`);
  // Cells after the run's heading: figure, published, from the inputs, difference.
  await expect(row('gpt-3', 'energy').locator('td').nth(1)).toHaveText('1,287');
  await expect(row('gpt-3', 'energy').locator('td').nth(2)).toHaveText('1,287.06');
  await expect(row('gpt-3', 'total')).toContainText('552.15');
  for (const [p, computed] of [
    ['dynamic', '24.69'],
    ['idle', '14.63'],
    ['embodied', '11.21'],
    ['total', '50.53'],
  ])
    await expect(row('bloom-175b', p)).toContainText(computed);
  await expect(row('llama-65b', 'table15')).toContainText('as printed');
  await expect(row('bloom-175b', 'table15')).toContainText('MWh differ: the paper prints 475');
  await expect(repro.getByTestId('co2m-repro-inputs')).toContainText('3.14×10²³ FLOP');
});

test('the sensitivity view ranks the inputs for the chosen model and follows the method', async ({ page }) => {
  await openPart(page);
  const sens = part(page).getByTestId('co2m-sensitivity');
  await sens.scrollIntoViewIfNeeded();
  await expect(sens.getByTestId('co2m-sensitivity-base')).toContainText('LLaMA-65B under LLaMA 2023 / Wu et al. 2022: 173 t CO₂e');
  const inputs = () => sens.getByTestId('co2m-tornado-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-input')));
  expect(await inputs()).toEqual(['development', 'grid', 'pue']);
  await expect(sens.locator('[data-input="grid"]')).toContainText('0.056');
  await expect(sens.locator('[data-input="grid"]')).toContainText('0.545');

  await sens.getByTestId('co2m-sensitivity-model').selectOption('gpt-3');
  await expect(sens.getByTestId('co2m-sensitivity-base')).toContainText('GPT-3 under');
  // The V100 has a TDP and a measured power: power joins the inputs.
  expect(await inputs()).toContain('power');

  await part(page).getByTestId('co2m-method').selectOption('bloom-lca');
  await expect(sens.getByTestId('co2m-sensitivity-base')).toContainText('under BLOOM life cycle');
  expect(await inputs()).toEqual(expect.arrayContaining(['idle', 'embodied']));
});

test('the methods text states the method and its sources, with BibTeX, and copies', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPart(page, '?co2m=bloom-lca');
  const text = part(page).getByTestId('co2m-methods-text');
  await text.scrollIntoViewIfNeeded();
  const paragraph = text.getByTestId('co2m-methods-paragraph');
  await expect(paragraph).toHaveValue(/recomputed with the method of Luccioni et al\. 2023/);
  await expect(paragraph).toHaveValue(/0\.057 kg CO₂e\/kWh/);
  await expect(text.getByTestId('co2m-methods-bibtex')).toHaveValue(/@article\{luccioni2023,[\s\S]*eprint\s+= \{2211\.02001\}/);
  await text.getByTestId('co2m-copy-bibtex').click();
  await expect(text.getByRole('status')).toHaveText('Copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('@article{luccioni2023,');
});

test('the figure exports at a slide size with its method stated, and cites the method’s papers', async ({ page }) => {
  await openPart(page, '?co2m=patterson&co2g=us-2022-eia');
  const menu = page.getByTestId('export-co2-methods');
  await menu.scrollIntoViewIfNeeded();
  await menu.click();
  await page.getByTestId('export-co2-methods-preset').selectOption('slide-16x9');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-co2-methods-preset-svg').click()]);
  const svg = readFileSync(await dl.path(), 'utf8');
  const text = await page.evaluate((s) => new DOMParser().parseFromString(s, 'image/svg+xml').documentElement.textContent ?? '', svg);
  expect(text).toContain('CO₂ under one method');
  expect(text).toContain('Method: Patterson et al. 2021.');
  expect(text).toContain('0.39 kg CO₂e/kWh');
  expect(text).toMatch(/co2m=patterson/);
  await page.getByTestId('export-co2-methods-cite').click();
  await expect(page.getByTestId('export-co2-methods-cite-text')).toHaveValue(/recomputed with the method of Patterson et al\. 2021/);
});

test('in Chinese and on a phone: the part reads in Chinese and nothing spills sideways', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await openPart(page, '?lang=zh-CN');
  await expect(part(page).getByRole('heading', { level: 3 })).toHaveText('同一方法下的 CO₂：已发表与重新计算并列');
  await expect(part(page).getByTestId('co2m-statement')).toContainText('方法：');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectLaidOut(part(page));
  await part(page).screenshot({ path: join(SCREENS, 'co2-methods-zh-375.png') });
});

test('with Epoch’s ~1,900 systems: the largest recomputed runs are drawn, the rest counted and listed', async ({ page }) => {
  test.setTimeout(180_000);
  const { consoleErrors } = watchPage(page);
  await gotoReady(page);
  await replaceWithEpochCsv(page);
  await page.goto(`${page.url().split('#')[0]}#co2`);
  await part(page).waitFor({ timeout: 60_000 });
  await part(page).scrollIntoViewIfNeeded();
  await expect(part(page).getByTestId('co2m-row')).toHaveCount(40);
  await expect(part(page).getByTestId('co2m-cap-note')).toContainText(/Showing the 40 largest of \d{3} recomputed runs/);
  await expect(part(page).getByTestId('co2m-left-out').locator('summary')).toContainText(/^1,\d{3} models not recomputed, and why$/);
  await part(page).getByTestId('co2m-method').selectOption('bloom-lca');
  await expect(part(page).getByTestId('co2m-statement')).toContainText('BLOOM life cycle');
  expect(consoleErrors).toEqual([]);
});
