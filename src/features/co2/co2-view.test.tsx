import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../tests/fixtures/bundled-dataset';
import { miniDataset } from '../../../tests/fixtures/mini-dataset';
import { resetAppStore, useAppStore } from '../../store';
import { DEFAULT_FILTERS } from '../../store/filters-model';
import { Co2View } from './co2-view';
import { niceTicks, wrapName } from './co2-chart';

const ds = bundledDataset();

function renderView(dataset = ds) {
  act(() => useAppStore.getState().receiveDataset({ ok: true, dataset }));
  return render(<Co2View dataset={dataset} />);
}

beforeEach(() => resetAppStore());

describe('Co2View: the chart frame', () => {
  it('shows the title, N of M and why the rest are left out', async () => {
    const user = userEvent.setup();
    renderView();
    expect(screen.getByRole('heading', { name: 'CO₂ of training' })).toBeInTheDocument();
    expect(screen.getByTestId('chart-co2-count')).toHaveTextContent('8 of 28 systems shown');
    await user.click(screen.getByText('20 left out — why'));
    const leftOut = screen.getByTestId('chart-co2-left-out');
    expect(leftOut).toHaveTextContent('ChatGPT: not disclosed — Not published.');
    expect(leftOut).toHaveTextContent('Alpaca: unknown — No figure in the sources checked');
    expect(leftOut).toHaveTextContent(/ChatLLaMA: not applicable \(a paper, event, library or app/);
    expect(leftOut).not.toHaveTextContent('LiGO');
    expect(leftOut).toHaveTextContent('GPT-J-6B: unknown (no figure recorded)');
  });

  it('the show-data table lists the plotted runs with value, spread, energy, share of GPT-3 and method', async () => {
    const user = userEvent.setup();
    renderView();
    await user.click(screen.getByRole('button', { name: 'Show data' }));
    const rows = within(screen.getByTestId('chart-co2-data')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-row-id'))).toEqual([
      'gpt-3',
      'bloom-175b',
      'llama-65b',
      'opt-175b',
      'llama-33b',
      'llama-13b',
      'llama-7b',
      'sam',
    ]);
    const cells = (id: string) => [...rows.find((r) => r.getAttribute('data-row-id') === id)!.children].map((c) => c.textContent);
    expect(cells('gpt-3').slice(0, 5)).toEqual(['GPT-3', '552 t est.', '552 t', '1,287 est.', '—']);
    expect(cells('opt-175b').slice(0, 5)).toEqual([
      'OPT-175B',
      '137 t est.',
      '137 t; 82 t on the developer’s own grid (0.231 kg CO₂e/kWh, LLaMA paper §6)',
      '356 est.',
      '≈ 1/4 of GPT-3',
    ]);
    expect(cells('llama-13b')[4]).toBe('≈ 1/24 of GPT-3');
    expect(cells('sam').slice(1, 4)).toEqual(['2.8 t est.', '2.8 t', '6.963 est.']);
    expect(cells('gpt-3')[5]).toMatch(/Patterson et al\. 2021/);
  });

  it('draws one hatched, dashed mark per table row with the same label; marks are linked to the selection', async () => {
    const user = userEvent.setup();
    const { container } = renderView();
    const marks = [...container.querySelectorAll<SVGGElement>('g.co2-mark')];
    await user.click(screen.getByRole('button', { name: 'Show data' }));
    const rows = within(screen.getByTestId('chart-co2-data')).getAllByRole('row').slice(1);
    expect(marks.map((m) => [m.dataset.systemId, m.querySelector('.co2-bar-value')?.textContent])).toEqual(
      rows.map((r) => [r.getAttribute('data-row-id'), r.children[1].textContent]),
    );
    const llama13 = marks.find((m) => m.dataset.systemId === 'llama-13b')!;
    expect(llama13.querySelector('rect.co2-bar')).toHaveAttribute('stroke-dasharray', '4 3');
    expect(llama13.querySelector('rect.co2-bar')?.getAttribute('fill')).toMatch(/^url\(#hatch-/);
    expect(llama13.querySelector('.co2-bar-note')).toHaveTextContent('≈ 1/24 of GPT-3 · talk agrees');

    await user.hover(llama13);
    expect(useAppStore.getState().hoveredId).toBe('llama-13b');
    await user.click(llama13);
    expect(useAppStore.getState().selectedId).toBe('llama-13b');
    expect(container.querySelector('g.co2-mark[data-system-id="llama-13b"]')).toHaveAttribute('data-selected', 'true');
    act(() => useAppStore.getState().select('sam'));
    const sam = container.querySelector<SVGGElement>('g.co2-mark[data-system-id="sam"]')!;
    expect(sam).toHaveAttribute('data-selected', 'true');
    act(() => sam.focus());
    await user.keyboard('{Enter}');
    expect(useAppStore.getState().selectedId).toBeNull();
  });

  it('footnotes compute the 1/24 from the data and say GPT-3 has one published figure', () => {
    renderView();
    expect(screen.getByTestId('co2-ratio-note')).toHaveTextContent(
      'LLaMA-13B ≈ 1/24 of GPT-3: GPT-3’s 552 t ÷ 23 t. The talk: “只需要 1/24 的碳排放” — agrees.',
    );
    expect(screen.getByTestId('co2-gpt3-single')).toHaveTextContent('GPT-3: the dataset holds one published CO₂ figure (552 t');
  });

  it('follows the filters: base model LLaMA leaves the four LLaMA sizes', () => {
    act(() => useAppStore.setState({ filters: { ...DEFAULT_FILTERS, bases: ['llama'] } }));
    renderView();
    expect(screen.getByTestId('chart-co2-count')).toHaveTextContent('4 of 12 systems shown');
    expect(screen.getByTestId('chart-co2-subtitle')).toHaveTextContent('Base model: LLaMA');
  });

  it('with no CO₂ figure in view it says so instead of drawing zeros', () => {
    renderView(miniDataset());
    expect(screen.getByText('No system in view has a published CO₂ figure.')).toHaveAttribute('role', 'status');
    expect(screen.getByTestId('chart-co2-count')).toHaveTextContent('0 of 6 systems shown');
  });
});

describe('Co2View: equivalents', () => {
  it('describe GPT-3 by default, each with its source and the talk', () => {
    renderView();
    const eq = screen.getByTestId('co2-equivalents');
    expect(eq).toHaveAttribute('data-system-id', 'gpt-3');
    expect(screen.getByTestId('co2-eq-passenger-value')).toHaveTextContent('460');
    expect(screen.getByTestId('co2-eq-passenger-talk')).toHaveTextContent('The talk: “460 次” — agrees.');
    expect(screen.getByTestId('co2-eq-jet-value')).toHaveTextContent('3.1');
    expect(screen.getByTestId('co2-eq-brain-value')).toHaveTextContent('7,341');
    expect(screen.getByTestId('co2-eq-brain-talk')).toHaveTextContent('At the talk’s 22 W (“22 瓦特”): 6,674 years. The source says 20 W.');
    expect(
      within(screen.getByTestId('co2-eq-passenger'))
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual(['https://arxiv.org/abs/2104.10350']);
  });

  it('follow the selection when it has CO₂, and say why when it has none', () => {
    renderView();
    act(() => useAppStore.getState().select('llama-13b'));
    expect(screen.getByTestId('co2-equivalents')).toHaveAttribute('data-system-id', 'llama-13b');
    expect(screen.getByTestId('co2-eq-passenger-value')).toHaveTextContent('19');
    expect(screen.queryByTestId('co2-eq-passenger-talk')).toBeNull();
    expect(screen.getByTestId('co2-eq-gpt3-value')).toHaveTextContent('≈ 1/24 of GPT-3');
    act(() => useAppStore.getState().select('bloom-175b'));
    expect(screen.getByTestId('co2-eq-tonnes')).toHaveTextContent('27–183 t CO₂e');
    expect(screen.getByTestId('co2-eq-passenger-value')).toHaveTextContent('23–153');
    act(() => useAppStore.getState().select('gpt-4'));
    expect(screen.getByTestId('co2-equivalents')).toHaveAttribute('data-system-id', 'gpt-3');
    expect(screen.getByTestId('co2-equivalents')).toHaveTextContent('GPT-4 has no CO₂ figure (not disclosed); showing GPT-3.');
  });
});

describe('Co2View: calculator', () => {
  it('starts on LLaMA-13B with the paper’s preset and shows the formula in words', () => {
    renderView();
    expect(screen.getByTestId('co2-formula')).toHaveTextContent('Energy (MWh) = GPU-hours × GPU power (W) × PUE ÷ 1,000,000.');
    expect(screen.getByTestId('co2-calc-model')).toHaveValue('llama-13b');
    expect(screen.getByTestId('co2-calc-mwh')).toHaveTextContent('59.47');
    expect(screen.getByTestId('co2-calc-tco2e')).toHaveTextContent('22.9');
    expect(screen.getByTestId('co2-calc-table15-style')).toHaveTextContent('As Table 15 would print it: 59 MWh, 23 t CO₂e.');
    expect(screen.getByTestId('co2-preset-llama')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('co2-preset-llama')).toHaveTextContent('LLaMA paper (A100-80GB: 400 W, PUE 1.1, US average 0.385)');
  });

  it('editing an input updates the result; a bad input is flagged and kept, and the result withheld', async () => {
    const user = userEvent.setup();
    renderView();
    const hours = screen.getByLabelText('GPU-hours');
    await user.clear(hours);
    await user.type(hours, '809472');
    expect(screen.getByTestId('co2-calc-mwh')).toHaveTextContent('356.17');
    expect(screen.getByTestId('co2-calc-tco2e')).toHaveTextContent('137.12');
    const power = screen.getByLabelText('GPU power (W)');
    await user.clear(power);
    await user.type(power, '-300');
    expect(power).toHaveAttribute('aria-invalid', 'true');
    expect(power).toHaveAccessibleDescription('Cannot be negative.');
    expect(screen.queryByTestId('co2-calc-mwh')).toBeNull();
    expect(screen.getByTestId('co2-calc-withheld')).toBeInTheDocument();
    expect(power).toHaveValue('-300');
    await user.clear(power);
    expect(screen.getByTestId('co2-calc-gpuPowerW-error')).toHaveTextContent('Enter a number.');
    await user.type(power, '400');
    const pue = screen.getByLabelText('PUE (data-centre overhead, ≥ 1)');
    await user.clear(pue);
    await user.type(pue, '0.9');
    expect(screen.getByTestId('co2-calc-pue-error')).toHaveTextContent('PUE is at least 1');
    await user.clear(pue);
    await user.type(pue, '1.1');
    expect(screen.getByTestId('co2-calc-mwh')).toHaveTextContent('356.17');
  });

  it('presets: the own-grid ones change only the intensity and reproduce the LLaMA paper’s 82 t for OPT', async () => {
    const user = userEvent.setup();
    renderView();
    await user.selectOptions(screen.getByTestId('co2-calc-model'), 'opt-175b');
    expect(screen.getByLabelText('GPU-hours')).toHaveValue('809,472');
    expect(screen.getByTestId('co2-calc-published')).toHaveTextContent(
      'Published for OPT-175B: 356 MWh est. [1]; 137 t CO₂e est. [1]; 82 t on the developer’s own grid',
    );
    await user.click(screen.getByTestId('co2-preset-grid-opt-175b'));
    expect(screen.getByLabelText('Carbon intensity (kg CO₂e/kWh)')).toHaveValue('0.231');
    expect(screen.getByLabelText('GPU power (W)')).toHaveValue('400');
    expect(screen.getByTestId('co2-calc-table15-style')).toHaveTextContent('82 t CO₂e');
    expect(screen.getByTestId('co2-preset-llama')).toHaveAttribute('aria-pressed', 'false');
    await user.click(screen.getByTestId('co2-preset-llama'));
    expect(screen.getByLabelText('Carbon intensity (kg CO₂e/kWh)')).toHaveValue('0.385');
  });

  it('any model with GPU-hours; non-A100-80GB hardware and estimated hours are flagged', async () => {
    const user = userEvent.setup();
    renderView();
    await user.selectOptions(screen.getByTestId('co2-calc-model'), 'gpt-3');
    expect(screen.getByLabelText('GPU-hours')).toHaveValue('3,552,000');
    expect(screen.getByTestId('co2-calc-hardware-warning')).toHaveTextContent(
      '⚠ Not an A100-80GB: the 400 W preset is the A100-80GB NVLink power the LLaMA paper used and may not apply to V100.',
    );
    expect(screen.getByTestId('co2-calc-model-notes')).toHaveTextContent('The GPU-hours are an estimate: Epoch AI');
    expect(screen.getByTestId('co2-calc-published')).toHaveTextContent('1,287 MWh est.');
    // Another power clears the warning: it is about the preset, not the model.
    const power = screen.getByLabelText('GPU power (W)');
    await user.clear(power);
    await user.type(power, '300');
    expect(screen.queryByTestId('co2-calc-hardware-warning')).toBeNull();
    await user.selectOptions(screen.getByTestId('co2-calc-model'), 'alpaca');
    expect(screen.getByTestId('co2-calc-result')).toHaveTextContent('No energy or CO₂ figure is published for Alpaca');
  });

  it('the Table 15 reproduction lists the six rows; BLOOM’s printed MWh is flagged as the paper’s own', async () => {
    const user = userEvent.setup();
    renderView();
    const table = within(screen.getByTestId('co2-table15')).getByRole('table');
    const rows = within(table).getAllByRole('row').slice(2);
    expect(rows.map((r) => [r.getAttribute('data-row-id'), r.getAttribute('data-mwh-match'), r.getAttribute('data-t-match')])).toEqual([
      ['opt-175b', 'true', 'true'],
      ['bloom-175b', 'false', 'true'],
      ['llama-7b', 'true', 'true'],
      ['llama-13b', 'true', 'true'],
      ['llama-33b', 'true', 'true'],
      ['llama-65b', 'true', 'true'],
    ]);
    expect(screen.getByTestId('co2-t15-summary')).toHaveTextContent(
      't CO₂e: 6 of 6 rows match. MWh: 5 of 6 match. ⚠ BLOOM-175B: the paper prints 475 MWh, but its own GPU-hours give 476.47 MWh',
    );
    await user.click(screen.getByRole('button', { name: 'Load LLaMA-7B into the calculator' }));
    expect(screen.getByTestId('co2-calc-model')).toHaveValue('llama-7b');
    expect(screen.getByTestId('co2-calc-table15-style')).toHaveTextContent('As Table 15 would print it: 36 MWh, 14 t CO₂e.');
  });

  it('the mini dataset has no model with GPU-hours: the calculator starts from Table 15’s first row', () => {
    renderView(miniDataset());
    expect(screen.getByTestId('co2-calc-model')).toHaveTextContent('No model in the dataset has GPU-hours');
    expect(screen.getByLabelText('GPU-hours')).toHaveValue('82,432');
    expect(screen.getByTestId('co2-calc-table15-style')).toHaveTextContent('36 MWh, 14 t CO₂e');
  });
});

describe('chart helpers', () => {
  it('niceTicks ends on a round tick at or above the largest figure', () => {
    expect(niceTicks(552)).toEqual([0, 200, 400, 600]);
    expect(niceTicks(173)).toEqual([0, 50, 100, 150, 200]);
    expect(niceTicks(2.8)).toEqual([0, 1, 2, 3]);
  });

  it('wrapName splits a long name over two lines at the best space', () => {
    expect(wrapName('GPT-3', 100, 12)).toEqual(['GPT-3']);
    expect(wrapName('SAM (Segment Anything Model)', 100, 12)).toEqual(['SAM (Segment', 'Anything Model)']);
  });
});
