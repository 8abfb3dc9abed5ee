import { expect, test } from '@playwright/test';
import { PANEL_IDS } from '../../src/store/panels';
import { gotoReady, watchPage } from './helpers';

/*
 * The production build's Content-Security-Policy (vite.config.ts): no inline script, no eval, no
 * other origin. Every e2e test's watchPage() fails on a violation or a foreign request; these
 * tests check the policy is there, that the watcher would notice, and walk every export.
 */

test('the built page carries the policy as its first <head> element and as a preview header', async ({ page, request }) => {
  const response = await request.get('/');
  const header = response.headers()['content-security-policy'];
  expect(header).toBeTruthy();
  const html = await response.text();
  const meta = /<head>\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  expect(meta?.[1].replace(/&#39;/g, "'")).toBe(header);
  for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'"])
    expect(header).toContain(directive);
  expect(header).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
  // No inline script in the built HTML: everything the page runs comes from /assets.
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);

  // The watcher sees a violation: an injected inline script is refused and reported.
  const watch = watchPage(page);
  await gotoReady(page);
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__ran = true';
    document.head.append(s);
  });
  await expect.poll(() => watch.cspViolations.length).toBeGreaterThan(0);
  expect(watch.cspViolations[0]).toContain('script-src');
  expect(await page.evaluate(() => 'ran' in window || '__ran' in window)).toBe(false);
});

test('every view, every export menu, a PNG of each panel, the share dialog and a presentation: no violation, no other host', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const watch = watchPage(page);
  await gotoReady(page, '/?cmp=alpaca,koala&sel=alpaca');
  for (const id of PANEL_IDS) {
    const slot = page.locator(`.view-slot[data-view="${id}"]`);
    await slot.scrollIntoViewIfNeeded();
    await expect(slot.locator('section.view').first()).toBeVisible();
    await page.getByTestId(`export-${id}`).click();
    await expect(page.getByTestId(`export-${id}-png1`)).toBeVisible();
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${id}-png1`).click()]);
    expect(png.suggestedFilename()).toMatch(new RegExp(`^${id}_.*\\.png$`));
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${id}-svg`).click()]);
    expect(svg.suggestedFilename()).toMatch(/\.svg$/);
    await page.getByTestId(`export-${id}`).click();
  }
  await page.getByTestId('share-open').click();
  await expect(page.getByTestId('share-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByTestId('present-start').click();
  await expect(page.getByTestId('present-bar')).toBeVisible();
  for (let i = 1; i < PANEL_IDS.length; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  await gotoReady(page, '/?theme=dark&lang=zh-CN&seed=checked');
  await page.waitForLoadState('networkidle');
  expect(watch.cspViolations).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
});
