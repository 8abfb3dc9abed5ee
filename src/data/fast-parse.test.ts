import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import raw from '../../data/dataset.json';
import { miniDatasetInput } from '../../tests/fixtures/mini-dataset';
import { syntheticDataset } from '../../tests/fixtures/synthetic-dataset';
import { compileFastParser, FAIL } from './fast-parse';
import { parseDataset } from './load-dataset';
import { datasetSchema } from './schema';

/*
 * The fast path must say exactly what zod says: valid ⇔ zod accepts, and then the very value zod
 * returns (same keys in the same order, same defaults, same trimmed strings). Anything else would
 * let a broken file through or change what the views show.
 */

const fast = compileFastParser(datasetSchema);

/** zod's verdict and the fast path's, side by side. */
function both(input: unknown) {
  const zod = datasetSchema.safeParse(input);
  return { zod, fast: fast(input) };
}

function expectSameAsZod(input: unknown) {
  const { zod, fast: out } = both(input);
  expect(out !== FAIL).toBe(zod.success);
  if (zod.success && out !== FAIL) {
    expect(out).toStrictEqual(zod.data);
    // toStrictEqual ignores key order; an export or a saved file would not.
    expect(JSON.stringify(out)).toBe(JSON.stringify(zod.data));
  }
}

const clone = <T>(v: T): T => structuredClone(v);

describe('fast path: valid datasets', () => {
  it('the bundled dataset, the mini fixture and synthetic sets come out as zod returns them', () => {
    expectSameAsZod(raw);
    expectSameAsZod(miniDatasetInput);
    for (const seed of [1, 2, 3]) expectSameAsZod(syntheticDataset(40, seed));
  });

  it('is what parseDataset uses for valid data (no zod parse)', () => {
    const result = parseDataset(raw);
    expect(result.ok).toBe(true);
    // Already in the schema's form (zod's own output): nothing needs copying, so the fast path
    // hands the input back; zod would have returned a new copy.
    const zodOut = datasetSchema.parse(raw);
    expect(fast(zodOut)).toBe(zodOut);
    // parseDataset also resolves organizations to ids (./organizations); a resolved dataset
    // comes back as the very same object.
    const once = parseDataset(zodOut);
    if (!once.ok) throw new Error('expected a valid dataset');
    expect(parseDataset(once.dataset)).toEqual({ ok: true, dataset: once.dataset });
    expect(fast(once.dataset)).toBe(once.dataset);
  });

  it('copies only what differs: a filled-in default, a trimmed string, an unknown key, another key order', () => {
    const base = datasetSchema.parse(syntheticDataset(6, 4));
    const input = clone(base) as unknown as { systems: Record<string, unknown>[]; meta: Record<string, unknown> };
    delete input.systems[1].links; // default []
    input.systems[2].name = `  ${String(input.systems[2].name)} `; // trimmed
    input.systems[3].extra = 'not in the schema'; // left out
    const { id, ...rest } = input.systems[4];
    input.systems[4] = { ...rest, id }; // keys in another order
    const out = fast(input);
    if (out === FAIL) throw new Error('expected the fast path to accept it');
    expect(out).toStrictEqual(base);
    expect(JSON.stringify(out)).toBe(JSON.stringify(base));
    expect(out.systems[0]).toBe(input.systems[0]);
    expect(out.systems[5]).toBe(input.systems[5]);
    for (const i of [1, 2, 3, 4]) expect(out.systems[i]).not.toBe(input.systems[i]);
    expect(out.meta).toBe(input.meta);
    expect(out.sources).toBe((input as unknown as typeof base).sources);
  });

  it('refuses what zod refuses, with nothing copied back into the input', () => {
    const input = clone(syntheticDataset(5, 9)) as unknown as { systems: { id: string }[] };
    const before = JSON.stringify(input);
    input.systems[2].id = 'Not A Slug';
    expectSameAsZod(input);
    expect(fast(input)).toBe(FAIL);
    input.systems[2].id = JSON.parse(before).systems[2].id;
    expect(JSON.stringify(input)).toBe(before);
  });
});

/** Every path to an object or array member of `value`, with the value there. */
function pathsOf(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  const members: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : value && typeof value === 'object'
      ? Object.entries(value)
      : [];
  for (const [key, v] of members) {
    out.push([...path, key]);
    pathsOf(v, [...path, key], out);
  }
  return out;
}

type Mutation = { kind: 'set'; value: unknown } | { kind: 'delete' } | { kind: 'add-key'; key: string; value: unknown } | { kind: 'pad' };

/** Values that probe each rule of the schema: slugs, trims, URLs, dates, bounds, types. */
const probe = fc.oneof(
  fc.constantFrom<unknown>(
    '',
    ' ',
    ' x ',
    'x',
    'a-b.c',
    'Not a slug',
    '-lead',
    'https://example.org/a',
    'http://x',
    'javascript:alert(1)',
    'ftp://x.org',
    'not a url',
    '2023-02-28',
    '2023-02-29',
    '2024-02-29',
    '2023-13',
    '2023-00',
    '2023-04',
    '2023',
    'reported',
    'estimated',
    'not-disclosed',
    'unknown',
    'day',
    'month',
    'exact',
    'approx',
    'upper',
    'text',
    'image',
    'model',
    'agrees',
    'differs',
    'primary',
    'imported',
    'training',
    'total',
    0,
    -1,
    1,
    1.5,
    2014,
    2015,
    2030,
    2031,
    1e300,
    Infinity,
    Number.NaN,
    2 ** 53,
    true,
    false,
    null,
    undefined,
    [],
    [''],
    ['x'],
    ['a', 'b'],
    {},
    { id: 'x' },
    { status: 'unknown', note: 'n' },
    { status: 'reported', value: 1, sources: ['x'] },
  ),
  fc.string({ maxLength: 4 }),
  fc.double(),
  fc.integer(),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: probe.map((value) => ({ kind: 'set' as const, value })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'delete' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('add-key' as const),
      key: fc.constantFrom('extra', 'note', 'value', 'sources', 'talk', 'url'),
      value: probe,
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'pad' as const }) },
);

function mutate(base: unknown, path: (string | number)[], m: Mutation): unknown {
  const copy = clone(base);
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (m.kind === 'set') parent[last] = m.value;
  else if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (m.kind === 'pad') {
    const v = parent[last];
    parent[last] = typeof v === 'string' ? ` ${v}\t` : v;
  } else {
    const target = parent[last];
    if (target && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>)[m.key] = m.value;
    else parent[last] = m.value;
  }
  return copy;
}

describe('fast path: mutated datasets (property)', () => {
  const bases: [string, unknown][] = [
    ['bundled', raw],
    ['synthetic', syntheticDataset(6, 5)],
  ];
  for (const [name, base] of bases) {
    const paths = pathsOf(base);
    it(`${name}: one change anywhere — accepted exactly when zod accepts it, with zod's value`, () => {
      let accepted = 0;
      fc.assert(
        fc.property(fc.integer({ min: 0, max: paths.length - 1 }), mutation, (at, m) => {
          const input = mutate(base, paths[at], m);
          expectSameAsZod(input);
          if (fast(input) !== FAIL) accepted++;
        }),
        { numRuns: 250, seed: 20261129 },
      );
      // The property must see both answers to mean anything.
      expect(accepted).toBeGreaterThan(20);
      expect(accepted).toBeLessThan(250);
    });
  }
});

describe('fast path: a leaf replaced by another of its type (property)', () => {
  // Most paths above lead to objects and arrays; these aim at each number and string check.
  const numbers = fc.oneof(
    fc.constantFrom(Infinity, -Infinity, Number.NaN, 0, -0, -1, 0.5, 2014, 2015, 2030, 2031, 2 ** 53, 2 ** 53 - 1, 1e-300),
    fc.double(),
  );
  const strings = fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      '\t\n',
      ' x',
      'x ',
      'a',
      'A',
      '-a',
      'a-b.c',
      'a_b',
      '\u{1F600}',
      '2023-02-29',
      '2024-02-29',
      '2023-04-31',
      '2023-4',
      'https://a.b/c',
      ' https://a.b ',
      'https://',
      'mailto:x@y.z',
      // Around the length limits (200 for names, 2,000 for notes and URLs), in units and in code points.
      'x'.repeat(100),
      'x'.repeat(101),
      'x'.repeat(200),
      'x'.repeat(201),
      ` ${'x'.repeat(200)} `,
      '\u{1F600}'.repeat(200),
      '\u{1F600}'.repeat(201),
      'x'.repeat(2000),
      'x'.repeat(2001),
      `https://a.b/${'c'.repeat(1988)}`,
      `https://a.b/${'c'.repeat(1989)}`,
    ),
    fc.string({ maxLength: 3 }),
  );
  for (const [name, base] of [
    ['bundled', raw],
    ['synthetic', syntheticDataset(6, 6)],
  ] as const) {
    const leaves = pathsOf(base).filter((p) => {
      const v = p.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], base);
      return typeof v === 'number' || typeof v === 'string';
    });
    it(`${name}: accepted exactly when zod accepts it, with zod's value`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: leaves.length - 1 }), numbers, strings, (at, n, str) => {
          const path = leaves[at];
          const current = path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], base);
          expectSameAsZod(mutate(base, path, { kind: 'set', value: typeof current === 'number' ? n : str }));
        }),
        { numRuns: 300, seed: 20261129 },
      );
    });
  }
});

describe('fast path: what it does not know it says so when built', () => {
  it('a schema construct it does not handle is refused at compile time, not guessed at', () => {
    expect(() => compileFastParser(z.object({ a: z.string() }).catchall(z.number()))).toThrow(/catchall/);
    expect(() => compileFastParser(z.union([z.string(), z.number()]))).toThrow(/discriminated/);
    expect(() => compileFastParser(z.record(z.string(), z.number()))).toThrow(/not supported/);
  });

  it('a length zod counts in code points is counted so', () => {
    // One emoji: two UTF-16 units, one code point — too short for min(2), as zod says.
    const parser = compileFastParser(z.string().min(2));
    expect(z.string().min(2).safeParse('\u{1F600}').success).toBe(false);
    expect(parser('\u{1F600}')).toBe(FAIL);
    expect(parser('ab')).toBe('ab');
    expect(parser('\u{1F600}\u{1F600}')).toBe('\u{1F600}\u{1F600}');
  });

  it('a maximum length zod counts in code points is counted so, strings and arrays alike', () => {
    const parser = compileFastParser(z.string().max(2));
    // Two emoji: four UTF-16 units, two code points — within max(2), as zod says.
    expect(z.string().max(2).safeParse('\u{1F600}\u{1F600}').success).toBe(true);
    expect(parser('\u{1F600}\u{1F600}')).toBe('\u{1F600}\u{1F600}');
    expect(parser('abc')).toBe(FAIL);
    expect(parser('\u{1F600}\u{1F600}\u{1F600}')).toBe(FAIL);
    const list = compileFastParser(z.array(z.number()).max(2));
    expect(list([1, 2])).toEqual([1, 2]);
    expect(list([1, 2, 3])).toBe(FAIL);
  });

  it('an enum accepts what zod accepts (not the reverse keys of a numeric TypeScript enum)', () => {
    enum Numeric {
      A,
      B,
    }
    const schema = z.enum(Numeric);
    const parser = compileFastParser(schema);
    for (const v of ['A', 'B', 0, 1, 2]) expect(parser(v) !== FAIL, String(v)).toBe(schema.safeParse(v).success);
  });

  it('an object that is not plain goes to zod, which returns a plain one', () => {
    const input = clone(miniDatasetInput) as unknown as Record<string, unknown>;
    input.meta = Object.assign(Object.create(null) as object, input.meta);
    expect(fast(input)).toBe(FAIL);
    const result = parseDataset(input);
    expect(result.ok && Object.getPrototypeOf(result.dataset.meta)).toBe(Object.prototype);
  });

  it('a required key that is absent fails even where the schema would take undefined, as in zod', () => {
    const schema = z.object({ a: z.literal(undefined) });
    expect(schema.safeParse({}).success).toBe(false);
    expect(compileFastParser(schema)({})).toBe(FAIL);
    expect(compileFastParser(schema)({ a: undefined })).toStrictEqual(schema.parse({ a: undefined }));
  });

  it('a key found only on the prototype (a polluted Object.prototype) goes to zod', () => {
    const schema = z.object({ id: z.string(), note: z.string().optional() });
    const proto = Object.prototype as Record<string, unknown>;
    proto.note = 'from the prototype';
    try {
      const input = { id: 'a' };
      expect(fast(clone(miniDatasetInput))).toBe(FAIL);
      expect(compileFastParser(schema)(input)).toBe(FAIL);
      expect(schema.parse(input)).toStrictEqual({ id: 'a', note: 'from the prototype' });
    } finally {
      delete proto.note;
    }
  });

  it('an asynchronous refinement is left to zod', () => {
    const parser = compileFastParser(z.string().refine(async () => true));
    expect(parser('x')).toBe(FAIL);
  });
});
