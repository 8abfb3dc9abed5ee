import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../tests/fixtures/bundled-dataset';
import { resetAppStore, useAppStore } from '../../store';
import { DEFAULT_FILTERS } from '../../store/filters-model';
import { ComparePanel } from './compare-panel';

const ds = bundledDataset();

beforeEach(() => {
  resetAppStore();
  useAppStore.getState().receiveDataset({ ok: true, dataset: ds });
});

const fieldRow = (field: string) => screen.getByTestId('compare-table').querySelector(`tr[data-field="${field}"]`) as HTMLElement;

describe('ComparePanel', () => {
  it('asks for two or more picks before showing a table', () => {
    useAppStore.setState({ compareIds: ['alpaca'] });
    render(<ComparePanel dataset={ds} />);
    expect(screen.getByTestId('compare-empty')).toHaveTextContent('Pick 2–4 models');
    expect(screen.getByTestId('compare-empty')).toHaveTextContent('Alpaca is picked so far.');
    expect(screen.queryByTestId('compare-table')).toBeNull();
  });

  it('shows the picked models side by side, one row per field, marking rows that differ', () => {
    useAppStore.setState({ compareIds: ['llama-7b', 'llama-13b'] });
    render(<ComparePanel dataset={ds} />);
    const headers = within(screen.getByTestId('compare-table'))
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers[1]).toContain('LLaMA-7B');
    expect(headers[2]).toContain('LLaMA-13B');
    expect(fieldRow('parameters')).toHaveClass('differs');
    expect(within(fieldRow('parameters')).getByRole('rowheader')).toHaveTextContent('(values differ)');
    expect(fieldRow('organization')).not.toHaveClass('differs');
    expect(fieldRow('gpuHours')).toHaveTextContent('82,432 · A100-80GB');
    expect(fieldRow('gpuHours')).toHaveTextContent('135,168 · A100-80GB');
  });

  it('has a training-compute row: the figure, or why there is none', () => {
    useAppStore.setState({ compareIds: ['gpt-3', 'gpt-4'] });
    render(<ComparePanel dataset={ds} />);
    expect(within(fieldRow('flop')).getByRole('rowheader')).toHaveTextContent('Training compute');
    expect(fieldRow('flop')).toHaveTextContent('3.14×10²³ FLOP');
    expect(fieldRow('flop')).toHaveTextContent('not disclosed');
    expect(fieldRow('flop')).toHaveClass('differs');
  });

  it('adds by name, refuses unknown names with a message, removes, and stops at four', async () => {
    const user = userEvent.setup();
    render(<ComparePanel dataset={ds} />);
    const input = screen.getByTestId('compare-add-input');
    await user.type(input, 'no such model{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('No system is called “no such model”.');
    for (const name of ['Alpaca', 'koala', 'LLaVA', 'SAM (Segment Anything Model)']) {
      await user.clear(input);
      await user.type(input, `${name}{Enter}`);
    }
    expect(useAppStore.getState().compareIds).toEqual(['alpaca', 'koala', 'llava', 'sam']);
    expect(input).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Remove Koala from the comparison' }));
    expect(useAppStore.getState().compareIds).toEqual(['alpaca', 'llava', 'sam']);
    expect(input).toBeEnabled();
  });

  it('keeps picks outside the filters, and says so', () => {
    useAppStore.setState({ compareIds: ['alpaca', 'gpt-4'], filters: { ...DEFAULT_FILTERS, organizations: ['openai'] } });
    render(<ComparePanel dataset={ds} />);
    expect(screen.getByRole('status')).toHaveTextContent('Outside the current filters, still compared: Alpaca.');
    expect(screen.getByTestId('compare-table')).toHaveTextContent('Alpaca');
  });

  it('the model name selects it everywhere', async () => {
    useAppStore.setState({ compareIds: ['alpaca', 'koala'] });
    const user = userEvent.setup();
    render(<ComparePanel dataset={ds} />);
    await user.click(screen.getByRole('button', { name: 'Koala' }));
    expect(useAppStore.getState().selectedId).toBe('koala');
    expect(screen.getByRole('button', { name: 'Koala' })).toHaveAttribute('aria-pressed', 'true');
  });
});
