import { downloadBlob } from '../../lib/download';
import { useState } from 'react';
import { exportablePanels, panelExporter, SUB_PANELS } from '../../components/chart-frame/panel-exports';
import { PANEL_IDS } from '../../store/panels';
import { useT } from '../../i18n/use-t';
import { svgToPng } from '../../lib/export-panel';
import { exportFileName } from '../../selectors/export-file-name';
import type { ZipEntry } from '../../lib/zip';
import { describeFilters } from '../../selectors/filter-summary';
import { useAppStore } from '../../store';
import './share.css';

type Status =
  { kind: 'idle' } | { kind: 'busy'; n: number; total: number } | { kind: 'done'; count: number } | { kind: 'failed'; error: string };

/**
 * "Export all": every panel on the page (charts and tables alike) as a 2× PNG, an SVG and
 * its data as CSV — the same files the panel's own Export menu makes — with a README naming the
 * filters, in one zip. A failure says so and downloads nothing. `prepare` resolves once every
 * panel is mounted (the app loads some views lazily); the export waits for it.
 */
export function ExportAllButton({ prepare }: { prepare?: () => Promise<void> }) {
  const { t, tn, locale } = useT();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const exportAll = async () => {
    const { dataset } = useAppStore.getState();
    try {
      if (!dataset) throw new Error(t('export-all.no-data', 'the dataset is not loaded'));
      if (prepare) {
        setStatus({ kind: 'busy', n: 0, total: 0 });
        await prepare();
      }
      // Read once the panels draw them (prepare waits for that): the README and the panels agree.
      const { filters } = useAppStore.getState();
      // Every mounted panel, in page order, each followed by its parts that export on their own.
      const mounted = new Set(exportablePanels());
      const ids = PANEL_IDS.flatMap((id) => [id, ...(SUB_PANELS[id] ?? [])]).filter((id) => mounted.has(id));
      if (ids.length === 0) throw new Error(t('export-all.no-panels', 'no panels on the page'));
      const files: ZipEntry[] = [];
      const listed: string[] = [];
      for (const [i, id] of ids.entries()) {
        setStatus({ kind: 'busy', n: i + 1, total: ids.length });
        const panel = panelExporter(id);
        if (!panel) throw new Error(t('export-all.panel-missing', 'the panel “{panel}” cannot be exported', { panel: id }));
        const title = panel.title;
        let built, png;
        try {
          built = panel.svg();
          png = new Uint8Array(await (await svgToPng(built, 2)).arrayBuffer());
        } catch (e) {
          throw new Error(`${title}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
        }
        const citation = panel.citation?.();
        for (const [name, data] of [
          [panel.fileName('png'), png],
          [panel.fileName('svg'), built.svg],
          [panel.fileName('csv'), panel.csv()],
          ...(citation ? [[panel.fileName('bib'), citation] as const] : []),
        ] as const) {
          files.push({ name, data });
          listed.push(`- ${name} (${title})`);
        }
      }
      const familyIds = new Set(dataset.families.map((f) => f.id));
      const readme = [
        t('app.title', 'The LLM wave, 2020–2023'),
        '',
        `${t('export-all.readme-exported', 'Exported')}: ${new Date().toISOString().slice(0, 10)}`,
        `${t('export-all.readme-as-of', 'Data as of')}: ${dataset.meta.asOf}`,
        `${t('export-all.readme-filters', 'Filters')}: ${describeFilters(filters, dataset, t, locale)}`,
        `${t('export-all.readme-language', 'Language')}: ${locale}`,
        `${t('export-all.readme-png', 'PNG images are at 2× scale.')}`,
        '',
        `${t('export-all.readme-files', 'Files')}:`,
        ...listed,
        '',
      ].join('\r\n');
      // The zip writer (fflate) loads on first use: most visits never export everything.
      const { buildExportZip } = await import('../../lib/zip');
      const zip = buildExportZip([{ name: 'README.txt', data: readme }, ...files]);
      const name = exportFileName({ panelId: 'llm-wave', filters, familyIds, asOf: dataset.meta.asOf, ext: 'zip' });
      downloadBlob(name, new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
      setStatus({ kind: 'done', count: ids.length });
    } catch (e) {
      setStatus({ kind: 'failed', error: e instanceof Error ? e.message : String(e) });
    }
  };

  const busy = status.kind === 'busy';
  const message =
    status.kind === 'busy' && status.total === 0
      ? t('export-all.preparing', 'Loading every panel…')
      : status.kind === 'busy'
        ? t('export-all.progress', 'Exporting {current} of {panels}…', { current: status.n, panels: status.total })
        : status.kind === 'done'
          ? tn('export-all.done', status.count, 'Exported {count} panel.', 'Exported {count} panels.')
          : status.kind === 'failed'
            ? t('export-all.failed', 'Export all failed: {error}', { error: status.error })
            : '';

  return (
    <div className="copy-link export-all">
      <button
        type="button"
        className="header-button"
        onClick={() => void exportAll()}
        disabled={busy}
        aria-busy={busy}
        data-testid="export-all"
      >
        {t('export-all.button', 'Export all')}
      </button>
      <div className="copy-popover">
        <p className={`copy-status${status.kind === 'failed' ? ' is-error' : ''}`} role="status" data-testid="export-all-status">
          {message}
        </p>
      </div>
    </div>
  );
}
