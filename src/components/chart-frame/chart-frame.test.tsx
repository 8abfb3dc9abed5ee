import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { miniDataset } from '../../../tests/fixtures/mini-dataset';
import { translate } from '../../i18n/i18n';
import { describeFilters } from '../../selectors/filter-summary';
import { resetAppStore, useAppStore } from '../../store';
import { DEFAULT_FILTERS } from '../../store/filters-model';
import { MAX_DATA_TABLE_ROWS, MAX_LEFT_OUT } from '../../selectors/mark-cap';
import { ChartFrame, groupByReason, Segmented } from './chart-frame';
import { lazyList } from '../../lib/lazy-list';
import { smallFigureModel } from '../../../tests/fixtures/figure-model';

const figure = (link: string) => smallFigureModel('test-chart', 'Test chart', link);

const ds = miniDataset();
const en = (k: string, e: string, v?: Record<string, string | number>) => translate('en', k, e, v);

beforeEach(() => resetAppStore());

describe('describeFilters', () => {
  it('says "All systems" with no filters and names each active filter otherwise', () => {
    expect(describeFilters(DEFAULT_FILTERS, ds, en, 'en')).toBe('All systems');
    const text = describeFilters(
      { ...DEFAULT_FILTERS, organizations: ['Org One'], bases: ['fam'], modalities: ['multimodal'], dateFrom: '2023-02', query: 'x' },
      ds,
      en,
      'en',
    );
    expect(text).toBe(
      'Organization: Org One · Base model: Fam (all sizes) · Modality: Multimodal · Release date range: Feb 2023 – … · Search: “x”',
    );
  });
});

describe('ChartFrame', () => {
  function renderFrame() {
    return render(
      <ChartFrame
        figure={figure}
        id="demo"
        dataset={ds}
        title="Demo chart"
        description="Values in units."
        shown={2}
        total={5}
        leftOut={[{ id: 'closed', name: 'Closed', reason: 'not disclosed' }]}
        sourceNote="Source: somewhere."
        dataTable={{
          columns: ['Model', 'Value'],
          rows: [
            { id: 'a', cells: ['A', '1'] },
            { id: 'b', cells: ['B', '2'] },
          ],
        }}
      >
        <svg data-testid="plot" />
      </ChartFrame>,
    );
  }

  it('shows the title, the filters as subtitle, N of M shown and why the rest are left out', async () => {
    useAppStore.setState({ filters: { ...DEFAULT_FILTERS, organizations: ['Org Two'] } });
    const user = userEvent.setup();
    renderFrame();
    expect(screen.getByRole('heading', { name: 'Demo chart' })).toBeInTheDocument();
    expect(screen.getByTestId('chart-demo-subtitle')).toHaveTextContent('Organization: Org Two');
    expect(screen.getByTestId('chart-demo-count')).toHaveTextContent('2 of 5 systems shown');
    await user.click(screen.getByText('1 left out — why'));
    expect(screen.getByTestId('chart-demo-left-out')).toHaveTextContent('Closed: not disclosed');
  });

  it('labels a lazy left-out list only when it is opened', async () => {
    const user = userEvent.setup();
    let made = 0;
    const leftOut = lazyList(3, () => (made++, [1, 2, 3].map((i) => ({ id: `x${i}`, name: `X${i}`, reason: 'unknown' }))));
    render(
      <ChartFrame
        figure={figure}
        id="lazy"
        dataset={ds}
        title="Lazy"
        description="d"
        shown={1}
        total={4}
        leftOut={leftOut}
        sourceNote="s"
        dataTable={{ columns: [], rows: [] }}
      >
        <svg />
      </ChartFrame>,
    );
    expect(screen.getByText('3 left out — why')).toBeInTheDocument();
    expect(made).toBe(0);
    await user.click(screen.getByText('3 left out — why'));
    expect(screen.getByTestId('chart-lazy-left-out')).toHaveTextContent('X1: unknownX2: unknownX3: unknown');
    expect(made).toBe(1);
  });

  it('a left-out list that goes away and comes back starts closed, with nothing rendered', async () => {
    const user = userEvent.setup();
    const frame = (leftOut: { id: string; name: string; reason: string }[]) => (
      <ChartFrame
        figure={figure}
        id="back"
        dataset={ds}
        title="Back"
        description="d"
        shown={1}
        total={1 + leftOut.length}
        leftOut={leftOut}
        sourceNote="s"
        dataTable={{ columns: [], rows: [] }}
      >
        <svg />
      </ChartFrame>
    );
    const some = [{ id: 'a', name: 'A', reason: 'unknown' }];
    const { rerender } = render(frame(some));
    await user.click(screen.getByText('1 left out — why'));
    expect(screen.getByTestId('chart-back-left-out')).toHaveTextContent('A: unknown');
    rerender(frame([]));
    expect(screen.queryByTestId('chart-back-left-out')).toBeNull();
    rerender(frame(some));
    expect(screen.getByTestId('chart-back-left-out')).toBeEmptyDOMElement();
  });

  it('on paper, lists the left-out systems grouped by reason, without opening anything', () => {
    useAppStore.setState({ printing: true });
    renderFrame();
    expect(document.querySelector('.chart-left-out-grouped')).toHaveTextContent('not disclosed: Closed');
    act(() => useAppStore.setState({ printing: false }));
    expect(document.querySelector('.chart-left-out-grouped')).toBeNull();
  });

  it('the show-data table is the accessible alternative, toggled by a button', async () => {
    const user = userEvent.setup();
    renderFrame();
    const button = screen.getByRole('button', { name: 'Show data' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByTestId('chart-demo-data')).toBeNull();
    await user.click(button);
    const table = screen.getByTestId('chart-demo-data');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByRole('rowheader', { name: 'B' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Hide data' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('Segmented is a radio group that reports the choice', async () => {
    const user = userEvent.setup();
    const picked: string[] = [];
    render(
      <Segmented
        label="Scale"
        value="log"
        options={[
          { value: 'log', label: 'Log' },
          { value: 'linear', label: 'Linear' },
        ]}
        onChange={(v) => picked.push(v)}
      />,
    );
    expect(screen.getByRole('radio', { name: 'Log' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Linear' }));
    expect(picked).toEqual(['linear']);
  });
});

describe('groupByReason', () => {
  it('groups names under each reason, in first-seen order', () => {
    expect(
      groupByReason([
        { id: 'a', name: 'A', reason: 'not disclosed' },
        { id: 'b', name: 'B', reason: 'unknown' },
        { id: 'c', name: 'C', reason: 'not disclosed' },
      ]),
    ).toEqual([
      ['not disclosed', ['A', 'C']],
      ['unknown', ['B']],
    ]);
  });
});

describe('ChartFrame at scale', () => {
  const many = Array.from({ length: MAX_DATA_TABLE_ROWS + 50 }, (_, i) => ({ id: `s${i}`, cells: [`S${i}`, String(i)] }));
  const leftOut = Array.from({ length: MAX_LEFT_OUT + 7 }, (_, i) => ({ id: `l${i}`, name: `L${i}`, reason: 'not disclosed' }));

  it('says on the chart that it draws a subset, caps the left-out list, and builds a lazy table only when opened', async () => {
    const user = userEvent.setup();
    let built = 0;
    render(
      <ChartFrame
        figure={figure}
        id="big"
        dataset={ds}
        title="Big chart"
        description="Values."
        shown={40}
        total={1000}
        leftOut={leftOut}
        capNote="Showing the 40 largest of 1,000 systems; the CSV export has all of them."
        sourceNote="Source."
        dataTable={() => {
          built++;
          return { columns: ['Model', 'Value'], rows: many };
        }}
      >
        <svg />
      </ChartFrame>,
    );
    expect(screen.getByTestId('chart-big-cap-note')).toHaveTextContent(
      'Showing the 40 largest of 1,000 systems; the CSV export has all of them.',
    );
    const list = screen.getByTestId('chart-big-left-out');
    // Closed, the list holds nothing (a hundred hidden names per chart, redrawn on every filter click).
    expect(list).toBeEmptyDOMElement();
    expect(document.querySelector('.chart-left-out-grouped')).toBeNull();
    await user.click(screen.getByText(`${MAX_LEFT_OUT + 7} left out — why`));
    expect(within(list).getAllByRole('listitem')).toHaveLength(MAX_LEFT_OUT + 1);
    expect(list).toHaveTextContent('… and 7 more; the CSV export lists every system.');
    expect(built).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Show data' }));
    expect(built).toBe(1);
    expect(within(screen.getByTestId('chart-big-data')).getAllByRole('row')).toHaveLength(MAX_DATA_TABLE_ROWS + 1);
    expect(screen.getByTestId('chart-big-data-more')).toHaveTextContent(
      `The first ${MAX_DATA_TABLE_ROWS} of ${MAX_DATA_TABLE_ROWS + 50} rows; the CSV export has all of them.`,
    );
  });
});
