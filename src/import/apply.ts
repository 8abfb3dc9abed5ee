import { findLineageCycle, type Dataset, type Source, type System } from '../data/schema';
import { importText } from './import-text';
import { parseDataset } from '../data/load-dataset';
import { collectSourceIds } from '../selectors/system-fields';
import { addEdge, baseGraph, wouldCycle } from './lineage';
import type { ApplyResult, ConflictWinner, ImportedData, MergeConflict, MergeMode } from './types';
import { normaliseName, uniqueIdMaker } from './values';
import { findVariantPairs, type VariantPair } from './variant-names';

/*
 * The second step of an import: merge the analysed systems into the current dataset, or replace
 * its systems with them. Pure; never throws; the result is validated with `parseDataset`, so the
 * caller only ever swaps in a dataset that loads.
 */

/** Models present in both: the same id first, else the same normalised name; each current model matches once. */
export function findConflicts(current: Dataset, data: ImportedData): MergeConflict[] {
  try {
    const byId = new Map(current.systems.map((s) => [s.id, s]));
    const byName = new Map<string, System>();
    for (const s of current.systems) if (!byName.has(normaliseName(s.name))) byName.set(normaliseName(s.name), s);
    const taken = new Set<string>();
    const out: MergeConflict[] = [];
    for (const s of data.systems) {
      const byIdMatch = byId.get(s.id);
      const byNameMatch = byName.get(normaliseName(s.name));
      const match =
        byIdMatch && !taken.has(byIdMatch.id)
          ? byIdMatch
          : byNameMatch && !taken.has(byNameMatch.id) && normaliseName(s.name) !== ''
            ? byNameMatch
            : undefined;
      if (!match) continue;
      taken.add(match.id);
      out.push({ importedId: s.id, currentId: match.id, name: match.name });
    }
    return out;
  } catch {
    return [];
  }
}

/**
 * Imported systems that look like a current one under another name ("BLOOM-176B" ≈ BLOOM-175B),
 * beyond the exact matches: proposed in the preview, merged only when the user says "same".
 */
export function findVariantMatches(current: Dataset, data: ImportedData, exact: readonly MergeConflict[]): VariantPair[] {
  try {
    return findVariantPairs(current.systems, data.systems, {
      importedIds: new Set(exact.map((c) => c.importedId)),
      currentIds: new Set(exact.map((c) => c.currentId)),
    });
  } catch {
    return [];
  }
}

/** The pairs the user called "same", as conflicts: only pairs of systems present and not matched otherwise. */
function acceptedPairs(
  sameAs: readonly SameModel[],
  imported: readonly System[],
  current: Dataset,
  exact: readonly MergeConflict[],
): MergeConflict[] {
  const importedIds = new Set(imported.map((s) => s.id));
  const currentById = new Map(current.systems.map((s) => [s.id, s]));
  const taken = new Set([...exact.flatMap((c) => [`i:${c.importedId}`, `c:${c.currentId}`])]);
  const out: MergeConflict[] = [];
  for (const p of sameAs) {
    const cur = currentById.get(p.currentId);
    if (!cur || !importedIds.has(p.importedId) || taken.has(`i:${p.importedId}`) || taken.has(`c:${p.currentId}`)) continue;
    taken.add(`i:${p.importedId}`);
    taken.add(`c:${p.currentId}`);
    out.push({ importedId: p.importedId, currentId: p.currentId, name: cur.name });
  }
  return out;
}

/** An imported system the user confirmed is a current one under another name. */
export type SameModel = Pick<VariantPair, 'importedId' | 'currentId'>;

const clone = <T>(v: T): T => structuredClone(v);

/** Rewrites every `sources` array (source ids) inside a value. */
function renameSources<T>(value: T, map: ReadonlyMap<string, string>): T {
  if (map.size === 0) return value;
  const visit = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(visit);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, inner] of Object.entries(v)) {
        out[k] =
          k === 'sources' && Array.isArray(inner) ? inner.map((id) => (typeof id === 'string' ? (map.get(id) ?? id) : id)) : visit(inner);
      }
      return out;
    }
    return v;
  };
  return visit(value) as T;
}

/** Rewrites system ids wherever the dataset refers to one (base models, reference rows, seed tables). */
function renameSystems(
  systems: System[],
  reference: Dataset['reference'],
  seedTables: Dataset['seedTables'],
  map: ReadonlyMap<string, string>,
) {
  if (map.size === 0) return { systems, reference, seedTables };
  const ren = (id: string) => map.get(id) ?? id;
  const dedupe = (ids: string[]) => [...new Set(ids.map(ren))];
  return {
    systems: systems.map((s) => ({
      ...s,
      id: ren(s.id),
      baseModels: s.baseModels.map((b) => ({ ...b, id: ren(b.id) })).filter((b, i, all) => all.findIndex((x) => x.id === b.id) === i),
    })),
    reference: {
      ...reference,
      llamaTable15: { ...reference.llamaTable15, rows: reference.llamaTable15.rows.map((r) => ({ ...r, systemId: ren(r.systemId) })) },
      ownGridCo2: reference.ownGridCo2.map((r) => ({ ...r, systemId: ren(r.systemId) })),
    },
    seedTables: seedTables.map((t) => ({
      ...t,
      header: t.header.map((h) => ({ ...h, systemIds: dedupe(h.systemIds) })),
      rows: t.rows.map((r) => ({
        ...r,
        systemIds: dedupe(r.systemIds),
        cells: r.cells.map((c) => ({ ...c, systemIds: dedupe(c.systemIds) })),
      })),
    })),
  };
}

/**
 * `sameAs`: pairs from `findVariantMatches` the user confirmed. Each is merged like an exact match
 * (the winner's record is kept) under the current system's id, so links to it keep working.
 */
export function applyImport(
  current: Dataset,
  data: ImportedData,
  mode: MergeMode,
  winner: ConflictWinner,
  sameAs: readonly SameModel[] = [],
): ApplyResult {
  try {
    return mode === 'replace' ? replace(current, data) : merge(current, data, winner, sameAs);
  } catch (err) {
    return { ok: false, problems: [`the import could not be applied (${err instanceof Error ? err.message : String(err)})`] };
  }
}

/** Imported sources join the current ones by id; a different source under a taken id is renamed. */
function mergeSources(current: readonly Source[], imported: readonly Source[], warnings: string[]) {
  const byId = new Map(current.map((s) => [s.id, s]));
  const nextId = uniqueIdMaker(byId.keys());
  const renamed = new Map<string, string>();
  const added: Source[] = [];
  for (const s of imported) {
    const had = byId.get(s.id);
    if (had && JSON.stringify(had) === JSON.stringify(s)) continue;
    if (had) {
      const id = nextId(`${s.id}-imported`);
      renamed.set(s.id, id);
      added.push({ ...s, id });
      warnings.push(importText('sourceKeptAs', { source: s.id, id }));
    } else {
      nextId(s.id);
      byId.set(s.id, s);
      added.push(s);
    }
  }
  return { sources: [...current, ...added], renamed };
}

function merge(current: Dataset, input: ImportedData, winner: ConflictWinner, sameAs: readonly SameModel[]): ApplyResult {
  const warnings: string[] = [];
  const data = clone(input);
  const { sources, renamed } = mergeSources(current.sources, data.sources, warnings);
  let imported = renameSources(data.systems, renamed);
  const pending = renameSources(data.pendingBaseModels ?? [], renamed);

  const exact = findConflicts(current, { ...data, systems: imported });
  const variants = acceptedPairs(sameAs, imported, current, exact);
  const variantOfImported = new Set(variants.map((v) => v.importedId));
  const conflicts = [...exact, ...variants];
  const conflictOfImported = new Map(conflicts.map((c) => [c.importedId, c]));
  const conflictOfCurrent = new Map(conflicts.map((c) => [c.currentId, c]));
  // Ids every import must avoid: current systems not in a conflict, and family ids.
  const nextId = uniqueIdMaker([
    ...current.systems.map((s) => s.id),
    ...current.families.map((f) => f.id),
    ...data.families.map((f) => f.id),
  ]);
  const importedIdMap = new Map<string, string>(); // imported id → id in the result
  const currentIdMap = new Map<string, string>(); // current id → id in the result (when the import won)
  for (const s of imported) {
    const c = conflictOfImported.get(s.id);
    if (!c) {
      const id =
        current.systems.some((x) => x.id === s.id) || current.families.some((f) => f.id === s.id) ? nextId(s.id) : (nextId(s.id), s.id);
      if (id !== s.id) warnings.push(importText('systemTakesId', { system: s.name, id, taken: s.id }));
      importedIdMap.set(s.id, id);
    } else if (winner === 'imported' && variantOfImported.has(s.id)) {
      // The same model under another name: the imported record, under the current id.
      importedIdMap.set(s.id, c.currentId);
    } else if (winner === 'imported') {
      // The winner keeps its record and id; the current model's id now points at it.
      importedIdMap.set(s.id, s.id);
      if (c.currentId !== s.id) currentIdMap.set(c.currentId, s.id);
    } else {
      importedIdMap.set(s.id, c.currentId);
    }
  }
  const origIds = imported.map((s) => s.id);
  imported = imported.map((s) => ({
    ...s,
    id: importedIdMap.get(s.id) ?? s.id,
    baseModels: s.baseModels.map((b) => ({ ...b, id: importedIdMap.get(b.id) ?? b.id })),
  }));

  let systems: System[] = [];
  let added = 0;
  let replaced = 0;
  let kept = 0;
  const importedById = new Map(imported.map((s) => [s.id, s]));
  for (const s of current.systems) {
    const c = conflictOfCurrent.get(s.id);
    if (c && winner === 'imported') {
      systems.push(importedById.get(importedIdMap.get(c.importedId) ?? c.importedId) ?? s);
      replaced++;
    } else {
      systems.push(s);
      if (c) kept++;
    }
  }
  imported.forEach((s, i) => {
    if (conflictOfImported.has(origIds[i])) return;
    systems.push(s);
    added++;
  });
  // Base models still to find belong to imported records that are in the result.
  const pendingKept = pending
    .filter((p) => !(winner === 'current' && conflictOfImported.has(p.systemId)))
    .map((p) => ({ ...p, systemId: importedIdMap.get(p.systemId) ?? p.systemId }));
  const renamedAll = renameSystems(systems, current.reference, current.seedTables, currentIdMap);
  systems = renamedAll.systems;

  // Imported families join by id; a model's family must be declared.
  const families = [
    ...current.families,
    ...data.families.filter((f) => !current.families.some((x) => x.id === f.id) && !systems.some((s) => s.id === f.id)),
  ];
  systems = dropUndeclaredFamilies(systems, families, warnings);
  systems = resolvePending(systems, pendingKept, warnings);

  systems = breakCycles(systems, warnings);
  const next = { ...current, sources, families, systems, reference: renamedAll.reference, seedTables: renamedAll.seedTables };
  return validated(next, { added, replaced, kept }, warnings);
}

function replace(current: Dataset, input: ImportedData): ApplyResult {
  const warnings: string[] = [];
  const data = clone(input);
  const { sources: allSources, renamed } = mergeSources(current.sources, data.sources, warnings);
  let systems = renameSources(data.systems, renamed);
  const familiesPool = [...data.families, ...current.families.filter((f) => !data.families.some((x) => x.id === f.id))];
  systems = dropUndeclaredFamilies(systems, familiesPool, warnings);
  systems = resolvePending(systems, renameSources(data.pendingBaseModels ?? [], renamed), warnings);
  const ids = new Set(systems.map((s) => s.id));
  const families = familiesPool.filter((f) => systems.some((s) => s.family === f.id) && !ids.has(f.id));
  const rows = current.reference.llamaTable15.rows.filter((r) => ids.has(r.systemId));
  const reference = {
    ...current.reference,
    llamaTable15: { ...current.reference.llamaTable15, rows },
    ownGridCo2: current.reference.ownGridCo2.filter((r) => ids.has(r.systemId)),
  };
  const seedTables = current.seedTables.filter((t) => [...collectSystemIds(t)].every((id) => ids.has(id)));
  const dropped = current.seedTables.length - seedTables.length;
  if (dropped > 0) warnings.push(importText('talkTablesDropped', { tables: dropped }));
  const body = { systems, reference, seedTables, families };
  const cited = collectSourceIds(body);
  const sources = allSources.filter((s) => cited.has(s.id));
  const note = `Models replaced by an import of “${data.fileName ?? 'a file'}”.`;
  const meta = { ...current.meta, licenceNote: current.meta.licenceNote ? `${current.meta.licenceNote} ${note}` : note };
  return validated({ ...current, meta, sources, ...body }, { added: systems.length, replaced: 0, kept: 0 }, warnings);
}

function collectSystemIds(table: Dataset['seedTables'][number]): Set<string> {
  const ids = new Set<string>();
  table.header.forEach((h) => h.systemIds.forEach((id) => ids.add(id)));
  table.rows.forEach((r) => {
    r.systemIds.forEach((id) => ids.add(id));
    r.cells.forEach((c) => c.systemIds.forEach((id) => ids.add(id)));
  });
  return ids;
}

function dropUndeclaredFamilies(systems: System[], families: Dataset['families'], warnings: string[]): System[] {
  const declared = new Set(families.map((f) => f.id));
  return systems.map((s) => {
    if (!s.family || declared.has(s.family)) return s;
    warnings.push(importText('familyUndeclared', { system: s.name, family: s.family }));
    const { family: _dropped, ...rest } = s;
    return rest;
  });
}

/** Links the base models the file named but did not hold, by name or id, against the final set. */
function resolvePending(systems: System[], pending: NonNullable<ImportedData['pendingBaseModels']>, warnings: string[]): System[] {
  if (pending.length === 0) return systems;
  const byId = new Map(systems.map((s) => [s.id, s]));
  const byName = new Map<string, string>();
  for (const s of systems) if (!byName.has(normaliseName(s.name))) byName.set(normaliseName(s.name), s.id);
  const graph = baseGraph(systems);
  const missing = new Set<string>();
  const cycles: string[] = [];
  const links = new Map<string, System['baseModels']>();
  for (const p of pending) {
    const owner = byId.get(p.systemId);
    if (!owner) continue;
    const baseId = p.by === 'id' ? (byId.has(p.ref) ? p.ref : undefined) : byName.get(normaliseName(p.ref));
    if (baseId === undefined) {
      missing.add(p.ref);
      continue;
    }
    if (owner.baseModels.some((b) => b.id === baseId) || links.get(owner.id)?.some((b) => b.id === baseId)) continue;
    if (wouldCycle(graph, owner.id, baseId)) {
      cycles.push(`${owner.name} → ${p.ref}`);
      continue;
    }
    addEdge(graph, owner.id, baseId);
    links.set(owner.id, [
      ...(links.get(owner.id) ?? []),
      { id: baseId, relation: p.relation, sources: p.sources, ...(p.note ? { note: p.note } : {}) },
    ]);
  }
  if (missing.size > 0)
    warnings.push(importText('basesNotFound', { names: `${[...missing].slice(0, 40).join(', ')}${missing.size > 40 ? ', …' : ''}` }));
  if (cycles.length > 0) warnings.push(importText('cycleLinks', { links: cycles.join('; ') }));
  return systems.map((s) => (links.has(s.id) ? { ...s, baseModels: [...s.baseModels, ...links.get(s.id)!] } : s));
}

/** Two models merged into one can close a cycle through links that were fine apart: drop one link per cycle. */
function breakCycles(systems: System[], warnings: string[]): System[] {
  let out = systems;
  for (let guard = 0; guard < 100; guard++) {
    const cycle = findLineageCycle(out);
    if (!cycle) return out;
    const [from, to] = [cycle[cycle.length - 2], cycle[cycle.length - 1]];
    warnings.push(importText('cycleAfterMerge', { link: `${from} → ${to}`, cycle: cycle.join(' → ') }));
    out = out.map((s) => (s.id === from ? { ...s, baseModels: s.baseModels.filter((b) => b.id !== to) } : s));
  }
  return out;
}

function validated(next: unknown, counts: { added: number; replaced: number; kept: number }, warnings: string[]): ApplyResult {
  const parsed = parseDataset(next);
  if (!parsed.ok)
    return { ok: false, problems: parsed.problems.slice(0, 20).map((p) => `${p.record}${p.field ? ` · ${p.field}` : ''}: ${p.message}`) };
  return { ok: true, dataset: parsed.dataset, ...counts, warnings };
}
