import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../tests/fixtures/bundled-dataset';
import { miniDataset } from '../../../tests/fixtures/mini-dataset';
import { resetAppStore, useAppStore } from '../../store';
import { FilterBar } from './filter-bar';

const ds = miniDataset();

function setup() {
  useAppStore.getState().receiveDataset({ ok: true, dataset: ds });
  const user = userEvent.setup();
  render(<FilterBar dataset={ds} />);
  return user;
}

async function openFacet(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(screen.getByText(name, { selector: 'summary' }));
  return screen.getByRole('group', { name });
}

beforeEach(() => resetAppStore());

describe('FilterBar', () => {
  it('always shows "N of M systems" and disables Clear all when nothing is filtered', () => {
    setup();
    expect(screen.getByTestId('result-count')).toHaveTextContent('6 of 6: 6 models');
    expect(screen.getByRole('button', { name: 'Clear all filters' })).toBeDisabled();
  });

  it('the phone\'s "Filters (n)" button counts what is set, opens the controls; Escape closes them and returns focus', async () => {
    const user = setup();
    const toggle = screen.getByTestId('filters-toggle');
    expect(toggle).toHaveTextContent('Filters (0)');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const search = screen.getByRole('searchbox');
    await user.type(search, 'one');
    expect(toggle).toHaveTextContent('Filters (1)');
    await user.click(within(await openFacet(user, 'Organization')).getByRole('checkbox', { name: /Org Two/ }));
    expect(toggle).toHaveTextContent('Filters (2)');
    // The first Escape closes the menu, not the sheet; with text in the search box, Escape leaves it to the browser.
    await user.keyboard('{Escape}');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    search.focus();
    await user.keyboard('{Escape}');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.clear(search);
    await user.keyboard('{Escape}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveFocus();
  });

  it('lists each organization with how many systems it would leave', async () => {
    const user = setup();
    const panel = await openFacet(user, 'Organization');
    const option = within(panel)
      .getByRole('checkbox', { name: /Org Two/ })
      .closest('label')!;
    expect(option).toHaveTextContent(/Org Two\s*2/);
    expect(within(panel).getAllByRole('checkbox')).toHaveLength(4);
  });

  it('checking an organization filters, updates the count, shows a removable chip', async () => {
    const user = setup();
    const panel = await openFacet(user, 'Organization');
    await user.click(within(panel).getByRole('checkbox', { name: /Org Two/ }));
    expect(useAppStore.getState().filters.organizations).toEqual(['Org Two']);
    expect(screen.getByTestId('result-count')).toHaveTextContent('2 of 6: 2 models');
    await user.click(screen.getByRole('button', { name: 'Remove filter Org Two' }));
    expect(screen.getByTestId('result-count')).toHaveTextContent('6 of 6: 6 models');
  });

  it('base model options include the family; choosing it keeps descendants', async () => {
    const user = setup();
    const panel = await openFacet(user, 'Base model');
    const fam = within(panel).getByRole('checkbox', { name: /Fam \(all sizes\)/ });
    expect(fam.closest('label')).toHaveTextContent(/4$/);
    await user.click(fam);
    expect(screen.getByTestId('result-count')).toHaveTextContent('4 of 6: 4 models');
  });

  it('search narrows as you type; an empty result says so and offers to clear', async () => {
    const user = setup();
    await user.type(screen.getByRole('searchbox'), 'zzz');
    expect(screen.getByTestId('result-count')).toHaveTextContent('0 of 6: 0 models');
    const status = screen.getByText(/No systems match these filters/).closest('p')!;
    expect(status).toHaveAttribute('role', 'status');
    await user.click(within(status).getByRole('button', { name: 'Clear all filters' }));
    expect(screen.getByRole('searchbox')).toHaveValue('');
    expect(screen.getByTestId('result-count')).toHaveTextContent('6 of 6: 6 models');
  });

  it('date range selects only offer months with releases and filter inclusively', async () => {
    const user = setup();
    const from = screen.getByRole('combobox', { name: 'From' });
    expect(
      within(from)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Any', 'Jan 2021', 'Nov 2022', 'Feb 2023', 'Mar 2023', 'Apr 2023']);
    await user.selectOptions(from, '2023-03');
    expect(screen.getByTestId('result-count')).toHaveTextContent('2 of 6: 2 models');
  });

  it('openness options are AND-ed and the keyboard can reach and toggle them', async () => {
    const user = setup();
    const summary = screen.getByText('Openness', { selector: 'summary' });
    summary.focus();
    await user.keyboard('{Enter}');
    const panel = screen.getByRole('group', { name: 'Openness' });
    await user.click(within(panel).getByRole('checkbox', { name: /Weights public/ }));
    await user.click(within(panel).getByRole('checkbox', { name: /Training code public/ }));
    expect(screen.getByTestId('result-count')).toHaveTextContent('2 of 6: 2 models');
  });

  it('renders in Chinese when the language is zh-CN', () => {
    useAppStore.setState({ language: 'zh-CN' });
    setup();
    expect(screen.getByTestId('result-count')).toHaveTextContent('6 / 6：6 个模型');
    expect(screen.getByText('机构', { selector: 'summary' })).toBeInTheDocument();
  });
});

describe('FilterBar organizations as a tree (bundled data)', () => {
  it('lists children under their parent; ticking Meta includes Meta AI and FAIR and filters to Meta’s work', async () => {
    const bundled = bundledDataset();
    useAppStore.getState().receiveDataset({ ok: true, dataset: bundled });
    const user = userEvent.setup();
    render(<FilterBar dataset={bundled} />);
    const panel = await openFacet(user, 'Organization');
    const fair = within(panel).getByRole('checkbox', { name: /FAIR.*part of Meta AI/ });
    expect(fair.closest('label')).toHaveAttribute('data-depth', '2');
    expect(fair).not.toBeChecked();
    await user.click(within(panel).getByRole('checkbox', { name: /^Meta\s*6$/ }));
    expect(useAppStore.getState().filters.organizations).toEqual(['meta']);
    // Included through Meta: shown ticked, not clickable on their own.
    expect(fair).toBeChecked();
    expect(fair).toBeDisabled();
    expect(within(panel).getByRole('checkbox', { name: /^Meta AI.*part of Meta/ })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Remove filter Meta' })).toBeInTheDocument();
  });
});

describe('FilterBar: papers and events are not counted as systems', () => {
  it('says beside the count how many the Kind filter leaves out, and the note goes when they are ticked', async () => {
    const bundled = bundledDataset();
    useAppStore.getState().receiveDataset({ ok: true, dataset: bundled });
    const user = userEvent.setup();
    render(<FilterBar dataset={bundled} />);
    expect(screen.getByTestId('result-count')).toHaveTextContent('28 of 28: 26 models · 2 apps/libraries');
    expect(screen.getByTestId('result-count-not-counted')).toHaveTextContent('(+4 papers and events, not counted: tick them under Kind)');
    const panel = await openFacet(user, 'Kind');
    await user.click(within(panel).getByRole('checkbox', { name: /^Paper/ }));
    expect(screen.getByTestId('result-count')).toHaveTextContent(/^3 of 3: 3 papers$/);
    expect(screen.getByTestId('result-count-not-counted')).toHaveTextContent('(+1 paper or event, not counted: tick it under Kind)');
    await user.click(within(panel).getByRole('checkbox', { name: /^Event/ }));
    expect(screen.queryByTestId('result-count-not-counted')).not.toBeInTheDocument();
  });
});
