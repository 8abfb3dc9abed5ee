import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useAppStore } from '../store';
import { startUrlSync } from '../store/url-sync';
import { startDatasetSync } from '../store/dataset-sync';
import { App } from './app';
import { startPrintMode } from './print-mode';
import { startMenuPlacement } from './menu-placement';
import './app.css';
// After every other stylesheet (views import theirs through app.tsx), so print rules win ties.
import './print.css';

startUrlSync();
startDatasetSync();
startPrintMode();
startMenuPlacement();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// A stored import (the user's own data) when one is kept and valid, else the bundled dataset.
// URL sync reconciles the link with whichever arrives.
void useAppStore.getState().loadInitialDataset();
