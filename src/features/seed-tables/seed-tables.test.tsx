import { readFileSync } from 'node:fs';
import path from 'node:path';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseDataset } from '../../data/load-dataset';
import type { Dataset } from '../../data/schema';
import { resetAppStore, useAppStore } from '../../store';
import { DEFAULT_FILTERS } from '../../store/filters-model';
import { SeedTables } from './seed-tables';

const parsed = parseDataset(JSON.parse(readFileSync(path.resolve(__dirname, '../../../data/dataset.json'), 'utf8')));
if (!parsed.ok) throw new Error(`data/dataset.json does not validate: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
const dataset: Dataset = parsed.dataset;

/*
 * The talk's two tables, copied by hand from the talk text (000_9293887425c98160.txt), with the
 * transcription's Markdown "\$" written as the "$" the talk displays. Each inner list is one
 * table row: its header/label cell first.
 */
const VICUNA_TITLE = 'Table 1. Comparison between several notable models';
const VICUNA_ROWS = [
  ['Model Name', 'LLaMA', 'Alpaca', 'Vicuna', 'Bard/ChatGPT'],
  [
    'Dataset',
    'Publicly available datasets (1T token)',
    'Self-instruct from davinci-003 API (52K samples)',
    'User-shared conversations (70K samples)',
    'N/A',
  ],
  ['Training code', 'N/A', 'Available', 'Available', 'N/A'],
  ['Evaluation metrics', 'Academic benchmark', 'Author evaluation', 'GPT-4 assessment', 'Mixed'],
  ['Training cost (7B)', '82K GPU-hours', '$500 (data) + $100 (training)', '$140 (training)', 'N/A'],
  ['Training cost (13B)', '135K GPU-hours', 'N/A', '$300 (training)', 'N/A'],
];
const KOALA_ROWS = [
  ['Model', 'Training Set', 'Training Code', 'Public Weights', 'Dialogue Fine-tuned', 'Evaluation Method'],
  ['Alpaca', 'OpenAI API outputs', '✓', '✓', '✗', 'evaluation by 5 humans'],
  ['ChatGPT', 'proprietary', '✗', '✗', '✓', 'proprietary'],
  ['Koala', 'Public dialogues & preferences', '✓', '✓', '✓', 'evaluation by 100 humans'],
];

/** What a sighted reader sees in a cell: no visually-hidden words, no note markers or their notes. */
function visibleText(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('.visually-hidden, .seed-note').forEach((n) => n.remove());
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function tableRows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .map((row) => Array.from(row.children).map(visibleText));
}

function vicunaTable() {
  return screen.getByRole('table', { name: VICUNA_TITLE });
}
function koalaTable() {
  return screen.getByRole('table', { name: /Koala/ });
}

/** The td/th in row `rowLabel`, column `colIndex` (0 = the label). */
function cellAt(table: HTMLElement, rowLabel: string, colIndex: number): HTMLElement {
  const row = within(table).getByRole('rowheader', { name: rowLabel }).closest('tr')!;
  return row.children[colIndex] as HTMLElement;
}

function setup() {
  const user = userEvent.setup();
  render(<SeedTables dataset={dataset} />);
  return user;
}

beforeEach(() => resetAppStore());

describe('SeedTables', () => {
  it('reproduces Vicuna’s Table 1 cell for cell, models as columns', () => {
    setup();
    const table = vicunaTable();
    expect(tableRows(table)).toEqual(VICUNA_ROWS);
    expect(within(table).getAllByRole('columnheader').map(visibleText)).toEqual(VICUNA_ROWS[0]);
    expect(within(table).getAllByRole('rowheader').map(visibleText)).toEqual(VICUNA_ROWS.slice(1).map((r) => r[0]));
  });

  it('reproduces the Koala comparison cell for cell, models as rows', () => {
    setup();
    const table = koalaTable();
    expect(tableRows(table)).toEqual(KOALA_ROWS);
    expect(within(table).getAllByRole('columnheader').map(visibleText)).toEqual(KOALA_ROWS[0]);
    expect(within(table).getAllByRole('rowheader').map(visibleText)).toEqual(['Alpaca', 'ChatGPT', 'Koala']);
  });

  it('gives ✓ and ✗ accessible names, with the glyph itself hidden from assistive tech', () => {
    setup();
    const table = koalaTable();
    const chatgpt = within(table).getByRole('rowheader', { name: 'ChatGPT' }).closest('tr')!;
    expect(
      within(chatgpt)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['proprietary', '✗no', '✗no', '✓yes', 'proprietary']);
    expect(within(chatgpt).getAllByRole('cell', { name: 'no' })).toHaveLength(2);
    expect(within(chatgpt).getByRole('cell', { name: 'yes' })).toBeInTheDocument();
    const koala = within(table).getByRole('rowheader', { name: 'Koala' }).closest('tr')!;
    expect(within(koala).getAllByRole('cell', { name: 'yes' })).toHaveLength(3);
    for (const glyph of within(table).getAllByText(/^[✓✗]$/)) expect(glyph).toHaveAttribute('aria-hidden', 'true');
  });

  it('in talk mode shows only the talk’s text but marks cells a source contradicts', () => {
    setup();
    const cost = cellAt(vicunaTable(), 'Training cost (7B)', 2);
    expect(cost.querySelector('del, ins')).toBeNull();
    const marker = within(cost).getByRole('note', { name: 'A source differs' });
    expect(marker).toHaveAttribute('tabindex', '0');
    expect(marker).toHaveAccessibleDescription(/less than/);
    // Cells without a correction carry no marker.
    expect(within(cellAt(vicunaTable(), 'Training cost (7B)', 3)).queryByRole('note')).toBeNull();
  });

  it('the switch shows Alpaca’s corrected cost with <del>/<ins>, its note on keyboard focus, and its source', async () => {
    const user = setup();
    const toggle = screen.getByRole('switch', { name: 'Checked against sources' });
    expect(toggle).not.toBeChecked();
    toggle.focus();
    await user.keyboard(' ');
    expect(useAppStore.getState().viewSettings.seedTablesMode).toBe('checked');
    expect(toggle).toBeChecked();

    const cost = cellAt(vicunaTable(), 'Training cost (7B)', 2);
    expect(visibleText(cost.querySelector('del')!)).toBe('$500 (data) + $100 (training)');
    expect(visibleText(cost.querySelector('ins')!)).toBe('<$500 (data) + <$100 (training)');

    // Tab from the switch until focus lands on the cell's marker: the note is reachable by keyboard.
    const marker = within(cost).getByRole('note', { name: 'Why corrected' });
    for (let i = 0; i < 40 && document.activeElement !== marker; i++) await user.tab();
    expect(marker).toHaveFocus();
    expect(marker).toHaveAccessibleDescription(/less than \$500/);

    const link = within(cost).getByRole('link', { name: /Stanford CRFM/ });
    expect(link).toHaveAttribute('href', 'https://crfm.stanford.edu/2023/03/13/alpaca.html');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');

    // Uncorrected cells are unchanged.
    expect(visibleText(cellAt(vicunaTable(), 'Training cost (7B)', 3))).toBe('$140 (training)');

    await user.click(toggle);
    expect(useAppStore.getState().viewSettings.seedTablesMode).toBe('talk');
    expect(cost.querySelector('del')).toBeNull();
  });

  it('lists each table’s sources and note under it', () => {
    setup();
    const block = screen.getByTestId('seed-table-vicuna-table-1');
    const source = within(block).getByRole('link', { name: /Vicuna: An Open-Source Chatbot/ });
    expect(source).toHaveAttribute('href', 'https://lmsys.org/blog/2023-03-30-vicuna/');
    expect(source).toHaveAttribute('rel', 'noopener noreferrer');
    expect(block).toHaveTextContent(/Note: Shown in the talk/);
  });

  it('clicking the "Vicuna" header selects a Vicuna system and highlights its column', async () => {
    const user = setup();
    const table = vicunaTable();
    const button = within(table).getByRole('button', { name: 'Vicuna' });
    await user.click(button);
    expect(['vicuna-7b', 'vicuna-13b']).toContain(useAppStore.getState().selectedId);
    expect(button).toHaveAttribute('aria-pressed', 'true');
    expect(button.closest('th')).toHaveClass('is-selected');
    expect(cellAt(table, 'Dataset', 3)).toHaveClass('is-selected');
    expect(cellAt(table, 'Dataset', 2)).not.toHaveClass('is-selected');
    await user.click(button);
    expect(useAppStore.getState().selectedId).toBeNull();
  });

  it('"Bard/ChatGPT" is two buttons that still read "Bard/ChatGPT"; the selection reaches the other table', async () => {
    const user = setup();
    const table = vicunaTable();
    const header = within(table).getByRole('columnheader', { name: /^Bard\W*ChatGPT$/ });
    expect(visibleText(header)).toBe('Bard/ChatGPT');
    expect(
      within(header)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Bard', 'ChatGPT']);
    await user.click(within(header).getByRole('button', { name: 'ChatGPT' }));
    expect(useAppStore.getState().selectedId).toBe('chatgpt');
    expect(within(header).getByRole('button', { name: 'ChatGPT' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(header).getByRole('button', { name: 'Bard' })).toHaveAttribute('aria-pressed', 'false');
    expect(header).toHaveClass('is-selected');
    expect(within(koalaTable()).getByRole('rowheader', { name: 'ChatGPT' }).closest('tr')).toHaveClass('is-selected');
  });

  it('hovering or focusing a model label sets the shared hover', async () => {
    const user = setup();
    const koala = within(koalaTable()).getByRole('button', { name: 'Koala' });
    await user.hover(koala);
    expect(useAppStore.getState().hoveredId).toBe('koala');
    expect(koala.closest('tr')).toHaveClass('is-hovered');
    await user.unhover(koala);
    expect(useAppStore.getState().hoveredId).toBeNull();
    act(() => koala.focus());
    expect(useAppStore.getState().hoveredId).toBe('koala');
    act(() => koala.blur());
    expect(useAppStore.getState().hoveredId).toBeNull();
  });

  it('dims models outside the global filters without removing them, and says how many', () => {
    useAppStore.setState({ filters: { ...DEFAULT_FILTERS, organizations: ['openai'] } });
    setup();
    const table = vicunaTable();
    expect(tableRows(table)).toEqual(VICUNA_ROWS);
    const llama = within(table).getByRole('columnheader', { name: /^LLaMA/ });
    expect(llama).toHaveClass('is-filtered-out');
    expect(cellAt(table, 'Dataset', 1)).toHaveClass('is-filtered-out');
    expect(within(table).getByRole('columnheader', { name: /^Bard\W*ChatGPT$/ })).not.toHaveClass('is-filtered-out');
    const vicunaBlock = screen.getByTestId('seed-table-vicuna-table-1');
    expect(vicunaBlock).toHaveTextContent('3 of 4 models in this table are outside the current filters (dimmed).');
    const koalaBlock = screen.getByTestId('seed-table-koala-comparison');
    expect(koalaBlock).toHaveTextContent('2 of 3 models in this table are outside the current filters (dimmed).');
    expect(within(koalaTable()).getByRole('rowheader', { name: 'ChatGPT' }).closest('tr')).not.toHaveClass('is-filtered-out');
  });

  it('shows no filter note when nothing is filtered out', () => {
    setup();
    expect(screen.queryByText(/outside the current filters/)).toBeNull();
    expect(document.querySelector('.is-filtered-out')).toBeNull();
  });
});
