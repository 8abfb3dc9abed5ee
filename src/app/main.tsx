/*
 * The entry. With the build's copy of the first screen in the page (scripts/prerender.ts), the
 * browser paints it before the app's code runs: the app (./start) is evaluated after that first
 * frame. Its chunk is fetched alongside this one (modulepreload, vite.config.ts) and its styles are
 * in the page's one stylesheet (build.cssCodeSplit off), so waiting costs a frame, not a download.
 */
const start = () => void import('./start');

if (document.querySelector('#root > [data-prerendered]')) requestAnimationFrame(() => setTimeout(start, 0));
else start();
