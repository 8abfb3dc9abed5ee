import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../tests/fixtures/bundled-dataset';
import { miniDataset } from '../../tests/fixtures/mini-dataset';
import { syntheticDataset } from '../../tests/fixtures/synthetic-dataset';
import { parseDataset } from '../data/load-dataset';
import type { Dataset } from '../data/schema';
import {
  DEFAULT_FILTERS,
  LIST_FACETS,
  MODALITY_CATEGORIES,
  OPENNESS_FACETS,
  SYSTEM_KINDS,
  type Filters,
  type ListFacet,
} from '../store/filters-model';
import {
  selectAnnotationEntries,
  selectBaseOptions,
  selectFacetCounts,
  selectFilteredSystems,
  selectOrganizations,
  selectReleaseMonths,
  selectTimelineEntries,
  selectTotalInScope,
} from './filtered-systems';

const ds = miniDataset();
const ids = (f: Partial<Filters>) => selectFilteredSystems(ds, { ...DEFAULT_FILTERS, ...f }).map((s) => s.id);

describe('selectFilteredSystems', () => {
  it('with no filters returns every model and app/library in dataset order; a paper or event waits for the Kind filter', () => {
    expect(ids({})).toEqual(['fam-small', 'fam-large', 'child', 'vision', 'grandchild', 'closed']);
    expect(ids({ kinds: ['model', 'event'] })).toEqual(['fam-small', 'fam-large', 'child', 'vision', 'grandchild', 'closed', 'event']);
  });

  it('organizations are alternatives (OR)', () => {
    expect(ids({ organizations: ['Org Four'] })).toEqual(['closed']);
    expect(ids({ organizations: ['Org Four', 'Org Three'] })).toEqual(['vision', 'grandchild', 'closed']);
  });

  it('a family base includes all members and their descendants', () => {
    expect(ids({ bases: ['fam'] })).toEqual(['fam-small', 'fam-large', 'child', 'grandchild']);
  });

  it('a system base includes itself and its descendants only', () => {
    expect(ids({ bases: ['child'] })).toEqual(['child', 'grandchild']);
  });

  it('modality uses the derived category', () => {
    expect(ids({ modalities: ['multimodal'] })).toEqual(['vision', 'grandchild']);
    expect(ids({ modalities: ['code'] })).toEqual([]);
  });

  it('openness requires every chosen part to be public (AND)', () => {
    expect(ids({ openness: ['weights', 'code'] })).toEqual(['child', 'grandchild']);
    expect(ids({ openness: ['data'] })).toEqual(['grandchild']);
  });

  it('kind', () => {
    expect(ids({ kinds: ['event'] })).toEqual(['event']);
  });

  it('date range is inclusive by month, month-precision dates count, undated systems drop out', () => {
    expect(ids({ dateFrom: '2023-03', dateTo: '2023-04' })).toEqual(['child', 'grandchild']);
    expect(ids({ dateTo: '2021-12' })).toEqual(['vision']);
    expect(ids({ dateFrom: '2020-01' })).not.toContain('event');
  });

  it('free text matches name, organization and summary, all words, any case', () => {
    expect(ids({ query: 'org two' })).toEqual(['child', 'grandchild']);
    expect(ids({ query: '  MULTIMODAL ' })).toEqual(['grandchild']);
    expect(ids({ query: 'nothing-like-this' })).toEqual([]);
  });

  it('facets combine with AND', () => {
    expect(ids({ bases: ['fam'], organizations: ['Org Two'], modalities: ['text'] })).toEqual(['child']);
  });
});

describe('papers and events: not systems, marked on the timeline', () => {
  it('the Kind facet counts them while they are left out, so a reader sees they exist', () => {
    const counts = selectFacetCounts(ds, DEFAULT_FILTERS, 'kinds');
    expect(Object.fromEntries(counts)).toEqual({ model: 6, 'library-app': 0, paper: 0, event: 1 });
    expect(ids({ kinds: ['event'] })).toEqual(['event']);
  });

  it('"N of M": M counts what the Kind filter admits', () => {
    expect(selectTotalInScope(ds, DEFAULT_FILTERS)).toBe(6);
    expect(selectTotalInScope(ds, { kinds: ['model', 'event'] })).toBe(7);
    expect(selectTotalInScope(ds, { kinds: ['paper'] })).toBe(0);
  });

  it('the timeline gets the papers and events that pass every other filter, unless the Kind filter is set', () => {
    const marked = (f: Partial<Filters>) => selectAnnotationEntries(ds, { ...DEFAULT_FILTERS, ...f }).map((s) => s.id);
    expect(marked({})).toEqual(['event']);
    expect(marked({ organizations: ['Org One'] })).toEqual(['event']);
    expect(marked({ organizations: ['Org Two'] })).toEqual([]);
    expect(marked({ query: 'nothing-like-this' })).toEqual([]);
    // With Kind set, they are in view only if it names them, and then in the filtered set itself.
    expect(marked({ kinds: ['model'] })).toEqual([]);
    expect(marked({ kinds: ['event'] })).toEqual([]);
    expect(selectTimelineEntries(ds, DEFAULT_FILTERS).map((s) => s.id)).toEqual([...ids({}), 'event']);
    expect(selectTimelineEntries(ds, { ...DEFAULT_FILTERS, kinds: ['event'] }).map((s) => s.id)).toEqual(['event']);
  });
});

describe('selectFacetCounts', () => {
  it('with nothing chosen, an option counts what clicking it would leave', () => {
    const counts = selectFacetCounts(ds, DEFAULT_FILTERS, 'organizations');
    // Org One's event is not in view (Kind left empty keeps models and apps/libraries): 2, not 3.
    expect(Object.fromEntries(counts)).toEqual({ 'Org One': 2, 'Org Two': 2, 'Org Three': 2, 'Org Four': 1 });
    for (const [org, n] of counts) expect(ids({ organizations: [org] })).toHaveLength(n);
  });

  it('with one chosen, an unchosen option counts the widened result', () => {
    const f = { ...DEFAULT_FILTERS, organizations: ['Org Four'] };
    const counts = selectFacetCounts(ds, f, 'organizations');
    expect(counts.get('Org Three')).toBe(ids({ organizations: ['Org Four', 'Org Three'] }).length);
    expect(counts.get('Org Four')).toBe(1);
  });

  it('counts respect the other facets', () => {
    const counts = selectFacetCounts(ds, { ...DEFAULT_FILTERS, modalities: ['multimodal'] }, 'organizations');
    expect(counts.get('Org Three')).toBe(2);
    expect(counts.get('Org One') ?? 0).toBe(0);
  });

  it('AND facet: an unchosen option counts the narrowed result', () => {
    const f = { ...DEFAULT_FILTERS, openness: ['weights' as const] };
    const counts = selectFacetCounts(ds, f, 'openness');
    expect(counts.get('code')).toBe(ids({ openness: ['weights', 'code'] }).length);
    expect(counts.get('weights')).toBe(ids({ openness: ['weights'] }).length);
  });

  it('base counts include descendants', () => {
    expect(selectFacetCounts(ds, DEFAULT_FILTERS, 'bases').get('fam')).toBe(4);
  });
});

/**
 * What a count means, from the filter alone: a ticked option (or any, when none is ticked) counts
 * the systems it would match with that option alone; an unticked one counts the result of also
 * ticking it (widened for "any of" facets, narrowed for openness, which is "all of").
 */
function countByDefinition(dataset: Dataset, filters: Filters, facet: ListFacet, value: string): number {
  const wanted = filters[facet] as string[];
  const next = wanted.length === 0 || wanted.includes(value) ? [value] : [...wanted, value];
  return selectFilteredSystems(dataset, { ...filters, [facet]: next }).length;
}

describe('selectFacetCounts on random filters', () => {
  const synthetic = parseDataset(syntheticDataset(400, 11));
  if (!synthetic.ok) throw new Error('synthetic dataset invalid');
  const datasets: [string, Dataset][] = [
    ['bundled', bundledDataset()],
    ['synthetic 400', synthetic.dataset],
  ];
  for (const [name, dataset] of datasets) {
    it(`equals what ticking each option would leave (${name})`, () => {
      const choices: Record<ListFacet, string[]> = {
        organizations: [
          ...selectOrganizations(dataset)
            .slice(0, 12)
            .map((o) => o.id),
          'No Such Org',
        ],
        bases: selectBaseOptions(dataset)
          .slice(0, 12)
          .map((b) => b.id),
        modalities: [...MODALITY_CATEGORIES],
        openness: [...OPENNESS_FACETS],
        kinds: [...SYSTEM_KINDS],
      };
      const months = selectReleaseMonths(dataset);
      const filters = fc.record({
        organizations: fc.subarray(choices.organizations, { maxLength: 3 }),
        bases: fc.subarray(choices.bases, { maxLength: 2 }),
        modalities: fc.subarray(choices.modalities, { maxLength: 2 }),
        openness: fc.subarray(choices.openness, { maxLength: 2 }),
        kinds: fc.subarray(choices.kinds, { maxLength: 2 }),
        dateFrom: fc.option(fc.constantFrom(...months), { nil: null }),
        dateTo: fc.option(fc.constantFrom(...months), { nil: null }),
        query: fc.constantFrom('', 'a', 'llama', 'synth 1'),
      }) as fc.Arbitrary<Filters>;
      fc.assert(
        fc.property(filters, (f) => {
          for (const facet of LIST_FACETS) {
            const counts = selectFacetCounts(dataset, f, facet);
            // Every option the filter bar lists has its count (a value not in the data only if ticked).
            for (const value of choices[facet]) {
              if (value === 'No Such Org' && !f.organizations.includes(value)) continue;
              expect(counts.get(value), `${facet}=${value}`).toBe(countByDefinition(dataset, f, facet, value));
            }
            // Every ticked option has a count, even one no system has.
            for (const value of f[facet] as string[]) expect(counts.has(value)).toBe(true);
          }
        }),
        { numRuns: 60 },
      );
    });
  }
});

describe('lists for the filter bar', () => {
  it('organizations alphabetically (all top level here), release months ascending without undated', () => {
    expect(selectOrganizations(ds)).toEqual(['Org Four', 'Org One', 'Org Three', 'Org Two'].map((id) => ({ id, depth: 0 })));
    expect(selectReleaseMonths(ds)).toEqual(['2021-01', '2022-11', '2023-02', '2023-03', '2023-04']);
  });
});

describe('organizations roll up (bundled data)', () => {
  const bundled = bundledDataset();
  const idsFor = (organizations: string[]) =>
    selectFilteredSystems(bundled, { ...DEFAULT_FILTERS, organizations })
      .map((s) => s.id)
      .sort();

  it('ticking Meta shows FAIR’s LLaMA and Meta AI’s OPT and SAM — only Meta’s models; its paper and event with Kind', () => {
    expect(idsFor(['meta'])).toEqual(['llama-13b', 'llama-33b', 'llama-65b', 'llama-7b', 'opt-175b', 'sam']);
    const withPapers = selectFilteredSystems(bundled, { ...DEFAULT_FILTERS, organizations: ['meta'], kinds: ['paper', 'event'] });
    expect(withPapers.map((s) => s.id).sort()).toEqual(['pytorch-2', 'sustainable-ai']);
  });

  it('Stanford includes Stanford CRFM’s Alpaca; UC Berkeley includes BAIR’s Koala', () => {
    expect(idsFor(['stanford'])).toEqual(['alpaca', 'vicuna-13b', 'vicuna-7b']);
    expect(idsFor(['uc-berkeley'])).toEqual(['koala', 'vicuna-13b', 'vicuna-7b']);
  });

  it('a child alone is only its own work; the parent’s count covers its children', () => {
    expect(idsFor(['fair'])).toEqual(['llama-13b', 'llama-33b', 'llama-65b', 'llama-7b']);
    const counts = selectFacetCounts(bundled, DEFAULT_FILTERS, 'organizations');
    expect(counts.get('meta')).toBe(6);
    expect(counts.get('meta-ai')).toBe(6);
    expect(counts.get('fair')).toBe(4);
  });

  it('lists the organizations as a tree: Meta, then Meta AI under it, then FAIR under that', () => {
    const tree = selectOrganizations(bundled);
    const at = (id: string) => tree.findIndex((o) => o.id === id);
    expect(tree[at('meta')].depth).toBe(0);
    expect(tree[at('meta') + 1]).toEqual({ id: 'meta-ai', depth: 1 });
    expect(tree[at('meta') + 2]).toEqual({ id: 'fair', depth: 2 });
    expect(tree.filter((o) => o.depth === 0).map((o) => o.id)).not.toContain('fair');
  });

  it('the search box finds a system by its organization’s other names', () => {
    const found = selectFilteredSystems(bundled, { ...DEFAULT_FILTERS, query: 'Facebook AI Research' }).map((s) => s.id);
    expect(found).toEqual(expect.arrayContaining(['llama-7b', 'llama-65b']));
  });
});
