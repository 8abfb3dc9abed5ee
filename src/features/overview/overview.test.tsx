import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../tests/fixtures/bundled-dataset';
import type { Dataset } from '../../data/schema';
import { resetAppStore, useAppStore } from '../../store';
import { Overview } from './overview';

const ds = bundledDataset();

function show(dataset: Dataset, selectedId: string) {
  useAppStore.getState().receiveDataset({ ok: true, dataset });
  useAppStore.getState().select(selectedId);
  render(<Overview dataset={dataset} />);
  return screen.getByTestId('selected-system');
}

beforeEach(() => resetAppStore());

describe('Overview: the selected system', () => {
  it('names each source reference for screen readers and explains it through the tooltip layer, like the explorer', () => {
    const panel = show(ds, 'alpaca');
    const link = within(panel).getAllByRole('link', { name: /^Source 1: / })[0];
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(link).toHaveAttribute('data-tip');
    expect(link).not.toHaveAttribute('title');
    expect(within(panel).getByText(/talk says/)).toHaveAttribute('tabindex', '0');
  });

  it('marks an estimate with an "est." badge a keyboard reaches, its method in the tooltip', () => {
    const estimated: Dataset = {
      ...ds,
      systems: ds.systems.map((s) =>
        s.id === 'llama-7b' && s.parameters?.status === 'reported'
          ? {
              ...s,
              parameters: {
                status: 'estimated',
                value: s.parameters.value,
                method: 'Epoch AI, from the layer sizes',
                sources: s.parameters.sources,
              },
            }
          : s,
      ),
    };
    const panel = show(estimated, 'llama-7b');
    const badge = within(panel).getByText('est.');
    expect(badge).toHaveAttribute('tabindex', '0');
    expect(badge.getAttribute('data-tip')).toContain('Epoch AI, from the layer sizes');
    expect(badge).not.toHaveAttribute('title');
  });
});

describe('Overview: the headline counts say what they count', () => {
  it('models and apps/libraries, not papers or events; top-level organizations of what is in view', () => {
    useAppStore.getState().receiveDataset({ ok: true, dataset: ds });
    render(<Overview dataset={ds} />);
    expect(within(screen.getByTestId('card-models')).getByText('26')).toBeInTheDocument();
    expect(screen.getByTestId('card-models')).toHaveTextContent('In view: 26 models · 2 apps/libraries');
    expect(screen.getByTestId('card-organizations')).toHaveTextContent('Top-level organizations of what is in view');
  });

  it('with Meta ticked: its six models, one top-level organization (FAIR and Meta AI roll up)', () => {
    useAppStore.getState().receiveDataset({ ok: true, dataset: ds });
    useAppStore.getState().toggleFilterValue('organizations', 'meta');
    render(<Overview dataset={ds} />);
    expect(screen.getByTestId('card-models')).toHaveTextContent(/^Models6In view: 6 models$/);
    expect(within(screen.getByTestId('card-organizations')).getByText('1')).toBeInTheDocument();
  });

  it('the Kind filter brings the papers and the event in, and the count names them', () => {
    useAppStore.getState().receiveDataset({ ok: true, dataset: ds });
    useAppStore.getState().toggleFilterValue('kinds', 'paper');
    useAppStore.getState().toggleFilterValue('kinds', 'event');
    render(<Overview dataset={ds} />);
    expect(screen.getByTestId('card-models')).toHaveTextContent('In view: 3 papers · 1 event');
  });
});
