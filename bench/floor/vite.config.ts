import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/*
 * The benchmark's floor: the smallest page built from the same libraries as the dashboard
 * (react-dom, one recharts chart, a TanStack Table v9 table, a zustand store), built the same
 * way. bench/run.mjs builds it next to the dashboard and compares the two.
 */
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  base: './',
  logLevel: 'warn',
  build: {
    target: 'es2022',
    sourcemap: false,
    outDir: fileURLToPath(new URL('../../dist-bench-floor', import.meta.url)),
    emptyOutDir: true,
    manifest: true,
  },
});
