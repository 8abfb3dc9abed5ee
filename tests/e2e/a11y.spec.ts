import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PANEL_IDS } from '../../src/store/panels';
import { gotoReady, openFacet, waitVisible, watchPage } from './helpers';

/*
 * axe (WCAG 2.0/2.1 A and AA rules) on every view and the states a reader opens: both themes,
 * both languages, desktop and phone, each embedded panel, the presentation, dialogs and menus.
 * A serious or critical finding fails the test with the rule, its impact and where it fired.
 *
 * Each state is audited once, over what it changes: an open menu or dialog is audited on its
 * own (the page behind it is the whole-page test's), a link state over the panels it changes.
 * The theme is CSS only (`<html data-theme>`, app.tsx): the dark variant of a state gets the
 * colour rules, its structure being the same as the light variant's, audited in full.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** The rules whose outcome depends on colours (both in TAGS). */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

interface AuditOptions {
  /** Selectors of the parts to audit; the whole page if none. */
  scope?: string[];
  /** Only the colour rules: for the dark variant of a state whose light variant had every rule. */
  colourOnly?: boolean;
}

async function seriousViolations(page: Page, label: string, { scope = [], colourOnly = false }: AuditOptions = {}): Promise<string[]> {
  // Legacy mode runs axe.run in the page itself. The default mode also opens a blank page to
  // merge per-frame results, which doubled the time of every audit; these pages have no frames.
  let builder = new AxeBuilder({ page }).setLegacyMode();
  builder = colourOnly ? builder.withRules(COLOUR_RULES) : builder.withTags(TAGS);
  for (const selector of scope) {
    // An include that matches nothing would audit nothing and pass: each part must be there.
    await expect(page.locator(selector).first(), `${label}: ${selector}`).toBeVisible();
    builder = builder.include(selector);
  }
  const result = await builder.analyze();
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

/** Loads `query`, waits for the charts to draw, and audits the page (or `options.scope` of it). */
async function auditUrl(page: Page, query: string, options: AuditOptions = {}, label = query || 'default') {
  await page.goto(`/${query ? `?${query}` : ''}`);
  // Embedded and presented panels have no result count: wait for the panel itself.
  await waitVisible(page.locator('.view-slot section.view').first());
  await page.waitForLoadState('networkidle');
  return seriousViolations(page, label, options);
}

for (const [width, height] of [
  [1280, 900],
  [375, 812],
] as const) {
  for (const lang of ['en', 'zh-CN']) {
    test(`the whole page at ${width} px in ${lang}: light, and dark's colours`, async ({ page }) => {
      const watch = watchPage(page);
      await page.setViewportSize({ width, height });
      const found: string[] = [];
      for (const theme of ['light', 'dark'] as const) {
        await gotoReady(page, `/?lang=${lang}&theme=${theme}`);
        await page.waitForLoadState('networkidle');
        found.push(...(await seriousViolations(page, `${width}px ${lang} ${theme}`, { colourOnly: theme === 'dark' })));
      }
      expect(found).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
    });
  }
}

for (const id of PANEL_IDS) {
  test(`embedded panel ${id}, light and dark`, async ({ page }) => {
    const watch = watchPage(page);
    const found: string[] = [];
    for (const theme of ['light', 'dark']) {
      found.push(...(await auditUrl(page, `embed=${id}&theme=${theme}`, { colourOnly: theme === 'dark' })));
    }
    expect(found).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });
}

const SEED_TABLES = ['.view-slot[data-view="seed-tables"]'];
const COMPARE = ['.view-slot[data-view="compare"]', '.view-slot[data-view="models-table"]'];
for (const [query, scope] of [
  ['present=training-cost', undefined],
  ['present=models-table&theme=dark', undefined],
  // The checked figures change the talk's tables only.
  ['seed=checked', SEED_TABLES],
  ['seed=checked&theme=dark&lang=zh-CN', SEED_TABLES],
  // Two systems to compare: the compare panel and their marks in the explorer.
  ['cmp=alpaca,koala', COMPARE],
  ['cmp=alpaca,koala&theme=dark&lang=zh-CN', COMPARE],
  // A filter and a selection change every view.
  ['base=llama&sel=llava&theme=dark', undefined],
] as const) {
  test(`states from a link: ${query}`, async ({ page }) => {
    const watch = watchPage(page);
    expect(await auditUrl(page, query, { scope: scope ? [...scope] : undefined })).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`open dialogs and menus, ${theme}: share dialog, a filter menu, export menus, a tooltip`, async ({ page }) => {
    const watch = watchPage(page);
    const colourOnly = theme === 'dark';
    const found: string[] = [];
    await gotoReady(page, `/?theme=${theme}`);
    await page.getByTestId('share-open').click();
    await expect(page.getByTestId('share-dialog')).toBeVisible();
    found.push(...(await seriousViolations(page, `${theme}: share dialog`, { scope: ['[data-testid="share-dialog"]'], colourOnly })));
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('share-dialog')).toBeHidden();

    await openFacet(page, 'Organization');
    found.push(...(await seriousViolations(page, `${theme}: filter menu`, { scope: ['.filter-bar details[open]'], colourOnly })));
    await page.keyboard.press('Escape');
    await expect(page.locator('.filter-bar details[open]')).toHaveCount(0);

    await page.getByTestId('export-training-cost').click();
    await expect(page.getByTestId('export-training-cost-svg')).toBeVisible();
    found.push(...(await seriousViolations(page, `${theme}: export menu`, { scope: ['details.export-menu[open]'], colourOnly })));
    await page.getByTestId('export-training-cost').click();
    await expect(page.locator('details.export-menu[open]')).toHaveCount(0);

    await page.getByTestId('export-models-table').click();
    found.push(...(await seriousViolations(page, `${theme}: explorer export menu`, { scope: ['details.export-menu[open]'], colourOnly })));
    await page.getByTestId('export-models-table').click();

    await page.locator('[data-chart="timeline"] [data-tip]').first().hover();
    await expect(page.getByTestId('tooltip')).toBeVisible();
    // The tooltip, and the mark that describes itself by it.
    found.push(
      ...(await seriousViolations(page, `${theme}: tooltip`, {
        scope: ['[data-testid="tooltip"]', '[data-chart="timeline"]'],
        colourOnly,
      })),
    );
    expect(found).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });
}
