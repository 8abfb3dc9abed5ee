import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { miniDataset } from '../../../tests/fixtures/mini-dataset';
import { resetAppStore, useAppStore } from '../../store';
import { ExportAllButton } from './export-all';

beforeEach(() => resetAppStore());
afterEach(() => {
  document.querySelectorAll('section[data-chart]').forEach((s) => s.remove());
  vi.restoreAllMocks();
});

async function clickExportAll() {
  const user = userEvent.setup();
  render(<ExportAllButton />);
  await user.click(screen.getByTestId('export-all'));
  return screen.getByTestId('export-all-status');
}

describe('ExportAllButton', () => {
  it('says why it failed when the dataset is not loaded, and downloads nothing', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click');
    const status = await clickExportAll();
    expect(status).toHaveTextContent('Export all failed: the dataset is not loaded');
    expect(click).not.toHaveBeenCalled();
  });

  it('fails clearly with no chart panels on the page', async () => {
    useAppStore.setState({ dataset: miniDataset() });
    const status = await clickExportAll();
    expect(status).toHaveTextContent('Export all failed: no chart panels on the page');
  });

  it('names a panel it cannot export, and downloads nothing', async () => {
    useAppStore.setState({ dataset: miniDataset() });
    const section = document.createElement('section');
    section.dataset.chart = 'ghost';
    document.body.append(section);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click');
    const status = await clickExportAll();
    expect(status).toHaveTextContent('Export all failed: the panel “ghost” cannot be exported');
    expect(click).not.toHaveBeenCalled();
    expect(screen.getByTestId('export-all')).toBeEnabled();
  });
});
