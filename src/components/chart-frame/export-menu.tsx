import { useEffect, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Dataset } from '../../data/schema';
import { formatEventDate } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import type { Locale } from '../../i18n/format';
import type { Translate } from '../../selectors/system-fields';
import { toCsv } from '../../lib/csv';
import { downloadBlob, downloadText } from '../../lib/download';
import { copyPng, isDarkUi, svgToPng, type BuiltSvg } from '../../lib/export-panel';
import { exportFileName } from '../../selectors/export-file-name';
import type { Filters } from '../../store/filters-model';
import { registerPanelExporter } from './panel-exports';

/** A panel's data as the CSV download writes it. */
export interface CsvSpec {
  columns: string[];
  rows: string[][];
}

interface Props {
  panelId: string;
  dataset: Dataset;
  filters: Filters;
  title: string;
  /** The standalone SVG; `keepTheme` keeps a dark UI dark instead of the light default. */
  build: (keepTheme: boolean) => BuiltSvg;
  csv: () => CsvSpec;
  /** Further downloads of the panel (the explorer's JSON and full-table CSV). */
  children?: ReactNode;
}

/** The footer every exported image carries: the dashboard, the data's date and the export date. */
export function exportFooter(t: Translate, locale: Locale, asOf: string): string {
  const dataDate = formatEventDate({ date: asOf, precision: 'day' }, locale);
  const exported = formatEventDate({ date: new Date().toISOString().slice(0, 10), precision: 'day' }, locale);
  return t('export.footer', '{app} · data as of {asOf} · exported {date}', {
    app: t('app.title', 'The LLM wave, 2020–2023'),
    asOf: dataDate,
    date: exported,
  });
}

/** Visible text of the elements matching `selector`, skipping on-screen hints (`.screen-only`). */
export function textOf(root: Element, selector: string): string[] {
  return [...root.querySelectorAll(selector)]
    .filter((e) => !e.closest('.screen-only'))
    .map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** Escape closes an open menu and gives focus back to its button, as the filter menus do. */
function closeOnEscape(e: KeyboardEvent<HTMLDetailsElement>) {
  const details = e.currentTarget;
  if (e.key !== 'Escape' || !details.open) return;
  details.open = false;
  details.querySelector('summary')?.focus();
}

/**
 * A panel's "Export" menu: PNG at 1×/2×/3×, standalone SVG, copy image, CSV — the same for chart
 * and table panels. The image is rebuilt from the panel's parts (see `lib/export-panel.ts`), so
 * this menu never appears in it. "Export all" reaches the same builders through the registry.
 */
export function ExportMenu({ panelId, dataset, filters, title, build, csv, children }: Props) {
  const { t } = useT();
  const [keepTheme, setKeepTheme] = useState(false);
  const [dark, setDark] = useState(false);
  const [status, setStatus] = useState('');
  const familyIds = useMemo(() => new Set(dataset.families.map((f) => f.id)), [dataset]);
  const fileName = (ext: string, suffix?: string) => exportFileName({ panelId, filters, familyIds, asOf: dataset.meta.asOf, ext, suffix });
  const csvText = () => {
    const spec = csv();
    return toCsv(spec.columns, spec.rows);
  };
  // Re-registered after every render, so "Export all" always sees the current filters, language and data.
  useEffect(() => registerPanelExporter(panelId, () => ({ title, svg: () => build(false), csv: csvText, fileName })));

  const current = () => build(dark && keepTheme);
  const run = async (what: () => Promise<void> | void) => {
    setStatus('');
    try {
      await what();
    } catch (e) {
      setStatus(t('export.failed', 'Export failed: {error}', { error: e instanceof Error ? e.message : String(e) }));
    }
  };

  const png = (scale: number) =>
    run(async () => downloadBlob(fileName('png', scale === 1 ? '' : `@${scale}x`), await svgToPng(current(), scale)));
  const svg = () => run(() => downloadText(fileName('svg'), current().svg, 'image/svg+xml'));
  const downloadCsv = () => run(() => downloadText(fileName('csv'), csvText(), 'text/csv;charset=utf-8'));
  const copy = () =>
    run(async () => {
      const ok = await copyPng(svgToPng(current(), 2));
      setStatus(
        ok
          ? t('export.copied', 'Image copied.')
          : t('export.copy-refused', 'The browser refused to copy the image; download the PNG instead.'),
      );
    });

  return (
    <details className="facet export-menu" onToggle={(e) => e.currentTarget.open && setDark(isDarkUi())} onKeyDown={closeOnEscape}>
      <summary data-testid={`export-${panelId}`}>{t('export.menu', 'Export')}</summary>
      <div className="facet-panel export-panel" role="group" aria-label={t('export.menu-label', 'Export {panel}', { panel: title })}>
        <div className="export-row">
          <span>PNG</span>
          {[1, 2, 3].map((s) => (
            <button
              key={s}
              type="button"
              data-testid={`export-${panelId}-png${s}`}
              onClick={() => void png(s)}
              title={s === 3 ? t('export.print-quality', 'Print quality') : undefined}
            >
              {s}×
            </button>
          ))}
        </div>
        <div className="export-row">
          <button type="button" data-testid={`export-${panelId}-svg`} onClick={() => void svg()}>
            SVG
          </button>
          <button type="button" data-testid={`export-${panelId}-copy`} onClick={() => void copy()}>
            {t('export.copy-image', 'Copy image')}
          </button>
          <button type="button" data-testid={`export-${panelId}-csv`} onClick={() => void downloadCsv()}>
            {t('export.csv', 'Data (CSV)')}
          </button>
        </div>
        {children && <div className="export-row export-more">{children}</div>}
        {dark && (
          <label className="facet-option">
            <input
              type="checkbox"
              checked={keepTheme}
              onChange={(e) => setKeepTheme(e.target.checked)}
              data-testid={`export-${panelId}-keep-theme`}
            />
            {t('export.keep-dark', 'Keep dark theme')}
          </label>
        )}
        <p className="export-status" aria-live="polite" data-testid={`export-${panelId}-status`}>
          {status}
        </p>
      </div>
    </details>
  );
}
