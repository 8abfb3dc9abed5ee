import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useAppStore } from '../store';
import { startUrlSync } from '../store/url-sync';
import { startDatasetSync } from '../store/dataset-sync';
import { App } from './app';
import { startPrintMode } from './print-mode';
import { startMenuPlacement } from './menu-placement';
import { seedMeasuredWidth } from '../lib/use-element-width';
import './app.css';
// After every other stylesheet (views import theirs through app.tsx), so print rules win ties.
import './print.css';

startUrlSync();
startDatasetSync();
startPrintMode();
startMenuPlacement();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The build's copy of the first screen (scripts/prerender.ts) stays until the app can draw that
// screen with its data: mounting before the dataset is in would swap the chart for "Loading…".
const prerendered = root.querySelector(':scope > [data-prerendered]') !== null;

// A stored import (the user's own data) when one is kept and valid, else the bundled dataset.
// URL sync reconciles the link with whichever arrives.
const loaded = useAppStore.getState().loadInitialDataset();

function mount(container: HTMLElement) {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

if (prerendered)
  void loaded.finally(() => {
    // Measured as the app's charts measure (border box): the headline is drawn in the app's first frame.
    const figure = root.querySelector('[data-testid="headline-figure"]');
    if (figure) seedMeasuredWidth(figure.getBoundingClientRect().width);
    mount(root);
  });
else mount(root);
