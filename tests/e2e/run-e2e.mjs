#!/usr/bin/env node
// Runs the end-to-end suite: builds the site, then Playwright in the system Chromium.
// No Chromium: outside CI the suite is skipped with a loud message; under CI=true it fails.
import { spawnSync } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

const chromium = findChromium();
if (!chromium) {
  const banner = [
    '',
    '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
    '!! No Chromium found: the end-to-end browser tests did NOT run.            !!',
    '!! Install one:  sudo apt-get update && sudo apt-get install -y chromium   !!',
    '!! or point CHROME_PATH at a Chromium/Chrome binary, then run npm test.    !!',
    '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
    '',
  ].join('\n');
  if (process.env.CI === 'true' || process.env.CI === '1') {
    console.error(banner + 'CI=true: failing, because CI must run the browser tests.');
    process.exit(1);
  }
  console.warn(banner);
  process.exit(0);
}

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chromium } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', process.env.E2E_OUT_DIR ?? 'dist']);
run('npx', ['playwright', 'test', ...process.argv.slice(2)]);
