import { useMemo, useRef } from 'react';
import type { Dataset } from '../data/schema';
import { renderFigureSvg } from '../components/figure/render-svg';
import type { FigureModel } from '../components/figure/figure-model';
import { useFigureTheme } from '../components/figure/figure-box';
import { buildGpuHoursFigure } from '../features/gpu-hours-chart/gpu-hours-figure';
import { formatEventDate } from '../i18n/format';
import { useT } from '../i18n/use-t';
import { useMeasuredWidth } from '../lib/use-element-width';
import { useAppStore } from '../store';
import { DEFAULT_FILTERS } from '../store/filters-model';
import { pageBase } from '../store/url-sync';

/*
 * The first screen: one line on what this is (the 2023 talk it checks), and the field's
 * point as a chart whose title states it — the GPU-hours of pre-training against fine-tuning,
 * drawn by the figure renderer for a box of its own (the same drawing the GPU-hours panel
 * exports), so a reader sees a chart before any control. Its bars lead to the full panel.
 */

/**
 * The headline's height: a chart's worth of a wide first screen, leaving the panels' start in
 * view; on a phone, whose title wraps to several lines, a taller box than its width (a short one
 * would leave room for one bar). Rows that do not fit say "and N more".
 */
function boxHeight(width: number): number {
  if (width < 560) return 540;
  const h = typeof window === 'undefined' ? 900 : window.innerHeight;
  return Math.round(Math.max(320, Math.min(440, h * 0.46)));
}

/** GPU colours the headline's legend names before it keeps only the reported/estimate key (each bar's label names its GPU). */
const MAX_COLOURS = 8;

/**
 * The GPU-hours figure with its point as its title. Its notes stay with the full panel (linked
 * under it): the legend says what is reported and what estimated.
 */
export function headlineModel(model: FigureModel, claim: string | null): FigureModel {
  const colours = model.legend.filter((e) => e.swatch.kind === 'color').length;
  const legend = colours > MAX_COLOURS ? model.legend.filter((e) => e.swatch.kind !== 'color') : model.legend;
  return { ...model, title: claim ?? model.title, notes: [], legend };
}

export function Headline({ dataset }: { dataset: Dataset }) {
  const { t, tn, locale } = useT();
  const scale = useAppStore((s) => s.viewSettings.gpuHoursScale);
  const theme = useFigureTheme();
  const ref = useRef<HTMLDivElement>(null);
  const { width, measured } = useMeasuredWidth(ref, 720);
  const talk = dataset.meta.talk;

  const markup = useMemo(() => {
    if (!measured) return null;
    const translator = { t, tn, locale };
    // Every system, before any filter (the filters come under it): built once per dataset, language, size and theme.
    const model = buildGpuHoursFigure({ dataset, filters: DEFAULT_FILTERS, scale, selectedId: null, link: pageBase(), translator });
    const baseFont = width < 480 ? 12 : 14;
    const svg = renderFigureSvg(
      headlineModel(model, model.claim),
      { id: 'screen', width, height: boxHeight(width), scale: 1, baseFont },
      { theme, minFont: 11 },
    ).svg;
    // The XML declaration is for a file; inline in HTML it would be a stray node.
    return svg.replace(/^<\?xml[^>]*\?>\s*/, '');
  }, [measured, dataset, scale, theme, width, t, tn, locale]);

  return (
    <section className="headline" aria-labelledby="headline-intro" data-testid="headline">
      <p id="headline-intro" className="headline-intro">
        {t(
          'headline.intro',
          'The 2020–2023 wave of language and multimodal models as the talk “{talkTitle}” ({author}, {date}) presents it, every figure checked against its source.',
          { talkTitle: talk.title, author: talk.author, date: formatEventDate({ date: talk.date, precision: 'day' }, locale) },
        )}{' '}
        <a href="#gpu-hours">{t('headline.more', 'The chart in full, with its data ↓')}</a>
      </p>
      <div
        ref={ref}
        className="headline-figure"
        data-testid="headline-figure"
        role="img"
        aria-label={t('headline.figure-label', 'Chart: GPU-hours of each training run, from the GPU-hours panel below')}
        // The SVG is our own renderer's output: text escaped, presentation attributes only, no script.
        dangerouslySetInnerHTML={markup ? { __html: markup } : undefined}
      />
    </section>
  );
}
