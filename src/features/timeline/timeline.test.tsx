import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../tests/fixtures/bundled-dataset';
import { miniDataset } from '../../../tests/fixtures/mini-dataset';
import type { Dataset } from '../../data/schema';
import { resetAppStore, useAppStore } from '../../store';
import { DEFAULT_FILTERS } from '../../store/filters-model';
import { ReleaseTimeline } from './timeline';

const ds = bundledDataset();

function setup(dataset: Dataset = ds) {
  useAppStore.getState().receiveDataset({ ok: true, dataset });
  const user = userEvent.setup();
  const view = render(<ReleaseTimeline dataset={dataset} />);
  return { user, view };
}

function markIds(): string[] {
  return [...document.querySelectorAll('[data-testid="chart-timeline"] .timeline-mark[data-system-id]')].map(
    (e) => e.getAttribute('data-system-id') ?? '',
  );
}

async function openData(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Show data' }));
  return screen.getByTestId('chart-timeline-data');
}

beforeEach(() => resetAppStore());

describe('ReleaseTimeline', () => {
  it('shows the frame: title, N of M, and why the undated systems are left out', async () => {
    const { user } = setup();
    expect(screen.getByRole('heading', { name: 'Release timeline' })).toBeInTheDocument();
    expect(screen.getByTestId('chart-timeline-count')).toHaveTextContent('26 of 28 systems shown');
    await user.click(screen.getByText('2 left out — why'));
    const leftOut = screen.getByTestId('chart-timeline-left-out');
    expect(leftOut).toHaveTextContent('FreedomGPT: release date unknown; the talk says 2023 年 4 月 (unverified)');
    expect(leftOut).toHaveTextContent('replit-code-v1-3b: release date unknown');
  });

  it('draws one focusable mark per plotted system, with the talk’s differing dates as ghost markers', () => {
    setup();
    expect(markIds()).toHaveLength(30);
    expect(markIds()).toEqual(expect.arrayContaining(['gpt-3', 'clip', 'llava', 'alpaca']));
    const alpacaTalk = document.querySelector('[data-talk-for="alpaca"]');
    expect(alpacaTalk).toHaveTextContent('Alpaca: talk’s date');
    expect(alpacaTalk).toHaveAttribute('data-date', '2023-03-28');
    expect(alpacaTalk?.getAttribute('data-tip')).toContain('2023 年 3 月 28 日');
    // Dolly 2.0: the talk says "March 2023": a month, drawn as a bar.
    expect(document.querySelector('[data-talk-for="dolly-2"] rect.timeline-marker-month')).not.toBeNull();
    const alpaca = document.querySelector('.timeline-mark[data-system-id="alpaca"]') as HTMLElement;
    expect(alpaca).toHaveAttribute('tabindex', '0');
    expect(alpaca.getAttribute('aria-label')).toMatch(
      /Alpaca — Stanford CRFM · Mar 13, 2023 \(blog post\) · built on LLaMA-7B \(fine-tune\) · the talk says 2023 年 3 月 28 日/,
    );
  });

  it('marks papers and events as annotations in their own lane: a diamond, not counted as systems', () => {
    setup();
    const marked = [...document.querySelectorAll('.timeline-mark[data-annotation="true"]')].map((e) => e.getAttribute('data-system-id'));
    expect(marked.sort()).toEqual(['ligo', 'patterson-2021', 'pytorch-2', 'sustainable-ai']);
    expect(document.querySelector('.timeline-mark[data-system-id="ligo"] .timeline-marker-diamond')).not.toBeNull();
    expect(document.querySelector('.timeline-mark[data-system-id="llama-7b"] .timeline-marker-diamond')).toBeNull();
    expect(document.querySelector('[data-lane="kind:paper-event"]')).toHaveTextContent('Papers and events (marked, not counted)');
    expect(screen.getByTestId('chart-timeline-count')).toHaveTextContent('26 of 28 systems shown');
    // Asking the Kind filter for models only leaves the annotations out too.
    act(() => useAppStore.getState().toggleFilterValue('kinds', 'model'));
    expect(document.querySelectorAll('.timeline-mark[data-annotation]')).toHaveLength(0);
    expect(document.querySelector('[data-lane="kind:paper-event"]')).toBeNull();
  });

  it('draws lineage links from base to derived', () => {
    setup();
    const links = [...document.querySelectorAll('.timeline-link')].map((l) => l.getAttribute('data-link'));
    expect(links).toEqual(expect.arrayContaining(['llama-7b>alpaca', 'vicuna-13b>llava', 'clip>llava', 'gpt-3.5>chatgpt', 'lamda>bard']));
    expect(document.querySelector('[data-link="clip>llava"]')).toHaveAttribute('data-relation', 'component');
  });

  it('a link through an undated base runs from the nearest dated ancestor and names the base it skips', () => {
    const undated: Dataset = {
      ...ds,
      systems: ds.systems.map((s) => (s.id === 'gpt-3.5' ? { ...s, release: { status: 'unknown', note: 'test: date removed' } } : s)),
    };
    setup(undated);
    expect(document.querySelector('[data-link="gpt-3>chatgpt"]')).toHaveAttribute('data-via', 'gpt-3.5');
  });

  it('the data table lists every plotted item with date, precision, lane, bases and the talk’s differing date', async () => {
    const { user } = setup();
    const table = await openData(user);
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(31);
    expect(
      within(rows[0])
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual([
      'System',
      'Release date',
      'Precision',
      'What the date marks',
      'Lane',
      'Built on',
      'The talk’s date, where it differs',
      'Source',
    ]);
    const alpaca = within(table).getByRole('rowheader', { name: 'Alpaca' }).closest('tr') as HTMLElement;
    const cells = within(alpaca)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(0, 5)).toEqual(['Mar 13, 2023', 'day', 'blog post', 'LLMs (text, code)', 'LLaMA-7B (fine-tune)']);
    expect(cells[5]).toMatch(/^2023 年 3 月 28 日 \(Mar 28, 2023\) — No Alpaca event/);
    // The table's rows are the marks, in the same order.
    const rowIds = [...table.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-row-id'));
    expect(rowIds.slice().sort()).toEqual(markIds().sort());
  });

  it('the lanes switch and the zoom toggle set the view settings, and the chart follows', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('radio', { name: 'By organization' }));
    expect(useAppStore.getState().viewSettings.timelineLanes).toBe('organization');
    expect(document.querySelector('[data-lane="org:OpenAI"]')).toHaveTextContent('OpenAI');
    expect(document.querySelector('[data-lane="org:*other*"]')).toHaveTextContent('Other organizations');
    await user.click(screen.getByRole('radio', { name: 'Feb–Apr 2023' }));
    expect(useAppStore.getState().viewSettings.timelineZoom).toBe('wave-2023');
    expect(markIds()).toHaveLength(19);
    expect(markIds()).not.toContain('gpt-3');
    expect(markIds()).not.toContain('clip');
    expect(screen.getByTestId('chart-timeline-count')).toHaveTextContent('17 of 28 systems shown');
    await user.click(screen.getByText('11 left out — why'));
    expect(screen.getByTestId('chart-timeline-left-out')).toHaveTextContent('CLIP: released Jan 5, 2021, outside the window shown');
  });

  it('follows the filters: ?base=llama leaves LLaMA and its descendants', () => {
    useAppStore.setState({ filters: { ...DEFAULT_FILTERS, bases: ['llama'] } });
    setup();
    expect(markIds().sort()).toEqual([
      'alpaca',
      'chatllama',
      'colossalchat',
      'koala',
      'llama-13b',
      'llama-33b',
      'llama-65b',
      'llama-7b',
      'llava',
      'vicuna-13b',
      'vicuna-7b',
    ]);
    expect(screen.getByTestId('chart-timeline-subtitle')).toHaveTextContent('Base model: LLaMA (all sizes)');
  });

  it('marks select on click and Enter, hover on pointer and focus; the selected and hovered marks are flagged', async () => {
    const { user } = setup();
    const mark = () => document.querySelector('.timeline-mark[data-system-id="koala"]') as SVGElement;
    await user.click(mark());
    expect(useAppStore.getState().selectedId).toBe('koala');
    expect(mark()).toHaveAttribute('data-selected', 'true');
    fireEvent.keyDown(mark(), { key: 'Enter' });
    expect(useAppStore.getState().selectedId).toBeNull();
    fireEvent.mouseEnter(mark());
    expect(useAppStore.getState().hoveredId).toBe('koala');
    fireEvent.mouseLeave(mark());
    expect(useAppStore.getState().hoveredId).toBeNull();
    // Hover set elsewhere (a table row) highlights the mark here.
    act(() => useAppStore.getState().hover('llava'));
    expect(document.querySelector('.timeline-mark[data-system-id="llava"]')).toHaveAttribute('data-hovered', 'true');
    expect(document.querySelector('[data-link="vicuna-13b>llava"]')).toHaveClass('is-active');
  });

  it('a drag across the plot zooms in; Reset zoom goes back', async () => {
    setup();
    const drag = screen.getByTestId('timeline-drag');
    const x0 = Number(drag.getAttribute('x'));
    const w = Number(drag.getAttribute('width'));
    // jsdom: the SVG sits at 0,0, so client x = SVG x. Drag over the last tenth (spring 2023).
    fireEvent.pointerDown(drag, { button: 0, clientX: x0 + w * 0.9, pointerId: 1 });
    fireEvent.pointerMove(drag, { clientX: x0 + w, pointerId: 1 });
    fireEvent.pointerUp(drag, { clientX: x0 + w, pointerId: 1 });
    const ids = markIds();
    expect(ids.length).toBeGreaterThan(3);
    expect(ids.length).toBeLessThan(30);
    expect(ids).not.toContain('gpt-3');
    const reset = screen.getByTestId('timeline-reset-zoom');
    expect(reset).toHaveTextContent(/^Reset zoom \(.+ – .+\)$/);
    fireEvent.click(reset);
    expect(markIds()).toHaveLength(30);
  });

  it('the mini fixture: a month-precision release is drawn as a bar over its month', () => {
    setup(miniDataset());
    const child = document.querySelector('.timeline-mark[data-system-id="child"]');
    expect(child).toHaveAttribute('data-precision', 'month');
    expect(child?.querySelector('rect.timeline-marker-month')).not.toBeNull();
    expect(document.querySelector('.timeline-mark[data-system-id="vision"] circle.timeline-marker')).not.toBeNull();
  });

  it('says so when nothing can be drawn', () => {
    useAppStore.setState({ filters: { ...DEFAULT_FILTERS, query: 'no such system' } });
    setup();
    expect(screen.getByText('No system in view has a known release date in this window.')).toBeInTheDocument();
    expect(screen.getByTestId('chart-timeline-count')).toHaveTextContent('0 of 0 systems shown');
  });
});
