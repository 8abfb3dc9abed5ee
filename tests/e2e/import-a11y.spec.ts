import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { gotoReady } from './helpers';

/*
 * axe over the import dialog at each step a reader sees: choosing a file, the preview (with a
 * long list of ignored columns, which scrolls), and the result. Audited on the dialog alone:
 * the page behind it is a11y.spec.ts's. Every finding counts here, not only serious ones, since
 * the dialog's landmark findings are "moderate".
 */

async function violations(page: Page, step: string): Promise<string[]> {
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  const result = await new AxeBuilder({ page })
    .setLegacyMode()
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .include('[data-testid="import-dialog"]')
    .analyze();
  return result.violations.map((v) => `${step}: ${v.id} (${v.impact}) — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** A CSV with a name column and forty columns the dashboard does not use. */
function csvWithManyIgnoredColumns(): string {
  const extra = Array.from({ length: 40 }, (_, i) => `Unused column number ${i + 1}`);
  const header = ['Name', 'Organization', ...extra].join(',');
  const rows = ['Alpha test model', 'Beta test model'].map((name) => [name, 'Test Lab', ...extra.map(() => 'x')].join(','));
  return [header, ...rows].join('\n');
}

test('the import dialog passes axe at every step: pick, preview with a scrolling column list, done', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await gotoReady(page);
  const found: string[] = [];

  await page.getByTestId('import-open').click();
  found.push(...(await violations(page, 'pick')));

  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'many-columns.csv', mimeType: 'text/csv', buffer: Buffer.from(csvWithManyIgnoredColumns()) });
  await expect(page.getByTestId('import-preview')).toBeVisible();
  const ignored = page.getByTestId('import-ignored');
  await expect(ignored).toContainText('Unused column number 40');
  // The list is taller than its box, so it scrolls; a keyboard user must be able to reach it.
  expect(await ignored.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  found.push(...(await violations(page, 'preview')));

  await page.getByTestId('import-dialog').getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  found.push(...(await violations(page, 'done')));

  expect(found).toEqual([]);
});
