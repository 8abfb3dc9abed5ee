import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ANNOTATION_PANELS,
  cleanAnnotationText,
  annotationBadge,
  decodeAnnotations,
  encodeAnnotations,
  fitsPanel,
  MAX_ANNOTATION_TEXT,
  MAX_ANNOTATIONS_PER_PANEL,
  type Annotation,
} from './annotations-model';

const llama: Annotation = {
  type: 'callout',
  panel: 'training-cost',
  anchor: { kind: 'system', id: 'llama-65b' },
  text: 'LLaMA released, weights for researchers',
};
const wave: Annotation = {
  type: 'band',
  panel: 'timeline',
  range: { kind: 'date', from: '2023-02-01', to: '2023-04-30' },
  text: 'Feb–Apr 2023: the open-model wave',
};
const note: Annotation = { type: 'note', panel: 'co2', text: 'GPT-3’s 552 t ≈ 460 passenger round trips SF–NY' };

/** The encoded form with its JSON replaced, for tampering. */
const withJson = (json: string) => `1.${Buffer.from(json, 'utf8').toString('base64url')}`;

describe('annotations in the link', () => {
  it('round-trip: a callout on a system, a band over dates, a note, in Chinese too', () => {
    const zh: Annotation = { type: 'callout', panel: 'timeline', anchor: { kind: 'date', date: '2023-02-24' }, text: 'LLaMA 发布' };
    const value = encodeAnnotations([llama, wave, note, zh]);
    expect(value).toMatch(/^1\.[A-Za-z0-9_-]+$/);
    expect(decodeAnnotations(value)).toEqual({ ok: true, annotations: [llama, wave, note, zh] });
    expect(encodeAnnotations([])).toBe('');
  });

  it('round-trips any valid set', () => {
    const text = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 60 })
      .map(cleanAnnotationText)
      .filter((s) => s.length > 0);
    const panel = fc.constantFrom(...ANNOTATION_PANELS);
    const day = fc
      .date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const annotation: fc.Arbitrary<Annotation> = fc.oneof(
      fc.record({
        type: fc.constant('callout' as const),
        panel,
        anchor: fc.oneof(
          fc.record({ kind: fc.constant('system' as const), id: fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,20}$/) }),
          fc.record({
            kind: fc.constant('value' as const),
            value: fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => (v === 0 ? 0 : v)),
          }),
          fc.record({ kind: fc.constant('date' as const), date: day }),
        ),
        text,
      }),
      fc.record({ type: fc.constant('note' as const), panel, text }),
      fc.record({
        type: fc.constant('band' as const),
        panel,
        range: fc
          .tuple(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }))
          .map(([from, span]) => ({ kind: 'value' as const, from, to: from + span })),
        text,
      }),
    );
    fc.assert(
      fc.property(fc.array(annotation.filter(fitsPanel), { maxLength: 5 }), (set) => {
        const value = encodeAnnotations(set);
        if (set.length === 0) expect(value).toBe('');
        else expect(decodeAnnotations(value)).toEqual({ ok: true, annotations: set });
      }),
      { numRuns: 200, seed: 20 },
    );
  });

  it('a tampered or oversized value is dropped whole, with the reason', () => {
    const cases: [string, string][] = [
      ['no version', 'abc'],
      ['another version', `2.${encodeAnnotations([llama]).slice(2)}`],
      ['not base64url', '1.<script>'],
      ['not JSON', withJson('[[')],
      ['not a list', withJson('{"a":1}')],
      ['empty', withJson('[]')],
      ['an unknown panel', withJson('[["c","explorer",["s","gpt-3"],"x"]]')],
      ['an unknown type', withJson('[["x","co2",["s","gpt-3"],"x"]]')],
      ['a reversed band', withJson('[["b","timeline",["d","2023-04-30","2023-02-01"],"x"]]')],
      ['an impossible date', withJson('[["c","timeline",["d","2023-02-30x"],"x"]]')],
      ['a text with control characters', withJson('[["n","co2","a\\u0000b"]]')],
      ['an empty text', withJson('[["n","co2",""]]')],
      ['a non-finite value', withJson('[["c","scale",["v",null],"x"]]')],
      ['a text over the cap', withJson(JSON.stringify([['n', 'co2', 'x'.repeat(MAX_ANNOTATION_TEXT + 1)]]))],
      ['too many on a panel', encodeAnnotations(Array.from({ length: MAX_ANNOTATIONS_PER_PANEL + 1 }, () => note))],
      ['oversized', `1.${'A'.repeat(7000)}`],
      ['a date on a bar chart', withJson('[["c","training-cost",["d","2023-02-24"],"x"]]')],
      ['a value band on the timeline', withJson('[["b","timeline",["v",1,2],"x"]]')],
    ];
    const problems = cases.map(([what, value]) => {
      const r = decodeAnnotations(value);
      return [what, r.ok ? 'accepted' : r.problem];
    });
    expect(problems).toEqual([
      ['no version', 'malformed'],
      ['another version', 'unknown-value'],
      ['not base64url', 'malformed'],
      ['not JSON', 'malformed'],
      ['not a list', 'malformed'],
      ['empty', 'malformed'],
      ['an unknown panel', 'unknown-value'],
      ['an unknown type', 'malformed'],
      ['a reversed band', 'malformed'],
      ['an impossible date', 'malformed'],
      ['a text with control characters', 'malformed'],
      ['an empty text', 'malformed'],
      ['a non-finite value', 'malformed'],
      ['a text over the cap', 'too-long'],
      ['too many on a panel', 'too-many'],
      ['oversized', 'too-long'],
      ['a date on a bar chart', 'unknown-value'],
      ['a value band on the timeline', 'unknown-value'],
    ]);
  });

  it('text is text: markup stays literal, control characters and runs of space go, the cap holds', () => {
    const markup = '<img src=x onerror=alert(1)> <a href="https://evil.example">link</a>';
    const value = encodeAnnotations([{ type: 'note', panel: 'co2', text: cleanAnnotationText(markup) }]);
    const back = decodeAnnotations(value);
    expect(back.ok && back.annotations[0].text).toBe(markup);
    expect(cleanAnnotationText('  a\tb\u0007c\n\nd\u2028e  ')).toBe('a b c d e');
    expect([...cleanAnnotationText('字'.repeat(500))]).toHaveLength(MAX_ANNOTATION_TEXT);
  });
});

describe('annotationBadge', () => {
  it('numbers a panel’s marks ① to ⑧, one per place the cap allows', () => {
    expect(Array.from({ length: MAX_ANNOTATIONS_PER_PANEL }, (_, i) => annotationBadge(i)).join('')).toBe('①②③④⑤⑥⑦⑧');
  });
});
