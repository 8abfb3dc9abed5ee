import { expect, test, type Page } from '@playwright/test';
import { gotoReady, idsInView, openFacet, waitVisible, watchPage } from './helpers';

/*
 * A view off screen costs nothing per click: the browser skips its style, layout and paint
 * (`content-visibility: auto` on its slot) and React redraws it in the background. Nothing of
 * that may show: a view scrolled to shows the current filters, a link to a view lands on it, and
 * paper, a presentation and an embed draw every view they show.
 */

const VIEWS = ['overview', 'models-table', 'training-cost', 'gpu-hours', 'scale', 'co2', 'timeline', 'lineage', 'seed-tables', 'compare'];
/** The views whose chart says what is filtered in its subtitle. */
const CHARTS = ['training-cost', 'gpu-hours', 'scale', 'co2', 'timeline', 'lineage'];
// Meta's models (organizations.spec.ts).
const META_WORK = ['llama-13b', 'llama-33b', 'llama-65b', 'llama-7b', 'opt-175b', 'sam'];

const slot = (page: Page, id: string) => page.locator(`.view-slot[data-view="${id}"]`);

/** Each slot's computed content-visibility, by view. */
function contentVisibility(page: Page): Promise<Record<string, string>> {
  return page
    .locator('.view-slot')
    .evaluateAll((els) => Object.fromEntries(els.map((e) => [(e as HTMLElement).dataset.view, getComputedStyle(e).contentVisibility])));
}

/** Whether the browser skips drawing the slot's content because it is off screen. */
function skipped(page: Page, id: string): Promise<boolean> {
  return slot(page, id).evaluate((e) => !(e.firstElementChild?.checkVisibility({ contentVisibilityAuto: true }) ?? false));
}

async function bandBottom(page: Page): Promise<number> {
  return page.getByTestId('sticky-band').evaluate((e) => e.getBoundingClientRect().bottom);
}

test('away from the screen a view is skipped; scrolled to, it is drawn', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await gotoReady(page);
  // Each view is laid out once as it mounts (its charts measure their width), then skipped.
  for (const id of ['co2', 'compare']) await expect.poll(() => skipped(page, id), id).toBe(true);
  const before = await contentVisibility(page);
  expect(before['overview']).toBe('visible');
  expect(before['co2']).toBe('auto');
  expect(before['compare']).toBe('auto');

  await slot(page, 'co2').locator('h2').first().scrollIntoViewIfNeeded();
  await expect.poll(() => skipped(page, 'co2')).toBe(false);
  await expect(slot(page, 'co2').locator('h2').first()).toBeInViewport();
  // The first screen's views, now far above, are skipped in turn.
  await expect.poll(async () => (await contentVisibility(page))['overview']).toBe('auto');
  expect(await skipped(page, 'overview')).toBe(true);
});

test('a filter click reaches every view, the ones far below included, each drawn when scrolled to', async ({ page }) => {
  const watch = watchPage(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await gotoReady(page);
  const panel = await openFacet(page, 'Organization');
  await panel.getByRole('checkbox', { name: /^Meta\s+6$/ }).check();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/[?&]org=meta(&|$)/);
  // The page says every view has drawn the click; the ones off screen did so without being scrolled to.
  await page.locator('.views[data-views-ready]').waitFor({ state: 'attached' });
  for (const id of CHARTS) await expect(page.getByTestId(`chart-${id}-subtitle`)).toHaveText('Organization: Meta');

  for (const id of VIEWS) {
    const title = slot(page, id).locator('h2').first();
    await title.scrollIntoViewIfNeeded();
    await expect(title, `${id}'s title`).toBeInViewport();
    await expect.poll(() => skipped(page, id), `${id} drawn on screen`).toBe(false);
    if (CHARTS.includes(id)) await expect(page.getByTestId(`chart-${id}-subtitle`)).toBeInViewport();
  }
  expect((await idsInView(page)).sort()).toEqual(META_WORK);
  const gpuBars = await slot(page, 'gpu-hours')
    .locator('svg [data-system-id]')
    .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-system-id') ?? ''))].sort());
  expect(gpuBars).toEqual(META_WORK);
  expect(watch.consoleErrors).toEqual([]);
});

for (const viewport of [
  { width: 1280, height: 900 },
  { width: 375, height: 812 },
]) {
  test(`${viewport.width} px: a link to /#co2 lands on the CO₂ view's title, just below the band`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await gotoReady(page, '/#co2');
    const title = slot(page, 'co2').locator('h2').first();
    await waitVisible(title);
    await expect(title).toBeInViewport();
    const top = await title.evaluate((e) => e.getBoundingClientRect().top);
    const band = await bandBottom(page);
    expect(top, `the title at ${top}px, the band's bottom at ${band}px`).toBeGreaterThanOrEqual(band);
    expect(top, `the title at ${top}px, the band's bottom at ${band}px`).toBeLessThan(band + 80);
  });
}

test('on paper every view is drawn, none skipped as off screen', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await gotoReady(page);
  await page.emulateMedia({ media: 'print' });
  expect(await contentVisibility(page)).toEqual(Object.fromEntries(VIEWS.map((id) => [id, 'visible'])));
  for (const id of VIEWS) expect(await skipped(page, id), id).toBe(false);
});

for (const mode of ['present', 'embed']) {
  test(`${mode}: the one view shown is drawn in full`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    // No filter bar here: the views' readiness alone.
    await page.goto(`/?${mode}=co2`);
    await page.locator('.views[data-views-ready]').waitFor({ state: 'attached' });
    expect(await contentVisibility(page)).toEqual({ co2: 'visible' });
  });
}
