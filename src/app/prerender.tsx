import { renderToString } from 'react-dom/server';
import type { Dataset } from '../data/schema';
import { serverRenderCurrentState, useAppStore } from '../store';
import { App } from './app';

/*
 * The first screen as HTML, for the build (scripts/prerender.ts) to put into index.html: the
 * app's own components rendered on the server with the bundled (checked) dataset, in English and
 * the default state — the page as a first visit shows it. Only the first screen (App `prerender`):
 * the header, the intro and headline chart, the band of filters and section links.
 */

/** Inline `style` attributes: the site's Content-Security-Policy (style-src 'self') would refuse them. */
const STYLE_ATTRIBUTE = /\sstyle="/;

export function prerenderFirstScreen(dataset: Dataset): string {
  useAppStore.setState({ dataset, datasetStatus: 'ready', datasetOrigin: { kind: 'bundled' }, language: 'en' });
  serverRenderCurrentState();
  const html = renderToString(<App prerender />);
  if (STYLE_ATTRIBUTE.test(html)) {
    const at = html.search(STYLE_ATTRIBUTE);
    throw new Error(`the prerendered first screen has an inline style attribute, which the CSP refuses: …${html.slice(at - 80, at + 80)}…`);
  }
  return html;
}
