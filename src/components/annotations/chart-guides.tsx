import { usePlotArea, useXAxisScale } from 'recharts';
import type { PlotGuide } from '../figure/figure-annotations';
import { GuideMarks } from './guide-marks';

/**
 * The annotations' guides inside a recharts chart with a numeric x axis: bands and lines over the
 * plot area and their badges in the GUIDE_STRIP px the chart leaves above it (its top margin).
 */
export function ChartGuides({ guides, layer }: { guides: readonly PlotGuide[]; layer: 'behind' | 'badges' }) {
  const scale = useXAxisScale();
  const plot = usePlotArea();
  if (!scale || !plot || guides.length === 0) return null;
  const x = (v: number) => Math.max(plot.x, Math.min(plot.x + plot.width, scale(v) ?? plot.x));
  return (
    <GuideMarks
      guides={guides}
      x={x}
      left={plot.x}
      right={plot.x + plot.width}
      plotTop={plot.y}
      plotBottom={plot.y + plot.height}
      layer={layer}
    />
  );
}
