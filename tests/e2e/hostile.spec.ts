import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parseDataset } from '../../src/data/load-dataset';
import type { Dataset } from '../../src/data/schema';
import { parseCsvText } from '../../src/import/csv-text';
import { gotoReady, serveDataset, waitVisible, watchPage } from './helpers';

/** Our CSV export read back as rows (always comma-separated). */
const parseCsv = (text: string) => parseCsvText(text, { delimiter: ',' }).rows;

/** The bundled dataset, validated (as tests/fixtures/bundled-dataset.ts, whose JSON import Playwright's loader refuses). */
function bundledDataset(): Dataset {
  const result = parseDataset(JSON.parse(readFileSync('data/dataset.json', 'utf8')));
  if (!result.ok) throw new Error(`bundled dataset invalid: ${JSON.stringify(result.problems.slice(0, 3))}`);
  return result.dataset;
}

/*
 * Hostile input. Every string of a dataset is text, whatever it looks like: it must show
 * literally, never run, never become markup, a link, a request or a spreadsheet formula. The
 * dataset is the bundled one with script-like payloads planted in each kind of text field.
 */
const P = {
  name: 'Alpaca<img src=x onerror=alert(1)>',
  org: '"><script>alert(2)</script>',
  summary: 'javascript:alert(3) <svg onload=alert(3)>',
  note: '<iframe srcdoc="<script>alert(4)</script>"></iframe>',
  sourceTitle: '<a href="javascript:alert(5)">the Alpaca post</a>',
  seedCell: '<img src=x onerror=alert(6)>',
  formulaName: '=HYPERLINK("https://example.invalid/?leak","Koala")',
  formulaCell: "@SUM(1+1)*cmd|' /C calc'!A0",
  template: "{{constructor.constructor('alert(7)')()}}${alert(8)}",
};

function hostileDataset() {
  const d = structuredClone(bundledDataset());
  const alpaca = d.systems.find((s) => s.id === 'alpaca')!;
  alpaca.name = P.name;
  alpaca.organizations = [P.org];
  alpaca.summary = P.summary;
  alpaca.release.note = P.note;
  const params = alpaca.parameters;
  if (params?.status !== 'reported') throw new Error('the bundled Alpaca parameter count is no longer a reported fact');
  params.note = P.note;
  const koala = d.systems.find((s) => s.id === 'koala')!;
  koala.name = P.formulaName;
  koala.organizations = [P.template];
  d.sources.find((s) => s.id === 'alpaca-blog')!.title = P.sourceTitle;
  const vicunaTable = d.seedTables.find((t) => t.id === 'vicuna-table-1')!;
  vicunaTable.rows[0].cells[1].text = P.seedCell;
  vicunaTable.rows[1].cells[1].text = P.formulaCell;
  return d;
}

/** Fails the test on any dialog (alert/confirm/prompt), and records it. */
function noDialogs(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

/** Nothing in the page became markup: no event-handler attributes, no foreign scripts, frames or javascript: links. */
async function expectInertDom(page: Page) {
  const found = await page.evaluate(() => {
    const onAttrs = [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => `${el.tagName}[${a.name}]`),
    );
    const scripts = [...document.scripts]
      .map((s) => s.src || `inline: ${s.textContent?.slice(0, 40)}`)
      // The site's own: its bundles, and the boot script (public/boot.js) the build's first screen needs.
      .filter((src) => !src.startsWith(`${location.origin}/assets/`) && src !== `${location.origin}/boot.js`);
    const frames = document.querySelectorAll('iframe, object, embed').length;
    const imgs = [...document.querySelectorAll('img')].map((i) => i.getAttribute('src'));
    const jsLinks = [...document.querySelectorAll('[href]')]
      .map((a) => a.getAttribute('href') ?? '')
      .filter((h) => !/^(https?:|#|\.?\/|blob:|data:,$)/.test(h));
    return { onAttrs, scripts, frames, imgs, jsLinks };
  });
  expect(found).toEqual({ onAttrs: [], scripts: [], frames: 0, imgs: [], jsLinks: [] });
}

async function download(page: Page, panel: string, what: 'svg' | 'csv') {
  await page.locator(`[data-view="${panel}"] section.view`).first().scrollIntoViewIfNeeded();
  await page.getByTestId(`export-${panel}`).click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${panel}-${what}`).click()]);
  await page.getByTestId(`export-${panel}`).click();
  return readFileSync(await dl.path(), 'utf8');
}

/** An exported SVG, parsed by the browser: scripts, on* attributes, foreign objects, links, and its text. */
function inspectSvg(page: Page, svg: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const all = [...doc.querySelectorAll('*')];
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      scripts: doc.querySelectorAll('script, foreignObject, iframe, a').length,
      onAttrs: all.flatMap((el) => [...el.attributes].filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => a.name)),
      hrefs: all.flatMap((el) => [...el.attributes].filter((a) => /href$/i.test(a.name) && !a.value.startsWith('#')).map((a) => a.value)),
      text: [...doc.querySelectorAll('text')].map((e) => e.textContent ?? '').join(' '),
    };
  }, svg);
}

test('the hostile dataset is valid: the payloads are data, not schema errors', () => {
  expect(parseDataset(hostileDataset()).ok).toBe(true);
});

test('script-like text in every field shows literally and never runs (views, tooltips, compare, timeline)', async ({ page }) => {
  test.setTimeout(60_000);
  const watch = watchPage(page);
  const dialogs = noDialogs(page);
  await serveDataset(page, hostileDataset());
  await gotoReady(page, '/?base=llama&sel=alpaca&cmp=alpaca,koala');

  // The explorer: the name and organization cells hold the payloads as text.
  const row = page.getByTestId('models-table').locator('tbody tr[data-system-id="alpaca"]');
  await expect(row).toContainText(P.name);
  await expect(row).toContainText(P.org);
  await expect(page.getByTestId('models-table').locator('tbody tr[data-system-id="koala"]')).toContainText(P.formulaName);

  // The selected system: name and summary as text; its source links stay https.
  const selected = page.getByTestId('selected-system');
  await expect(selected).toContainText(P.name);
  await expect(selected).toContainText(P.summary);
  await expect(selected.locator('a.source-link').first()).toHaveAttribute('href', /^https:\/\//);

  // Compare and the talk's tables.
  await expect(page.getByTestId('compare-table')).toContainText(P.name);
  await expect(page.getByTestId('compare-table')).toContainText(P.template);
  await expect(page.locator('[data-view="seed-tables"]')).toContainText(P.seedCell);
  await expect(page.locator('[data-view="seed-tables"]')).toContainText(P.formulaCell);

  // The timeline's label and its tooltip (data-tip → the one tooltip layer) show the name as text.
  const mark = page.locator('[data-chart="timeline"] .timeline-mark[data-system-id="alpaca"]');
  await expect(mark).toHaveAttribute('aria-label', new RegExp(P.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await mark.scrollIntoViewIfNeeded();
  await mark.hover();
  await expect(page.getByTestId('tooltip')).toContainText(P.name);
  expect(await page.getByTestId('tooltip').locator('*').count()).toBe(0);
  // The release note reaches the reader through the explorer cell's tooltip, as text.
  await row.locator('[data-tip*="alert(4)"]').first().hover();
  await expect(page.getByTestId('tooltip')).toContainText(P.note);
  // A source's tooltip carries its hostile title as text.
  const sourceTip = row.locator('[data-tip*="javascript:alert(5)"]').first();
  await sourceTip.hover();
  await expect(page.getByTestId('tooltip')).toContainText(P.sourceTitle);

  // The filter menu lists the hostile organization as a label.
  await page.locator('summary', { hasText: 'Organization' }).click();
  await expect(page.getByRole('group', { name: 'Organization' }).getByText(P.org)).toBeVisible();
  await page.keyboard.press('Escape');

  await expectInertDom(page);
  await page.waitForLoadState('networkidle');
  expect(dialogs).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
});

test('exports of hostile text: SVG without scripts or handlers, CSV cells neutralised', async ({ page }) => {
  test.setTimeout(60_000);
  const watch = watchPage(page);
  const dialogs = noDialogs(page);
  await serveDataset(page, hostileDataset());
  await gotoReady(page, '/?base=llama&cmp=alpaca,koala');

  for (const panel of ['compare', 'timeline', 'seed-tables']) {
    const parsed = await inspectSvg(page, await download(page, panel, 'svg'));
    expect(parsed.error, panel).toBeNull();
    expect(parsed.scripts, panel).toBe(0);
    expect(parsed.onAttrs, panel).toEqual([]);
    expect(parsed.hrefs, panel).toEqual([]);
    if (panel === 'seed-tables') expect(parsed.text).toContain(P.seedCell);
    else expect(parsed.text.replace(/\s+/g, '')).toContain(P.name.replace(/\s+/g, ''));
  }

  // The explorer's CSV: the payload cells are present, a formula-looking cell starts with '.
  const [header, ...rows] = parseCsv(await download(page, 'models-table', 'csv'));
  const nameCol = header.indexOf('Name');
  expect(nameCol).toBeGreaterThanOrEqual(0);
  const names = rows.map((r) => r[nameCol]);
  expect(names).toContain(P.name);
  expect(names).toContain(`'${P.formulaName}`);
  expect(names).not.toContain(P.formulaName);
  const orgCol = header.findIndex((h) => /^Organi[sz]ation/.test(h));
  if (orgCol >= 0) expect(rows.map((r) => r[orgCol])).toContain(P.org);
  for (const cell of rows.flat()) expect(cell, 'no CSV cell may start a formula').not.toMatch(/^[=+\-@\t\r]/);

  // The talk's tables as CSV: the seed cells, the formula one neutralised.
  const seed = parseCsv(await download(page, 'seed-tables', 'csv')).flat();
  expect(seed).toContain(P.seedCell);
  expect(seed).toContain(`'${P.formulaCell}`);
  for (const cell of seed) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

  await expectInertDom(page);
  expect(dialogs).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
});

test('a dataset whose source URL is javascript: is rejected with a clear problem, nothing runs', async ({ page }) => {
  const watch = watchPage(page);
  const dialogs = noDialogs(page);
  const d = structuredClone(bundledDataset());
  d.sources.find((s) => s.id === 'alpaca-blog')!.url = 'javascript:alert(9)';
  await serveDataset(page, d);
  await page.goto('/');
  const report = page.getByTestId('dataset-problems');
  await waitVisible(report);
  await expect(report).toContainText('The dataset could not be loaded');
  const problem = report.locator('tbody tr', { hasText: 'source "alpaca-blog"' });
  await expect(problem).toContainText('url');
  await expect(problem).toContainText(/http\(s\)/);
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
  await expectInertDom(page);
  expect(dialogs).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
});

test.describe('tampered links', () => {
  /**
   * Serves the app for a URL whatever its length: Node's HTTP server (vite preview) refuses a
   * request line over 16 KB, but a browser keeps the whole address and the app reads it there.
   */
  async function gotoLong(page: Page, query: string) {
    await page.route(
      (url) => url.pathname === '/' && url.search.length > 8000,
      async (route) => {
        const response = await route.fetch({ url: new URL('/', route.request().url()).href });
        await route.fulfill({ response });
      },
    );
    await gotoReady(page, `/?${query}`);
  }

  test('10,000 org= values and a 100 KB query: the page renders, a notice says what was ignored', async ({ page }) => {
    const watch = watchPage(page);
    const dialogs = noDialogs(page);
    const many = Array.from({ length: 10_000 }, (_, i) => `org=Org${i}%3Cscript%3E`).join('&');
    // The bound is relative to a plain load on this machine now, so a busy machine does not fail it;
    // work that grew with the number of values (quadratic or worse) would still take far longer.
    let start = Date.now();
    await gotoReady(page, '/');
    const plainLoad = Date.now() - start;
    start = Date.now();
    await gotoLong(page, `${many}&q=${'x'.repeat(100_000)}`);
    expect(Date.now() - start).toBeLessThan(Math.max(10_000, 4 * plainLoad));
    const notice = page.getByTestId('url-notice');
    await expect(notice).toContainText('Some settings in the link were ignored');
    await expect(notice).toContainText('too many values');
    await expect(notice).toContainText('too long');
    // The notice shows shortened values, not 100 KB of text.
    expect((await notice.textContent())!.length).toBeLessThan(2000);
    await expect(page.getByTestId('result-count')).toHaveText(/^(\d+) of \1: \d+ models · \d+ apps\/libraries$/);
    await expect(page).not.toHaveURL(/org=/);
    await expectInertDom(page);
    expect(dialogs).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });

  test('script text in every key, unknown keys and unknown ids: rendered, listed, inert', async ({ page }) => {
    const watch = watchPage(page);
    const dialogs = noDialogs(page);
    const payload = encodeURIComponent('"><img src=x onerror=alert(1)><script>alert(2)</script>');
    const keys = [
      'org',
      'base',
      'mod',
      'open',
      'kind',
      'from',
      'to',
      'sel',
      'lang',
      'theme',
      'sort',
      'cols',
      'cmp',
      'embed',
      'present',
      'order',
      'seed',
      'cscale',
      'gscale',
      'lanes',
      'tl',
    ];
    const query = [
      ...keys.map((k) => `${k}=${payload}`),
      `${payload}=1`,
      'javascript%3Aalert(3)=x',
      'q=%3Cscript%3Ealert(4)%3C%2Fscript%3E',
    ].join('&');
    await gotoReady(page, `/?${query}`);
    const notice = page.getByTestId('url-notice');
    await expect(notice).toContainText('Some settings in the link were ignored');
    // Every key but the free-text search is listed, each value as text.
    for (const k of keys) await expect(notice.locator('code', { hasText: new RegExp(`^${k}$`) }).first()).toBeVisible();
    await expect(notice).toContainText('<img src=x onerror=alert(1)>');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectInertDom(page);

    await gotoReady(page, '/?sel=ghost&cmp=ghost-1,alpaca,ghost-2&base=nobody&sort=-nothing&cols=name,nothing');
    for (const v of ['ghost', 'ghost-1', 'ghost-2', 'nobody']) await expect(page.getByTestId('url-notice')).toContainText(v);
    await expectInertDom(page);
    expect(dialogs).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });
});
