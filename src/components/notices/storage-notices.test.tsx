import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { miniDataset } from '../../../tests/fixtures/mini-dataset';
import { saveActive, type ImportLabel } from '../../data/persist';
import { resetAppStore, useAppStore } from '../../store';
import { StorageNotices } from './storage-notices';

const label: ImportLabel = { fileName: 'theirs.csv', importedAt: '2025-06-01T10:00:00.000Z', mode: 'replace', systems: 7 };

function renderPage() {
  return render(
    <>
      <StorageNotices />
      <main id="main" tabIndex={-1}>
        content
      </main>
    </>,
  );
}

beforeEach(() => {
  resetAppStore();
  vi.stubGlobal('indexedDB', new IDBFactory());
});
afterEach(() => vi.unstubAllGlobals());

describe('StorageNotices: another dataset on offer', () => {
  it('another tab imported a file: "Switch to it" shows it (read from storage), focus stays on the page', async () => {
    const user = userEvent.setup();
    await saveActive({ dataset: miniDataset(), label });
    useAppStore.getState().receiveDataset({ ok: true, dataset: { ...miniDataset(), systems: miniDataset().systems.slice(0, 2) } });
    useAppStore.getState().offerDataset({ kind: 'imported', label, from: 'other-tab' });
    renderPage();
    const notice = screen.getByTestId('dataset-offer');
    expect(notice).toHaveTextContent('Another tab of this dashboard imported theirs.csv.');
    expect(notice).toHaveTextContent('7 systems, replaced');
    await user.click(screen.getByRole('button', { name: 'Switch to it' }));
    await vi.waitFor(() => expect(useAppStore.getState().datasetOrigin).toEqual({ kind: 'imported', label }));
    expect(useAppStore.getState().dataset!.systems).toHaveLength(miniDataset().systems.length);
    expect(screen.queryByTestId('dataset-offer')).not.toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('"Keep this" leaves the data as it is', async () => {
    const user = userEvent.setup();
    const mine = miniDataset();
    useAppStore.getState().receiveDataset({ ok: true, dataset: mine });
    useAppStore.getState().offerDataset({ kind: 'imported', label, from: 'other-tab' });
    renderPage();
    await user.click(screen.getByRole('button', { name: 'Keep this' }));
    expect(screen.queryByTestId('dataset-offer')).not.toBeInTheDocument();
    expect(useAppStore.getState().dataset).toBe(mine);
    expect(useAppStore.getState().datasetOrigin).toEqual({ kind: 'bundled' });
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('another tab went back to the bundled data: offered only where an import is shown', async () => {
    const user = userEvent.setup();
    useAppStore.getState().receiveDataset({ ok: true, dataset: miniDataset() });
    useAppStore.getState().offerDataset({ kind: 'bundled', from: 'other-tab' });
    renderPage();
    expect(screen.queryByTestId('dataset-offer')).not.toBeInTheDocument();
    await useAppStore.getState().showImportedDataset(miniDataset(), label);
    useAppStore.getState().offerDataset({ kind: 'bundled', from: 'other-tab' });
    expect(await screen.findByTestId('dataset-offer')).toHaveTextContent('Another tab of this dashboard went back to the bundled dataset.');
    await user.click(screen.getByRole('button', { name: 'Switch to it' }));
    await vi.waitFor(() => expect(useAppStore.getState().datasetOrigin).toEqual({ kind: 'bundled' }), { timeout: 10_000 });
    expect(useAppStore.getState().dataset!.systems).toHaveLength(32);
  });
});
