import { describe, expect, it } from 'vitest';
import { bibEscape, figureCitation, sourcesBibtex } from './figure-citation';

describe('figure citation', () => {
  const input = {
    title: 'Training cost',
    panelId: 'training-cost',
    app: 'The LLM wave, 2020–2023',
    link: 'https://x.example/?base=llama&lang=en',
    asOf: '2025-11-28',
    accessed: '2026-12-04',
  };

  it('cites the dashboard, the exact view, the data date and the access date', () => {
    const c = figureCitation(input);
    expect(c.text).toBe(
      'The LLM wave, 2020–2023. “Training cost” [figure]. Data as of 2025-11-28. https://x.example/?base=llama&lang=en (accessed 2026-12-04).',
    );
    expect(c.bibtex.split('\n')[0]).toBe('@misc{llm-wave-training-cost-20261204,');
    expect(c.bibtex).toContain('url          = {https://x.example/?base=llama&lang=en},');
    expect(c.bibtex).toContain('note         = {Data as of 2025-11-28; accessed 2026-12-04},');
    expect(c.bibtex.trim().endsWith('}')).toBe(true);
  });

  it('escapes TeX specials in titles', () => {
    expect(bibEscape('R&D 100% of $5_x {y}')).toBe('R\\&D 100\\% of \\$5\\_x \\{y\\}');
  });

  it('gives each source with an address an entry, an arXiv id as eprint; an imported file none', () => {
    const bib = sourcesBibtex([
      {
        id: 'gpt3-paper',
        title: 'Language Models are Few-Shot Learners',
        url: 'https://arxiv.org/abs/2005.14165',
        grade: 'primary',
        date: '2020-05-28',
      },
      { id: 'epoch-db', title: 'Epoch AI database', url: 'https://epoch.ai/data', grade: 'epoch', publisher: 'Epoch AI' },
      { id: 'my-file', title: 'my.csv', grade: 'imported' },
    ]);
    const entries = bib.split('\n\n');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toContain('@misc{gpt3-paper,');
    expect(entries[0]).toContain('eprint    = {2005.14165},');
    expect(entries[0]).toContain('year      = {2020},');
    expect(entries[1]).toContain('publisher = {Epoch AI},');
  });
});
