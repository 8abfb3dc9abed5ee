import { describe, expect, it } from 'vitest';
import type { FigureModel } from './figure-model';
import { PRESETS, screenPreset } from './presets';
import { renderFigureSvg } from './render-svg';

/** A figure with `n` rows: every third estimated, every fifth with a range of two figures. */
function model(n: number, lang = 'en'): FigureModel {
  return {
    id: 'test',
    lang,
    title: 'Training cost',
    subtitle: 'All systems',
    description: 'Published cost of training each model.',
    plot: {
      kind: 'bars',
      scale: 'log',
      domain: [10, 1e7],
      ticks: [10, 100, 1e3, 1e4, 1e5, 1e6, 1e7].map((v) => ({ value: v, label: `$${v}` })),
      sections: ['Pre-training runs', 'Fine-tunes'],
      rows: Array.from({ length: n }, (_, i) => {
        const v = 20 * 1.5 ** i;
        return {
          id: `m${i}`,
          name: `Model number ${i}`,
          section: i < n / 2 ? 0 : 1,
          marks: [
            { kind: 'segment' as const, from: 0, to: v, color: '#0072B2', estimated: i % 3 === 0 },
            ...(i % 5 === 0
              ? [
                  { kind: 'range' as const, from: v, to: v * 3 },
                  { kind: 'marker' as const, at: v, color: '#0072B2', estimated: false, upper: false },
                  { kind: 'marker' as const, at: v * 3, color: '#0072B2', estimated: true, upper: false },
                ]
              : []),
          ],
          label: { full: `$${Math.round(v)} · a long explanation of the figure`, short: `$${Math.round(v)}` },
        };
      }),
      empty: 'Nothing to draw.',
      moreRows: '… and {more} more',
    },
    legend: [
      { swatch: { kind: 'color', color: '#0072B2' }, label: 'cost of training' },
      { swatch: { kind: 'estimated' }, label: 'est. (estimate)' },
    ],
    notes: [
      { text: `${n} of ${n} systems shown`, essential: true },
      ...Array.from({ length: 12 }, (_, i) => ({ text: `A detail note number ${i} that takes a line of its own.` })),
    ],
    sourceNote: 'Sources: Epoch AI.',
    moreNotes: '… and {more} more notes',
    sourceIds: ['s1'],
    table: { columns: ['Name'], rows: [] },
    footer: {
      app: 'The LLM wave, 2020–2023',
      dataDate: 'data as of 28 Nov 2025',
      licence: 'facts from the cited sources',
      link: 'https://x.example/?base=llama',
    },
  };
}

/** Each row group's marks' right edge and its label's left edge. */
function rowsOf(svg: string) {
  return [...svg.matchAll(/<g id="row-[^"]+">(.*?)<\/g>/g)].map(([, body]) => {
    const ends = [
      ...[...body.matchAll(/<rect x="([\d.]+)"[^>]*? width="([\d.]+)"/g)].map((m) => Number(m[1]) + Number(m[2])),
      ...[...body.matchAll(/<circle cx="([\d.]+)"[^>]*? r="([\d.]+)"/g)].map((m) => Number(m[1]) + Number(m[2])),
      ...[...body.matchAll(/<line x1="([\d.]+)" x2="([\d.]+)"/g)].map((m) => Math.max(Number(m[1]), Number(m[2]))),
    ];
    const texts = [...body.matchAll(/<text x="([\d.]+)"[^>]*>([^<]*)<\/text>/g)];
    const label = texts[texts.length - 1];
    return { markEnd: Math.max(...ends), labelX: Number(label[1]) };
  });
}

describe('renderFigureSvg', () => {
  it('fills a slide exactly, cutting rows and notes with "and N more"', () => {
    const r = renderFigureSvg(model(40), PRESETS['slide-16x9']);
    expect([r.width, r.height]).toEqual([960, 540]);
    expect(r.svg).toContain('width="960" height="540"');
    expect(r.rowsCut).toBeGreaterThan(0);
    expect(r.rowsDrawn + r.rowsCut).toBe(40);
    expect(r.svg).toContain(`… and ${r.rowsCut} more`);
    expect(r.notesCut).toBeGreaterThan(0);
    expect(r.svg).toContain(`… and ${r.notesCut} more notes`);
    // The essential note is kept.
    expect(r.svg).toContain('40 of 40 systems shown');
  });

  it('grows a journal column with its content: every row and note, its width in millimetres', () => {
    const r = renderFigureSvg(model(40), PRESETS['journal-1col']);
    expect(r.rowsCut).toBe(0);
    expect(r.notesCut).toBe(0);
    expect(r.svg).toMatch(/ width="85mm" height="[\d.]+mm" viewBox="0 0 321.3 /);
    expect(r.height).toBeGreaterThan(400);
  });

  it('puts every value label after its row’s last mark, at every preset', () => {
    for (const preset of [screenPreset(720), screenPreset(360), PRESETS['slide-16x9'], PRESETS.square, PRESETS['journal-1col']]) {
      const rows = rowsOf(renderFigureSvg(model(12), preset).svg);
      expect(rows.length).toBeGreaterThan(3);
      for (const row of rows) expect(row.labelX, preset.id).toBeGreaterThan(row.markEnd);
    }
  });

  it('writes a standalone document: title and description, no classes, no style, no HTML inside', () => {
    const { svg } = renderFigureSvg(model(5), PRESETS.square);
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('<title>Training cost</title>');
    expect(svg).toMatch(/<desc>Published cost of training each model\. 5 of 5 systems shown/);
    expect(svg).not.toMatch(/ class=| style=|<style|foreignObject/);
    expect(svg).toContain('https://x.example/?base=llama');
  });

  it('is deterministic, and escapes text', () => {
    const m = model(6);
    m.title = 'Cost <of> "training" & more';
    const a = renderFigureSvg(m, PRESETS['slide-4x3']).svg;
    expect(renderFigureSvg(m, PRESETS['slide-4x3']).svg).toBe(a);
    expect(a).toContain('Cost &lt;of&gt; &quot;training&quot; &amp; more');
  });

  it('says so when there is nothing to draw, without a legend', () => {
    const empty = model(0);
    const { svg } = renderFigureSvg(empty, PRESETS['slide-16x9']);
    expect(svg).toContain('Nothing to draw.');
    expect(svg).toContain('<g id="figure-legend"></g>');
    expect(svg).not.toContain('est. (estimate)');
  });

  it('draws a dark background when asked, light by default', () => {
    expect(renderFigureSvg(model(3), PRESETS.square).svg).toContain('<rect width="540" height="540" fill="#ffffff"/>');
    expect(renderFigureSvg(model(3), PRESETS.square, { theme: 'dark' }).svg).toContain('<rect width="540" height="540" fill="#16191d"/>');
  });
});
