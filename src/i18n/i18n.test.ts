import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasTranslation, translate, translatePlural } from './i18n';
import { zhCN } from './messages-zh-cn';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

const srcDir = join(__dirname, '..');
const usedKeys = new Set<string>();
for (const file of sourceFiles(srcDir)) {
  for (const m of readFileSync(file, 'utf8').matchAll(/\btn?\(\s*'([a-z0-9.-]+)'/g)) usedKeys.add(m[1]);
}

describe('i18n', () => {
  it('finds the keys used in the source', () => {
    expect(usedKeys.size).toBeGreaterThan(50);
    expect(usedKeys).toContain('filters.clear-all');
  });

  it('every key used in the UI has a 简体中文 translation', () => {
    const missing = [...usedKeys].filter((k) => !hasTranslation('zh-CN', k));
    expect(missing).toEqual([]);
  });

  it('the Chinese catalog has no keys the UI no longer uses', () => {
    const stale = Object.keys(zhCN).filter((k) => !usedKeys.has(k));
    expect(stale).toEqual([]);
  });

  it('placeholders survive translation', () => {
    for (const [key, text] of Object.entries(zhCN)) {
      for (const m of text.matchAll(/\{(\w+)\}/g))
        expect([
          'count',
          'shown',
          'total',
          'label',
          'text',
          'method',
          'view',
          'open',
          'known',
          'talk',
          'date',
          'n',
          'title',
          'name',
          'names',
          'nth',
          'direction',
          'range',
          'app',
          'asOf',
          'error',
          'limit',
          'file',
          'done',
          'size',
          'added',
          'replaced',
          'kept',
        ]).toContain(m[1]);
      expect(key).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    }
  });

  it('falls back to English, interpolates and pluralises', () => {
    expect(translate('zh-CN', 'no.such-key', 'Hello {name}', { name: 'A' })).toBe('Hello A');
    expect(translate('zh-CN', 'filters.n-of-m', 'x', { shown: 2, total: 9 })).toBe('2 / 9 个系统');
    expect(translatePlural('en', 'k', 1, '{count} system', '{count} systems')).toBe('1 system');
    expect(translatePlural('en', 'k', 3, '{count} system', '{count} systems')).toBe('3 systems');
  });

  it('writes the count for the locale unless given another', () => {
    expect(translatePlural('en', 'k', 10000, '{count} row', '{count} rows')).toBe('10,000 rows');
    expect(translatePlural('zh-CN', 'models-table.count', 10000, '{count} row', '{count} rows')).toBe('10,000 行');
    expect(translatePlural('en', 'k', 10000, '{count} rows', '{count} rows', { count: 'ten thousand' })).toBe('ten thousand rows');
  });
});
