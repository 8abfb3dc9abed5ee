import { render, screen, within } from '@testing-library/react';
import { createRef } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { analyzeImport } from '../../import/analyze';
import { resetAppStore, useAppStore } from '../../store';
import { ImportPreview } from './import-preview';

function show(fileName: string, text: string) {
  const analysis = analyzeImport(fileName, text);
  render(
    <ImportPreview
      file={{ name: fileName, size: text.length }}
      analysis={analysis}
      heading={createRef()}
      onCancel={() => {}}
      onImport={() => {}}
    />,
  );
}

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
