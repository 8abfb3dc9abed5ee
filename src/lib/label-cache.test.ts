import { describe, expect, it } from 'vitest';
import { createItemCache, createLazyLabels, lazyList } from './label-cache';

describe('createItemCache', () => {
  it('makes each item once per `by`, in order, and again for another `by`', () => {
    const cached = createItemCache<{ id: string }, string>();
    const a = { id: 'a' };
    const b = { id: 'b' };
    const en = {};
    const zh = {};
    let calls = 0;
    const make = (lang: string) => (item: { id: string }) => (calls++, `${lang}:${item.id}`);
    expect(cached([a, b, a], en, make('en'))).toEqual(['en:a', 'en:b', 'en:a']);
    expect(calls).toBe(2);
    const again = cached([b, a], en, make('en'));
    expect(again).toEqual(['en:b', 'en:a']);
    expect(calls).toBe(2);
    expect(cached([a], zh, make('zh'))).toEqual(['zh:a']);
    expect(calls).toBe(3);
    // The same object is returned for the same item.
    const objects = createItemCache<{ id: string }, { label: string }>();
    const first = objects([a], en, (i) => ({ label: i.id }))[0];
    expect(objects([a], en, (i) => ({ label: i.id }))[0]).toBe(first);
  });
});

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

describe('createLazyLabels', () => {
  it('labels nothing until read, then each item once per `by`', () => {
    const labels = createLazyLabels<{ id: string }, string>();
    const items = [{ id: 'a' }, { id: 'b' }];
    const en = {};
    let calls = 0;
    const make = (i: { id: string }) => (calls++, `en:${i.id}`);
    const list = labels(items, en, make);
    expect(list.length).toBe(2);
    expect(calls).toBe(0);
    expect(list.items()).toEqual(['en:a', 'en:b']);
    expect(labels(items, en, make).items()).toEqual(['en:a', 'en:b']);
    expect(calls).toBe(2);
  });
});
