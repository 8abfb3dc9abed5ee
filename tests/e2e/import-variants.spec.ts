import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectEveryRecordCounted, gotoReady, tableRows, watchPage } from './helpers';

/*
 * Epoch's file merged into the bundled data: the preview proposes the models Epoch names
 * differently ("BLOOM-176B" ≈ BLOOM-175B), the defaults are accepted, and afterwards no such
 * pair is left twice, while Epoch's training compute shows in the explorer.
 */

// Resolved from the working directory (the repository root, where Playwright runs).
const EPOCH_CSV = resolve('../shared/research/epoch-all-ml-systems-2025.csv');
const SCREENS = join(process.env.E2E_RESULTS_DIR ?? 'test-results', 'screens');
const SLOW = 120_000;

/** Epoch's name, ours, and a search that finds both (a handful of rows, all drawn by the virtual list). */
const STRONG: [string, string, string][] = [
  ['BLOOM-176B', 'BLOOM-175B', 'BLOOM'],
  ['Dolly 2.0-12b', 'Dolly 2.0 (dolly-v2-12b)', 'Dolly'],
  ['GPT-3 175B (davinci)', 'GPT-3', 'GPT-3'],
  ['Segment Anything Model', 'SAM (Segment Anything Model)', 'Segment Anything'],
  ['Vicuna-13B v0', 'Vicuna-13B', 'Vicuna'],
  ['Vicuna-7B v0', 'Vicuna-7B', 'Vicuna'],
];
const WEAK: [string, string, string][] = [
  ['CLIP (ViT L/14@336px)', 'CLIP', 'CLIP'],
  ['Midjourney V1', 'Midjourney', 'Midjourney'],
];

const count = (page: Page) => page.getByTestId('result-count');

/** The names of the explorer's rows drawn now. */
function names(page: Page): Promise<string[]> {
  return tableRows(page).evaluateAll((rows) => rows.map((tr) => tr.querySelector('td[data-field="name"] .cell-text')?.textContent ?? ''));
}

test('Epoch CSV merged: variant names asked about, no duplicate pair left, FLOP shown', async ({ page }) => {
  test.setTimeout(5 * 60_000);
  mkdirSync(SCREENS, { recursive: true });
  const watch = watchPage(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await gotoReady(page);
  await expect(count(page)).toHaveText('28 of 28: 26 models · 2 apps/libraries');

  await page.getByTestId('import-open').click();
  await page.getByTestId('import-file').setInputFiles(EPOCH_CSV);
  await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: SLOW });
  await expect(page.getByTestId('import-mode-merge')).toBeChecked();
  await expect(page.getByTestId('import-conflicts')).toContainText('9 systems are in both');

  // The proposed pairs, strong ones answered "Same", weak ones "Different".
  const variants = page.getByTestId('import-variants');
  await expect(variants).toContainText('8 systems may be in both under another name');
  const rows = variants.getByTestId('import-variant-row');
  await expect(rows).toHaveCount(8);
  for (const [imported, current] of [...STRONG, ...WEAK]) {
    const row = rows.filter({ has: page.getByRole('cell', { name: imported, exact: true }) });
    await expect(row.locator('td').nth(1)).toHaveText(current);
    const strong = STRONG.some(([i]) => i === imported);
    await expect(row.locator('td').nth(2)).toHaveText(strong ? 'strong' : /^weak: /);
    await expect(row.getByRole('radio', { name: strong ? 'Same' : 'Different' })).toBeChecked();
  }
  await expect(page.getByTestId('import-outcome')).toHaveText('After the import the dashboard shows 1,908 systems.');
  await variants.scrollIntoViewIfNeeded();
  await page.getByTestId('import-dialog').screenshot({ path: join(SCREENS, 'item7-variants-1280.png') });
  await page.setViewportSize({ width: 375, height: 812 });
  await variants.scrollIntoViewIfNeeded();
  await page.getByTestId('import-dialog').screenshot({ path: join(SCREENS, 'item7-variants-375.png') });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toBeVisible({ timeout: SLOW });
  await expect(page.getByTestId('import-done-summary')).toContainText('1,876 added, 0 replaced by the imported record, 15 kept');
  await page.getByTestId('import-close').click();
  // 1,908 records: 1,904 systems counted, and the 4 bundled papers and events beside the count.
  await expectEveryRecordCounted(page, 1908, SLOW);
  await expect(count(page)).toHaveText(/^1,904 of 1,904: /);

  // No pair of the kinds above is left twice: the strong ones are one (bundled) record, the weak ones two.
  const search = page.getByRole('searchbox');
  for (const [imported, current, query] of STRONG) {
    await search.fill(query);
    await expect.poll(() => names(page), { message: imported }).toContain(current);
    expect(await names(page), imported).not.toContain(imported);
  }
  for (const [imported, current, query] of WEAK) {
    await search.fill(query);
    await expect.poll(() => names(page), { message: imported }).toEqual(expect.arrayContaining([imported, current]));
  }

  // Epoch's training compute is in the explorer: Chinchilla's figure, and the largest first when sorted.
  await search.fill('Chinchilla');
  await expect.poll(() => names(page)).toEqual(['Chinchilla']);
  const flopCell = tableRows(page).first().locator('td[data-field="flop"]');
  await expect(flopCell.locator('.cell-text')).toHaveText(/^\d(\.\d+)?×10[⁰¹²³⁴⁵⁶⁷⁸⁹]+ FLOP$/);
  await expect(flopCell.locator('.badge-estimate')).toBeVisible();
  await search.fill('');
  await expect(count(page)).toHaveText(/^1,904 of 1,904: /);
  await page.getByTestId('sort-flop').click();
  await expect(page.getByRole('columnheader', { name: /Training compute/ })).toHaveAttribute('aria-sort', 'descending');
  const top = () =>
    tableRows(page)
      .locator('td[data-field="flop"] .cell-text')
      .evaluateAll((cells) => cells.slice(0, 10).map((c) => /×10[⁰¹²³⁴⁵⁶⁷⁸⁹]+ FLOP$/.test(c.textContent ?? '')));
  await expect.poll(top).toEqual(Array(10).fill(true));
  const table = page.locator('.models-table');
  await table.scrollIntoViewIfNeeded();
  await page.getByTestId('models-table-scroll').evaluate((el) => {
    const cell = el.querySelector('th.col-flop');
    if (cell instanceof HTMLElement) el.scrollLeft = Math.max(0, cell.offsetLeft - 400);
  });
  await table.screenshot({ path: join(SCREENS, 'item7-flop-1280.png') });
  await page.setViewportSize({ width: 375, height: 812 });
  await table.scrollIntoViewIfNeeded();
  await page.getByTestId('models-table-scroll').evaluate((el) => {
    const cell = el.querySelector('th.col-flop');
    if (cell instanceof HTMLElement) el.scrollLeft = Math.max(0, cell.offsetLeft - 120);
  });
  await page.screenshot({ path: join(SCREENS, 'item7-flop-375.png') });

  expect(watch.consoleErrors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});
