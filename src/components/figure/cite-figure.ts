import type { Dataset } from '../../data/schema';
import { figureCitation, sourcesBibtex } from '../../selectors/figure-citation';
import { toCsv } from '../../lib/csv';
import type { FigureModel } from './figure-model';

/** A figure's citation: the text, and BibTeX of the figure followed by every source behind its marks. */
export function citeFigure(
  model: FigureModel,
  dataset: Pick<Dataset, 'sources' | 'meta'>,
  accessed: string,
): { text: string; bibtex: string } {
  const byId = new Map(dataset.sources.map((s) => [s.id, s]));
  const citation = figureCitation({
    title: model.title,
    panelId: model.id,
    app: model.footer.app,
    link: model.footer.link,
    asOf: dataset.meta.asOf,
    accessed,
  });
  const sources = sourcesBibtex(model.sourceIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])));
  return {
    text: [citation.text, model.references?.text].filter(Boolean).join('\n\n'),
    bibtex: [citation.bibtex, model.references?.bibtex, sources].filter(Boolean).join('\n\n'),
  };
}

/** The citation file written beside an exported figure: the text as a comment, then the BibTeX. */
export function citationFile(model: FigureModel, dataset: Pick<Dataset, 'sources' | 'meta'>, accessed: string): string {
  const c = citeFigure(model, dataset, accessed);
  const comment = c.text
    .split('\n')
    .map((line) => (line ? `% ${line}` : '%'))
    .join('\n');
  return `${comment}\n\n${c.bibtex}\n`;
}

/** A figure's data table (every row, not only those drawn) as the CSV download writes it. */
export function figureCsvText(model: Pick<FigureModel, 'table'>): string {
  return toCsv(
    model.table.columns,
    model.table.rows.map((r) => r.cells),
  );
}
