import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../tests/fixtures/bundled-dataset';
import { resetAppStore, useAppStore } from '../../store';
import { DEFAULT_FILTERS } from '../../store/filters-model';
import { selectFilteredSystems } from '../../selectors/filtered-systems';
import { LineageTree } from './lineage';

const ds = bundledDataset();

function setup() {
  useAppStore.getState().receiveDataset({ ok: true, dataset: ds });
  const user = userEvent.setup();
  render(<LineageTree dataset={ds} />);
  return user;
}

const nodeEl = (id: string) => document.querySelector(`.lineage-node[data-system-id="${id}"]`) as SVGElement;
const familyTitle = (id: string) => document.querySelector(`[data-family-id="${id}"]`) as SVGElement;

beforeEach(() => resetAppStore());

describe('LineageTree', () => {
  it('draws the family tree: 22 systems, 17 links, 3 family boxes, and says what is left out', async () => {
    const user = setup();
    expect(screen.getByRole('heading', { name: 'Lineage' })).toBeInTheDocument();
    expect(document.querySelectorAll('.lineage-node[data-system-id]')).toHaveLength(22);
    expect(document.querySelectorAll('.lineage-edge')).toHaveLength(17);
    expect([...document.querySelectorAll('[data-family-id]')].map((f) => f.getAttribute('data-family-id'))).toEqual([
      'llama',
      'vicuna',
      'dolly',
    ]);
    expect(screen.getByTestId('chart-lineage-count')).toHaveTextContent('22 of 28 systems shown');
    await user.click(screen.getByText('6 left out — why'));
    expect(screen.getByTestId('chart-lineage-left-out')).toHaveTextContent('GPT-4: no base-model link in the data');
    expect(document.querySelector('[data-edge="clip>llava"]')).toHaveAttribute('data-relation', 'component');
    expect(document.querySelector('[data-edge="alpaca>freedomgpt"]')).toHaveAttribute('data-relation', 'wraps');
    expect(document.querySelector('[data-edge="gpt-3>gpt-3.5"]')).toHaveAttribute('data-relation', 'successor-of');
    expect(document.querySelector('[data-edge="clip>llava"] [data-tip]')?.getAttribute('data-tip')).toMatch(
      /^LLaVA uses CLIP as a component · /,
    );
    expect(document.querySelector('[data-edge="llama-7b>alpaca"] [data-tip]')?.getAttribute('data-tip')).toMatch(
      /^Alpaca is fine-tuned from LLaMA-7B · /,
    );
  });

  it('the data table lists each link: base → derived, relation, source', async () => {
    const user = setup();
    await user.click(screen.getByRole('button', { name: 'Show data' }));
    const table = screen.getByTestId('chart-lineage-data');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(18);
    const llava = [...table.querySelectorAll('tbody tr')].filter((r) => r.getAttribute('data-row-id')?.endsWith('>llava'));
    expect(llava.map((r) => [...r.children].slice(0, 3).map((c) => c.textContent))).toEqual([
      ['Vicuna-13B', 'LLaVA', 'fine-tune'],
      ['CLIP', 'LLaVA', 'uses it as a component'],
    ]);
    expect(llava[0].children[3].textContent).not.toBe('');
    const edgeIds = [...document.querySelectorAll('.lineage-edge')].map((e) => e.getAttribute('data-edge')).sort();
    expect([...table.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-row-id')).sort()).toEqual(edgeIds);
  });

  it('clicking a base model sets the base-model filter; clicking it again clears it', async () => {
    const user = setup();
    await user.click(nodeEl('vicuna-13b'));
    expect(useAppStore.getState().filters.bases).toEqual(['vicuna-13b']);
    expect(selectFilteredSystems(ds, useAppStore.getState().filters).map((s) => s.id)).toEqual(['vicuna-13b', 'llava']);
    expect(nodeEl('vicuna-13b')).toHaveClass('is-filter');
    expect(nodeEl('vicuna-13b')).toHaveAttribute('aria-pressed', 'true');
    await user.click(nodeEl('vicuna-13b'));
    expect(useAppStore.getState().filters.bases).toEqual([]);
  });

  it('the family title filters by the whole family; keyboard works too', async () => {
    setup();
    familyTitle('vicuna').focus();
    fireEvent.keyDown(familyTitle('vicuna'), { key: 'Enter' });
    expect(useAppStore.getState().filters.bases).toEqual(['vicuna']);
    expect(selectFilteredSystems(ds, useAppStore.getState().filters).map((s) => s.id)).toEqual(['vicuna-7b', 'vicuna-13b', 'llava']);
    fireEvent.keyDown(nodeEl('llama-13b'), { key: ' ' });
    expect(useAppStore.getState().filters.bases).toEqual(['llama-13b']);
  });

  it('a model nothing is built on is selected instead (it is not a base-model option)', async () => {
    const user = setup();
    await user.click(nodeEl('koala'));
    expect(useAppStore.getState().filters.bases).toEqual([]);
    expect(useAppStore.getState().selectedId).toBe('koala');
    expect(nodeEl('koala')).toHaveAttribute('data-selected', 'true');
  });

  it('keeps the whole tree when filtered, fading what is outside the filters', () => {
    useAppStore.setState({ filters: { ...DEFAULT_FILTERS, bases: ['llama'] } });
    setup();
    expect(document.querySelectorAll('.lineage-node[data-system-id]')).toHaveLength(22);
    expect(nodeEl('gpt-3')).toHaveAttribute('data-dimmed', 'true');
    expect(nodeEl('clip')).toHaveAttribute('data-dimmed', 'true');
    expect(nodeEl('llava')).not.toHaveAttribute('data-dimmed');
    expect(familyTitle('llama').closest('.lineage-family')).toHaveClass('is-filter');
    expect(screen.getByTestId('chart-lineage-count')).toHaveTextContent('12 of 12 systems shown');
    expect(screen.getByText('The whole tree stays visible; systems outside the current filters are faded.')).toBeInTheDocument();
  });

  it('hovering a node sets the shared hover; hover from elsewhere highlights the node and its links', () => {
    setup();
    fireEvent.mouseEnter(nodeEl('alpaca'));
    expect(useAppStore.getState().hoveredId).toBe('alpaca');
    fireEvent.mouseLeave(nodeEl('alpaca'));
    expect(useAppStore.getState().hoveredId).toBeNull();
    act(() => useAppStore.getState().hover('llava'));
    expect(nodeEl('llava')).toHaveAttribute('data-hovered', 'true');
    expect(document.querySelector('[data-edge="clip>llava"]')).toHaveClass('is-active');
    act(() => useAppStore.getState().select('chatgpt'));
    expect(nodeEl('chatgpt')).toHaveClass('is-selected');
  });
});
