import { expect, test } from '@playwright/test';
import { gotoReady, watchPage } from './helpers';

/*
 * The views are linked through the store: a hover or a selection made in one chart shows in every
 * other chart and in the tables; a base-model filter narrows every chart the same way.
 */

const CHARTS = ['training-cost', 'gpu-hours', 'co2', 'timeline', 'lineage'] as const;
const mark = (chart: string, id: string) => `[data-chart="${chart}"] [data-system-id="${id}"]:not(tr)`;

test('hovering Alpaca in the cost chart highlights it in the GPU-hours chart, the timeline, the lineage and the explorer', async ({
  page,
}) => {
  const watch = watchPage(page);
  await gotoReady(page);
  await page.locator(mark('training-cost', 'alpaca')).first().hover();
  for (const chart of ['gpu-hours', 'timeline', 'lineage']) {
    await expect(page.locator(`${mark(chart, 'alpaca')}[data-hovered="true"]`).first()).toBeAttached();
  }
  await expect(page.getByTestId('models-table').locator('tr[data-system-id="alpaca"]')).toHaveClass(/is-hovered/);
  expect(watch.consoleErrors).toEqual([]);
});

test('selecting LLaMA-13B in the timeline marks it selected in every chart that draws it and in the CO₂ equivalents', async ({ page }) => {
  await gotoReady(page);
  await page.locator(mark('timeline', 'llama-13b')).first().click();
  await expect(page).toHaveURL(/sel=llama-13b/);
  for (const chart of ['gpu-hours', 'co2']) {
    await expect(page.locator(`${mark(chart, 'llama-13b')}[data-selected="true"]`).first()).toBeAttached();
  }
  await expect(page.getByTestId('co2-equivalents')).toHaveAttribute('data-system-id', 'llama-13b');
  await expect(page.getByTestId('models-table').locator('tr[data-system-id="llama-13b"]')).toHaveAttribute('aria-selected', 'true');
});

test('?base=llama leaves only LLaMA and its descendants in every chart', async ({ page }) => {
  await gotoReady(page, '/?base=llama');
  const allowed = new Set([
    'llama-7b',
    'llama-13b',
    'llama-33b',
    'llama-65b',
    'alpaca',
    'vicuna-7b',
    'vicuna-13b',
    'koala',
    'llava',
    'freedomgpt',
    'chatllama',
    'colossalchat',
  ]);
  for (const chart of CHARTS.filter((c) => c !== 'lineage')) {
    const ids = await page
      .locator(`[data-chart="${chart}"] svg [data-system-id]`)
      .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-system-id') ?? ''))]);
    expect(ids.length, `${chart} draws something`).toBeGreaterThan(0);
    expect(
      ids.filter((id) => !allowed.has(id)),
      `${chart} draws only the LLaMA family`,
    ).toEqual([]);
    await expect(page.getByTestId(`chart-${chart}-subtitle`)).toContainText('Base model: LLaMA (all sizes)');
  }
  // The lineage keeps the whole tree but dims what the filter leaves out.
  await expect(page.locator('[data-chart="lineage"] [data-system-id="gpt-3"]').first()).toBeAttached();
});
