import { cached } from '../lib/cache';
import type { Dataset, Organization, System } from './schema';

/*
 * Organizations are referenced by id. The registry (data/organizations.json) holds one record per
 * organization: its names, every spelling seen in the bundled data and in Epoch's releases, and
 * its parent (FAIR → Meta). A dataset's systems may name an organization by id or by any spelling;
 * `resolveOrganizations` turns each into an id and gives the dataset the records it uses, so the
 * views and filters only ever see ids. A spelling the registry does not know becomes an
 * organization of its own ("org-…" id, its name as written).
 */

/** The registry (data/organizations.json) once ./registry-schema has checked it. */
export interface Registry {
  organizations: Organization[];
}

/** Ids the resolver makes for spellings the registry does not know. */
export const AD_HOC_PREFIX = 'org-';

/**
 * The key spellings are compared by: case, spacing, punctuation and accents do not count
 * ("Meta AI (FAIR)" = "meta ai fair", "Forschungszentrum Jülich" = "forschungszentrum julich").
 * Letters of any script and digits are kept, so Chinese names compare as written.
 */
export function organizationKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A readable id for an unlisted spelling: "org-booz-allen-hamilton-mclean". */
function adHocId(name: string, taken: ReadonlySet<string>): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const base = AD_HOC_PREFIX + (slug || 'unnamed');
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** How a file's organization names meet the registry: how many name a known organization, and the rest. */
/** Every name a record goes by: English, Chinese (a CSV exported in 中文 names it so), aliases. */
export function spellingsOf(o: Organization): string[] {
  return o.name.zh ? [o.name.en, o.name.zh, ...o.aliases] : [o.name.en, ...o.aliases];
}

/** Records by comparison key of each of their spellings (a later record wins a shared key). */
export function byComparisonKey(records: readonly Organization[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const o of records) for (const spelling of spellingsOf(o)) out.set(organizationKey(spelling), o.id);
  return out;
}

// The registry is parsed once (load-dataset): its lookups are made once too, not per import or load.
const lookups = new WeakMap<Registry, { byId: Map<string, Organization>; byKey: Map<string, string> }>();
function registryLookup(registry: Registry) {
  return cached(lookups, registry, makeLookup);
}

function makeLookup(registry: Registry) {
  return { byId: new Map(registry.organizations.map((o) => [o.id, o])), byKey: byComparisonKey(registry.organizations) };
}

export interface OrganizationMatch {
  /** Distinct names (by comparison key) the systems use. */
  named: number;
  matched: number;
  /** Names no registry record has, each with how many systems name it, most first. */
  unmatched: { name: string; systems: number }[];
}

export function matchOrganizationNames(systems: readonly Pick<System, 'organizations'>[], registry: Registry): OrganizationMatch {
  // Known as resolveOrganizations knows them: an id as it is, or any spelling of a record.
  const { byId, byKey } = registryLookup(registry);
  const seen = new Map<string, { name: string; systems: number; known: boolean }>();
  for (const system of systems) {
    for (const name of new Set(system.organizations)) {
      const key = organizationKey(name);
      const entry = seen.get(key);
      if (entry) entry.systems++;
      else seen.set(key, { name, systems: 1, known: byId.has(name) || byKey.has(key) });
    }
  }
  const all = [...seen.values()];
  const unmatched = all
    .filter((e) => !e.known)
    .map(({ name, systems }) => ({ name, systems }))
    .sort((a, b) => b.systems - a.systems || a.name.localeCompare(b.name));
  return { named: all.length, matched: all.length - unmatched.length, unmatched };
}

export interface Resolution {
  dataset: Dataset;
  /** Spellings that matched no registry record, each with how many systems name it. */
  unmatched: { name: string; systems: number }[];
}

/**
 * Gives every system's organizations as ids and the dataset the records those ids (and their
 * parents) need. Pure: systems whose organizations are already ids are kept as they are.
 */
export function resolveOrganizations(dataset: Dataset, registry: Registry): Resolution {
  const { byId: registryById, byKey: registryByKey } = registryLookup(registry);
  // The dataset's own records (an earlier resolution's unlisted organizations) come second: a
  // spelling the registry has learned since goes to the registry's record.
  const ownById = new Map<string, Organization>();
  const ownByKey = new Map<string, string>();
  for (const o of dataset.organizations) {
    if (registryById.has(o.id)) continue;
    ownById.set(o.id, o);
    for (const spelling of spellingsOf(o)) ownByKey.set(organizationKey(spelling), o.id);
  }
  const used = new Set<string>();
  const made = new Map<string, Organization>();
  const unmatchedCounts = new Map<string, number>();
  const taken = new Set<string>([...registryById.keys(), ...ownById.keys()]);

  const idFor = (text: string): string => {
    if (registryById.has(text) || ownById.has(text)) return text;
    const key = organizationKey(text);
    const known = registryByKey.get(key) ?? ownByKey.get(key);
    if (known !== undefined) return known;
    const id = adHocId(text, taken);
    taken.add(id);
    ownByKey.set(key, id);
    made.set(id, { id, name: { en: text }, aliases: [] });
    return id;
  };

  let changed = false;
  const systems = dataset.systems.map((system): System => {
    const ids: string[] = [];
    for (const text of system.organizations) {
      const id = idFor(text);
      if (made.has(id)) unmatchedCounts.set(made.get(id)!.name.en, (unmatchedCounts.get(made.get(id)!.name.en) ?? 0) + 1);
      if (!ids.includes(id)) ids.push(id);
      used.add(id);
    }
    if (ids.length === system.organizations.length && ids.every((id, i) => id === system.organizations[i])) return system;
    changed = true;
    return { ...system, organizations: ids };
  });

  const records: Organization[] = [];
  const added = new Set<string>();
  const add = (id: string) => {
    for (let cur: string | undefined = id; cur !== undefined && !added.has(cur);) {
      const record: Organization | undefined = registryById.get(cur) ?? ownById.get(cur) ?? made.get(cur);
      if (!record) break;
      added.add(cur);
      records.push(record);
      cur = record.parent;
    }
  };
  for (const id of used) add(id);
  records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sameRecords =
    records.length === dataset.organizations.length && records.every((r, i) => sameOrganization(r, dataset.organizations[i]));
  const next = changed || !sameRecords ? { ...dataset, systems: changed ? systems : dataset.systems, organizations: records } : dataset;
  const unmatched = [...unmatchedCounts]
    .map(([name, n]) => ({ name, systems: n }))
    .sort((a, b) => b.systems - a.systems || a.name.localeCompare(b.name));
  return { dataset: next, unmatched };
}

function sameOrganization(a: Organization, b: Organization | undefined): boolean {
  return b !== undefined && JSON.stringify(a) === JSON.stringify(b);
}
