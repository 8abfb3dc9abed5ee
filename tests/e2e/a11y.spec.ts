import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PANEL_IDS } from '../../src/store/panels';
import { gotoReady, openFacet, watchPage } from './helpers';

/*
 * axe (WCAG 2.0/2.1 A and AA rules) on every view and the states a reader opens: both themes,
 * both languages, desktop and phone, each embedded panel, the presentation, dialogs and menus.
 * A serious or critical finding fails the test with the rule, its impact and where it fired.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function seriousViolations(page: Page, label: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${label}: ${v.id} (${v.impact}) × ${v.nodes.length} — ${v.nodes
          .slice(0, 4)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

/** Loads `query`, waits for the charts to draw, and audits the page. */
async function auditUrl(page: Page, query: string, label = query || 'default') {
  await page.goto(`/${query ? `?${query}` : ''}`);
  // Embedded and presented panels have no result count: wait for the panel itself.
  await expect(page.locator('.view-slot section.view').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  return seriousViolations(page, label);
}

for (const [width, height] of [
  [1280, 900],
  [375, 812],
] as const) {
  test(`the whole page at ${width} px: light and dark, English and 中文`, async ({ page }) => {
    test.setTimeout(120_000);
    const watch = watchPage(page);
    await page.setViewportSize({ width, height });
    const found: string[] = [];
    for (const lang of ['', 'lang=zh-CN']) {
      for (const theme of ['theme=light', 'theme=dark']) {
        found.push(...(await auditUrl(page, [lang, theme].filter(Boolean).join('&'), `${width}px ${lang || 'en'} ${theme}`)));
      }
    }
    expect(found).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });
}

for (const id of PANEL_IDS) {
  test(`embedded panel ${id}, light and dark`, async ({ page }) => {
    const watch = watchPage(page);
    const found: string[] = [];
    for (const theme of ['light', 'dark']) found.push(...(await auditUrl(page, `embed=${id}&theme=${theme}`)));
    expect(found).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });
}

for (const query of [
  'present=training-cost',
  'present=models-table&theme=dark',
  'seed=checked',
  'seed=checked&theme=dark&lang=zh-CN',
  'cmp=alpaca,koala',
  'cmp=alpaca,koala&theme=dark&lang=zh-CN',
  'base=llama&sel=llava&theme=dark',
]) {
  test(`states from a link: ${query}`, async ({ page }) => {
    test.setTimeout(45_000);
    const watch = watchPage(page);
    expect(await auditUrl(page, query)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });
}

test('open dialogs and menus: share dialog, a filter menu, an export menu, a tooltip', async ({ page }) => {
  test.setTimeout(120_000);
  const watch = watchPage(page);
  const found: string[] = [];
  for (const theme of ['light', 'dark']) {
    await gotoReady(page, `/?theme=${theme}`);
    await page.getByTestId('share-open').click();
    await expect(page.getByTestId('share-dialog')).toBeVisible();
    found.push(...(await seriousViolations(page, `${theme}: share dialog`)));
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('share-dialog')).toBeHidden();

    await openFacet(page, 'Organization');
    found.push(...(await seriousViolations(page, `${theme}: filter menu`)));
    await page.keyboard.press('Escape');

    await page.getByTestId('export-training-cost').click();
    await expect(page.getByTestId('export-training-cost-svg')).toBeVisible();
    found.push(...(await seriousViolations(page, `${theme}: export menu`)));
    await page.getByTestId('export-training-cost').click();

    await page.getByTestId('export-models-table').click();
    found.push(...(await seriousViolations(page, `${theme}: explorer export menu`)));
    await page.getByTestId('export-models-table').click();

    await page.locator('[data-chart="timeline"] [data-tip]').first().hover();
    await expect(page.getByTestId('tooltip')).toBeVisible();
    found.push(...(await seriousViolations(page, `${theme}: tooltip`)));
  }
  expect(found).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
});
