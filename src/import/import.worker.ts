import { analyzeImport } from './analyze';
import type { Analysis } from './types';

/*
 * Runs the analysis off the main thread, so a large file never freezes the page. The analysis is
 * synchronous: a cancel is the client terminating this worker, not a message.
 */

export interface ImportWorkerRequest {
  fileName: string;
  bytes: Uint8Array;
}

export type ImportWorkerMessage = { type: 'progress'; done: number; total: number } | { type: 'result'; analysis: Analysis };

/** The part of DedicatedWorkerGlobalScope used here (the project's lib is DOM, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ImportWorkerRequest>) => void) | null;
  postMessage(message: ImportWorkerMessage): void;
}

/** Progress at most this often: enough for a smooth bar, without flooding the main thread. */
const PROGRESS_INTERVAL_MS = 50;

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { fileName, bytes } = event.data;
  let last = 0;
  const analysis = analyzeImport(fileName, bytes, (done, total) => {
    const now = Date.now();
    if (now - last < PROGRESS_INTERVAL_MS && done < total) return;
    last = now;
    scope.postMessage({ type: 'progress', done, total });
  });
  scope.postMessage({ type: 'result', analysis });
};
