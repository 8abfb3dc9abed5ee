import { useCallback, useId, useMemo, useRef, type KeyboardEvent } from 'react';
import type { Dataset, SeedTable, Source } from '../../data/schema';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { useLinkedMark } from '../../components/linked-marks/use-linked-mark';
import { selectFilteredSystems } from '../../selectors/filtered-systems';
import { ExportMenu } from '../../components/chart-frame/export-menu';
import { buildSeedTablesFigure, countCorrections } from './seed-tables-figure';
import './seed-tables.css';
import { useViewFilters } from '../../store/view-filters';
import { idSetOf } from '../../selectors/systems-by-id';

/*
 * The talk's two comparison tables, reproduced cell for cell. "talk" mode shows only the talk's
 * text (with a marker where a source differs, so no cell misleads); "checked" mode shows the
 * talk's text struck through next to the corrected reading. Model labels are buttons into the
 * shared selection, and models outside the global filters are dimmed, never removed, so the
 * talk's table always stays whole.
 */

type Mode = 'talk' | 'checked';
type SeedRow = SeedTable['rows'][number];
type SeedCell = SeedRow['cells'][number];
type SourcesById = ReadonlyMap<string, Source>;
type NamesById = ReadonlyMap<string, string>;

interface Props {
  dataset: Dataset;
}

export function SeedTables({ dataset }: Props) {
  const { t, tn, locale } = useT();
  const filters = useViewFilters();
  const mode = useAppStore((s) => s.viewSettings.seedTablesMode);
  const setViewSetting = useAppStore((s) => s.setViewSetting);
  const inView = useMemo(() => idSetOf(selectFilteredSystems(dataset, filters)), [dataset, filters]);
  const sourcesById = useMemo(() => new Map(dataset.sources.map((s) => [s.id, s])), [dataset]);
  const namesById = useMemo(() => new Map(dataset.systems.map((s) => [s.id, s.name])), [dataset]);
  const corrections = useMemo(() => dataset.seedTables.reduce((n, table) => n + countCorrections(table), 0), [dataset]);
  const switchId = useId();
  const sectionRef = useRef<HTMLElement>(null);
  const title = t('seed-tables.title', 'The talk’s comparison tables');
  const figure = useCallback(
    (link: string) => buildSeedTablesFigure({ dataset, mode, link, translator: { t, tn, locale } }),
    [dataset, mode, t, tn, locale],
  );

  return (
    <section className="view seed-tables" aria-labelledby="seed-tables-title" ref={sectionRef}>
      <div className="view-head">
        <h2 id="seed-tables-title">{title}</h2>
        <div className="toolbar">
          <ExportMenu
            panelId="seed-tables"
            dataset={dataset}
            filters={filters}
            title={title}
            figure={figure}
            screenWidth={() => sectionRef.current?.getBoundingClientRect().width ?? 720}
          />
        </div>
      </div>
      <p className="seed-intro">
        {t('seed-tables.intro', 'The two tables the talk shows, cell for cell. Select a model name to highlight it in every view.')}
      </p>
      <div className="seed-controls">
        <label className="seed-switch" htmlFor={switchId}>
          <input
            id={switchId}
            type="checkbox"
            role="switch"
            checked={mode === 'checked'}
            onChange={(e) => setViewSetting('seedTablesMode', e.target.checked ? 'checked' : 'talk')}
            data-testid="seed-tables-mode"
          />
          <span className="seed-switch-track" aria-hidden="true" />
          <span>{t('seed-tables.mode-checked', 'Checked against sources')}</span>
        </label>
        <p className="seed-mode-hint" aria-live="polite">
          {mode === 'checked'
            ? t('seed-tables.hint-checked', 'Struck-through text is the talk’s; underlined text is what the linked source says.')
            : tn(
                'seed-tables.hint-talk',
                corrections,
                'As the talk shows them. {count} cell differs from a checked source (marked ⚠).',
                'As the talk shows them. {count} cells differ from checked sources (marked ⚠).',
              )}
        </p>
      </div>
      {dataset.seedTables.length === 0 ? (
        <p className="muted">{t('seed-tables.empty', 'This dataset has no tables from the talk.')}</p>
      ) : (
        dataset.seedTables.map((table) => (
          <SeedTableView key={table.id} table={table} mode={mode} inView={inView} sourcesById={sourcesById} namesById={namesById} />
        ))
      )}
    </section>
  );
}

/** A model-linked line of a table: a column of Vicuna's table, a row of Koala's. */
interface ModelLine {
  /** Every system the line's label and cells describe. */
  systemIds: ReadonlySet<string>;
}

/** The lines whose label names models, in table order; `null` where a line names none. */
function buildModelLines(table: SeedTable): (ModelLine | null)[] {
  if (table.orientation === 'models-as-columns') {
    return table.header.map((h, i) => {
      const ids = new Set([...h.systemIds, ...table.rows.flatMap((r) => r.cells[i]?.systemIds ?? [])]);
      return ids.size > 0 ? { systemIds: ids } : null;
    });
  }
  return table.rows.map((r) => {
    const ids = new Set([...r.systemIds, ...r.cells.flatMap((c) => c.systemIds)]);
    return ids.size > 0 ? { systemIds: ids } : null;
  });
}

interface LineState {
  selected: boolean;
  hovered: boolean;
  filteredOut: boolean;
}

function lineState(line: ModelLine | null, selectedId: string | null, hoveredId: string | null, inView: ReadonlySet<string>): LineState {
  if (!line) return { selected: false, hovered: false, filteredOut: false };
  return {
    selected: selectedId !== null && line.systemIds.has(selectedId),
    hovered: hoveredId !== null && line.systemIds.has(hoveredId),
    filteredOut: [...line.systemIds].every((id) => !inView.has(id)),
  };
}

function lineClass(state: LineState | undefined, extra?: string): string | undefined {
  const cls = [extra, state?.selected && 'is-selected', state?.hovered && 'is-hovered', state?.filteredOut && 'is-filtered-out']
    .filter(Boolean)
    .join(' ');
  return cls || undefined;
}

interface TableProps {
  table: SeedTable;
  mode: Mode;
  inView: ReadonlySet<string>;
  sourcesById: SourcesById;
  namesById: NamesById;
}

function SeedTableView({ table, mode, inView, sourcesById, namesById }: TableProps) {
  const { t, tn } = useT();
  const selectedId = useAppStore((s) => s.selectedId);
  const hoveredId = useAppStore((s) => s.hoveredId);
  const captionId = useId();
  const lines = useMemo(() => buildModelLines(table), [table]);
  const states = lines.map((line) => lineState(line, selectedId, hoveredId, inView));
  const modelCount = lines.filter(Boolean).length;
  const outCount = states.filter((s) => s.filteredOut).length;
  const byColumn = table.orientation === 'models-as-columns';
  const sources = table.sources.map((id) => sourcesById.get(id)).filter((s): s is Source => !!s);
  const outsideNote = (state: LineState | undefined) =>
    state?.filteredOut && <span className="visually-hidden"> ({t('seed-tables.outside-filters', 'outside the current filters')})</span>;

  return (
    <div className="seed-table-block" data-testid={`seed-table-${table.id}`}>
      {outCount > 0 && (
        <p className="seed-filter-note">
          {tn(
            'seed-tables.filtered-out',
            outCount,
            '{count} of {total} models in this table is outside the current filters (dimmed).',
            '{count} of {total} models in this table are outside the current filters (dimmed).',
            { total: modelCount },
          )}
        </p>
      )}
      {/* Focusable so keyboard users can scroll it on narrow screens. */}
      <div className="seed-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="seed-table">
          <caption id={captionId}>
            <span className="seed-caption-text">{table.title}</span>
          </caption>
          <thead>
            <tr>
              {table.cornerLabel ? <th scope="col">{table.cornerLabel}</th> : <td />}
              {table.header.map((h, i) => {
                const state = byColumn ? states[i] : undefined;
                return (
                  <th key={i} scope="col" className={lineClass(state)}>
                    <ModelLabel text={h.text} ids={h.systemIds} namesById={namesById} selectedId={selectedId} />
                    {outsideNote(state)}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => {
              const rowState = byColumn ? undefined : states[r];
              return (
                <tr key={r} className={lineClass(rowState)}>
                  <th scope="row">
                    <ModelLabel text={row.label} ids={row.systemIds} namesById={namesById} selectedId={selectedId} />
                    {outsideNote(rowState)}
                  </th>
                  {row.cells.map((cell, c) => (
                    <td key={c} className={lineClass(byColumn ? states[c] : undefined, cell.mark && 'seed-mark-cell')}>
                      <SeedCellView cell={cell} mode={mode} sourcesById={sourcesById} />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="source-note seed-table-source">
        <p>
          {tn('seed-tables.sources', sources.length, 'Source:', 'Sources:')}{' '}
          {sources.map((s, i) => (
            <span key={s.id}>
              {i > 0 && '; '}
              <ExternalLink source={s} text={s.publisher ? `${s.title} (${s.publisher})` : s.title} />
            </span>
          ))}
        </p>
        {table.note && (
          <p>
            {t('seed-tables.note', 'Note:')} {table.note}
          </p>
        )}
      </div>
    </div>
  );
}

interface ModelLabelProps {
  text: string;
  ids: readonly string[];
  namesById: NamesById;
  selectedId: string | null;
}

/**
 * A header or row label. Without systems it is plain text. "Bard/ChatGPT" with two systems
 * becomes two buttons around the "/" so the visible text stays the talk's; "LLaMA" naming four
 * sizes is one button that selects the first (or keeps whichever of them is already selected).
 */
function ModelLabel({ text, ids, namesById, selectedId }: ModelLabelProps) {
  if (ids.length === 0) return <>{text}</>;
  const parts = text.split('/');
  if (ids.length > 1 && parts.length === ids.length) {
    const paired = pairPartsWithIds(parts, ids, namesById);
    return (
      <span className="seed-labels">
        {paired.map(({ part, id }, i) => (
          <span key={id}>
            {i > 0 && '/'}
            <ModelButton text={part} ids={[id]} namesById={namesById} selectedId={selectedId} />
          </span>
        ))}
      </span>
    );
  }
  return <ModelButton text={text} ids={ids} namesById={namesById} selectedId={selectedId} />;
}

/** Matches "Bard" to the system named "Bard…", falling back to the same position. */
function pairPartsWithIds(parts: string[], ids: readonly string[], namesById: NamesById): { part: string; id: string }[] {
  const left = [...ids];
  const byName = parts.map((part) => {
    const p = part.trim().toLocaleLowerCase();
    const match = left.find((id) => (namesById.get(id) ?? id).toLocaleLowerCase().startsWith(p));
    if (match) left.splice(left.indexOf(match), 1);
    return match;
  });
  return parts.map((part, i) => ({ part, id: byName[i] ?? left.shift() ?? ids[i] }));
}

function ModelButton({
  text,
  ids,
  namesById,
  selectedId,
}: {
  text: string;
  ids: readonly string[];
  namesById: NamesById;
  selectedId: string | null;
}) {
  const { t } = useT();
  const linkedMark = useLinkedMark();
  const pressed = selectedId !== null && ids.includes(selectedId);
  // With several systems behind one label, a second click clears the one that is selected.
  const target = pressed && selectedId ? selectedId : ids[0];
  const names = ids.map((id) => namesById.get(id) ?? id).join(', ');
  return (
    <button
      type="button"
      className="seed-model"
      title={ids.length > 1 ? t('seed-tables.covers', 'Covers: {models}', { models: names }) : undefined}
      data-system-ids={ids.join(' ')}
      {...linkedMark(target, { kind: 'button', pressed })}
    >
      {text}
    </button>
  );
}

function SeedCellView({ cell, mode, sourcesById }: { cell: SeedCell; mode: Mode; sourcesById: SourcesById }) {
  const { t } = useT();
  const talk = cell.mark ? <Mark mark={cell.mark} /> : cell.text;
  const checked = cell.checked;
  if (!checked) return <>{talk}</>;
  if (mode === 'talk') {
    return (
      <>
        {talk}{' '}
        <NoteMarker
          kind="differs"
          glyph="⚠"
          label={t('seed-tables.differs', 'A source differs')}
          note={t(
            'seed-tables.differs-note',
            'A checked source says otherwise: {note} Switch on “Checked against sources” to see the corrected text.',
            {
              note: checked.note,
            },
          )}
        />
      </>
    );
  }
  const sources = checked.sources.map((id) => sourcesById.get(id)).filter((s): s is Source => !!s);
  return (
    <span className="seed-correction">
      <del>
        <span className="visually-hidden">{t('seed-tables.talk-said', 'The talk says:')} </span>
        {talk}
      </del>{' '}
      <ins>
        <span className="visually-hidden">{t('seed-tables.source-says', 'Checked against sources:')} </span>
        {checked.text}
      </ins>{' '}
      <NoteMarker kind="checked" glyph="✎" label={t('seed-tables.why', 'Why corrected')} note={checked.note} />
      {sources.length > 0 && (
        <span className="seed-cell-sources">
          {sources.map((s) => (
            <ExternalLink key={s.id} source={s} text={s.publisher ?? s.title} />
          ))}
        </span>
      )}
    </span>
  );
}

function Mark({ mark }: { mark: 'check' | 'cross' }) {
  const { t } = useT();
  return (
    <span className={`seed-mark seed-mark-${mark}`}>
      <span aria-hidden="true">{mark === 'check' ? '✓' : '✗'}</span>
      <span className="visually-hidden">{mark === 'check' ? t('seed-tables.mark.yes', 'yes') : t('seed-tables.mark.no', 'no')}</span>
    </span>
  );
}

/**
 * A small focusable marker whose note shows on hover and on keyboard focus (CSS), and is its
 * accessible description. Escape hides it again by leaving the marker.
 */
function NoteMarker({ kind, glyph, label, note }: { kind: 'differs' | 'checked'; glyph: string; label: string; note: string }) {
  const noteId = useId();
  const onKeyDown = (e: KeyboardEvent<HTMLSpanElement>) => {
    if (e.key === 'Escape') e.currentTarget.blur();
  };
  return (
    <span className={`seed-note seed-note-${kind}`}>
      <span className="seed-marker" tabIndex={0} role="note" aria-label={label} aria-describedby={noteId} onKeyDown={onKeyDown}>
        <span aria-hidden="true">{glyph}</span>
      </span>
      <span className="seed-tooltip" id={noteId} role="tooltip">
        {note}
      </span>
    </span>
  );
}

function ExternalLink({ source, text }: { source: Source; text: string }) {
  const { t } = useT();
  // An imported file has no address: its title is plain text, never a link.
  if (!source.url) return <span title={source.title}>{text}</span>;
  return (
    <a href={source.url} target="_blank" rel="noopener noreferrer" title={source.title}>
      {text}
      <span className="visually-hidden"> ({t('seed-tables.new-tab', 'opens in a new tab')})</span>
    </a>
  );
}

/**
 * The tables' source lines as the exported image states them: built from the data (the page's
 * links carry screen-reader text such as "opens in a new tab" that has no place in an image).
 */
