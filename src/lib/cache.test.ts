import { describe, expect, it } from 'vitest';
import { cached } from './cache';

describe('cached', () => {
  it('makes a value once per key and returns it after', () => {
    const map = new WeakMap<object, number[]>();
    const key = {};
    let calls = 0;
    const first = cached(map, key, () => (calls++, [1]));
    expect(cached(map, key, () => (calls++, [2]))).toBe(first);
    expect(calls).toBe(1);
    expect(cached(map, {}, () => [3])).toEqual([3]);
  });
  it('keeps null as a value (only undefined means missing)', () => {
    const map = new Map<string, number | null>();
    let calls = 0;
    cached(map, 'k', () => (calls++, null));
    cached(map, 'k', () => (calls++, null));
    expect(calls).toBe(1);
  });
});
