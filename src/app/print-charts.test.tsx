import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledDataset } from '../../tests/fixtures/bundled-dataset';
import { Co2View } from '../features/co2/co2-view';
import { TrainingCostChart } from '../features/cost-chart/cost-chart';
import { GpuHoursChart } from '../features/gpu-hours-chart/gpu-hours-chart';
import { LineageTree } from '../features/lineage/lineage';
import { ReleaseTimeline } from '../features/timeline/timeline';
import { PRINT_WIDTH } from '../components/chart-frame/use-chart-width';
import { resetAppStore, useAppStore } from '../store';
import { startPrintMode } from './print-mode';

const dataset = bundledDataset();
let stop: (() => void) | undefined;

beforeEach(() => {
  resetAppStore();
  useAppStore.getState().receiveDataset({ ok: true, dataset });
  stop = startPrintMode();
});
afterEach(() => stop?.());

/** Each chart's drawn width (jsdom has no layout: on screen the charts keep their fallback widths, 720–800 px). */
function chartWidths(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const svg of document.querySelectorAll('svg.recharts-surface, svg.lineage-svg')) {
    const panel = svg.closest('[data-testid^="chart-"]')?.getAttribute('data-testid') ?? '?';
    out[panel] = Number(svg.getAttribute('width'));
  }
  return out;
}

describe('charts on paper', () => {
  it('draw at most the paper’s width, within the beforeprint event, and at their own width again after', () => {
    render(
      <>
        <TrainingCostChart dataset={dataset} />
        <GpuHoursChart dataset={dataset} />
        <Co2View dataset={dataset} />
        <ReleaseTimeline dataset={dataset} />
        <LineageTree dataset={dataset} />
      </>,
    );
    const onScreen = chartWidths();
    expect(Object.keys(onScreen).sort()).toEqual([
      'chart-co2',
      'chart-gpu-hours',
      'chart-lineage',
      'chart-timeline',
      'chart-training-cost',
    ]);
    expect(onScreen['chart-training-cost']).toBeGreaterThan(PRINT_WIDTH);
    expect(onScreen['chart-timeline']).toBeGreaterThan(PRINT_WIDTH);

    // Outside act(), as in a browser: the charts must be redrawn before the event returns.
    const env = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    env.IS_REACT_ACT_ENVIRONMENT = false;
    try {
      window.dispatchEvent(new Event('beforeprint'));
    } finally {
      env.IS_REACT_ACT_ENVIRONMENT = true;
    }
    const printed = chartWidths();
    for (const [panel, width] of Object.entries(printed)) expect(width, panel).toBeLessThanOrEqual(PRINT_WIDTH);
    expect(printed['chart-training-cost']).toBe(PRINT_WIDTH);
    expect(printed['chart-co2']).toBe(PRINT_WIDTH);
    expect(printed['chart-timeline']).toBe(PRINT_WIDTH);

    act(() => void window.dispatchEvent(new Event('afterprint')));
    expect(chartWidths()).toEqual(onScreen);
  });
});
