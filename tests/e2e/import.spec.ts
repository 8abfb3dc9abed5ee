import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectEveryRecordCounted, gotoReady, waitVisible, watchPage } from './helpers';

/*
 * "Bring your own data" in a real browser: the worker, IndexedDB, the file picker and drag and
 * drop. Importing Epoch's 1,892 rows into every view takes a while: the generous timeouts are
 * waits, not speed assertions (the time is logged).
 */

// Resolved from the working directory (the repository root, where Playwright runs).
const EPOCH_CSV = resolve('../shared/research/epoch-all-ml-systems-2025.csv');
const SCREENS = join(process.env.E2E_RESULTS_DIR ?? 'test-results', 'screens');
const SLOW = 120_000;

const count = (page: Page) => page.getByTestId('result-count');

async function openImport(page: Page) {
  await page.getByTestId('import-open').click();
  await expect(page.getByTestId('import-dialog')).toBeVisible();
}

async function pickFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await openImport(page);
  await page.getByTestId('import-file').setInputFiles(file);
}

test('Epoch CSV: preview, merge, every view shows it, reload keeps it, back to the bundled dataset', async ({ page }) => {
  test.setTimeout(5 * 60_000);
  const watch = watchPage(page);
  const workerScripts: string[] = [];
  page.on('request', (r) => {
    if (/import\.worker[^/]*\.js$/.test(new URL(r.url()).pathname)) workerScripts.push(r.url());
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await gotoReady(page);
  await expect(count(page)).toHaveText('28 of 28: 26 models · 2 apps/libraries');

  await openImport(page);
  await page.getByTestId('import-dialog').screenshot({ path: join(SCREENS, 'import-pick-1280.png') });
  const tRead = Date.now();
  await page.getByTestId('import-file').setInputFiles(EPOCH_CSV);
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible({ timeout: SLOW });
  console.log(`[import] Epoch CSV: file chosen → preview in ${Date.now() - tRead} ms`);
  // The analysis ran in the worker, not in the page's thread (the fallback).
  expect(workerScripts).toHaveLength(1);
  await expect(page.getByTestId('import-file-line')).toContainText('epoch-all-ml-systems-2025.csv');
  await expect(page.getByTestId('import-file-line')).toContainText('Epoch AI');
  await expect(page.getByTestId('import-rows-read')).toHaveText('1,892');
  const valid = Number((await page.getByTestId('import-valid').innerText()).replace(/,/g, ''));
  const rejected = Number((await page.getByTestId('import-rejected').innerText()).replace(/,/g, ''));
  expect(valid).toBeGreaterThan(1000);
  expect(valid + rejected).toBe(1892);
  await expect(page.getByTestId('import-mapped')).toContainText('Model');
  await expect(page.getByTestId('import-mode-merge')).toBeChecked();
  // Epoch knows some of the bundled models (GPT-3, OPT-175B, LLaMA…): they are listed as conflicts.
  await expect(page.getByTestId('import-conflicts')).toBeVisible();
  await page.getByTestId('import-dialog').screenshot({ path: join(SCREENS, 'import-preview-1280.png') });
  await page.getByTestId('import-dialog').evaluate((d) => d.scrollTo(0, d.scrollHeight));
  await page.getByTestId('import-dialog').screenshot({ path: join(SCREENS, 'import-preview-1280-end.png') });
  // Nothing changed yet.
  await expect(count(page)).toHaveText('28 of 28: 26 models · 2 apps/libraries');

  const outcome = Number((await page.getByTestId('import-outcome').innerText()).replace(/\D/g, ''));
  const t0 = Date.now();
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toBeVisible({ timeout: SLOW });
  await page.getByTestId('import-dialog').screenshot({ path: join(SCREENS, 'import-done-1280.png') });
  await expect(count(page)).toHaveText(/^([\d,]+) of \1: [\d,]+ models · [\d,]+ apps\/libraries$/, { timeout: SLOW });
  const total = Number((await count(page).innerText()).split(' ')[0].replace(/,/g, ''));
  console.log(
    `[import] Epoch CSV merge: Import click → views updated in ${Date.now() - t0} ms; ${total} systems (preview said ${outcome})`,
  );
  expect(total).toBeGreaterThan(1000);
  // The preview counts every record; the bundled papers and events are beside the count, not in it.
  await expectEveryRecordCounted(page, outcome);
  await page.getByTestId('import-close').click();
  await expect(page.getByTestId('import-dialog')).toBeHidden();

  // The banner, and Epoch's models in the views: search narrows every view to them.
  const banner = page.getByTestId('imported-banner');
  await expect(banner).toContainText('epoch-all-ml-systems-2025.csv');
  // The banner names what the file brought: every record, papers and events included.
  await expect(banner).toContainText(`${outcome.toLocaleString('en')} systems, merged`);
  await banner.screenshot({ path: join(SCREENS, 'import-banner-1280.png') });
  await page.getByRole('searchbox').fill('Chinchilla');
  await expect(page.getByTestId('models-table').locator('tbody tr[data-system-id]').first()).toContainText('Chinchilla', { timeout: SLOW });
  await expect(page.getByTestId('systems-in-view')).toContainText('Chinchilla');
  await expect(page.locator('.view-slot[data-view="timeline"] [data-system-id]').first()).toBeAttached();
  await page.getByRole('searchbox').fill('');

  // Reload: the import comes back from IndexedDB.
  await page.reload();
  await waitVisible(count(page), SLOW);
  await expect(count(page)).toHaveText(new RegExp(`^${total.toLocaleString('en')} of ${total.toLocaleString('en')}: `), { timeout: SLOW });
  await expect(banner).toContainText('epoch-all-ml-systems-2025.csv');

  // Back to the bundled dataset, and it stays so after a reload.
  await page.getByTestId('back-to-bundled').click();
  await expect(count(page)).toHaveText('28 of 28: 26 models · 2 apps/libraries', { timeout: SLOW });
  await expect(banner).toHaveCount(0);
  await page.reload();
  await waitVisible(count(page));
  await expect(count(page)).toHaveText('28 of 28: 26 models · 2 apps/libraries');
  await expect(banner).toHaveCount(0);
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});

test('malformed files show the report and change nothing', async ({ page }) => {
  await gotoReady(page);
  await pickFile(page, { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"systems": [ {"name": "A", ') });
  await expect(page.getByTestId('import-fatal')).toBeVisible({ timeout: SLOW });
  await expect(page.getByTestId('import-fatal-reason')).not.toBeEmpty();
  await expect(page.getByTestId('import-fatal').getByRole('button')).toHaveText(['Close']);
  await page.getByTestId('import-close').click();
  await expect(page.getByTestId('import-dialog')).toBeHidden();
  await expect(count(page)).toHaveText('28 of 28: 26 models · 2 apps/libraries');

  await pickFile(page, {
    name: 'no-name.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('organization,parameters\nOpenAI,175000000000\nMeta,7000000000\n'),
  });
  await expect(page.getByTestId('import-fatal')).toBeVisible({ timeout: SLOW });
  await expect(page.getByTestId('import-fatal-reason')).toContainText(/name/i);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-dialog')).toBeHidden();
  await expect(count(page)).toHaveText('28 of 28: 26 models · 2 apps/libraries');
  await expect(page.getByTestId('imported-banner')).toHaveCount(0);
  // Focus is back on the button that opened the dialog.
  await expect(page.getByTestId('import-open')).toBeFocused();
});

test('cancel while reading stops the import; nothing changes', async ({ page }) => {
  test.setTimeout(3 * 60_000);
  await gotoReady(page);
  // About 17 MB (under the 20 MB limit): four copies of Epoch's rows, the longest analysis allowed.
  const text = readFileSync(EPOCH_CSV, 'utf8');
  const [header, ...rest] = text.split('\n');
  const body = rest.join('\n');
  const big = Buffer.from([header, body, body, body, body].join('\n'));
  // The analysis is quick even for this size, so cancel from inside the page the moment the
  // worker's first progress message shows: a Playwright click could arrive after it finished.
  await page.evaluate(() => {
    const w = window as unknown as { cancelledAt?: string };
    const observer = new MutationObserver(() => {
      const progress = document.querySelector('[data-testid="import-reading"] [data-testid="import-progress"]');
      if (!progress || !/^Read /.test(progress.textContent ?? '')) return;
      observer.disconnect();
      w.cancelledAt = progress.textContent ?? '';
      document.querySelector<HTMLButtonElement>('[data-testid="import-reading"] [data-testid="import-cancel"]')?.click();
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  // A cancel terminates the analysis worker: its end is the sign that nothing is left to report.
  const workerGone = new Promise<void>((resolve) => page.on('worker', (worker) => worker.on('close', () => resolve())));
  await pickFile(page, { name: 'big.csv', mimeType: 'text/csv', buffer: big });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { cancelledAt?: string }).cancelledAt), { timeout: SLOW })
    .toMatch(/^Read [\d,]+ of [\d,]+ rows$/);
  const at = (await page.evaluate(() => (window as unknown as { cancelledAt?: string }).cancelledAt)) ?? '';
  console.log(`[import] cancelled at "${at}"`);
  const [done, total] = (at.match(/[\d,]+/g) ?? []).map((v) => Number(v.replace(/,/g, '')));
  expect(done).toBeLessThan(total);
  await expect(page.getByTestId('import-dialog')).toBeHidden();
  // The worker is gone, and the page has run what was queued and painted since: no preview appears.
  await workerGone;
  await page.evaluate(() => new Promise((resolve) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(resolve)), 0)));
  await expect(page.getByTestId('import-dialog')).toBeHidden();
  await expect(count(page)).toHaveText('28 of 28: 26 models · 2 apps/libraries');
});

test('a file over 20 MB is refused before it is read', async ({ page }) => {
  // The 21 MB reach the browser through the DevTools pipe (setInputFiles): most of a minute on a busy machine.
  test.setTimeout(120_000);
  await gotoReady(page);
  await pickFile(page, { name: 'huge.csv', mimeType: 'text/csv', buffer: Buffer.alloc(21 * 1024 * 1024, 0x61) });
  await expect(page.getByTestId('import-fatal-reason')).toContainText('files over 20 MB are not read');
});

test('a file dropped on the page opens the preview', async ({ page }) => {
  await gotoReady(page);
  const lines = readFileSync(EPOCH_CSV, 'utf8').split('\n');
  // The header and the first rows: Epoch's own columns, small.
  const csv = lines.slice(0, 40).join('\n');
  await page.evaluate((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'dropped-epoch.csv', { type: 'text/csv' }));
    const target = document.querySelector('main') ?? document.body;
    target.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, csv);
  await expect(page.getByTestId('import-drag-overlay')).toBeVisible();
  await page.evaluate((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'dropped-epoch.csv', { type: 'text/csv' }));
    (document.querySelector('main') ?? document.body).dispatchEvent(
      new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
    );
  }, csv);
  await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: SLOW });
  await expect(page.getByTestId('import-file-line')).toContainText('dropped-epoch.csv');
  await expect(page.getByTestId('import-drag-overlay')).toHaveCount(0);
  await page.getByTestId('import-cancel').click();
  await expect(count(page)).toHaveText('28 of 28: 26 models · 2 apps/libraries');
});

test('the dialog on a phone (375 px) and in Chinese', async ({ page }) => {
  test.setTimeout(3 * 60_000);
  await page.setViewportSize({ width: 375, height: 812 });
  await gotoReady(page);
  await pickFile(page, EPOCH_CSV);
  await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: SLOW });
  const dialog = page.getByTestId('import-dialog');
  // Nothing in the dialog is wider than the screen.
  const overflow = await dialog.evaluate((d) => d.scrollWidth - d.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: join(SCREENS, 'import-preview-375.png') });
  await dialog.evaluate((d) => d.scrollTo(0, d.scrollHeight));
  await page.screenshot({ path: join(SCREENS, 'import-preview-375-end.png') });
  await page.getByTestId('import-cancel').click();

  await gotoReady(page, '/?lang=zh-CN');
  await pickFile(page, { name: 'no-name.csv', mimeType: 'text/csv', buffer: Buffer.from('organization\nOpenAI\n') });
  await expect(page.getByTestId('import-fatal')).toBeVisible({ timeout: SLOW });
  await expect(page.getByTestId('import-fatal')).toContainText('此文件无法导入');
  await page.screenshot({ path: join(SCREENS, 'import-fatal-375-zh.png') });
});
