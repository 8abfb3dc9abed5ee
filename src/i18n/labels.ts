import type { SystemKind } from '../data/schema';
import type { ModalityCategory, OpennessFacet } from '../store/filters-model';
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
