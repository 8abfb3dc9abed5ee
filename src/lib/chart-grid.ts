/**
 * For `<CartesianGrid horizontal={false} horizontalCoordinatesGenerator={noGridLines} />`: recharts
 * computes the horizontal lines' positions even when they are not drawn, measuring every category
 * label of the y-axis in the DOM, at start and again on each filter click.
 */
export const noGridLines = (): number[] => [];
