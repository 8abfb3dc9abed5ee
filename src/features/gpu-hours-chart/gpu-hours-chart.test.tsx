import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../tests/fixtures/bundled-dataset';
import { resetAppStore, useAppStore } from '../../store';
import { DEFAULT_FILTERS } from '../../store/filters-model';
import { GpuHoursChart } from './gpu-hours-chart';

const dataset = bundledDataset();

function renderChart() {
  return render(<GpuHoursChart dataset={dataset} />);
}

const rowIds = (container: HTMLElement) => [...container.querySelectorAll('g.gpu-row')].map((m) => m.getAttribute('data-system-id'));

describe('GpuHoursChart', () => {
  beforeEach(() => {
    resetAppStore();
    useAppStore.getState().receiveDataset({ ok: true, dataset });
  });

  it('shows the title, the count, the gap computed from the data, and the left-out reasons', async () => {
    renderChart();
    expect(screen.getByRole('heading', { name: 'GPU-hours per training run' })).toBeInTheDocument();
    expect(screen.getByTestId('chart-gpu-hours-count')).toHaveTextContent('15 of 28 systems shown');
    expect(screen.getByTestId('gpu-gap-note')).toHaveTextContent(
      'Fine-tuning Alpaca took 24 GPU-hours; pre-training its base, LLaMA-7B, took 82,432 — about 3,430× as many.',
    );
    // The names are listed once the list is opened.
    expect(screen.getByTestId('chart-gpu-hours-left-out')).toBeEmptyDOMElement();
    fireEvent.click(screen.getByText(/left out — why/));
    const leftOut = within(await screen.findByTestId('chart-gpu-hours-left-out'));
    await leftOut.findByText('GPT-4');
    expect(leftOut.getByText('GPT-4').closest('li')).toHaveTextContent(/GPT-4: not disclosed — Not published/);
    expect(leftOut.getByText('Vicuna-7B').closest('li')).toHaveTextContent(/Vicuna-7B: unknown — The post's '8 A100 GPUs in one day'/);
    expect(leftOut.getByText('FreedomGPT').closest('li')).toHaveTextContent(/^FreedomGPT: not applicable/);
    expect(leftOut.queryByText('PyTorch 2.0')).toBeNull();
  });

  it('draws the pre-training runs, a labelled divider, then the fine-tunes; colours by hardware with a legend', () => {
    const { container } = renderChart();
    expect(rowIds(container)).toEqual([
      'gpt-3',
      'bloom-175b',
      'llama-7b',
      'llama-13b',
      'llama-33b',
      'llama-65b',
      'opt-175b',
      'clip',
      'pythia-12b',
      'sam',
      'vicuna-13b',
      'llava',
      'koala',
      'alpaca',
      'dolly-1',
    ]);
    expect([...container.querySelectorAll('.section-head')].map((s) => s.textContent)).toEqual([
      'Pre-training runs (10)',
      'Fine-tunes (5)',
    ]);
    const legend = screen.getByTestId('gpu-hours-legend');
    expect([...legend.querySelectorAll('[data-hardware]')].map((l) => l.textContent)).toEqual(['A100', 'A100-40GB', 'A100-80GB', 'V100']);
    const fill = (id: string) => container.querySelector(`[data-system-id="${id}"] .gpu-bar`)!.getAttribute('fill');
    expect(fill('alpaca')).toBe(fill('llama-65b'));
    expect(fill('alpaca')).not.toBe(fill('koala'));
    expect(fill('gpt-3')).toMatch(/^url\(#hatch-/);
    expect(container.querySelector('[data-system-id="alpaca"]')!.getAttribute('data-tip')).toContain('8 GPUs × 3 h');
    // The tooltip carries the run's training compute beside its GPU-hours, or why there is none.
    const tip = (id: string) => container.querySelector(`[data-system-id="${id}"]`)!.getAttribute('data-tip');
    expect(tip('gpt-3')).toContain('Training compute: 3.14×10²³ FLOP');
    expect(tip('llama-65b')).toContain('Training compute: 5.5×10²³ FLOP est.');
    expect(tip('alpaca')).toContain('Training compute: unknown');
  });

  it('the data table equals the plotted values, with hardware and derivation', async () => {
    const { container } = renderChart();
    await userEvent.click(screen.getByRole('button', { name: 'Show data' }));
    const table = screen.getByTestId('chart-gpu-hours-data');
    const tableValues = [...table.querySelectorAll('tbody tr')].map((tr) => [tr.getAttribute('data-row-id'), tr.children[1].textContent]);
    const markValues = [...container.querySelectorAll('.gpu-bar')].map((b) => [
      b.closest('[data-system-id]')!.getAttribute('data-system-id'),
      b.getAttribute('data-value-text'),
    ]);
    expect(markValues).toEqual(tableValues);
    expect([...table.querySelector('tr[data-row-id="koala"]')!.children].map((c) => c.textContent)).toEqual([
      'Koala',
      '48',
      'A100',
      '8 A100 GPUs (one DGX server) × 6 h',
      'Fine-tune',
      'reported',
      'Koala: A Dialogue Model for Academic Research',
    ]);
  });

  it('links hover and selection with the store', () => {
    const { container } = renderChart();
    const alpaca = container.querySelector('g.gpu-row[data-system-id="alpaca"]')!;
    fireEvent.mouseEnter(alpaca);
    expect(useAppStore.getState().hoveredId).toBe('alpaca');
    fireEvent.mouseLeave(alpaca);
    fireEvent.keyDown(alpaca, { key: ' ' });
    expect(useAppStore.getState().selectedId).toBe('alpaca');
    act(() => useAppStore.getState().hover('sam'));
    expect(container.querySelector('g.gpu-row[data-system-id="sam"]')).toHaveAttribute('data-hovered', 'true');
    expect(alpaca).toHaveAttribute('data-selected', 'true');
  });

  it('the scale toggle sets the GPU-hours scale view setting', async () => {
    renderChart();
    await userEvent.click(within(screen.getByTestId('gpu-hours-scale')).getByLabelText('Linear'));
    expect(useAppStore.getState().viewSettings.gpuHoursScale).toBe('linear');
    expect(screen.getByTestId('gpu-hours-plot')).toHaveAttribute('data-scale', 'linear');
    expect(screen.getByTestId('gpu-hours-footnotes')).toHaveTextContent('Linear scale: the fine-tunes are too small to see');
  });

  it('follows the base-model filter; an empty view says so', () => {
    act(() => useAppStore.setState({ filters: { ...DEFAULT_FILTERS, bases: ['llama'] } }));
    const { container } = renderChart();
    expect(rowIds(container)).toEqual(['llama-7b', 'llama-13b', 'llama-33b', 'llama-65b', 'vicuna-13b', 'llava', 'koala', 'alpaca']);
    act(() => useAppStore.setState({ filters: { ...DEFAULT_FILTERS, organizations: ['openai'] } }));
    expect(rowIds(container)).toEqual(['gpt-3', 'clip']);
    expect(screen.queryByTestId('gpu-gap-note')).toBeNull();
    act(() => useAppStore.setState({ filters: { ...DEFAULT_FILTERS, kinds: ['event'] } }));
    expect(screen.getByTestId('gpu-hours-empty')).toHaveTextContent('No system in view has published GPU-hours.');
  });
});
