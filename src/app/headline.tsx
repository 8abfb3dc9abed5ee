import { useMemo, useRef } from 'react';
import type { Dataset } from '../data/schema';
import { renderFigureSvg } from '../components/figure/render-svg';
import type { FigureModel } from '../components/figure/figure-model';
import { useFigureTheme } from '../components/figure/figure-box';
import type { FigureTheme } from '../components/figure/svg-kit';
import { buildGpuHoursFigure, type GpuHoursFigureInput } from '../features/gpu-hours-chart/gpu-hours-figure';
import { formatEventDate } from '../i18n/format';
import { useT, type Translator } from '../i18n/use-t';
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
function boxHeight(width: number, viewportHeight: number): number {
  if (width < 560) return 540;
  return Math.round(Math.max(320, Math.min(440, viewportHeight * 0.46)));
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

/** What the headline draws with: everything but the box. */
interface HeadlineInputs {
  dataset: Dataset;
  scale: GpuHoursFigureInput['scale'];
  theme: FigureTheme;
  translator: Translator;
  /** The page's address, printed as the figure's permalink ('' in the build's copy: the site's address is not known there). */
  link: string;
}

/** The headline chart as inline SVG markup for a box `width` wide (its height follows: boxHeight). */
export function headlineSvg({ dataset, scale, theme, translator, link }: HeadlineInputs, width: number, viewportHeight: number): string {
  // Every system, before any filter (the filters come under it).
  const model = buildGpuHoursFigure({ dataset, filters: DEFAULT_FILTERS, scale, selectedId: null, link, translator });
  const baseFont = width < 480 ? 12 : 14;
  const svg = renderFigureSvg(
    headlineModel(model, model.claim),
    { id: 'screen', width, height: boxHeight(width, viewportHeight), scale: 1, baseFont },
    { theme, minFont: 11 },
  ).svg;
  // The XML declaration is for a file; inline in HTML it would be a stray node.
  return svg.replace(/^<\?xml[^>]*\?>\s*/, '');
}

/**
 * The boxes the build draws the headline for (app/prerender.tsx), before any script runs: a
 * laptop's column (1280 px window or wider: the page's 1280 px column less its padding and the
 * box's border) and a phone's (375 px window), each in both themes. The stylesheet shows the one
 * that fits the window and theme (app.css, `.headline-variant`), scaled to the box, until the app
 * draws the headline for the box it measures.
 */
export const PRERENDERED_BOXES = [
  { id: 'wide', width: 1246, viewportHeight: 900 },
  { id: 'phone', width: 353, viewportHeight: 812 },
] as const;

function prerenderedMarkup(inputs: Omit<HeadlineInputs, 'theme'>): string {
  return PRERENDERED_BOXES.flatMap((box) =>
    (['light', 'dark'] as const).map(
      (theme) =>
        `<div class="headline-variant headline-${box.id} headline-${theme}">${headlineSvg({ ...inputs, theme }, box.width, box.viewportHeight)}</div>`,
    ),
  ).join('');
}

/**
 * The first screen's chart. In the page it is drawn for the box it measures; rendered on the
 * server (`prerendered`: the build's copy of the first screen, app/prerender.tsx) it is drawn for
 * each of PRERENDERED_BOXES, since no box can be measured there.
 */
export function Headline({ dataset, prerendered = false }: { dataset: Dataset; prerendered?: boolean }) {
  const { t, tn, locale } = useT();
  const scale = useAppStore((s) => s.viewSettings.gpuHoursScale);
  const theme = useFigureTheme();
  const ref = useRef<HTMLDivElement>(null);
  const { width, measured } = useMeasuredWidth(ref, 720);
  const talk = dataset.meta.talk;

  const markup = useMemo(() => {
    const translator = { t, tn, locale };
    if (prerendered) return prerenderedMarkup({ dataset, scale, translator, link: '' });
    if (!measured) return null;
    // Built once per dataset, language, size and theme.
    return headlineSvg(
      { dataset, scale, theme, translator, link: pageBase() },
      width,
      typeof window === 'undefined' ? 900 : window.innerHeight,
    );
  }, [prerendered, measured, dataset, scale, theme, width, t, tn, locale]);

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
        data-prerendered={prerendered ? '' : undefined}
        role="img"
        aria-label={t('headline.figure-label', 'Chart: GPU-hours of each training run, from the GPU-hours panel below')}
        // The SVG is our own renderer's output: text escaped, presentation attributes only, no script.
        dangerouslySetInnerHTML={markup ? { __html: markup } : undefined}
      />
    </section>
  );
}
