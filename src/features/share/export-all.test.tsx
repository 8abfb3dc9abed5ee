import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { miniDataset } from '../../../tests/fixtures/mini-dataset';
import { resetAppStore, useAppStore } from '../../store';
import { registerPanelExporter } from '../../components/chart-frame/panel-exports';
import { ExportAllButton } from './export-all';

beforeEach(() => resetAppStore());
const unregister: (() => void)[] = [];
afterEach(() => {
  unregister.splice(0).forEach((u) => u());
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

  it('fails clearly with no panels on the page', async () => {
    useAppStore.setState({ dataset: miniDataset() });
    const status = await clickExportAll();
    expect(status).toHaveTextContent('Export all failed: no panels on the page');
  });

  it('says which panel failed and why, and downloads nothing', async () => {
    useAppStore.setState({ dataset: miniDataset() });
    const fileName = (ext: string) => `co2_all_2025-11.${ext}`;
    unregister.push(
      registerPanelExporter('co2', () => ({
        title: 'CO₂',
        svg: () => {
          throw new Error('panel not mounted');
        },
        csv: () => '',
        fileName,
      })),
    );
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click');
    const status = await clickExportAll();
    expect(status).toHaveTextContent('Export all failed: CO₂: panel not mounted');
    expect(click).not.toHaveBeenCalled();
    expect(screen.getByTestId('export-all')).toBeEnabled();
  });

  it('waits for `prepare` (every lazy panel mounted) before collecting the panels', async () => {
    useAppStore.setState({ dataset: miniDataset() });
    let mount: () => void = () => undefined;
    const prepare = vi.fn(
      () =>
        new Promise<void>((resolve) => {
          mount = () => {
            // The panel registers only once its chunk has loaded and it has rendered.
            const svg = () => {
              throw new Error('drawn');
            };
            unregister.push(registerPanelExporter('co2', () => ({ title: 'CO₂', svg, csv: () => '', fileName: (ext) => `co2.${ext}` })));
            resolve();
          };
        }),
    );
    const user = userEvent.setup();
    render(<ExportAllButton prepare={prepare} />);
    await user.click(screen.getByTestId('export-all'));
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('export-all-status')).toHaveTextContent('Loading every panel…');
    await act(async () => mount());
    // It found the panel that mounted meanwhile (rather than "no panels on the page").
    expect(screen.getByTestId('export-all-status')).toHaveTextContent('Export all failed: CO₂: drawn');
  });
});
