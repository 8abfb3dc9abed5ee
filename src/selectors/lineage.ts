import type { Dataset, System } from '../data/schema';

/*
 * The lineage graph: base → derived edges from each system's `baseModels`. "Derived from X"
 * means X itself plus everything reachable downstream (LLaMA-13B → Vicuna-13B → LLaVA).
 */

export type ChildrenIndex = ReadonlyMap<string, readonly string[]>;

export function buildChildrenIndex(systems: readonly Pick<System, 'id' | 'baseModels'>[]): ChildrenIndex {
  const children = new Map<string, string[]>();
  for (const s of systems) {
    for (const b of s.baseModels) {
      const list = children.get(b.id);
      if (list) list.push(s.id);
      else children.set(b.id, [s.id]);
    }
  }
  return children;
}

/** The roots plus all their descendants. Safe on cyclic input (each node is visited once). */
export function descendantsOf(roots: Iterable<string>, children: ChildrenIndex): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const c of children.get(id) ?? []) if (!seen.has(c)) queue.push(c);
  }
  return seen;
}

/** All ancestors of a system (not including itself), nearest first. */
export function ancestorsOf(id: string, systems: readonly Pick<System, 'id' | 'baseModels'>[]): string[] {
  const byId = new Map(systems.map((s) => [s.id, s]));
  const out: string[] = [];
  const seen = new Set([id]);
  const queue = [...(byId.get(id)?.baseModels.map((b) => b.id) ?? [])];
  while (queue.length > 0) {
    const next = queue.shift() as string;
    if (seen.has(next)) continue;
    seen.add(next);
    out.push(next);
    queue.push(...(byId.get(next)?.baseModels.map((b) => b.id) ?? []));
  }
  return out;
}

export interface BaseOption {
  /** A family id or a system id. */
  id: string;
  label: string;
  /** The systems the option starts from (a family's members, or the one system). */
  roots: string[];
  isFamily: boolean;
}

/**
 * The base-model filter's options: every family, and every system that something else is built
 * on. Families come first so "LLaMA (all sizes)" is the obvious pick.
 */
export function buildBaseOptions(dataset: Pick<Dataset, 'systems' | 'families'>): BaseOption[] {
  const children = buildChildrenIndex(dataset.systems);
  const familyNames = new Map(dataset.families.map((f) => [f.id, f.name]));
  const members = new Map<string, string[]>();
  for (const s of dataset.systems) {
    if (!s.family) continue;
    const list = members.get(s.family);
    if (list) list.push(s.id);
    else members.set(s.family, [s.id]);
  }
  const families: BaseOption[] = [...members].map(([id, roots]) => ({ id, label: familyNames.get(id) ?? id, roots, isFamily: true }));
  const singles: BaseOption[] = dataset.systems
    .filter((s) => (children.get(s.id)?.length ?? 0) > 0)
    .map((s) => ({ id: s.id, label: s.name, roots: [s.id], isFamily: false }));
  return [...families.sort((a, b) => a.label.localeCompare(b.label)), ...singles.sort((a, b) => a.label.localeCompare(b.label))];
}
