import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import registryJson from '../../data/organizations.json';
import { bundledDataset } from '../../tests/fixtures/bundled-dataset';
import { splitCellList } from '../import/csv-text';
import { getRegistry } from './load-dataset';
import { registrySchema } from './registry-schema';
import { AD_HOC_PREFIX, matchOrganizationNames, organizationKey, resolveOrganizations, type Registry } from './organizations';
import type { Dataset } from './schema';

const EPOCH_CSV = new URL('../../../shared/research/epoch-all-ml-systems-2025.csv', import.meta.url);

function registry(): Registry {
  const r = getRegistry();
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
  return r.registry;
}

/** A dataset whose systems name `organizations` (one system each list). */
function withOrganizations(lists: string[][], organizations: Dataset['organizations'] = []): Dataset {
  const base = bundledDataset();
  return {
    ...base,
    organizations,
    systems: lists.map((orgs, i) => ({ ...base.systems[0], id: `s${i}`, organizations: orgs })),
  };
}

describe('the organization registry (data/organizations.json)', () => {
  it('is valid: unique ids and spellings, known parents, no loops, no comma in a display name', () => {
    expect(registrySchema.safeParse(registryJson).success).toBe(true);
  });

  it('refuses a duplicate spelling, an unknown parent, a parent loop and a comma in a name', () => {
    const o = (id: string, en: string, extra: object = {}) => ({ id, name: { en }, aliases: [], ...extra });
    const messages = (orgs: object[]) => {
      const r = registrySchema.safeParse({ organizations: orgs });
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    expect(messages([o('a', 'Alpha'), o('b', 'Beta', { aliases: ['ALPHA'] })])).toEqual(['"ALPHA" also names "a"']);
    expect(messages([o('a', 'Alpha', { parent: 'zz' })])).toEqual(['unknown parent "zz"']);
    expect(messages([o('a', 'Alpha', { parent: 'b' }), o('b', 'Beta', { parent: 'a' })])).toEqual([
      'parent chain of "a" loops',
      'parent chain of "b" loops',
    ]);
    expect(messages([o('a', 'Alpha, Inc.')])).toEqual(['a display name has no comma (keep the long form as an alias)']);
    expect(messages([o('org-x', 'X')])).toEqual(['"org-" ids are for unlisted organizations']);
  });

  it('compares spellings without case, spacing, punctuation or accents', () => {
    expect(organizationKey('Meta AI (FAIR)')).toBe(organizationKey('meta ai fair'));
    expect(organizationKey('Forschungszentrum Jülich')).toBe(organizationKey('Forschungszentrum Julich'));
    expect(organizationKey('清华大学')).toBe('清华大学');
    expect(organizationKey('OpenAI')).not.toBe(organizationKey('Open AI Lab'));
  });
});

describe('resolveOrganizations', () => {
  it('maps spellings to ids, keeps ids, and adds the records with their parents', () => {
    const { dataset, unmatched } = resolveOrganizations(withOrganizations([['Meta AI (FAIR)'], ['google brain', 'openai']]), registry());
    expect(dataset.systems.map((s) => s.organizations)).toEqual([['fair'], ['google-brain', 'openai']]);
    expect(dataset.organizations.map((o) => o.id)).toEqual([
      'fair',
      'google',
      'google-brain',
      'google-research',
      'meta',
      'meta-ai',
      'openai',
    ]);
    expect(unmatched).toEqual([]);
  });

  it('makes an organization of its own for a spelling nobody knows, and reports it', () => {
    const { dataset, unmatched } = resolveOrganizations(
      withOrganizations([['Acme Robotics, Zürich', 'EleutherAI'], ['acme robotics zurich']]),
      registry(),
    );
    const id = `${AD_HOC_PREFIX}acme-robotics-zurich`;
    expect(dataset.systems.map((s) => s.organizations)).toEqual([[id, 'eleutherai'], [id]]);
    expect(dataset.organizations.find((o) => o.id === id)).toEqual({ id, name: { en: 'Acme Robotics, Zürich' }, aliases: [] });
    expect(unmatched).toEqual([{ name: 'Acme Robotics, Zürich', systems: 2 }]);
  });

  it('is idempotent: a resolved dataset comes back as the same object', () => {
    const once = resolveOrganizations(withOrganizations([['Stanford CRFM'], ['Someone New']]), registry()).dataset;
    expect(resolveOrganizations(once, registry()).dataset).toBe(once);
  });

  it('gives the bundled dataset ids only, each with a record', () => {
    const ds = bundledDataset();
    const ids = new Set(ds.organizations.map((o) => o.id));
    for (const s of ds.systems) for (const o of s.organizations) expect(ids.has(o), `${s.id}: ${o}`).toBe(true);
    expect(ds.organizations.every((o) => !o.id.startsWith(AD_HOC_PREFIX))).toBe(true);
  });
});

describe("Epoch's organization strings (../shared/research/epoch-all-ml-systems-2025.csv)", () => {
  const rows = Papa.parse<Record<string, string>>(readFileSync(EPOCH_CSV, 'utf8'), { header: true, skipEmptyLines: true }).data;
  const strings = [...new Set(rows.flatMap((r) => splitCellList(r.Organization ?? '')))];

  it('every string maps to a registry record; none is left as its own', () => {
    const { dataset, unmatched } = resolveOrganizations(withOrganizations(strings.map((s) => [s])), registry());
    expect(strings.length).toBe(731);
    expect(unmatched).toEqual([]);
    expect(dataset.systems.every((s) => s.organizations.length === 1)).toBe(true);
  });

  it('rolls Google Brain, DeepMind and Google Research up to Google, FAIR and Facebook up to Meta', () => {
    const { dataset } = resolveOrganizations(withOrganizations(strings.map((s) => [s])), registry());
    const byId = new Map(dataset.organizations.map((o) => [o.id, o]));
    const top = (id: string): string => (byId.get(id)?.parent ? top(byId.get(id)!.parent!) : id);
    const topOf = (text: string) => top(dataset.systems[strings.indexOf(text)].organizations[0]);
    for (const s of ['Google Brain', 'DeepMind', 'Google DeepMind', 'Google Research', 'Google']) expect(topOf(s), s).toBe('google');
    for (const s of ['Facebook AI Research', 'Facebook', 'Meta AI', 'Facebook AI']) expect(topOf(s), s).toBe('meta');
    for (const s of ['Microsoft Research', 'Microsoft Research Asia']) expect(topOf(s), s).toBe('microsoft');
    // 731 strings are 720 organizations under 648 top-level ones: the facet's top level is 11% shorter.
    const tops = new Set(dataset.systems.map((s) => top(s.organizations[0])));
    expect(new Set(dataset.systems.map((s) => s.organizations[0])).size).toBe(720);
    expect(tops.size).toBe(648);
  });
});

describe('matchOrganizationNames (the import preview)', () => {
  it('counts names once by comparison key, says how many are known, lists the others most-named first', () => {
    const m = matchOrganizationNames(
      [
        { organizations: ['Google Brain', 'Acme Labs'] },
        { organizations: ['google brain', 'Acme Labs', 'Zeta Institute'] },
        { organizations: ['谷歌'] },
      ],
      registry(),
    );
    expect(m).toEqual({
      named: 4,
      matched: 2,
      unmatched: [
        { name: 'Acme Labs', systems: 2 },
        { name: 'Zeta Institute', systems: 1 },
      ],
    });
  });
});
