import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../tests/fixtures/bundled-dataset';
import { resetAppStore, useAppStore } from '../../store';
import { DEFAULT_FILTERS } from '../../store/filters-model';
import { TrainingCostChart } from './cost-chart';

const dataset = bundledDataset();

function renderChart() {
  return render(<TrainingCostChart dataset={dataset} />);
}

describe('TrainingCostChart', () => {
  beforeEach(() => {
    resetAppStore();
    useAppStore.getState().receiveDataset({ ok: true, dataset });
  });

  it('shows the title, how many systems are drawn, and why the others are not', async () => {
    renderChart();
    expect(screen.getByRole('heading', { name: 'Training cost' })).toBeInTheDocument();
    expect(screen.getByTestId('chart-training-cost-count')).toHaveTextContent('8 of 28 systems shown');
    // The names are listed once the list is opened.
    expect(screen.getByTestId('chart-training-cost-left-out')).toBeEmptyDOMElement();
    fireEvent.click(screen.getByText(/left out — why/));
    const leftOut = within(await screen.findByTestId('chart-training-cost-left-out'));
    await leftOut.findByText('GPT-4');
    expect(leftOut.getByText('GPT-4').closest('li')).toHaveTextContent(/GPT-4: not disclosed — Not published/);
    expect(leftOut.getByText('LLaMA-7B').closest('li')).toHaveTextContent(/LLaMA-7B: unknown — No dollar cost published/);
    // Papers and events are not systems: not drawn, not listed as left out.
    expect(leftOut.queryByText(/^LiGO/)).toBeNull();
    expect(leftOut.getByText('ChatLLaMA').closest('li')).toHaveTextContent(
      'ChatLLaMA: not applicable (a library or app: no training run of its own)',
    );
    expect(leftOut.getByText('OPT-175B').closest('li')).toHaveTextContent(/OPT-175B: unknown \(no figure recorded\)/);
    expect(leftOut.queryByText('Alpaca')).toBeNull();
  });

  it('notes the dollar years, what "est." means, and where the talk differs', () => {
    renderChart();
    expect(screen.getByTestId('cost-dollar-years')).toHaveTextContent(
      'Dollar years: developers’ own figures: nominal 2023 USD; Epoch AI: constant 2023 USD; Lambda Labs: nominal 2020 USD.',
    );
    const notes = screen.getByTestId('cost-footnotes');
    expect(notes).toHaveTextContent(/est\.: an estimate by a third party/);
    expect(notes).toHaveTextContent(/Alpaca: the talk says “\$500 \(data\) \+ \$100 \(training\)”/);
  });

  it('the data table lists every published figure with source, status and dollars', async () => {
    renderChart();
    await userEvent.click(screen.getByRole('button', { name: 'Show data' }));
    const table = screen.getByTestId('chart-training-cost-data');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(14);
    expect(rows.filter((r) => r.textContent?.startsWith('GPT-3'))).toHaveLength(4);
    const alpaca = table.querySelector('tr[data-row-id="alpaca:0"]')!;
    expect([...alpaca.children].map((c) => c.textContent)).toEqual([
      'Alpaca',
      '<$500 data + <$100 training',
      '<$600',
      'reported',
      'nominal 2023 USD',
      '7B; data through the OpenAI API, fine-tuning on cloud compute',
      'Alpaca: A Strong, Replicable Instruction-Following Model',
      '$500 (data) + $100 (training) (differs from the source)',
    ]);
  });

  it('draws one row per system and one marker per figure, each carrying the table’s value', async () => {
    const { container } = renderChart();
    const marks = container.querySelectorAll('g.cost-row[data-system-id]');
    expect([...marks].map((m) => m.getAttribute('data-system-id'))).toEqual([
      'gpt-3',
      'llama-65b',
      'clip',
      'alpaca',
      'vicuna-7b',
      'vicuna-13b',
      'koala',
      'dolly-1',
    ]);
    const figures = [...container.querySelectorAll('[data-figure]')].map((f): [string, string] => [
      f.getAttribute('data-figure') ?? '',
      f.getAttribute('data-value-text') ?? '',
    ]);
    expect(figures).toHaveLength(14);
    await userEvent.click(screen.getByRole('button', { name: 'Show data' }));
    const tableValues = [...screen.getByTestId('chart-training-cost-data').querySelectorAll('tbody tr')].map((tr): [string, string] => [
      tr.getAttribute('data-row-id') ?? '',
      tr.children[2].textContent ?? '',
    ]);
    expect(new Map(figures)).toEqual(new Map(tableValues));
    // Estimates are hatched and dashed; "less than" has its marker.
    const clipBar = container.querySelector('[data-system-id="clip"] .cost-segment')!;
    expect(clipBar.getAttribute('fill')).toMatch(/^url\(#hatch-/);
    expect(clipBar.getAttribute('stroke-dasharray')).toBe('4 3');
    expect(container.querySelector('[data-system-id="koala"] .upper-mark')).not.toBeNull();
    expect(container.querySelectorAll('[data-system-id="alpaca"] .cost-segment')).toHaveLength(2);
  });

  it('hover and click on a row set the shared hover and selection; the store’s highlight shows on the mark', () => {
    const { container } = renderChart();
    const alpaca = container.querySelector('g.cost-row[data-system-id="alpaca"]')!;
    fireEvent.mouseEnter(alpaca);
    expect(useAppStore.getState().hoveredId).toBe('alpaca');
    expect(alpaca).toHaveAttribute('data-hovered', 'true');
    fireEvent.mouseLeave(alpaca);
    expect(useAppStore.getState().hoveredId).toBeNull();
    fireEvent.click(alpaca);
    expect(useAppStore.getState().selectedId).toBe('alpaca');
    expect(alpaca).toHaveAttribute('data-selected', 'true');
    fireEvent.keyDown(alpaca, { key: 'Enter' });
    expect(useAppStore.getState().selectedId).toBeNull();
    act(() => useAppStore.getState().select('koala'));
    expect(container.querySelector('g.cost-row[data-system-id="koala"]')).toHaveAttribute('data-selected', 'true');
  });

  it('the scale toggle sets the cost scale view setting', async () => {
    renderChart();
    expect(screen.getByTestId('cost-plot')).toHaveAttribute('data-scale', 'log');
    await userEvent.click(within(screen.getByTestId('cost-scale')).getByLabelText('Linear'));
    expect(useAppStore.getState().viewSettings.costScale).toBe('linear');
    expect(screen.getByTestId('cost-plot')).toHaveAttribute('data-scale', 'linear');
  });

  it('follows the filters, and says so when nothing in view has a cost', () => {
    act(() => useAppStore.setState({ filters: { ...DEFAULT_FILTERS, bases: ['llama'] } }));
    const { container } = renderChart();
    expect([...container.querySelectorAll('g.cost-row')].map((m) => m.getAttribute('data-system-id'))).toEqual([
      'llama-65b',
      'alpaca',
      'vicuna-7b',
      'vicuna-13b',
      'koala',
    ]);
    act(() => useAppStore.setState({ filters: { ...DEFAULT_FILTERS, kinds: ['paper'] } }));
    expect(screen.getByTestId('cost-chart-empty')).toHaveTextContent('No system in view has a published training cost.');
    expect(screen.getByTestId('chart-training-cost-count')).toHaveTextContent('0 of 3 systems shown');
  });
});
