import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectLaidOut, gotoReady, pngSize, tableIds, tableRows, waitVisible, watchPage } from './helpers';

const RESULTS = process.env.E2E_RESULTS_DIR ?? 'test-results';
const SCREENS = join(RESULTS, 'screens');
const PANELS = ['overview', 'models-table', 'training-cost', 'gpu-hours', 'scale', 'co2', 'timeline', 'lineage', 'seed-tables', 'compare'];

const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** An embedded panel has no filter bar (and no result count) to wait for: wait for its slot. */
async function gotoEmbed(page: Page, path: string) {
  await page.goto(path);
  await waitVisible(page.locator('.view-slot .view').first());
}

test.describe('embed mode', () => {
  test('the embed URL renders exactly one panel: no header or filter bar, no horizontal scroll at 640×400', async ({ page }) => {
    const watch = watchPage(page);
    await page.setViewportSize({ width: 640, height: 400 });
    for (const id of PANELS) {
      await gotoEmbed(page, `/?embed=${id}`);
      await expect(page.locator('.view-slot')).toHaveCount(1);
      await expect(page.locator(`.view-slot[data-view="${id}"]`)).toHaveCount(1);
      await expect(page.locator('.app-header, .filter-bar, .app-footer, .skip-link')).toHaveCount(0);
      expect(await horizontalOverflow(page), `horizontal scroll in the ${id} embed`).toBe(0);
    }
    // The panel fills the frame: no body margin, no page padding around it.
    const box = await page.locator('.view-slot').boundingBox();
    expect(box?.x).toBe(0);
    expect(box?.width).toBe(await page.evaluate(() => document.documentElement.clientWidth));
    expect(watch.consoleErrors).toEqual([]);
  });

  test('the rest of the link applies to the embedded panel: filters, selection, language', async ({ page }) => {
    await gotoEmbed(page, '/?org=OpenAI&sel=gpt-4&lang=zh-CN&embed=models-table');
    // The panel's frame can show before its rows do (the table mounts a frame later): wait for a row.
    await waitVisible(page.locator('tr[data-system-id="gpt-4"]'));
    const ids = await tableIds(page);
    expect(ids).toEqual(expect.arrayContaining(['gpt-3', 'chatgpt', 'gpt-4']));
    expect(ids).not.toContain('llama-7b');
    await expect(page.locator('tr[data-system-id="gpt-4"]')).toHaveAttribute('aria-selected', 'true');
    // Without the filter bar, one line still says what the panel shows.
    await expect(page.getByTestId('filter-summary-line')).toContainText('OpenAI');
    await expect(page.getByTestId('filter-summary-line')).toContainText(`${ids.length} / `);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  });

  test('an unknown panel falls back to the full page with the usual notice', async ({ page }) => {
    await gotoReady(page, '/?embed=sidebar');
    await expect(page.getByTestId('url-notice')).toContainText('sidebar');
    await expect(page.locator('.view-slot')).toHaveCount(PANELS.length);
    await expect(page.locator('.app-header')).toBeVisible();
  });

  test('the share dialog: keyboard, one snippet per panel, the snippet works in a host page', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await gotoReady(page, '/?org=openai&cscale=linear');
    const opener = page.getByTestId('share-open');
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Share or embed a panel' });
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('.embed-item')).toHaveCount(PANELS.length);
    const url = await page.getByTestId('embed-url-training-cost').inputValue();
    expect(new URL(url).searchParams.get('embed')).toBe('training-cost');
    expect(new URL(url).searchParams.get('org')).toBe('openai');
    expect(new URL(url).searchParams.get('cscale')).toBe('linear');
    expect(new URL(url).searchParams.get('lang')).toBe('en');
    await page.getByTestId('embed-copy-training-cost').click();
    await expect(dialog.locator('[data-panel="training-cost"] [role="status"]')).toHaveText('Embed code copied');
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    expect(snippet).toMatch(
      /^<iframe src="[^"]+" width="100%" height="\d+" title="Training cost — [^"]+" loading="lazy" style="border:0"><\/iframe>$/,
    );
    // Escape closes the dialog and focus returns to the button that opened it.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();

    // The snippet, pasted into a 640 px column of another page, shows the one filtered panel.
    const host = await context.newPage();
    await host.setContent(`<!doctype html><body style="margin:0"><main style="width:640px">${snippet}</main></body>`);
    const frame = host.frameLocator('iframe');
    await expect(frame.locator('.view-slot')).toHaveCount(1);
    await expect(frame.getByTestId('figure-training-cost').locator('#figure-header')).toContainText('OpenAI');
    await expect(frame.locator('.app-header')).toHaveCount(0);
    await host.close();
  });

  test('clicking inside an embedded panel keeps its link current without filling the host page’s Back history', async ({
    page,
    baseURL,
  }) => {
    await page.setContent(
      `<!doctype html><body style="margin:0"><iframe src="${baseURL}/?embed=overview" width="800" height="600" title="Overview"></iframe></body>`,
    );
    const frame = page.frameLocator('iframe');
    await expect(frame.getByTestId('systems-in-view')).toBeVisible();
    const before = await page.evaluate(() => history.length);
    await frame.locator('[data-system-id="alpaca"]').click();
    await expect(frame.getByTestId('selected-system')).toContainText('Alpaca');
    await expect.poll(() => page.frames()[1].url()).toContain('sel=alpaca');
    expect(page.frames()[1].url()).toContain('embed=overview');
    expect(await page.evaluate(() => history.length)).toBe(before);
  });

  test('an embed in a 720×520 frame shows the whole figure, axis and footer included, and lays it out again on resize', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 720, height: 520 });
    await gotoEmbed(page, '/?embed=training-cost');
    const figure = page.getByTestId('figure-training-cost');
    const svg = figure.locator('svg');
    await expect(svg.locator('#figure-plot')).toBeVisible();
    // Every axis label (a dollar amount under the plot) and the footer are inside the frame.
    const ticks = svg.locator('#figure-plot text', { hasText: /^\$[\d,]+[KM]?$/ });
    expect(await ticks.count()).toBeGreaterThan(3);
    for (const tick of await ticks.all()) await expect(tick).toBeInViewport({ ratio: 0.99 });
    await expect(svg.locator('#figure-footer')).toBeInViewport({ ratio: 0.99 });
    const width = async () => Number(await figure.getAttribute('data-width'));
    expect(await width()).toBeGreaterThan(650);
    await page.setViewportSize({ width: 1000, height: 640 });
    await expect.poll(width).toBeGreaterThan(930);
    await expect(svg.locator('#figure-footer')).toBeInViewport({ ratio: 0.99 });
    expect(await page.evaluate(() => document.documentElement.scrollHeight - innerHeight)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENS, 'embed-training-cost-1000.png') });
  });

  test('screenshot: an embedded chart at 1280×720, dark, filtered', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await gotoEmbed(page, '/?base=llama&theme=dark&embed=training-cost');
    // What the picture shows: the one panel, dark, filtered to LLaMA's family: its figure model drawn
    // for the frame (the same drawing as its exports), with the scale switch and Export menu above it.
    const panel = page.locator('.view-slot[data-view="training-cost"]');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const figure = page.getByTestId('figure-training-cost');
    const svg = figure.locator('svg');
    await expect(svg.locator('title')).toHaveText('Training cost');
    await expect(svg.locator('#figure-header')).toContainText('Base model: LLaMA');
    const bars = svg.locator('g[id^="row-"]');
    await expect(bars).toHaveCount(5);
    await expect(page.getByTestId('cost-scale')).toBeVisible();
    const box = (await panel.boundingBox())!;
    expect(box.x).toBe(0);
    expect(box.width).toBe(await page.evaluate(() => document.documentElement.clientWidth));
    // Laid out for the frame: as wide as the panel, its bottom inside the window, nothing to scroll.
    const svgBox = (await svg.boundingBox())!;
    expect(Math.round(svgBox.width)).toBe(Number(await figure.getAttribute('data-width')));
    expect(svgBox.y + svgBox.height).toBeLessThanOrEqual(720);
    expect(await page.evaluate(() => document.documentElement.scrollHeight - innerHeight)).toBeLessThanOrEqual(0);
    await expect(svg.locator('#figure-footer')).toBeInViewport({ ratio: 0.99 });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(255, 255, 255)');
    const costShot = join(SCREENS, 'embed-training-cost-1280.png');
    expect(pngSize(await page.screenshot({ path: costShot }))).toEqual({ width: 1280, height: 720 });
    expect(pngSize(readFileSync(costShot))).toEqual({ width: 1280, height: 720 });

    await gotoEmbed(page, '/?embed=overview&sel=alpaca');
    const overview = page.locator('.view-slot[data-view="overview"]');
    await expect(page.getByTestId('selected-system')).toContainText('Alpaca');
    await expect(overview.locator('[data-system-id="alpaca"]').first()).toBeInViewport();
    await expectLaidOut(overview);
    const overviewShot = join(SCREENS, 'embed-overview-1280.png');
    expect(pngSize(await page.screenshot({ path: overviewShot }))).toEqual({ width: 1280, height: 720 });
    expect(pngSize(readFileSync(overviewShot))).toEqual({ width: 1280, height: 720 });
  });
});

test.describe('copy link', () => {
  test('copies a URL that reproduces the view, language included, for a visitor whose browser speaks another language', async ({
    page,
    context,
    browser,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await gotoReady(page, '/?org=openai&org=meta-ai&sel=gpt-3&sort=-release&gscale=linear');
    // The language came from the browser (English), so the address bar does not name it.
    expect(new URL(page.url()).searchParams.get('lang')).toBeNull();
    await page.getByTestId('copy-link').click();
    await expect(page.getByTestId('copy-link-status')).toHaveText('Link copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const params = new URL(copied).searchParams;
    expect(params.get('lang')).toBe('en');
    expect(params.getAll('org')).toEqual(['openai', 'meta-ai']);
    expect(params.get('sel')).toBe('gpt-3');
    const shownHere = { ids: await tableIds(page), count: await page.getByTestId('result-count').textContent() };

    // A recipient whose browser prefers Chinese sees exactly the same view, in English.
    const other = await browser.newContext({ locale: 'zh-CN' });
    const theirs = await other.newPage();
    await gotoReady(theirs, copied);
    await expect(theirs.getByRole('heading', { level: 1 })).toHaveText('The LLM wave, 2020–2023');
    expect(await tableIds(theirs)).toEqual(shownHere.ids);
    await expect(theirs.getByTestId('result-count')).toHaveText(shownHere.count ?? '');
    await expect(theirs.getByTestId('selected-system')).toContainText('GPT-3');
    await expect(theirs.getByTestId('chart-gpu-hours')).toBeVisible();
    expect(new URL(theirs.url()).searchParams.get('gscale')).toBe('linear');
    await other.close();
  });

  test('where the clipboard refuses, the link appears selected in a field to copy by hand', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
      });
    });
    await gotoReady(page, '/?kind=model&lang=zh-CN');
    await page.getByTestId('copy-link').click();
    const field = page.getByTestId('copy-link-field');
    await expect(field).toBeVisible();
    await expect(field).toBeFocused();
    const value = await field.inputValue();
    expect(new URL(value).searchParams.get('kind')).toBe('model');
    expect(new URL(value).searchParams.get('lang')).toBe('zh-CN');
    // The whole link is selected, ready for Ctrl+C.
    expect(await field.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, value.length]);
  });
});

test.describe('presentation mode', () => {
  test('Present shows one panel in larger type; arrows and PageUp/PageDown step and update the URL; Escape leaves', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await gotoReady(page, '/?base=llama');
    const normalSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    await page.getByTestId('present-start').click();
    await expect(page).toHaveURL(/[?&]present=overview(&|$)/);
    await expect(page.locator('.view-slot')).toHaveCount(1);
    await expect(page.locator('.app-header, .filter-bar')).toHaveCount(0);
    await expect(page.getByTestId('present-position')).toContainText('1 / 10');
    await expect(page.getByTestId('present-position')).toContainText('← → to move · Esc to leave');
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThan(normalSize);

    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/present=models-table/);
    await expect(page.locator('.view-slot[data-view="models-table"]')).toBeVisible();
    await expect(page.locator('.models-table .toolbar')).toBeHidden();
    await page.keyboard.press('PageDown');
    await expect(page).toHaveURL(/present=training-cost/);
    await expect(page.getByTestId('present-position')).toContainText('3 / 10');
    // The panel's figure model fills the screen below its controls, which stay reachable.
    await expect(page.getByTestId('cost-scale')).toBeVisible();
    await expect(page.getByTestId('export-training-cost')).toBeVisible();
    await expect(page.locator('.show-data')).toBeHidden();
    const slide = page.getByTestId('figure-training-cost').locator('svg');
    await expect(slide.locator('g[id^="row-"]')).toHaveCount(5);
    await expect(slide.locator('#figure-footer')).toBeInViewport({ ratio: 0.99 });
    expect(await page.evaluate(() => document.documentElement.scrollHeight - innerHeight)).toBeLessThanOrEqual(0);
    // The navigation pill covers nothing of the figure.
    const pill = (await page.getByTestId('present-bar').boundingBox())!;
    const drawn = (await slide.boundingBox())!;
    expect(drawn.y + drawn.height).toBeLessThanOrEqual(pill.y);
    await page.screenshot({ path: join(SCREENS, 'present-training-cost-1280.png') });
    await page.keyboard.press('ArrowLeft');
    await expect(page).toHaveURL(/present=models-table/);
    await page.keyboard.press('PageUp');
    await expect(page).toHaveURL(/present=overview/);
    await page.keyboard.press('ArrowLeft');
    await expect(page).toHaveURL(/present=overview/);
    await page.keyboard.press('End');
    await expect(page.getByTestId('present-position')).toContainText('10 / 10');
    // The other state in the link stays while stepping.
    await expect(page).toHaveURL(/base=llama/);

    await page.keyboard.press('Escape');
    await expect(page).not.toHaveURL(/present=/);
    await expect(page.locator('.view-slot')).toHaveCount(PANELS.length);
    await expect(page.getByTestId('present-start')).toBeFocused();
    await expect(page).toHaveURL(/base=llama/);
  });

  test('at 1920×1080 and 1280×720 each figure panel fills the screen: no scroll, controls reachable, the pill covering nothing', async ({
    page,
  }) => {
    for (const [width, height] of [
      [1920, 1080],
      [1280, 720],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const panel of ['training-cost', 'gpu-hours', 'lineage']) {
        await page.goto(`/?present=${panel}`);
        const svg = page.getByTestId(`figure-${panel}`).locator('svg');
        await expect(svg.locator('#figure-footer')).toBeInViewport({ ratio: 0.99 });
        expect(await page.evaluate(() => document.documentElement.scrollHeight - innerHeight), `${panel} ${width}`).toBeLessThanOrEqual(0);
        await expect(page.getByTestId(`export-${panel}`)).toBeVisible();
        const pill = (await page.getByTestId('present-bar').boundingBox())!;
        const drawn = (await svg.boundingBox())!;
        expect(drawn.y + drawn.height, `${panel} ${width}`).toBeLessThanOrEqual(pill.y);
        // Type scaled up for the room: the title is larger than the page's 20 px presentation type at 1920.
        if (width === 1920) {
          const titleSize = Number(await svg.locator('#figure-header text').first().getAttribute('font-size'));
          expect(titleSize).toBeGreaterThan(24);
        }
        await page.screenshot({ path: join(SCREENS, `present-figure-${panel}-${width}.png`) });
      }
    }
  });

  test('a present= link opens on that panel; Back leaves the presentation, not one slide', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await gotoReady(page, '/');
    await page.goto('/?present=timeline');
    await waitVisible(page.getByTestId('present-position'));
    await expect(page.getByTestId('present-position')).toContainText('7 / 10');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/present=seed-tables/);
    await page.screenshot({ path: join(SCREENS, 'present-seed-tables-1280.png') });
    await page.goBack();
    await expect(page).not.toHaveURL(/present=/);
    await expect(page.locator('.view-slot')).toHaveCount(PANELS.length);
    await page.goto('/?present=timeline&lang=zh-CN&theme=dark');
    await waitVisible(page.getByTestId('present-position'));
    await expect(page.getByTestId('present-position')).toContainText('7 / 10');
    await expectLaidOut(page.locator('.view-slot[data-view="timeline"]'));
    await page.screenshot({ path: join(SCREENS, 'present-timeline-dark-zh-1280.png') });
  });
});

test.describe('print', () => {
  test('the print preview (emulated print media) keeps every panel whole; PDFs for A4 and Letter', async ({ page }) => {
    test.setTimeout(90_000);
    const watch = watchPage(page);
    // About an A4 page's width, so the charts measure themselves for paper.
    await page.setViewportSize({ width: 760, height: 1000 });
    await gotoReady(page, '/?theme=dark&sel=llama-65b');
    const screenBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(screenBg).not.toBe('rgb(255, 255, 255)');
    const total = Number((await page.getByTestId('result-count').textContent())?.match(/of (\d+)/)?.[1]);
    // On screen the explorer renders only the rows scrolled into view.
    expect(await tableRows(page).count()).toBeLessThan(total);

    await page.emulateMedia({ media: 'print' });
    await expect(tableRows(page)).toHaveCount(total);
    const breaks = await page.locator('.view').evaluateAll((els) => els.map((e) => getComputedStyle(e).breakInside));
    // Some panels are several sections (the CO₂ chart, its equivalents, the calculator): each is kept whole.
    expect(breaks.length).toBeGreaterThanOrEqual(PANELS.length);
    expect(new Set(breaks)).toEqual(new Set(['avoid']));
    // The explorer prints as a plain table: no scroll box.
    const scroll = await page
      .getByTestId('models-table-scroll')
      .evaluate((e) => [getComputedStyle(e).overflowY, getComputedStyle(e).maxHeight]);
    expect(scroll).toEqual(['visible', 'none']);
    // Controls hidden; a line says what is shown.
    for (const sel of ['.filter-bar', '.header-controls', '.toolbar', '.show-data', '.skip-link']) {
      await expect(page.locator(sel).first(), sel).toBeHidden();
    }
    await expect(page.getByTestId('filter-summary-line')).toBeVisible();
    await expect(page.getByTestId('filter-summary-line')).toContainText(`${total} of ${total}: ${total - 2} models · 2 apps/libraries`);
    // Light on paper even with theme=dark.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
    // Source markers print their number in the source list, which prints with the URLs.
    const marker = page.locator('a.source-link[data-ref]').first();
    const ref = await marker.getAttribute('data-ref');
    // (after a zero-width space that lets a run of markers wrap)
    expect(await marker.evaluate((e) => getComputedStyle(e, '::after').content)).toBe(`"[${ref}]\u200b"`);
    const entry = page.locator(`[data-testid="print-sources"] li[value="${ref}"]`);
    await expect(entry).toBeVisible();
    expect(await entry.textContent()).toContain(await marker.getAttribute('href'));
    // Other links print their address.
    const textLink = page.locator('a[href^="http"]:not(.source-link):not(.access-chip)').first();
    expect(await textLink.evaluate((e) => getComputedStyle(e, '::after').content)).toContain(`(${await textLink.getAttribute('href')})`);

    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(SCREENS, 'print-preview.png'), fullPage: true });
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = join(RESULTS, `print-${format}.pdf`);
      await page.pdf({ path: pdf, format, printBackground: true });
      expect(statSync(pdf).size).toBeGreaterThan(20_000);
      if (!hasPdftoppm()) {
        test.info().annotations.push({ type: 'skipped', description: 'pdftoppm missing: PDF pages not rendered to PNG' });
        continue;
      }
      const r = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '16', pdf, join(RESULTS, `print-${format}`)]);
      expect(r.status).toBe(0);
      spawnSync('pdftoppm', ['-png', '-gray', '-r', '60', '-f', '1', '-l', '16', pdf, join(RESULTS, `print-${format}-gray`)]);
      expect(existsSync(join(RESULTS, `print-${format}-01.png`)) || existsSync(join(RESULTS, `print-${format}-1.png`))).toBe(true);
    }

    // Back on screen, the explorer is virtualized again.
    await page.emulateMedia({ media: 'screen' });
    await expect.poll(() => tableRows(page).count()).toBeLessThan(total);
    expect(watch.consoleErrors).toEqual([]);
  });
});

test("printing from a wide window (the browser's Print command, no emulation): every explorer row reaches the PDF", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await gotoReady(page, '/?kind=model');
  const names = await page
    .locator('[data-testid="systems-in-view"] [data-system-id]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-system-id') ?? ''));
  expect(await tableRows(page).count()).toBeLessThan(names.length);
  mkdirSync(RESULTS, { recursive: true });
  const pdf = join(RESULTS, 'print-from-window-A4.pdf');
  // page.pdf fires beforeprint, as the Print command does; the explorer renders every row in time.
  await page.pdf({ path: pdf, format: 'A4' });
  if (!hasPdftoppm()) return;
  spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '6', pdf, join(RESULTS, 'print-from-window-A4')]);
  // Raw order keeps a wrapped cell's lines together; whitespace is dropped so wrapping does not matter.
  const text = spawnSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
  const explorer = text.slice(text.indexOf('Modelexplorer'), text.indexOf('Publishedcostoftraining'));
  expect(explorer.length).toBeGreaterThan(1000);
  for (const id of names) {
    const name = await page.locator(`[data-testid="systems-in-view"] [data-system-id="${id}"] .system-chip-name`).textContent();
    expect(explorer, `${name} in the printed explorer`).toContain((name ?? '').replace(/\s+/g, ''));
  }
});

/** Each chart's drawing (recharts' SVG, the lineage tree): its panel, laid-out width and drawn width (the SVG's own). */
const CHART_SVGS = ['training-cost', 'gpu-hours', 'co2', 'timeline', 'lineage']
  .map((v) => `.view-slot[data-view="${v}"] :is(svg.recharts-surface, svg.lineage-svg)`)
  .join(', ');
function chartWidths(page: Page) {
  return page.locator(CHART_SVGS).evaluateAll((els) =>
    els.map((e) => ({
      view: e.closest('.view-slot')?.getAttribute('data-view') ?? '',
      box: Math.round(e.getBoundingClientRect().width),
      drawn: Number(e.getAttribute('width')),
    })),
  );
}

/**
 * Brings each chart near the screen in turn, for two frames: away from it a chart is not laid out
 * (app.css, content-visibility), so it is measured only as it comes near.
 */
async function scrollThroughCharts(page: Page) {
  const svgs = page.locator(CHART_SVGS);
  for (let i = 0; i < (await svgs.count()); i++) {
    await svgs.nth(i).scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  }
}

test('printing from a wide window lays every chart out at the paper’s width, not the window’s, so its text is not shrunk', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const watch = watchPage(page);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await gotoReady(page, '/');
  await expect(page.locator('.view-slot[data-view="lineage"] svg.lineage-svg')).toBeVisible();
  await expect(page.locator('.view-slot[data-view="timeline"] .chart-footnotes .screen-only')).toHaveText(
    'Drag across the chart to zoom into a period.',
  );
  const onScreen = await chartWidths(page);
  expect(onScreen.map((c) => c.view)).toEqual(['training-cost', 'gpu-hours', 'co2', 'timeline', 'lineage']);
  // On screen the charts use the window's width.
  for (const c of onScreen.filter((c) => c.view !== 'lineage')) expect(c.drawn, c.view).toBeGreaterThan(1000);

  // The browser lays out the printout right after beforeprint returns: the charts must be redrawn within the event
  // (a ResizeObserver would run too late).
  const inEvent = await page.evaluate((sel) => {
    window.dispatchEvent(new Event('beforeprint'));
    return [...document.querySelectorAll(sel)].map((e) => Number(e.getAttribute('width')));
  }, CHART_SVGS);
  expect(inEvent).toHaveLength(5);
  for (const w of inEvent) expect(w).toBeLessThanOrEqual(720);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect.poll(async () => (await chartWidths(page)).map((c) => c.drawn)).toEqual(onScreen.map((c) => c.drawn));

  // Emulated print media (print preview, devtools): drawn at the paper's width and shown at that size, not stretched.
  await page.emulateMedia({ media: 'print' });
  // (The media query's change event comes at the next frame, not within emulateMedia.)
  await expect.poll(async () => Math.max(...(await chartWidths(page)).map((c) => c.drawn))).toBeLessThanOrEqual(720);
  const printed = await chartWidths(page);
  for (const c of printed) {
    expect(c.drawn, c.view).toBeLessThanOrEqual(720);
    expect(c.box, c.view).toBeLessThanOrEqual(720);
    // Shown at (about) the size it is drawn: its text at the size it was set in.
    expect(c.box / c.drawn, c.view).toBeGreaterThan(0.95);
  }
  // Interaction hints ("Drag across the chart to zoom") are not printed.
  await expect(page.locator('.view-slot[data-view="timeline"] .chart-footnotes .screen-only')).toBeHidden();
  // At the paper's width (A4 inside print.css's 12 mm margins: 186 mm ≈ 703 px) nothing is wider than the paper, so
  // nothing is cut or shrunk. (The explorer is left out: it prints on landscape pages of its own.)
  await page.setViewportSize({ width: 703, height: 1000 });
  await expect(page.locator('.view-slot[data-view="training-cost"] .bar-rows-plot')).toHaveAttribute('data-width', '680');
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && e.getClientRects().length > 0)
      .filter((e) => !e.closest('[data-view="models-table"]'))
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`)
      .slice(0, 5),
  );
  expect(wide).toEqual([]);
  // (null, not 'screen': a forced screen medium would also print as screen.)
  await page.emulateMedia({ media: null });
  await page.setViewportSize({ width: 1400, height: 1000 });
  await scrollThroughCharts(page);
  await expect.poll(async () => (await chartWidths(page)).map((c) => c.drawn)).toEqual(onScreen.map((c) => c.drawn));

  // The real thing: page.pdf fires beforeprint, as the Print command does. The PDF's chart text is set at its size.
  mkdirSync(RESULTS, { recursive: true });
  const pdf = join(RESULTS, 'print-wide-window-A4.pdf');
  await page.pdf({ path: pdf, format: 'A4' });
  expect(watch.consoleErrors).toEqual([]);
  if (!hasPdftoppm()) {
    test.info().annotations.push({ type: 'skipped', description: 'poppler-utils missing: PDF text sizes not checked' });
    return;
  }
  spawnSync('pdftoppm', ['-png', '-r', '80', pdf, join(RESULTS, 'print-wide-window-A4')]);
  // Chart text: the bar charts' section headings, a CO₂ axis name, a timeline lane (11–12 px, so 8.25–9 pt: a word's
  // box is about 1.17× its size). Drawn for the window (1214 px) and scaled down to the paper they would be under 6 pt.
  // (The same words set as table or legend text elsewhere in the printout are 8.6 pt or more.)
  const heights = pdfWordHeights(pdf, /^(Pre-training|Fine-tunes|BLOOM-175B|LLMs)$/);
  expect(heights.length).toBeGreaterThanOrEqual(6);
  expect(Math.min(...heights)).toBeGreaterThan(8);
  expect(spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout).not.toContain('Drag across the chart');
});

/** The heights (pt) of the PDF's words that match `word` (pdftotext's word boxes). */
function pdfWordHeights(pdf: string, word: RegExp): number[] {
  const html = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' }).stdout;
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .filter((m) => word.test(m[5]))
    .map((m) => Number(m[4]) - Number(m[2]));
}

function hasPdftoppm(): boolean {
  return spawnSync('pdftoppm', ['-v']).error === undefined;
}
