/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

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

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  // Relative asset paths so the built site works from any sub-folder (GitHub Pages, a report server).
  base: './',
  build: { target: 'es2022', sourcemap: false },
  // `vite preview` serves the build as a host would: the same policy, as a header too.
  preview: { host: '127.0.0.1', headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./tests/setup-vitest.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});
