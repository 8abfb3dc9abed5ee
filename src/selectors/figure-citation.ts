import type { Source } from '../data/schema';

/*
 * "Cite this figure": a text citation and BibTeX for the figure (the dashboard, the exact view's
 * link, the data's date and the access date), and BibTeX for every source behind its marks.
 * Keys are ASCII slugs built from the content, so the same figure cites the same way every time.
 */

export interface FigureCitationInput {
  /** The figure's title in the UI language. */
  title: string;
  panelId: string;
  app: string;
  link: string;
  /** ISO date of the data. */
  asOf: string;
  /** ISO date the figure was made (the access date). */
  accessed: string;
}

export interface FigureCitation {
  text: string;
  bibtex: string;
}

/** TeX special characters escaped; braces kept balanced. */
export function bibEscape(s: string): string {
  return s
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/([{}%&$#_])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}');
}

function keyPart(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function figureCitation(f: FigureCitationInput): FigureCitation {
  const year = f.accessed.slice(0, 4);
  const text = `${f.app}. “${f.title}” [figure]. Data as of ${f.asOf}. ${f.link} (accessed ${f.accessed}).`;
  const bibtex = [
    `@misc{llm-wave-${keyPart(f.panelId)}-${f.accessed.replace(/-/g, '')},`,
    `  title        = {${bibEscape(f.title)}},`,
    `  howpublished = {${bibEscape(f.app)}, figure},`,
    `  year         = {${year}},`,
    `  url          = {${f.link}},`,
    `  note         = {Data as of ${f.asOf}; accessed ${f.accessed}},`,
    `}`,
  ].join('\n');
  return { text, bibtex };
}

/** One BibTeX entry per source (an imported file, which has no address, is skipped). */
export function sourcesBibtex(sources: readonly Source[]): string {
  return sources
    .filter((s) => s.url)
    .map((s) => {
      const arxiv = /arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5})/i.exec(s.url ?? '');
      const fields = [
        `  title     = {${bibEscape(s.title)}},`,
        s.publisher ? `  publisher = {${bibEscape(s.publisher)}},` : null,
        s.date ? `  year      = {${s.date.slice(0, 4)}},` : null,
        arxiv ? `  eprint    = {${arxiv[1]}},\n  archivePrefix = {arXiv},` : null,
        `  url       = {${s.url}},`,
      ].filter(Boolean);
      return [`@misc{${keyPart(s.id)},`, ...fields, '}'].join('\n');
    })
    .join('\n\n');
}
