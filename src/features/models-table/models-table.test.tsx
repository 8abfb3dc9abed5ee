import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../tests/fixtures/bundled-dataset';
import { mockTableLayout } from '../../../tests/fixtures/table-layout';
import { miniDataset } from '../../../tests/fixtures/mini-dataset';
import { syntheticDataset } from '../../../tests/fixtures/synthetic-dataset';
import { parseDataset } from '../../data/load-dataset';
import { resetAppStore, useAppStore } from '../../store';
import { DEFAULT_FILTERS } from '../../store/filters-model';
import { ModelsTable } from './models-table';

const ds = bundledDataset();

function setup(dataset = ds) {
  useAppStore.getState().receiveDataset({ ok: true, dataset });
  const user = userEvent.setup();
  render(<ModelsTable dataset={dataset} />);
  return user;
}

/** Row ids in display order. */
function rowIds(): string[] {
  return [...screen.getByTestId('models-table').querySelectorAll('tbody tr[data-system-id]')].map(
    (tr) => tr.getAttribute('data-system-id') ?? '',
  );
}

function columnTexts(field: string): string[] {
  return [...screen.getByTestId('models-table').querySelectorAll(`tbody td[data-field="${field}"] .cell-text`)].map(
    (el) => el.textContent ?? '',
  );
}

beforeEach(() => {
  resetAppStore();
  mockTableLayout();
});

describe('ModelsTable training compute (FLOP)', () => {
  const cellOf = (id: string) =>
    screen.getByTestId('models-table').querySelector(`tr[data-system-id="${id}"] td[data-field="flop"]`) as HTMLElement;

  it('shows each system’s FLOP, estimates marked, and why a figure is missing', () => {
    setup();
    expect(screen.getByRole('columnheader', { name: /Training compute/ })).toBeInTheDocument();
    expect(cellOf('gpt-3').querySelector('.cell-text')).toHaveTextContent('3.14×10²³ FLOP');
    expect(cellOf('gpt-3').querySelector('.badge-estimate')).toBeNull();
    expect(cellOf('llama-7b').querySelector('.cell-text.is-estimate')).toHaveTextContent('4×10²² FLOP');
    expect(within(cellOf('llama-7b')).getByText('est.')).toBeInTheDocument();
    expect(cellOf('gpt-4')).toHaveTextContent('not disclosed');
    expect(cellOf('alpaca')).toHaveTextContent('unknown');
  });

  it('sorts by the figure, largest first, systems without one last', async () => {
    const user = setup();
    await user.click(screen.getByTestId('sort-flop'));
    const values = columnTexts('flop');
    expect(values.slice(0, 3)).toEqual(['2.58×10²⁴ FLOP', '5.5×10²³ FLOP', '3.55×10²³ FLOP']);
    const firstMissing = values.findIndex((v) => !v.endsWith('FLOP'));
    expect(firstMissing).toBeGreaterThan(0);
    expect(values.slice(firstMissing).every((v) => !v.endsWith('FLOP'))).toBe(true);
  });
});

describe('ModelsTable sorting', () => {
  it('renders one row per system, sorted by release date by default (oldest first, undated last)', () => {
    setup();
    const ids = rowIds();
    // The 26 models and 2 apps/libraries; the papers and the event wait for the Kind filter.
    expect(ids).toHaveLength(28);
    expect(ids).not.toContain('patterson-2021');
    expect(ids[0]).toBe('gpt-3');
    expect(screen.getByRole('columnheader', { name: /Released/ })).toHaveAttribute('aria-sort', 'ascending');
    const dates = columnTexts('release');
    const firstUnknown = dates.indexOf('unknown');
    expect(firstUnknown).toBeGreaterThan(0);
    expect(dates.slice(firstUnknown).every((d) => d === 'unknown')).toBe(true);
  });

  it('numbers sort by value, largest first on the first click; missing values last in both directions', async () => {
    const user = setup();
    await user.click(screen.getByTestId('sort-parameters'));
    expect(screen.getByRole('columnheader', { name: /Parameters/ })).toHaveAttribute('aria-sort', 'descending');
    let values = columnTexts('parameters');
    const known = (v: string) => /^[\d.]+[MBT]$/.test(v);
    const firstMissing = values.findIndex((v) => !known(v));
    // BLOOM 176B, then GPT-3 and OPT-175B at 175B.
    expect(values.slice(0, 3)).toEqual(['176B', '175B', '175B']);
    expect(values.slice(firstMissing).every((v) => !known(v))).toBe(true);
    await user.click(screen.getByTestId('sort-parameters'));
    expect(screen.getByRole('columnheader', { name: /Parameters/ })).toHaveAttribute('aria-sort', 'ascending');
    values = columnTexts('parameters');
    expect(values[0]).toBe('428M');
    const idx = (id: string) => rowIds().indexOf(id);
    expect(idx('llama-7b')).toBeLessThan(idx('llama-13b'));
    expect(values.slice(values.findIndex((v) => !known(v))).every((v) => !known(v))).toBe(true);
  });

  it('cost sorts by dollars: $140 before $1K-scale figures; undisclosed at the bottom', async () => {
    const user = setup();
    await user.click(screen.getByTestId('sort-trainingCost'));
    await user.click(screen.getByTestId('sort-trainingCost'));
    const ids = rowIds();
    expect(ids.indexOf('dolly-1')).toBeLessThan(ids.indexOf('vicuna-7b'));
    expect(ids.indexOf('vicuna-7b')).toBeLessThan(ids.indexOf('gpt-3'));
    expect(ids.indexOf('gpt-3')).toBeLessThan(ids.indexOf('chatgpt'));
  });

  it('text sorts alphabetically; Shift+click adds a second key shown as sorted second', async () => {
    const user = setup();
    await user.click(screen.getByTestId('sort-organization'));
    const orgs = columnTexts('organization');
    expect([...orgs].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true }))).toEqual(orgs);
    await user.keyboard('{Shift>}');
    await user.click(screen.getByTestId('sort-release'));
    await user.keyboard('{/Shift}');
    expect(useAppStore.getState().sorting).toEqual([
      { id: 'organization', desc: false },
      { id: 'release', desc: false },
    ]);
    expect(screen.getByRole('columnheader', { name: /Organization/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(screen.getByRole('columnheader', { name: /Released/ })).not.toHaveAttribute('aria-sort');
    expect(screen.getByRole('columnheader', { name: /Released/ })).toHaveTextContent('sorted 2, ascending');
    // Within one organization, the second key orders by date.
    const ids = rowIds();
    const openai = ['gpt-3', 'clip', 'gpt-3.5', 'chatgpt', 'gpt-4'].map((id) => ids.indexOf(id));
    expect(openai).toEqual([...openai].sort((a, b) => a - b));
    expect(openai[4] - openai[0]).toBe(4);
  });

  it('month-precision dates sort among day dates of the same month', () => {
    setup(miniDataset());
    expect(rowIds()).toEqual(['vision', 'closed', 'fam-small', 'fam-large', 'child', 'grandchild']);
  });

  it('the Kind filter brings papers and events into the table, labelled as such', () => {
    useAppStore.setState({ filters: { ...DEFAULT_FILTERS, kinds: ['model', 'paper', 'event'] } });
    setup();
    const ids = rowIds();
    expect(ids).toHaveLength(30);
    expect(ids).toEqual(expect.arrayContaining(['patterson-2021', 'sustainable-ai', 'ligo', 'pytorch-2', 'llama-7b']));
    expect(ids).not.toContain('chatllama');
  });
});

describe('ModelsTable columns, selection, compare, empty state', () => {
  it('the column picker hides and shows columns and keeps Name', async () => {
    const user = setup();
    expect(screen.getByRole('columnheader', { name: /Licence/ })).toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: /Evaluation method/ })).toBeNull();
    await user.click(screen.getByText('Columns', { selector: 'summary' }));
    const panel = screen.getByRole('group', { name: 'Columns' });
    await user.click(within(panel).getByRole('checkbox', { name: 'Licence' }));
    await user.click(within(panel).getByRole('checkbox', { name: 'Evaluation method' }));
    expect(screen.queryByRole('columnheader', { name: /Licence/ })).toBeNull();
    expect(screen.getByRole('columnheader', { name: /Evaluation method/ })).toBeInTheDocument();
    expect(within(panel).getByRole('checkbox', { name: 'Name' })).toBeDisabled();
    expect(useAppStore.getState().visibleColumns).toContain('evaluation');
    expect(useAppStore.getState().visibleColumns).not.toContain('licence');
  });

  it('values carry provenance: estimates marked, talk differences explained, sources open safely', () => {
    setup();
    const gpt3 = screen
      .getByTestId('models-table')
      .querySelector('tr[data-system-id="gpt-3"] td[data-field="trainingCost"]') as HTMLElement;
    expect(within(gpt3).getByText('est.')).toHaveAttribute('data-tip');
    const alpaca = screen.getByTestId('models-table').querySelector('tr[data-system-id="alpaca"] td[data-field="release"]') as HTMLElement;
    const diff = within(alpaca).getByText(/talk says/);
    expect(diff).toHaveAttribute('tabindex', '0');
    const link = within(alpaca).getAllByRole('link')[0];
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    const chatgpt = screen
      .getByTestId('models-table')
      .querySelector('tr[data-system-id="chatgpt"] td[data-field="parameters"]') as HTMLElement;
    expect(chatgpt).toHaveTextContent('not disclosed');
  });

  it('row click and Enter select the system everywhere; the row is marked', async () => {
    const user = setup();
    const row = screen.getByTestId('models-table').querySelector('tr[data-system-id="llava"]') as HTMLElement;
    await user.click(within(row).getByText('LLaVA'));
    expect(useAppStore.getState().selectedId).toBe('llava');
    expect(row).toHaveAttribute('aria-selected', 'true');
    expect(row).toHaveClass('is-selected');
    const sam = screen.getByTestId('models-table').querySelector('tr[data-system-id="sam"]') as HTMLElement;
    sam.focus();
    await user.keyboard('{Enter}');
    expect(useAppStore.getState().selectedId).toBe('sam');
  });

  it('the compare checkbox picks up to four', async () => {
    const user = setup();
    for (const name of ['Alpaca', 'Koala', 'LLaVA', 'SAM (Segment Anything Model)'])
      await user.click(screen.getByRole('checkbox', { name: `Compare ${name}` }));
    expect(useAppStore.getState().compareIds).toEqual(['alpaca', 'koala', 'llava', 'sam']);
    expect(screen.getByRole('checkbox', { name: 'Compare GPT-3' })).toBeDisabled();
  });

  it('follows the filters and shows an empty state with a way out', async () => {
    useAppStore.setState({ filters: { ...DEFAULT_FILTERS, organizations: ['databricks'] } });
    const user = setup();
    expect(rowIds()).toEqual(['dolly-1', 'dolly-2']);
    useAppStore.getState().setQuery('no such model');
    expect(await screen.findByText('No models match.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear all filters' }));
    expect(rowIds()).toHaveLength(28);
  });

  it('counts rows with thousands separators, as the rest of the page does', async () => {
    const result = parseDataset(syntheticDataset(1001, 3));
    if (!result.ok) throw new Error('synthetic dataset invalid');
    // Every kind, so all 1,001 entries are rows.
    useAppStore.setState({ filters: { ...DEFAULT_FILTERS, kinds: ['model', 'library-app', 'paper', 'event'] } });
    setup(result.dataset);
    expect(screen.getByText(/^1,001 rows/)).toBeInTheDocument();
    // The download menu's item (in a closed <details>, so not an accessible button yet).
    expect(screen.getByTestId('download-csv-view')).toHaveTextContent('CSV — this view (1,001 rows)');
  });
});
