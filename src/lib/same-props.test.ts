import { describe, expect, it } from 'vitest';
import { sameProps } from './same-props';

describe('sameProps', () => {
  const a = { id: 'a' };
  const b = { id: 'b' };
  const f = () => 1;
  it('treats arrays with the same elements in the same order as unchanged', () => {
    expect(sameProps({ rows: [a, b], scale: 'log', f }, { rows: [a, b], scale: 'log', f })).toBe(true);
  });
  it('sees a changed element, order, length, scalar or function', () => {
    expect(sameProps({ rows: [a, b] }, { rows: [b, a] })).toBe(false);
    expect(sameProps({ rows: [a, b] }, { rows: [a] })).toBe(false);
    expect(sameProps({ rows: [a] }, { rows: [{ id: 'a' }] })).toBe(false);
    expect(sameProps({ rows: [a], scale: 'log' }, { rows: [a], scale: 'linear' })).toBe(false);
    expect(sameProps({ f }, { f: () => 1 })).toBe(false);
    expect(sameProps({ x: 1 } as Record<string, unknown>, { x: 1, y: 2 })).toBe(false);
  });
});
