import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/i18n';
import { IMPORT_TEXTS, importText, translateImportText } from './import-text';
import { zhCN } from '../i18n/messages-zh-cn';
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

  it('every sentence the importer writes is found again and shown in Chinese with its values', () => {
    for (const { key, english } of IMPORT_TEXTS) {
      const vars: Record<string, string> = {};
      const sentence = english.replace(/\{(\w+)\}/g, (_, name: string) => (vars[name] = `V-${name}`));
      expect(zhCN[key], key).toBeDefined();
      expect(translateImportText(zh, sentence), key).toBe(translate('zh-CN', key, english, vars));
    }
  });

  it('a sentence inside a sentence is translated too', () => {
    const why = importText('rowProblem', { row: 3, field: 'Model', reason: importText('noName') });
    const text = importText('allRowsRejected', { rows: '1,204', why });
    expect(text).toBe('no row could be imported: all 1,204 rows were rejected (the first: row 3, Model: no name)');
    expect(translateImportText(zh, text)).toBe('没有可导入的行：全部 1,204 行均被拒绝（第一处：第 3 行，Model：没有名称）');
    expect(translateImportText(zh, importText('jsonSystemsNotList', { kind: importText('kindNumber') }))).toBe(
      'JSON 的“systems”是数字，不是记录列表',
    );
  });
});
