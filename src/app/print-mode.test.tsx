import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { syntheticDataset } from '../../tests/fixtures/synthetic-dataset';
import { datasetSchema } from '../data/schema';
import { ModelsTable } from '../features/models-table/models-table';
import { resetAppStore, useAppStore } from '../store';
import { startPrintMode } from './print-mode';

const ds = datasetSchema.parse(syntheticDataset(300, 1));
// Every model and app/library: the explorer's rows with no filter (papers and events wait for the Kind filter).
const systemRows = ds.systems.filter((s) => s.kind === 'model' || s.kind === 'library-app').length;
const rowCount = () => screen.getByTestId('models-table').querySelectorAll('tbody tr[data-system-id]').length;
let stop: (() => void) | undefined;

beforeEach(() => {
  resetAppStore();
  // jsdom has no layout: a 440 px scroll box of 44 px rows, so the virtualizer renders a screenful.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.getAttribute('data-testid') === 'models-table-scroll' ? 440 : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.hasAttribute('data-index') ? 44 : 0;
  });
  useAppStore.getState().receiveDataset({ ok: true, dataset: ds });
  stop = startPrintMode();
});
afterEach(() => stop?.());

describe('print mode', () => {
  it('the explorer renders every row for paper, within the beforeprint event, and virtualizes again after', () => {
    render(<ModelsTable dataset={ds} />);
    const onScreen = rowCount();
    expect(onScreen).toBeGreaterThan(0);
    expect(onScreen).toBeLessThan(300);
    // Outside act(), as in a browser: flushSync in the listener must render before the event returns,
    // because the browser lays out the printout right after it.
    const env = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    env.IS_REACT_ACT_ENVIRONMENT = false;
    try {
      window.dispatchEvent(new Event('beforeprint'));
    } finally {
      env.IS_REACT_ACT_ENVIRONMENT = true;
    }
    expect(useAppStore.getState().printing).toBe(true);
    expect(systemRows).toBeGreaterThan(250);
    expect(rowCount()).toBe(systemRows);
    // No spacer rows on paper: they stand for rows that are not rendered.
    expect(screen.getByTestId('models-table').querySelectorAll('tr.spacer')).toHaveLength(0);
    act(() => void window.dispatchEvent(new Event('afterprint')));
    expect(useAppStore.getState().printing).toBe(false);
    expect(rowCount()).toBe(onScreen);
  });
});
