import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { gotoReady, watchPage } from './helpers';

/**
 * Presses Tab until the focused element is one of `target` (a CSS selector or a locator), at
 * most `max` presses. Fails when focus never gets there: a keyboard user could not either.
 */
async function tabTo(page: Page, target: string | Locator, max = 400): Promise<void> {
  const candidates = typeof target === 'string' ? page.locator(target) : target;
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await candidates.evaluateAll((els) => els.some((el) => el === document.activeElement))) return;
  }
  throw new Error(`Tab never reached ${String(target)} in ${max} presses`);
}

/**
 * Presses `key` on the focused chart mark and checks it toggled: pressed ⇄ not pressed, and the
 * link's `sel=` follows (a mark already selected from another view deselects).
 */
async function toggleFocusedMark(page: Page, key: 'Enter' | 'Space') {
  const id = await focusedAttr(page, 'data-system-id');
  const mark = page.locator(`[data-system-id="${id}"][role="button"]:focus`);
  const before = await mark.getAttribute('aria-pressed');
  await page.keyboard.press(key);
  await expect(mark).toHaveAttribute('aria-pressed', before === 'true' ? 'false' : 'true');
  if (before === 'true') await expect(page).not.toHaveURL(/[?&]sel=/);
  else await expect(page).toHaveURL(new RegExp(`[?&]sel=${id}(&|$)`));
}

const focusedAttr = (page: Page, name: string) => page.evaluate((n) => document.activeElement?.getAttribute(n) ?? null, name);

test('keyboard only: from the top to a filter, the explorer sort, chart marks and a PNG download', async ({ page }) => {
  // Some hundreds of key presses, each followed by a look at the focus: long on a busy machine.
  test.setTimeout(120_000);
  const watch = watchPage(page);
  await gotoReady(page);

  // From the top of the page: the skip link comes first, then the header, then the filters.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  // Enter opens a facet; Tab reaches its options; Space ticks one; Escape closes it.
  await tabTo(page, page.locator('summary', { hasText: 'Organization' }), 40);
  await page.keyboard.press('Enter');
  const organization = page.getByRole('group', { name: 'Organization' });
  await expect(organization).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(organization.getByRole('checkbox').first()).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/[?&]org=/);
  await page.keyboard.press('Space');
  await expect(page).not.toHaveURL(/[?&]org=/);
  await page.keyboard.press('Escape');
  await expect(page.locator('summary', { hasText: 'Organization' })).toBeFocused();
  await expect(organization).toBeHidden();
  // Space opens one too.
  await tabTo(page, page.locator('summary', { hasText: 'Modality' }), 10);
  await page.keyboard.press('Space');
  const modality = page.getByRole('group', { name: 'Modality' });
  await expect(modality).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/[?&]mod=/);
  await page.keyboard.press('Space');
  await expect(page).not.toHaveURL(/[?&]mod=/);
  await page.keyboard.press('Escape');
  await expect(modality).toBeHidden();

  // The explorer: a header's sort button sorts with Enter, and again reverses.
  await tabTo(page, '[data-testid="models-table"] [data-testid^="sort-"]');
  const column = (await focusedAttr(page, 'data-testid'))!.replace(/^sort-/, '');
  await page.keyboard.press('Enter');
  const header = page.locator(`[data-testid="models-table"] th:has([data-testid="sort-${column}"])`);
  await expect(header).toHaveAttribute('aria-sort', /ascending|descending/);
  const first = await header.getAttribute('aria-sort');
  await page.keyboard.press('Enter');
  await expect(header).not.toHaveAttribute('aria-sort', first!);
  await expect(page).toHaveURL(/[?&]sort=/);
  // A row selects with Enter.
  await page.keyboard.press('Tab');
  await tabTo(page, '[data-testid="models-table"] tbody tr[data-system-id]', 20);
  const rowId = await focusedAttr(page, 'data-system-id');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`[?&]sel=${rowId}(&|$)`));

  // The training-cost chart: the Export menu opens with Enter, a PNG downloads with Enter.
  // Past the rest of the explorer first: every cell's source links and talk markers are tab stops (about 15 a row).
  await tabTo(page, '[data-testid="export-training-cost"]', 1200);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('export-training-cost-png1')).toBeFocused();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/^training-cost_all_\d{4}-\d{2}\.png$/);
  const png = readFileSync(await download.path());
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  // Escape closes the menu and gives focus back to its button.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-training-cost')).toBeFocused();
  await expect(page.getByTestId('export-training-cost-png1')).toBeHidden();

  // Chart marks are buttons: Enter or Space selects (or deselects) a model in every view.
  await tabTo(page, '[data-chart="training-cost"] .bar-row[data-system-id]', 40);
  await toggleFocusedMark(page, 'Enter');
  await toggleFocusedMark(page, 'Space');
  await tabTo(page, '[data-chart="gpu-hours"] .bar-row[data-system-id]');
  await toggleFocusedMark(page, 'Space');
  await tabTo(page, '[data-chart="co2"] .co2-mark[data-system-id]');
  await toggleFocusedMark(page, 'Enter');
  await tabTo(page, '[data-chart="timeline"] .timeline-mark');
  await toggleFocusedMark(page, 'Space');
  // A lineage leaf selects (a node with descendants filters to its family instead).
  await tabTo(page, '[data-chart="lineage"] .lineage-node.is-leaf');
  await toggleFocusedMark(page, 'Enter');

  expect(watch.consoleErrors).toEqual([]);
});
