import { resolve } from 'node:path';
import { expect, test, type ConsoleMessage, type Locator, type Page, type Request } from '@playwright/test';

const CSP_PREFIX = 'CSP violation:';
/** How Chromium itself reports a blocked script, style or request in the console. */
const CHROMIUM_CSP_REPORT = /violates the following Content Security Policy directive/;

/** The origin the preview server answers on (playwright.config.ts `baseURL`). */
function appOrigin(): string {
  const base = test.info().project.use.baseURL ?? `http://127.0.0.1:${process.env.E2E_PORT ?? 4317}`;
  return new URL(base).origin;
}

/**
 * Watches a page for everything a clean page must not produce. `consoleErrors` collects console
 * errors, uncaught exceptions, Content-Security-Policy violations (the page's
 * `securitypolicyviolation` events) and requests to any origin but the app's own, so every test
 * that expects it empty also asserts "nothing blocked, nothing fetched from elsewhere".
 * `cspViolations` and `foreignRequests` hold the last two on their own.
 * Call it before the first navigation: the violation listener is installed on each new document.
 */
export function watchPage(page: Page) {
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  const cspViolations: string[] = [];
  const origin = appOrigin();
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    // Both reports count: the listener's below, and Chromium's own. The listener is registered
    // without waiting (watchPage is synchronous), so it can miss the first document: the CSP test
    // then saw no violation in about 1 run of 10.
    if (text.startsWith(CSP_PREFIX)) cspViolations.push(text.slice(CSP_PREFIX.length).trim());
    else if (CHROMIUM_CSP_REPORT.test(text)) cspViolations.push(text);
    consoleErrors.push(text);
  });
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  page.on('request', (req: Request) => {
    const url = new URL(req.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.origin !== origin) {
      foreignRequests.push(req.url());
      consoleErrors.push(`request to another origin: ${req.url()}`);
    }
  });
  // Init scripts run outside the page's CSP, so the listener itself never violates it.
  void page.addInitScript((prefix: string) => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `${prefix} ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`,
      );
    });
  }, CSP_PREFIX);
  return { consoleErrors, foreignRequests, cspViolations };
}

/**
 * Adds CSS to the page for a test (e.g. un-stick the filter bar for screenshots). A constructed
 * stylesheet, because the site's CSP refuses <style> tags (page.addStyleTag) as inline styles.
 */
export async function addStyle(page: Page, css: string) {
  await page.evaluate((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, css);
}

/**
 * Waits for an element that is not there yet (after a navigation, a click that opens something).
 * `locator.waitFor` rather than `expect(…).toBeVisible()`: while the element is missing, each of
 * expect's polls makes an accessibility snapshot of the whole page for its failure message, and
 * on this page that made a load cost a third more CPU. A timeout still fails the test.
 */
export async function waitVisible(target: Locator, timeout = 15_000) {
  await target.waitFor({ state: 'visible', timeout });
}

/** Navigates and waits for the filter bar and for every view to have rendered (the lazy ones included). */
export async function gotoReady(page: Page, path = '/') {
  await page.goto(path);
  await waitVisible(page.getByTestId('result-count'));
  await page.locator('.views[data-views-ready]').waitFor({ state: 'attached', timeout: 15_000 });
}

/**
 * Waits until `target` is laid out for good: the page's fonts are loaded, and its box and every
 * chart drawing in it (size and mark count) are the same over two animation frames. Charts measure
 * their box and draw again at its width, so a screenshot taken at first paint can catch the first
 * drawing; this waits for that state instead of for a fixed time.
 */
export async function expectLaidOut(target: Locator) {
  await waitVisible(target);
  await expect
    .poll(() =>
      target.evaluate(async (el) => {
        await document.fonts.ready;
        const shape = () =>
          JSON.stringify([
            el.getBoundingClientRect().toJSON(),
            [...el.querySelectorAll('svg')].map((svg) => [
              svg.getAttribute('width'),
              svg.getAttribute('height'),
              svg.querySelectorAll('*').length,
            ]),
          ]);
        const before = shape();
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        return before === shape();
      }),
    )
    .toBe(true);
}

/** The width and height a PNG's header gives (the IHDR chunk, right after the 8-byte signature). */
export function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1'), 'a PNG file').toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The number in view, the "N" of the result count "N of M: …". */
export async function shownCount(page: Page): Promise<number> {
  return Number(((await page.getByTestId('result-count').textContent()) ?? '').split(' ')[0].replace(/,/g, ''));
}

/**
 * Waits until nothing is filtered and every record of the dataset is accounted for: the systems counted
 * ("9,409 of 9,409: …") plus the papers and events the note beside the count says are not counted.
 */
export async function expectEveryRecordCounted(page: Page, records: number, timeout = 15_000) {
  const read = async () => {
    const count = (await page.getByTestId('result-count').textContent()) ?? '';
    const m = /^([\d,]+) of ([\d,]+): /.exec(count);
    if (!m || m[1] !== m[2]) return -1;
    const note = page.getByTestId('result-count-not-counted');
    const notCounted =
      (await note.count()) > 0 ? Number(/\+([\d,]+)/.exec((await note.textContent()) ?? '')?.[1].replace(/,/g, '') ?? NaN) : 0;
    return Number(m[1].replace(/,/g, '')) + notCounted;
  };
  await expect.poll(read, { timeout }).toBe(records);
}

export function systemsInView(page: Page) {
  return page.getByTestId('systems-in-view').locator('[data-system-id]');
}

export async function idsInView(page: Page): Promise<string[]> {
  return systemsInView(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-system-id') ?? ''));
}

export async function openFacet(page: Page, name: string) {
  // On a phone the filter menus are behind the "Filters (n)" button.
  const toggle = page.getByTestId('filters-toggle');
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.locator('summary', { hasText: name }).click();
  return page.getByRole('group', { name });
}

/** Serves `dataset` in place of the bundled dataset chunk (a JS module exporting the JSON). */
export async function serveDataset(page: Page, dataset: unknown) {
  const body = `export default ${JSON.stringify(dataset)};`;
  await page.route(/\/assets\/dataset-[^/]+\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body }));
}

export function tableRows(page: Page) {
  return page.getByTestId('models-table').locator('tbody tr[data-system-id]');
}

export async function tableIds(page: Page): Promise<string[]> {
  return tableRows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-system-id') ?? ''));
}

/** The text of each visible cell as the CSV writes it: the value plus the estimate mark. */
export async function tableCellTexts(page: Page): Promise<string[][]> {
  return tableRows(page).evaluateAll((rows) =>
    rows.map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => {
        const text = td.querySelector('.cell-text')?.textContent ?? '';
        const est = td.querySelector('.badge-estimate')?.textContent;
        return est ? `${text} ${est}` : text;
      }),
    ),
  );
}

export interface ScreenShot {
  name: string;
  query: string;
  width: number;
  height: number;
}

/** The review matrix every view is screenshotted in: en/zh × light/dark × desktop (1280) and phone (375). */
export function screenMatrix(prefix = ''): ScreenShot[] {
  const out: ScreenShot[] = [];
  for (const [width, height] of [
    [1280, 900],
    [375, 812],
  ]) {
    for (const lang of ['en', 'zh'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        const query = [lang === 'zh' ? 'lang=zh-CN' : '', theme === 'dark' ? 'theme=dark' : ''].filter(Boolean).join('&');
        out.push({ name: `${prefix}${lang}-${theme}-${width}`, query, width, height });
      }
    }
  }
  return out;
}

/** Epoch AI's export in the shared research folder (~1,900 systems). */
export const EPOCH_CSV = resolve('../shared/research/epoch-all-ml-systems-2025.csv');

/** Imports Epoch's CSV through the dialog, replacing the bundled data, and waits for the dialog to close. */
export async function replaceWithEpochCsv(page: Page) {
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-file').setInputFiles(EPOCH_CSV);
  await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('import-mode-replace').check();
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-close').click();
  await expect(page.getByTestId('import-dialog')).toBeHidden({ timeout: 60_000 });
}
