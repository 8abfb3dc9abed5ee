import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { gotoReady, waitVisible, watchPage } from './helpers';

/*
 * Issue 17, "中文 complete": under lang=zh-CN every piece of UI text is Chinese. The walk opens what
 * is closed by default (every "Show data" table, every <details>: left-out lists, menus), reads the
 * page's visible text and its buttons' labels, removes the text that comes from the dataset (names,
 * titles, notes, quotes, table cells stay as the sources wrote them) and fails on any Latin word
 * left that is not a name, unit or abbreviation below.
 */

/** Every string value in a JSON document, at any depth. */
function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(resolve(path), 'utf8'));
/**
 * A data string as the page may show it: whole, without its parentheses (a source's short title),
 * and its clauses ("Patterson et al. 2021" out of "… (Patterson et al. 2021, arXiv 2104.10350)").
 * A clause counts only with two words or more, so a lone English word never passes as data.
 */
function shownForms(s: string): string[] {
  const clauses = s.split(/\s*[()]\s*|[;:,]\s+/).filter((c) => (c.match(/[A-Za-z]+/g) ?? []).length >= 2);
  return [s, s.replace(/\s*\([^)]*\)/g, ''), ...clauses];
}

const DATASET = readJson('data/dataset.json') as { sources: { title: string }[] };
/** The timeline labels a paper by its title's head ("LiGO" of "LiGO: Learning to Grow …"). */
const TITLE_HEADS = DATASET.sources.map((s) => s.title.split(': ')[0]);
// Family names are the UI's to translate ("LLaMA (all sizes)" → nameZh), so they do not count as data.
const DATA_STRINGS = [...new Set([...stringsIn({ ...DATASET, families: [] }), ...stringsIn(readJson('data/organizations.json'))])]
  .flatMap(shownForms)
  .concat(TITLE_HEADS)
  .filter((s) => /[A-Za-z]/.test(s))
  // Longest first, so a title is removed whole before a name inside it.
  .sort((a, b) => b.length - a.length);

const WORD = /[A-Za-z][A-Za-z'’-]*/g;
/**
 * Latin words of the dataset's short strings (names, labels: four words at most), which the UI
 * writes inside its own sentences ("基于 LLaMA"). The words of its prose (notes, quotes, titles) are
 * not allowed one by one: those strings are removed whole, so a UI sentence in English still fails.
 */
const DATA_WORDS = new Set(DATA_STRINGS.filter((s) => (s.match(WORD) ?? []).length <= 4).flatMap((s) => s.match(WORD) ?? []));

/**
 * Names, units and abbreviations that Chinese text writes in Latin letters too. Kept short: each is
 * a file format, a unit, a standard abbreviation or a proper name that is not in the dataset.
 */
const ALLOWED = new Set([
  // the language menu names each language in itself
  'English',
  // keys named in a hint; the footnote mark "[n]"
  'Shift',
  'Enter',
  'Esc',
  'Tab',
  'n',
  // file formats and web terms
  'CSV',
  'TSV',
  'SVG',
  'PNG',
  'JSON',
  'BibTeX',
  'bib',
  'URL',
  'API',
  'IndexedDB',
  'Markdown',
  // units and measures
  'KB',
  'MB',
  'dpi',
  'FLOP',
  'FLOPs',
  'GPU',
  'GPU-h',
  'TPU',
  'CO',
  'e',
  'MWh',
  'kWh',
  'GWh',
  'Wh',
  'W',
  'kW',
  'MW',
  'PUE',
  'kg',
  't',
  'g',
  'B',
  'M',
  'K',
  'T',
  'USD',
  'h',
  // abbreviations and names used as such in Chinese
  'AI',
  'LLM',
  'CC',
  'BY',
  'Epoch',
  'GitHub',
  'arXiv',
]);

/** Proper names of more than one word that are not in the dataset. */
const ALLOWED_NAMES = [
  // Epoch AI's dataset, named in the import dialog
  'All ML systems',
];

/** The words a page shows that are neither data nor allowed, with where they stand. */
function untranslated(texts: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const raw of texts) {
    // An address is not a word to translate (a figure's footer prints the view's permalink).
    let text = raw.replace(/https?:\/\/\S+/g, ' ');
    for (const s of [...DATA_STRINGS, ...ALLOWED_NAMES]) if (text.includes(s)) text = text.split(s).join(' ');
    for (const m of text.matchAll(WORD)) {
      const word = m[0].replace(/['’-]+$/, '');
      if (process.env.ZH_WALK_DEBUG && DATA_WORDS.has(word) && !ALLOWED.has(word))
        console.log(`data word: ${word}  …${text.slice(Math.max(0, m.index - 30), m.index + word.length + 30).replace(/\s+/g, ' ')}…`);
      if (ALLOWED.has(word) || DATA_WORDS.has(word) || found.has(word)) continue;
      found.set(word, text.slice(Math.max(0, m.index - 30), m.index + word.length + 30).replace(/\s+/g, ' '));
    }
  }
  return found;
}

/** The visible text in `root`, and the labels, titles and placeholders of its elements. */
async function textsOf(root: Locator): Promise<string[]> {
  return root.evaluate((el) => {
    const attrs = [...el.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-description]')].flatMap((e) =>
      ['aria-label', 'title', 'placeholder', 'alt', 'aria-description'].map((a) => e.getAttribute(a) ?? ''),
    );
    // <code> shows identifiers as they are: a file's column, a dataset field ("gpuHours.hours").
    let text = (el as HTMLElement).innerText;
    for (const code of el.querySelectorAll('code')) if (code.textContent) text = text.split(code.textContent).join(' ');
    return [text, ...attrs.filter(Boolean)];
  });
}

function report(where: string, words: Map<string, string>): string {
  return `${where}: ${words.size} untranslated word(s):\n${[...words].map(([w, ctx]) => `  ${w}  …${ctx}…`).join('\n')}`;
}

async function openEverything(page: Page) {
  // Clicked in the page: some buttons are in views scrolled away or behind a sticky bar.
  await page.evaluate(() => {
    for (const b of document.querySelectorAll<HTMLButtonElement>('button.show-data[aria-expanded="false"]')) b.click();
  });
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
}

/** The default page, then states that show more: a comparison, the checked seed tables, a selection, a base-model filter. */
const WALK = [
  '/?lang=zh-CN',
  '/?lang=zh-CN&seed=checked&cmp=alpaca,koala&sel=llama-13b',
  '/?lang=zh-CN&base=llama&tl=wave-2023&lanes=organization',
];

for (const path of WALK) {
  test(`every view under lang=zh-CN: no UI text left in English (${path})`, async ({ page }) => {
    test.setTimeout(120_000);
    const { consoleErrors } = watchPage(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await gotoReady(page, path);
    await openEverything(page);
    const texts = await textsOf(page.locator('body'));
    if (process.env.ZH_WALK_DEBUG)
      writeFileSync(resolve(process.env.E2E_RESULTS_DIR ?? 'test-results', `zh-walk-${WALK.indexOf(path)}.txt`), texts.join('\n'));
    const words = untranslated(texts);
    expect(words.size, report(path, words)).toBe(0);
    expect(consoleErrors).toEqual([]);
  });
}

const IMPORT_CSV = [
  'Name,Organization,Release date,Parameters',
  'Walk Test Alpha,Lab A,2023-03-01,7000000000',
  ',Nowhere,2023-03-02,1',
  'Walk Test Beta,Lab B,not a date,13000000000',
  '',
].join('\n');

test('the import dialog and its report under lang=zh-CN: no UI text left in English', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await gotoReady(page, '/?lang=zh-CN');
  await page.getByTestId('import-open').click();
  const dialog = page.getByTestId('import-dialog');
  await waitVisible(dialog);
  const texts = await textsOf(dialog);

  await page.getByTestId('import-file').setInputFiles({ name: 'walk.csv', mimeType: 'text/csv', buffer: Buffer.from(IMPORT_CSV, 'utf8') });
  await waitVisible(page.getByTestId('import-preview'), 60_000);
  await dialog.evaluate((el) => {
    for (const d of el.querySelectorAll('details')) d.open = true;
  });
  // The file's own names and values are data too.
  const fileWords = (t: string[]) =>
    t.map((s) => s.replace(/walk\.csv|Walk Test \w+|Lab [AB]|Nowhere|not a date|Name|Organization|Release date|Parameters/g, ' '));
  texts.push(...fileWords(await textsOf(dialog)));

  await page.getByTestId('import-confirm').click();
  await waitVisible(page.getByTestId('import-done'), 60_000);
  texts.push(...fileWords(await textsOf(dialog)));
  const words = untranslated(texts);
  expect(words.size, report('import dialog (pick, preview, done)', words)).toBe(0);
});

test('a date in Chinese never breaks across lines, even at 375 px', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await gotoReady(page, '/?lang=zh-CN');
  await openEverything(page);
  // An inline element broken over two lines has two boxes; a block one is taller than a line.
  const dates = await page.locator('.date').evaluateAll((els) =>
    els
      .filter((el) => /\d{4}年/.test(el.textContent ?? '') && el.getClientRects().length > 0)
      .map((el) => {
        const style = getComputedStyle(el);
        const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.6;
        return { text: el.textContent, boxes: el.getClientRects().length, tall: el.getBoundingClientRect().height > lineHeight * 1.5 };
      }),
  );
  // The release dates of the explorer's rows, the overview's chips, the show-data tables…
  expect(dates.length).toBeGreaterThan(30);
  expect(dates.filter((d) => d.boxes > 1 || d.tall)).toEqual([]);
});
