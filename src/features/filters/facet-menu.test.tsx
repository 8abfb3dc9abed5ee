import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { FacetMenu, LISTED_OPTIONS, type FacetMenuOption } from './facet-menu';

/** A facet with `n` options "Org 001"… whose selection is kept in state, as the filter bar does. */
function Harness({ n, initiallySelected = [] }: { n: number; initiallySelected?: string[] }) {
  const [selected, setSelected] = useState(new Set(initiallySelected));
  const options: FacetMenuOption[] = Array.from({ length: n }, (_, i) => {
    const value = `Org ${String(i + 1).padStart(3, '0')}`;
    return { value, label: value, count: i % 7, selected: selected.has(value) };
  });
  const toggle = (v: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(v)) next.delete(v);
      else next.add(v);
      return next;
    });
  return <FacetMenu label="Organization" options={options} onToggle={toggle} countHint="hint" emptyText="Nothing to choose" />;
}

async function open(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByText('Organization', { selector: 'summary' }));
  return screen.getByRole('group', { name: 'Organization' });
}

describe('FacetMenu with a long list', () => {
  it('a short list has no find box and lists every option', async () => {
    const user = userEvent.setup();
    render(<Harness n={12} />);
    const panel = await open(user);
    expect(within(panel).getAllByRole('checkbox')).toHaveLength(12);
    expect(within(panel).queryByTestId('facet-find')).toBeNull();
  });

  it(`lists the first ${LISTED_OPTIONS} of 400 and says how to reach the others`, async () => {
    const user = userEvent.setup();
    render(<Harness n={400} />);
    const panel = await open(user);
    expect(within(panel).getAllByRole('checkbox')).toHaveLength(LISTED_OPTIONS);
    expect(within(panel).getByTestId('facet-more')).toHaveTextContent(`Showing ${LISTED_OPTIONS} of 400: type above to find the others.`);
    expect(within(panel).getByRole('searchbox', { name: 'Find an option of Organization' })).toHaveAttribute(
      'placeholder',
      'Find in 400 options…',
    );
  });

  it('typing narrows the list to matching names; no match says so', async () => {
    const user = userEvent.setup();
    render(<Harness n={400} />);
    const panel = await open(user);
    await user.type(within(panel).getByTestId('facet-find'), 'org 35');
    const names = within(panel)
      .getAllByRole('checkbox')
      .map((c) => c.closest('label')!.querySelector('.facet-option-label')!.textContent);
    expect(names).toEqual(Array.from({ length: 10 }, (_, i) => `Org 35${i}`));
    expect(within(panel).queryByTestId('facet-more')).toBeNull();
    await user.clear(within(panel).getByTestId('facet-find'));
    await user.type(within(panel).getByTestId('facet-find'), 'zzz');
    expect(within(panel).queryAllByRole('checkbox')).toHaveLength(0);
    expect(panel).toHaveTextContent('No option matches “zzz”.');
  });

  it('an option found by typing can be checked, and stays listed (to uncheck it) after the box is cleared', async () => {
    const user = userEvent.setup();
    render(<Harness n={400} />);
    const panel = await open(user);
    await user.type(within(panel).getByTestId('facet-find'), 'Org 399');
    await user.click(within(panel).getByRole('checkbox', { name: /Org 399/ }));
    await user.clear(within(panel).getByTestId('facet-find'));
    const box = within(panel).getByRole('checkbox', { name: /Org 399/ });
    expect(box).toBeChecked();
    expect(within(panel).getAllByRole('checkbox')).toHaveLength(LISTED_OPTIONS + 1);
    // Unticked, it stays where it is (and keeps the focus) until the menu closes.
    await user.click(box);
    expect(box).not.toBeChecked();
    expect(box).toHaveFocus();
    expect(within(panel).getAllByRole('checkbox')).toHaveLength(LISTED_OPTIONS + 1);
    await user.click(screen.getByText('Organization', { selector: 'summary' }));
    const reopened = await open(user);
    expect(within(reopened).getAllByRole('checkbox')).toHaveLength(LISTED_OPTIONS);
  });

  it('the find box is described by one live status line', async () => {
    const user = userEvent.setup();
    render(<Harness n={400} />);
    const panel = await open(user);
    const find = within(panel).getByTestId('facet-find');
    const status = within(panel).getByRole('status');
    expect(find).toHaveAttribute('aria-describedby', status.id);
    expect(status).toHaveTextContent('Showing 100 of 400');
    await user.type(find, 'nothing like it');
    expect(status).toHaveTextContent('No option matches “nothing like it”.');
  });
});

describe('FacetMenu as a tree', () => {
  it('finding a parent by name or alias lists its subtree with it, and nothing else', async () => {
    const user = userEvent.setup();
    const tree: FacetMenuOption[] = [
      ...Array.from({ length: 70 }, (_, i) => ({ value: `o${i}`, label: `Org ${i}`, count: 1, selected: false })),
      { value: 'google', label: 'Google', count: 5, selected: false, depth: 0, keywords: 'Alphabet' },
      { value: 'deepmind', label: 'DeepMind', count: 3, selected: false, depth: 1, parentLabel: 'Google' },
      { value: 'brain', label: 'Brain team', count: 1, selected: false, depth: 2, parentLabel: 'DeepMind' },
      { value: 'zeta', label: 'Zeta', count: 1, selected: false, depth: 0 },
    ];
    render(<FacetMenu label="Organization" options={tree} onToggle={() => {}} countHint="hint" emptyText="none" />);
    const panel = await open(user);
    const labels = () =>
      within(panel)
        .getAllByRole('checkbox')
        .map((c) => c.closest('label')!.querySelector('.facet-option-label')!.firstChild!.textContent);
    await user.type(within(panel).getByTestId('facet-find'), 'alphabet');
    expect(labels()).toEqual(['Google', 'DeepMind', 'Brain team']);
    await user.clear(within(panel).getByTestId('facet-find'));
    await user.type(within(panel).getByTestId('facet-find'), 'deepmind');
    expect(labels()).toEqual(['DeepMind', 'Brain team']);
    expect(within(panel).getByRole('checkbox', { name: /DeepMind.*part of Google/ })).toBeInTheDocument();
  });
});
