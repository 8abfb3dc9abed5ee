import type { Dataset } from '../../data/schema';

// Placeholder while the view is being built (replaced in the charts work of this issue).
export function LineageTree(_props: { dataset: Dataset }) {
  return null;
}
