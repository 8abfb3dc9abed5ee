import { describe, expect, it } from 'vitest';
import { cachedBy } from './cached-by';

describe('cachedBy', () => {
  it('calls the function once per distinct key and returns its result for every argument', () => {
    let calls = 0;
    const label = cachedBy(
      (r: { reason: string; id: number }) => r.reason,
      (r) => {
        calls++;
        return `${r.reason}!`;
      },
    );
    const out = [{ reason: 'a', id: 1 }, { reason: 'b', id: 2 }, { reason: 'a', id: 3 }].map(label);
    expect(out).toEqual(['a!', 'b!', 'a!']);
    expect(calls).toBe(2);
  });
  it('remembers undefined results too', () => {
    let calls = 0;
    const f = cachedBy((k: string) => k, () => (calls++, undefined));
    f('x');
    f('x');
    expect(calls).toBe(1);
  });
});
