import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useLastNonEmpty, useLastWhere } from './use-last-non-empty';

describe('useLastNonEmpty', () => {
  it('follows non-empty arrays and keeps the last one while the input is empty', () => {
    const empty: string[] = [];
    const a = ['a'];
    const b = ['b', 'c'];
    const { result, rerender } = renderHook(({ items }) => useLastNonEmpty(items), { initialProps: { items: empty } });
    expect(result.current).toBe(empty);
    rerender({ items: a });
    expect(result.current).toBe(a);
    rerender({ items: [] });
    expect(result.current).toBe(a);
    rerender({ items: b });
    expect(result.current).toBe(b);
    rerender({ items: [] });
    expect(result.current).toBe(b);
  });
});

describe('useLastWhere', () => {
  it('keeps the last value that was ok', () => {
    const { result, rerender } = renderHook(({ v, ok }) => useLastWhere(v, ok), { initialProps: { v: 1, ok: false } });
    expect(result.current).toBe(1);
    rerender({ v: 2, ok: true });
    expect(result.current).toBe(2);
    rerender({ v: 3, ok: false });
    expect(result.current).toBe(2);
  });
});
