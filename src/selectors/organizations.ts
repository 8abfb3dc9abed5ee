import type { Dataset, Organization, System } from '../data/schema';
import { byComparisonKey, organizationKey } from '../data/organizations';
import type { Locale } from '../i18n/format';
import { cached } from '../lib/cache';

/*
 * The organizations of one dataset as a tree: each record's parent chain, its top-level
 * organization, its display name per language, and the order the filter lists them in (each
 * top-level organization, then its children under it). Made once per dataset.
 */

export interface OrganizationIndex {
  byId: ReadonlyMap<string, Organization>;
  /** The id itself, then its parent, grandparent…: what ticking any of them includes. */
  lineOf(id: string): readonly string[];
  topLevelOf(id: string): string;
  /** The id a spelling or an id names, if this dataset has it ("Meta AI (FAIR)" → "fair"). */
  idFor(text: string): string | undefined;
  /** Depth-first: top-level organizations alphabetically, each followed by its children. */
  treeOrder: readonly { id: string; depth: number }[];
}

/** What the index is made from: a dataset's systems and its organization records. */
export type OrganizationSource = Pick<Dataset, 'systems' | 'organizations'>;

const indexCache = new WeakMap<OrganizationSource, OrganizationIndex>();

export function getOrganizationIndex(dataset: OrganizationSource): OrganizationIndex {
  return cached(indexCache, dataset, buildIndex);
}

function buildIndex(dataset: OrganizationSource): OrganizationIndex {
  const records = [...dataset.organizations];
  const byId = new Map(records.map((o) => [o.id, o]));
  // A dataset that did not go through parseDataset (a test's fixture) may name organizations
  // without records: each is then an organization of its own, named as written.
  for (const s of dataset.systems) {
    for (const id of s.organizations) {
      if (byId.has(id)) continue;
      const record: Organization = { id, name: { en: id }, aliases: [] };
      byId.set(id, record);
      records.push(record);
    }
  }
  const byKey = byComparisonKey(records);
  const lines = new Map<string, readonly string[]>();
  const lineOf = (id: string): readonly string[] => {
    let line = lines.get(id);
    if (line === undefined) {
      const out = [id];
      for (let p = byId.get(id)?.parent; p !== undefined && byId.has(p) && !out.includes(p); p = byId.get(p)?.parent) out.push(p);
      line = out;
      lines.set(id, line);
    }
    return line;
  };
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const o of records) {
    const parent = o.parent !== undefined && byId.has(o.parent) ? o.parent : undefined;
    if (parent === undefined) roots.push(o.id);
    else children.set(parent, [...(children.get(parent) ?? []), o.id]);
  }
  // One collator for the sort: localeCompare with options builds one per comparison (~150 ms with Epoch's organizations).
  const collator = new Intl.Collator('en', { sensitivity: 'base' });
  const byName = (a: string, b: string) => collator.compare(byId.get(a)!.name.en, byId.get(b)!.name.en);
  const treeOrder: { id: string; depth: number }[] = [];
  const walk = (id: string, depth: number) => {
    treeOrder.push({ id, depth });
    for (const child of (children.get(id) ?? []).sort(byName)) walk(child, depth + 1);
  };
  for (const root of roots.sort(byName)) walk(root, 0);
  return {
    byId,
    lineOf,
    topLevelOf: (id) => {
      const line = lineOf(id);
      return line[line.length - 1];
    },
    idFor: (text) => (byId.has(text) ? text : byKey.get(organizationKey(text))),
    treeOrder,
  };
}

/** An organization's name in `locale` (Chinese where the registry has one); an unknown id as it is. */
export function organizationName(dataset: Dataset, id: string, locale: Locale = 'en'): string {
  const record = getOrganizationIndex(dataset).byId.get(id);
  if (!record) return id;
  return locale === 'zh-CN' && record.name.zh ? record.name.zh : record.name.en;
}

/**
 * A system's organizations by name, comma-separated as Epoch writes them: a name that holds a
 * comma (only unlisted ones can) is quoted, so the list reads back whole on import.
 */
export function organizationNames(dataset: Dataset, system: System, locale: Locale = 'en'): string {
  return system.organizations
    .map((id) => {
      const name = organizationName(dataset, id, locale);
      return name.includes(',') ? `"${name.replace(/"/g, '""')}"` : name;
    })
    .join(', ');
}
