import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { hasTranslation, translate, translatePlural } from './i18n';
import { zhCN } from './messages-zh-cn';

/** One `t('key', 'English {x}', vars)` or `tn('key', count, 'one', 'other', vars)` call in the source. */
interface Message {
  where: string;
  plural: boolean;
  key: string;
  /** The English default(s): one for t, the singular and plural forms for tn. */
  english: string[];
  /** The names the call passes in an object-literal `vars`; null when it passes none, undefined when they cannot be read (a variable, a spread). */
  vars: string[] | null | undefined;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

function literal(node: ts.Node | undefined): string | null {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null;
}

function varNames(node: ts.Expression | undefined): string[] | null | undefined {
  if (!node) return null;
  if (!ts.isObjectLiteralExpression(node)) return undefined;
  const names: string[] = [];
  for (const p of node.properties) {
    if ((ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && ts.isIdentifier(p.name)) names.push(p.name.text);
    else return undefined;
  }
  return names;
}

/**
 * Every t()/tn() call whose key and English text are literals, read with the TypeScript parser (so
 * a default split over lines by the formatter, or a call inside JSX, is found like any other). A
 * call with a computed key (the view titles in app.tsx) has its literal twin elsewhere.
 */
function messagesInSource(dir: string): Message[] {
  const found: Message[] = [];
  for (const file of sourceFiles(dir)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
        const args = node.arguments;
        const key = literal(args[0]);
        if ((name === 't' || name === 'tn') && key !== null) {
          const plural = name === 'tn';
          const english = (plural ? [args[2], args[3]] : [args[1]]).map(literal);
          const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
          if (english.every((e) => e !== null))
            found.push({
              where: `${relative(dir, file)}:${line}`,
              plural,
              key,
              english: english as string[],
              vars: varNames(args[plural ? 4 : 2]),
            });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
const listed = (names: string[]): string => (names.length ? names.map((n) => `{${n}}`).join(' ') : 'none');

const messages = messagesInSource(join(__dirname, '..'));
const usedKeys = new Set(messages.map((m) => m.key));
const englishByKey = new Map(messages.map((m) => [m.key, m.english]));

/** Names that say nothing of what they hold; a placeholder names its content (`{model}`, `{watts}`). */
const VAGUE = ['text', 'n', 'label', 'name', 'title', 'value', 'str', 'x'];

describe('i18n', () => {
  it('finds the messages used in the source', () => {
    expect(usedKeys.size).toBeGreaterThan(50);
    expect(usedKeys).toContain('filters.clear-all');
    expect(englishByKey.get('models-table.count')).toEqual(['{count} row', '{count} rows']);
  });

  it('every key used in the UI has a 简体中文 translation', () => {
    const missing = [...usedKeys].filter((k) => !hasTranslation('zh-CN', k));
    expect(missing).toEqual([]);
  });

  it('the Chinese catalog has no keys the UI no longer uses', () => {
    const stale = Object.keys(zhCN).filter((k) => !usedKeys.has(k));
    expect(stale).toEqual([]);
  });

  it('keys are namespaced', () => {
    for (const key of usedKeys) expect(key).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  });

  it('a key has one English default wherever it is used', () => {
    const differing = messages.filter((m) => englishByKey.get(m.key)!.join('\n') !== m.english.join('\n'));
    expect(differing.map((m) => `${m.where} ${m.key}`)).toEqual([]);
  });

  it('each Chinese message has exactly the placeholders of its English default', () => {
    const mismatched = Object.entries(zhCN).flatMap(([key, chinese]) => {
      const english = englishByKey.get(key);
      if (!english) return [];
      const want = placeholders(english.join(' '));
      const got = placeholders(chinese);
      return want.join() === got.join() ? [] : [`${key}: English ${listed(want)}, Chinese ${listed(got)}`];
    });
    expect(mismatched).toEqual([]);
  });

  it('each call passes exactly the placeholders its English text has', () => {
    const mismatched = messages.flatMap((m) => {
      if (m.vars === undefined) return [];
      const want = placeholders(m.english.join(' ')).filter((p) => !(m.plural && p === 'count'));
      const given = [...(m.vars ?? [])].sort();
      return want.join() === given.join() ? [] : [`${m.where} ${m.key}: text ${listed(want)}, vars ${listed(given)}`];
    });
    expect(mismatched).toEqual([]);
  });

  it('placeholders name what they hold; {count} is only the plural count of tn', () => {
    const vague = messages.flatMap((m) =>
      placeholders(m.english.join(' '))
        .filter((p) => VAGUE.includes(p) || (p === 'count' && !m.plural))
        .map((p) => `${m.where} ${m.key}: {${p}}`),
    );
    expect(vague).toEqual([]);
  });

  it('falls back to English, interpolates and pluralises', () => {
    expect(translate('zh-CN', 'no.such-key', 'Hello {name}', { name: 'A' })).toBe('Hello A');
    expect(translate('zh-CN', 'filters.n-of-m-kinds', 'x', { shown: 2, total: 9, kinds: '2 个模型' })).toBe('2 / 9：2 个模型');
    expect(translatePlural('en', 'k', 1, '{count} system', '{count} systems')).toBe('1 system');
    expect(translatePlural('en', 'k', 3, '{count} system', '{count} systems')).toBe('3 systems');
  });

  it('writes the count for the locale unless given another', () => {
    expect(translatePlural('en', 'k', 10000, '{count} row', '{count} rows')).toBe('10,000 rows');
    expect(translatePlural('zh-CN', 'models-table.count', 10000, '{count} row', '{count} rows')).toBe('10,000 行');
    expect(translatePlural('en', 'k', 10000, '{count} rows', '{count} rows', { count: 'ten thousand' })).toBe('ten thousand rows');
  });
});
