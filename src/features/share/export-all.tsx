import { useState } from 'react';
import { downloadBlob } from '../../lib/download';
import { useT } from '../../i18n/use-t';
import { svgToPng } from '../../lib/export-panel';
import { exportFileName } from '../../selectors/export-file-name';
import type { ZipEntry } from '../../lib/zip';
import { describeFilters } from '../../selectors/filter-summary';
import { useAppStore } from '../../store';
import type { FigureModel } from '../../components/figure/figure-model';
import { screenPreset } from '../../components/figure/presets';
import { renderFigureSvg } from '../../components/figure/render-svg';
import { citationFile, figureCsvText } from '../../components/figure/cite-figure';
import { viewLink } from '../../components/chart-frame/export-menu';
import './share.css';

type Status =
  { kind: 'idle' } | { kind: 'busy'; n: number; total: number } | { kind: 'done'; count: number } | { kind: 'failed'; error: string };

/** A panel's figure as the app composes them (app/panel-figures.ts), built from the store. */
export interface PanelFigureSource {
  id: string;
  model: (link: string) => FigureModel;
}

/** The width "as on screen" for a panel: its slot on the page, or the main column's when it is not drawn. */
function screenWidthOf(id: string): number {
  const slot = document.querySelector(`[data-view="${id}"]`) ?? document.getElementById('main');
  return slot?.getBoundingClientRect().width || 960;
}

/**
 * "Export all": every panel's figure (and the CO₂ equivalents and calculator) as a 2× PNG and an
 * SVG as on screen, its data as CSV and its citation as BibTeX — the files each panel's own
 * Export menu makes, from the same figure models — with a README naming the filters, in one zip.
 * The models are built from the store (`figures`), so no panel has to be mounted. A failure
 * says which panel failed and downloads nothing.
 */
export function ExportAllButton({ figures }: { figures: () => Promise<PanelFigureSource[]> }) {
  const { t, tn, locale } = useT();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const exportAll = async () => {
    const { dataset, filters } = useAppStore.getState();
    try {
      if (!dataset) throw new Error(t('export-all.no-data', 'the dataset is not loaded'));
      setStatus({ kind: 'busy', n: 0, total: 0 });
      const panels = await figures();
      if (panels.length === 0) throw new Error(t('export-all.no-panels', 'no panels on the page'));
      const familyIds = new Set(dataset.families.map((f) => f.id));
      const link = viewLink();
      const accessed = new Date().toISOString().slice(0, 10);
      const files: ZipEntry[] = [];
      const listed: string[] = [];
      for (const [i, panel] of panels.entries()) {
        setStatus({ kind: 'busy', n: i + 1, total: panels.length });
        const fileName = (ext: string) => exportFileName({ panelId: panel.id, filters, familyIds, asOf: dataset.meta.asOf, ext });
        let model, built, png;
        try {
          model = panel.model(link);
          built = renderFigureSvg(model, screenPreset(screenWidthOf(panel.id)), { theme: 'light' });
          png = new Uint8Array(await (await svgToPng(built, 2)).arrayBuffer());
        } catch (e) {
          throw new Error(`${model?.title ?? panel.id}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
        }
        for (const [name, data] of [
          [fileName('png'), png],
          [fileName('svg'), built.svg],
          [fileName('csv'), figureCsvText(model)],
          [fileName('bib'), citationFile(model, dataset, accessed)],
        ] as const) {
          files.push({ name, data });
          listed.push(`- ${name} (${model.title})`);
        }
      }
      const readme = [
        t('app.title', 'The LLM wave, 2020–2023'),
        '',
        `${t('export-all.readme-exported', 'Exported')}: ${accessed}`,
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
      setStatus({ kind: 'done', count: panels.length });
    } catch (e) {
      setStatus({ kind: 'failed', error: e instanceof Error ? e.message : String(e) });
    }
  };

  const busy = status.kind === 'busy';
  const message =
    status.kind === 'busy' && status.total === 0
      ? t('export-all.preparing', 'Preparing the figures…')
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
