import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { gotoReady, openFacet, watchPage } from './helpers';

/*
 * Every dropdown (a `details.facet` and its `.facet-panel`: the filter menus, the Export menus,
 * the explorer's column picker and Download menu) opens inside the viewport, wherever its button
 * is on the page, at a phone's width and a desktop's. At 375 px the panel used to be `position:
 * fixed` at its place in the page, thousands of pixels below the screen.
 */

const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1440, height: 900 };
/** Where the screenshot of an open menu goes, for a person to look at. */
const SHOT = join(process.env.E2E_RESULTS_DIR ?? 'test-results', 'menus', 'export-menu-375.png');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A panel's section, chart or table. */
const panelSection = (page: Page, panel: string) => page.locator(`[data-view="${panel}"] section.view`).first();

/** The dropdown panel of the menu whose button is `summary`. */
const panelOf = (summary: Locator) => summary.locator('xpath=..').locator(':scope > .facet-panel');

/** The panel's box lies wholly inside the viewport: seen without scrolling. */
async function expectInViewport(page: Page, panel: Locator) {
  await expect(panel).toBeVisible();
  const { width, height } = page.viewportSize()!;
  const box = (await panel.boundingBox())!;
  const where = `panel box ${JSON.stringify(box)} in a ${width}×${height} viewport`;
  expect(box.y, where).toBeGreaterThanOrEqual(0);
  expect(box.x, where).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, where).toBeLessThanOrEqual(height + 0.5);
  expect(box.x + box.width, where).toBeLessThanOrEqual(width + 0.5);
  expect(box.height, where).toBeGreaterThan(20);
}

/** Opens a panel's Export menu after scrolling the panel into view; returns the menu's panel. */
async function openExport(page: Page, panelId: string) {
  await panelSection(page, panelId).scrollIntoViewIfNeeded();
  const summary = page.getByTestId(`export-${panelId}`);
  await summary.click();
  const panel = panelOf(summary);
  await expectInViewport(page, panel);
  return panel;
}

/** Clicks the menu's PNG 1× button and checks a real PNG file is downloaded. */
async function expectPngDownload(page: Page, panelId: string) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${panelId}-png1`).click()]);
  expect(dl.suggestedFilename()).toMatch(/\.png$/);
  const bytes = readFileSync(await dl.path());
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE), 'starts with the PNG signature').toBe(true);
}

test('375 px: the Export menus far down the page open inside the screen, and PNG 1× downloads', async ({ page }) => {
  const { consoleErrors } = watchPage(page);
  await page.setViewportSize(PHONE);
  await gotoReady(page);
  for (const panelId of ['co2', 'timeline', 'lineage']) {
    const panel = await openExport(page, panelId);
    // Far down the page: the menu's button is more than a screen below the top.
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(PHONE.height);
    if (panelId === 'co2') await page.screenshot({ path: SHOT });
    await expectPngDownload(page, panelId);
    await expectInViewport(page, panel);
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
  }
  expect(consoleErrors).toEqual([]);
});

test('375 px: a filter menu opens inside the screen, its options clickable', async ({ page }) => {
  const { consoleErrors } = watchPage(page);
  await page.setViewportSize(PHONE);
  await gotoReady(page);
  const group = await openFacet(page, 'Organization');
  await expectInViewport(page, group);
  // `trial`: the option is visible, enabled and on top where it would be clicked, without filtering.
  await group.locator('.facet-option input').first().click({ trial: true });
  expect(consoleErrors).toEqual([]);
});

test('375 px: the explorer’s column picker and Download menu open inside the screen; a tap outside closes them', async ({ page }) => {
  const { consoleErrors } = watchPage(page);
  await page.setViewportSize(PHONE);
  await gotoReady(page);
  await panelSection(page, 'models-table').scrollIntoViewIfNeeded();

  const columns = page.locator('.column-picker > summary');
  await columns.click();
  const picker = panelOf(columns);
  await expectInViewport(page, picker);
  await picker.getByRole('button', { name: 'Default columns' }).click({ trial: true });
  await picker.locator('.facet-option input:not([disabled])').last().click({ trial: true });
  await columns.click();
  await expect(picker).toBeHidden();

  // The sheet stays over the page as it scrolls: a tap outside it closes it.
  await columns.click();
  await expectInViewport(page, picker);
  await page.locator('#models-table-title').click();
  await expect(picker).toBeHidden();

  const downloads = page.locator('.models-table details.export-menu > summary', { hasText: 'Download' });
  await downloads.click();
  const menu = panelOf(downloads);
  await expectInViewport(page, menu);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv-view').click()]);
  expect(dl.suggestedFilename()).toBe('llm-wave_models_view.csv');
  expect(consoleErrors).toEqual([]);
});

test('1440 px: an Export menu opens under its button, inside the screen, and PNG 1× downloads', async ({ page }) => {
  const { consoleErrors } = watchPage(page);
  await page.setViewportSize(DESKTOP);
  await gotoReady(page);
  const panel = await openExport(page, 'co2');
  // Desktop keeps the dropdown: the panel hangs under its button, right edges aligned.
  const button = (await page.getByTestId('export-co2').boundingBox())!;
  const box = (await panel.boundingBox())!;
  expect(box.y).toBeGreaterThan(button.y + button.height);
  expect(box.y).toBeLessThan(button.y + button.height + 12);
  expect(Math.abs(box.x + box.width - (button.x + button.width))).toBeLessThan(2);
  await expectPngDownload(page, 'co2');
  expect(consoleErrors).toEqual([]);
});

test('1440 px: an Export menu whose button is at the bottom of the screen opens upwards, inside the screen', async ({ page }) => {
  const { consoleErrors } = watchPage(page);
  await page.setViewportSize(DESKTOP);
  await gotoReady(page);
  const summary = page.getByTestId('export-timeline');
  await summary.scrollIntoViewIfNeeded();
  // Scroll until the button's bottom edge is 24 px above the screen's.
  await summary.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().bottom - (window.innerHeight - 24)));
  const button = (await summary.boundingBox())!;
  expect(button.y + button.height).toBeGreaterThan(DESKTOP.height - 30);
  await summary.click();
  const panel = panelOf(summary);
  await expectInViewport(page, panel);
  const box = (await panel.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(button.y);
  await expectPngDownload(page, 'timeline');
  expect(consoleErrors).toEqual([]);
});

test('375 px: a filter menu opened with the page scrolled a little still opens inside the screen', async ({ page }) => {
  const { consoleErrors } = watchPage(page);
  await page.setViewportSize(PHONE);
  await gotoReady(page);
  const summary = page.locator('.filter-bar summary', { hasText: 'Organization' });
  const toggle = page.getByTestId('filters-toggle');
  await toggle.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top + 300));
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  // On a phone the menus are in the sheet the "Filters (n)" button opens under the sticky band.
  await toggle.click();
  await summary.click();
  const group = page.getByRole('group', { name: 'Organization' });
  await expectInViewport(page, group);
  await group.locator('.facet-option input').first().click({ trial: true });
  expect(consoleErrors).toEqual([]);
});
