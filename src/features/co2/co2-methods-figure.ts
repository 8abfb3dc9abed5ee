import type { Dataset } from '../../data/schema';
import type { CitedNumber } from '../../data/co2-methods-schema';
import { CATEGORY_COLORS } from '../../components/chart-frame/palette';
import { countNote, figureFooter, leftOutNotes, moreNotesTemplate, moreRowsTemplate } from '../../components/figure/figure-chrome';
import type { BarMark, BarPlot, FigureModel, FigureNote, LegendEntry } from '../../components/figure/figure-model';
import { formatDecimal, formatFixed, formatInteger, formatPercent, formatSignificant, type Locale } from '../../i18n/format';
import type { Translator } from '../../i18n/use-t';
import {
  buildMethodSeries,
  choiceSourceIds,
  CO2_METHODS,
  idleRatio,
  methodBibtex,
  methodOfSources,
  reproduce,
  type Development,
  type Grid,
  type LeftOutForMethod,
  type Method,
  type MethodChoice,
  type MethodSeries,
} from '../../selectors/co2-methods';
import { describeFilters } from '../../selectors/filter-summary';
import { selectFilteredSystems } from '../../selectors/filtered-systems';
import { MAX_BARS, topByValue } from '../../selectors/mark-cap';
import { valueAxis } from '../../selectors/run-rows';
import type { Filters } from '../../store/filters-model';
import { shortSourceTitle } from './co2-format';

/*
 * "Every model under one method": each run's published CO₂ figure (solid, hatched where an
 * estimate) beside the same run recomputed under the chosen method, grid and development factor
 * (outlined), the runs the method cannot recompute listed with the reason, and the method stated
 * in a note and in the citation. The screen draws the same rows (co2-methods.tsx).
 */

type T = Pick<Translator, 't' | 'tn' | 'locale'>;

/** Published figures: the palette's blue; recomputed: its vermilion, outlined. */
export const PUBLISHED_COLOR = CATEGORY_COLORS[0];
export const RECOMPUTED_COLOR = CATEGORY_COLORS[3];

export function methodName(method: Method, locale: Locale): string {
  return locale === 'zh-CN' ? method.nameZh : method.name;
}

export function developmentName(d: Development, locale: Locale): string {
  return locale === 'zh-CN' ? d.nameZh : d.name;
}

export function gridName(grid: Grid, locale: Locale): string {
  const region = locale === 'zh-CN' ? grid.regionZh : grid.region;
  return grid.year ? `${region} ${grid.year}` : region;
}

export function tonnes(t: number, locale: Locale): string {
  return formatSignificant(t, locale, 3);
}

/** What a method counts, in words. */
export function methodScope(method: Method, t: Translator['t']): string {
  switch (method.id) {
    case 'patterson':
      return t(
        'co2m.scope-patterson',
        'Dynamic energy only, at the measured average power of the accelerator’s system (memory, network, fans and host included), × PUE.',
      );
    case 'llama':
      return t('co2m.scope-llama', 'Dynamic energy only, at the accelerator’s thermal design power (TDP), × PUE.');
    case 'bloom-lca':
      return t(
        'co2m.scope-bloom-lca',
        'Dynamic energy at TDP without PUE, plus idle and infrastructure energy and the manufacturing (embodied) emissions of the GPUs and servers for the hours used. Idle energy is BLOOM’s measured ratio to dynamic energy, applied to every run: for runs other than BLOOM that is this dashboard’s assumption, not the study’s.',
      );
  }
}

export function leftOutReason(why: LeftOutForMethod, t: Translator['t']): string {
  switch (why.reason) {
    case 'no-gpu-hours':
      return t('co2m.left-no-hours', 'no accelerator-hours in the data');
    case 'unknown-accelerator':
      // The importer's word for an empty hardware cell.
      if (why.hardware === 'not stated in the file') return t('co2m.left-no-hardware', 'no hardware stated');
      return t('co2m.left-accelerator', 'its hardware (“{hardware}”) names no accelerator with sourced figures', {
        hardware: why.hardware,
      });
    case 'no-measured-power':
      return t('co2m.left-measured', 'no measured power is published for the {accelerator}', { accelerator: why.accelerator });
    case 'no-tdp':
      return t('co2m.left-tdp', 'no sourced TDP for the {accelerator}', { accelerator: why.accelerator });
    case 'no-embodied':
      return t('co2m.left-embodied', 'no sourced manufacturing emissions for the {accelerator}', { accelerator: why.accelerator });
  }
}

function sourceShort(id: string): string {
  return CO2_METHODS.sources.find((s) => s.id === id)?.short ?? id;
}

/** "0.385 kg CO₂e/kWh (US; Touvron et al. 2023 (LLaMA), §6…)". */
function citedText(c: CitedNumber, value: string, t: Translator['t']): string {
  return t('co2m.cited', '{figure} ({source}, {where}{unverified})', {
    figure: value,
    source: sourceShort(c.source),
    where: c.where,
    unverified: c.verified ? '' : t('co2m.unverified-mark', '; seen only as quoted'),
  });
}

/** The paste-ready paragraph: the method, its inputs and where each comes from. */
export function methodsParagraph(series: Pick<MethodSeries, 'method' | 'grid' | 'development' | 'rows'>, tr: T): string {
  const { t, locale } = tr;
  const { method, grid, development } = series;
  const accelerators = [...new Map(series.rows.map((r) => [r.accelerator.id, r.accelerator])).values()];
  const power = accelerators
    .map((a) => {
      const p = method.power === 'measured' ? a.measuredW : a.tdpW;
      return p ? `${a.name}: ${citedText(p, `${formatInteger(p.value, locale)} W`, t)}` : '';
    })
    .filter(Boolean)
    .join('; ');
  const parts = [
    t('co2m.text-method', 'CO₂ of training recomputed with the method of {paper}. {scope}', {
      paper: sourceShort(method.source) + (method.alsoSources.length ? ` / ${method.alsoSources.map(sourceShort).join(', ')}` : ''),
      scope: methodScope(method, t),
    }),
    method.idle || method.embodied
      ? t(
          'co2m.text-formula-lca',
          'Energy (kWh) = accelerator-hours × power (W) ÷ 1,000, plus idle and infrastructure energy; CO₂ (t) = energy × grid intensity (kg CO₂e/kWh) ÷ 1,000, plus manufacturing emissions for the hours used.',
        )
      : t(
          'co2m.text-formula',
          'Energy (kWh) = accelerator-hours × power (W) × PUE ÷ 1,000; CO₂ (t) = energy × grid intensity (kg CO₂e/kWh) ÷ 1,000.',
        ),
    method.pue
      ? t('co2m.text-pue', 'PUE {pue}.', { pue: citedText(method.pue, formatDecimal(method.pue.value, locale, 2), t) })
      : t('co2m.text-no-pue', 'No PUE: idle and infrastructure energy is counted on its own.'),
    t('co2m.text-grid', 'Grid: {grid}.', {
      grid: citedText(grid.kgPerKwh, `${formatDecimal(grid.kgPerKwh.value, locale, 3)} kg CO₂e/kWh, ${gridName(grid, locale)}`, t),
    }),
    power
      ? t('co2m.text-power', 'Power per accelerator ({basis}): {list}.', {
          basis: method.power === 'measured' ? t('co2m.basis-measured', 'measured average') : t('co2m.basis-tdp', 'TDP'),
          list: power,
        })
      : '',
  ];
  if (method.idle && method.embodied) {
    const e = method.embodied;
    const gpuKg = series.rows.find((r) => r.accelerator.embodiedKg)?.accelerator.embodiedKg;
    parts.push(
      t(
        'co2m.text-lca',
        'Idle and infrastructure energy: {ratio} of dynamic energy ({idle} kWh ÷ {dynamic} kWh for BLOOM). Manufacturing: {gpuKg} kg CO₂e per GPU and {serverKg} kg per server of {perServer} GPUs, spread over {life} years at {use} use.',
        {
          ratio: formatPercent(idleRatio(method), locale),
          idle: formatInteger(method.idle.idleKwh.value, locale),
          dynamic: formatInteger(method.idle.dynamicKwh.value, locale),
          gpuKg: gpuKg ? formatInteger(gpuKg.value, locale) : '—',
          serverKg: formatInteger(e.serverKg.value, locale),
          perServer: formatInteger(e.gpusPerServer.value, locale),
          life: formatInteger(e.lifetimeYears.value, locale),
          use: formatPercent(e.utilisation.value, locale),
        },
      ) +
        ' ' +
        t('co2m.text-lca-source', '({source}; figures from the paper’s body as others quote them.)', {
          source: sourceShort(method.source),
        }),
    );
  }
  parts.push(
    development
      ? t('co2m.text-dev', 'Development runs counted as ×{factor} the final run ({factorName}: {source}, {where}; {derivation}).', {
          factor: formatDecimal(development.factor, locale, 2),
          factorName: developmentName(development, locale),
          source: sourceShort(development.source),
          where: development.where,
          derivation: development.derivation,
        })
      : t('co2m.text-no-dev', 'The final training run only; development runs are not counted.'),
    t('co2m.text-hours', 'Accelerator-hours and hardware are the dataset’s, each with its own source.'),
  );
  return parts.filter(Boolean).join(' ');
}

/** The paragraph and BibTeX of the papers it rests on: what "Copy methods text" and a citation carry. */
export function methodsReferences(series: MethodSeries, tr: T): { text: string; bibtex: string } {
  return { text: methodsParagraph(series, tr), bibtex: methodBibtex(choiceSourceIds(series)) };
}

/**
 * Which method each published figure in view was made with, grouped: "GPT-3: Patterson et al. 2021
 * (…); LLaMA-7B, …: LLaMA 2023 / Wu et al. 2022 (…); SAM: its developers’ own estimate." Null with
 * nothing to say.
 */
export function publishedMethodsNote(
  runs: readonly { name: string; sources: readonly string[] }[],
  tr: Pick<T, 't' | 'locale'>,
): string | null {
  const { t, locale } = tr;
  if (runs.length === 0) return null;
  const groups = new Map<string, { method?: Method; names: string[] }>();
  for (const r of runs) {
    const method = methodOfSources(r.sources);
    const key = method?.id ?? '';
    const g = groups.get(key) ?? { method, names: [] };
    g.names.push(r.name);
    groups.set(key, g);
  }
  const parts = [...groups.values()].map((g) =>
    g.method
      ? t('co2m.published-by-method', '{names}: {method} ({scope})', {
          names: g.names.join(', '),
          method: methodName(g.method, locale),
          scope: methodScope(g.method, t),
        })
      : t('co2m.published-own', '{names}: the developers’ own estimate', { names: g.names.join(', ') }),
  );
  return t('co2m.published-methods', 'Each published figure keeps its authors’ method. {list}', { list: parts.join('; ') });
}

/** The published figures' methods as a paragraph, with BibTeX of the methods' papers: the CO₂ chart's citation carries them. */
export function publishedMethodsReferences(
  runs: readonly { name: string; sources: readonly string[] }[],
  tr: T,
): { text: string; bibtex: string } | undefined {
  const text = publishedMethodsNote(runs, tr);
  if (!text) return undefined;
  const ids = [
    ...new Set(
      runs.flatMap((r) => {
        const m = methodOfSources(r.sources);
        return m ? [m.source, ...m.alsoSources] : [];
      }),
    ),
  ];
  return { text, bibtex: methodBibtex(ids) };
}

/**
 * What the rows assume and where a run's own inputs differ: a bare "V100" taken as the SXM2 part;
 * GPT-3 under Patterson's method with the V100's average 325 W against its own 330 W.
 */
export function methodCaveats(series: MethodSeries, tr: Pick<T, 't' | 'locale'>): string[] {
  const { t, locale } = tr;
  const out: string[] = [];
  for (const a of new Set(series.rows.map((r) => r.accelerator)))
    if (a.matchNote) out.push(locale === 'zh-CN' ? (a.matchNoteZh ?? a.matchNote) : a.matchNote);
  for (const r of CO2_METHODS.reproductions) {
    if (r.method !== series.method.id) continue;
    const row = series.rows.find((x) => x.id === r.systemId);
    if (!row) continue;
    out.push(
      t(
        'co2m.note-own-inputs',
        '{model}: {tonnes} t here, with the method’s constants for every run; its authors’ own inputs give {own} t (see “Each published figure, reproduced from its own inputs”).',
        { model: row.name, tonnes: tonnes(row.result.totalT, locale), own: tonnes(reproduce(r).result.runT, locale) },
      ),
    );
  }
  return out;
}

export interface Co2MethodsFigureInput {
  dataset: Dataset;
  filters: Filters;
  selectedId: string | null;
  choice: MethodChoice;
  link: string;
  translator: T;
  /** The series for these filters and choice, when the caller has it already (the screen draws it too). */
  series?: MethodSeries;
}

/** A row's label: the recomputed figure, and the published one with how far apart they are. */
function rowLabel(r: MethodSeries['rows'][number], tr: T): { full: string; short: string } {
  const { t, locale } = tr;
  const recomputed = t('co2m.label-recomputed', '{tonnes} t recomputed', { tonnes: tonnes(r.result.totalT, locale) });
  if (!r.published) return { full: `${recomputed} · ${t('co2m.label-no-published', 'no published figure')}`, short: recomputed };
  const published = t('co2m.label-published', '{tonnes} t published{est}', {
    tonnes: formatDecimal(r.published.value, locale, r.published.value < 10 ? 1 : 0),
    est: r.published.status === 'estimated' ? ` ${t('fact.estimated', 'est.')}` : '',
  });
  // With development runs counted the recomputed bar is no longer one run: no ratio to a one-run figure.
  if (r.result.developmentFactor !== 1) return { full: `${published} · ${recomputed}`, short: `${published} · ${recomputed}` };
  const x = r.result.totalT / r.published.value;
  const ratio = t('co2m.label-ratio', '({ratio}× the published)', { ratio: x < 10 ? formatFixed(x, locale, 2) : formatInteger(x, locale) });
  return { full: `${published} · ${recomputed} ${ratio}`, short: `${published} · ${recomputed}` };
}

export function methodRowMarks(r: MethodSeries['rows'][number]): BarMark[] {
  const marks: BarMark[] = [];
  if (r.published)
    marks.push({
      kind: 'segment',
      from: 0,
      to: r.published.value,
      color: PUBLISHED_COLOR,
      estimated: r.published.status === 'estimated',
      lane: 'upper',
    });
  // Beside a published figure the recomputed one takes the lower half of the row; alone, the whole row.
  marks.push({ kind: 'outline', from: 0, to: r.result.totalT, color: RECOMPUTED_COLOR, lane: r.published ? 'lower' : undefined });
  return marks;
}

export function methodsTable(series: MethodSeries, tr: T) {
  const { t, locale } = tr;
  const num = (n: number) => tonnes(n, locale);
  return {
    columns: [
      t('field.name', 'Name'),
      t('co2m.col-published', 'Published t CO₂e'),
      t('co2m.col-recomputed', 'Recomputed t CO₂e'),
      t('co2m.col-accelerator', 'Accelerator'),
      t('co2m.col-hours', 'Accelerator-hours'),
      t('co2m.col-power', 'Power (W)'),
      t('co2m.col-pue', 'PUE'),
      t('co2m.col-grid', 'Grid (kg CO₂e/kWh)'),
      t('co2m.col-parts', 'Dynamic / idle / manufacturing t'),
      t('co2m.col-dev', 'Development ×'),
    ],
    rows: [
      ...series.rows.map((r) => ({
        id: r.id,
        cells: [
          r.name,
          r.published
            ? `${formatDecimal(r.published.value, locale, r.published.value < 10 ? 1 : 0)}${r.published.status === 'estimated' ? ` ${t('fact.estimated', 'est.')}` : ''}`
            : '—',
          num(r.result.totalT),
          r.accelerator.name,
          formatInteger(r.acceleratorHours, locale),
          formatInteger(r.result.powerW, locale),
          formatDecimal(r.result.pue, locale, 2),
          formatDecimal(r.result.kgPerKwh, locale, 3),
          `${num(r.result.dynamicT)} / ${num(r.result.idleT)} / ${num(r.result.embodiedT)}`,
          formatDecimal(r.result.developmentFactor, locale, 2),
        ],
      })),
      ...series.leftOut.map((l) => ({
        id: l.id,
        cells: [
          l.name,
          l.published !== undefined ? formatDecimal(l.published, locale, l.published < 10 ? 1 : 0) : '—',
          t('co2m.cell-left-out', 'not recomputed: {reason}', { reason: leftOutReason(l.why, t) }),
          '',
          '',
          '',
          '',
          '',
          '',
          '',
        ],
      })),
    ],
  };
}

/** The legend: what solid, hatched and outlined mean here. */
export function methodsLegend(series: MethodSeries, tr: T): LegendEntry[] {
  const { t, locale } = tr;
  const entries: LegendEntry[] = [];
  if (series.rows.some((r) => r.published?.status === 'reported'))
    entries.push({ swatch: { kind: 'color', color: PUBLISHED_COLOR }, label: t('co2m.legend-published', 'published figure') });
  if (series.rows.some((r) => r.published?.status === 'estimated'))
    entries.push({ swatch: { kind: 'estimated' }, label: t('co2m.legend-published-est', 'published figure, an estimate (hatched)') });
  entries.push({
    swatch: { kind: 'outline' },
    label: t('co2m.legend-recomputed', 'outlined: recomputed under {method}, {grid}', {
      method: methodName(series.method, locale),
      grid: gridName(series.grid, locale),
    }),
  });
  return entries;
}

export function methodStatement(series: MethodSeries, tr: T): string {
  const { t, locale } = tr;
  return t('co2m.note-method', 'Method: {method}. {scope} Grid: {grid} ({kg} kg CO₂e/kWh). {dev}', {
    method: methodName(series.method, locale),
    scope: methodScope(series.method, t),
    grid: gridName(series.grid, locale),
    kg: formatDecimal(series.grid.kgPerKwh.value, locale, 3),
    dev: series.development
      ? t('co2m.note-dev', 'Development runs: ×{factor} ({factorName}).', {
          factor: formatDecimal(series.development.factor, locale, 2),
          factorName: developmentName(series.development, locale),
        })
      : t('co2m.note-no-dev', 'Final run only.'),
  });
}

/** What the screen draws of the figure: the plot (the largest runs, the selected one kept) and its legend. */
export function buildMethodsPlot(series: MethodSeries, selectedId: string | null, translator: T) {
  const { t, locale } = translator;
  const drawn = topByValue(
    series.rows,
    MAX_BARS,
    (r) => Math.max(r.result.totalT, r.published?.value ?? 0),
    (r) => r.id,
    [selectedId],
  );
  const values = drawn.rows.flatMap((r) => [r.result.totalT, r.published?.value ?? 0]);
  const axis = valueAxis(values, 'log');
  const plot: BarPlot = {
    kind: 'bars',
    scale: 'log',
    domain: axis.domain,
    ticks: axis.ticks.map((v) => ({ value: v, label: tonnes(v, locale) })),
    sections: [t('co2m.section', 'Training runs, t CO₂e ({runs})', { runs: formatInteger(drawn.rows.length, locale) })],
    rows: drawn.rows.map((r) => ({
      id: r.id,
      name: r.name,
      section: 0,
      marks: methodRowMarks(r),
      label: rowLabel(r, translator),
      essential: r.id === selectedId,
    })),
    empty: t('co2m.empty', 'No model in view has accelerator-hours on an accelerator with sourced figures.'),
    moreRows: moreRowsTemplate(translator),
  };
  return { plot, drawn, legend: drawn.rows.length > 0 ? methodsLegend(series, translator) : [] };
}

export function buildCo2MethodsFigure({
  dataset,
  filters,
  selectedId,
  choice,
  link,
  translator,
  series = buildMethodSeries(selectFilteredSystems(dataset, filters), choice),
}: Co2MethodsFigureInput): FigureModel<BarPlot> {
  const { t, locale } = translator;
  const { plot, drawn, legend } = buildMethodsPlot(series, selectedId, translator);
  const sourceIds = [...new Set(drawn.rows.flatMap((r) => r.published?.sources ?? []))];
  const references = methodsReferences(series, translator);
  const notes: FigureNote[] = [
    { essential: true, text: methodStatement(series, translator) },
    ...methodCaveats(series, translator).map((text) => ({ text })),
    ...(drawn.capped
      ? [
          {
            essential: true,
            text: t('co2m.cap-note', 'Showing the {shown} largest of {total} recomputed runs; the CSV export has all of them.', {
              shown: formatInteger(drawn.rows.length, locale),
              total: formatInteger(drawn.total, locale),
            }),
          },
        ]
      : []),
    countNote(translator, drawn.rows.length, series.total),
    ...leftOutNotes(
      translator,
      series.leftOut.map((l) => ({
        name: l.name,
        reason: t('co2m.left-out-reason', 'not recomputed, {reason}', { reason: leftOutReason(l.why, t) }),
      })),
    ),
  ];
  return {
    id: 'co2-methods',
    lang: locale,
    title: t('co2m.title', 'CO₂ under one method: published beside recomputed'),
    subtitle: describeFilters(filters, dataset, t, locale),
    description: t(
      'co2m.description',
      'Tonnes of CO₂e per training run on a log axis: each run’s published figure (made with its authors’ own method) and the same run recomputed under {method}.',
      { method: methodName(series.method, locale) },
    ),
    plot,
    legend,
    notes,
    sourceNote: t('figure.sources', 'Sources: {names}.', {
      names: [
        ...new Set([
          ...choiceSourceIds(series).map(sourceShort),
          ...sourceIds.map((id) =>
            shortSourceTitle(
              dataset.sources.find((s) => s.id === id),
              id,
            ),
          ),
        ]),
      ].join('; '),
    }),
    moreNotes: moreNotesTemplate(translator),
    sourceIds,
    table: methodsTable(series, translator),
    footer: figureFooter(translator, dataset, sourceIds, link),
    references,
  };
}
