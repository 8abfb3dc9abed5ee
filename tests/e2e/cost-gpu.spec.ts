import { expect, test, type Locator, type Page } from '@playwright/test';
import { addStyle, gotoReady, watchPage } from './helpers';

/*
 * The training-cost and GPU-hours charts in the real browser: marks drawn from the bundled data,
 * marks equal to the "show data" table, the scale toggles in the URL, linked hover/selection with
 * the explorer, the base-model filter, labels inside the plot and clear of each other.
 */

const SHOTS = `${process.env.E2E_RESULTS_DIR ?? 'test-results'}/screens`;

const cost = (page: Page) => page.getByTestId('chart-training-cost');
const gpu = (page: Page) => page.getByTestId('chart-gpu-hours');
const ids = (marks: Locator) => marks.evaluateAll((els) => els.map((e) => e.getAttribute('data-system-id') ?? ''));
const ticks = (chart: Locator) => chart.locator('.recharts-xAxis-tick-labels text.recharts-cartesian-axis-tick-value');

async function showData(chart: Locator) {
  await chart.getByRole('button', { name: 'Show data' }).click();
  return chart.locator('table.chart-data tbody tr');
}

/**
 * Text boxes of the chart's labels and names: none may leave the SVG, overlap another text, or
 * run over a mark (a label inside its own bar may overlap that bar, nothing else).
 */
async function labelProblems(chart: Locator): Promise<string[]> {
  // The chart first draws at its initial size, then at the measured one: wait until the SVG fills
  // its box and the layout (name column, stacked labels) follows the measured width.
  await expect
    .poll(() =>
      chart
        .locator('svg.recharts-surface')
        .first()
        .evaluate((svg) => {
          const plot = svg.closest('.cost-plot, .gpu-plot');
          const box = plot?.getBoundingClientRect().width ?? 0;
          return Math.max(Math.abs(svg.getBoundingClientRect().width - box), Math.abs(Number(plot?.getAttribute('data-width')) - box));
        }),
    )
    .toBeLessThan(1);
  return chart
    .locator('svg.recharts-surface')
    .first()
    .evaluate((svg) => {
      const frame = svg.getBoundingClientRect();
      const texts = [...svg.querySelectorAll('.bar-label, .row-name, .section-head text, .recharts-cartesian-axis-tick-value')].map(
        (el) => ({
          el,
          text: el.textContent ?? '',
          box: el.getBoundingClientRect(),
        }),
      );
      const marks = [...svg.querySelectorAll('.cost-segment, .figure-mark, .range-line, .gpu-bar, .upper-mark line, .upper-mark path')].map(
        (el) => ({ el, box: el.getBoundingClientRect() }),
      );
      const problems: string[] = texts.length < 10 ? [`only ${texts.length} labels found`] : [];
      const crosses = (a: DOMRect, b: DOMRect) =>
        Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && a.top < b.bottom && b.top < a.bottom;
      for (const { text, box } of texts) {
        if (box.left < frame.left - 1 || box.right > frame.right + 1 || box.top < frame.top - 1 || box.bottom > frame.bottom + 1)
          problems.push(`clipped: ${text}`);
      }
      texts.forEach((a, i) =>
        texts.slice(i + 1).forEach((b) => {
          if (crosses(a.box, b.box) && Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top) > 1)
            problems.push(`overlap: "${a.text}" / "${b.text}"`);
        }),
      );
      for (const label of texts.filter((t) => t.el.classList.contains('bar-label'))) {
        const row = label.el.closest('[data-system-id]');
        for (const mark of marks) {
          const ownBar = mark.el.closest('[data-system-id]') === row && mark.el.matches('.cost-segment, .gpu-bar');
          if (ownBar && label.el.classList.contains('is-inside')) continue;
          if (crosses(label.box, mark.box))
            problems.push(
              `label over a mark: "${label.text}" / ${mark.el.closest('[data-system-id]')?.getAttribute('data-system-id')} ${mark.el.getAttribute('class')}`,
            );
        }
      }
      return problems;
    });
}

test('training cost: one row per system with a cost, one marker per published figure, equal to the data table', async ({ page }) => {
  const watch = watchPage(page);
  await gotoReady(page);
  const chart = cost(page);
  const rows = chart.locator('g.cost-row[data-system-id]');
  await expect(rows).toHaveCount(8);
  expect(await ids(rows)).toEqual(['gpt-3', 'llama-65b', 'clip', 'alpaca', 'vicuna-7b', 'vicuna-13b', 'koala', 'dolly-1']);
  await expect(page.getByTestId('chart-training-cost-count')).toHaveText('8 of 28 systems shown');
  const figures = chart.locator('[data-figure]');
  const tableRows = await showData(chart);
  await expect(tableRows).toHaveCount(await figures.count());
  await expect(tableRows).toHaveCount(14);
  const plotted = await figures.evaluateAll((els) =>
    els.map((e): [string, string] => [e.getAttribute('data-figure') ?? '', e.getAttribute('data-value-text') ?? '']),
  );
  const tabled = await tableRows.evaluateAll((trs) =>
    trs.map((tr): [string, string] => [tr.getAttribute('data-row-id') ?? '', tr.children[2].textContent ?? '']),
  );
  expect(new Map(plotted)).toEqual(new Map(tabled));
  // "Less than" is never shown as exact, and the estimate is marked in the label.
  await expect(chart.locator('[data-system-id="alpaca"] .bar-label')).toHaveText('<$500 data + <$100 training ⚠');
  await expect(chart.locator('[data-system-id="koala"] .upper-mark')).toHaveCount(1);
  await expect(chart.locator('[data-system-id="clip"] .bar-label')).toContainText('est.');
  await expect(page.getByTestId('cost-dollar-years')).toContainText('Epoch AI: constant 2023 USD; Lambda Labs: nominal 2020 USD');
  expect(await labelProblems(chart)).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
});

test('GPU-hours: runs equal the data table; pre-training and fine-tunes split; the gap is computed', async ({ page }) => {
  const watch = watchPage(page);
  await gotoReady(page);
  const chart = gpu(page);
  const rows = chart.locator('g.gpu-row[data-system-id]');
  await expect(rows).toHaveCount(15);
  const tableRows = await showData(chart);
  await expect(tableRows).toHaveCount(15);
  const plotted = await rows.evaluateAll((els) =>
    els.map((e) => [e.getAttribute('data-system-id'), e.querySelector('.gpu-bar')?.getAttribute('data-value-text')]),
  );
  const tabled = await tableRows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-row-id'), tr.children[1].textContent]));
  expect(plotted).toEqual(tabled);
  expect(await ids(chart.locator('g.gpu-row[data-run-kind="fine-tune"]'))).toEqual(['vicuna-13b', 'llava', 'koala', 'alpaca', 'dolly-1']);
  await expect(chart.locator('.section-head')).toHaveText(['Pre-training runs (10)', 'Fine-tunes (5)']);
  await expect(page.getByTestId('gpu-gap-note')).toHaveText(
    'Fine-tuning Alpaca took 24 GPU-hours; pre-training its base, LLaMA-7B, took 82,432 — about 3,430× as many.',
  );
  // Every fine-tune's bar is shorter than every pre-training bar: the gap is visible at a glance.
  const widths = await rows.evaluateAll((els) =>
    els.map((e) => [e.getAttribute('data-run-kind'), e.querySelector('.gpu-bar')!.getBoundingClientRect().width] as const),
  );
  const longestFine = Math.max(...widths.filter(([k]) => k === 'fine-tune').map(([, w]) => w));
  const shortestPre = Math.min(...widths.filter(([k]) => k === 'pre-training').map(([, w]) => w));
  expect(longestFine).toBeLessThan(shortestPre);
  await expect(chart.locator('[data-system-id="alpaca"]')).toHaveAttribute('data-tip', /8 GPUs × 3 h/);
  await expect(page.getByTestId('gpu-hours-legend').locator('[data-hardware]')).toHaveText(['A100', 'A100-40GB', 'A100-80GB', 'V100']);
  expect(await labelProblems(chart)).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
});

test('log/linear toggles change the axis and land in the URL; a shared URL restores them', async ({ page }) => {
  const watch = watchPage(page);
  await gotoReady(page);
  await expect(ticks(cost(page))).toHaveText(['$10', '$100', '$1,000', '$10K', '$100K', '$1M', '$10M']);
  await page.getByTestId('cost-scale').getByText('Linear').click();
  await expect(page).toHaveURL(/cscale=linear/);
  await expect(page.getByTestId('cost-plot')).toHaveAttribute('data-scale', 'linear');
  await expect(ticks(cost(page))).toHaveText(['$0', '$1M', '$2M', '$3M', '$4M', '$5M']);
  await page.getByTestId('cost-scale').getByText('Log').click();
  await expect(page).not.toHaveURL(/cscale/);

  await expect(ticks(gpu(page))).toHaveText(['1', '10', '100', '1K', '10K', '100K', '1M', '10M']);
  await page.getByTestId('gpu-hours-scale').getByText('Linear').click();
  await expect(page).toHaveURL(/gscale=linear/);
  await expect(ticks(gpu(page))).toHaveText(['0', '1M', '2M', '3M', '4M']);
  expect(await labelProblems(gpu(page))).toEqual([]);
  expect(await labelProblems(cost(page))).toEqual([]);

  await gotoReady(page, '/?cscale=linear&gscale=linear');
  await expect(page.getByTestId('cost-plot')).toHaveAttribute('data-scale', 'linear');
  await expect(page.getByTestId('gpu-hours-plot')).toHaveAttribute('data-scale', 'linear');
  await expect(page.getByTestId('cost-scale').getByLabel('Linear')).toBeChecked();
  expect(watch.consoleErrors).toEqual([]);
});

test('?base=llama leaves only LLaMA runs and their fine-tunes', async ({ page }) => {
  await gotoReady(page, '/?base=llama');
  expect(await ids(gpu(page).locator('g.gpu-row'))).toEqual([
    'llama-7b',
    'llama-13b',
    'llama-33b',
    'llama-65b',
    'vicuna-13b',
    'llava',
    'koala',
    'alpaca',
  ]);
  expect(await ids(cost(page).locator('g.cost-row'))).toEqual(['llama-65b', 'alpaca', 'vicuna-7b', 'vicuna-13b', 'koala']);
  await expect(page.getByTestId('chart-gpu-hours-count')).toHaveText('8 of 12 systems shown');
  await expect(page.getByTestId('chart-gpu-hours-subtitle')).toContainText('LLaMA');
  await expect(page.getByTestId('gpu-hours-legend').locator('[data-hardware]')).toHaveText(['A100', 'A100-80GB']);
});

test('hover and selection are linked with the explorer and the overview, both ways', async ({ page }) => {
  const watch = watchPage(page);
  await gotoReady(page, '/?base=llama');
  const explorerRow = (id: string) => page.getByTestId('models-table').locator(`tr[data-system-id="${id}"]`);
  const chip = (id: string) => page.getByTestId('systems-in-view').locator(`[data-system-id="${id}"]`);

  // Hover the Alpaca bar in each chart: the explorer row and the overview chip light up.
  for (const bar of [
    cost(page).locator('[data-system-id="alpaca"] .cost-segment').first(),
    gpu(page).locator('[data-system-id="alpaca"] .gpu-bar'),
  ]) {
    await bar.hover();
    await expect(explorerRow('alpaca')).toHaveClass(/is-hovered/);
    await expect(chip('alpaca')).toHaveClass(/is-hovered/);
    await expect(cost(page).locator('g.cost-row[data-system-id="alpaca"]')).toHaveAttribute('data-hovered', 'true');
    await expect(gpu(page).locator('g.gpu-row[data-system-id="alpaca"]')).toHaveAttribute('data-hovered', 'true');
    await page.mouse.move(1, 1);
    await expect(explorerRow('alpaca')).not.toHaveClass(/is-hovered/);
  }
  await expect(page.getByTestId('tooltip')).toHaveCount(0);

  // The other way: hovering an explorer row highlights the marks; clicking it selects them.
  await explorerRow('koala').locator('td[data-field="organization"]').hover();
  await expect(cost(page).locator('g.cost-row[data-system-id="koala"]')).toHaveAttribute('data-hovered', 'true');
  await expect(gpu(page).locator('g.gpu-row[data-system-id="koala"]')).toHaveAttribute('data-hovered', 'true');
  await explorerRow('koala').locator('td[data-field="organization"]').click();
  await expect(page).toHaveURL(/sel=koala/);
  await expect(cost(page).locator('g.cost-row[data-system-id="koala"]')).toHaveAttribute('data-selected', 'true');
  await expect(gpu(page).locator('g.gpu-row[data-system-id="koala"]')).toHaveAttribute('data-selected', 'true');

  // Clicking a mark selects it everywhere; the keyboard works too (focus, Enter).
  await gpu(page).locator('[data-system-id="llama-65b"] .gpu-bar').click();
  await expect(page).toHaveURL(/sel=llama-65b/);
  await expect(explorerRow('llama-65b')).toHaveAttribute('aria-selected', 'true');
  await cost(page).locator('g.cost-row[data-system-id="vicuna-13b"]').focus();
  await expect(page.getByTestId('tooltip')).toContainText('$300');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/sel=vicuna-13b/);
  await expect(cost(page).locator('g.cost-row[data-system-id="vicuna-13b"]')).toHaveAttribute('aria-pressed', 'true');
  expect(watch.consoleErrors).toEqual([]);
});

// One test per look (theme, language, scale, a filtered selection), each at four widths.
for (const [tag, query] of [
  ['light-en', ''],
  ['dark-en', '?theme=dark'],
  ['light-zh', '?lang=zh-CN'],
  ['dark-zh', '?theme=dark&lang=zh-CN'],
  ['linear-en', '?cscale=linear&gscale=linear'],
  ['selected-llama-en', '?base=llama&sel=alpaca'],
] as const) {
  test(`${tag}: labels clear at 1280/1024/768/375 px; screenshots at 1280 and 375; no page-level horizontal scroll`, async ({ page }) => {
    const watch = watchPage(page);
    for (const w of [1280, 1024, 768, 375]) {
      await page.setViewportSize({ width: w, height: w === 375 ? 812 : 900 });
      await gotoReady(page, `/${query}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      for (const chart of [cost(page), gpu(page)]) expect(await labelProblems(chart), `${tag} at ${w}px`).toEqual([]);
      // The axes leave room after the bars: no value label sits on a bar (hatched ones were unreadable).
      for (const chart of [cost(page), gpu(page)]) await expect(chart.locator('.bar-label.is-inside'), `${tag} at ${w}px`).toHaveCount(0);
      if (w !== 1280 && w !== 375) continue;
      // The sticky band (filter bar, section links) would cover the top of an element screenshot; unstick it for the picture.
      await addStyle(page, '.sticky-band { position: static !important; }');
      // The selected view also shows a hovered row (Koala, hovered in the explorer) in both charts.
      if (tag.startsWith('selected'))
        await page.evaluate(() =>
          document
            .querySelector('[data-testid="models-table"] tr[data-system-id="koala"]')
            ?.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })),
        );
      await page.locator('[data-view="training-cost"]').screenshot({ path: `${SHOTS}/cost-${tag}-${w}.png` });
      await page.locator('[data-view="gpu-hours"]').screenshot({ path: `${SHOTS}/gpu-hours-${tag}-${w}.png` });
    }
    expect(watch.consoleErrors).toEqual([]);
  });
}

test('the label check itself catches labels over marks and over each other', async ({ page }) => {
  await gotoReady(page);
  expect(await labelProblems(cost(page))).toEqual([]);
  // Koala's label moved back over its own bar, and Dolly's moved onto Koala's row.
  const koala = cost(page).locator('g.cost-row[data-system-id="koala"] .bar-label');
  const koalaBox = (await cost(page).locator('g.cost-row[data-system-id="koala"] .cost-segment').boundingBox())!;
  const svgBox = (await cost(page).locator('svg.recharts-surface').first().boundingBox())!;
  await koala.evaluate((el, x) => el.setAttribute('x', String(x)), koalaBox.x - svgBox.x + 10);
  const y = await koala.getAttribute('y');
  await cost(page)
    .locator('g.cost-row[data-system-id="dolly-1"] .bar-label')
    .evaluate((el, [x, yy]) => (el.setAttribute('x', x), el.setAttribute('y', yy)), [String(koalaBox.x - svgBox.x + 20), y ?? '0']);
  const problems = await labelProblems(cost(page));
  expect(problems).toContainEqual(expect.stringMatching(/^label over a mark: "<\$100" \/ koala cost-segment/));
  expect(problems).toContainEqual('overlap: "<$100" / "<$30"');
});
