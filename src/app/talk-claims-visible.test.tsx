import { readFileSync } from 'node:fs';
import path from 'node:path';
import { act, render } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { bundledDataset } from '../../tests/fixtures/bundled-dataset';
import { mockTableLayout } from '../../tests/fixtures/table-layout';
import { FIELD_IDS } from '../data/fields';
import { resetAppStore, useAppStore } from '../store';
import { SYSTEM_KINDS } from '../store/filters-model';
import { ModelsTable } from '../features/models-table/models-table';
import { Co2View } from '../features/co2/co2-view';

/*
 * Every claim of the talk that the data records is shown to a reader — not only stored. The
 * claims are found by walking the raw data/dataset.json (every `talk` and `…Talk` record), so a
 * claim added to the data is covered without touching this test. A system's claims must show in
 * its own explorer row (all columns on); the reference figures' claims (GPT-3's 552 t, the 460
 * round trips, the brain's 22 W) in the CO₂ view. Text only a screen reader gets (visually-hidden)
 * or only a tooltip attribute gets does not count.
 */

const raw: unknown = JSON.parse(readFileSync(path.resolve(__dirname, '../../data/dataset.json'), 'utf8'));

interface Claim {
  where: string;
  systemId?: string;
  text: string;
}

function talkClaims(): Claim[] {
  const out: Claim[] = [];
  const walk = (v: unknown, where: string, systemId: string | undefined, key?: string): void => {
    if ((key === 'talk' || key?.endsWith('Talk')) && v && typeof v === 'object' && 'text' in v) {
      out.push({ where, systemId, text: String((v as { text: unknown }).text) });
      return;
    }
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${where}[${i}]`, systemId));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${where}.${k}`, systemId, k);
  };
  const ds = raw as { systems: { id: string }[]; reference: unknown };
  for (const s of ds.systems) walk(s, s.id, s.id);
  walk(ds.reference, 'reference', undefined);
  return out;
}

/** The text a sighted reader sees: without visually-hidden spans (attributes never count). */
function visibleText(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('.visually-hidden').forEach((n) => n.remove());
  return copy.textContent ?? '';
}

beforeEach(() => {
  resetAppStore();
  mockTableLayout();
});

describe('every talk claim in the data is visible', () => {
  const claims = talkClaims();

  it('finds the talk records (the ColossalChat credit, the venue and the PyTorch carbon claim among them)', () => {
    expect(claims.length).toBe(49);
    expect(claims.map((c) => c.where)).toEqual(
      expect.arrayContaining([
        'colossalchat.organizationsTalk',
        'sustainable-ai.venue.talk',
        'pytorch-2.co2Tonnes.talk',
        'gpt-3.otherDates[0].talk',
      ]),
    );
  });

  it('shows each system’s claims in its explorer row and the reference claims in the CO₂ view', () => {
    const ds = bundledDataset();
    act(() => {
      useAppStore.getState().receiveDataset({ ok: true, dataset: ds });
      useAppStore.getState().setVisibleColumns([...FIELD_IDS]);
      // Papers and events are in the explorer when the Kind filter brings them in.
      useAppStore.getState().setFilterValues('kinds', [...SYSTEM_KINDS]);
    });
    const explorer = render(<ModelsTable dataset={ds} />).container;
    const co2 = render(<Co2View dataset={ds} />).container;
    const missing = claims.filter((c) => {
      const place = c.systemId ? explorer.querySelector(`tr[data-system-id="${c.systemId}"]`) : co2;
      return !place || !visibleText(place).includes(c.text);
    });
    expect(missing.map((c) => `${c.where}: ${c.text}`)).toEqual([]);
  });
});
