import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bundledDataset } from '../../../tests/fixtures/bundled-dataset';
import { analyzeImport } from '../../import/analyze';
import { resetAppStore, useAppStore } from '../../store';
import { ImportPreview } from './import-preview';

function show(fileName: string, text: string, onImport: Parameters<typeof ImportPreview>[0]['onImport'] = () => {}) {
  const analysis = analyzeImport(fileName, text);
  render(
    <ImportPreview
      file={{ name: fileName, size: text.length }}
      analysis={analysis}
      heading={createRef()}
      onCancel={() => {}}
      onImport={onImport}
    />,
  );
}

/** Epoch-style rows: the names as Epoch spells them, with their parameters and dates. */
const EPOCH_LIKE = [
  'Model,Organization,Publication date,Parameters,Training compute (FLOP),Domain,Task,Link',
  'GPT-3 175B (davinci),OpenAI,2020-05-28,175000000000,3.14e+23,Language,Text autocompletion,https://arxiv.org/abs/2005.14165',
  'BLOOM-176B,Hugging Face,2022-07-11,176247271424,4.12e+23,Language,Language modeling,https://arxiv.org/abs/2211.05100',
  'CLIP (ViT L/14@336px),OpenAI,2021-01-05,370000000,1.05e+22,Multimodal,Image classification,https://arxiv.org/abs/2103.00020',
  'LLaMA-65B,Meta AI,2023-02-24,65200000000,5.5e+23,Language,Language modeling,https://arxiv.org/abs/2302.13971',
  'Brand New Model,Somewhere,2024-01-01,1000000000,,Language,Language modeling,https://example.org/x',
].join('\n');

describe('ImportPreview: the same model under another name', () => {
  beforeEach(() => {
    resetAppStore();
    useAppStore.getState().receiveDataset({ ok: true, dataset: bundledDataset() });
  });

  it('lists each proposed pair with its strength; strong pairs start as "Same", weak ones as "Different"', () => {
    show('epoch.csv', EPOCH_LIKE);
    expect(screen.getByTestId('import-conflicts')).toHaveTextContent('1 system is in both');
    const section = screen.getByTestId('import-variants');
    expect(section).toHaveTextContent('3 systems may be in both under another name');
    const rows = within(section).getAllByTestId('import-variant-row');
    const text = rows.map((r) => [...r.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent));
    expect(text).toEqual([
      ['GPT-3 175B (davinci)', 'GPT-3', 'strong'],
      ['BLOOM-176B', 'BLOOM-175B', 'strong'],
      ['CLIP (ViT L/14@336px)', 'CLIP', 'weak: sizes differ (370M vs 428M)'],
    ]);
    const same = (row: HTMLElement) => within(row).getByRole('radio', { name: 'Same' });
    expect(same(rows[0])).toBeChecked();
    expect(same(rows[1])).toBeChecked();
    expect(within(rows[2]).getByRole('radio', { name: 'Different' })).toBeChecked();
    expect(within(rows[0]).getByRole('radiogroup')).toHaveAccessibleName('GPT-3 175B (davinci) and GPT-3: the same model?');
    // 32 bundled + 5 imported − 1 exact − 2 same.
    expect(screen.getByTestId('import-outcome')).toHaveTextContent('After the import the dashboard shows 34 systems.');
  });

  it('an answer changes the outcome and what is passed to the merge', async () => {
    const onImport = vi.fn();
    show('epoch.csv', EPOCH_LIKE, onImport);
    const user = userEvent.setup();
    const rows = screen.getAllByTestId('import-variant-row');
    await user.click(within(rows[1]).getByRole('radio', { name: 'Different' }));
    await user.click(within(rows[2]).getByRole('radio', { name: 'Same' }));
    expect(screen.getByTestId('import-outcome')).toHaveTextContent('shows 34 systems');
    await user.click(screen.getByTestId('import-confirm'));
    expect(onImport).toHaveBeenCalledWith('merge', 'current', [
      { importedId: 'gpt-3-175b-davinci', currentId: 'gpt-3' },
      { importedId: 'clip-vit-l-14-336px', currentId: 'clip' },
    ]);
  });

  it('is in Chinese too', () => {
    useAppStore.getState().setLanguage('zh-CN');
    show('epoch.csv', EPOCH_LIKE);
    const section = screen.getByTestId('import-variants');
    expect(section).toHaveTextContent('3 个系统可能以另一个名称同时存在于两边');
    expect(within(section).getAllByRole('radio', { name: '同一个' })).toHaveLength(3);
    expect(section).toHaveTextContent('弱：规模不同（3.7亿 对 4.28亿）');
  });
});

describe('ImportPreview: what the report says is shown', () => {
  beforeEach(() => resetAppStore());

  it('names the delimiter a CSV was read with, in English and Chinese', () => {
    show('de.csv', 'Name;Organisation\nModell A;Firma\n');
    expect(screen.getByTestId('import-delimiter')).toHaveTextContent('Delimiter: semicolon');
    resetAppStore();
    useAppStore.getState().setLanguage('zh-CN');
    show('t.tsv', 'Name\tOrganization\nA\tB\n');
    expect(screen.getAllByTestId('import-delimiter')[1]).toHaveTextContent('分隔符：制表符');
  });

  it('a file refused because every row was rejected lists those rows, with their row and field', () => {
    show('huge.csv', `Name,Organization\n${'x'.repeat(300)},Org\n`);
    expect(screen.getByTestId('import-fatal-reason')).toHaveTextContent('row 1, Name: longer than 200 characters');
    const rows = within(screen.getByTestId('import-rejected-rows')).getAllByRole('row');
    expect(rows.slice(1).map((r) => r.textContent)).toEqual(['1Namelonger than 200 characters']);
  });

  it('a JSON nested 100,000 deep: the row the message names is shown', () => {
    show('deep.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(screen.getByTestId('import-fatal-reason')).toHaveTextContent(/row 1, record:/);
    expect(within(screen.getByTestId('import-rejected-rows')).getByText('record')).toBeInTheDocument();
  });
});
