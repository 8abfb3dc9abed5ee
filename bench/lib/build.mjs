import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

/*
 * Production builds of the dashboard and of the floor page, each with a Vite manifest so the
 * bench knows which files the HTML loads up front (the entry and its static imports) and which
 * are lazy chunks.
 */

export const APP_OUT = 'dist-bench';
export const FLOOR_OUT = 'dist-bench-floor';

export async function buildAll(root) {
  // The project's own config (plugins, CSP, target), only into another folder and with a manifest.
  await build({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: APP_OUT, emptyOutDir: true, manifest: true },
  });
  await build({ configFile: resolve(root, 'bench/floor/vite.config.ts'), logLevel: 'warn' });
}

/** The files the entry loads before anything renders: the entry chunk, its static imports and their CSS. */
export function initialFiles(outDir) {
  const manifest = JSON.parse(readFileSync(resolve(outDir, '.vite/manifest.json'), 'utf8'));
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  const files = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  for (const [key] of entries) visit(key);
  return files;
}

const gzipCache = new Map();

/** Gzip size of a built file (zlib's default level, as in Vite's build report). */
export function gzipFileSize(path) {
  if (!gzipCache.has(path)) gzipCache.set(path, gzipSync(readFileSync(path)).length);
  return gzipCache.get(path);
}

/** Gzip size of a body the bench served itself (a dataset chunk). */
export const gzipBodySize = (body) => gzipSync(body).length;
