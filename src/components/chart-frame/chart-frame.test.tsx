import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { miniDataset } from '../../../tests/fixtures/mini-dataset';
import { translate } from '../../i18n/i18n';
import { describeFilters } from '../../selectors/filter-summary';
import { resetAppStore, useAppStore } from '../../store';
import { DEFAULT_FILTERS } from '../../store/filters-model';
import { ChartFrame, groupByReason, Segmented } from './chart-frame';

const ds = miniDataset();
const en = (k: string, e: string, v?: Record<string, string | number>) => translate('en', k, e, v);

beforeEach(() => resetAppStore());

describe('describeFilters', () => {
  it('says "All systems" with no filters and names each active filter otherwise', () => {
    expect(describeFilters(DEFAULT_FILTERS, ds, en, 'en')).toBe('All systems');
    const text = describeFilters({ ...DEFAULT_FILTERS, organizations: ['Org One'], bases: ['fam'], modalities: ['multimodal'], dateFrom: '2023-02', query: 'x' }, ds, en, 'en');
    expect(text).toBe('Organization: Org One · Base model: Fam (all sizes) · Modality: Multimodal · Release date range: Feb 2023 – … · Search: “x”');
  });
});

describe('ChartFrame', () => {
  function renderFrame() {
    return render(
      <ChartFrame
        id="demo"
        dataset={ds}
        title="Demo chart"
        description="Values in units."
        shown={2}
        total={5}
        leftOut={[{ id: 'closed', name: 'Closed', reason: 'not disclosed' }]}
        sourceNote="Source: somewhere."
        dataTable={{ columns: ['Model', 'Value'], rows: [{ id: 'a', cells: ['A', '1'] }, { id: 'b', cells: ['B', '2'] }] }}
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
    render(<Segmented label="Scale" value="log" options={[{ value: 'log', label: 'Log' }, { value: 'linear', label: 'Linear' }]} onChange={(v) => picked.push(v)} />);
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
