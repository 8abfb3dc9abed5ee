import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { miniDataset } from '../../tests/fixtures/mini-dataset';
import { resetAppStore, useAppStore } from '../store';
import { PANEL_IDS } from '../store/panels';
import { App } from './app';

const ds = miniDataset();
const slots = (container: HTMLElement) => [...container.querySelectorAll<HTMLElement>('.view-slot')].map((s) => s.dataset.view);

beforeAll(() => {
  // jsdom: no layout, so no ResizeObserver and no scrolling; the app only needs them to exist.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
beforeEach(() => {
  resetAppStore();
  useAppStore.getState().receiveDataset({ ok: true, dataset: ds });
  document.documentElement.className = '';
});

describe('App modes', () => {
  it('the full page: header, filter bar, a slot for every panel id in page order, the printed-only parts', () => {
    const { container } = render(<App />);
    expect(slots(container)).toEqual([...PANEL_IDS]);
    expect(container.querySelector('.app-header')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Filters' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Present' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Share / embed' })).toBeInTheDocument();
    expect(container.querySelector('.filter-summary-line.print-only')).toBeInTheDocument();
  });

  it('embed: one panel, no header, filter bar, footer or skip link; the URL notices still show', () => {
    useAppStore.setState({ embedPanel: 'seed-tables' });
    useAppStore.getState().addUrlProblems([{ param: 'org', value: 'Nobody', reason: 'unknown-value' }]);
    const { container } = render(<App />);
    expect(slots(container)).toEqual(['seed-tables']);
    expect(container.querySelector('.app-header')).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Filters' })).not.toBeInTheDocument();
    expect(screen.queryByRole('contentinfo')).not.toBeInTheDocument();
    expect(screen.queryByText('Skip to content')).not.toBeInTheDocument();
    expect(screen.getByTestId('url-notice')).toHaveTextContent('Nobody');
    expect(document.documentElement).toHaveClass('is-embedded');
  });

  it('embed with filters: a line says what the panel shows', () => {
    useAppStore.setState({ embedPanel: 'overview' });
    useAppStore.getState().toggleFilterValue('organizations', 'Org Two');
    render(<App />);
    expect(screen.getByTestId('filter-summary-line')).toHaveTextContent('Organization: Org Two · 2 of 6: 2 models');
  });

  it('presentation: one panel, the position, arrows step, Escape leaves', () => {
    useAppStore.setState({ presentPanel: 'overview' });
    const { container } = render(<App />);
    expect(slots(container)).toEqual(['overview']);
    expect(document.documentElement).toHaveClass('is-presenting');
    expect(screen.getByTestId('present-position')).toHaveTextContent(`1 / ${PANEL_IDS.length}`);
    act(() => void fireEvent.keyDown(window, { key: 'ArrowRight' }));
    expect(useAppStore.getState().presentPanel).toBe('models-table');
    expect(slots(container)).toEqual(['models-table']);
    act(() => void fireEvent.keyDown(window, { key: 'PageDown' }));
    act(() => void fireEvent.keyDown(window, { key: 'PageUp' }));
    act(() => void fireEvent.keyDown(window, { key: 'ArrowLeft' }));
    act(() => void fireEvent.keyDown(window, { key: 'ArrowLeft' }));
    expect(useAppStore.getState().presentPanel).toBe('overview');
    act(() => void fireEvent.keyDown(window, { key: 'End' }));
    expect(screen.getByTestId('present-position')).toHaveTextContent(`${PANEL_IDS.length} / ${PANEL_IDS.length}`);
    act(() => void fireEvent.keyDown(window, { key: 'Escape' }));
    expect(useAppStore.getState().presentPanel).toBeNull();
    expect(slots(container)).toEqual([...PANEL_IDS]);
    expect(document.documentElement).not.toHaveClass('is-presenting');
    expect(screen.getByRole('button', { name: 'Present' })).toHaveFocus();
  });

  it('presentation keys leave text fields alone', async () => {
    useAppStore.setState({ presentPanel: 'compare' });
    render(<App />);
    // A lazy view: its chunk arrives after the first render.
    const field = await screen.findByTestId('compare-add-input', {}, { timeout: 5000 });
    act(() => void fireEvent.keyDown(field, { key: 'ArrowLeft' }));
    expect(useAppStore.getState().presentPanel).toBe('compare');
  });

  it('a lazy view says it is loading, then renders; the views are marked ready once all have rendered', async () => {
    // Fresh modules: an earlier test may have loaded the view's chunk already.
    vi.resetModules();
    const [{ App: FreshApp }, { useAppStore: freshStore }] = await Promise.all([import('./app'), import('../store')]);
    freshStore.getState().receiveDataset({ ok: true, dataset: ds });
    freshStore.setState({ embedPanel: 'compare' });
    const { container } = render(<FreshApp />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading Compare side by side…');
    expect(container.querySelector('.views')).not.toHaveAttribute('data-views-ready');
    expect(await screen.findByTestId('compare-add-input', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByText('Loading Compare side by side…')).not.toBeInTheDocument();
    await waitFor(() => expect(container.querySelector('.views')).toHaveAttribute('data-views-ready'));
  });

  it('the full page is marked ready only once every lazy view has rendered', async () => {
    const { container } = render(<App />);
    await waitFor(() => expect(container.querySelector('.views')).toHaveAttribute('data-views-ready'), { timeout: 5000 });
    expect(container.querySelector('.view-loading')).not.toBeInTheDocument();
    expect(slots(container)).toEqual([...PANEL_IDS]);
  });

  it('an embed is never a presentation: embed wins when a link has both', () => {
    useAppStore.setState({ embedPanel: 'lineage', presentPanel: 'overview' });
    const { container } = render(<App />);
    expect(slots(container)).toEqual(['lineage']);
    expect(screen.queryByTestId('present-bar')).not.toBeInTheDocument();
  });
});
