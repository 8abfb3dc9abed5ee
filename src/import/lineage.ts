import type { System } from '../data/schema';

/*
 * Base-model links made by an import must keep the lineage a tree-like graph: a link that would
 * close a cycle is dropped (and said), since the schema refuses a dataset with one.
 */

export type BaseGraph = Map<string, string[]>;

export function baseGraph(systems: readonly Pick<System, 'id' | 'baseModels'>[]): BaseGraph {
  return new Map(systems.map((s) => [s.id, s.baseModels.map((b) => b.id)]));
}

/** Whether `from` already reaches `to` through base-model links. */
function reaches(graph: BaseGraph, from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === to) return true;
    if (seen.has(node)) continue;
    seen.add(node);
    for (const next of graph.get(node) ?? []) stack.push(next);
  }
  return false;
}

/** Adding "system is built on base" closes a cycle when base already reaches system (or is it). */
export function wouldCycle(graph: BaseGraph, systemId: string, baseId: string): boolean {
  return systemId === baseId || reaches(graph, baseId, systemId);
}

export function addEdge(graph: BaseGraph, systemId: string, baseId: string): void {
  graph.set(systemId, [...(graph.get(systemId) ?? []), baseId]);
}
