#!/usr/bin/env node
/*
 * `npm run screenshot`: the README's hero image, docs/screenshot.png, from today's page. Builds the
 * site into dist-docs/, serves it on loopback and photographs it in the system Chromium (never a
 * downloaded browser) at 1440×900, scrolled so the training cost chart sits under the sticky filter
 * bar. SCREENSHOT_PORT (default 4416) and SCREENSHOT_OUT (default docs/screenshot.png) override.
 * Look at the PNG before committing it.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { findChromium } from '../tests/e2e/find-chromium.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = 'dist-docs';
const PORT = Number(process.env.SCREENSHOT_PORT ?? 4416);
const OUT = resolve(ROOT, process.env.SCREENSHOT_OUT ?? 'docs/screenshot.png');
const TIMEOUT_MS = 120_000;

const executablePath = findChromium();
if (!executablePath) {
  console.error('No Chromium found: install one (sudo apt-get install -y chromium) or set CHROME_PATH.');
  process.exit(1);
}

await build({ root: ROOT, logLevel: 'warn', build: { outDir: OUT_DIR } });
const server = await preview({
  root: ROOT,
  logLevel: 'warn',
  build: { outDir: OUT_DIR },
  preview: { host: '127.0.0.1', port: PORT, strictPort: true },
});
// The same flags as playwright.config.ts: without the networking ones Chromium keeps calling out.
const browser = await chromium.launch({
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--disable-dev-shm-usage',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, colorScheme: 'light' });
  await page.goto(`http://127.0.0.1:${PORT}/`);
  // Every view rendered (not only the first screen), so nothing below shifts the page while it is taken.
  await page.locator('.views[data-views-ready]').waitFor({ timeout: TIMEOUT_MS });
  await page.locator('[data-chart="training-cost"] svg .bar-row').first().waitFor({ timeout: TIMEOUT_MS });
  await page.locator('.view-slot[data-view="training-cost"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: OUT });
  console.log(`wrote ${OUT}`);
} finally {
  await browser.close();
  await new Promise((done) => server.httpServer.close(done));
}
