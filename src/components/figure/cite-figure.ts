import type { Dataset } from '../../data/schema';
import { figureCitation, sourcesBibtex } from '../../selectors/figure-citation';
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
  return { text: citation.text, bibtex: [citation.bibtex, sources].filter(Boolean).join('\n\n') };
}
