import { Fragment, useId, useMemo, useRef } from 'react';
import type { Dataset, Source } from '../../data/schema';
import { formatDecimal, formatInteger } from '../../i18n/format';
import { useT, type Translator } from '../../i18n/use-t';
import {
  CARBON_FIELDS,
  checkTable15Row,
  validateCarbonInputs,
  type CarbonField,
  type CarbonRawInputs,
  type InputProblem,
  type Table15Check,
} from '../../lib/carbon';
import { MAX_MENU_OPTIONS, topByValue } from '../../selectors/mark-cap';
import { calculatorModels, publishedFigures, type CalculatorModel } from '../../selectors/co2-series';
import { figureText, formatMwh } from './co2-format';
import { asPrintedText, buildCalculatorFigure, calculatorReferences, calculatorWorked } from './co2-statements';
import { MethodsText } from './co2-methods';
import { ExportMenu } from '../../components/chart-frame/export-menu';
import { useViewFilters } from '../../store/view-filters';
import { useAppStore } from '../../store';
import { SourceLinks } from './source-links';
import { calculatorState, inputText, paperMethod } from './co2-calculator-state';

/*
 * energy = GPU-hours × GPU power × PUE; CO₂ = energy × carbon intensity. Every input is a text
 * field holding exactly what was typed, so a bad value is shown with its problem and never lost;
 * the result is withheld until all four read as numbers.
 */

type T = Translator['t'];

interface Props {
  dataset: Dataset;
  sourcesById: ReadonlyMap<string, Source>;
}

export function Co2Calculator({ dataset, sourcesById }: Props) {
  const { t, tn, locale } = useT();
  const filters = useViewFilters();
  const sectionRef = useRef<HTMLElement>(null);
  const method = dataset.reference.llamaCarbonMethod;
  const table15 = dataset.reference.llamaTable15;
  const paper = useMemo(() => paperMethod(dataset), [dataset]);
  // The GPU the 400 W figure belongs to, as Table 15 names it.
  const paperGpu = table15.rows.find((r) => r.gpuPowerW === paper.gpuPowerW)?.gpuType;
  const models = useMemo(() => calculatorModels(dataset), [dataset]);
  const modelsById = useMemo(() => new Map(models.map((m) => [m.id, m])), [models]);
  const namesById = useMemo(() => new Map(dataset.systems.map((s) => [s.id, s.name])), [dataset]);

  // The inputs live in the store (so "Export all" can build this figure unmounted); all else derives from them.
  const stored = useAppStore((s) => s.co2Calculator);
  const setCo2Calculator = useAppStore((s) => s.setCo2Calculator);
  const state = useMemo(() => calculatorState(dataset, stored, locale), [dataset, stored, locale]);
  const { modelId, raw, inputs: v, result, model, gpuHoursEdited, paperActive } = state;
  const validation = useMemo(() => validateCarbonInputs(raw), [raw]);
  // Thousands of <option>s are slow to lay out and useless to scroll: the runs with the most GPU-hours, and the one picked.
  const listed = useMemo(
    () =>
      topByValue(
        models,
        MAX_MENU_OPTIONS,
        (m) => m.gpuHours,
        (m) => m.id,
        [modelId],
      ),
    [models, modelId],
  );
  const ids = { gpuHours: useId(), gpuPowerW: useId(), pue: useId(), kgCo2ePerKwh: useId(), model: useId(), title: useId() };

  const write = (id: string, patch: Partial<CarbonRawInputs>) => setCo2Calculator({ modelId: id, raw: { ...raw, ...patch }, dataset });
  const set = (patch: Partial<CarbonRawInputs>) => write(modelId, patch);
  const pickModel = (id: string) => {
    const m = modelsById.get(id);
    write(id, m ? { gpuHours: inputText(m.gpuHours, locale) } : {});
  };
  const applyPaper = () =>
    set({
      gpuPowerW: paper.gpuPowerW !== undefined ? inputText(paper.gpuPowerW, locale) : raw.gpuPowerW,
      pue: paper.pue !== undefined ? inputText(paper.pue, locale) : raw.pue,
      kgCo2ePerKwh: paper.kgCo2ePerKwh !== undefined ? inputText(paper.kgCo2ePerKwh, locale) : raw.kgCo2ePerKwh,
    });
  const loadRow = (c: Table15Check) =>
    write(modelsById.has(c.systemId) ? c.systemId : modelId, {
      gpuHours: inputText(c.inputs.gpuHours, locale),
      gpuPowerW: inputText(c.inputs.gpuPowerW, locale),
      pue: inputText(c.inputs.pue, locale),
      kgCo2ePerKwh: inputText(c.inputs.kgCo2ePerKwh, locale),
    });

  const ownGrids = dataset.reference.ownGridCo2.filter((g) => namesById.has(g.systemId));

  const worked = result && v ? calculatorWorked(v, result, locale) : undefined;
  // The result as a figure (energy and CO₂ with their arithmetic and where each input comes from), for its Export menu.
  const figure = (link: string) =>
    buildCalculatorFigure({
      dataset,
      inputs: v,
      result,
      model,
      gpuHoursEdited,
      paperActive,
      link,
      translator: { t, tn, locale },
    });

  const labels: Record<CarbonField, string> = {
    gpuHours: t('co2.calc-gpu-hours', 'GPU-hours'),
    gpuPowerW: t('co2.calc-power', 'GPU power (W)'),
    pue: t('co2.calc-pue', 'PUE (data-centre overhead, ≥ 1)'),
    kgCo2ePerKwh: t('co2.calc-intensity', 'Carbon intensity (kg CO₂e/kWh)'),
  };

  return (
    <section ref={sectionRef} className="view co2-calculator" aria-labelledby={ids.title} data-testid="co2-calculator">
      <header className="co2-sub-head">
        <h3 id={ids.title}>{t('co2.calc-title', 'Calculator: the LLaMA paper’s method, for any run with GPU-hours')}</h3>
        <ExportMenu
          panelId="co2-calculator"
          dataset={dataset}
          filters={filters}
          title={t('co2.calc-title', 'Calculator: the LLaMA paper’s method, for any run with GPU-hours')}
          figure={figure}
          screenWidth={() => sectionRef.current?.getBoundingClientRect().width ?? 720}
        />
      </header>
      <p className="co2-formula" data-testid="co2-formula">
        {t(
          'co2.calc-formula',
          'Energy (MWh) = GPU-hours × GPU power (W) × PUE ÷ 1,000,000. CO₂ (t CO₂e) = energy (MWh) × carbon intensity (kg CO₂e per kWh), because a kilogram per kilowatt-hour is a tonne per megawatt-hour.',
        )}
      </p>
      <div className="co2-presets" role="group" aria-label={t('co2.calc-presets', 'Presets')}>
        <button type="button" className="co2-preset" aria-pressed={paperActive} onClick={applyPaper} data-testid="co2-preset-llama">
          {t('co2.calc-preset-llama', 'LLaMA paper ({gpu}: {watts} W, PUE {pue}, US average {intensity})', {
            gpu: paperGpu ?? '',
            watts: formatInteger(paper.gpuPowerW ?? 0, locale),
            pue: formatDecimal(paper.pue ?? 0, locale, 2),
            intensity: formatDecimal(paper.kgCo2ePerKwh ?? 0, locale, 3),
          })}
        </button>
        {ownGrids.map((g) => (
          <button
            key={g.systemId}
            type="button"
            className="co2-preset"
            aria-pressed={!!v && v.kgCo2ePerKwh === g.kgCo2ePerKwh}
            onClick={() => set({ kgCo2ePerKwh: inputText(g.kgCo2ePerKwh, locale) })}
            data-testid={`co2-preset-grid-${g.systemId}`}
          >
            {t('co2.calc-preset-grid', '{model}’s grid ({intensity} kg CO₂e/kWh)', {
              model: namesById.get(g.systemId) ?? g.systemId,
              intensity: formatDecimal(g.kgCo2ePerKwh, locale, 3),
            })}
          </button>
        ))}
      </div>
      <p className="co2-preset-note muted">
        {t('co2.calc-preset-note', 'The LLaMA preset sets power, PUE and grid; a grid preset changes only the carbon intensity.')}{' '}
        <SourceLinks ids={table15.sources} sourcesById={sourcesById} />
      </p>

      <div className="co2-calc-grid">
        <div className="co2-field co2-field-model">
          <label htmlFor={ids.model}>{t('co2.calc-model', 'Fill GPU-hours from a model')}</label>
          <select id={ids.model} value={modelId} onChange={(e) => pickModel(e.target.value)} data-testid="co2-calc-model">
            {models.length === 0 && <option value="">{t('co2.calc-no-models', 'No model in the dataset has GPU-hours')}</option>}
            {listed.rows.map((m) => (
              <option key={m.id} value={m.id}>
                {t('co2.calc-model-option', '{model} — {gpuHours} GPU-h ({hardware})', {
                  model: m.name,
                  gpuHours: formatInteger(m.gpuHours, locale),
                  hardware: m.hardware,
                })}
              </option>
            ))}
          </select>
          {listed.capped && (
            <p className="muted co2-calc-listed" data-testid="co2-calc-listed">
              {t('co2.calc-listed', 'Listing the {shown} runs with the most GPU-hours of {total}.', {
                shown: formatInteger(listed.rows.length, locale),
                total: formatInteger(listed.total, locale),
              })}
            </p>
          )}
          {model && (
            <ModelNotes
              model={model}
              paperGpu={paperGpu}
              paperPowerW={paper.gpuPowerW}
              power={v?.gpuPowerW}
              edited={gpuHoursEdited}
              sourcesById={sourcesById}
            />
          )}
        </div>
        {CARBON_FIELDS.map((field) => {
          const problem = validation.ok ? undefined : validation.problems[field];
          const errId = `${ids[field]}-err`;
          return (
            <div className="co2-field" key={field}>
              <label htmlFor={ids[field]}>{labels[field]}</label>
              <input
                id={ids[field]}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                spellCheck={false}
                value={raw[field]}
                onChange={(e) => set({ [field]: e.target.value })}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? errId : undefined}
                data-testid={`co2-calc-${field}`}
              />
              {problem && (
                <p className="co2-field-error" id={errId} data-testid={`co2-calc-${field}-error`}>
                  {problemText(problem, t)}
                </p>
              )}
            </div>
          );
        })}
      </div>

      <div className="co2-result" aria-live="polite" data-testid="co2-calc-result">
        {result && worked ? (
          <>
            <p className="co2-result-figures">
              <span className="co2-result-figure">
                <strong data-testid="co2-calc-mwh">{worked.mwh}</strong> MWh
              </span>
              <span className="co2-result-figure">
                <strong data-testid="co2-calc-tco2e">{worked.tco2e}</strong> t CO₂e
              </span>
            </p>
            <p className="co2-worked" data-testid="co2-calc-worked">
              {worked.energy}; {worked.co2}
            </p>
            <p className="muted" data-testid="co2-calc-table15-style">
              {asPrintedText(result, t, locale)}
            </p>
            {model && !gpuHoursEdited && <Published dataset={dataset} modelId={model.id} sourcesById={sourcesById} />}
            {v && (
              <MethodsText
                testId="co2-calc-methods-text"
                references={calculatorReferences(v, result, paperActive, model && !gpuHoursEdited ? model.name : undefined, t, locale)}
              />
            )}
          </>
        ) : (
          <p className="co2-result-withheld" data-testid="co2-calc-withheld">
            {t('co2.calc-withheld', 'No result until every input is a valid number: see the highlighted field. What you typed is kept.')}
          </p>
        )}
      </div>

      <details className="co2-paper-words">
        <summary>{t('co2.calc-paper-words', 'The paper’s own words')}</summary>
        <p>{method.formula}</p>
        <ul>
          {[method.gpuPowerW, method.pue, method.kgCo2ePerKwh].map((f, i) =>
            f.status === 'reported' && f.quote ? (
              <li key={i}>
                “{f.quote}” <SourceLinks ids={f.sources} sourcesById={sourcesById} />
              </li>
            ) : null,
          )}
        </ul>
      </details>

      <Table15Reproduction
        dataset={dataset}
        pue={paper.pue}
        kgCo2ePerKwh={paper.kgCo2ePerKwh}
        namesById={namesById}
        sourcesById={sourcesById}
        onLoad={loadRow}
      />
    </section>
  );
}

function problemText(p: InputProblem, t: T): string {
  switch (p.code) {
    case 'empty':
      return t('co2.calc-error-empty', 'Enter a number.');
    case 'not-a-number':
      return t('co2.calc-error-nan', '“{input}” is not a number. Use digits, a dot for decimals and optional commas between thousands.', {
        input: p.text,
      });
    case 'negative':
      return t('co2.calc-error-negative', 'Cannot be negative.');
    case 'pue-below-one':
      return t('co2.calc-error-pue', 'PUE is at least 1 (1 means no overhead beyond the IT equipment).');
  }
}

function ModelNotes({
  model,
  paperGpu,
  paperPowerW,
  power,
  edited,
  sourcesById,
}: {
  model: CalculatorModel;
  paperGpu: string | undefined;
  paperPowerW: number | undefined;
  power: number | undefined;
  edited: boolean;
  sourcesById: ReadonlyMap<string, Source>;
}) {
  const { t } = useT();
  const otherHardware = paperGpu !== undefined && model.hardware !== paperGpu;
  return (
    <div className="co2-model-notes" data-testid="co2-calc-model-notes">
      <p>
        {t('co2.calc-hardware', 'Hardware: {hardware}.', { hardware: model.hardware })}{' '}
        {model.derivation && <span className="muted">{model.derivation}. </span>}
        {model.status === 'estimated' && (
          <span className="is-estimate">
            {t('co2.calc-hours-estimated', 'The GPU-hours are an estimate: {method}.', { method: model.method ?? '' })}{' '}
          </span>
        )}
        <SourceLinks ids={model.sources} sourcesById={sourcesById} />
      </p>
      {otherHardware && power !== undefined && power === paperPowerW && (
        <p className="co2-warning" data-testid="co2-calc-hardware-warning">
          {t(
            'co2.calc-hardware-warning',
            '⚠ Not an {presetGpu}: the {watts} W preset is the {presetGpu} NVLink power the LLaMA paper used and may not apply to {hardware}. Enter that GPU’s power if you know it.',
            {
              presetGpu: paperGpu,
              watts: paperPowerW ?? '',
              hardware: model.hardware,
            },
          )}
        </p>
      )}
      {edited && (
        <p className="muted">
          {t('co2.calc-edited', 'GPU-hours edited: the published figures below are hidden because they are for the model’s own GPU-hours.')}
        </p>
      )}
    </div>
  );
}

/** The run's own published energy and CO₂ next to the computed result. */
function Published({ dataset, modelId, sourcesById }: { dataset: Dataset; modelId: string; sourcesById: ReadonlyMap<string, Source> }) {
  const { t, locale } = useT();
  const system = dataset.systems.find((s) => s.id === modelId);
  if (!system) return null;
  const energy =
    system.energyMwh && (system.energyMwh.status === 'reported' || system.energyMwh.status === 'estimated') ? system.energyMwh : undefined;
  const figures = publishedFigures(dataset, system);
  if (!energy && figures.length === 0) {
    return (
      <p className="muted">
        {t('co2.calc-none-published', 'No energy or CO₂ figure is published for {model}: this result is the only one.', {
          model: system.name,
        })}
      </p>
    );
  }
  return (
    <p className="co2-published" data-testid="co2-calc-published">
      {t('co2.calc-published', 'Published for {model}:', { model: system.name })}{' '}
      {energy && (
        <>
          {formatMwh(energy.value, locale)} MWh{energy.status === 'estimated' && ` ${t('fact.estimated', 'est.')}`}{' '}
          <SourceLinks ids={energy.sources} sourcesById={sourcesById} />
          {figures.length > 0 && '; '}
        </>
      )}
      {figures.map((f, i) => (
        <span key={`${f.kind}-${i}`}>
          {i > 0 && '; '}
          {figureText(f, t, locale)} CO₂e{f.status === 'estimated' && ` ${t('fact.estimated', 'est.')}`}{' '}
          <SourceLinks ids={f.sources} sourcesById={sourcesById} />
        </span>
      ))}
    </p>
  );
}

function Table15Reproduction({
  dataset,
  pue,
  kgCo2ePerKwh,
  namesById,
  sourcesById,
  onLoad,
}: {
  dataset: Dataset;
  pue: number | undefined;
  kgCo2ePerKwh: number | undefined;
  namesById: ReadonlyMap<string, string>;
  sourcesById: ReadonlyMap<string, Source>;
  onLoad: (c: Table15Check) => void;
}) {
  const { t, locale } = useT();
  const table15 = dataset.reference.llamaTable15;
  const checks = useMemo(
    () => (pue !== undefined && kgCo2ePerKwh !== undefined ? table15.rows.map((r) => checkTable15Row(r, { pue, kgCo2ePerKwh })) : []),
    [table15, pue, kgCo2ePerKwh],
  );
  const titleId = useId();
  if (checks.length === 0) return null;
  const total = checks.length;
  const tMatches = checks.filter((c) => c.tco2eMatches).length;
  const mwhMatches = checks.filter((c) => c.mwhMatches).length;
  const mismatches = checks.filter((c) => !c.mwhMatches);
  const two = (n: number) => formatDecimal(n, locale, 2);
  return (
    <div className="co2-table15" data-testid="co2-table15">
      <h4 id={titleId}>
        {t('co2.t15-title', 'Reproducing the LLaMA paper’s Table 15')} <SourceLinks ids={table15.sources} sourcesById={sourcesById} />
      </h4>
      <p className="co2-t15-rule" data-testid="co2-t15-rule">
        {t(
          'co2.t15-rule',
          'The rounding that reproduces the printed table: MWh truncated to a whole MWh (rounding would print one more for LLaMA-65B), t CO₂e rounded to the nearest tonne (truncating would print one less for three rows). The tonnes are the same whether computed from the exact or the printed MWh.',
        )}
      </p>
      <p className="co2-t15-summary" data-testid="co2-t15-summary">
        {t('co2.t15-summary', 't CO₂e: {tonnesMatching} of {rows} rows match. MWh: {mwhMatching} of {rows} match.', {
          tonnesMatching: tMatches,
          rows: total,
          mwhMatching: mwhMatches,
        })}{' '}
        {mismatches.map((c) => (
          <span key={c.systemId} className="co2-warning">
            {t(
              'co2.t15-mismatch',
              '⚠ {model}: the paper prints {printedMwh} MWh, but its own GPU-hours give {computedMwh} MWh, so {printedMwh} is the paper’s own figure.',
              {
                model: namesById.get(c.systemId) ?? c.systemId,
                printedMwh: formatInteger(c.printed.mwh, locale),
                computedMwh: two(c.computed.mwh),
              },
            )}{' '}
          </span>
        ))}
      </p>
      <div className="table-scroll co2-t15-scroll">
        <table className="data-table co2-t15-table" aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t('field.name', 'Name')}
              </th>
              <th scope="col" rowSpan={2} className="is-numeric">
                {t('co2.calc-gpu-hours', 'GPU-hours')}
              </th>
              <th scope="colgroup" colSpan={3} className="co2-t15-group">
                MWh
              </th>
              <th scope="colgroup" colSpan={3} className="co2-t15-group">
                t CO₂e
              </th>
              <th scope="col" rowSpan={2}>
                {t('co2.t15-check', 'Check')}
              </th>
              <th scope="col" rowSpan={2}>
                <span className="visually-hidden">{t('co2.t15-load', 'Load into the calculator')}</span>
              </th>
            </tr>
            <tr>
              {[0, 1].map((g) => (
                <Fragment key={g}>
                  <th scope="col" className="is-numeric">
                    {t('co2.t15-exact', 'exact')}
                  </th>
                  <th scope="col" className="is-numeric">
                    {t('co2.t15-rule-short', 'rule')}
                  </th>
                  <th scope="col" className="is-numeric">
                    {t('co2.t15-printed', 'printed')}
                  </th>
                </Fragment>
              ))}
            </tr>
          </thead>
          <tbody>
            {checks.map((c) => {
              const name = namesById.get(c.systemId) ?? c.systemId;
              const ok = c.mwhMatches && c.tco2eMatches;
              return (
                <tr key={c.systemId} data-row-id={c.systemId} data-mwh-match={String(c.mwhMatches)} data-t-match={String(c.tco2eMatches)}>
                  <th scope="row">{name}</th>
                  <td className="is-numeric">{formatInteger(c.inputs.gpuHours, locale)}</td>
                  <td className="is-numeric co2-t15-exact">{two(c.computed.mwh)}</td>
                  <td className="is-numeric" data-cell="mwh-rule">
                    {formatInteger(c.mwhByRule, locale)}
                  </td>
                  <td className={`is-numeric${c.mwhMatches ? '' : ' co2-warning'}`} data-cell="mwh-printed">
                    {formatInteger(c.printed.mwh, locale)}
                  </td>
                  <td className="is-numeric co2-t15-exact">{two(c.computed.tco2e)}</td>
                  <td className="is-numeric" data-cell="t-rule">
                    {formatInteger(c.tco2eByRule, locale)}
                  </td>
                  <td className={`is-numeric${c.tco2eMatches ? '' : ' co2-warning'}`} data-cell="t-printed">
                    {formatInteger(c.printed.tco2e, locale)}
                  </td>
                  <td className={ok ? 'co2-ok' : 'co2-warning'}>
                    {ok ? (
                      t('co2.t15-ok', '✓ matches')
                    ) : (
                      <span
                        tabIndex={0}
                        data-tip={t(
                          'co2.t15-mismatch',
                          '⚠ {model}: the paper prints {printedMwh} MWh, but its own GPU-hours give {computedMwh} MWh, so {printedMwh} is the paper’s own figure.',
                          {
                            model: name,
                            printedMwh: formatInteger(c.printed.mwh, locale),
                            computedMwh: two(c.computed.mwh),
                          },
                        )}
                      >
                        {c.tco2eMatches ? t('co2.t15-mwh-off', '⚠ printed MWh') : t('co2.t15-off', '⚠ differs')}
                      </span>
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => onLoad(c)}
                      aria-label={t('co2.t15-load-row', 'Load {model} into the calculator', { model: name })}
                    >
                      {t('co2.t15-use', 'Use')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
