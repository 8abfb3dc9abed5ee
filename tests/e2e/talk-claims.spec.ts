import { expect, test } from '@playwright/test';
import { gotoReady, watchPage } from './helpers';

/*
 * The talk's claims beside the values they concern, the footer's count of figures by grade, and a
 * cost range that mixes kinds of price (issue 15, items 5 and 6). With SHOTS_DIR set, it also saves
 * screenshots of the explorer and the footer at 1280 and 375 px for review.
 */

const row = (page: import('@playwright/test').Page, id: string) => page.getByTestId('models-table').locator(`tr[data-system-id="${id}"]`);

test('GPT-3: the talk’s “June 2020” (the API beta) shows beside the paper’s May 28', async ({ page }) => {
  const watch = watchPage(page);
  await gotoReady(page, '/?q=GPT-3');
  const release = row(page, 'gpt-3').locator('td[data-field="release"]');
  await expect(release.locator('.cell-text')).toHaveText('May 28, 2020');
  await expect(release.locator('.cell-also')).toContainText('also Jun 11, 2020: OpenAI API announced as a private beta');
  await expect(release.locator('.cell-also .talk-agrees')).toContainText('✓ talk: 2020 年 6 月');
  expect(watch.consoleErrors).toEqual([]);
});

test('ColossalChat: the talk’s credit to UC Berkeley shows beside HPC-AI Tech, in the explorer and the selected system', async ({
  page,
}) => {
  await gotoReady(page, '/?q=ColossalChat&sel=colossalchat');
  const org = row(page, 'colossalchat').locator('td[data-field="organization"]');
  await expect(org.locator('.cell-text')).toHaveText('HPC-AI Tech');
  await expect(org.locator('.talk-diff')).toContainText('⚠ talk says: 加州大学伯克利分校 (UC Berkeley)');
  await expect(page.getByTestId('selected-system')).toContainText('⚠ talk says: 加州大学伯克利分校 (UC Berkeley)');
  // The weights cell carries the talk's claim too (the talk calls ChatLLaMA a "model"; here: CLIP's "开源了").
  await gotoReady(page, '/?q=CLIP');
  await expect(row(page, 'clip').locator('td[data-field="weights"] .talk-diff')).toContainText('OpenAI 开源了 CLIP 模型');
});

test('the footer counts figures by grade instead of claiming each was checked against its primary source', async ({ page }) => {
  await gotoReady(page);
  const note = page.getByTestId('overview-source-note');
  await expect(page.getByTestId('figure-grades')).toHaveText(
    'Of 276 figures, 242 come from primary sources, 21 from Epoch AI’s database and 13 from secondary sources only.',
  );
  await expect(note).not.toContainText('checked against its primary source');
});

test('a cost range that mixes spot and on-demand prices says so in the cell', async ({ page }) => {
  await gotoReady(page, '/?q=Vicuna');
  await expect(row(page, 'vicuna-13b').locator('td[data-field="trainingCost"] .cell-text')).toHaveText(
    '$300–$1,000 (2 figures; mixed: spot and on-demand prices)',
  );
  await expect(row(page, 'vicuna-13b').locator('td[data-field="trainingCost"] .talk-agrees')).toContainText('✓ talk: $300 (training)');
});

test('screenshots for review (only with SHOTS_DIR)', async ({ page }) => {
  const dir = process.env.SHOTS_DIR;
  test.skip(!dir, 'SHOTS_DIR not set');
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await gotoReady(page);
    await page.locator('[data-view="models-table"]').screenshot({ path: `${dir}/explorer-${width}.png` });
    await gotoReady(page, '/?q=colossalchat');
    await page.locator('[data-view="models-table"]').screenshot({ path: `${dir}/explorer-colossalchat-${width}.png` });
    await gotoReady(page);
    await page.getByTestId('overview-source-note').scrollIntoViewIfNeeded();
    await page.getByTestId('overview-source-note').screenshot({ path: `${dir}/footer-${width}.png` });
  }
});
