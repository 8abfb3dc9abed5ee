import type { DatedEvent } from '../../data/schema';
import { assignColors } from '../../components/chart-frame/palette';
import type { Locale } from '../../i18n/format';
import type { Translator } from '../../i18n/use-t';
import type { TimeTickUnit } from '../../lib/time-ticks';
import { KIND_LANES, type BaseRelation, type KindLane, type TimelineItem, type TimelineLane } from '../../selectors/timeline-series';

/** Colours follow the kind lanes in both lane modes, so organization lanes still show what each item is. */
export const KIND_COLORS = assignColors(KIND_LANES);

/** Link style per relation (also the lineage view's convention): fine-tune solid, component dashed, wrapper dotted. */
export const RELATION_DASH: Record<BaseRelation, string | undefined> = {
  'fine-tuned-from': undefined,
  component: '6 3',
  wraps: '1.5 3',
  'successor-of': '9 3 2 3',
};

/** Every string the plot, legend and table need, built once per language. */
export interface TimelineText {
  locale: Locale;
  tr: Translator['t'];
  date: (d: DatedEvent) => string;
  precision: (p: 'day' | 'month') => string;
  relation: (r: BaseRelation) => string;
  laneLabel: (lane: TimelineLane) => string;
  kindLabel: (k: KindLane) => string;
  releaseLabel: (item: TimelineItem) => string;
  talkLabel: (item: TimelineItem) => string;
  /** An axis tick ("2019" / "2019年", "Mar 2023" / "2023年3月", "Mar 5" / "3月5日"). */
  tickLabel: (ms: number, unit: TimeTickUnit) => string;
  builtOn: (item: TimelineItem) => string;
  /** Tooltip and accessible name of a release marker. */
  markDescription: (item: TimelineItem) => string;
  /** Tooltip of the talk's-date ghost marker. */
  talkDescription: (item: TimelineItem) => string;
}
