import { lazy, Suspense, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Dataset } from '../../data/schema';
import { formatInteger } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { describeFilters } from '../../selectors/filter-summary';
import './chart-frame.css';
import { ExportMenu, viewLink } from './export-menu';
import { FigureBox, useFigureTheme } from '../figure/figure-box';
import { AnnotateButton, AnnotationKey, AnnotationTable, type AnnotationsSpec } from '../annotations/annotation-key';

import { MAX_DATA_TABLE_ROWS, MAX_LEFT_OUT } from '../../selectors/mark-cap';
import { useViewFilters } from '../../store/view-filters';
import { useAppStore } from '../../store';
import type { LazyList } from '../../lib/lazy-list';
import type { FigureModel } from '../figure/figure-model';
import { DateText } from '../fact/date-text';

// The editor loads the first time a panel's Annotate button is pressed: most readers never open it.
const AnnotationEditor = lazy(() => import('../annotations/annotation-editor'));

export interface LeftOut {
  id: string;
  name: string;
  /** Why it is not drawn: "not disclosed", "no GPU-hours published"… (translated). */
  reason: string;
}

export interface DataTableSpec {
  columns: string[];
  /** One row per plotted item, built from the same series the chart draws. */
  rows: { id: string; cells: string[] }[];
}

interface Props {
  /** Stable id: `data-chart`, test ids, and later export file names. */
  id: string;
  dataset: Dataset;
  title: string;
  /** What is plotted and in which unit, one sentence. */
  description: string;
  controls?: ReactNode;
  legend?: ReactNode;
  /** Items drawn, and systems in the filtered set the chart could have drawn. */
  shown: number;
  total: number;
  /** Why systems are not drawn: a list, or one labelled only when read (lib/lazy-list.ts). */
  leftOut: readonly LeftOut[] | LazyList<LeftOut>;
  /**
   * Said on the chart (and in the exported image) when the chart draws only a subset of what it
   * could, e.g. "Showing the 40 largest of 8,123 systems with a training cost…".
   */
  capNote?: string;
  sourceNote: ReactNode;
  footnotes?: ReactNode;
  /**
   * The "show data" table and the CSV. A function is called only when the table is opened or the
   * CSV exported, so a filter click does not format thousands of rows nobody is looking at.
   */
  dataTable: DataTableSpec | (() => DataTableSpec);
  /** Said after the filters under the title: a view setting that narrows what is drawn (the timeline's window). */
  subtitleNote?: string;
  /** The panel's figure model (given the view's permalink): what its exports, at every size, Present and Embed draw. */
  figure: (link: string) => FigureModel;
  /** The panel's annotations, where it takes them: the key under the figure, the editor, the data table's list. */
  annotations?: AnnotationsSpec;
  children: ReactNode;
}

/**
 * Every chart sits in one frame: title, a subtitle naming the active filters, controls, the chart,
 * its legend, "N of M shown" with what was left out and why, the source note, and a "show data"
 * table built from the same series — an accessible alternative that cannot disagree with the chart.
 */
export function ChartFrame({
  id,
  dataset,
  title,
  description,
  controls,
  legend,
  shown,
  total,
  leftOut,
  capNote,
  sourceNote,
  footnotes,
  dataTable,
  subtitleNote,
  figure,
  annotations,
  children,
}: Props) {
  const { t, tn, locale } = useT();
  const filters = useViewFilters();
  const subtitle = useMemo(
    () => [describeFilters(filters, dataset, t, locale), subtitleNote].filter(Boolean).join(' · '),
    [filters, dataset, t, locale, subtitleNote],
  );
  const [showData, setShowData] = useState(false);
  const [annotating, setAnnotating] = useState(false);
  const editorId = useId();
  // The left-out names are rendered while their list is open (LeftOutList), and on paper grouped
  // by reason: closed, they were a hundred hidden items per chart, replaced on every filter click.
  const printing = useAppStore((s) => s.printing);
  const leftOutItems = () => ('items' in leftOut ? leftOut.items() : leftOut);
  const titleId = useId();
  const tableId = useId();
  const sectionRef = useRef<HTMLElement>(null);
  const openTable = useMemo(() => (!showData ? null : typeof dataTable === 'function' ? dataTable() : dataTable), [showData, dataTable]);
  // Presented or embedded, a panel with a figure model shows that figure laid out for the screen or
  // the frame (the same drawing as its exports), with its controls and Export menu above it.
  const mode = useAppStore((s) => (s.embedPanel === id ? 'embed' : s.embedPanel === null && s.presentPanel === id ? 'present' : null));
  const exportMenu = (
    <ExportMenu
      panelId={id}
      dataset={dataset}
      filters={filters}
      title={title}
      figure={figure}
      screenWidth={() => sectionRef.current?.getBoundingClientRect().width ?? 720}
    />
  );
  if (mode)
    return (
      <section
        ref={sectionRef}
        className="view chart-frame is-published"
        data-chart={id}
        aria-labelledby={titleId}
        data-testid={`chart-${id}`}
      >
        <header className="published-head">
          <h2 id={titleId} className="visually-hidden">
            {title}
          </h2>
          <div className="chart-controls">
            {controls}
            {exportMenu}
          </div>
        </header>
        <PublishedFigure figure={figure} bottom={mode === 'present' ? 72 : 0} />
      </section>
    );
  return (
    <section ref={sectionRef} className="view chart-frame" data-chart={id} aria-labelledby={titleId} data-testid={`chart-${id}`}>
      <header className="chart-head">
        <div>
          <h2 id={titleId}>{title}</h2>
          <p className="chart-subtitle" data-testid={`chart-${id}-subtitle`}>
            {subtitle}
          </p>
        </div>
        <div className="chart-controls">
          {controls}
          {annotations && (
            <AnnotateButton spec={annotations} open={annotating} onToggle={() => setAnnotating((v) => !v)} editorId={editorId} />
          )}
          {exportMenu}
        </div>
      </header>
      <p className="chart-description">{description}</p>
      {annotations && annotating && (
        <Suspense fallback={null}>
          <AnnotationEditor spec={annotations} title={title} id={editorId} />
        </Suspense>
      )}
      <figure className="chart-figure" aria-label={title}>
        {children}
        {legend && <figcaption className="chart-legend">{legend}</figcaption>}
        {annotations && <AnnotationKey spec={annotations} />}
      </figure>
      <div className="chart-meta">
        {capNote && (
          <p className="chart-cap-note" data-testid={`chart-${id}-cap-note`}>
            {capNote}
          </p>
        )}
        <p className="chart-count" data-testid={`chart-${id}-count`}>
          {tn('chart.shown', total, '{shown} of {total} system shown', '{shown} of {total} systems shown', {
            shown: formatInteger(shown, locale),
            total: formatInteger(total, locale),
          })}
        </p>
        {leftOut.length > 0 && <LeftOutList id={id} count={leftOut.length} items={leftOutItems} />}
        {leftOut.length > 0 && printing && (
          // On paper the list is grouped by reason, so a long list does not push the panel over a page.
          <ul className="print-only chart-left-out-grouped">
            {groupByReason(leftOutItems())
              .slice(0, MAX_LEFT_OUT)
              .map(([reason, names]) => (
                <li key={reason}>
                  <strong>{reason}</strong>: {names.slice(0, MAX_LEFT_OUT).join(', ')}
                  {names.length > MAX_LEFT_OUT &&
                    ` ${t('chart.left-out-more', '… and {more} more; the CSV export lists every system.', { more: formatInteger(names.length - MAX_LEFT_OUT, locale) })}`}
                </li>
              ))}
          </ul>
        )}
      </div>
      {footnotes && <div className="chart-footnotes">{footnotes}</div>}
      <p className="source-note">{sourceNote}</p>
      <button type="button" className="show-data" aria-expanded={showData} aria-controls={tableId} onClick={() => setShowData((v) => !v)}>
        {showData ? t('chart.hide-data', 'Hide data') : t('chart.show-data', 'Show data')}
      </button>
      <div id={tableId} hidden={!showData}>
        {openTable && (
          <div className="table-scroll chart-data-scroll">
            <table className="data-table chart-data" data-testid={`chart-${id}-data`}>
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  {openTable.columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {openTable.rows.slice(0, MAX_DATA_TABLE_ROWS).map((r) => (
                  <tr key={r.id} data-row-id={r.id}>
                    {r.cells.map((c, i) =>
                      i === 0 ? (
                        <th key={i} scope="row">
                          {c}
                        </th>
                      ) : (
                        <td key={i}>
                          <DateText text={c} />
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
            {annotations && <AnnotationTable rows={annotations.resolved.rows} />}
            {openTable.rows.length > MAX_DATA_TABLE_ROWS && (
              <p className="chart-data-more" data-testid={`chart-${id}-data-more`}>
                {t('chart.data-more', 'The first {shown} of {total} rows; the CSV export has all of them.', {
                  shown: formatInteger(MAX_DATA_TABLE_ROWS, locale),
                  total: formatInteger(openTable.rows.length, locale),
                })}
              </p>
            )}
          </div>
        )}
      </div>
    </section>
  );
}

/** The panel's figure model for this view, drawn for its box in the page's theme. */
function PublishedFigure({ figure, bottom }: { figure: (link: string) => FigureModel; bottom: number }) {
  const theme = useFigureTheme();
  const model = useMemo(() => figure(viewLink()), [figure]);
  return <FigureBox model={model} bottom={bottom} theme={theme} />;
}

/**
 * "N left out — why": the names are rendered while the list is open. Its own component, so that a
 * list that goes away (nothing left out) and comes back starts closed, with nothing rendered.
 */
function LeftOutList({ id, count, items }: { id: string; count: number; items: () => readonly LeftOut[] }) {
  const { t, tn, locale } = useT();
  const [open, setOpen] = useState(false);
  return (
    <details className="chart-left-out" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{tn('chart.left-out', count, '{count} left out — why', '{count} left out — why')}</summary>
      <ul data-testid={`chart-${id}-left-out`}>
        {open &&
          items()
            .slice(0, MAX_LEFT_OUT)
            .map((l) => (
              <li key={l.id}>
                <strong>{l.name}</strong>: {l.reason}
              </li>
            ))}
        {open && count > MAX_LEFT_OUT && (
          <li className="chart-left-out-more">
            {t('chart.left-out-more', '… and {more} more; the CSV export lists every system.', {
              more: formatInteger(count - MAX_LEFT_OUT, locale),
            })}
          </li>
        )}
      </ul>
    </details>
  );
}

/** Left-out systems grouped by their reason, in first-seen order. */
export function groupByReason(leftOut: readonly LeftOut[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const l of leftOut) {
    const names = groups.get(l.reason);
    if (names) names.push(l.name);
    else groups.set(l.reason, [l.name]);
  }
  return [...groups];
}

/** A small segmented control for chart settings (scale, lanes): radio buttons styled as a switch. */
export function Segmented<T extends string>({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  /** null: none of the options is on (the timeline zoomed to a dragged period). */
  value: T | null;
  options: { value: T; label: string }[];
  onChange: (v: T) => void;
  testId?: string;
}) {
  const name = useId();
  return (
    <fieldset className="segmented" data-testid={testId}>
      <legend>{label}</legend>
      {options.map((o) => (
        <label key={o.value} className={o.value === value ? 'is-on' : undefined}>
          <input type="radio" name={name} value={o.value} checked={o.value === value} onChange={() => onChange(o.value)} />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
