import type { Source } from '../data/schema';
import { cached } from '../lib/cache';

const numbersCache = new WeakMap<ReadonlyMap<string, Source>, Map<string, number>>();

/**
 * A source's number in print: its 1-based position in the dataset's source list. Every view builds
 * its `sourcesById` from `dataset.sources` in order, so this equals the numbering of the printed
 * source list (`selectCitedSources`): on paper a marker reads [12] and entry 12 gives title and URL.
 * On screen the markers keep their short local [1] [2].
 */
export function sourceNumber(sourcesById: ReadonlyMap<string, Source>, id: string): number | undefined {
  return cached(numbersCache, sourcesById, numberSources).get(id);
}

function numberSources(sourcesById: ReadonlyMap<string, Source>): Map<string, number> {
  return new Map([...sourcesById.keys()].map((key, i) => [key, i + 1]));
}
