import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { expect, test } from '@playwright/test';
import { EPOCH_CSV, gotoReady, replaceWithEpochCsv, watchPage } from './helpers';

/** Epoch rows with a training-compute figure and a publication date: what the chart must draw after the import. */
function epochDatedWithFlop(): number {
  const rows = Papa.parse<Record<string, string>>(readFileSync(EPOCH_CSV, 'utf8'), { header: true, skipEmptyLines: true }).data;
  return rows.filter((r) => Number(r['Training compute (FLOP)']) > 0 && /^\d{4}-\d{2}(-\d{2})?$/.test(r['Publication date'] ?? '')).length;
}

test('bundled data: points, the trend sentence, and the metric in the URL', async ({ page }) => {
  const watch = watchPage(page);
  await gotoReady(page, '/');
  const panel = page.locator('#scale');
  await panel.scrollIntoViewIfNeeded();
  const plot = panel.getByTestId('scale-plot');
  await expect(plot).toHaveAttribute('data-points', '10');
  await expect(panel.locator('circle.scale-point')).toHaveCount(10);
  await expect(panel.getByTestId('scale-trend-text')).toHaveText(/^Trend 2020–2023: halves every [\d.]+ months \(95% CI .+; n=10\)$/);

  await panel.getByTestId('scale-metric').selectOption('params');
  await expect(page).toHaveURL(/[?&]sm=params(&|$)/);
  await expect(plot).toHaveAttribute('data-points', '20');
  await panel.getByTestId('scale-period-preset').getByText('2020–2023').click();
  await expect(page).toHaveURL(/[?&]st=2020\.\.2023(&|$)/);

  // The link brings the same view back.
  await page.reload();
  await page.locator('.views[data-views-ready]').waitFor({ state: 'attached', timeout: 30_000 });
  await expect(page.locator('#scale').getByTestId('scale-metric')).toHaveValue('params');
  await expect(page.locator('#scale').getByTestId('scale-plot')).toHaveAttribute('data-points', '20');
  expect(watch.consoleErrors).toEqual([]);
});

test('Epoch’s CSV imported: one point per dated system with FLOP, and a doubling time', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await gotoReady(page, '/');
  await replaceWithEpochCsv(page);

  const panel = page.locator('#scale');
  await panel.scrollIntoViewIfNeeded();
  const expected = epochDatedWithFlop();
  expect(expected).toBeGreaterThan(900);
  await expect(panel.getByTestId('scale-plot')).toHaveAttribute('data-points', String(expected), { timeout: 30_000 });
  await expect(panel.locator('circle.scale-point')).toHaveCount(expected);
  await expect(panel.getByTestId('scale-trend-text')).toHaveText(/doubles every [\d.]+ months \(95% CI [\d.]+–[\d.]+; n=[\d,]+\)$/);
  await expect(panel.getByTestId('chart-scale-count')).toContainText(`${expected.toLocaleString('en')} of`);

  // The 2010-on period: the deep-learning era's doubling time, with its interval.
  await panel.getByTestId('scale-period-preset').getByText('2010–now').click();
  await expect(page).toHaveURL(/[?&]st=2010\.\.\d{4}(&|$)/);
  await expect(panel.getByTestId('scale-trend-text')).toHaveText(/^Trend 2010–\d{4}: doubles every [\d.]+ months/);
});
