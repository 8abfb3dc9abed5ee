import { expect, test } from '@playwright/test';
import { addStyle, gotoReady, idsInView, openFacet, waitVisible, watchPage } from './helpers';

/**
 * Every view drawn: one away from the screen is otherwise skipped (app.css, content-visibility),
 * left out of the page's width and blank in a full-page picture.
 */
const EVERY_VIEW_DRAWN = '.view-slot { content-visibility: visible !important; }';

test('loads with the bundled dataset, no console errors, no request to another host', async ({ page }) => {
  const watch = watchPage(page);
  await gotoReady(page);
  const count = page.getByTestId('result-count');
  await expect(count).toHaveText(/^(\d+) of \1: \d+ models · \d+ apps\/libraries$/);
  await expect(page.getByTestId('card-models')).toContainText('Models');
  await expect(page.getByTestId('card-span')).toContainText('2020');
  await expect(page.getByTestId('card-open-weights')).toContainText('%');
  expect((await idsInView(page)).length).toBeGreaterThan(25);
  await page.waitForLoadState('networkidle');
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});

test('filtering by organization narrows every count and writes the URL', async ({ page }) => {
  await gotoReady(page);
  const panel = await openFacet(page, 'Organization');
  await panel.getByRole('checkbox', { name: /^OpenAI/ }).check();
  await expect(page).toHaveURL(/[?&]org=openai(&|$)/);
  // The views follow the filter bar a moment later (a deferred copy of the filters).
  await expect.poll(() => idsInView(page)).not.toContain('llama-7b');
  const ids = await idsInView(page);
  expect(ids).toEqual(expect.arrayContaining(['gpt-3', 'chatgpt', 'gpt-4', 'clip']));
  expect(ids).not.toContain('llama-7b');
  await expect(page.getByTestId('result-count')).toHaveText(new RegExp(`^${ids.length} of \\d+: ${ids.length} models$`));
  await expect(page.getByTestId('card-organizations')).toContainText('1');
});

test('filtering by base model LLaMA keeps LLaMA and all its descendants (LLaVA via Vicuna)', async ({ page }) => {
  await gotoReady(page);
  const panel = await openFacet(page, 'Base model');
  await panel
    .getByRole('checkbox', { name: /^LLaMA/ })
    .first()
    .check();
  await expect(page).toHaveURL(/[?&]base=llama(&|$)/);
  await expect.poll(() => idsInView(page)).not.toContain('gpt-3');
  const ids = (await idsInView(page)).sort();
  for (const id of [
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
  ]) {
    expect(ids).toContain(id);
  }
  for (const id of ['gpt-3', 'chatgpt', 'clip', 'sam', 'dolly-1', 'dolly-2', 'midjourney']) expect(ids).not.toContain(id);
});

test('a shared URL restores filters and selection', async ({ page }) => {
  await gotoReady(page, '/?base=vicuna&mod=multimodal&sel=llava');
  expect(await idsInView(page)).toEqual(['llava']);
  await expect(page.getByTestId('selected-system')).toContainText('LLaVA');
  await expect(page.getByTestId('systems-in-view').locator('[data-system-id="llava"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('url-notice')).toHaveCount(0);
});

test('view settings round-trip through the URL (overview order)', async ({ page }) => {
  await gotoReady(page);
  const byDate = await idsInView(page);
  expect(byDate[0]).toBe('gpt-3');
  await page.getByTestId('overview-order').selectOption('name');
  await expect(page).toHaveURL(/order=name/);
  const byName = await idsInView(page);
  expect(byName).not.toEqual(byDate);
  expect([...byName].sort()).toEqual([...byDate].sort());
  await page.reload();
  await waitVisible(page.getByTestId('overview-order'));
  await expect(page.getByTestId('overview-order')).toHaveValue('name');
  expect(await idsInView(page)).toEqual(byName);
});

test('back and forward step through filter changes', async ({ page }) => {
  await gotoReady(page);
  const all = await idsInView(page);
  const panel = await openFacet(page, 'Modality');
  await panel.getByRole('checkbox', { name: /^Multimodal/ }).check();
  await expect(page).toHaveURL(/mod=multimodal/);
  // The views follow the filter bar a moment later (they draw a deferred copy of the filters).
  await expect.poll(() => idsInView(page)).not.toEqual(all);
  const multimodal = await idsInView(page);
  expect(multimodal.length).toBeGreaterThan(0);
  await panel.getByRole('checkbox', { name: /^Vision/ }).check();
  await expect(page).toHaveURL(/mod=multimodal&mod=vision/);
  await expect.poll(() => idsInView(page)).not.toEqual(multimodal);
  await page.goBack();
  await expect(page).toHaveURL(/mod=multimodal$/);
  await expect.poll(() => idsInView(page)).toEqual(multimodal);
  await page.goBack();
  await expect(page).not.toHaveURL(/mod=/);
  await expect.poll(() => idsInView(page)).toEqual(all);
  await page.goForward();
  await expect(page).toHaveURL(/mod=multimodal$/);
  await expect.poll(() => idsInView(page)).toEqual(multimodal);
});

test('a tampered URL falls back with a visible, dismissible notice', async ({ page }) => {
  const watch = watchPage(page);
  await gotoReady(page, '/?org=Nobody%20Inc&mod=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&sel=ghost&from=2023-99&lang=xx');
  const notice = page.getByTestId('url-notice');
  await expect(notice).toContainText('Some settings in the link were ignored');
  await expect(notice).toContainText('Nobody Inc');
  await expect(notice).toContainText('<img src=x onerror=alert(1)>');
  expect(await page.locator('img').count()).toBe(0);
  await expect(page.getByTestId('result-count')).toHaveText(/^(\d+) of \1: \d+ models · \d+ apps\/libraries$/);
  await expect(page).not.toHaveURL(/org=|sel=/);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  expect(watch.consoleErrors).toEqual([]);
});

test('language switch: 简体中文 everywhere, in the URL, remembered after reload', async ({ page }) => {
  await gotoReady(page);
  await page.getByTestId('language-select').selectOption('zh-CN');
  await expect(page).toHaveURL(/lang=zh-CN/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('大模型浪潮，2020–2023');
  await expect(page.getByTestId('result-count')).toHaveText(/^(\d+) \/ \1：\d+ 个模型 · \d+ 个应用\/库$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('card-span')).toContainText('年');
  await page.goto('/');
  await waitVisible(page.getByRole('heading', { level: 1 }));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('大模型浪潮，2020–2023');
  await gotoReady(page, '/?lang=en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The LLM wave, 2020–2023');
});

test('theme: dark by choice, system by default', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await gotoReady(page);
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const darkBg = await bg();
  await page.getByTestId('theme-select').selectOption('light');
  await expect(page).toHaveURL(/theme=light/);
  expect(await bg()).not.toBe(darkBg);
  await page.getByTestId('theme-select').selectOption('system');
  expect(await bg()).toBe(darkBg);
});

test('keyboard alone: reach a filter, open it, toggle an option, clear all', async ({ page }) => {
  await gotoReady(page);
  await page.getByRole('searchbox').focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('summary', { hasText: 'Organization' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/org=/);
  await page.keyboard.press('Escape');
  await expect(page.locator('summary', { hasText: 'Organization' })).toBeFocused();
  await page.getByRole('button', { name: 'Clear all filters' }).first().focus();
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/org=/);
});

test('selecting a system shows its sourced facts; links open safely in a new tab', async ({ page }) => {
  await gotoReady(page);
  await page.getByTestId('systems-in-view').locator('[data-system-id="alpaca"]').click();
  await expect(page).toHaveURL(/sel=alpaca/);
  const panel = page.getByTestId('selected-system');
  await expect(panel).toContainText('Alpaca');
  await expect(panel).toContainText('talk says');
  const link = panel.locator('a.source-link').first();
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /noopener/);
  await expect(link).toHaveAttribute('href', /^https:\/\//);
});

test('a dataset that fails validation lists the records and fields, not a blank page', async ({ page }) => {
  await page.route(/\/assets\/dataset-[^/]+\.js$/, (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body:
        'export default ' +
        JSON.stringify({
          meta: { title: 'x' },
          sources: [],
          systems: [
            {
              id: 'alpaca',
              name: 'Alpaca',
              release: { status: 'reported', value: { date: '2023-02-30', precision: 'day', marks: 'x' }, sources: ['nope'] },
            },
          ],
        }),
    }),
  );
  await page.goto('/');
  const report = page.getByTestId('dataset-problems');
  await waitVisible(report);
  await expect(report).toContainText('The dataset could not be loaded');
  await expect(report).toContainText('system "alpaca"');
  await expect(report).toContainText('release.value.date');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('phone width (375 px): no horizontal scroll; screenshots for review', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await gotoReady(page, '/?base=llama&sel=llava');
  await addStyle(page, EVERY_VIEW_DRAWN);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
  await page.screenshot({ path: 'test-results/screens/phone-375.png', fullPage: true });
  await openFacet(page, 'Organization');
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await page.screenshot({ path: 'test-results/screens/phone-375-facet-open.png' });
  await page.setViewportSize({ width: 1280, height: 900 });
  await gotoReady(page, '/?sel=alpaca');
  await addStyle(page, EVERY_VIEW_DRAWN);
  await page.screenshot({ path: 'test-results/screens/desktop-1280.png', fullPage: true });
});

test('dark theme and 简体中文 at desktop and phone widths: screenshots for review', async ({ page }) => {
  for (const [w, h] of [
    [1280, 900],
    [375, 812],
  ]) {
    await page.setViewportSize({ width: w, height: h });
    await gotoReady(page, '/?theme=dark&lang=zh-CN&sel=alpaca');
    await addStyle(page, EVERY_VIEW_DRAWN);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('大模型浪潮，2020–2023');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await page.screenshot({ path: `test-results/screens/dark-zh-${w}.png`, fullPage: true });
  }
});
