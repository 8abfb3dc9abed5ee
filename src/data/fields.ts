/** The comparable fields of a system, in their default column order. */
export const FIELD_IDS = [
  'name',
  'organization',
  'release',
  'base',
  'parameters',
  'modality',
  'trainingData',
  'trainingCost',
  'gpuHours',
  'flop',
  'co2',
  'weights',
  'trainingCode',
  'datasetAccess',
  'licence',
  'evaluation',
  'sources',
] as const;
export type FieldId = (typeof FIELD_IDS)[number];

export function isFieldId(v: string): v is FieldId {
  return (FIELD_IDS as readonly string[]).includes(v);
}

/**
 * The explorer's column order (screen, its figure and CSV, the column picker): the numbers first
 * after who and when, so parameters, compute, cost, GPU-hours and CO₂ are in the first screen
 * width; the long text columns last.
 */
export const EXPLORER_COLUMNS: readonly FieldId[] = [
  'name',
  'organization',
  'release',
  'parameters',
  'flop',
  'trainingCost',
  'gpuHours',
  'co2',
  'base',
  'modality',
  'weights',
  'trainingCode',
  'datasetAccess',
  'licence',
  'trainingData',
  'evaluation',
  'sources',
];

/** Shown unless the user picks otherwise; long free-text fields start hidden. */
export const DEFAULT_VISIBLE_FIELDS: readonly FieldId[] = FIELD_IDS.filter((f) => f !== 'trainingData' && f !== 'evaluation');

export interface SortSpec {
  id: FieldId;
  desc: boolean;
}
export const DEFAULT_SORTING: readonly SortSpec[] = [{ id: 'release', desc: false }];
export const MAX_SORT_KEYS = 4;
export const MAX_COMPARE = 4;
