import { describe, expect, it } from 'vitest';
import { formatCompact, formatEventDate, formatPercent, formatScientific, formatUsd } from './format';

describe('formatting', () => {
  it('dates keep the source precision', () => {
    expect(formatEventDate({ date: '2023-03-13', precision: 'day' }, 'en')).toBe('Mar 13, 2023');
    expect(formatEventDate({ date: '2023-04', precision: 'month' }, 'en')).toBe('Apr 2023');
    expect(formatEventDate({ date: '2023-03-13', precision: 'day' }, 'zh-CN')).toBe('2023年3月13日');
    expect(formatEventDate({ date: '2023-04', precision: 'month' }, 'zh-CN')).toBe('2023年4月');
  });

  it('numbers, money and percentages go through Intl', () => {
    expect(formatCompact(6.7e9, 'en')).toBe('6.7B');
    expect(formatCompact(6.7e9, 'zh-CN')).toBe('67亿');
    expect(formatUsd(140, 'en')).toBe('$140');
    expect(formatUsd(4_600_000, 'en')).toBe('$4.6M');
    expect(formatPercent(0.625, 'en')).toBe('63%');
    expect(formatScientific(3.14e23, 'en')).toBe('3.14×10²³');
  });
});
