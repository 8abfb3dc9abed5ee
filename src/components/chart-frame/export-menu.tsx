import { useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Dataset } from '../../data/schema';
import { useT } from '../../i18n/use-t';
import type { Translate } from '../../selectors/system-fields';
import { downloadBlob, downloadText } from '../../lib/download';
import { copyPng, svgToPng } from '../../lib/export-panel';
import { exportFileName } from '../../selectors/export-file-name';
import type { Filters } from '../../store/filters-model';
import type { FigureModel } from '../figure/figure-model';
import { PRESETS, screenPreset, type Preset, type PresetId } from '../figure/presets';
import { renderFigureSvg, type RenderedFigure } from '../figure/render-svg';
import { citeFigure, figureCsvText } from '../figure/cite-figure';
import { copyText } from '../../lib/clipboard';
import { withDpi } from '../../lib/png-dpi';
import { useAppStore } from '../../store';
import { linkTo } from '../../store/url-state';
import { pageBase, shareableUrlState } from '../../store/url-sync';

interface Props {
  panelId: string;
  dataset: Dataset;
  filters: Filters;
  title: string;
  /** The panel's figure model, given the permalink of the view: every image, the CSV and the citation come from it. */
  figure: (link: string) => FigureModel;
  /** The panel's width on screen, for the "as on screen" size. */
  screenWidth?: () => number;
  /** Further downloads of the panel (the explorer's JSON and full-table CSV). */
  children?: ReactNode;
}

/** The permalink a figure cites: the exact view, as a page (not as an embed or a presentation). */
export function viewLink(): string {
  return linkTo(pageBase(), shareableUrlState(useAppStore.getState(), { embed: null, present: null }));
}

/** Whether the page currently renders dark (a dark body background): then the menu offers to keep it. */
function isDarkUi(): boolean {
  const m = getComputedStyle(document.body).backgroundColor.match(/[\d.]+/g);
  if (!m || m.length < 3) return false;
  const [r, g, b] = m.map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.4;
}

/** Escape closes an open menu and gives focus back to its button, as the filter menus do. */
function closeOnEscape(e: KeyboardEvent<HTMLDetailsElement>) {
  const details = e.currentTarget;
  if (e.key !== 'Escape' || !details.open) return;
  details.open = false;
  details.querySelector('summary')?.focus();
}

/**
 * A panel's "Export" menu: PNG at 1×/2×/3× and SVG as on screen, slide and journal sizes, copy
 * image, CSV and "Cite this figure" — all drawn from the panel's figure model
 * (components/figure/render-svg.ts), never from the page, so this menu is in none of them.
 */
export function ExportMenu({ panelId, dataset, filters, title, figure, screenWidth, children }: Props) {
  const { t } = useT();
  const [keepTheme, setKeepTheme] = useState(false);
  const [dark, setDark] = useState(false);
  const [status, setStatus] = useState('');
  const familyIds = useMemo(() => new Set(dataset.families.map((f) => f.id)), [dataset]);
  const fileName = (ext: string, suffix?: string) => exportFileName({ panelId, filters, familyIds, asOf: dataset.meta.asOf, ext, suffix });
  const theme = dark && keepTheme ? 'dark' : 'light';
  const render = (preset: Preset) => renderFigureSvg(figure(viewLink()), preset, { theme });
  const current = () => render(screenPreset(screenWidth?.() ?? 720));
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
  const downloadCsv = () => run(() => downloadText(fileName('csv'), figureCsvText(figure(viewLink())), 'text/csv;charset=utf-8'));
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
        <PresetExport panelId={panelId} render={render} fileName={fileName} run={run} />
        <CiteFigure panelId={panelId} title={title} model={() => figure(viewLink())} dataset={dataset} />
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

const REPORT_PRESETS: readonly Exclude<PresetId, 'screen'>[] = ['slide-16x9', 'slide-4x3', 'square', 'journal-1col', 'journal-2col'];

function presetLabel(t: Translate, id: Exclude<PresetId, 'screen'>): string {
  switch (id) {
    case 'slide-16x9':
      return t('export.preset-slide-16x9', 'Slide 16:9 (1920×1080)');
    case 'slide-4x3':
      return t('export.preset-slide-4x3', 'Slide 4:3 (1600×1200)');
    case 'square':
      return t('export.preset-square', 'Square (1080×1080)');
    case 'journal-1col':
      return t('export.preset-journal-1col', 'Journal, one column (85 mm, 300 dpi)');
    case 'journal-2col':
      return t('export.preset-journal-2col', 'Journal, two columns (175 mm, 300 dpi)');
  }
}

/** A size for a slide or a journal: the figure laid out for that box, as PNG or SVG. */
function PresetExport({
  panelId,
  render,
  fileName,
  run,
}: {
  panelId: string;
  render: (preset: Preset) => RenderedFigure;
  fileName: (ext: string, suffix?: string) => string;
  run: (what: () => Promise<void> | void) => Promise<void>;
}) {
  const { t } = useT();
  const [id, setId] = useState<Exclude<PresetId, 'screen'>>('slide-16x9');
  const preset = PRESETS[id];
  const png = () =>
    run(async () => {
      const blob = await svgToPng(render(preset), preset.scale);
      // Journal sizes record their 300 dpi, so a layout program places them at 85 or 175 mm.
      const file = preset.dpi ? new Blob([withDpi(new Uint8Array(await blob.arrayBuffer()), preset.dpi)], { type: 'image/png' }) : blob;
      downloadBlob(fileName('png', `_${id}`), file);
    });
  const svg = () => run(() => downloadText(fileName('svg', `_${id}`), render(preset).svg, 'image/svg+xml'));
  return (
    <div className="export-row export-preset">
      <label>
        <span>{t('export.size', 'Size')}</span>{' '}
        <select value={id} onChange={(e) => setId(e.target.value as typeof id)} data-testid={`export-${panelId}-preset`}>
          {REPORT_PRESETS.map((p) => (
            <option key={p} value={p}>
              {presetLabel(t, p)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" data-testid={`export-${panelId}-preset-png`} onClick={() => void png()}>
        PNG
      </button>
      <button type="button" data-testid={`export-${panelId}-preset-svg`} onClick={() => void svg()}>
        SVG
      </button>
    </div>
  );
}

/** "Cite this figure": a text citation and BibTeX for the figure and for every source behind its marks. */
function CiteFigure({ panelId, title, model, dataset }: { panelId: string; title: string; model: () => FigureModel; dataset: Dataset }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState('');
  // The model reads the store when called; `open` builds it afresh each time the box is opened.
  const cite = useMemo(() => (open ? citeFigure(model(), dataset, new Date().toISOString().slice(0, 10)) : null), [open, model, dataset]);
  const copy = async (what: string, text: string) => setCopied((await copyText(text)) ? what : '');
  return (
    <div className="export-row export-cite">
      <button type="button" aria-expanded={open} onClick={() => setOpen((v) => !v)} data-testid={`export-${panelId}-cite`}>
        {t('export.cite', 'Cite this figure')}
      </button>
      {cite && (
        <div className="export-cite-body" aria-label={t('export.cite-label', 'Citation of {panel}', { panel: title })} role="group">
          <label>
            {t('export.cite-text', 'Text')}
            <textarea readOnly rows={3} value={cite.text} data-testid={`export-${panelId}-cite-text`} />
          </label>
          <button type="button" onClick={() => void copy('text', cite.text)}>
            {copied === 'text' ? t('export.cite-copied', 'Copied') : t('export.cite-copy-text', 'Copy text')}
          </button>
          <label>
            BibTeX
            <textarea readOnly rows={6} value={cite.bibtex} data-testid={`export-${panelId}-cite-bibtex`} />
          </label>
          <button type="button" onClick={() => void copy('bibtex', cite.bibtex)}>
            {copied === 'bibtex' ? t('export.cite-copied', 'Copied') : t('export.cite-copy-bibtex', 'Copy BibTeX')}
          </button>
        </div>
      )}
    </div>
  );
}
