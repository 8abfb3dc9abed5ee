import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { miniDataset } from '../../../tests/fixtures/mini-dataset';
import { loadActive } from '../../data/persist';
import { analyzeImport } from '../../import/analyze';
import { applyImport, findConflicts } from '../../import/apply';
import type { Analysis, ImportReport, RowProblem } from '../../import/types';
import { resetAppStore, useAppStore } from '../../store';
import { ImportButton } from './import-dialog';

vi.mock('../../import/analyze', () => ({ analyzeImport: vi.fn() }));
vi.mock('../../import/apply', () => ({ findConflicts: vi.fn(), findVariantMatches: vi.fn(() => []), applyImport: vi.fn() }));

// jsdom has <dialog> but not its modal methods: the smallest stand-in that keeps `open` and the close event.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
});

const current = miniDataset();
const imported = miniDataset()
  .systems.slice(0, 3)
  .map((s) => ({ ...s, id: `${s.id}-x`, name: `${s.name} X` }));

function report(over: Partial<ImportReport> = {}): ImportReport {
  return {
    fileName: 'models.csv',
    format: 'epoch-csv',
    bytes: 2048,
    rowsRead: 153,
    valid: 3,
    rejected: [],
    fieldProblems: [],
    mapped: [
      { column: 'Model', field: 'name' },
      { column: 'Parameters', field: 'parameters' },
    ],
    ignored: ['Abstract', 'Citations'],
    warnings: ['Encoding fell back to Windows-1252'],
    ...over,
  };
}

function analysis(over: Partial<ImportReport> = {}): Analysis {
  const r = report(over);
  return { report: r, data: r.fatal ? null : { systems: imported, sources: [], families: [] } };
}

const rejectedRows = (n: number): RowProblem[] => Array.from({ length: n }, (_, i) => ({ row: i + 2, field: 'Model', reason: 'no name' }));

function csvFile(name = 'models.csv', text = 'Model\nA\n') {
  return new File([text], name, { type: 'text/csv' });
}

beforeEach(() => {
  vi.clearAllMocks();
  resetAppStore();
  useAppStore.getState().receiveDataset({ ok: true, dataset: current });
  vi.mocked(analyzeImport).mockImplementation(() => analysis({ rejected: rejectedRows(150) }));
  vi.mocked(findConflicts).mockImplementation(() => [{ importedId: 'child-x', currentId: 'child', name: 'Child' }]);
  vi.mocked(applyImport).mockImplementation((cur, data) => ({
    ok: true,
    dataset: { ...cur, systems: [...cur.systems, ...data.systems] },
    added: data.systems.length,
    replaced: 0,
    kept: 0,
  }));
  vi.stubGlobal('indexedDB', undefined);
});
afterEach(() => vi.unstubAllGlobals());

/**
 * A real (fake-indexeddb) database whose open() waits until `release()`: a write that has not
 * committed yet, as a large import's write is for a while in a browser.
 */
function slowIndexedDB() {
  const real = new IDBFactory();
  let release = () => {};
  const gate = new Promise<void>((r) => (release = r));
  type Req = { result?: unknown; error?: unknown; onupgradeneeded?: () => void; onsuccess?: () => void; onerror?: () => void };
  const factory = {
    open(name: string, version?: number) {
      const req: Req = {};
      void gate.then(() => {
        const inner = real.open(name, version);
        inner.onupgradeneeded = () => {
          req.result = inner.result;
          req.onupgradeneeded?.();
        };
        inner.onsuccess = () => {
          req.result = inner.result;
          req.onsuccess?.();
        };
        inner.onerror = () => {
          req.error = inner.error;
          req.onerror?.();
        };
      });
      return req;
    },
  };
  return { factory, real, release };
}

async function openAndPick(file: File = csvFile()) {
  const user = userEvent.setup();
  render(<ImportButton />);
  await user.click(screen.getByTestId('import-open'));
  const dialog = screen.getByTestId('import-dialog');
  expect(dialog).toHaveAttribute('open');
  await user.upload(screen.getByTestId('import-file'), file);
  return { user, dialog };
}

describe('ImportButton', () => {
  it('opens a dialog with a file picker for CSV, TSV and JSON', async () => {
    const user = userEvent.setup();
    render(<ImportButton />);
    await user.click(screen.getByRole('button', { name: 'Import data' }));
    const dialog = screen.getByRole('dialog', { name: 'Import data' });
    const input = within(dialog).getByLabelText('Choose a file to import');
    expect(input).toHaveAttribute('accept', expect.stringContaining('.csv'));
    expect(input.getAttribute('accept')).toMatch(/\.json/);
    expect(input.getAttribute('accept')).toMatch(/\.tsv/);
    expect(input.getAttribute('accept')).toMatch(/application\/json/);
  });

  it('the preview says what the file holds before anything changes', async () => {
    await openAndPick();
    const preview = await screen.findByTestId('import-preview');
    expect(screen.getByTestId('import-file-line')).toHaveTextContent('models.csv · Epoch AI “All ML systems” CSV · 2 KB');
    expect(screen.getByTestId('import-rows-read')).toHaveTextContent('153');
    expect(screen.getByTestId('import-valid')).toHaveTextContent('3');
    expect(screen.getByTestId('import-rejected')).toHaveTextContent('150');
    // Rejected rows: the first 100, then how many more.
    const rejected = screen.getByTestId('import-rejected-rows');
    const rows = within(rejected).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(100);
    expect(
      within(rows[0])
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['2', 'Model', 'no name']);
    expect(rejected).toHaveTextContent('and 50 more');
    // Columns mapped and ignored, and the warnings.
    expect(
      within(screen.getByTestId('import-mapped'))
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual(['Modelname', 'Parametersparameters']);
    expect(screen.getByTestId('import-ignored')).toHaveTextContent('Abstract · Citations');
    expect(screen.getByTestId('import-warnings')).toHaveTextContent('Encoding fell back to Windows-1252');
    // Merge is the default, with the conflicts listed; the checked (current) record is kept unless the user says otherwise.
    expect(within(preview).getByRole('radio', { name: /Merge with the current data/ })).toBeChecked();
    expect(within(screen.getByTestId('import-conflict-rows')).getAllByRole('row')[1]).toHaveTextContent('Childcurrent record');
    expect(findConflicts).toHaveBeenCalledWith(current, expect.objectContaining({ systems: imported }));
    // Nothing has changed yet.
    expect(useAppStore.getState().dataset).toBe(current);
    expect(applyImport).not.toHaveBeenCalled();
  });

  it('merge, the imported record winning: applies with those choices and the store takes the new dataset', async () => {
    const { user } = await openAndPick();
    await screen.findByTestId('import-preview');
    await user.click(screen.getByRole('radio', { name: /imported record wins/i }));
    expect(within(screen.getByTestId('import-conflict-rows')).getAllByRole('row')[1]).toHaveTextContent('Childimported record');
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByTestId('import-done')).toBeInTheDocument();
    expect(applyImport).toHaveBeenCalledWith(current, expect.objectContaining({ systems: imported }), 'merge', 'imported', []);
    const s = useAppStore.getState();
    expect(s.dataset!.systems).toHaveLength(current.systems.length + 3);
    expect(s.datasetOrigin).toMatchObject({
      kind: 'imported',
      label: { fileName: 'models.csv', mode: 'merge', systems: current.systems.length + 3 },
    });
    expect(screen.getByTestId('import-done-summary')).toHaveTextContent(
      `3 added, 0 replaced by the imported record, 0 kept as they were. The dashboard now shows ${current.systems.length + 3} systems.`,
    );
  });

  it('says "Imported" only once the stored copy is committed: until then a reload would lose it', async () => {
    const idb = slowIndexedDB();
    vi.stubGlobal('indexedDB', idb.factory);
    const { user } = await openAndPick();
    await screen.findByTestId('import-preview');
    await user.click(screen.getByRole('button', { name: 'Import' }));
    // Applied (the views show it), but not yet kept: no "Imported" yet.
    await vi.waitFor(() => expect(useAppStore.getState().datasetOrigin.kind).toBe('imported'));
    expect(await screen.findByTestId('import-saving')).toHaveTextContent('Keeping models.csv in this browser…');
    expect(screen.queryByTestId('import-done')).not.toBeInTheDocument();
    act(() => idb.release());
    expect(await screen.findByTestId('import-done')).toHaveTextContent('Imported models.csv');
    expect(screen.getByTestId('import-done-kept')).toHaveTextContent('It is kept in this browser for your next visit.');
    // And it is: a reload now would bring it back.
    expect((await loadActive()).active?.label.fileName).toBe('models.csv');
  });

  it('when the browser will not store it, the done step says it lasts only until the page is closed', async () => {
    const { user } = await openAndPick();
    await screen.findByTestId('import-preview');
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByTestId('import-done')).toHaveTextContent('Imported models.csv');
    expect(screen.getByTestId('import-done-kept')).toHaveTextContent(
      'This browser would not store it: it is kept only until this page is closed or reloaded.',
    );
  });

  it('replace: no conflict list, applies in replace mode', async () => {
    const { user } = await openAndPick();
    await screen.findByTestId('import-preview');
    await user.click(screen.getByRole('radio', { name: /Replace the current data/ }));
    expect(screen.queryByTestId('import-conflicts')).not.toBeInTheDocument();
    expect(screen.getByTestId('import-outcome')).toHaveTextContent('After the import the dashboard shows 3 systems.');
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByTestId('import-done');
    expect(applyImport).toHaveBeenCalledWith(current, expect.anything(), 'replace', 'current', []);
  });

  it('Cancel in the preview closes the dialog and leaves the data exactly as it was', async () => {
    const { user, dialog } = await openAndPick();
    await screen.findByTestId('import-preview');
    const before = useAppStore.getState();
    await user.click(screen.getByTestId('import-cancel'));
    expect(dialog).not.toHaveAttribute('open');
    const after = useAppStore.getState();
    expect(after.dataset).toBe(before.dataset);
    expect(after.datasetOrigin).toEqual({ kind: 'bundled' });
    expect(applyImport).not.toHaveBeenCalled();
    // Focus returns to the button that opened the dialog.
    expect(screen.getByTestId('import-open')).toHaveFocus();
  });

  it('Escape (the dialog closing) in the preview changes nothing either', async () => {
    const { dialog } = await openAndPick();
    await screen.findByTestId('import-preview');
    act(() => (dialog as HTMLDialogElement).close());
    expect(useAppStore.getState().dataset).toBe(current);
    expect(applyImport).not.toHaveBeenCalled();
  });

  it('a fatal report shows the reason and only a Close button', async () => {
    vi.mocked(analyzeImport).mockImplementation(() =>
      analysis({ format: 'unknown', rowsRead: 0, valid: 0, fatal: 'No column gives the model’s name.' }),
    );
    await openAndPick();
    const fatal = await screen.findByTestId('import-fatal');
    expect(screen.getByTestId('import-fatal-reason')).toHaveTextContent('No column gives the model’s name.');
    expect(
      within(fatal)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Close']);
    expect(screen.queryByRole('button', { name: 'Import' })).not.toBeInTheDocument();
  });

  it('a file over 20 MB is refused before it is read', async () => {
    const file = csvFile('huge.csv');
    Object.defineProperty(file, 'size', { value: 25 * 1024 * 1024 });
    const read = vi.spyOn(file, 'arrayBuffer');
    const text = vi.spyOn(file, 'text');
    await openAndPick(file);
    await screen.findByTestId('import-fatal');
    expect(screen.getByTestId('import-fatal-reason')).toHaveTextContent('The file is 25 MB; files over 20 MB are not read.');
    expect(read).not.toHaveBeenCalled();
    expect(text).not.toHaveBeenCalled();
    expect(analyzeImport).not.toHaveBeenCalled();
  });

  it('an import that fails validation when applied shows the problems and changes nothing', async () => {
    vi.mocked(applyImport).mockImplementation(() => ({ ok: false, problems: ['system "a-x": release: bad date'] }));
    const { user } = await openAndPick();
    await screen.findByTestId('import-preview');
    await user.click(screen.getByRole('button', { name: 'Import' }));
    const failed = await screen.findByTestId('import-failed');
    expect(failed).toHaveTextContent('Nothing was changed');
    expect(screen.getByTestId('import-problems')).toHaveTextContent('system "a-x": release: bad date');
    expect(useAppStore.getState().dataset).toBe(current);
    expect(useAppStore.getState().datasetOrigin).toEqual({ kind: 'bundled' });
    await user.click(screen.getByRole('button', { name: 'Back to the preview' }));
    expect(screen.getByTestId('import-preview')).toBeInTheDocument();
  });

  it('reading shows progress, and Cancel really stops it: the late result is dropped', async () => {
    let release: (b: ArrayBuffer) => void = () => {};
    const file = csvFile();
    vi.spyOn(file, 'arrayBuffer').mockImplementation(() => new Promise<ArrayBuffer>((r) => (release = r)));
    const { user, dialog } = await openAndPick(file);
    expect(screen.getByTestId('import-reading')).toHaveTextContent('Reading models.csv');
    await user.click(screen.getByTestId('import-cancel'));
    expect(dialog).not.toHaveAttribute('open');
    await act(async () => {
      release(new TextEncoder().encode('Model\nA\n').buffer as ArrayBuffer);
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(analyzeImport).not.toHaveBeenCalled();
    expect(dialog).not.toHaveAttribute('open');
    expect(useAppStore.getState().dataset).toBe(current);
  });

  it('in a worker: progress is said in rows, and Cancel terminates the worker', async () => {
    const workers: FakeWorker[] = [];
    class FakeWorker {
      onmessage: ((e: MessageEvent) => void) | null = null;
      onerror: ((e: ErrorEvent) => void) | null = null;
      terminated = false;
      posted: unknown[] = [];
      constructor() {
        workers.push(this);
      }
      postMessage(msg: unknown) {
        this.posted.push(msg);
      }
      terminate() {
        this.terminated = true;
      }
      emit(data: unknown) {
        this.onmessage?.(new MessageEvent('message', { data }));
      }
    }
    vi.stubGlobal('Worker', FakeWorker);
    const { dialog } = await openAndPick();
    await vi.waitFor(() => expect(workers).toHaveLength(1));
    const [worker] = workers;
    expect(worker.posted).toEqual([{ fileName: 'models.csv', bytes: expect.any(Uint8Array) }]);
    expect(screen.getByTestId('import-progress')).toHaveTextContent('Reading the file…');
    act(() => worker.emit({ type: 'progress', done: 600, total: 1892 }));
    expect(screen.getByTestId('import-progress')).toHaveTextContent('Read 600 of 1,892 rows');
    expect(screen.getByRole('progressbar')).toHaveAttribute('value', '600');
    fireEvent.click(screen.getByTestId('import-cancel'));
    expect(worker.terminated).toBe(true);
    expect(dialog).not.toHaveAttribute('open');
    // A result that was already on its way is ignored.
    act(() => worker.emit({ type: 'result', analysis: analysis() }));
    expect(dialog).not.toHaveAttribute('open');
    expect(useAppStore.getState().dataset).toBe(current);
    expect(analyzeImport).not.toHaveBeenCalled();
  });

  it('in a worker: the result opens the preview', async () => {
    let worker: { onmessage: ((e: MessageEvent) => void) | null } | null = null;
    vi.stubGlobal(
      'Worker',
      class {
        onmessage: ((e: MessageEvent) => void) | null = null;
        constructor() {
          // eslint-disable-next-line @typescript-eslint/no-this-alias
          worker = this;
        }
        postMessage() {}
        terminate() {}
      },
    );
    await openAndPick();
    await vi.waitFor(() => expect(worker).not.toBeNull());
    act(() => worker!.onmessage?.(new MessageEvent('message', { data: { type: 'result', analysis: analysis() } })));
    expect(await screen.findByTestId('import-preview')).toBeInTheDocument();
  });

  it('a file dropped anywhere on the page opens the dialog with it', async () => {
    render(<ImportButton />);
    const file = csvFile('dropped.csv');
    const dataTransfer = { types: ['Files'], files: [file], dropEffect: 'none' };
    fireEvent.dragEnter(window, { dataTransfer });
    expect(screen.getByTestId('import-drag-overlay')).toBeInTheDocument();
    fireEvent.dragOver(window, { dataTransfer });
    fireEvent.drop(window, { dataTransfer });
    expect(screen.getByTestId('import-dialog')).toHaveAttribute('open');
    expect(screen.queryByTestId('import-drag-overlay')).not.toBeInTheDocument();
    await screen.findByTestId('import-preview');
    expect(analyzeImport).toHaveBeenCalledWith('dropped.csv', expect.any(Uint8Array), expect.anything());
  });
});
