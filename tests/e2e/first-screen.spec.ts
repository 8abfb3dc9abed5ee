import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { gotoReady, watchPage } from './helpers';

/*
 * The first screen: what this is, and a chart whose title states its point, before any control;
 * links to every view, reached by keyboard, each landing with its title in sight.
 */

const SCREENS = join(process.env.E2E_RESULTS_DIR ?? 'test-results', 'screens');

for (const { width, height } of [
  { width: 1440, height: 900 },
  { width: 375, height: 812 },
])
  for (const lang of ['en', 'zh-CN'])
    test(`${width}×${height} ${lang}: the first viewport holds a drawn chart with its point as its title`, async ({ page }) => {
      const watch = watchPage(page);
      await page.setViewportSize({ width, height });
      await gotoReady(page, `/?lang=${lang}`);
      const figure = page.getByTestId('headline-figure');
      const svg = figure.locator('svg');
      await expect(svg.locator('title')).toHaveText(lang === 'en' ? /^Fine-tuning Alpaca took 24 GPU-hours.*3,430×/ : /Alpaca.*3,430/);
      await expect(page.getByTestId('headline')).toContainText(lang === 'en' ? 'as the talk “' : '所述');
      // Bars, not just a frame: several rows drawn, and they are inside the first viewport.
      const rows = svg.locator('#figure-plot g[id^="row-"]');
      expect(await rows.count()).toBeGreaterThan(5);
      const inView = await rows.evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().bottom <= innerHeight).length);
      expect(inView).toBeGreaterThanOrEqual(width < 500 ? 3 : 10);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      mkdirSync(SCREENS, { recursive: true });
      await page.screenshot({ path: join(SCREENS, `first-screen-${width}-${lang}.png`) });
      expect(watch.consoleErrors).toEqual([]);
    });

test('the section links reach every view by keyboard; each view is a fragment of the address, its title clear of the filter bar', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await gotoReady(page);
  const nav = page.getByTestId('section-nav');
  const links = nav.getByRole('link');
  await expect(links).toHaveCount(10);
  const hrefs = await links.evaluateAll((els) => els.map((e) => e.getAttribute('href')));
  for (const href of hrefs) await expect(page.locator(`.view-slot${href}`)).toHaveCount(1);
  // Keyboard: focus the first link, Tab to the timeline's, Enter.
  await links.first().focus();
  const timelineAt = hrefs.indexOf('#timeline');
  for (let i = 0; i < timelineAt; i++) await page.keyboard.press('Tab');
  await expect(links.nth(timelineAt)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#timeline$/);
  const title = page.locator('#timeline h2').first();
  await expect(title).toBeInViewport();
  const barBottom = await page.locator('.filter-bar').evaluate((e) => e.getBoundingClientRect().bottom);
  const titleTop = await title.evaluate((e) => e.getBoundingClientRect().top);
  expect(titleTop).toBeGreaterThanOrEqual(barBottom);
  // The headline's link goes to the full chart.
  await page.getByRole('link', { name: 'The chart in full, with its data ↓' }).click();
  await expect(page).toHaveURL(/#gpu-hours$/);
  await expect(page.locator('#gpu-hours h2').first()).toBeInViewport();
});
