/** data/dataset.json as scripts/checked-dataset.ts serves it: `checked` when the validator accepted it. */
declare module 'virtual:checked-dataset' {
  export const checked: true | undefined;
  const dataset: unknown;
  export default dataset;
}
