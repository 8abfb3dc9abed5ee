import { memo, useCallback, useMemo, useRef } from 'react';
import {
  columnVisibilityFeature,
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { elementScroll, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import type { Dataset, Source } from '../../data/schema';
import { EXPLORER_COLUMNS, FIELD_IDS, isFieldId, MAX_COMPARE, type FieldId } from '../../data/fields';
import { AccessChip, FieldCellView } from '../../components/fact/field-cell-view';
import { useLinkedMark } from '../../components/linked-marks/use-linked-mark';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { fieldLabel, NUMERIC_FIELDS, selectFieldRows, type FieldRow } from '../../selectors/system-fields';
import { ColumnPicker } from './column-picker';
import { ExportMenu } from './export-menu';
import { ExportMenu as FigureExportMenu } from '../../components/chart-frame/export-menu';
import { buildExplorerFigure, explorerRows } from './models-table-figure';
import './models-table.css';
import { useViewFilters } from '../../store/view-filters';

// Sorted by sortFieldRows (selectors/explorer-sort.ts); the library keeps the sort state and the header controls.
const features = tableFeatures({ rowSortingFeature, columnVisibilityFeature });
const helper = createColumnHelper<typeof features, FieldRow>();
const NO_ROWS: FieldRow[] = [];

/** Scroll boxes the virtualizer has scrolled before. */
const scrolledBefore = new WeakSet<Element>();

/**
 * The library scrolls a scroll box it has just been given to its offset — 0 for a box React has
 * just created, where it already is — and that write forces a layout of the whole page while it
 * is still being built. That first no-op is skipped; every other scroll goes through.
 */
const scrollUnlessNew: typeof elementScroll<HTMLDivElement> = (offset, options, instance) => {
  const el = instance.scrollElement;
  if (el && !scrolledBefore.has(el)) {
    scrolledBefore.add(el);
    if (offset + (options.adjustments ?? 0) === 0) return;
  }
  elementScroll(offset, options, instance);
};

/**
 * Reports the scroll box's content-box size (the library's own observer reads clientWidth /
 * clientHeight; the box has no padding) from ResizeObserver entries, which arrive after layout,
 * instead of measuring it now. The height is at least the box's max-height: a box holding a short
 * result is only as tall as its rows, and a filter click that brings many rows back would first
 * draw a window that small, then again, a frame later, the screenful the box grows to.
 */
function observeBoxSize(
  instance: Virtualizer<HTMLDivElement, Element>,
  cb: (rect: { width: number; height: number }) => void,
): (() => void) | undefined {
  const element = instance.scrollElement;
  if (!element) return undefined;
  if (typeof ResizeObserver === 'undefined') {
    // No observer (jsdom): read the size once, as the library would.
    cb({ width: element.clientWidth, height: element.clientHeight });
    return undefined;
  }
  let last: { width: number; height: number } | undefined;
  const report = () =>
    last && cb({ width: last.width, height: Math.max(last.height, parseFloat(getComputedStyle(element).maxHeight) || 0) });
  const observer = new ResizeObserver((entries) => {
    const box = entries[entries.length - 1]?.contentBoxSize?.[0];
    if (!box) return;
    last = { width: Math.round(box.inlineSize), height: Math.round(box.blockSize) };
    report();
  });
  observer.observe(element);
  // The max-height follows the window (70vh) while a short result keeps the box itself the same size.
  window.addEventListener('resize', report);
  return () => {
    observer.disconnect();
    window.removeEventListener('resize', report);
  };
}

const ACCESS_FIELDS: ReadonlySet<FieldId> = new Set(['weights', 'trainingCode', 'datasetAccess']);
const ROW_HEIGHT_ESTIMATE = 44;

interface Props {
  dataset: Dataset;
}

export function ModelsTable({ dataset }: Props) {
  const { t, tn, locale } = useT();
  const filters = useViewFilters();
  const sorting = useAppStore((s) => s.sorting);
  const visibleColumns = useAppStore((s) => s.visibleColumns);
  const setSorting = useAppStore((s) => s.setSorting);
  const clearFilters = useAppStore((s) => s.clearFilters);

  const rowsById = useMemo(() => selectFieldRows(dataset, locale, t), [dataset, locale, t]);
  // The same rows, in the same order, as the explorer's figure (models-table-figure.ts).
  const rows = useMemo(() => explorerRows(dataset, filters, sorting, { t, tn, locale }), [dataset, filters, sorting, t, tn, locale]);
  const sourcesById = useMemo(() => new Map(dataset.sources.map((s) => [s.id, s])), [dataset]);

  const columns = useMemo(
    () =>
      helper.columns(
        EXPLORER_COLUMNS.map((id) =>
          helper.accessor((row) => row[id].sortKey, {
            id,
            header: fieldLabel(t, id),
            // Numbers read best largest-first on the first click; names and dates A→Z / oldest first.
            sortDescFirst: NUMERIC_FIELDS.has(id),
            enableHiding: id !== 'name',
          }),
        ),
      ),
    [t],
  );

  const sortingState: SortingState = useMemo(() => sorting.map((s) => ({ id: s.id, desc: s.desc })), [sorting]);
  const columnVisibility = useMemo(() => Object.fromEntries(FIELD_IDS.map((f) => [f, visibleColumns.includes(f)])), [visibleColumns]);

  // The library keeps the columns, their visibility and the sort state (the header's controls); the
  // body draws `rows` itself. Given them, it would build a row object for each of them on every
  // filter click and sort (50,000 at the largest size).
  const table = useTable({
    features,
    columns,
    data: NO_ROWS,
    getRowId: (row) => row.system.id,
    state: { sorting: sortingState, columnVisibility },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sortingState) : updater;
      setSorting(next.filter((s) => isFieldId(s.id)).map((s) => ({ id: s.id as FieldId, desc: s.desc })));
    },
    // Rows arrive sorted (sortFieldRows: missing values — "not disclosed", "unknown", "—" — last in both directions).
    manualSorting: true,
    enableMultiSort: true,
    maxMultiSortColCount: 4,
  });

  const visibleLeafColumns = table.getVisibleLeafColumns();
  const shownColumns = visibleLeafColumns.map((c) => c.id as FieldId);
  const sectionRef = useRef<HTMLElement>(null);
  const title = t('models-table.title', 'Model explorer');
  const legendNote = t(
    'models-table.legend',
    'Italic with “est.”: an estimate, not a reported figure. ⚠: the talk says something else or could not be checked; ✓: the talk agrees. [n]: sources, opening in a new tab.',
  );
  const figure = useCallback(
    (link: string) => buildExplorerFigure({ dataset, filters, sorting, visibleColumns, link, translator: { t, tn, locale } }),
    [dataset, filters, sorting, visibleColumns, t, tn, locale],
  );

  return (
    <section className="view models-table" aria-labelledby="models-table-title" ref={sectionRef}>
      <div className="view-head">
        <h2 id="models-table-title">{title}</h2>
        <div className="toolbar">
          <ColumnPicker visible={visibleColumns} />
          <FigureExportMenu
            panelId="models-table"
            dataset={dataset}
            filters={filters}
            title={title}
            figure={figure}
            screenWidth={() => sectionRef.current?.getBoundingClientRect().width ?? 720}
          />
          <ExportMenu dataset={dataset} rows={rows} columns={shownColumns} rowsById={rowsById} />
        </div>
      </div>
      <p className="view-sub muted">
        {tn('models-table.count', rows.length, '{count} row', '{count} rows')} ·{' '}
        <span className="screen-only hint-pointer">
          {t(
            'models-table.hint',
            'Click a header to sort, Shift+click to add a second sort key. Click a row (or press Enter) to select it everywhere.',
          )}
        </span>
        {/* A touch screen has no Shift key (and no hover): its own hint. */}
        <span className="screen-only hint-touch">
          {t('models-table.hint-touch', 'Tap a header to sort by it; tap a row to select it everywhere.')}
        </span>
      </p>
      {rows.length === 0 ? (
        <p className="empty-result" role="status">
          {t('models-table.empty', 'No models match.')}{' '}
          <button type="button" className="link-button" onClick={clearFilters}>
            {t('filters.clear-all', 'Clear all filters')}
          </button>
        </p>
      ) : (
        <TableBody table={table} rows={rows} sourcesById={sourcesById} columnCount={visibleLeafColumns.length} />
      )}
      <p className="source-note">{legendNote}</p>
    </section>
  );
}

type ExplorerTable = ReturnType<typeof useTable<typeof features, FieldRow>>;

function TableBody({
  table,
  rows,
  sourcesById,
  columnCount,
}: {
  table: ExplorerTable;
  rows: readonly FieldRow[];
  sourcesById: ReadonlyMap<string, Source>;
  columnCount: number;
}) {
  const { t } = useT();
  const selectedId = useAppStore((s) => s.selectedId);
  const hoveredId = useAppStore((s) => s.hoveredId);
  const compareIds = useAppStore((s) => s.compareIds);
  const scrollRef = useRef<HTMLDivElement>(null);
  const sorting = table.state.sorting;

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions are read during render on purpose
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_ESTIMATE,
    getItemKey: (index) => rows[index].system.id,
    overscan: 8,
    // A row is measured by the ResizeObserver after layout, never by reading its height while React
    // inserts rows, which would force a page layout per new row on every filter click.
    measureElement: (element, entry, instance) => {
      const box = entry?.borderBoxSize?.[0];
      if (box) return Math.round(box.blockSize);
      return instance.measurementsCache[Number(element.getAttribute('data-index'))]?.size ?? ROW_HEIGHT_ESTIMATE;
    },
    // jsdom has no layout: render a first screenful so component tests see rows.
    initialRect: { width: 1200, height: 640 },
    // The scroll box's size comes from the ResizeObserver only: the library's default also reads it
    // while React mounts the table, which would force a layout of the whole page at start.
    observeElementRect: observeBoxSize,
    scrollToFn: scrollUnlessNew,
  });
  // On paper every row is printed, not only those scrolled into view (see app/print-mode.ts).
  const printing = useAppStore((s) => s.printing);
  const virtualItems = virtualizer.getVirtualItems();
  const items = printing ? rows.map((_, index) => ({ index })) : virtualItems;
  const padTop = !printing && virtualItems.length > 0 ? virtualItems[0].start : 0;
  const padBottom = !printing && virtualItems.length > 0 ? virtualizer.getTotalSize() - virtualItems[virtualItems.length - 1].end : 0;

  // Visible columns as one array that keeps its identity while they stay the same (rows are memoized on it).
  const columnKey = table
    .getVisibleLeafColumns()
    .map((c) => c.id)
    .join(',');
  const columns = useMemo(() => columnKey.split(',') as FieldId[], [columnKey]);

  return (
    <div className="table-scroll" ref={scrollRef} data-testid="models-table-scroll" tabIndex={-1}>
      <table className="data-table explorer-table" aria-rowcount={rows.length + 1} data-testid="models-table">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const column = header.column;
                const dir = column.getIsSorted();
                const index = sorting.findIndex((s) => s.id === column.id);
                const primary = index === 0;
                const label = fieldLabel(t, column.id as FieldId);
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={`col-${column.id}${NUMERIC_FIELDS.has(column.id as FieldId) ? ' is-numeric' : ''}`}
                    aria-sort={primary && dir ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    <button
                      type="button"
                      className="sort-button"
                      onClick={column.getToggleSortingHandler()}
                      data-testid={`sort-${column.id}`}
                    >
                      <span>{label}</span>
                      <span className="sort-indicator" aria-hidden="true">
                        {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}
                        {dir && sorting.length > 1 ? index + 1 : ''}
                      </span>
                      {dir && !primary && (
                        <span className="visually-hidden">
                          {t('models-table.sorted-nth', 'sorted {nth}, {direction}', {
                            nth: index + 1,
                            direction:
                              dir === 'asc' ? t('models-table.ascending', 'ascending') : t('models-table.descending', 'descending'),
                          })}
                        </span>
                      )}
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={columnCount} style={{ height: padTop }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index];
            const id = row.system.id;
            const picked = compareIds.includes(id);
            return (
              <ExplorerRow
                key={id}
                row={row}
                index={item.index}
                selected={id === selectedId}
                hovered={id === hoveredId}
                picked={picked}
                pickable={picked || compareIds.length < MAX_COMPARE}
                columns={columns}
                sourcesById={sourcesById}
                measure={printing ? undefined : virtualizer.measureElement}
              />
            );
          })}
          {padBottom > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={columnCount} style={{ height: padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  row: FieldRow;
  /** Position in the sorted rows (aria-rowindex, the virtualizer's data-index). */
  index: number;
  selected: boolean;
  hovered: boolean;
  picked: boolean;
  /** Whether its compare box may be ticked (picked, or fewer than the maximum picked). */
  pickable: boolean;
  columns: readonly FieldId[];
  sourcesById: ReadonlyMap<string, Source>;
  /** The virtualizer's measuring ref (none while printing). */
  measure?: (el: Element | null) => void;
}

/**
 * One explorer row. Memoized: hovering a row re-renders two rows, not all of them, and a sort
 * that only moves a row re-renders its <tr> but not its cells.
 */
const ExplorerRow = memo(function ExplorerRow({
  row,
  index,
  selected,
  hovered,
  picked,
  pickable,
  columns,
  sourcesById,
  measure,
}: RowProps) {
  const linkedMark = useLinkedMark();
  const id = row.system.id;
  const cls = ['data-row', selected && 'is-selected', hovered && 'is-hovered'].filter(Boolean).join(' ');
  return (
    <tr
      data-index={index}
      data-system-id={id}
      ref={measure}
      className={cls}
      aria-rowindex={index + 2}
      {...linkedMark(id, { kind: 'row', pressed: selected })}
    >
      <RowCells row={row} picked={picked} pickable={pickable} columns={columns} sourcesById={sourcesById} />
    </tr>
  );
});

const RowCells = memo(function RowCells({
  row,
  picked,
  pickable,
  columns,
  sourcesById,
}: Pick<RowProps, 'row' | 'picked' | 'pickable' | 'columns' | 'sourcesById'>) {
  const { t } = useT();
  const toggleCompare = useAppStore((s) => s.toggleCompare);
  const id = row.system.id;
  return columns.map((field) => {
    const value = row[field];
    return (
      <td key={field} className={`col-${field}${NUMERIC_FIELDS.has(field) ? ' is-numeric' : ''}`} data-field={field}>
        {field === 'name' ? (
          <span className="name-cell">
            <input
              type="checkbox"
              checked={picked}
              disabled={!pickable}
              onChange={() => toggleCompare(id)}
              aria-label={t('models-table.compare-pick', 'Compare {system}', { system: row.system.name })}
              title={t('models-table.compare-pick', 'Compare {system}', { system: row.system.name })}
            />
            <FieldCellView cell={value} sourcesById={sourcesById} hideSources />
          </span>
        ) : ACCESS_FIELDS.has(field) ? (
          <span className="cell">
            <span className="cell-main">
              <AccessChip cell={value} label={fieldLabel(t, field)} sourcesById={sourcesById} />
            </span>
          </span>
        ) : (
          <FieldCellView cell={value} sourcesById={sourcesById} clip />
        )}
      </td>
    );
  });
});
