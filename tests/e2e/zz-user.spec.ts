import { resolve } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { gotoReady } from './helpers';
test.setTimeout(300_000);
test('user walk', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await gotoReady(page);
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-file').setInputFiles(resolve('../shared/research/epoch-all-ml-systems-2025.csv'));
  await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('import-mode-replace').check();
  await page.getByTestId('import-confirm').click();
  // The done step's own Close (the dialog's × is labelled Close too).
  await page.getByTestId('import-close').click();
  await expect(page.getByTestId('import-dialog')).toBeHidden({ timeout: 60_000 });
  await page.goto(page.url().split('?')[0] + '?org=google&dfrom=2020-01&dto=2023-12');
  await page.locator('.views[data-views-ready]').waitFor({ state: 'attached', timeout: 30_000 });
  await page.screenshot({ path: '/tmp/shots/user-page.png' });
  for (const [panel, preset] of [
    ['training-cost', 'slide-16x9'],
    ['gpu-hours', 'slide-16x9'],
    ['training-cost', 'journal-1col'],
  ]) {
    const menu = page.getByTestId(`export-${panel}`);
    await menu.scrollIntoViewIfNeeded();
    await menu.click();
    await page.getByTestId(`export-${panel}-preset`).selectOption(preset);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${panel}-preset-png`).click()]);
    writeFileSync(`/tmp/shots/user-${panel}-${preset}.png`, readFileSync(await dl.path()));
    await menu.click();
  }
  await page.goto(page.url() + '&lang=zh-CN');
  await page.locator('.views[data-views-ready]').waitFor({ state: 'attached', timeout: 30_000 });
  const menu = page.getByTestId('export-training-cost');
  await menu.scrollIntoViewIfNeeded();
  await menu.click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-training-cost-preset-png').click()]);
  writeFileSync('/tmp/shots/user-zh-slide.png', readFileSync(await dl.path()));
  await page.setViewportSize({ width: 375, height: 812 });
  await page.reload();
  await page.locator('.views[data-views-ready]').waitFor({ state: 'attached', timeout: 30_000 });
  const m2 = page.getByTestId('export-gpu-hours');
  await m2.scrollIntoViewIfNeeded();
  await m2.click();
  await page.screenshot({ path: '/tmp/shots/user-phone-menu.png' });
  await page.getByTestId('export-gpu-hours-preset').selectOption('square');
  const [dl2] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-gpu-hours-preset-png').click()]);
  writeFileSync('/tmp/shots/user-phone-square.png', readFileSync(await dl2.path()));
});
