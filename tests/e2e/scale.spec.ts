import { expect, test } from '@playwright/test';
import { syntheticDataset } from '../fixtures/synthetic-dataset';
import { expectEveryRecordCounted, shownCount, serveDataset, waitVisible, watchPage } from './helpers';

/*
 * At 10,000 systems the charts draw a bounded subset and say so on the chart. Not a speed test
 * (the benchmark measures speed): the long timeouts are waits for a large dataset to load.
 */
test('10,000 systems: each chart draws a bounded subset and says “showing N of M” on the chart', async ({ page }) => {
  test.setTimeout(120_000);
  const watch = watchPage(page);
  await serveDataset(page, syntheticDataset(10_000, 1));
  await page.goto('/');
  await waitVisible(page.getByTestId('result-count'), 90_000);
  await expectEveryRecordCounted(page, 10_000, 90_000);

  const notes: Record<string, RegExp> = {
    'training-cost': /^Showing the 40 largest of [\d,]+ systems with a training cost/,
    'gpu-hours': /^Showing the 40 largest of [\d,]+ training runs with published GPU-hours/,
    co2: /^Showing the 40 largest of [\d,]+ training runs with a published CO₂ figure/,
    timeline:
      /^Showing the 120 largest models \(by parameter count\) of [\d,]+ dated systems.* Papers and events: 24 marked, spread evenly over the window; [\d,]+ more are not marked\.$/,
    lineage: /^Showing 150 of [\d,]+ systems with a lineage link/,
  };
  for (const [id, text] of Object.entries(notes)) {
    const chart = page.getByTestId(`chart-${id}`);
    await chart.scrollIntoViewIfNeeded();
    await expect(page.getByTestId(`chart-${id}-cap-note`)).toHaveText(text, { timeout: 30_000 });
  }
  // What is drawn stays bounded.
  await expect(page.locator('[data-chart="training-cost"] .cost-row')).toHaveCount(40);
  await expect(page.locator('[data-chart="gpu-hours"] .gpu-row')).toHaveCount(40);
  await expect(page.locator('[data-chart="timeline"] .timeline-mark:not([data-annotation])')).toHaveCount(120);
  await expect(page.locator('[data-chart="timeline"] .timeline-mark[data-annotation]')).toHaveCount(24);
  await expect(page.locator('[data-chart="lineage"] .lineage-node').first()).toBeVisible();
  expect(await page.locator('[data-chart="lineage"] .lineage-node').count()).toBeLessThanOrEqual(150);
  await expect(page.getByTestId('systems-in-view').locator('[data-system-id]')).toHaveCount(60);
  // 60 of the systems counted (papers and events are not, by default).
  const shown = await shownCount(page);
  await expect(page.getByTestId('systems-in-view-more')).toHaveText(
    `… and ${(shown - 60).toLocaleString('en')} more systems; the explorer table and the CSV export list every one.`,
  );

  // 400 organizations: the menu lists 100 and finds the others by name; the one found filters every view.
  await page.locator('summary', { hasText: 'Organization' }).click();
  const menu = page.getByRole('group', { name: 'Organization' });
  await expect(menu.getByRole('checkbox')).toHaveCount(100);
  await expect(menu.getByTestId('facet-more')).toHaveText('Showing 100 of 400: type above to find the others.');
  const last = (await menu.locator('.facet-option-label').evaluateAll((els) => els.map((e) => e.textContent ?? ''))).at(-1) ?? '';
  await menu.getByTestId('facet-find').fill('Tidal Collective');
  const found = menu.getByRole('checkbox');
  await expect(found.first()).toBeVisible();
  const name = (await menu.locator('.facet-option-label').first().textContent()) ?? '';
  expect(name).toMatch(/^Tidal Collective/);
  expect(name > last).toBe(true);
  const count = Number(((await menu.locator('.facet-count').first().textContent()) ?? '').replace(/\D/g, ''));
  await found.first().check();
  await expect(page.getByTestId('result-count')).toHaveText(
    new RegExp(`^${count.toLocaleString('en')} of ${shown.toLocaleString('en')}: `),
  );
  await expect(page.getByTestId('systems-in-view').locator('[data-system-id]')).toHaveCount(Math.min(count, 60));

  expect(watch.consoleErrors).toEqual([]);
});
