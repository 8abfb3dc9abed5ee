import type { Dataset, System } from '../data/schema';
import { buildChildrenIndex } from './lineage';
import { shortLabel } from './timeline-series';

/*
 * A layered ("Sugiyama") layout of the lineage graph, pure and deterministic:
 *  1. layer = longest path from a root, so every edge points to a later column;
 *  2. an edge spanning several layers gets virtual waypoints in the layers between, so it is
 *     routed around the nodes there instead of through them (CLIP → LLaVA);
 *  3. within a layer, units are ordered by the barycentre of their neighbours, sweeping down and
 *     up a few times and keeping the order with the fewest crossings;
 *  4. sizes of one model (LLaMA-7B…65B, Vicuna-7B/13B, Dolly 1.0/2.0) that share a layer form one
 *     "family box" unit: they stay together and read as one family, while each edge still starts
 *     at the exact size a model was built on.
 * Columns run left to right (base → derived); y positions follow the parents, pushed apart so
 * nothing overlaps.
 */

export type LineageRelation = System['baseModels'][number]['relation'];

export interface LineageNode {
  id: string;
  name: string;
  /** Text on the node: a short name, or inside a family box just what tells the members apart ("7B"). */
  label: string;
  layer: number;
  familyId?: string;
  /** Something in the dataset is built on it (so it is a base-model filter option). */
  hasChildren: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LineageFamilyBox {
  id: string;
  /** The family's display name ("LLaMA (all sizes)") and its short title on the box ("LLaMA"). */
  name: string;
  title: string;
  memberIds: string[];
  layer: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LineageEdge {
  from: string;
  to: string;
  relation: LineageRelation;
  sources: string[];
  note?: string;
  /** Start (right edge of the base), waypoints, end (left edge of the derived node). */
  points: { x: number; y: number }[];
}

export interface LineageLayout {
  nodes: LineageNode[];
  families: LineageFamilyBox[];
  edges: LineageEdge[];
  width: number;
  height: number;
  layers: number;
  /** Systems with no base, nothing built on them and no family in the tree: not drawn. */
  isolated: string[];
  crossings: number;
}

export interface LineageLayoutOptions {
  measure: (text: string) => number;
  /** Measures the (bold) family box titles; defaults to `measure`. */
  measureTitle?: (text: string) => number;
  columnGap?: number;
  nodeHeight?: number;
  nodeGap?: number;
  nodePadX?: number;
  minNodeWidth?: number;
}

export const LINEAGE_GEOMETRY = {
  columnGap: 48,
  nodeHeight: 28,
  nodeGap: 12,
  nodePadX: 10,
  minNodeWidth: 52,
  familyHeader: 20,
  familyPad: 6,
  memberGap: 4,
  waypointHeight: 6,
} as const;

interface Unit {
  key: string;
  layer: number;
  /** System ids in the unit (one, a family's members, or none for a waypoint). */
  members: string[];
  familyId?: string;
  waypoint?: { edge: number };
  width: number;
  height: number;
  y: number;
}

export function layoutLineage(dataset: Pick<Dataset, 'systems' | 'families'>, options: LineageLayoutOptions): LineageLayout {
  const g = { ...LINEAGE_GEOMETRY, ...stripUndefined(options) };
  const measureTitle = options.measureTitle ?? options.measure;
  const byId = new Map(dataset.systems.map((s) => [s.id, s]));
  const children = buildChildrenIndex(dataset.systems);
  const linked = (s: System) => s.baseModels.length > 0 || (children.get(s.id)?.length ?? 0) > 0;
  // A family is drawn whole: a size nothing is built on still belongs in its family's box.
  const linkedFamilies = new Set(dataset.systems.filter((s) => s.family && linked(s)).map((s) => s.family));
  const inTree = dataset.systems.filter((s) => linked(s) || (s.family !== undefined && linkedFamilies.has(s.family)));
  const treeIds = new Set(inTree.map((s) => s.id));
  const isolated = dataset.systems.filter((s) => !treeIds.has(s.id)).map((s) => s.id);
  const familyNames = new Map(dataset.families.map((f) => [f.id, f.name]));
  const familyTitle = (id: string) => shortLabel(familyNames.get(id) ?? id);

  // 1. Layers: longest path from a root.
  const layerOf = new Map<string, number>();
  const depth = (id: string, guard: Set<string>): number => {
    const known = layerOf.get(id);
    if (known !== undefined) return known;
    if (guard.has(id)) return 0;
    guard.add(id);
    const bases = byId.get(id)?.baseModels.filter((b) => treeIds.has(b.id)) ?? [];
    const d = bases.length === 0 ? 0 : 1 + Math.max(...bases.map((b) => depth(b.id, guard)));
    layerOf.set(id, d);
    return d;
  };
  for (const s of inTree) depth(s.id, new Set());
  const layerCount = inTree.length === 0 ? 0 : Math.max(...inTree.map((s) => layerOf.get(s.id) ?? 0)) + 1;

  // Edges, one per base link, in dataset order.
  const edgesRaw = inTree.flatMap((s) =>
    s.baseModels
      .filter((b) => treeIds.has(b.id))
      .map((b) => ({ from: b.id, to: s.id, relation: b.relation, sources: b.sources, note: b.note })),
  );

  // 2. Units: family boxes, single nodes, waypoints.
  const units: Unit[] = [];
  const unitOfSystem = new Map<string, Unit>();
  const nodeWidth = (s: System) => Math.max(g.minNodeWidth, Math.ceil(options.measure(shortLabel(s.name)) + 2 * g.nodePadX));
  const memberWidth = (s: System, title: string) =>
    Math.max(g.minNodeWidth, Math.ceil(options.measure(memberLabel(s.name, title)) + 2 * g.nodePadX));
  for (let layer = 0; layer < layerCount; layer++) {
    const here = inTree.filter((s) => layerOf.get(s.id) === layer);
    const byFamily = new Map<string, System[]>();
    for (const s of here) if (s.family) byFamily.set(s.family, [...(byFamily.get(s.family) ?? []), s]);
    const done = new Set<string>();
    for (const s of here) {
      if (done.has(s.id)) continue;
      const family = s.family ? byFamily.get(s.family) : undefined;
      if (family && family.length > 1 && s.family) {
        const title = familyTitle(s.family);
        const inner = Math.max(...family.map((m) => memberWidth(m, title)));
        const unit: Unit = {
          key: `family:${s.family}:${layer}`,
          layer,
          members: family.map((m) => m.id),
          familyId: s.family,
          width: Math.max(inner, Math.ceil(measureTitle(title) + 2 * g.nodePadX - 2 * g.familyPad)) + 2 * g.familyPad,
          height: g.familyHeader + family.length * g.nodeHeight + (family.length - 1) * g.memberGap + g.familyPad,
          y: 0,
        };
        units.push(unit);
        for (const m of family) {
          done.add(m.id);
          unitOfSystem.set(m.id, unit);
        }
      } else {
        const unit: Unit = { key: s.id, layer, members: [s.id], width: nodeWidth(s), height: g.nodeHeight, y: 0 };
        units.push(unit);
        unitOfSystem.set(s.id, unit);
        done.add(s.id);
      }
    }
  }
  // Each edge is a chain of hops between consecutive layers (through waypoints).
  const chains: string[][] = edgesRaw.map((e, i) => {
    const chain = [e.from];
    for (let layer = (layerOf.get(e.from) ?? 0) + 1; layer < (layerOf.get(e.to) ?? 0); layer++) {
      const key = `wp:${i}:${layer}`;
      units.push({ key, layer, members: [], waypoint: { edge: i }, width: 0, height: g.waypointHeight, y: 0 });
      chain.push(key);
    }
    chain.push(e.to);
    return chain;
  });
  const unitByKey = new Map(units.map((u) => [u.key, u]));
  const unitOf = (ref: string) => unitOfSystem.get(ref) ?? (unitByKey.get(ref) as Unit);

  // Unit-level adjacency between consecutive layers (duplicates kept: two edges pull twice as hard).
  const up = new Map<Unit, Unit[]>();
  const down = new Map<Unit, Unit[]>();
  for (const chain of chains) {
    for (let i = 0; i + 1 < chain.length; i++) {
      const a = unitOf(chain[i]);
      const b = unitOf(chain[i + 1]);
      down.set(a, [...(down.get(a) ?? []), b]);
      up.set(b, [...(up.get(b) ?? []), a]);
    }
  }

  // 3. Ordering by barycentre sweeps; keep the best.
  let layers: Unit[][] = Array.from({ length: layerCount }, (_, l) => units.filter((u) => u.layer === l));
  const position = (order: Unit[][]) => {
    const pos = new Map<Unit, number>();
    for (const layer of order) layer.forEach((u, i) => pos.set(u, i));
    return pos;
  };
  const reorder = (order: Unit[][], layer: number, neighbours: Map<Unit, Unit[]>) => {
    const pos = position(order);
    const bary = (u: Unit, i: number) => {
      const ns = neighbours.get(u) ?? [];
      return ns.length === 0 ? i : ns.reduce((sum, n) => sum + (pos.get(n) ?? 0), 0) / ns.length;
    };
    const keyed = order[layer].map((u, i) => ({ u, b: bary(u, i), i }));
    keyed.sort((a, b) => a.b - b.b || a.i - b.i);
    const next = order.slice();
    next[layer] = keyed.map((k) => k.u);
    return next;
  };
  const crossingsOf = (order: Unit[][]) => {
    const pos = position(order);
    let total = 0;
    for (let l = 0; l + 1 < order.length; l++) {
      const hops: [number, number][] = [];
      for (const u of order[l]) for (const v of down.get(u) ?? []) hops.push([pos.get(u) ?? 0, pos.get(v) ?? 0]);
      for (let i = 0; i < hops.length; i++) {
        for (let j = i + 1; j < hops.length; j++) {
          if ((hops[i][0] - hops[j][0]) * (hops[i][1] - hops[j][1]) < 0) total++;
        }
      }
    }
    return total;
  };
  let best = layers;
  let bestCrossings = crossingsOf(layers);
  for (let sweep = 0; sweep < 8 && bestCrossings > 0; sweep++) {
    if (sweep % 2 === 0) for (let l = 1; l < layerCount; l++) layers = reorder(layers, l, up);
    else for (let l = layerCount - 2; l >= 0; l--) layers = reorder(layers, l, down);
    const c = crossingsOf(layers);
    if (c < bestCrossings) {
      best = layers;
      bestCrossings = c;
    }
  }
  layers = best;

  // 4. Coordinates. Columns left to right; y follows the neighbours, then is pushed apart.
  const columnX: number[] = [];
  let x = 0;
  for (let l = 0; l < layerCount; l++) {
    columnX.push(x);
    x += Math.max(0, ...layers[l].map((u) => u.width)) + g.columnGap;
  }
  const width = Math.max(0, x - g.columnGap);
  const centre = (u: Unit) => u.y + u.height / 2;
  const gapAfter = (a: Unit, b: Unit) => (a.waypoint || b.waypoint ? g.nodeGap / 2 : g.nodeGap);
  const place = (layer: Unit[], neighbours: Map<Unit, Unit[]>) => {
    // Each unit wants its centre at the mean centre of its neighbours (or to stay where it is);
    // the closest placement that keeps the order and the gaps is an isotonic regression.
    const desired = layer.map((u) => {
      const ns = neighbours.get(u) ?? [];
      return ns.length > 0 ? ns.reduce((s, n) => s + centre(n), 0) / ns.length - u.height / 2 : u.y;
    });
    const placed = separateLeastSquares(
      desired,
      layer.map((u, i) => (i === 0 ? 0 : layer[i - 1].height + gapAfter(layer[i - 1], u))),
    );
    layer.forEach((u, i) => (u.y = placed[i]));
  };
  // Start stacked, then align each layer on its parents, then the roots on their children, then again.
  for (const layer of layers) {
    let y = 0;
    for (const u of layer) {
      u.y = y;
      y += u.height + (u.waypoint ? g.nodeGap / 2 : g.nodeGap);
    }
  }
  for (let pass = 0; pass < 2; pass++) {
    for (let l = 1; l < layerCount; l++) place(layers[l], up);
    for (let l = layerCount - 2; l >= 0; l--) place(layers[l], down);
  }
  for (let l = 1; l < layerCount; l++) place(layers[l], up);
  const minY = Math.min(0, ...units.map((u) => u.y));
  for (const u of units) u.y = Math.round(u.y - minY);
  const height = Math.max(0, ...units.map((u) => u.y + u.height));

  const nodes: LineageNode[] = [];
  const families: LineageFamilyBox[] = [];
  for (const u of units) {
    if (u.waypoint) continue;
    const ux = columnX[u.layer];
    if (u.familyId) {
      families.push({
        id: u.familyId,
        name: familyNames.get(u.familyId) ?? u.familyId,
        title: familyTitle(u.familyId),
        memberIds: u.members,
        layer: u.layer,
        x: ux,
        y: u.y,
        width: u.width,
        height: u.height,
      });
      u.members.forEach((id, i) => {
        const s = byId.get(id) as System;
        nodes.push({
          id,
          name: s.name,
          label: memberLabel(s.name, familyTitle(u.familyId as string)),
          layer: u.layer,
          familyId: u.familyId,
          hasChildren: (children.get(id)?.length ?? 0) > 0,
          x: ux + g.familyPad,
          y: u.y + g.familyHeader + i * (g.nodeHeight + g.memberGap),
          width: u.width - 2 * g.familyPad,
          height: g.nodeHeight,
        });
      });
    } else {
      const s = byId.get(u.members[0]) as System;
      nodes.push({
        id: s.id,
        name: s.name,
        label: shortLabel(s.name),
        layer: u.layer,
        familyId: s.family,
        hasChildren: (children.get(s.id)?.length ?? 0) > 0,
        x: ux,
        y: u.y,
        width: u.width,
        height: g.nodeHeight,
      });
    }
  }
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const edges: LineageEdge[] = edgesRaw.map((e, i) => {
    const a = nodeById.get(e.from) as LineageNode;
    const b = nodeById.get(e.to) as LineageNode;
    const via = chains[i].slice(1, -1).map((k) => unitByKey.get(k) as Unit);
    return {
      ...e,
      points: [
        { x: a.x + a.width, y: a.y + a.height / 2 },
        ...via.map((w) => ({ x: columnX[w.layer] + Math.max(0, ...layers[w.layer].map((u) => u.width)) / 2, y: centre(w) })),
        { x: b.x, y: b.y + b.height / 2 },
      ],
    };
  });
  // Order nodes top-down per column, for a sensible tab order.
  nodes.sort((a, b) => a.layer - b.layer || a.y - b.y);
  return { nodes, families, edges, width, height, layers: layerCount, isolated, crossings: bestCrossings };
}

/**
 * Positions closest (least squares) to `desired` such that each is at least `minGap[i]` below the
 * previous one: with offsets o_i = Σ minGap, z_i = y_i − o_i must be non-decreasing, which is an
 * isotonic regression solved by pooling adjacent violators.
 */
export function separateLeastSquares(desired: readonly number[], minGap: readonly number[]): number[] {
  const offsets: number[] = [];
  let acc = 0;
  for (let i = 0; i < desired.length; i++) {
    acc += i === 0 ? 0 : minGap[i];
    offsets.push(acc);
  }
  const blocks: { sum: number; count: number }[] = [];
  for (let i = 0; i < desired.length; i++) {
    blocks.push({ sum: desired[i] - offsets[i], count: 1 });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1];
      const prev = blocks[blocks.length - 2];
      if (prev.sum / prev.count <= last.sum / last.count) break;
      blocks.pop();
      prev.sum += last.sum;
      prev.count += last.count;
    }
  }
  const out: number[] = [];
  for (const b of blocks) for (let k = 0; k < b.count; k++) out.push(b.sum / b.count + offsets[out.length]);
  return out;
}

/** "LLaMA-7B" in the "LLaMA" box reads "7B"; "Dolly 1.0" in "Dolly" reads "1.0". */
export function memberLabel(name: string, familyTitle: string): string {
  const short = shortLabel(name);
  if (!short.toLowerCase().startsWith(familyTitle.toLowerCase())) return short;
  const rest = short.slice(familyTitle.length).replace(/^[\s\-–:]+/, '');
  return rest || short;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && typeof v !== 'function')) as Partial<T>;
}
