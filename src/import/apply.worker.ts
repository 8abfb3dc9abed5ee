import { applyImport } from './apply';
import type { ApplyRequest } from './run-import';
import type { ApplyResult } from './types';

/*
 * Applies an import off the main thread: merging or replacing, then validating the result
 * against the schema (zod, in applyImport) takes a few hundred milliseconds with an Epoch release,
 * which on the main thread would freeze the page for as long. One request per worker.
 */

/** The part of DedicatedWorkerGlobalScope used here (the project's lib is DOM, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ApplyRequest>) => void) | null;
  postMessage(message: ApplyResult): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { current, data, mode, winner, sameAs } = event.data;
  scope.postMessage(applyImport(current, data, mode, winner, sameAs));
};
