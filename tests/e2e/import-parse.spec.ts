import { expect, test } from '@playwright/test';
import { gotoReady, tableIds, watchPage } from './helpers';

/*
 * Reading CSV in the browser's import worker: a semicolon-separated file, as spreadsheets in many
 * locales save it, with one row whose name is 10 MB. The delimiter is named in the preview, the
 * oversized row is rejected with its row number, and the other rows merge into every view.
 */

const HUGE_NAME = 'x'.repeat(10_000_000);
const SEMICOLON_CSV = [
  'Name;Organization;Release date;Parameters',
  'Parse Test Alpha;Lab A, Lab B;2023-03-01;7000000000',
  `${HUGE_NAME};Somewhere;2023-03-02;1`,
  'Parse Test Beta;"Lab; C";2023-03-03;13000000000',
  '',
].join('\r\n');

test('a semicolon CSV: delimiter in the preview, the 10 MB name rejected with its row, the other rows merged', async ({ page }) => {
  test.setTimeout(120_000);
  const watch = watchPage(page);
  const workerScripts: string[] = [];
  page.on('request', (r) => {
    if (/import\.worker[^/]*\.js$/.test(new URL(r.url()).pathname)) workerScripts.push(r.url());
  });
  await gotoReady(page);
  await expect(page.getByTestId('result-count')).toHaveText('28 of 28: 26 models · 2 apps/libraries');

  await page.getByTestId('import-open').click();
  await expect(page.getByTestId('import-dialog')).toBeVisible();
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'semicolon.csv', mimeType: 'text/csv', buffer: Buffer.from(SEMICOLON_CSV, 'utf8') });

  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('import-delimiter')).toHaveText(' · Delimiter: semicolon');
  await expect(page.getByTestId('import-rows-read')).toHaveText('3');
  await expect(page.getByTestId('import-valid')).toHaveText('2');
  await expect(page.getByTestId('import-rejected')).toHaveText('1');
  const rejected = page.getByTestId('import-rejected-rows').locator('tbody tr');
  await expect(rejected).toHaveCount(1);
  await expect(rejected.locator('td')).toHaveText(['2', 'Name', 'longer than 200 characters']);
  // Nothing of the 10 MB name reaches the page.
  expect((await page.getByTestId('import-dialog').innerText()).length).toBeLessThan(20_000);

  await expect(page.getByTestId('import-outcome')).toHaveText('After the import the dashboard shows 34 systems.');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('import-close').click();
  await expect(page.getByTestId('result-count')).toHaveText('30 of 30: 28 models · 2 apps/libraries');

  await page.getByRole('searchbox').fill('Parse Test');
  await expect.poll(() => tableIds(page)).toEqual(expect.arrayContaining(['parse-test-alpha', 'parse-test-beta']));
  await expect(page.getByTestId('models-table').locator('tbody tr[data-system-id="parse-test-beta"]')).toContainText('Lab; C');
  await expect(page.getByTestId('systems-in-view')).toContainText('Parse Test Alpha');
  // The widest thing on the page is still the page, not a 10 MB name.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThan(5000);
  // papaparse ran in our worker under the CSP: nothing blocked, nothing logged.
  expect(workerScripts).toHaveLength(1);
  expect(watch.consoleErrors).toEqual([]);
});
