import { createServer, type Plugin } from 'vite';
import { CHECKED_DATASET, checkedDataset } from './checked-dataset.ts';

/*
 * The first screen in the built index.html (issue 18): the build renders the app's first screen
 * (src/app/prerender.tsx — header, intro and headline chart, the band of filters and section
 * links) with the checked bundled dataset into <div id="root">, so its chart paints with the HTML,
 * before any script runs. src/app/start.tsx mounts the app over it once the dataset is in, and
 * public/boot.js (a file, not inline: the CSP allows no inline script) hides it before the first
 * paint when the visit is not the one it shows (a link with settings, another language, an import).
 */

const ROOT_DIV = '<div id="root"></div>';

/** index.html with the first screen's markup in #root and the boot script before the stylesheet. */
export function withPrerender(html: string, markup: string): string {
  if (!html.includes(ROOT_DIV)) throw new Error(`index.html has no empty ${ROOT_DIV} to prerender into`);
  return html.replace(ROOT_DIV, `<div id="root">${markup}</div>`).replace('</title>', '</title>\n    <script src="./boot.js"></script>');
}

/** Renders the first screen in a throwaway Vite server (server-side, the app's own modules). */
async function renderFirstScreen(root: string): Promise<string> {
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    plugins: [checkedDataset()],
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const data = (await server.ssrLoadModule(CHECKED_DATASET)) as { checked?: boolean; default: unknown };
    if (data.checked !== true) throw new Error('the bundled dataset did not pass the check');
    const { prerenderFirstScreen } = (await server.ssrLoadModule('/src/app/prerender.tsx')) as typeof import('../src/app/prerender');
    return prerenderFirstScreen(data.default as Parameters<typeof prerenderFirstScreen>[0]);
  } finally {
    await server.close();
  }
}

export function prerender(): Plugin {
  let root = process.cwd();
  return {
    name: 'prerender-first-screen',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    transformIndexHtml: {
      order: 'post',
      handler: async (html) => withPrerender(html, await renderFirstScreen(root)),
    },
  };
}
