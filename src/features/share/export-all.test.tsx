import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { miniDataset } from '../../../tests/fixtures/mini-dataset';
import { resetAppStore, useAppStore } from '../../store';
import { smallFigureModel } from '../../../tests/fixtures/figure-model';
import type { ZipEntry } from '../../lib/zip';
import { ExportAllButton, type PanelFigureSource } from './export-all';

// jsdom cannot draw an SVG into a canvas: the PNG step answers with a few bytes; the zip is caught before it is written.
vi.mock('../../lib/export-panel', async (original) => ({
  ...(await original<typeof import('../../lib/export-panel')>()),
  svgToPng: async () => new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }),
}));
const zipped: ZipEntry[][] = [];
vi.mock('../../lib/zip', () => ({
  buildExportZip: (files: ZipEntry[]) => {
    zipped.push(files);
    return new Uint8Array([80, 75]);
  },
}));
const downloads: string[] = [];
vi.mock('../../lib/download', () => ({ downloadBlob: (name: string) => downloads.push(name) }));

beforeEach(() => {
  resetAppStore();
  zipped.length = 0;
  downloads.length = 0;
});

async function clickExportAll(figures: () => Promise<PanelFigureSource[]>) {
  const user = userEvent.setup();
  render(<ExportAllButton figures={figures} />);
  await user.click(screen.getByTestId('export-all'));
  return screen.getByTestId('export-all-status');
}

const model = (id: string, title: string) => smallFigureModel(id, title);

describe('ExportAllButton', () => {
  it('says why it failed when the dataset is not loaded, and downloads nothing', async () => {
    const status = await clickExportAll(async () => [{ id: 'co2', model: () => model('co2', 'CO₂') }]);
    expect(status).toHaveTextContent('Export all failed: the dataset is not loaded');
    expect(downloads).toEqual([]);
  });

  it('fails clearly when there is no figure to export', async () => {
    useAppStore.setState({ dataset: miniDataset() });
    const status = await clickExportAll(async () => []);
    expect(status).toHaveTextContent('Export all failed: no panels on the page');
  });

  it('says which figure failed and why, and downloads nothing', async () => {
    useAppStore.setState({ dataset: miniDataset() });
    const status = await clickExportAll(async () => [
      { id: 'overview', model: () => model('overview', 'Overview') },
      {
        id: 'co2',
        model: () => {
          throw new Error('no series');
        },
      },
    ]);
    expect(status).toHaveTextContent('Export all failed: co2: no series');
    expect(downloads).toEqual([]);
    expect(screen.getByTestId('export-all')).toBeEnabled();
  });

  it('writes a PNG, SVG, CSV and BibTeX per figure from its model, and a README naming them', async () => {
    useAppStore.setState({ dataset: miniDataset() });
    let resolve: (v: PanelFigureSource[]) => void = () => undefined;
    const user = userEvent.setup();
    render(<ExportAllButton figures={() => new Promise((r) => (resolve = r))} />);
    await user.click(screen.getByTestId('export-all'));
    // While the builders load, it says so.
    expect(screen.getByTestId('export-all-status')).toHaveTextContent('Preparing the figures…');
    await act(async () => resolve([{ id: 'training-cost', model: () => model('training-cost', 'Training cost') }]));
    expect(screen.getByTestId('export-all-status')).toHaveTextContent('Exported 1 panel.');
    expect(downloads).toHaveLength(1);
    expect(downloads[0]).toMatch(/\.zip$/);
    const files = zipped[0];
    const names = files.map((f) => f.name);
    expect(names[0]).toBe('README.txt');
    expect(names.slice(1).map((n) => n.replace(/^training-cost.*\./, '*.'))).toEqual(['*.png', '*.svg', '*.csv', '*.bib']);
    const text = (ext: string) => String(files.find((f) => f.name.endsWith(ext))!.data);
    // The SVG is the model drawn (its title and cell), not the page; the CSV is the model's table; the BibTeX cites the view.
    expect(text('.svg')).toContain('<title>Training cost</title>');
    expect(text('.svg')).toContain('>GPT-3<');
    expect(text('.csv')).toContain('Name,Value');
    expect(text('.csv')).toContain('GPT-3,552');
    expect(text('.bib')).toContain('https://example.org/?org=openai');
    const readme = String(files[0].data);
    for (const n of names.slice(1)) expect(readme).toContain(`- ${n} (Training cost)`);
  });
});
