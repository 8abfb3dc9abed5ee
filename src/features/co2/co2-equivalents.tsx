import { useCallback, useId, useMemo, useRef } from 'react';
import type { Dataset, Source } from '../../data/schema';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { buildEquivalents, chooseEquivalentsRun } from '../../selectors/co2-series';
import { ExportMenu } from '../../components/chart-frame/export-menu';
import { useViewFilters } from '../../store/view-filters';
import { leftOutText } from './co2-format';
import { buildEquivalentsFigure, equivalentsTexts } from './co2-statements';
import { SourceLinks } from './source-links';
import { TalkMarks } from '../../components/fact/field-cell-view';

interface Props {
  dataset: Dataset;
  sourcesById: ReadonlyMap<string, Source>;
}

/**
 * What one run's CO₂ and energy equal in things a reader knows, each from its own reference figure
 * and source. Describes GPT-3 (the talk's example) until a run with a CO₂ figure is selected
 * anywhere on the page. Its Export menu draws the same statements (see co2-statements.ts).
 */
export function Co2Equivalents({ dataset, sourcesById }: Props) {
  const { t, tn, locale } = useT();
  const selectedId = useAppStore((s) => s.selectedId);
  const filters = useViewFilters();
  const sectionRef = useRef<HTMLElement>(null);
  const figure = useCallback(
    (link: string) => buildEquivalentsFigure({ dataset, selectedId, link, translator: { t, tn, locale } }),
    [dataset, selectedId, t, tn, locale],
  );
  const choice = useMemo(() => chooseEquivalentsRun(dataset, selectedId), [dataset, selectedId]);
  const eq = useMemo(() => (choice.bar ? buildEquivalents(dataset, choice.bar) : undefined), [dataset, choice.bar]);
  const titleId = useId();
  const bar = choice.bar;
  if (!bar || !eq) return null;

  const x = equivalentsTexts(eq, t, locale);
  const tonnes = x.tonnes;
  const spreadNote = x.spread;

  return (
    <section
      ref={sectionRef}
      className="view co2-equivalents"
      aria-labelledby={titleId}
      data-testid="co2-equivalents"
      data-system-id={bar.id}
    >
      <header className="co2-sub-head">
        <h3 id={titleId}>{t('co2.eq-title', 'What {model}’s training emissions equal', { model: bar.name })}</h3>
        <ExportMenu
          panelId="co2-equivalents"
          dataset={dataset}
          filters={filters}
          title={t('co2.eq-title', 'What {model}’s training emissions equal', { model: bar.name })}
          figure={figure}
          screenWidth={() => sectionRef.current?.getBoundingClientRect().width ?? 720}
        />
      </header>
      <p className="co2-eq-lead">
        <strong className={bar.status === 'estimated' ? 'is-estimate' : undefined} data-testid="co2-eq-tonnes">
          {tonnes} t CO₂e
        </strong>
        {bar.status === 'estimated' && (
          <>
            {' '}
            <abbr
              className="badge badge-estimate"
              tabIndex={0}
              data-tip={bar.method ?? t('fact.estimated-generic', 'An estimate, not a reported figure')}
            >
              {t('fact.estimated', 'est.')}
            </abbr>
          </>
        )}{' '}
        <SourceLinks ids={bar.sources} sourcesById={sourcesById} /> {bar.talk && <TalkMarks talks={[bar.talk]} />} {spreadNote}{' '}
        <span className="muted screen-only">{t('co2.eq-hint', 'Select a model in any view (or a bar above) to see its equivalents.')}</span>
      </p>
      {choice.selectedWithout && (
        <p className="co2-eq-fallback" role="status">
          {t('co2.eq-fallback', '{selected} has no CO₂ figure ({reason}); showing {fallback}.', {
            selected: choice.selectedWithout.name,
            reason: leftOutText({ ...choice.selectedWithout, note: undefined }, t),
            fallback: bar.name,
          })}
        </p>
      )}
      <dl className="cards co2-eq-cards">
        {eq.passengerTrips && (
          <div className="card" data-testid="co2-eq-passenger">
            <dt>{x.passenger?.label}</dt>
            <dd className="card-figure" data-testid="co2-eq-passenger-value">
              {x.passenger?.figure}
            </dd>
            <dd className="card-note">
              {x.passenger?.how} <SourceLinks ids={eq.passengerTrips.sources} sourcesById={sourcesById} />
            </dd>
            {x.passenger?.talk && (
              <dd className="card-note co2-talk" data-testid="co2-eq-passenger-talk">
                {x.passenger.talk}
              </dd>
            )}
          </div>
        )}
        {eq.jetTrips && (
          <div className="card" data-testid="co2-eq-jet">
            <dt>{x.jet?.label}</dt>
            <dd className="card-figure" data-testid="co2-eq-jet-value">
              {x.jet?.figure}
            </dd>
            <dd className="card-note">
              {x.jet?.how} <SourceLinks ids={eq.jetTrips.sources} sourcesById={sourcesById} />
            </dd>
          </div>
        )}
        <div className="card" data-testid="co2-eq-brain">
          <dt>{x.brain.label}</dt>
          {eq.brainYears ? (
            <>
              <dd className="card-figure" data-testid="co2-eq-brain-value">
                {x.brain.figure}
              </dd>
              <dd className="card-note">
                {x.brain.how} <SourceLinks ids={eq.brainYears.sources} sourcesById={sourcesById} />
              </dd>
              {x.brain.talk && (
                <dd className="card-note co2-talk" data-testid="co2-eq-brain-talk">
                  {x.brain.talk}
                </dd>
              )}
            </>
          ) : (
            <dd className="card-figure card-figure-small fact-missing">{x.brain.figure}</dd>
          )}
        </div>
        {eq.gpt3 && (
          <div className="card" data-testid="co2-eq-gpt3">
            <dt>{x.gpt3?.label}</dt>
            <dd className="card-figure card-figure-small" data-testid="co2-eq-gpt3-value">
              {x.gpt3?.figure}
            </dd>
            <dd className="card-note">
              {x.gpt3?.how} <SourceLinks ids={eq.gpt3.sources} sourcesById={sourcesById} />
            </dd>
          </div>
        )}
      </dl>
      <p className="source-note">
        <span className="screen-only">{t('co2.eq-note-links', 'Each reference figure links its source.')} </span>
        {x.year}
      </p>
    </section>
  );
}
