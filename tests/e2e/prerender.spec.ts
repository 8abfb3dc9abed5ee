import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { gotoReady, watchPage } from './helpers';

/*
 * The first screen in the built index.html (scripts/prerender.ts): it paints before any script
 * runs, the app takes over without moving it, and a visit it does not show hides it until the app
 * has drawn the right page (public/boot.js).
 */

const OUT_DIR = process.env.E2E_OUT_DIR ?? 'dist';

/** Holds the app's entry script back, so the page stays on the build's copy for a while (navigate with waitUntil 'commit'). */
async function holdAppScript(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test('the built index.html holds the first screen, without inline styles or scripts', () => {
  const html = readFileSync(join(OUT_DIR, 'index.html'), 'utf8');
  expect(html).toMatch(/<div id="root"><div class="app" data-prerendered="" inert="">/);
  // The CSP (style-src 'self', script-src 'self') would refuse both.
  expect(html).not.toMatch(/\sstyle="/);
  expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  expect(html).toContain('<script src="./boot.js"></script>');
});

for (const { width, height, variant } of [
  { width: 1280, height: 900, variant: 'wide' },
  { width: 375, height: 812, variant: 'phone' },
])
  test(`${width} px without JavaScript: the header, the intro, the headline chart and the section links are there`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height } });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('The LLM wave, 2020–2023');
    await expect(page.getByTestId('headline')).toContainText('as the talk “');
    // One drawing shows: this window's, in the light theme; bars drawn inside the first viewport.
    const shown = page.locator(`.headline-variant.headline-${variant}.headline-light svg`);
    await expect(shown).toBeVisible();
    await expect(page.locator('.headline-variant svg:visible')).toHaveCount(1);
    await expect(shown.locator('title')).toHaveText(/^Fine-tuning Alpaca took 24 GPU-hours/);
    const rows = shown.locator('#figure-plot g[id^="row-"]');
    expect(await rows.count()).toBeGreaterThan(5);
    const box = await shown.boundingBox();
    expect(box!.y + box!.height / 2).toBeLessThan(height);
    await expect(page.getByTestId('section-nav').getByRole('link')).toHaveCount(10);
    await context.close();
  });

test('dark theme preferred: the headline drawing in the dark theme', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'dark', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('.headline-variant svg:visible')).toHaveCount(1);
  await expect(page.locator('.headline-wide.headline-dark svg')).toBeVisible();
  await context.close();
});

test('the app takes over without moving anything (no layout shift) and the page then answers clicks', async ({ page }) => {
  const watch = watchPage(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.addInitScript(() => {
    const w = window as unknown as { __shift: number };
    w.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!e.hadRecentInput) w.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const release = await holdAppScript(page);
  await page.goto('/', { waitUntil: 'commit' });
  await expect(page.locator('.app[data-prerendered] .headline-wide.headline-light svg')).toBeVisible();
  const before = await page.getByTestId('sticky-band').boundingBox();
  release();
  await gotoReadyHere(page);
  await expect(page.locator('.app[data-prerendered]')).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('data-live', '');
  // The app's own drawing, for the box it measured; the band where it was.
  await expect(page.getByTestId('headline-figure').locator(':scope > svg title')).toHaveText(/^Fine-tuning Alpaca/);
  const after = await page.getByTestId('sticky-band').boundingBox();
  expect(Math.abs(after!.y - before!.y)).toBeLessThanOrEqual(2);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBeLessThanOrEqual(0.02);
  // The controls work.
  await page.locator('summary', { hasText: 'Organization' }).first().click();
  await expect(page.locator('details.facet[open] .facet-option').first()).toBeVisible();
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.cspViolations).toEqual([]);
});

/** As gotoReady, without navigating again. */
async function gotoReadyHere(page: Page) {
  await page.locator('.views[data-views-ready]').waitFor({ state: 'attached', timeout: 15_000 });
}

for (const { name, path, init } of [
  { name: 'a link in Chinese', path: '/?lang=zh-CN', init: undefined },
  { name: 'a link with a filter', path: '/?org=meta', init: undefined },
  { name: 'a remembered Chinese', path: '/', init: () => localStorage.setItem('llm-wave.language', 'zh-CN') },
  { name: 'a stored import', path: '/', init: () => localStorage.setItem('llm-wave.import-stored', '1') },
])
  test(`${name}: the build's copy stays hidden until the app has drawn the page`, async ({ page }) => {
    if (init) await page.addInitScript(init);
    const release = await holdAppScript(page);
    await page.goto(path, { waitUntil: 'commit' });
    await expect(page.locator('html')).toHaveClass(/prerender-off/);
    await expect(page.locator('.app[data-prerendered]')).toHaveCSS('visibility', 'hidden');
    release();
    await page.locator('.views[data-views-ready]').waitFor({ state: 'attached', timeout: 15_000 });
    await expect(page.locator('.app')).toHaveCSS('visibility', 'visible');
  });

test('a first visit does not hide it', async ({ page }) => {
  const release = await holdAppScript(page);
  await page.goto('/#co2', { waitUntil: 'commit' });
  await expect(page.locator('html')).not.toHaveClass(/prerender-off/);
  await expect(page.locator('.app[data-prerendered]')).toHaveCSS('visibility', 'visible');
  release();
  await gotoReady(page, '/');
});
