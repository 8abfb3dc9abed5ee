import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { miniDataset } from '../../../tests/fixtures/mini-dataset';
import { analyzeImport } from '../../import/analyze';
import { resetAppStore, useAppStore } from '../../store';
import { ImportLauncher } from './import-launcher';

/** A limit for hangs, not for speed: the dialog's chunk loads on first use, slowly on a busy machine. */
const LOAD_LIMIT_MS = 10_000;

vi.mock('../../import/analyze', () => ({ analyzeImport: vi.fn() }));

beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
});
beforeEach(() => {
  resetAppStore();
  useAppStore.getState().receiveDataset({ ok: true, dataset: miniDataset() });
  vi.mocked(analyzeImport).mockImplementation((fileName) => ({
    report: {
      fileName,
      format: 'generic-csv',
      bytes: 8,
      rowsRead: 0,
      valid: 0,
      rejected: [],
      fieldProblems: [],
      mapped: [],
      ignored: [],
      warnings: [],
      fatal: 'no rows',
    },
    data: null,
  }));
  // No Worker in jsdom: the import reads the file on the main thread.
  vi.stubGlobal('Worker', undefined);
});

describe('ImportLauncher (the dialog loads on first use)', () => {
  it('a click loads the dialog and opens it at the file picker', async () => {
    const user = userEvent.setup();
    render(<ImportLauncher />);
    expect(screen.queryByTestId('import-dialog')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Import data' }));
    expect(await screen.findByRole('dialog', { name: 'Import data' }, { timeout: LOAD_LIMIT_MS })).toHaveAttribute('open');
    expect(screen.getByLabelText('Choose a file to import')).toBeInTheDocument();
  });

  it('a file dropped before the dialog loaded is imported once it has', async () => {
    render(<ImportLauncher />);
    const file = new File(['Model\n'], 'dropped.csv', { type: 'text/csv' });
    const dataTransfer = { types: ['Files'], files: [file], dropEffect: 'none' };
    fireEvent.dragEnter(window, { dataTransfer });
    expect(screen.getByTestId('import-drag-overlay')).toBeInTheDocument();
    const over = fireEvent.dragOver(window, { dataTransfer });
    // Default prevented: the browser does not open the file in place of the page.
    expect(over).toBe(false);
    fireEvent.drop(window, { dataTransfer });
    expect(screen.queryByTestId('import-drag-overlay')).not.toBeInTheDocument();
    expect(await screen.findByRole('dialog', { name: 'Import data' }, { timeout: LOAD_LIMIT_MS })).toHaveAttribute('open');
    await vi.waitFor(() => expect(analyzeImport).toHaveBeenCalledWith('dropped.csv', expect.any(Uint8Array), expect.anything()), {
      timeout: LOAD_LIMIT_MS,
    });
  });
});
