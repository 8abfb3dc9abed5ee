import type { SystemKind } from '../data/schema';
import { SYSTEM_KINDS, type ModalityCategory, type OpennessFacet } from '../store/filters-model';
import type { KindCounts } from '../selectors/kind-counts';
import type { Translator } from './use-t';

/* Labels of enumerated values, shared by the filter bar, chips and later the tables. */

export function modalityLabel(t: Translator['t'], m: ModalityCategory): string {
  switch (m) {
    case 'text':
      return t('modality.text', 'Text');
    case 'code':
      return t('modality.code', 'Code');
    case 'vision':
      return t('modality.vision', 'Vision');
    case 'multimodal':
      return t('modality.multimodal', 'Multimodal');
  }
}

export function kindLabel(t: Translator['t'], k: SystemKind): string {
  switch (k) {
    case 'model':
      return t('kind.model', 'Model');
    case 'library-app':
      return t('kind.library-app', 'Library / app');
    case 'paper':
      return t('kind.paper', 'Paper');
    case 'event':
      return t('kind.event', 'Event');
  }
}

/** "26 models · 2 apps/libraries · 1 event": each kind present, in the Kind filter's order. */
export function kindCountsText(tn: Translator['tn'], counts: KindCounts): string {
  const parts = SYSTEM_KINDS.filter((k) => counts[k] > 0).map((k) => kindCount(tn, k, counts[k]));
  return parts.length > 0 ? parts.join(' · ') : kindCount(tn, 'model', 0);
}

function kindCount(tn: Translator['tn'], k: SystemKind, n: number): string {
  switch (k) {
    case 'model':
      return tn('count.models', n, '{count} model', '{count} models');
    case 'library-app':
      return tn('count.library-app', n, '{count} app/library', '{count} apps/libraries');
    case 'paper':
      return tn('count.papers', n, '{count} paper', '{count} papers');
    case 'event':
      return tn('count.events', n, '{count} event', '{count} events');
  }
}

export function opennessLabel(t: Translator['t'], o: OpennessFacet): string {
  switch (o) {
    case 'weights':
      return t('openness.weights', 'Weights public');
    case 'code':
      return t('openness.code', 'Training code public');
    case 'data':
      return t('openness.data', 'Dataset public');
  }
}
