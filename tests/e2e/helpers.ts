import { expect, type ConsoleMessage, type Page, type Request } from '@playwright/test';

/** Collects console errors and requests to any host other than the preview server. */
export function watchPage(page: Page) {
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  page.on('request', (req: Request) => {
    const url = new URL(req.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.hostname !== '127.0.0.1') foreignRequests.push(req.url());
  });
  return { consoleErrors, foreignRequests };
}

export async function gotoReady(page: Page, path = '/') {
  await page.goto(path);
  await expect(page.getByTestId('result-count')).toBeVisible();
}

export function systemsInView(page: Page) {
  return page.getByTestId('systems-in-view').locator('[data-system-id]');
}

export async function idsInView(page: Page): Promise<string[]> {
  return systemsInView(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-system-id') ?? ''));
}

export async function openFacet(page: Page, name: string) {
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
  for (const [width, height] of [[1280, 900], [375, 812]]) {
    for (const lang of ['en', 'zh'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        const query = [lang === 'zh' ? 'lang=zh-CN' : '', theme === 'dark' ? 'theme=dark' : ''].filter(Boolean).join('&');
        out.push({ name: `${prefix}${lang}-${theme}-${width}`, query, width, height });
      }
    }
  }
  return out;
}
