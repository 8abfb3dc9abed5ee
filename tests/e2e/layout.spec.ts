import { expect, test, type Page } from '@playwright/test';
import { gotoReady, watchPage } from './helpers';

/*
 * The page's layout at the sizes people use: the sticky band (filter bar, section links) never
 * covers a view's title; a phone gets one "Filters (n)" button; compare and the explorer fit a
 * 1280 px screen without boxes of their own; tooltips sit beside the pointer.
 */

const bandBottom = (page: Page) => page.getByTestId('sticky-band').evaluate((e) => e.getBoundingClientRect().bottom);

for (const { width, height } of [
  { width: 1440, height: 900 },
  { width: 375, height: 812 },
])
  test(`${width}×${height}: Tab reaches every section link; each lands with its view's title below the sticky band`, async ({ page }) => {
    const watch = watchPage(page);
    await page.setViewportSize({ width, height });
    await gotoReady(page);
    // The first viewport holds the headline's drawn chart, above the band.
    const plot = page.getByTestId('headline-figure').locator('svg #figure-plot');
    await expect(plot).toBeVisible();
    expect(await plot.evaluate((e) => e.getBoundingClientRect().top)).toBeLessThan(height - 100);

    const links = page.getByTestId('section-nav').getByRole('link');
    const hrefs = await links.evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThanOrEqual(9);
    for (let i = 0; i < hrefs.length; i++) {
      // From the control before the nav (Clear, or the phone's Filters button), Tab by Tab.
      await links.first().focus();
      for (let k = 0; k < i; k++) await page.keyboard.press('Tab');
      await expect(links.nth(i)).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`${hrefs[i]}$`));
      const title = page.locator(`${hrefs[i]} h2`).first();
      await expect(title).toBeInViewport();
      const top = await title.evaluate((e) => e.getBoundingClientRect().top);
      expect(top, `${hrefs[i]}'s title at ${top}px`).toBeGreaterThanOrEqual(await bandBottom(page));
      // The band stays: the nav is still on screen for the next jump.
      await expect(page.getByTestId('section-nav')).toBeInViewport();
    }
    // Scrolled back to a view that fills the screen, it is the current one.
    await links.nth(hrefs.indexOf('#co2')).click();
    await expect(links.nth(hrefs.indexOf('#co2'))).toHaveAttribute('aria-current', 'location');
    expect(watch.consoleErrors).toEqual([]);
  });

test('a link to a view opened afresh lands on it, its title below the band', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await gotoReady(page, '/#co2');
  const title = page.locator('#co2 h2').first();
  await expect(title).toBeInViewport();
  expect(await title.evaluate((e) => e.getBoundingClientRect().top)).toBeGreaterThanOrEqual(await bandBottom(page));
});

test('1440 px: the filter bar is one row', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await gotoReady(page);
  await expect(page.getByTestId('filters-toggle')).toBeHidden();
  const tops = await page
    .locator('.filter-bar .search, .filter-bar details.facet, .filter-bar .date-range, .filter-bar .result-summary, .filter-bar .clear-all')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.top, r.bottom]));
  expect(tops.length).toBe(9);
  // One row: every control overlaps the first one's line.
  for (const [top, bottom] of tops) expect(top < tops[0][1] && bottom > tops[0][0]).toBe(true);
  expect(await page.locator('.filter-bar').evaluate((e) => e.getBoundingClientRect().height)).toBeLessThan(80);
});

test('1280 px: every section link is on screen in one row, in English and Chinese', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const path of ['/', '/?lang=zh-CN']) {
    await gotoReady(page, path);
    const nav = page.getByTestId('section-nav').locator('ul');
    const edge = await nav.evaluate((e) => e.getBoundingClientRect().right);
    const links = await page
      .getByTestId('section-nav')
      .getByRole('link')
      .evaluateAll((els) => els.map((e) => ({ right: e.getBoundingClientRect().right, top: e.getBoundingClientRect().top })));
    expect(links).toHaveLength(10);
    for (const l of links) expect(l.right, path).toBeLessThanOrEqual(edge + 0.5);
    expect(new Set(links.map((l) => Math.round(l.top))).size, path).toBe(1);
  }
});

test('375 px: one "Filters (n)" button opens and closes the filters; n counts what is set', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await gotoReady(page, '/?org=OpenAI&base=llama');
  const toggle = page.getByTestId('filters-toggle');
  await expect(toggle).toHaveText('Filters (2)');
  const search = page.getByRole('searchbox');
  await expect(search).toBeHidden();
  // The count and Clear stay beside the button.
  await expect(page.getByTestId('result-count')).toBeVisible();
  await expect(page.locator('.filter-bar .clear-all')).toBeVisible();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(search).toBeVisible();
  await search.fill('gpt');
  await expect(toggle).toHaveText('Filters (3)');
  // Escape closes the panel and gives focus back to the button.
  await search.press('Escape'); // clears the search box's text first (the browser does)
  await expect(toggle).toHaveText('Filters (2)');
  await expect(search).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(search).toBeHidden();
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  // Done closes it too.
  await toggle.click();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(search).toBeHidden();
  await page.locator('.filter-bar .clear-all').click();
  await expect(toggle).toHaveText('Filters (0)');
});

test('1280 px: compare with four systems has no box of its own and every column on screen', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await gotoReady(page, '/?cmp=gpt-3,llama-7b,alpaca,vicuna-13b#compare');
  const table = page.getByTestId('compare-table');
  await expect(table.locator('thead th')).toHaveCount(5);
  const box = await table.evaluate((t) => {
    const s = t.parentElement!;
    return { sw: s.scrollWidth, cw: s.clientWidth, sh: s.scrollHeight, ch: s.clientHeight };
  });
  expect(box.sw).toBeLessThanOrEqual(box.cw);
  expect(box.sh).toBeLessThanOrEqual(box.ch);
  const rights = await table.locator('thead th').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
  for (const r of rights) expect(r).toBeLessThanOrEqual(1280);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
});

test('1280 px: the explorer’s numbers are in the first screen width; long values are one line, whole on hover and focus', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await gotoReady(page, '/#models-table');
  const table = page.getByTestId('models-table');
  for (const f of ['parameters', 'flop', 'trainingCost', 'gpuHours', 'co2']) {
    const right = await table.locator(`thead th.col-${f}`).evaluate((e) => e.getBoundingClientRect().right);
    expect(right, f).toBeLessThanOrEqual(1280);
  }
  // Every value's line is one line of text; no row is taller than a value and one note under it.
  const lines = await table.locator('tbody .cell-line').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
  expect(lines.length).toBeGreaterThan(50);
  expect(Math.max(...lines)).toBeLessThan(30);
  const rows = await table.locator('tbody tr.data-row').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
  expect(Math.max(...rows)).toBeLessThan(70);
  // A licence cut short says all of itself on focus.
  const cut = table.locator('td.col-licence .cell-main[data-tip]').first();
  const text = (await cut.locator('.cell-text').textContent()) ?? '';
  expect(await cut.locator('.cell-text').evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
  await cut.focus();
  await expect(page.getByTestId('tooltip')).toContainText(text);
});

test('a chart’s tooltip sits beside the pointer, clear of the row labels', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await gotoReady(page, '/#gpu-hours');
  const bar = page.locator('#gpu-hours [data-system-id="llama-7b"][data-tip]').first();
  await bar.scrollIntoViewIfNeeded();
  const b = (await bar.boundingBox())!;
  const x = b.x + b.width * 0.3;
  const y = b.y + b.height / 2;
  await page.mouse.move(x, y);
  const tip = page.getByTestId('tooltip');
  await expect(tip).toContainText('LLaMA-7B');
  const t = (await tip.boundingBox())!;
  expect(t.x).toBeGreaterThan(x);
  expect(t.y).toBeLessThan(y);
  expect(t.y + t.height).toBeGreaterThan(y);
  // The row labels (names) are left of the bars: the tip is right of all of them.
  const labelsRight = await page
    .locator('#gpu-hours text.row-name')
    .evaluateAll((els) => Math.max(0, ...els.map((e) => e.getBoundingClientRect().right)));
  expect(t.x).toBeGreaterThan(labelsRight);
  // Near the right edge it flips to the pointer's left and stays on screen.
  await page.mouse.move(1270, y);
  await page.mouse.move(b.x + b.width - 4, y);
  const flipped = (await tip.boundingBox())!;
  expect(flipped.x + flipped.width).toBeLessThanOrEqual(b.x + b.width - 4);
});

test.describe('on a touch phone', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 375, height: 812 } });
  test('no text on the page tells a touch screen to Shift+click', async ({ page }) => {
    await gotoReady(page);
    expect(await page.evaluate(() => document.body.innerText)).not.toMatch(/Shift/);
  });
});
