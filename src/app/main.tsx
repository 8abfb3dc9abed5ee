import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadBundledDataset } from '../data/load-dataset';
import { useAppStore } from '../store';
import { reconcileLocationWithDataset, startUrlSync } from '../store/url-sync';
import { App } from './app';
import { startPrintMode } from './print-mode';
import './app.css';
// After every other stylesheet (views import theirs through app.tsx), so print rules win ties.
import './print.css';

startUrlSync();
startPrintMode();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

void loadBundledDataset().then((result) => {
  useAppStore.getState().receiveDataset(result);
  if (result.ok) reconcileLocationWithDataset(result.dataset);
});
