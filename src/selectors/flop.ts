import type { System } from '../data/schema';
import { formatScientific, type Locale } from '../i18n/format';

/*
 * Training compute in FLOP: Epoch AI's figure for imported systems, the paper's or Epoch's for the
 * bundled ones. The explorer column, the compare row and the GPU-hours tooltip all write it from
 * here. A system without a figure shows why (not disclosed / unknown / —): nothing is made up.
 *
 * The column is labelled "Training compute", not Epoch's "Training compute (FLOP)", so that our own
 * CSV, imported without its record column, does not have its display text ("3.14×10²³ FLOP") read
 * as Epoch's number column.
 */

type Translate = (key: string, english: string, vars?: Record<string, string | number>) => string;

/** 3.14e23 → "3.14×10²³ FLOP" (scientific notation from the shared formatter, in either language). */
export function formatFlop(value: number, locale: Locale): string {
  return `${formatScientific(value, locale)} FLOP`;
}

/**
 * One line for a tooltip: "Training compute: 3.14×10²³ FLOP (est.)", or why there is no figure.
 * Undefined when the system has no FLOP record at all (a paper, a library).
 */
export function flopTooltipLine(system: Pick<System, 'flop'>, locale: Locale, t: Translate): string | undefined {
  const fact = system.flop;
  if (!fact) return undefined;
  const flop =
    fact.status === 'reported'
      ? formatFlop(fact.value, locale)
      : fact.status === 'estimated'
        ? `${formatFlop(fact.value, locale)} ${t('fact.estimated', 'est.')}`
        : fact.status === 'not-disclosed'
          ? t('fact.not-disclosed', 'not disclosed')
          : t('fact.unknown-short', 'unknown');
  return t('flop.tip', 'Training compute: {flop}', { flop });
}
