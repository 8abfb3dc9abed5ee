import { describe, expect, it } from 'vitest';
import { pickInOrder } from './pick-in-order';

describe('pickInOrder', () => {
  it('gives the subset in the sorted order, as a new array', () => {
    const sorted = ['c', 'a', 'd', 'b'];
    expect(pickInOrder(sorted, ['a', 'b', 'c'])).toEqual(['c', 'a', 'b']);
    const all = pickInOrder(sorted, ['a', 'b', 'c', 'd']);
    expect(all).toEqual(sorted);
    expect(all).not.toBe(sorted);
    expect(pickInOrder(sorted, [])).toEqual([]);
  });
});
