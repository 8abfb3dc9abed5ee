import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { miniDataset } from '../../../tests/fixtures/mini-dataset';
import { StorageNotices } from '../../components/notices/storage-notices';
import { resetAppStore, useAppStore } from '../../store';
import { ImportedBanner } from './imported-banner';

beforeEach(() => {
  resetAppStore();
  vi.stubGlobal('indexedDB', undefined);
});
afterEach(() => vi.unstubAllGlobals());

describe('ImportedBanner', () => {
  it('is absent while the bundled dataset is shown', () => {
    useAppStore.getState().receiveDataset({ ok: true, dataset: miniDataset() });
    render(<ImportedBanner />);
    expect(screen.queryByTestId('imported-banner')).not.toBeInTheDocument();
  });

  it('names the imported file and offers the way back to the bundled dataset', async () => {
    const user = userEvent.setup();
    await useAppStore
      .getState()
      .showImportedDataset(miniDataset(), { fileName: 'epoch.csv', importedAt: '2025-06-01T10:00:00.000Z', mode: 'merge', systems: 1919 });
    render(
      <>
        <ImportedBanner />
        <StorageNotices />
      </>,
    );
    const banner = screen.getByTestId('imported-banner');
    expect(banner).toHaveTextContent(/^Showing your imported data: epoch\.csv \(1,919 systems, merged, Jun 1, 2025, \d+:\d\d [AP]M\)/);
    // No IndexedDB here: the import shows, and a notice says why it will not survive a reload.
    expect(screen.getByTestId('storage-notice')).toHaveTextContent('Your import is shown, but it will not survive a reload');
    expect(screen.getByTestId('storage-notice')).toHaveTextContent('private browsing');
    await user.click(screen.getByRole('button', { name: 'Back to the bundled dataset' }));
    await vi.waitFor(() => expect(useAppStore.getState().datasetOrigin).toEqual({ kind: 'bundled' }), { timeout: 10_000 });
    expect(useAppStore.getState().dataset!.systems).toHaveLength(32);
    expect(screen.queryByTestId('imported-banner')).not.toBeInTheDocument();
    expect(screen.queryByTestId('storage-notice')).not.toBeInTheDocument();
  });

  it('after "Back to the bundled dataset" keyboard focus goes to the page\'s main region, not <body>', async () => {
    const user = userEvent.setup();
    await useAppStore
      .getState()
      .showImportedDataset(miniDataset(), { fileName: 'epoch.csv', importedAt: '2025-06-01T10:00:00.000Z', mode: 'merge', systems: 7 });
    render(
      <>
        <ImportedBanner />
        <main id="main" tabIndex={-1}>
          <button type="button">First control</button>
        </main>
      </>,
    );
    const back = screen.getByRole('button', { name: 'Back to the bundled dataset' });
    back.focus();
    await user.keyboard('{Enter}');
    await vi.waitFor(() => expect(screen.queryByTestId('imported-banner')).not.toBeInTheDocument(), { timeout: 10_000 });
    await vi.waitFor(() => expect(screen.getByRole('main')).toHaveFocus());
    await user.tab();
    expect(screen.getByRole('button', { name: 'First control' })).toHaveFocus();
  });
});
