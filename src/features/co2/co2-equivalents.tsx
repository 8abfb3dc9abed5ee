import { useId, useMemo } from 'react';
import type { Dataset, Source } from '../../data/schema';
import { formatDecimal, formatInteger } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { buildEquivalents, chooseEquivalentsRun } from '../../selectors/co2-series';
import { HOURS_PER_YEAR } from '../../lib/carbon';
import { formatEquivalent, formatMwh, formatSpread, formatTonnes, gpt3ShareText, leftOutText } from './co2-format';
import { SourceLinks } from './source-links';
import { TalkMarks } from '../../components/fact/field-cell-view';

interface Props {
  dataset: Dataset;
  sourcesById: ReadonlyMap<string, Source>;
}

/**
 * What one run's CO₂ and energy equal in things a reader knows, each from its own reference figure
 * and source. Describes GPT-3 (the talk's example) until a run with a CO₂ figure is selected
 * anywhere on the page.
 */
export function Co2Equivalents({ dataset, sourcesById }: Props) {
  const { t, locale } = useT();
  const selectedId = useAppStore((s) => s.selectedId);
  const choice = useMemo(() => chooseEquivalentsRun(dataset, selectedId), [dataset, selectedId]);
  const eq = useMemo(() => (choice.bar ? buildEquivalents(dataset, choice.bar) : undefined), [dataset, choice.bar]);
  const titleId = useId();
  const bar = choice.bar;
  if (!bar || !eq) return null;

  const tonnes = formatSpread(eq.co2, locale, formatTonnes);
  const spreadNote =
    eq.co2.min !== eq.co2.max ? t('co2.eq-spread', 'Ranges span the published figures ({range} t).', { range: tonnes }) : undefined;

  return (
    <section className="view co2-equivalents" aria-labelledby={titleId} data-testid="co2-equivalents" data-system-id={bar.id}>
      <h3 id={titleId}>{t('co2.eq-title', 'What {model}’s training emissions equal', { model: bar.name })}</h3>
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
            <dt>{t('co2.eq-passenger', 'San Francisco ↔ New York round trips, per passenger')}</dt>
            <dd className="card-figure" data-testid="co2-eq-passenger-value">
              {formatSpread(eq.passengerTrips.trips, locale, formatEquivalent)}
            </dd>
            <dd className="card-note">
              {t('co2.eq-passenger-how', '{co2} ÷ {perTrip} t CO₂e per passenger round trip', {
                co2: `${tonnes} t`,
                perTrip: formatDecimal(eq.passengerTrips.tonnesPerTrip, locale, 2),
              })}{' '}
              <SourceLinks ids={eq.passengerTrips.sources} sourcesById={sourcesById} />
            </dd>
            {eq.passengerTrips.talk && (
              <dd className="card-note co2-talk" data-testid="co2-eq-passenger-talk">
                {eq.passengerTrips.talk.relation === 'agrees'
                  ? t('co2.eq-talk-agrees', 'The talk: “{quote}” — agrees.', { quote: eq.passengerTrips.talk.text })
                  : t('co2.eq-talk-differs', '⚠ The talk: “{quote}”.', { quote: eq.passengerTrips.talk.text })}{' '}
                {eq.passengerTrips.talk.note}
              </dd>
            )}
          </div>
        )}
        {eq.jetTrips && (
          <div className="card" data-testid="co2-eq-jet">
            <dt>{t('co2.eq-jet', 'Round trips of a whole, fully loaded jet, San Francisco ↔ New York')}</dt>
            <dd className="card-figure" data-testid="co2-eq-jet-value">
              {formatSpread(eq.jetTrips.trips, locale, formatEquivalent)}
            </dd>
            <dd className="card-note">
              {t('co2.eq-jet-how', '{co2} ÷ {perTrip} t CO₂e per jet round trip', {
                co2: `${tonnes} t`,
                perTrip: formatInteger(eq.jetTrips.tonnesPerTrip, locale),
              })}{' '}
              <SourceLinks ids={eq.jetTrips.sources} sourcesById={sourcesById} />
            </dd>
          </div>
        )}
        <div className="card" data-testid="co2-eq-brain">
          <dt>{t('co2.eq-brain', 'Years of a human brain’s energy')}</dt>
          {eq.brainYears ? (
            <>
              <dd className="card-figure" data-testid="co2-eq-brain-value">
                {formatInteger(eq.brainYears.years, locale)}
              </dd>
              <dd className="card-note">
                {t('co2.eq-brain-how', '{mwh} MWh of training energy ÷ ({watts} W × {hoursPerYear} h a year)', {
                  mwh: formatMwh(eq.brainYears.mwh, locale),
                  watts: formatInteger(eq.brainYears.watts, locale),
                  hoursPerYear: formatInteger(HOURS_PER_YEAR, locale),
                })}
                {eq.brainYears.energy.status === 'estimated' && <> ({t('fact.estimated', 'est.')})</>}{' '}
                <SourceLinks ids={eq.brainYears.sources} sourcesById={sourcesById} />
              </dd>
              {eq.brainYears.talk && (
                <dd className="card-note co2-talk" data-testid="co2-eq-brain-talk">
                  {t('co2.eq-brain-talk', 'At the talk’s {talkWatts} (“{quote}”): {years} years. The source says {sourceWatts}.', {
                    talkWatts: `${formatInteger(eq.brainYears.talk.watts, locale)} W`,
                    quote: eq.brainYears.talk.text,
                    years: formatInteger(eq.brainYears.talk.years, locale),
                    sourceWatts: `${formatInteger(eq.brainYears.watts, locale)} W`,
                  })}
                </dd>
              )}
            </>
          ) : (
            <dd className="card-figure card-figure-small fact-missing">{t('co2.eq-no-energy', 'No published energy figure')}</dd>
          )}
        </div>
        {eq.gpt3 && (
          <div className="card" data-testid="co2-eq-gpt3">
            <dt>{t('co2.eq-gpt3', 'Compared with GPT-3')}</dt>
            <dd className="card-figure card-figure-small" data-testid="co2-eq-gpt3-value">
              {gpt3ShareText(eq.gpt3.multiple, t, locale)}
            </dd>
            <dd className="card-note">
              {t('co2.eq-gpt3-how', 'GPT-3’s {gpt3Tonnes} t ÷ {tonnes} t', {
                gpt3Tonnes: formatTonnes(eq.gpt3.tonnes, locale),
                tonnes: formatTonnes(eq.co2.value, locale),
              })}{' '}
              <SourceLinks ids={eq.gpt3.sources} sourcesById={sourcesById} />
            </dd>
          </div>
        )}
      </dl>
      <p className="source-note">
        {t(
          'co2.eq-note',
          'Each reference figure links its source. A year is 365.25 days (8,766 h). The energy is the run’s published MWh, so it does not change with the grid.',
        )}
      </p>
    </section>
  );
}
