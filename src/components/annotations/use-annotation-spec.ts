import { useMemo } from 'react';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import type { AnnotationPanel } from '../../store/annotations-model';
import { resolveAnnotations } from '../figure/figure-annotations';
import type { AnnotationAnchorChoice, AnnotationsSpec } from './annotation-key';

/**
 * A screen panel's annotations, resolved against what it draws: `anchors` are the systems a
 * callout may name, in order (each is drawn once named: the bar charts keep a callout's model past
 * their cap), `domain` the axis's extent, `formatValue` its tick format (stable: a module function
 * or a memoised one).
 */
export function useAnnotationSpec(
  panel: AnnotationPanel,
  anchors: readonly AnnotationAnchorChoice[],
  domain: readonly [number, number] | undefined,
  formatValue?: (v: number) => string,
): AnnotationsSpec {
  const { t, tn, locale } = useT();
  const annotations = useAppStore((s) => s.annotations);
  const [d0, d1] = domain ?? [NaN, NaN];
  return useMemo(() => {
    const names = new Map(anchors.map((a) => [a.id, a.name]));
    return {
      panel,
      anchors,
      resolved: resolveAnnotations(
        annotations,
        panel,
        { drawnName: (id) => names.get(id), formatValue, domain: Number.isNaN(d0) ? undefined : [d0, d1] },
        { t, tn, locale },
      ),
    };
  }, [annotations, panel, anchors, d0, d1, formatValue, t, tn, locale]);
}
