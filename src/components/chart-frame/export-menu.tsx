import { useEffect, useMemo, useState, type RefObject } from 'react';
import type { Dataset } from '../../data/schema';
import { formatEventDate } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { toCsv } from '../../lib/csv';
import { downloadBlob, downloadText } from '../../lib/download';
import { buildPanelSvg, copyPng, exportFileName, isDarkUi, svgToPng } from '../../lib/export-panel';
import type { Filters } from '../../store/filters-model';
import type { DataTableSpec } from './chart-frame';
import { registerPanelExporter } from './panel-exports';

interface Props {
  panelId: string;
  sectionRef: RefObject<HTMLElement | null>;
  dataset: Dataset;
  filters: Filters;
  title: string;
  subtitle: string;
  description: string;
  dataTable: DataTableSpec;
}

const text = (root: Element, selector: string) => [...root.querySelectorAll(selector)].map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);

/**
 * The panel's "Export" menu: PNG at 1×/2×/3×, standalone SVG, copy image, CSV. The image is
 * rebuilt from the frame's parts (see `lib/export-panel.ts`), so this menu never appears in it.
 */
export function ExportMenu({ panelId, sectionRef, dataset, filters, title, subtitle, description, dataTable }: Props) {
  const { t, locale } = useT();
  const [keepTheme, setKeepTheme] = useState(false);
  const [dark, setDark] = useState(false);
  const [status, setStatus] = useState('');
  const familyIds = useMemo(() => new Set(dataset.families.map((f) => f.id)), [dataset]);
  const fileName = (ext: string, suffix?: string) => exportFileName({ panelId, filters, familyIds, asOf: dataset.meta.asOf, ext, suffix });

  const build = (keep = dark && keepTheme) => {
    const section = sectionRef.current;
    if (!section) throw new Error('panel not mounted');
    const asOf = formatEventDate({ date: dataset.meta.asOf, precision: 'day' }, locale);
    const exported = formatEventDate({ date: new Date().toISOString().slice(0, 10), precision: 'day' }, locale);
    const notes = [...text(section, '.chart-count'), ...text(section, '.chart-footnotes li, .chart-footnotes > p'), ...text(section, '.source-note')];
    const footer = t('export.footer', '{app} · data as of {asOf} · exported {date}', { app: t('app.title', 'The LLM wave, 2020–2023'), asOf, date: exported });
    return buildPanelSvg(section, { title, subtitle, description, notes, footer, keepTheme: keep });
  };

  const csvText = () => toCsv(dataTable.columns, dataTable.rows.map((r) => r.cells));
  // "Export all" reads this panel's exports through the registry, always in the light theme.
  // Re-registered after every render, so it always sees the current filters, language and data.
  useEffect(() => registerPanelExporter(panelId, () => ({ svg: () => build(false), csv: csvText, fileName })));

  const run = async (what: () => Promise<void> | void) => {
    setStatus('');
    try {
      await what();
    } catch (e) {
      setStatus(t('export.failed', 'Export failed: {error}', { error: e instanceof Error ? e.message : String(e) }));
    }
  };

  const png = (scale: number) => run(async () => downloadBlob(fileName('png', scale === 1 ? '' : `@${scale}x`), await svgToPng(build(), scale)));
  const svg = () => run(() => downloadText(fileName('svg'), build().svg, 'image/svg+xml'));
  const csv = () => run(() => downloadText(fileName('csv'), csvText(), 'text/csv;charset=utf-8'));
  const copy = () =>
    run(async () => {
      const built = build();
      const ok = await copyPng(svgToPng(built, 2));
      setStatus(ok ? t('export.copied', 'Image copied.') : t('export.copy-refused', 'The browser refused to copy the image; download the PNG instead.'));
    });

  return (
    <details className="facet export-menu" onToggle={(e) => e.currentTarget.open && setDark(isDarkUi())}>
      <summary data-testid={`export-${panelId}`}>{t('export.menu', 'Export')}</summary>
      <div className="facet-panel export-panel" role="group" aria-label={t('export.menu-label', 'Export {title}', { title })}>
        <div className="export-row">
          <span>PNG</span>
          {[1, 2, 3].map((s) => (
            <button key={s} type="button" data-testid={`export-${panelId}-png${s}`} onClick={() => void png(s)} title={s === 3 ? t('export.print-quality', 'Print quality') : undefined}>
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
          <button type="button" data-testid={`export-${panelId}-csv`} onClick={() => void csv()}>
            {t('export.csv', 'Data (CSV)')}
          </button>
        </div>
        {dark && (
          <label className="facet-option">
            <input type="checkbox" checked={keepTheme} onChange={(e) => setKeepTheme(e.target.checked)} data-testid={`export-${panelId}-keep-theme`} />
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
