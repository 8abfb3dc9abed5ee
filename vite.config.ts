/// <reference types="vitest/config" />
import { defineConfig, type IndexHtmlTransformContext, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { checkedDataset } from './scripts/checked-dataset.ts';
import { prerender } from './scripts/prerender.ts';

/**
 * The production Content-Security-Policy: only this site's own files run or load. No inline
 * script, no eval (zod's JIT is switched off for this — src/data/zod-csp.ts), no other origin.
 * - style-src 'self': styles come from the built <link> CSS; React and recharts set styles
 *   through the CSSOM (`el.style.x = …`), which CSP does not restrict, so no 'unsafe-inline'.
 * - img-src data: blob:: the `data:,` favicon, and the PNG export, which draws the chart's SVG
 *   from a blob: URL into a canvas (downloads use blob: links, which CSP does not govern).
 * - worker-src 'self': the import worker is a same-origin module file.
 * frame-ancestors is left out: a <meta> policy cannot carry it, and `?embed=` panels are meant
 * to be framed by other sites. A host that wants to restrict framing sends it as a header.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Puts the policy in the built index.html only: the dev server needs inline scripts for React refresh. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      // First in <head>: a <meta> policy only covers what the parser meets after it.
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

/**
 * Lazy chunks the page needs before it can answer a click — the app (src/app/start.tsx, imported
 * by the entry after the first frame) and the checked dataset (scripts/checked-dataset.ts) — are preloaded from index.html, so they download alongside the main bundle instead of one
 * round trip after it. The views' chunks are not: the first screen's chart is in the HTML.
 */
const PRELOADED = [/\/data\/dataset$/, /\/src\/app\/start\.tsx$/];

function preloadFirstPaint(): Plugin {
  return {
    name: 'preload-first-paint',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html: string, ctx: IndexHtmlTransformContext) => {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        // What index.html loads already (the entry and its static imports) is not preloaded twice.
        const initial = new Set<string>();
        const walk = (fileName: string, into: Set<string>) => {
          const chunk = byName.get(fileName);
          if (!chunk || into.has(fileName)) return;
          into.add(fileName);
          chunk.imports.forEach((f) => walk(f, into));
        };
        for (const c of chunks) if (c.isEntry) walk(c.fileName, initial);
        const files = new Set<string>();
        for (const c of chunks) {
          if (c.moduleIds.some((id) => PRELOADED.some((re) => re.test(id)))) walk(c.fileName, files);
        }
        for (const f of initial) files.delete(f);
        return [...files].map((f) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: '', href: `./${f}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), checkedDataset(), contentSecurityPolicy(), preloadFirstPaint(), prerender()],
  // Relative asset paths so the built site works from any sub-folder (GitHub Pages, a report server).
  base: './',
  // One stylesheet, linked from index.html: the prerendered first screen is styled at its first
  // paint although the app's code (and the views' CSS it imports) loads after it.
  build: { target: 'es2022', sourcemap: false, cssCodeSplit: false },
  // `vite preview` serves the build as a host would: the same policy, as a header too.
  preview: { host: '127.0.0.1', headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  test: {
    globals: true,
    setupFiles: ['./tests/setup-vitest.ts'],
    restoreMocks: true,
    // A limit for hangs, not for speed: property, fuzz and 10,000-system tests run long on a busy 2-core machine.
    testTimeout: 30_000,
    // Pure tests (selectors, parsers, formulas) run in Node: building a jsdom window for each file
    // costs more than most of them take. A .ts test that needs a DOM says so in its first line
    // (`// @vitest-environment jsdom`); components (.tsx) always get one.
    projects: [
      { extends: true, test: { name: 'node', environment: 'node', include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'dom', environment: 'jsdom', include: ['src/**/*.test.tsx', 'tests/unit/**/*.test.tsx'] } },
    ],
  },
});
