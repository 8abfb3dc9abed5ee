import { act, render, screen } from '@testing-library/react';
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
