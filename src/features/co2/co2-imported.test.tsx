import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../tests/fixtures/bundled-dataset';
import { parseDataset } from '../../data/load-dataset';
import type { Dataset } from '../../data/schema';
import { analyzeImport } from '../../import/analyze';
import { applyImport } from '../../import/apply';
import { resetAppStore, useAppStore } from '../../store';
import { Co2View } from './co2-view';
import { SourceLinks } from './source-links';

/* Datasets an import can produce: no LLaMA Table 15 rows left, sources without an address. */

function renderView(dataset: Dataset) {
  act(() => useAppStore.getState().receiveDataset({ ok: true, dataset }));
  return render(<Co2View dataset={dataset} />);
}

beforeEach(() => resetAppStore());

describe('CO₂ view with imported data', () => {
  it('copes with an empty Table 15', () => {
    const ds = bundledDataset();
    const empty = parseDataset({ ...ds, reference: { ...ds.reference, llamaTable15: { ...ds.reference.llamaTable15, rows: [] } } });
    if (!empty.ok) throw new Error(JSON.stringify(empty.problems));
    renderView(empty.dataset);
    expect(screen.getByRole('heading', { name: 'CO₂ of training' })).toBeInTheDocument();
  });

  it('copes with a dataset replaced by an import (no Table 15 rows, no CO₂ figures)', () => {
    const { data } = analyzeImport('mine.csv', 'Name,Organization,Release date,Parameters\nMy model,Me,2023-01-05,7B\n');
    const replaced = applyImport(bundledDataset(), data!, 'replace', 'imported');
    if (!replaced.ok) throw new Error(replaced.problems.join('\n'));
    expect(replaced.dataset.reference.llamaTable15.rows).toEqual([]);
    renderView(replaced.dataset);
    expect(screen.getByRole('heading', { name: 'CO₂ of training' })).toBeInTheDocument();
  });

  it('a new dataset resets the calculator to a model it has, with that model’s inputs', () => {
    const bundled = bundledDataset();
    const { rerender } = renderView(bundled);
    fireEvent.change(screen.getByTestId('co2-calc-model'), { target: { value: 'opt-175b' } });
    fireEvent.change(screen.getByLabelText('GPU power (W)'), { target: { value: '300' } });
    expect(screen.getByLabelText('GPU-hours')).toHaveValue('809,472');
    // A dataset without OPT-175B (an import that replaced the data, or the way back from one).
    const withoutOpt = { ...bundled, systems: bundled.systems.filter((s) => s.id !== 'opt-175b') };
    act(() => useAppStore.getState().receiveDataset({ ok: true, dataset: withoutOpt }));
    rerender(<Co2View dataset={withoutOpt} />);
    const select = screen.getByTestId('co2-calc-model') as HTMLSelectElement;
    expect(select).toHaveValue('llama-13b');
    expect(select.selectedOptions[0]).toHaveTextContent(/^LLaMA-13B — /);
    expect(screen.getByLabelText('GPU-hours')).toHaveValue('135,168');
    expect(screen.getByLabelText('GPU power (W)')).toHaveValue('400');
    expect(screen.getByTestId('co2-calc-tco2e')).toHaveTextContent('22.9');
  }, 20_000);

  it('a new dataset that still has the picked model keeps it, with its GPU-hours there', () => {
    const bundled = bundledDataset();
    const { rerender } = renderView(bundled);
    fireEvent.change(screen.getByTestId('co2-calc-model'), { target: { value: 'opt-175b' } });
    fireEvent.change(screen.getByLabelText('GPU-hours'), { target: { value: '1' } });
    const merged = { ...bundled, systems: [...bundled.systems] };
    act(() => useAppStore.getState().receiveDataset({ ok: true, dataset: merged }));
    rerender(<Co2View dataset={merged} />);
    expect(screen.getByTestId('co2-calc-model')).toHaveValue('opt-175b');
    expect(screen.getByLabelText('GPU-hours')).toHaveValue('809,472');
  }, 20_000);

  it('a source without an address (an imported file) is plain text, never a link', () => {
    const sources = new Map([
      ['import-file', { id: 'import-file', title: 'Imported file “x.csv”', grade: 'imported' as const }],
      ['web', { id: 'web', title: 'A page', url: 'https://example.org/', grade: 'primary' as const }],
    ]);
    const { container } = render(<SourceLinks ids={['import-file', 'web']} sourcesById={sources} />);
    const refs = container.querySelectorAll('.source-link');
    expect(refs).toHaveLength(2);
    expect(refs[0].tagName).toBe('SPAN');
    expect(refs[0]).not.toHaveAttribute('href');
    expect(refs[1]).toHaveAttribute('href', 'https://example.org/');
  });
});
