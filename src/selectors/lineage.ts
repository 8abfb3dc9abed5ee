import type { Dataset, System } from '../data/schema';
import type { Locale } from '../i18n/format';

/** A family's name in the reader's language ("LLaMA（全部尺寸）"); names without words have one form. */
export function familyName(family: Pick<Dataset['families'][number], 'name' | 'nameZh'>, locale: Locale): string {
  return locale === 'zh-CN' && family.nameZh ? family.nameZh : family.name;
}

/** A base-model option's label in the reader's language. */
export function baseOptionLabel(option: Pick<BaseOption, 'label' | 'labelZh'>, locale: Locale): string {
  return locale === 'zh-CN' && option.labelZh ? option.labelZh : option.label;
}

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
  /** A family's Chinese name, when the dataset gives one (see `baseOptionLabel`). */
  labelZh?: string;
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
  const familyById = new Map(dataset.families.map((f) => [f.id, f]));
  const members = new Map<string, string[]>();
  for (const s of dataset.systems) {
    if (!s.family) continue;
    const list = members.get(s.family);
    if (list) list.push(s.id);
    else members.set(s.family, [s.id]);
  }
  const families: BaseOption[] = [...members].map(([id, roots]) => {
    const family = familyById.get(id);
    return { id, label: family?.name ?? id, ...(family?.nameZh ? { labelZh: family.nameZh } : {}), roots, isFamily: true };
  });
  const singles: BaseOption[] = dataset.systems
    .filter((s) => (children.get(s.id)?.length ?? 0) > 0)
    .map((s) => ({ id: s.id, label: s.name, roots: [s.id], isFamily: false }));
  return [...families.sort((a, b) => a.label.localeCompare(b.label)), ...singles.sort((a, b) => a.label.localeCompare(b.label))];
}

export interface LineageSubset<S> {
  /** The systems kept, in dataset order. */
  systems: S[];
  /** Linked systems (in a tree) kept, and in all. */
  shown: number;
  total: number;
  capped: boolean;
}

/**
 * At most about `cap` systems of the lineage forest: the largest trees (systems joined by a base
 * link or a shared family) first, each from its base models outward (breadth first), so what is
 * drawn is the top of the biggest trees; plus each `keep` id with its ancestors. Linear in
 * systems + links, so it stays cheap at 50,000 systems. Unlinked systems are not counted (the
 * layout never draws them). Returns the input itself when everything fits.
 */
export function lineageSubset<S extends Pick<System, 'id' | 'baseModels' | 'family'>>(
  systems: readonly S[],
  cap: number,
  keep: readonly (string | null | undefined)[] = [],
): LineageSubset<S> {
  const index = new Map(systems.map((s, i) => [s.id, i]));
  const parent = systems.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[ra] = rb;
  };
  const linked = new Array<boolean>(systems.length).fill(false);
  const children: number[][] = systems.map(() => []);
  const familyFirst = new Map<string, number>();
  systems.forEach((s, i) => {
    for (const b of s.baseModels) {
      const j = index.get(b.id);
      if (j === undefined) continue;
      union(i, j);
      linked[i] = linked[j] = true;
      children[j].push(i);
    }
    if (s.family !== undefined) {
      const first = familyFirst.get(s.family);
      if (first === undefined) familyFirst.set(s.family, i);
      else union(i, first);
    }
  });
  const size = new Map<number, number>();
  const hasLink = new Set<number>();
  systems.forEach((_, i) => {
    const r = find(i);
    size.set(r, (size.get(r) ?? 0) + 1);
    if (linked[i]) hasLink.add(r);
  });
  // Only trees with a link are drawn (sizes of one model that nothing is built on are not lineage).
  let total = 0;
  for (const r of hasLink) total += size.get(r) ?? 0;
  if (total <= cap) return { systems: systems as S[], shown: total, total, capped: false };

  const rank = new Map([...hasLink].sort((a, b) => (size.get(b) ?? 0) - (size.get(a) ?? 0) || a - b).map((r, k) => [r, k]));
  // Largest tree first; inside a tree, root by root, each root with everything built on it
  // (breadth first), so any prefix of this order is connected pieces of the tree, never loose nodes.
  const roots = systems.map((_, i) => i).filter((i) => linked[i] && !systems[i].baseModels.some((b) => index.has(b.id)));
  roots.sort((a, b) => (rank.get(find(a)) ?? 0) - (rank.get(find(b)) ?? 0) || a - b);
  const seen = new Array<boolean>(systems.length).fill(false);
  const order: number[] = [];
  let tree = -1;
  const membersOf = new Map<number, number[]>();
  systems.forEach((_, i) => {
    const r = find(i);
    if (!hasLink.has(r)) return;
    const list = membersOf.get(r);
    if (list) list.push(i);
    else membersOf.set(r, [i]);
  });
  const flushFamilyOnly = (r: number) => {
    // Sizes of a family that only the family joins to the tree come after the tree's linked systems.
    for (const i of membersOf.get(r) ?? []) {
      if (seen[i]) continue;
      seen[i] = true;
      order.push(i);
    }
  };
  for (const root of roots) {
    const r = find(root);
    if (r !== tree) {
      if (tree !== -1) flushFamilyOnly(tree);
      tree = r;
    }
    if (seen[root]) continue;
    seen[root] = true;
    const queue = [root];
    for (let q = 0; q < queue.length; q++) {
      order.push(queue[q]);
      for (const c of children[queue[q]]) {
        if (!seen[c]) {
          seen[c] = true;
          queue.push(c);
        }
      }
    }
  }
  if (tree !== -1) flushFamilyOnly(tree);
  // Trees without a root (a cycle, which validation rejects) still count.
  for (const r of hasLink) flushFamilyOnly(r);
  const candidates = order;
  const kept = new Set(candidates.slice(0, cap));
  for (const id of keep) {
    let frontier = id && index.has(id) ? [index.get(id) as number] : [];
    // The kept system and its ancestors, so it is drawn where it belongs.
    while (frontier.length > 0) {
      const next: number[] = [];
      for (const i of frontier) {
        if (kept.has(i) && i !== index.get(id as string)) continue;
        if (!hasLink.has(find(i))) continue;
        kept.add(i);
        for (const b of systems[i].baseModels) {
          const j = index.get(b.id);
          if (j !== undefined && !kept.has(j)) next.push(j);
        }
      }
      frontier = next;
    }
  }
  return { systems: systems.filter((_, i) => kept.has(i)), shown: kept.size, total, capped: true };
}
