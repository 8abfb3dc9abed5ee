import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/i18n';
import { leftOutReasonText, missingFactReason } from './left-out';

const en = (key: string, english: string, vars?: Record<string, string | number>) => translate('en', key, english, vars);
const zh = (key: string, english: string, vars?: Record<string, string | number>) => translate('zh-CN', key, english, vars);
const own = (reason: 'not-recorded' | 'not-applicable') => `own:${reason}`;

describe('missingFactReason', () => {
  it('no entry: not recorded for a model, not applicable for anything else', () => {
    expect(missingFactReason('model', undefined)).toEqual({ reason: 'not-recorded' });
    expect(missingFactReason('paper', undefined)).toEqual({ reason: 'not-applicable' });
  });

  it('keeps the fact’s own note', () => {
    expect(missingFactReason('model', { status: 'not-disclosed', sources: ['s'], note: 'Not published.' })).toEqual({
      reason: 'not-disclosed',
      note: 'Not published.',
    });
    expect(missingFactReason('model', { status: 'unknown', note: 'No figure.' })).toEqual({ reason: 'unknown', note: 'No figure.' });
  });
});

describe('leftOutReasonText', () => {
  it('words "not disclosed" and "unknown" alike for every chart, then the note', () => {
    expect(leftOutReasonText({ reason: 'not-disclosed', note: 'Not published.' }, en, own)).toBe('not disclosed — Not published.');
    expect(leftOutReasonText({ reason: 'unknown' }, en, own)).toBe('unknown');
    expect(leftOutReasonText({ reason: 'not-disclosed' }, zh, own)).toBe('未公开');
  });

  it('leaves the other two reasons to the chart', () => {
    expect(leftOutReasonText({ reason: 'not-recorded' }, en, own)).toBe('own:not-recorded');
    expect(leftOutReasonText({ reason: 'not-applicable', note: 'A library.' }, en, own)).toBe('own:not-applicable — A library.');
  });
});
