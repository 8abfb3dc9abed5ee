import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { addStyle, expectLaidOut, gotoReady, screenMatrix, watchPage } from './helpers';

const SCREENS = join(process.env.E2E_RESULTS_DIR ?? 'test-results', 'screens');

const frame = (page: Page) => page.locator('[data-chart="co2"]');
const marks = (page: Page) => frame(page).locator('g.co2-mark[data-system-id]');
const mark = (page: Page, id: string) => frame(page).locator(`g.co2-mark[data-system-id="${id}"]`);
const explorerRow = (page: Page, id: string) => page.locator(`[data-testid="models-table"] tr[data-system-id="${id}"]`);
const calc = (page: Page) => page.getByTestId('co2-calculator');

async function markIds(page: Page): Promise<string[]> {
  return marks(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-system-id') ?? ''));
}

async function openData(page: Page) {
  await frame(page).getByRole('button', { name: 'Show data' }).click();
  return page.getByTestId('chart-co2-data');
}

test('the chart draws every run with a CO₂ figure, and the show-data table equals the plotted labels', async ({ page }) => {
  const { consoleErrors } = watchPage(page);
  await gotoReady(page);
  await expect(marks(page)).toHaveCount(8);
  expect(await markIds(page)).toEqual(['gpt-3', 'bloom-175b', 'llama-65b', 'opt-175b', 'llama-33b', 'llama-13b', 'llama-7b', 'sam']);
  await expect(page.getByTestId('chart-co2-count')).toHaveText('8 of 28 systems shown');

  const plotted = await marks(page).evaluateAll((els) =>
    els.map((e) => [e.getAttribute('data-system-id'), e.querySelector('.co2-bar-value')?.textContent ?? '', e.getAttribute('data-value')]),
  );
  const table = await openData(page);
  await expect(table.locator('tbody tr')).toHaveCount(8);
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-row-id'), tr.children[1]?.textContent ?? '']));
  expect(rows).toEqual(plotted.map(([id, label]) => [id, label]));
  expect(plotted.find((p) => p[0] === 'gpt-3')).toEqual(['gpt-3', '552 t est.', '552']);
  expect(plotted.find((p) => p[0] === 'sam')).toEqual(['sam', '2.8 t est.', '2.8']);

  // Estimates are hatched and dashed; the 1/24 and the spreads are labelled on the chart.
  const bar = mark(page, 'llama-13b').locator('rect.co2-bar');
  await expect(bar).toHaveAttribute('fill', /^url\(#hatch-/);
  await expect(bar).toHaveAttribute('stroke-dasharray', '4 3');
  await expect(mark(page, 'llama-13b').locator('.co2-bar-note')).toHaveText('≈ 1/24 of GPT-3 · talk agrees');
  await expect(mark(page, 'opt-175b').locator('.co2-bar-note')).toHaveText('published range 82–137 t');
  await expect(mark(page, 'bloom-175b').locator('.co2-range-marker')).toHaveAttribute('data-figure', '27');
  await expect(page.getByTestId('co2-gpt3-single')).toContainText('one published CO₂ figure (552 t');
  // Left out with reasons, never drawn as zero.
  await frame(page)
    .getByText(/left out — why/)
    .click();
  await expect(page.getByTestId('chart-co2-left-out')).toContainText('ChatGPT: not disclosed');
  await expect(page.getByTestId('chart-co2-left-out')).toContainText('Alpaca: unknown');
  expect(consoleErrors).toEqual([]);
});

test('hovering a bar highlights the model in the explorer; hovering and selecting an explorer row highlights the bar', async ({ page }) => {
  const { consoleErrors } = watchPage(page);
  await gotoReady(page, '/?base=llama');
  await mark(page, 'llama-33b').hover();
  await expect(explorerRow(page, 'llama-33b')).toHaveClass(/is-hovered/);
  await expect(mark(page, 'llama-33b')).toHaveAttribute('data-hovered', 'true');

  await explorerRow(page, 'llama-65b').hover();
  await expect(mark(page, 'llama-65b')).toHaveAttribute('data-hovered', 'true');
  await expect(mark(page, 'llama-33b')).not.toHaveAttribute('data-hovered', 'true');

  await explorerRow(page, 'llama-65b').locator('td').first().click();
  await expect(page).toHaveURL(/sel=llama-65b/);
  await expect(mark(page, 'llama-65b')).toHaveAttribute('data-selected', 'true');
  await expect(mark(page, 'llama-65b').locator('.co2-selected-ring')).toHaveCount(1);
  expect(consoleErrors).toEqual([]);
});

test('clicking a bar and pressing Enter on a focused bar select it everywhere', async ({ page }) => {
  await gotoReady(page);
  await mark(page, 'opt-175b').click();
  await expect(page).toHaveURL(/sel=opt-175b/);
  await expect(page.locator('[data-testid="systems-in-view"] [data-system-id="opt-175b"]')).toHaveAttribute('aria-pressed', 'true');
  await mark(page, 'sam').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/sel=sam/);
  await expect(mark(page, 'sam')).toHaveAttribute('aria-pressed', 'true');
});

test('base model LLaMA leaves only LLaMA and its descendants; the descendants are left out as unknown', async ({ page }) => {
  await gotoReady(page, '/?base=llama');
  expect(await markIds(page)).toEqual(['llama-65b', 'llama-33b', 'llama-13b', 'llama-7b']);
  await expect(page.getByTestId('chart-co2-count')).toHaveText('4 of 12 systems shown');
  await frame(page)
    .getByText(/left out — why/)
    .click();
  await expect(page.getByTestId('chart-co2-left-out')).toContainText('Vicuna-13B: unknown');
  // The 1/24 uses GPT-3's reference figure, so it stays although GPT-3 is filtered out.
  await expect(mark(page, 'llama-13b').locator('.co2-bar-note')).toHaveText('≈ 1/24 of GPT-3 · talk agrees');
});

test('equivalents: GPT-3 by default (460 passenger trips = the talk’s 460 次), then follow a selection in the explorer', async ({
  page,
}) => {
  const { consoleErrors } = watchPage(page);
  await gotoReady(page);
  const eq = page.getByTestId('co2-equivalents');
  await expect(eq).toHaveAttribute('data-system-id', 'gpt-3');
  await expect(page.getByTestId('co2-eq-passenger-value')).toHaveText('460');
  await expect(page.getByTestId('co2-eq-passenger-talk')).toContainText('460 次');
  await expect(page.getByTestId('co2-eq-jet-value')).toHaveText('3.1');
  await expect(page.getByTestId('co2-eq-brain-value')).toHaveText('7,341');
  await expect(page.getByTestId('co2-eq-brain-talk')).toContainText('22 W');
  await expect(page.getByTestId('co2-eq-brain-talk')).toContainText('6,674 years');
  await expect(eq.locator('a.source-link').first()).toHaveAttribute('href', /^https:\/\//);

  await explorerRow(page, 'llama-13b').click();
  await expect(page).toHaveURL(/sel=llama-13b/);
  await expect(eq).toHaveAttribute('data-system-id', 'llama-13b');
  await expect(page.getByTestId('co2-eq-tonnes')).toHaveText('23 t CO₂e');
  await expect(page.getByTestId('co2-eq-passenger-value')).toHaveText('19');
  await expect(page.getByTestId('co2-eq-passenger-talk')).toHaveCount(0);
  await expect(page.getByTestId('co2-eq-gpt3-value')).toHaveText('≈ 1/24 of GPT-3');

  // A run with two published figures shows the spread in every equivalent.
  await mark(page, 'opt-175b').click();
  await expect(page.getByTestId('co2-eq-tonnes')).toHaveText('82–137 t CO₂e');
  await expect(page.getByTestId('co2-eq-passenger-value')).toHaveText('68–114');

  // A selection without CO₂ falls back to GPT-3 and says why.
  await explorerRow(page, 'chatgpt').click();
  await expect(eq).toHaveAttribute('data-system-id', 'gpt-3');
  await expect(eq).toContainText('ChatGPT has no CO₂ figure (not disclosed)');
  expect(consoleErrors).toEqual([]);
});

test('calculator: editing an input updates the result; a bad input is kept, flagged, and the result withheld', async ({ page }) => {
  const { consoleErrors } = watchPage(page);
  await gotoReady(page);
  const c = calc(page);
  await expect(c.getByTestId('co2-calc-model')).toHaveValue('llama-13b');
  await expect(c.getByTestId('co2-calc-gpuHours')).toHaveValue('135,168');
  await expect(c.getByTestId('co2-calc-mwh')).toHaveText('59.47');
  await expect(c.getByTestId('co2-calc-tco2e')).toHaveText('22.9');
  await expect(c.getByTestId('co2-calc-table15-style')).toHaveText('As Table 15 would print it: 59 MWh, 23 t CO₂e.');
  await expect(c.getByTestId('co2-calc-published')).toContainText('59 MWh');
  await expect(c.getByTestId('co2-preset-llama')).toHaveAttribute('aria-pressed', 'true');

  await c.getByTestId('co2-calc-gpuHours').fill('1,082,880');
  await expect(c.getByTestId('co2-calc-mwh')).toHaveText('476.47');
  await expect(c.getByTestId('co2-calc-tco2e')).toHaveText('183.44');

  await c.getByTestId('co2-calc-pue').fill('abc');
  await expect(c.getByTestId('co2-calc-pue')).toHaveAttribute('aria-invalid', 'true');
  await expect(c.getByTestId('co2-calc-pue-error')).toContainText('“abc” is not a number');
  await expect(c.getByTestId('co2-calc-withheld')).toBeVisible();
  await expect(c.getByTestId('co2-calc-mwh')).toHaveCount(0);
  await expect(c.getByTestId('co2-calc-pue')).toHaveValue('abc');
  await expect(c.getByTestId('co2-calc-gpuHours')).toHaveValue('1,082,880');
  await c.getByTestId('co2-calc-pue').fill('-1');
  await expect(c.getByTestId('co2-calc-pue-error')).toHaveText('Cannot be negative.');
  await c.getByTestId('co2-calc-pue').fill('1.1');
  await expect(c.getByTestId('co2-calc-mwh')).toHaveText('476.47');

  // BLOOM's own grid: the LLaMA paper's 27 t.
  await c.getByTestId('co2-preset-grid-bloom-175b').click();
  await expect(c.getByTestId('co2-calc-kgCo2ePerKwh')).toHaveValue('0.057');
  await expect(c.getByTestId('co2-calc-table15-style')).toContainText('27 t CO₂e');
  await c.getByTestId('co2-preset-llama').click();
  await expect(c.getByTestId('co2-calc-kgCo2ePerKwh')).toHaveValue('0.385');

  // Any model with GPU-hours; hardware other than the A100-80GB is flagged.
  await c.getByTestId('co2-calc-model').selectOption('gpt-3');
  await expect(c.getByTestId('co2-calc-gpuHours')).toHaveValue('3,552,000');
  await expect(c.getByTestId('co2-calc-hardware-warning')).toContainText('V100');
  await expect(c.getByTestId('co2-calc-model-notes')).toContainText('estimate');
  await expect(c.getByTestId('co2-calc-mwh')).toHaveText('1,562.88');
  expect(consoleErrors).toEqual([]);
});

test('Table 15 reproduction: six rows; every t CO₂e matches, every MWh but BLOOM’s printed 475', async ({ page }) => {
  await gotoReady(page);
  const t15 = page.getByTestId('co2-table15');
  const rows = t15.locator('tbody tr');
  await expect(rows).toHaveCount(6);
  const cells = await rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      id: tr.getAttribute('data-row-id'),
      mwh: [tr.querySelector('[data-cell="mwh-rule"]')?.textContent, tr.querySelector('[data-cell="mwh-printed"]')?.textContent],
      t: [tr.querySelector('[data-cell="t-rule"]')?.textContent, tr.querySelector('[data-cell="t-printed"]')?.textContent],
      mwhMatch: tr.getAttribute('data-mwh-match'),
      tMatch: tr.getAttribute('data-t-match'),
    })),
  );
  expect(cells.map((c) => c.id)).toEqual(['opt-175b', 'bloom-175b', 'llama-7b', 'llama-13b', 'llama-33b', 'llama-65b']);
  for (const c of cells) {
    expect(c.t[0]).toBe(c.t[1]);
    expect(c.tMatch).toBe('true');
    if (c.id === 'bloom-175b') {
      expect(c.mwh).toEqual(['476', '475']);
      expect(c.mwhMatch).toBe('false');
    } else {
      expect(c.mwh[0]).toBe(c.mwh[1]);
      expect(c.mwhMatch).toBe('true');
    }
  }
  await expect(page.getByTestId('co2-t15-summary')).toContainText('t CO₂e: 6 of 6 rows match. MWh: 5 of 6 match.');
  await expect(page.getByTestId('co2-t15-summary')).toContainText(
    'BLOOM-175B: the paper prints 475 MWh, but its own GPU-hours give 476.47 MWh',
  );

  // "Use" loads a row into the calculator, which then prints the table's figures.
  await t15.getByRole('button', { name: 'Load LLaMA-65B into the calculator' }).click();
  await expect(calc(page).getByTestId('co2-calc-table15-style')).toHaveText('As Table 15 would print it: 449 MWh, 173 t CO₂e.');
});

// One test per look (en/zh × light/dark × desktop/phone, and a selection): each loads its own page.
for (const s of [...screenMatrix('co2-'), { name: 'co2-en-light-1280-selected', query: 'sel=opt-175b', width: 1280, height: 900 }]) {
  test(`screenshot ${s.name}: labels inside the chart, theme colours, no horizontal scroll`, async ({ page }) => {
    mkdirSync(SCREENS, { recursive: true });
    const { consoleErrors } = watchPage(page);
    await page.setViewportSize({ width: s.width, height: s.height });
    await gotoReady(page, `/?${s.query}`);
    await expect(marks(page)).toHaveCount(8);
    // The sticky band (filter bar, section links) would cover the top of an element screenshot.
    await addStyle(page, '.sticky-band { position: static !important; }');
    const view = page.getByTestId('co2-view');
    await view.scrollIntoViewIfNeeded();
    // Measured once the chart has redrawn at its box's width, not at the width it first drew at.
    await expectLaidOut(page.getByTestId('chart-co2'));
    // Labels stay inside the chart's box and no clip path cuts them: nothing clipped at the right edge.
    const overflow = await page.evaluate(() => {
      const box = document.querySelector('[data-chart="co2"] .co2-chart')!.getBoundingClientRect();
      let worst = 0;
      let clipped = 0;
      for (const el of document.querySelectorAll(
        '[data-chart="co2"] .co2-bar-value, [data-chart="co2"] .co2-bar-note, [data-chart="co2"] .co2-name',
      )) {
        const r = el.getBoundingClientRect();
        worst = Math.max(worst, r.right - box.right, box.left - r.left);
        if (el.closest('[clip-path]')) clipped++;
      }
      return { worst, clipped };
    });
    expect(overflow.worst, `${s.name}: a label sticks out of the chart`).toBeLessThanOrEqual(1);
    expect(overflow.clipped, `${s.name}: labels under a clip path`).toBe(0);
    if (s.query.includes('theme=dark')) {
      // Every chart text follows the theme: nothing left in the SVG default black on the dark surface.
      const black = await page.evaluate(() =>
        [...document.querySelectorAll('[data-chart="co2"] .co2-chart text')]
          .filter((el) => getComputedStyle(el).fill === 'rgb(0, 0, 0)')
          .map((el) => el.textContent),
      );
      expect(black, `${s.name}: black text on dark`).toEqual([]);
    }
    const scrollX = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(scrollX, `${s.name}: page scrolls horizontally`).toBeLessThanOrEqual(0);
    await page.getByTestId('chart-co2').screenshot({ path: join(SCREENS, `${s.name}-chart.png`) });
    await page.getByTestId('co2-equivalents').screenshot({ path: join(SCREENS, `${s.name}-equivalents.png`) });
    await page.getByTestId('co2-calculator').screenshot({ path: join(SCREENS, `${s.name}-calculator.png`) });
    expect(consoleErrors).toEqual([]);
  });
}
