import { existsSync } from 'node:fs';

/** The system Chromium: $CHROME_PATH if set, else the usual Debian/Ubuntu paths. */
export function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p) => p && existsSync(p)) ?? null;
}
