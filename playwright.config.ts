import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './tests/e2e/find-chromium.mjs';

/*
 * End-to-end tests run in the system Chromium (Debian's `chromium`), never a downloaded browser.
 * The site is the production build served by `vite preview` on loopback. tests/e2e/run-e2e.mjs
 * builds first and decides what to do when no Chromium exists.
 */
const PORT = Number(process.env.E2E_PORT ?? 4317);
// Separate build and result folders let several suites run side by side (E2E_OUT_DIR=dist-a …).
const OUT_DIR = process.env.E2E_OUT_DIR ?? 'dist';
const executablePath = findChromium() ?? undefined;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // Tests, not files, are shared out: the two workers (one per core of the CI machine) stay busy
  // to the end instead of one finishing a long file alone.
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // A hang guard, not a speed check: each wait is bounded by the expect timeout below.
  timeout: 60_000,
  // Expectations wait for a state, not a time: on a busy 2-core machine a page's first paint
  // alone can take several seconds, and 5 s (the default) failed tests that were only slow.
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: process.env.E2E_RESULTS_DIR ?? 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
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
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort --outDir ${OUT_DIR}`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
