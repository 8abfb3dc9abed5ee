import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { gotoReady, idsInView, openFacet, waitVisible, watchPage } from './helpers';

// Meta's models; its paper (Sustainable AI) and event (PyTorch 2.0) are annotations, not counted.
const META_WORK = ['llama-13b', 'llama-33b', 'llama-65b', 'llama-7b', 'opt-175b', 'sam'];

test('the Organization facet is a tree: ticking Meta includes Meta AI and FAIR, writes the id, counts top-level organizations', async ({
  page,
}) => {
  const watch = watchPage(page);
  await gotoReady(page);
  const panel = await openFacet(page, 'Organization');
  const meta = panel.getByRole('checkbox', { name: /^Meta\s+6$/ });
  const metaAi = panel.getByRole('checkbox', { name: /^Meta AI ?, part of Meta\s+6$/ });
  const fair = panel.getByRole('checkbox', { name: /^FAIR.* ?, part of Meta AI\s+4$/ });
  // Children sit under their parent, indented one level deeper each.
  await expect(meta.locator('xpath=..')).toHaveAttribute('data-depth', '0');
  await expect(metaAi.locator('xpath=..')).toHaveAttribute('data-depth', '1');
  await expect(fair.locator('xpath=..')).toHaveAttribute('data-depth', '2');
  const order = await panel.locator('.facet-option-label').allTextContents();
  const at = (re: RegExp) => order.findIndex((t) => re.test(t));
  expect(at(/^Meta AI/)).toBe(at(/^Meta$/) + 1);
  expect(at(/^FAIR/)).toBe(at(/^Meta AI/) + 1);

  await meta.check();
  await expect(page).toHaveURL(/[?&]org=meta(&|$)/);
  await expect.poll(async () => (await idsInView(page)).sort()).toEqual(META_WORK);
  // Included through Meta (its count now says what ticking it would leave: Meta's 6 still).
  const fairNow = panel.getByRole('checkbox', { name: /^FAIR/ });
  await expect(fairNow).toBeChecked();
  await expect(fairNow).toBeDisabled();
  // Top-level organizations of what is in view: Meta alone (PyTorch 2.0 is an event, not counted).
  await expect(page.getByTestId('card-organizations').locator('.card-figure')).toHaveText('1');
  await expect(page.getByTestId('result-count')).toHaveText('6 of 28: 6 models');
  await expect(page.getByRole('button', { name: 'Remove filter Meta' })).toBeVisible();
  expect(watch.consoleErrors).toEqual([]);
});

test('a link with an old spelling opens the right filter without a notice, and the address then carries the id', async ({ page }) => {
  await gotoReady(page, '/?org=Meta%20AI%20(FAIR)&org=stanford%20crfm');
  await expect.poll(async () => (await idsInView(page)).sort()).toEqual(['alpaca', 'llama-13b', 'llama-33b', 'llama-65b', 'llama-7b']);
  await expect(page.getByTestId('url-notice')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Remove filter FAIR (Fundamental AI Research)' })).toBeVisible();
  // A link made from this view carries ids.
  await page.getByTestId('share-open').click();
  const link = await page.getByTestId('embed-url-overview').inputValue();
  expect(new URL(link).searchParams.getAll('org')).toEqual(['fair', 'stanford-crfm']);
});

test('a link with an organization the data does not have still says so', async ({ page }) => {
  await gotoReady(page, '/?org=Nobody%20Inc&org=openai');
  await expect(page.getByTestId('url-notice')).toContainText('Nobody Inc');
  await expect.poll(async () => (await idsInView(page)).sort()).toEqual(['chatgpt', 'clip', 'gpt-3', 'gpt-3.5', 'gpt-4']);
});

test('timeline lanes by organization are top-level (Meta, not FAIR and Meta AI apart), named in Chinese', async ({ page }) => {
  await gotoReady(page, '/?lanes=organization&lang=zh-CN');
  const lanes = page.locator('[data-testid="chart-timeline"] .timeline-lane');
  await expect(lanes.first()).toBeAttached();
  const keys = await lanes.evaluateAll((els) => els.map((e) => e.getAttribute('data-lane')));
  expect(keys).toEqual(expect.arrayContaining(['org:meta', 'org:openai', 'org:google']));
  expect(keys).not.toContain('org:fair');
  expect(keys).not.toContain('org:meta-ai');
  await expect(page.locator('[data-lane="org:google"] .timeline-lane-label')).toHaveText('谷歌');
});

test('Epoch’s CSV (replace): every organization name is known; Google and Meta roll up their labs; the facet finds aliases', async ({
  page,
}) => {
  test.setTimeout(4 * 60_000);
  const SLOW = 120_000;
  await gotoReady(page);
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-file').setInputFiles(resolve('../shared/research/epoch-all-ml-systems-2025.csv'));
  await waitVisible(page.getByTestId('import-preview'), SLOW);
  await expect(page.getByTestId('import-organizations-summary')).toHaveText(
    '731 of 731 names are known organizations; 0 will be organizations of their own.',
  );
  await page.getByTestId('import-mode-replace').check();
  await page.getByTestId('import-confirm').click();
  await waitVisible(page.getByTestId('import-done'), SLOW);
  await page.getByTestId('import-close').click();
  await expect(page.getByTestId('result-count')).toHaveText('1,891 of 1,891: 1,891 models', { timeout: SLOW });

  const panel = await openFacet(page, 'Organization');
  const find = panel.getByTestId('facet-find');
  // An alias finds its organization: "Facebook AI Research" is FAIR, under Meta AI, under Meta.
  await find.fill('Facebook AI Research');
  await expect(panel.getByRole('checkbox', { name: /^FAIR.* ?, part of Meta AI/ })).toBeVisible();
  await find.fill('');
  // Ticking Google takes in Google Brain, DeepMind and Google Research.
  await find.fill('Google');
  await panel.getByRole('checkbox', { name: /^Google\s+\d/ }).check();
  await expect(page).toHaveURL(/[?&]org=google(&|$)/);
  for (const name of [/^Google Brain/, /^DeepMind/, /^Google Research/, /^Google DeepMind/]) {
    await expect(panel.getByRole('checkbox', { name }).first()).toBeDisabled();
  }
  const search = page.getByPlaceholder('Search models, organizations…');
  await search.fill('AlphaGo Zero');
  await expect(page.getByTestId('models-table').locator('tbody tr[data-system-id]').first()).toContainText('AlphaGo Zero', {
    timeout: SLOW,
  });
});
