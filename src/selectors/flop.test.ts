import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../tests/fixtures/bundled-dataset';
import { translate } from '../i18n/i18n';
import { flopTooltipLine, formatFlop } from './flop';

const t = (key: string, english: string, vars?: Record<string, string | number>) => translate('en', key, english, vars);
const tZh = (key: string, english: string, vars?: Record<string, string | number>) => translate('zh-CN', key, english, vars);
const ds = bundledDataset();
const system = (id: string) => ds.systems.find((s) => s.id === id)!;

describe('formatFlop', () => {
  it('writes FLOP in scientific notation with its unit, in both languages', () => {
    expect(formatFlop(3.14e23, 'en')).toBe('3.14×10²³ FLOP');
    expect(formatFlop(9.1819e20, 'en')).toBe('9.18×10²⁰ FLOP');
    expect(formatFlop(2.5e17, 'zh-CN')).toBe('2.5×10¹⁷ FLOP');
  });
});

describe('flopTooltipLine on the bundled data', () => {
  it('gives the figure, marks an estimate, and says why there is none', () => {
    expect(flopTooltipLine(system('gpt-3'), 'en', t)).toBe('Training compute: 3.14×10²³ FLOP');
    expect(flopTooltipLine(system('llama-7b'), 'en', t)).toBe('Training compute: 4×10²² FLOP est.');
    expect(flopTooltipLine(system('gpt-4'), 'en', t)).toBe('Training compute: not disclosed');
    expect(flopTooltipLine(system('alpaca'), 'en', t)).toBe('Training compute: unknown');
    // No FLOP record at all (a paper): no line, rather than a made-up "unknown".
    expect(flopTooltipLine(system('patterson-2021'), 'en', t)).toBeUndefined();
  });

  it('is translated', () => {
    expect(flopTooltipLine(system('gpt-4'), 'zh-CN', tZh)).toBe('训练算力：未公开');
  });
});
