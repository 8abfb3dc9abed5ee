import { useId, useMemo, useRef, useState } from 'react';
import type { Dataset } from '../../data/schema';
import type { BarPlot } from '../../components/figure/figure-model';
import { ExportMenu } from '../../components/chart-frame/export-menu';
import { formatDecimal, formatFixed, formatInteger, formatPercent, formatScientific, type Locale } from '../../i18n/format';
import { useT, type Translator } from '../../i18n/use-t';
import { copyText } from '../../lib/clipboard';
import {
  buildMethodSeries,
  CO2_METHODS,
  computeUnderMethod,
  gridById,
  methodById,
  reproduce,
  sensitivity,
  sensitivityTarget,
  type MethodChoice,
  type MethodSeries,
  type ReproducedRun,
  type SensitivityBar,
  type SensitivityInput,
} from '../../selectors/co2-methods';
import { selectFilteredSystems } from '../../selectors/filtered-systems';
import { MAX_MENU_OPTIONS, topByValue } from '../../selectors/mark-cap';
import { useAppStore } from '../../store';
import { VIEW_SETTINGS } from '../../store/url-state';
import { useViewFilters } from '../../store/view-filters';
import { table15Mwh, table15Tonnes } from '../../lib/carbon';
import {
  buildCo2MethodsFigure,
  buildMethodsPlot,
  developmentName,
  gridName,
  leftOutReason,
  methodName,
  methodsReferences,
  methodCaveats,
  methodStatement,
  PUBLISHED_COLOR,
  RECOMPUTED_COLOR,
  tonnes,
} from './co2-methods-figure';

/*
 * Methods side by side: every run in view recomputed under one method (its published figure
 * beside it), each published figure reproduced from its own authors' inputs, how much each input
 * moves one run's result, and the method as a paragraph to paste into a methods section.
 */

type T = Translator['t'];

/** Where a value sits on the figure's log axis, 0–100 %. */
function logPercent(v: number, [d0, d1]: [number, number]): number {
  if (v <= 0) return 0;
  const t = (Math.log10(v) - Math.log10(d0)) / (Math.log10(d1) - Math.log10(d0));
  return Math.max(0.5, Math.min(100, t * 100));
}

function MethodBars({ plot, selectedId }: { plot: BarPlot; selectedId: string | null }) {
  if (plot.rows.length === 0)
    return (
      <p className="co2-empty" role="status">
        {plot.empty}
      </p>
    );
  return (
    <div className="co2m-plot" data-testid="co2m-plot">
      <ol className="co2m-rows">
        {plot.rows.map((row) => (
          <li key={row.id} className="co2m-row" data-testid="co2m-row" data-id={row.id} aria-current={row.id === selectedId || undefined}>
            <span className="co2m-name">{row.name}</span>
            <span className="co2m-bars" aria-hidden="true">
              {row.marks.map((m, i) =>
                m.kind === 'segment' ? (
                  <span
                    key={i}
                    className={`co2m-bar co2m-published${m.estimated ? ' co2m-estimated' : ''}`}
                    data-testid="co2m-published"
                    data-value={m.to}
                    style={{ width: `${logPercent(m.to, plot.domain)}%`, color: m.color }}
                  />
                ) : m.kind === 'outline' ? (
                  <span
                    key={i}
                    className={`co2m-bar co2m-recomputed${m.lane ? '' : ' co2m-alone'}`}
                    data-testid="co2m-recomputed"
                    data-value={m.to}
                    style={{ width: `${logPercent(m.to, plot.domain)}%`, borderColor: m.color }}
                  />
                ) : null,
              )}
            </span>
            <span className="co2m-label">{row.label.full}</span>
          </li>
        ))}
      </ol>
      <div className="co2m-axis" aria-hidden="true">
        {plot.ticks.map((tick, i) => (
          <span
            key={tick.value}
            // The end labels align inward, so none sticks out of the panel.
            className={i === 0 ? 'co2m-tick-first' : i === plot.ticks.length - 1 ? 'co2m-tick-last' : undefined}
            style={{ left: `${logPercent(tick.value, plot.domain)}%` }}
          >
            {tick.label}
          </span>
        ))}
      </div>
    </div>
  );
}

function inputName(input: SensitivityInput, t: T): string {
  switch (input) {
    case 'power':
      return t('co2m.in-power', 'Power per accelerator');
    case 'pue':
      return t('co2m.in-pue', 'PUE');
    case 'grid':
      return t('co2m.in-grid', 'Grid intensity');
    case 'idle':
      return t('co2m.in-idle', 'Idle and infrastructure energy');
    case 'embodied':
      return t('co2m.in-embodied', 'Manufacturing (embodied)');
    case 'development':
      return t('co2m.in-development', 'Development runs');
  }
}

function endText(bar: SensitivityBar, end: 'low' | 'high', t: T, locale: Locale): string {
  const e = bar[end];
  switch (bar.input) {
    case 'power':
      return `${formatInteger(e.value, locale)} W`;
    case 'pue':
      return formatDecimal(e.value, locale, 2);
    case 'grid':
      return `${formatDecimal(e.value, locale, 3)} — ${gridName(gridById(e.label)!, locale)}`;
    case 'idle':
      return e.value === 0 ? t('co2m.end-none', 'not counted') : formatPercent(e.value, locale);
    case 'embodied':
      return e.value === 0 ? t('co2m.end-none', 'not counted') : `${formatDecimal(e.value, locale, 4)} kg/h`;
    case 'development':
      return e.value === 1
        ? t('co2m.end-final', 'final run only')
        : `×${formatDecimal(e.value, locale, 2)} (${developmentName(
            CO2_METHODS.development.find((d) => d.id === e.label)!,
            locale,
          )})`;
  }
}

function SensitivityView({ choice, series }: { choice: MethodChoice; series: MethodSeries }) {
  const { t, locale } = useT();
  const ids = { pick: useId(), title: useId() };
  const globalSelected = useAppStore((s) => s.selectedId);
  const [picked, setPicked] = useState<string | null>(null);
  const target = sensitivityTarget(series, picked ?? globalSelected);
  const result = useMemo(() => (target ? sensitivity(target, choice) : null), [target, choice]);
  // Thousands of <option>s are slow to lay out and useless to scroll: the largest runs, and the one shown.
  const listed = useMemo(
    () =>
      topByValue(
        series.rows,
        MAX_MENU_OPTIONS,
        (r) => r.result.totalT,
        (r) => r.id,
        [target?.id ?? null],
      ).rows,
    [series, target],
  );
  if (!target || !result?.ok)
    return (
      <p className="co2-empty" role="status" data-testid="co2m-sensitivity-empty">
        {t('co2m.sens-empty', 'No model in view can be recomputed under this method, so there is nothing to vary.')}
      </p>
    );
  const { base, bars, fixed } = result.sensitivity;
  const max = Math.max(base.totalT, ...bars.map((b) => Math.max(b.resultLow, b.resultHigh)));
  const pct = (v: number) => `${(v / max) * 100}%`;
  return (
    <section className="co2m-sensitivity" aria-labelledby={ids.title} data-testid="co2m-sensitivity">
      <h4 id={ids.title}>{t('co2m.sens-title', 'Which input matters: one at a time across its sourced range')}</h4>
      <div className="co2-field">
        <label htmlFor={ids.pick}>{t('co2m.sens-model', 'Model')}</label>
        <select id={ids.pick} value={target.id} onChange={(e) => setPicked(e.target.value)} data-testid="co2m-sensitivity-model">
          {listed.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
      <p className="co2m-base" data-testid="co2m-sensitivity-base">
        {t('co2m.sens-base', '{model} under {method}: {tonnes} t CO₂e ({hours} accelerator-hours on {accelerator}).', {
          model: target.name,
          method: methodName(series.method, locale),
          tonnes: tonnes(base.totalT, locale),
          hours: formatInteger(target.acceleratorHours, locale),
          accelerator: target.accelerator.name,
        })}
      </p>
      <table className="co2m-tornado" data-testid="co2m-tornado">
        <thead>
          <tr>
            <th scope="col">{t('co2m.sens-input', 'Input')}</th>
            <th scope="col">{t('co2m.sens-range', 'Lowest → highest sourced value')}</th>
            <th scope="col">{t('co2m.sens-result', 'Result, t CO₂e')}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((b) => {
            const lo = Math.min(b.resultLow, b.resultHigh);
            const hi = Math.max(b.resultLow, b.resultHigh);
            return (
              <tr key={b.input} data-testid="co2m-tornado-row" data-input={b.input}>
                <th scope="row">{inputName(b.input, t)}</th>
                <td>
                  {endText(b, 'low', t, locale)} → {endText(b, 'high', t, locale)}
                </td>
                <td>
                  <span className="co2m-swing" aria-hidden="true">
                    <span className="co2m-swing-bar" style={{ left: pct(lo), width: `calc(${pct(hi)} - ${pct(lo)})` }} />
                    <span className="co2m-swing-base" style={{ left: pct(base.totalT) }} />
                  </span>
                  <span className="co2m-swing-text">
                    {tonnes(b.resultLow, locale)} – {tonnes(b.resultHigh, locale)}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {fixed.length > 0 && (
        <p className="co2m-fixed">
          {fixed
            .map((f) =>
              t('co2m.sens-fixed', '{input}: {why}', {
                input: inputName(f.input, t),
                why:
                  f.why === 'one-value'
                    ? t('co2m.sens-one-value', 'one sourced value for this accelerator, held')
                    : t('co2m.sens-not-in-method', 'not part of this method'),
              }),
            )
            .join(' · ')}
        </p>
      )}
    </section>
  );
}

/** "GPT-3: 354.6 h × 10,000 chips × 330 W × PUE 1.1 × 0.429 kg CO₂e/kWh (US 2020)": the inputs, as the data holds them. */
function reproductionInputs(r: ReproducedRun, name: string, t: T, locale: Locale): string {
  const run = r.reproduction.run;
  const grid = gridById(run.grid)!;
  const hours =
    r.wallClockHours !== undefined && run.chips
      ? t('co2m.repro-hours-flop', '{flop} FLOP ÷ ({chips} × {rate} FLOP/s) = {hours} h on {chips} accelerators', {
          flop: formatScientific(run.flop!.value, locale),
          chips: formatInteger(run.chips.value, locale),
          rate: formatScientific(run.flopPerSecondPerChip!.value, locale),
          hours: formatDecimal(r.wallClockHours, locale, 2),
        })
      : t('co2m.repro-hours', '{hours} accelerator-hours', { hours: formatInteger(r.acceleratorHours, locale) });
  const extras = [
    r.method.idle
      ? t('co2m.repro-idle', 'idle {kwh} kWh per {dynamic} kWh dynamic', {
          kwh: formatInteger(r.method.idle.idleKwh.value, locale),
          dynamic: formatInteger(r.method.idle.dynamicKwh.value, locale),
        })
      : '',
    r.method.embodied
      ? t('co2m.repro-embodied', 'manufacturing over {life} years at {use} use', {
          life: formatInteger(r.method.embodied.lifetimeYears.value, locale),
          use: formatPercent(r.method.embodied.utilisation.value, locale),
        })
      : '',
  ].filter(Boolean);
  return t('co2m.repro-inputs', '{model}: {hours} × {watts} W × PUE {pue} × {grid} kg CO₂e/kWh, {region}{extras}. {source}, {where}.', {
    model: name,
    hours,
    watts: formatInteger(run.powerW.value, locale),
    pue: formatDecimal(r.result.pue, locale, 2),
    grid: formatDecimal(grid.kgPerKwh.value, locale, 3),
    region: gridName(grid, locale),
    extras: extras.length ? `; ${extras.join('; ')}` : '',
    source: CO2_METHODS.sources.find((s) => s.id === r.method.source)?.short ?? r.method.source,
    where: r.reproduction.where,
  });
}

function Reproductions({ dataset }: { dataset: Dataset }) {
  const { t, locale } = useT();
  const ids = { title: useId() };
  const llama = methodById('llama')!;
  const a100 = CO2_METHODS.accelerators.find((a) => a.id === 'a100-80gb')!;
  const names = useMemo(() => new Map(dataset.systems.map((s) => [s.id, s.name])), [dataset]);
  const runs = useMemo(() => CO2_METHODS.reproductions.map((r) => reproduce(r)), []);
  const table15 = dataset.reference.llamaTable15.rows;
  const partName = (part: string) =>
    ({
      energy: t('co2m.part-energy', 'Energy (MWh)'),
      dynamic: t('co2m.part-dynamic', 'Dynamic power (t)'),
      idle: t('co2m.part-idle', 'Idle and infrastructure (t)'),
      embodied: t('co2m.part-embodied', 'Manufacturing (t)'),
      total: t('co2m.part-total', 'Total (t CO₂e)'),
    })[part] ?? part;
  const diff = (d: number) => `${d >= 0 ? '+' : '−'}${formatFixed(Math.abs(d) * 100, locale, 2)} %`;
  return (
    <section className="co2m-reproduce" aria-labelledby={ids.title} data-testid="co2m-reproduce">
      <h4 id={ids.title}>{t('co2m.repro-title', 'Each published figure, reproduced from its own inputs')}</h4>
      {/* Focusable, so the table can be scrolled sideways from the keyboard on a phone. */}
      <div
        className="co2-t15-scroll"
        tabIndex={0}
        role="region"
        aria-label={t('co2m.repro-table-label', 'Published and reproduced figures, table')}
      >
        <table className="co2m-repro-table" data-testid="co2m-repro-table">
          <thead>
            <tr>
              <th scope="col">{t('co2m.repro-run', 'Run and method')}</th>
              <th scope="col">{t('co2m.repro-figure', 'Figure')}</th>
              <th scope="col">{t('co2m.repro-published', 'Published')}</th>
              <th scope="col">{t('co2m.repro-computed', 'From the inputs')}</th>
              <th scope="col">{t('co2m.repro-diff', 'Difference')}</th>
            </tr>
          </thead>
          <tbody>
            {runs.flatMap((r) =>
              r.parts.map((p, i) => (
                <tr
                  key={`${r.reproduction.systemId}-${p.part}`}
                  data-testid="co2m-repro-row"
                  data-run={r.reproduction.systemId}
                  data-part={p.part}
                >
                  {i === 0 && (
                    <th scope="row" rowSpan={r.parts.length}>
                      {names.get(r.reproduction.systemId) ?? r.reproduction.systemId} — {methodName(r.method, locale)}
                    </th>
                  )}
                  <td>{partName(p.part)}</td>
                  <td>
                    {formatDecimal(p.published.value, locale, 2)}
                    {!p.published.verified && (
                      <span
                        className="co2m-unverified"
                        title={t('co2m.repro-unverified-title', 'Seen only as others quote the paper’s body')}
                      >
                        {' '}
                        ‡
                      </span>
                    )}
                  </td>
                  <td>{formatDecimal(p.computed, locale, 2)}</td>
                  <td className={Math.abs(p.difference) < 0.01 ? 'co2-ok' : 'co2-warning'}>{diff(p.difference)}</td>
                </tr>
              )),
            )}
            {table15.map((row, i) => {
              const c = computeUnderMethod(
                { acceleratorHours: row.gpuHours, accelerator: a100 },
                llama,
                gridById(llama.grid)!.kgPerKwh.value,
              );
              if (!c.ok) return null;
              const mwh = table15Mwh(c.result.dynamicKwh / 1000);
              const tco2 = table15Tonnes(c.result.totalT);
              return (
                <tr key={`t15-${row.systemId}`} data-testid="co2m-repro-row" data-run={row.systemId} data-part="table15">
                  {i === 0 && (
                    <th scope="row" rowSpan={table15.length}>
                      {t('co2m.repro-table15', 'LLaMA Table 15 — {method}', { method: methodName(llama, locale) })}
                    </th>
                  )}
                  <td>{names.get(row.systemId) ?? row.systemId}</td>
                  <td>
                    {formatInteger(row.mwh, locale)} MWh · {formatInteger(row.tco2e, locale)} t
                  </td>
                  <td>
                    {formatInteger(mwh, locale)} MWh · {formatInteger(tco2, locale)} t
                  </td>
                  <td className={mwh === row.mwh && tco2 === row.tco2e ? 'co2-ok' : 'co2-warning'}>
                    {[
                      mwh !== row.mwh &&
                        t('co2m.repro-mwh-differs', 'MWh differ: the paper prints {printed}', { printed: formatInteger(row.mwh, locale) }),
                      tco2 !== row.tco2e &&
                        t('co2m.repro-tonnes-differ', 'tonnes differ: the paper prints {printed}', {
                          printed: formatInteger(row.tco2e, locale),
                        }),
                    ]
                      .filter(Boolean)
                      .join('; ') || t('co2m.repro-same', 'as printed')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ul className="co2m-fixed" data-testid="co2m-repro-inputs">
        {runs.map((r) => (
          <li key={r.reproduction.systemId}>
            {reproductionInputs(r, names.get(r.reproduction.systemId) ?? r.reproduction.systemId, t, locale)}
          </li>
        ))}
      </ul>
      <p className="co2m-fixed">{t('co2m.repro-unverified', '‡ seen only as others quote the paper’s body, not in the paper itself.')}</p>
    </section>
  );
}

/** A methods paragraph and BibTeX, each with a copy button: the methods part's and the calculator's. */
export function MethodsText({
  references,
  testId = 'co2m-methods-text',
}: {
  references: { text: string; bibtex: string };
  testId?: string;
}) {
  const { t } = useT();
  const [copied, setCopied] = useState({ what: '', for: references });
  const ids = { text: useId(), bib: useId() };
  // "Copied." speaks of the text that was copied: another method's text starts without it.
  const status = copied.for === references ? copied.what : '';
  const copy = async (what: string, text: string) => setCopied({ what: (await copyText(text)) ? what : `${what}-failed`, for: references });
  return (
    <section className="co2m-text" data-testid={testId}>
      <h4>{t('co2m.text-title', 'Methods text, ready to paste')}</h4>
      <label htmlFor={ids.text}>{t('co2m.text-paragraph', 'Paragraph')}</label>
      <textarea id={ids.text} readOnly rows={6} value={references.text} data-testid="co2m-methods-paragraph" />
      <button type="button" onClick={() => void copy('text', references.text)} data-testid="co2m-copy-text">
        {t('co2m.copy-text', 'Copy paragraph')}
      </button>
      <label htmlFor={ids.bib}>{t('co2m.text-bibtex', 'BibTeX of the method’s papers')}</label>
      <textarea id={ids.bib} readOnly rows={6} value={references.bibtex} data-testid="co2m-methods-bibtex" />
      <button type="button" onClick={() => void copy('bib', references.bibtex)} data-testid="co2m-copy-bibtex">
        {t('co2m.copy-bibtex', 'Copy BibTeX')}
      </button>
      <p role="status" className="co2m-copied">
        {status === 'text' || status === 'bib'
          ? t('co2m.copied', 'Copied.')
          : status
            ? t('co2m.copy-failed', 'The browser did not allow copying: select the text and copy it by hand.')
            : ''}
      </p>
    </section>
  );
}

export function Co2Methods({ dataset }: { dataset: Dataset }) {
  const { t, tn, locale } = useT();
  const filters = useViewFilters();
  const sectionRef = useRef<HTMLElement>(null);
  const ids = { title: useId(), method: useId(), grid: useId(), dev: useId() };
  const method = useAppStore((s) => s.viewSettings.co2Method);
  const grid = useAppStore((s) => s.viewSettings.co2Grid);
  const development = useAppStore((s) => s.viewSettings.co2Development);
  const setViewSetting = useAppStore((s) => s.setViewSetting);
  const selectedId = useAppStore((s) => s.selectedId);
  const choice = useMemo<MethodChoice>(() => ({ method, grid, development }), [method, grid, development]);
  const systems = useMemo(() => selectFilteredSystems(dataset, filters), [dataset, filters]);
  const translator = useMemo(() => ({ t, tn, locale }), [t, tn, locale]);
  const series = useMemo(() => buildMethodSeries(systems, choice), [systems, choice]);
  // The screen draws the plot and legend; the full figure (notes, every row's table) is built only to export.
  const model = useMemo(() => buildMethodsPlot(series, selectedId, translator), [series, selectedId, translator]);
  const references = useMemo(() => methodsReferences(series, translator), [series, translator]);
  const title = t('co2m.title', 'CO₂ under one method: published beside recomputed');
  const methodDefaultGrid = gridById(methodById(method)!.grid)!;

  return (
    <section ref={sectionRef} className="view co2-methods" aria-labelledby={ids.title} data-testid="co2-methods">
      <header className="co2-sub-head">
        <h3 id={ids.title}>{title}</h3>
        <ExportMenu
          panelId="co2-methods"
          dataset={dataset}
          filters={filters}
          title={title}
          figure={(link) => buildCo2MethodsFigure({ dataset, filters, selectedId, choice, link, translator, series })}
          screenWidth={() => sectionRef.current?.getBoundingClientRect().width ?? 720}
        />
      </header>
      <p className="co2-formula">
        {t(
          'co2m.intro',
          'Published CO₂ figures were made with different methods: measured or rated power, with or without PUE, each data centre’s grid or a national average, with or without idle power and manufacturing. Here every run with accelerator-hours on an accelerator with sourced figures is recomputed under one method, beside its published figure.',
        )}
      </p>
      <div className="co2m-controls">
        <div className="co2-field">
          <label htmlFor={ids.method}>{t('co2m.pick-method', 'Method')}</label>
          <select
            id={ids.method}
            value={method}
            onChange={(e) => setViewSetting('co2Method', e.target.value as MethodChoice['method'])}
            data-testid="co2m-method"
          >
            {VIEW_SETTINGS.co2Method.values.map((id) => (
              <option key={id} value={id}>
                {methodName(methodById(id)!, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="co2-field">
          <label htmlFor={ids.grid}>{t('co2m.pick-grid', 'Grid intensity')}</label>
          <select
            id={ids.grid}
            value={grid}
            onChange={(e) => setViewSetting('co2Grid', e.target.value as (typeof VIEW_SETTINGS.co2Grid.values)[number])}
            data-testid="co2m-grid"
          >
            {VIEW_SETTINGS.co2Grid.values.map((id) => {
              const g = id === 'method' ? methodDefaultGrid : gridById(id)!;
              const text = `${gridName(g, locale)}: ${formatDecimal(g.kgPerKwh.value, locale, 3)} kg/kWh`;
              return (
                <option key={id} value={id}>
                  {id === 'method' ? t('co2m.grid-method', 'The method’s own ({grid})', { grid: text }) : text}
                </option>
              );
            })}
          </select>
        </div>
        <div className="co2-field">
          <label htmlFor={ids.dev}>{t('co2m.pick-dev', 'Development runs')}</label>
          <select
            id={ids.dev}
            value={development}
            onChange={(e) => setViewSetting('co2Development', e.target.value as (typeof VIEW_SETTINGS.co2Development.values)[number])}
            data-testid="co2m-dev"
          >
            {VIEW_SETTINGS.co2Development.values.map((id) => {
              const d = CO2_METHODS.development.find((x) => x.id === id);
              return (
                <option key={id} value={id}>
                  {d ? `×${formatDecimal(d.factor, locale, 2)} — ${developmentName(d, locale)}` : t('co2m.dev-none', 'Final run only')}
                </option>
              );
            })}
          </select>
        </div>
      </div>
      <p className="co2m-statement" data-testid="co2m-statement">
        {methodStatement(series, translator)}
      </p>
      {methodCaveats(series, translator).map((text) => (
        <p key={text} className="co2m-statement" data-testid="co2m-caveat">
          {text}
        </p>
      ))}
      <p className="co2m-legend" data-testid="co2m-legend">
        {model.legend.map((e) => (
          <span key={e.label} className="co2m-key">
            <span
              className={
                e.swatch.kind === 'outline'
                  ? 'co2m-key-outline'
                  : `co2m-key-published${e.swatch.kind === 'estimated' ? ' co2m-estimated' : ''}`
              }
              style={e.swatch.kind === 'outline' ? { borderColor: RECOMPUTED_COLOR } : { color: PUBLISHED_COLOR }}
              aria-hidden="true"
            />
            {e.label}
          </span>
        ))}
      </p>
      {model.plot.rows.length < series.rows.length && (
        <p className="co2m-statement" data-testid="co2m-cap-note">
          {t('co2m.cap-note', 'Showing the {shown} largest of {total} recomputed runs; the CSV export has all of them.', {
            shown: formatInteger(model.plot.rows.length, locale),
            total: formatInteger(series.rows.length, locale),
          })}
        </p>
      )}
      <MethodBars plot={model.plot} selectedId={selectedId} />
      {series.leftOut.length > 0 && (
        <details className="co2m-left-out" data-testid="co2m-left-out">
          <summary>
            {tn(
              'co2m.left-summary',
              series.leftOut.length,
              '{count} model not recomputed, and why',
              '{count} models not recomputed, and why',
            )}
          </summary>
          <ul>
            {series.leftOut.slice(0, 200).map((l) => (
              <li key={l.id} data-testid="co2m-left-out-item" data-id={l.id}>
                {l.name}: {leftOutReason(l.why, t)}
              </li>
            ))}
            {series.leftOut.length > 200 && (
              <li>
                {t('co2m.left-more', '… and {more} more (in the CSV export)', { more: formatInteger(series.leftOut.length - 200, locale) })}
              </li>
            )}
          </ul>
        </details>
      )}
      <SensitivityView choice={choice} series={series} />
      <Reproductions dataset={dataset} />
      <MethodsText references={references} />
    </section>
  );
}
