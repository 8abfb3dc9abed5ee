import { describe, expect, it } from 'vitest';
import { miniDataset } from '../../tests/fixtures/mini-dataset';
import { applyImport } from './apply';
import { ImportCancelledError, runApply, type ApplyRequest } from './run-import';

/* runApply where there is no Worker (Node, as in jsdom): the same result as applyImport, and a cancel that stops it. */

function request(): ApplyRequest {
  const current = miniDataset();
  const first = current.systems[0];
  const imported = { ...first, id: 'imported-model', name: 'Imported model' };
  return { current, data: { systems: [imported], sources: [], families: [] }, mode: 'merge', winner: 'current', sameAs: [] };
}

describe('applying an import off the caller’s task', () => {
  it('gives what applyImport gives', async () => {
    expect(typeof Worker).toBe('undefined');
    const r = request();
    const result = await runApply(r);
    expect(result).toEqual(applyImport(r.current, r.data, r.mode, r.winner, r.sameAs));
    if (!result.ok) throw new Error(result.problems.join('; '));
    expect(result.dataset.systems.some((s) => s.id === 'imported-model')).toBe(true);
  });

  it('a cancel before it runs rejects as cancelled, and nothing is applied', async () => {
    const ctrl = new AbortController();
    const pending = runApply(request(), ctrl.signal);
    ctrl.abort();
    await expect(pending).rejects.toBeInstanceOf(ImportCancelledError);
    await expect(runApply(request(), ctrl.signal)).rejects.toBeInstanceOf(ImportCancelledError);
  });
});
