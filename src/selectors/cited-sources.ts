import type { Dataset, Source } from '../data/schema';
import type { Filters } from '../store/filters-model';
import { selectFilteredSystems } from './filtered-systems';
import { collectSourceIds } from './system-fields';

export interface NumberedSource {
  /** The source's position in the dataset's list, 1-based: the number a printed [n] marker shows. */
  number: number;
  source: Source;
}

/**
 * The sources a printout of the page cites: those of the systems in the filtered set and of the
 * figures every view shows whatever the filters (reference figures, the talk's tables). Numbered
 * by dataset position, the same number `sourceNumber` gives each [n] marker, so the numbers stay
 * the same whatever is filtered.
 */
export function selectCitedSources(dataset: Dataset, filters: Filters): NumberedSource[] {
  const cited = collectSourceIds([selectFilteredSystems(dataset, filters), dataset.reference, dataset.seedTables, dataset.families]);
  return dataset.sources.flatMap((source, i) => (cited.has(source.id) ? [{ number: i + 1, source }] : []));
}
