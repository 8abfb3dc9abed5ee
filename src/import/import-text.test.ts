import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/i18n';
import { importText, translateImportText } from './import-text';
import { parseDateText } from './values';

const zh = (key: string, english: string, vars?: Record<string, string | number>) => translate('zh-CN', key, english, vars);
const en = (key: string, english: string, vars?: Record<string, string | number>) => translate('en', key, english, vars);

describe('import report sentences', () => {
  it('are stored in English and shown in Chinese with the values they hold', () => {
    const reason = importText('notRealDate', { cell: '2023-02-30' });
    expect(reason).toBe('the file gives “2023-02-30”, not a real date');
    expect(translateImportText(zh, reason)).toBe('文件写的是“2023-02-30”，不是真实存在的日期');
    expect(translateImportText(en, reason)).toBe(reason);
    expect(translateImportText(zh, importText('duplicateRow', { row: 7 }))).toBe('与第 7 行重复（名称和日期相同）');
    expect(translateImportText(zh, importText('noName'))).toBe('没有名称');
  });

  it('a reason the reader functions give is one of them', () => {
    const parsed = parseDateText('not a date');
    expect(parsed?.ok).toBe(false);
    if (parsed && !parsed.ok) expect(translateImportText(zh, parsed.reason)).toBe('文件写的是“not a date”，无法识别为日期');
  });

  it('a sentence no template matches is shown as written', () => {
    expect(translateImportText(zh, 'something else')).toBe('something else');
  });
});
