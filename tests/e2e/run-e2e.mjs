#!/usr/bin/env node
// Runs the end-to-end suite: builds the site, then Playwright in the system Chromium.
// No Chromium: outside CI the suite is skipped with a loud message; under CI=true it fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
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
const outDir = process.env.E2E_OUT_DIR ?? 'dist';
// E2E_REUSE_BUILD=1 tests the build already in outDir (one spec after another, same sources).
if (process.env.E2E_REUSE_BUILD === '1' && existsSync(join(outDir, 'index.html'))) {
  console.log(`E2E_REUSE_BUILD=1: testing the existing build in ${outDir}/ (not rebuilt)`);
} else {
  run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir]);
}
run('npx', ['playwright', 'test', ...process.argv.slice(2)]);
