import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { addStyle, gotoReady, screenMatrix, tableIds, watchPage } from './helpers';

const SCREENS = join(process.env.E2E_RESULTS_DIR ?? 'test-results', 'screens');

const timeline = (page: Page) => page.getByTestId('chart-timeline');
const lineage = (page: Page) => page.getByTestId('chart-lineage');
const marks = (page: Page) => timeline(page).locator('.timeline-mark[data-system-id]');
const mark = (page: Page, id: string) => timeline(page).locator(`.timeline-mark[data-system-id="${id}"]`);
const node = (page: Page, id: string) => lineage(page).locator(`.lineage-node[data-system-id="${id}"]`);
const LLAMA_AND_DESCENDANTS = [
  'alpaca',
  'chatllama',
  'colossalchat',
  'koala',
  'llama-13b',
  'llama-33b',
  'llama-65b',
  'llama-7b',
  'llava',
  'vicuna-13b',
  'vicuna-7b',
];

async function markIds(page: Page): Promise<string[]> {
  return marks(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-system-id') ?? '').sort());
}

async function openData(page: Page, chart: 'timeline' | 'lineage') {
  const frame = page.getByTestId(`chart-${chart}`);
  await frame.getByRole('button', { name: 'Show data' }).click();
  return page.getByTestId(`chart-${chart}-data`);
}

/** Pairs of chart texts whose boxes intersect (labels that overlap on screen). */
async function overlappingLabels(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const boxes = [...document.querySelectorAll(sel)]
      .map((el) => ({ text: el.textContent ?? '', r: el.getBoundingClientRect() }))
      .filter((b) => b.r.width > 0);
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].r;
        const b = boxes[j].r;
        const ix = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const iy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (ix > 1 && iy > 1) out.push(`${boxes[i].text} × ${boxes[j].text}`);
      }
    }
    return out;
  }, selector);
}

test('timeline: every dated system is drawn, and the data table equals the marks', async ({ page }) => {
  const { consoleErrors } = watchPage(page);
  await gotoReady(page);
  // 26 dated systems, and 4 papers and events marked beside them (not counted).
  await expect(marks(page)).toHaveCount(30);
  await expect(timeline(page).locator('.timeline-mark[data-annotation="true"]')).toHaveCount(4);
  await expect(timeline(page).getByTestId('chart-timeline-count')).toHaveText('26 of 28 systems shown');
  for (const id of ['bloom-175b', 'opt-175b', 'gpt-j-6b', 'pythia-12b', 'lamda', 'gpt-3.5']) await expect(mark(page, id)).toHaveCount(1);
  // GPT-3 (2020) and CLIP (2021) are on the axis in the full view.
  await expect(mark(page, 'gpt-3')).toBeVisible();
  await expect(mark(page, 'clip')).toBeVisible();
  // Alpaca: the talk's 28 March drawn as a hollow marker beside the source's 13 March, labelled.
  const talk = timeline(page).locator('[data-talk-for="alpaca"]');
  await expect(talk).toBeVisible();
  await expect(talk).toContainText('Alpaca: talk’s date');
  await expect(talk).toHaveAttribute('data-date', '2023-03-28');
  await expect(mark(page, 'alpaca')).toHaveAttribute('data-date', '2023-03-13');
  const alpacaX = await mark(page, 'alpaca').locator('.timeline-marker').boundingBox();
  const talkX = await talk.locator('.timeline-marker').boundingBox();
  expect(talkX!.x).toBeGreaterThan(alpacaX!.x + 5);
  // Lineage links from base to derived.
  await expect(timeline(page).locator('[data-link="vicuna-13b>llava"]')).toHaveCount(1);
  await expect(timeline(page).locator('[data-link="clip>llava"]')).toHaveAttribute('data-relation', 'component');

  const table = await openData(page, 'timeline');
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(30);
  const fromTable = await rows.evaluateAll((trs) =>
    trs.map((tr) => [tr.getAttribute('data-row-id'), tr.children[1].textContent, tr.children[2].textContent]).sort(),
  );
  const fromMarks = await marks(page).evaluateAll((els) =>
    els.map((e) => [e.getAttribute('data-system-id'), e.getAttribute('data-date-label'), e.getAttribute('data-precision')]).sort(),
  );
  expect(fromTable).toEqual(fromMarks);
  await expect(table.locator('tr[data-row-id="alpaca"]')).toContainText('2023 年 3 月 28 日');
  // No two labels on the chart overlap.
  expect(await overlappingLabels(page, '[data-chart="timeline"] .timeline-label')).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('timeline: the lanes switch and the Feb–Apr 2023 zoom land in the URL; a shared URL reproduces them', async ({ page }) => {
  await gotoReady(page);
  // The full view shades the wave the zoom goes to.
  await expect(timeline(page).getByTestId('timeline-wave-band')).toHaveCount(1);
  await timeline(page).getByRole('radio', { name: 'By organization' }).check();
  await expect(page).toHaveURL(/lanes=organization/);
  await expect(timeline(page).locator('[data-lane="org:openai"]')).toContainText('OpenAI');
  await expect(timeline(page).locator('[data-lane="org:*other*"]')).toContainText('Other organizations');
  await timeline(page).getByRole('radio', { name: 'Feb–Apr 2023' }).check();
  await expect(page).toHaveURL(/tl=wave-2023/);
  // Points outside the window disappear: GPT-3 and CLIP are not drawn.
  await expect(marks(page)).toHaveCount(19);
  await expect(mark(page, 'gpt-3')).toHaveCount(0);
  await expect(mark(page, 'clip')).toHaveCount(0);
  await expect(timeline(page).getByTestId('timeline-wave-band')).toHaveCount(0);
  // Three months at desktop width: a tick a week, the 1st of each month among them.
  await expect(timeline(page).locator('.timeline-tick[data-unit="day"]').first()).toHaveText('Feb 1');
  await expect(timeline(page).locator('.timeline-tick').last()).toHaveText('May 1');
  await timeline(page).getByText('11 left out — why').click();
  await expect(timeline(page).getByTestId('chart-timeline-left-out')).toContainText('CLIP: released Jan 5, 2021, outside the window shown');
  await expect(timeline(page).locator('[data-talk-for="alpaca"]')).toBeVisible();
  expect(await overlappingLabels(page, '[data-chart="timeline"] .timeline-label')).toEqual([]);

  await gotoReady(page, '/?tl=wave-2023&lanes=organization');
  await expect(marks(page)).toHaveCount(19);
  await expect(timeline(page).getByRole('radio', { name: 'By organization' })).toBeChecked();
  await expect(timeline(page).getByRole('radio', { name: 'Feb–Apr 2023' })).toBeChecked();
  await timeline(page).getByRole('radio', { name: 'All dates' }).check();
  await expect(page).not.toHaveURL(/tl=/);
  await expect(marks(page)).toHaveCount(30);
});

test('timeline: dragging across the chart zooms in, the window lands in the URL and the subtitle; Reset zoom goes back', async ({
  page,
}) => {
  await gotoReady(page);
  const drag = timeline(page).getByTestId('timeline-drag');
  await drag.scrollIntoViewIfNeeded();
  const box = (await drag.boundingBox())!;
  // The last eighth of the axis: spring 2023.
  await page.mouse.move(box.x + box.width * 0.875, box.y + 8);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.95, box.y + 8, { steps: 4 });
  await page.mouse.move(box.x + box.width - 1, box.y + 8, { steps: 4 });
  await page.mouse.up();
  const reset = timeline(page).getByTestId('timeline-reset-zoom');
  await expect(reset).toBeVisible();
  const ids = await markIds(page);
  expect(ids.length).toBeGreaterThan(5);
  expect(ids.length).toBeLessThan(30);
  expect(ids).not.toContain('gpt-3');
  expect(ids).toContain('llava');
  expect(await overlappingLabels(page, '[data-chart="timeline"] .timeline-label')).toEqual([]);
  // The window is in the link, named under the title, and neither preset shows as chosen.
  await expect(page).toHaveURL(/tlw=\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}/);
  const tlw = new URL(page.url()).searchParams.get('tlw')!;
  await expect(page.getByTestId('chart-timeline-subtitle')).toContainText('All systems · Window: ');
  for (const name of ['All dates', 'Feb–Apr 2023']) await expect(timeline(page).getByRole('radio', { name })).not.toBeChecked();
  // A shared link reproduces it.
  await gotoReady(page, `/?tlw=${tlw}`);
  expect(await markIds(page)).toEqual(ids);
  await expect(timeline(page).getByTestId('timeline-reset-zoom')).toBeVisible();
  await timeline(page).getByTestId('timeline-reset-zoom').click();
  await expect(marks(page)).toHaveCount(30);
  await expect(page).not.toHaveURL(/tlw=/);
  await expect(page.getByTestId('chart-timeline-subtitle')).toHaveText('All systems');
  await expect(timeline(page).getByRole('radio', { name: 'All dates' })).toBeChecked();
});

test('timeline: a tampered window in the link says so and shows every date', async ({ page }) => {
  await gotoReady(page, '/?tlw=2023-05-01..2023-02-01');
  await expect(page.getByTestId('url-notice')).toContainText('tlw');
  await expect(page.getByTestId('url-notice')).toContainText('start is after end');
  await expect(marks(page)).toHaveCount(30);
  await expect(page).not.toHaveURL(/tlw=/);
});

test('timeline: ?base=llama leaves LLaMA and its descendants; hover and selection are shared with the other views', async ({ page }) => {
  await gotoReady(page, '/?base=llama');
  await expect(marks(page)).toHaveCount(LLAMA_AND_DESCENDANTS.length);
  expect(await markIds(page)).toEqual(LLAMA_AND_DESCENDANTS);
  await expect(timeline(page).getByTestId('chart-timeline-subtitle')).toContainText('Base model: LLaMA (all sizes)');

  // Hovering a mark highlights the model in the explorer and the overview.
  await mark(page, 'koala').scrollIntoViewIfNeeded();
  await mark(page, 'koala').hover();
  await expect(page.locator('[data-testid="models-table"] tr[data-system-id="koala"]')).toHaveClass(/is-hovered/);
  await expect(page.locator('[data-testid="systems-in-view"] [data-system-id="koala"]')).toHaveClass(/is-hovered/);
  await expect(node(page, 'koala')).toHaveAttribute('data-hovered', 'true');
  // …and a table row's hover highlights the mark.
  await page.locator('[data-testid="models-table"] tr[data-system-id="vicuna-7b"] td').first().hover();
  await expect(mark(page, 'vicuna-7b')).toHaveAttribute('data-hovered', 'true');
  await expect(mark(page, 'koala')).not.toHaveAttribute('data-hovered', 'true');

  // Clicking a mark selects it everywhere; Enter toggles it off again.
  await mark(page, 'alpaca').scrollIntoViewIfNeeded();
  await mark(page, 'alpaca').click();
  await expect(page).toHaveURL(/sel=alpaca/);
  await expect(mark(page, 'alpaca')).toHaveAttribute('data-selected', 'true');
  await expect(page.locator('[data-testid="models-table"] tr[data-system-id="alpaca"]')).toHaveClass(/is-selected/);
  await expect(node(page, 'alpaca')).toHaveAttribute('data-selected', 'true');
  await mark(page, 'alpaca').focus();
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/sel=/);
  // A selection made in the explorer outlines the mark.
  await page.locator('[data-testid="models-table"] tr[data-system-id="llava"] td').first().click();
  await expect(mark(page, 'llava')).toHaveAttribute('data-selected', 'true');
});

test('lineage: the family tree; clicking Vicuna sets the base-model filter and the explorer follows', async ({ page }) => {
  const { consoleErrors } = watchPage(page);
  await gotoReady(page);
  await expect(lineage(page).locator('.lineage-node[data-system-id]')).toHaveCount(22);
  const edges = lineage(page).locator('.lineage-edge');
  await expect(edges).toHaveCount(17);
  // GPT-3 → GPT-3.5 → ChatGPT; LLaMA → Alpaca → FreedomGPT; LLaMA → Vicuna → LLaVA (+ CLIP); GPT-J → Dolly 1.0; Pythia → Dolly 2.0.
  for (const e of [
    'gpt-3>gpt-3.5',
    'gpt-3.5>chatgpt',
    'llama-7b>alpaca',
    'alpaca>freedomgpt',
    'llama-13b>vicuna-13b',
    'vicuna-13b>llava',
    'clip>llava',
    'llama-13b>koala',
    'llama-7b>colossalchat',
    'gpt-j-6b>dolly-1',
    'pythia-12b>dolly-2',
  ]) {
    await expect(lineage(page).locator(`[data-edge="${e}"]`)).toHaveCount(1);
  }
  const table = await openData(page, 'lineage');
  await expect(table.locator('tbody tr')).toHaveCount(17);
  const tableEdges = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row-id')).sort());
  const svgEdges = await edges.evaluateAll((els) => els.map((e) => e.getAttribute('data-edge')).sort());
  expect(tableEdges).toEqual(svgEdges);
  await expect(table.locator('tr[data-row-id="clip>llava"]')).toContainText('uses it as a component');

  // Click the Vicuna-13B node: base= lands in the URL and the explorer shows Vicuna-13B and LLaVA only.
  await node(page, 'vicuna-13b').scrollIntoViewIfNeeded();
  await node(page, 'vicuna-13b').click();
  await expect(page).toHaveURL(/base=vicuna-13b/);
  await expect.poll(() => tableIds(page).then((ids) => ids.sort())).toEqual(['llava', 'vicuna-13b']);
  await expect(page.getByTestId('result-count')).toContainText('2 of 28');
  // The whole tree stays, faded outside the filter.
  await expect(node(page, 'gpt-3')).toHaveAttribute('data-dimmed', 'true');
  await expect(node(page, 'llava')).not.toHaveAttribute('data-dimmed', 'true');

  // The family title filters by the whole Vicuna family (keyboard this time).
  const vicunaFamily = lineage(page).locator('[data-family-id="vicuna"]');
  await vicunaFamily.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/base=vicuna(&|$)/);
  await expect.poll(() => tableIds(page).then((ids) => ids.sort())).toEqual(['llava', 'vicuna-13b', 'vicuna-7b']);
  await expect(marks(page)).toHaveCount(3);
  // Clicking the active filter again clears it.
  await vicunaFamily.click();
  await expect(page).not.toHaveURL(/base=/);
  await expect(marks(page)).toHaveCount(30);

  // Hovering a node highlights the explorer row.
  await gotoReady(page, '/?base=llama');
  await node(page, 'colossalchat').scrollIntoViewIfNeeded();
  await node(page, 'colossalchat').hover();
  await expect(page.locator('[data-testid="models-table"] tr[data-system-id="colossalchat"]')).toHaveClass(/is-hovered/);
  await expect(mark(page, 'colossalchat')).toHaveAttribute('data-hovered', 'true');
  expect(consoleErrors).toEqual([]);
});

// One test per screen of the review matrix (desktop and phone, light and dark, English and Chinese).
for (const s of screenMatrix()) {
  test(`screenshots ${s.name}: nothing overlaps or scrolls the page`, async ({ page }) => {
    mkdirSync(SCREENS, { recursive: true });
    const { consoleErrors } = watchPage(page);
    await page.setViewportSize({ width: s.width, height: s.height });
    for (const zoom of ['', 'tl=wave-2023&sel=alpaca']) {
      await gotoReady(page, `/?${[s.query, zoom].filter(Boolean).join('&')}`);
      // Screenshots of one view: the sticky band (filter bar, section links) would cover the top of it.
      await addStyle(page, '.sticky-band { position: static !important; }');
      await expect(marks(page)).toHaveCount(zoom ? 19 : 30);
      const tag = `${s.name}${zoom ? '-wave' : ''}`;
      expect(await overlappingLabels(page, '[data-chart="timeline"] .timeline-label'), `${tag}: timeline labels overlap`).toEqual([]);
      expect(await overlappingLabels(page, '[data-chart="timeline"] .timeline-tick'), `${tag}: axis labels overlap`).toEqual([]);
      // Labels and ticks stay inside the chart's SVG.
      const sticking = await page.evaluate(() => {
        const svg = document.querySelector('[data-chart="timeline"] svg.recharts-surface')?.getBoundingClientRect();
        if (!svg) return ['no svg'];
        return [...document.querySelectorAll('[data-chart="timeline"] .timeline-label, [data-chart="timeline"] .timeline-tick')]
          .filter((el) => {
            const r = el.getBoundingClientRect();
            return r.left < svg.left - 1 || r.right > svg.right + 1;
          })
          .map((el) => el.textContent);
      });
      expect(sticking, `${tag}: a label sticks out of the chart`).toEqual([]);
      const scrollX = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(scrollX, `${tag}: page scrolls horizontally`).toBeLessThanOrEqual(0);
      const viewOverflow = await page.evaluate(() =>
        ['timeline', 'lineage'].map((v) => {
          const el = document.querySelector(`[data-view="${v}"]`) as HTMLElement;
          return el.getBoundingClientRect().right - document.documentElement.clientWidth;
        }),
      );
      expect(Math.max(...viewOverflow), `${tag}: a view is wider than the page`).toBeLessThanOrEqual(0);
      await timeline(page).screenshot({ path: join(SCREENS, `timeline-${tag}.png`) });
      if (!zoom) {
        expect(await overlappingLabels(page, '[data-chart="lineage"] .lineage-node-label'), `${tag}: lineage labels overlap`).toEqual([]);
        // The tree fits a phone without scrolling inside its box.
        const inner = await lineage(page)
          .getByTestId('lineage-scroll')
          .evaluate((el) => el.scrollWidth - el.clientWidth);
        expect(inner, `${tag}: lineage needs sideways scrolling`).toBeLessThanOrEqual(0);
        await lineage(page).screenshot({ path: join(SCREENS, `lineage-${tag}.png`) });
      }
    }
    expect(consoleErrors).toEqual([]);
  });
}
