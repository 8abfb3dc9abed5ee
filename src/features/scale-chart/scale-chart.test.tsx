import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../tests/fixtures/bundled-dataset';
import { resetAppStore, useAppStore } from '../../store';
import { ScaleChart } from './scale-chart';

const dataset = bundledDataset();
const points = (container: HTMLElement) => [...container.querySelectorAll('circle.scale-point')];

describe('ScaleChart', () => {
  beforeEach(() => {
    resetAppStore();
    useAppStore.getState().receiveDataset({ ok: true, dataset });
  });

  it('draws one point per dated system with FLOP, reported filled and estimated hollow, and writes the trend', () => {
    const { container } = render(<ScaleChart dataset={dataset} />);
    expect(screen.getByRole('heading', { name: 'Scale over time' })).toBeInTheDocument();
    expect(points(container)).toHaveLength(10);
    expect(screen.getByTestId('scale-plot')).toHaveAttribute('data-points', '10');
    expect(screen.getByTestId('chart-scale-count')).toHaveTextContent('10 of 28 systems shown');
    expect(container.querySelector('[data-system-id="gpt-3"]')).toHaveAttribute('data-status', 'reported');
    expect(container.querySelector('[data-system-id="llama-65b"]')).toHaveAttribute('data-status', 'estimated');
    expect(screen.getByTestId('scale-trend-text')).toHaveTextContent(/^Trend 2020–2023: halves every [\d.]+ months \(95% CI .+; n=10\)$/);
    expect(screen.getByText('18 systems without training compute not shown')).toBeInTheDocument();
  });

  it('the metric selector and the period picker change what is drawn and fitted', () => {
    const { container } = render(<ScaleChart dataset={dataset} />);
    fireEvent.change(screen.getByTestId('scale-metric'), { target: { value: 'params' } });
    expect(useAppStore.getState().viewSettings.scaleMetric).toBe('params');
    expect(points(container)).toHaveLength(20);
    expect(screen.getByText('Parameters', { selector: 'text' })).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('scale-metric'), { target: { value: 'flop' } });
    fireEvent.change(screen.getByTestId('scale-period-from'), { target: { value: '2023' } });
    expect(useAppStore.getState().scalePeriod).toEqual({ from: 2023, to: 2023 });
    expect(screen.getByTestId('scale-trend-text')).toHaveTextContent(/^Trend 2023: .+n=6\)$/);
    expect(container.querySelectorAll('circle.scale-point.is-faded')).toHaveLength(4);
    fireEvent.click(screen.getByLabelText('All'));
    expect(useAppStore.getState().scalePeriod).toBeNull();
  });

  it('hover and click on a point are the linked hover and selection', () => {
    const { container } = render(<ScaleChart dataset={dataset} />);
    const pythia = container.querySelector('[data-system-id="pythia-12b"]')!;
    fireEvent.mouseOver(pythia);
    expect(useAppStore.getState().hoveredId).toBe('pythia-12b');
    expect(container.querySelector('[data-highlight="hovered"]')).toHaveTextContent('Pythia-12B');
    fireEvent.click(pythia);
    expect(useAppStore.getState().selectedId).toBe('pythia-12b');
    expect(container.querySelector('[data-highlight="selected"]')).not.toBeNull();
  });
});
