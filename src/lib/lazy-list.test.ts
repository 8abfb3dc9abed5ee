import { describe, expect, it } from 'vitest';
import { lazyList } from './lazy-list';

describe('lazyList', () => {
  it('has its length at once and makes its items on the first read only', () => {
    let made = 0;
    const list = lazyList(2, () => (made++, ['a', 'b']));
    expect(list.length).toBe(2);
    expect(made).toBe(0);
    expect(list.items()).toEqual(['a', 'b']);
    expect(list.items()).toBe(list.items());
    expect(made).toBe(1);
  });
});
