import { expect, test, type Page } from '@playwright/test';
import { addStyle, gotoReady, replaceWithEpochCsv, watchPage } from './helpers';

/*
 * The timeline at any span: with Epoch's ~1,900 systems (1950–2025) imported, no tick label and no
 * name on the timeline overlaps another, at desktop and phone width; the overview strip shows the
 * whole span, and its brush, moved by keyboard, writes the window into the address.
 */

test.setTimeout(180_000);

const timeline = (page: Page) => page.getByTestId('chart-timeline');

/** Pairs of label boxes (tick and node labels, main chart and overview) whose intersection is more than 0.5 px². */
async function overlappingBoxes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const sel = [
      '.timeline-tick',
      '.timeline-label',
      '.timeline-overview-tick',
      '.timeline-overview-caption',
      '.timeline-overview-wave-label',
    ]
      .map((c) => `[data-chart="timeline"] ${c}`)
      .join(', ');
    const boxes = [...document.querySelectorAll(sel)]
      .map((el) => ({ text: el.textContent ?? '', r: el.getBoundingClientRect() }))
      .filter((b) => b.r.width > 0 && b.r.height > 0);
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].r;
        const b = boxes[j].r;
        const ix = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const iy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (ix > 0 && iy > 0 && ix * iy > 0.5) out.push(`${boxes[i].text} × ${boxes[j].text}`);
      }
    return out;
  });
}

const windowParam = (page: Page) => new URL(page.url()).searchParams.get('tlw');

test('Epoch import: no overlapping labels at 1280 and 375 px; the overview brush moves the window by keyboard', async ({ page }) => {
  const { consoleErrors } = watchPage(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await gotoReady(page);
  await replaceWithEpochCsv(page);
  await addStyle(page, '.sticky-band { position: static !important; }');

  // Decades of data: the strip shows every dated system, the main chart opens on the recent years.
  const overview = timeline(page).getByTestId('timeline-overview');
  await expect(overview).toBeVisible({ timeout: 30_000 });
  await expect(overview.getByTestId('timeline-overview-wave')).toBeVisible();
  await expect(timeline(page).getByTestId('chart-timeline-subtitle')).toContainText('the recent years of 1950–2025');
  const ticks = timeline(page).locator('.timeline-tick');
  await expect(ticks.first()).toBeVisible();

  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    // A chart away from the screen is laid out (and measured) again only as it comes near it (app.css).
    await timeline(page).scrollIntoViewIfNeeded();
    // Drawn again at the new width: the chart's SVG is no wider than the page.
    await expect
      .poll(() =>
        page.evaluate(() => document.querySelector('[data-chart="timeline"] svg.recharts-surface')?.getBoundingClientRect().width ?? 0),
      )
      .toBeLessThanOrEqual(width);
    await expect.poll(() => ticks.count()).toBeGreaterThanOrEqual(2);
    expect(await timeline(page).locator('.timeline-label').count(), `${width}: node labels drawn`).toBeGreaterThan(50);
    expect(await overlappingBoxes(page), `${width} px: overlapping labels`).toEqual([]);
    // Years over the overview's seven decades, never "Jan YYYY" crowding.
    const tickTexts = await timeline(page).locator('.timeline-overview-tick').allTextContents();
    expect(tickTexts.length).toBeGreaterThanOrEqual(3);
    for (const t of tickTexts) expect(t).toMatch(/^\d{4}$/);
  }

  // The brush: labelled, and the arrow keys move the window, which the address keeps.
  const brush = timeline(page).getByRole('slider', { name: /Window shown in the timeline/ });
  await expect(brush).toBeVisible();
  expect(windowParam(page)).toBeNull();
  await brush.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/tlw=/);
  const first = windowParam(page);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => windowParam(page)).not.toBe(first);
  const [a] = (first ?? '').split('..');
  const [b] = (windowParam(page) ?? '').split('..');
  expect(Date.parse(b)).toBeLessThan(Date.parse(a));
  await expect(timeline(page).getByTestId('timeline-reset-zoom')).toBeVisible();
  expect(await overlappingBoxes(page), 'after moving the brush: overlapping labels').toEqual([]);
  expect(consoleErrors).toEqual([]);
});
