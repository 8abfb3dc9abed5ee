import { chromium } from '@playwright/test';
const [url, out, w, h] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: +w, height: +h } });
await page.goto(url);
await page.waitForSelector('[data-views-ready]', { timeout: 60000 });
await page.waitForTimeout(500);
await page.screenshot({ path: out });
await browser.close();
