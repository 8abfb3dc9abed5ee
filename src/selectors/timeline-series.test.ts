import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../tests/fixtures/bundled-dataset';
import { miniDataset } from '../../tests/fixtures/mini-dataset';
import type { Dataset } from '../data/schema';
import { DEFAULT_FILTERS } from '../store/filters-model';
import { selectFilteredSystems, selectTimelineEntries } from './filtered-systems';
import {
  ANNOTATION_LANE,
  buildTimelineSeries,
  distinctLabels,
  eventSpan,
  kindLaneOf,
  OTHER_LANE,
  shortLabel,
  WAVE_2023,
  type TimelineOptions,
} from './timeline-series';

const ds = bundledDataset();
// What the timeline plots: the systems in view and the papers and events marked beside them.
const all = selectTimelineEntries(ds, DEFAULT_FILTERS);
const KIND_ALL: TimelineOptions = { lanes: 'kind', zoom: 'all' };
const utc = (y: number, m: number, d = 1) => Date.UTC(y, m - 1, d);

function ids(list: { id: string }[]): string[] {
  return list.map((i) => i.id).sort();
}

describe('eventSpan', () => {
  it('a day covers that day; a month covers the whole month, not its 1st', () => {
    expect(eventSpan({ date: '2023-03-13', precision: 'day', marks: 'x' })).toMatchObject({
      start: utc(2023, 3, 13),
      end: utc(2023, 3, 14),
    });
    expect(eventSpan({ date: '2023-03', precision: 'month', marks: 'x' })).toMatchObject({ start: utc(2023, 3, 1), end: utc(2023, 4, 1) });
    expect(eventSpan({ date: '2022-12', precision: 'month', marks: 'x' })).toMatchObject({ start: utc(2022, 12, 1), end: utc(2023, 1, 1) });
  });
});

describe('shortLabel', () => {
  it('keeps chart labels short without inventing names', () => {
    expect(shortLabel('Dolly 1.0 (dolly-v1-6b)')).toBe('Dolly 1.0');
    expect(shortLabel('SAM (Segment Anything Model)')).toBe('SAM');
    expect(shortLabel('LiGO: Learning to Grow Pretrained Models for Efficient Transformer Training')).toBe('LiGO');
    expect(shortLabel('Carbon Emissions and Large Neural Network Training (Patterson et al. 2021)')).toBe('Patterson et al. 2021');
    expect(shortLabel('Vicuna-13B')).toBe('Vicuna-13B');
    expect(shortLabel('A very long name without any parenthesis at all')).toBe('A very long name withou…');
  });
});

describe('distinctLabels', () => {
  const item = (id: string, name: string, date: string) => {
    const [first] = buildTimelineSeries(ds, all, KIND_ALL).items;
    return { ...first, id, name, label: shortLabel(name), release: eventSpan({ date, precision: 'day', marks: 'x' }) };
  };
  it('systems whose short labels coincide show their full names; same names add the year', () => {
    const items = distinctLabels([
      item('a', 'GPT-2 (117M)', '2019-02-14'),
      item('b', 'GPT-2 (1.5B)', '2019-11-05'),
      item('c', 'Dolly 1.0 (dolly-v1-6b)', '2023-03-24'),
      item('d', 'LSTM', '1997-11-15'),
      item('e', 'LSTM', '2014-09-10'),
    ]);
    expect(items.map((i) => i.label)).toEqual(['GPT-2 (117M)', 'GPT-2 (1.5B)', 'Dolly 1.0', 'LSTM (1997)', 'LSTM (2014)']);
  });
  it('the bundled data has no repeated label', () => {
    const labels = buildTimelineSeries(ds, all, KIND_ALL).items.map((i) => i.label);
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe('buildTimelineSeries on the bundled data', () => {
  it('plots every system with a known release date, from GPT-3 (2020) to LLaVA (2023), and says why the rest are left out', () => {
    const s = buildTimelineSeries(ds, all, KIND_ALL);
    // 28 systems (26 models, 2 apps/libraries); the 4 papers and events are marked, not counted.
    expect(s.total).toBe(28);
    expect(s.items).toHaveLength(30);
    expect(ids(s.items.filter((i) => i.annotation))).toEqual(['ligo', 'patterson-2021', 'pytorch-2', 'sustainable-ai']);
    expect(s.items[0].id).toBe('gpt-3');
    expect(s.items[0].release).toMatchObject({ start: utc(2020, 5, 28), date: { date: '2020-05-28', precision: 'day' } });
    expect(s.items.at(-1)?.id).toBe('llava');
    expect(s.window.start).toBeLessThan(utc(2020, 5, 28));
    expect(s.window.end).toBeGreaterThan(utc(2023, 4, 18));
    expect(s.leftOut.map((l) => [l.id, l.reason]).sort()).toEqual(
      [
        ['freedomgpt', 'release-unknown'],
        ['replit-code-v1-3b', 'release-unknown'],
      ].sort(),
    );
    // FreedomGPT: the talk gives a month the sources do not confirm; it is listed, not drawn.
    expect(s.leftOut.find((l) => l.id === 'freedomgpt')?.talk).toEqual({ text: '2023 年 4 月', relation: 'unverified' });
  });

  it('same-day items keep the dataset order (LLaMA 7B, 13B, 33B, 65B)', () => {
    const s = buildTimelineSeries(ds, all, KIND_ALL);
    expect(s.items.filter((i) => i.id.startsWith('llama-')).map((i) => i.id)).toEqual(['llama-7b', 'llama-13b', 'llama-33b', 'llama-65b']);
  });

  it('kind lanes: LLM, multimodal (from the modality), library/app, paper/event, in that order', () => {
    const s = buildTimelineSeries(ds, all, KIND_ALL);
    expect(s.lanes.map((l) => l.kind)).toEqual(['llm', 'multimodal', 'library-app', 'paper-event']);
    const lane = (k: string) =>
      s.lanes
        .find((l) => l.kind === k)
        ?.itemIds.slice()
        .sort();
    expect(lane('multimodal')).toEqual(['clip', 'gpt-4', 'llava', 'midjourney', 'sam']);
    expect(lane('library-app')).toEqual(['chatllama']);
    expect(lane('paper-event')).toEqual(['ligo', 'patterson-2021', 'pytorch-2', 'sustainable-ai']);
    expect(lane('llm')).toContain('alpaca');
    expect(kindLaneOf(ds.systems.find((x) => x.id === 'replit-code-v1-3b')!)).toBe('llm');
  });

  it('organization lanes: the first organization\'s top-level organization; single-item ones share an "Other" lane, last', () => {
    const s = buildTimelineSeries(ds, all, { lanes: 'organization', zoom: 'all' });
    const keys = s.lanes.map((l) => l.key);
    // Papers and events in their own lane, last; then "Other".
    expect(keys.at(-1)).toBe(ANNOTATION_LANE);
    expect(keys.at(-2)).toBe(OTHER_LANE);
    expect(s.lanes.at(-1)?.itemIds.sort()).toEqual(['ligo', 'patterson-2021', 'pytorch-2', 'sustainable-ai']);
    expect(s.lanes.find((l) => l.key === 'org:meta')?.itemIds).not.toContain('sustainable-ai');
    expect(keys.slice(0, 2).sort()).toEqual(['org:meta', 'org:openai']);
    expect(keys).toEqual(expect.arrayContaining(['org:databricks', 'org:lmsys', 'org:google']));
    expect(s.lanes.find((l) => l.key === 'org:openai')?.itemIds.sort()).toEqual(['chatgpt', 'clip', 'gpt-3', 'gpt-3.5', 'gpt-4']);
    // Meta's lane holds FAIR's LLaMA and Meta AI's SAM: lanes are by top-level organization.
    expect(s.lanes.find((l) => l.key === 'org:meta')?.itemIds).toEqual(
      expect.arrayContaining(['llama-7b', 'llama-13b', 'llama-33b', 'llama-65b', 'sam']),
    );
    expect(s.lanes.find((l) => l.isOther)?.itemIds).toEqual(expect.arrayContaining(['alpaca', 'llava', 'koala']));
    // Every plotted item is in exactly one lane.
    expect(s.lanes.flatMap((l) => l.itemIds).sort()).toEqual(ids(s.items));
  });

  it('with few organizations each gets its own lane', () => {
    const llama = selectFilteredSystems(ds, { ...DEFAULT_FILTERS, bases: ['llama'] });
    const s = buildTimelineSeries(ds, llama, { lanes: 'organization', zoom: 'all' });
    expect(s.lanes.some((l) => l.isOther)).toBe(false);
    expect(s.lanes[0]).toMatchObject({ organization: 'meta', itemIds: ['llama-7b', 'llama-13b', 'llama-33b', 'llama-65b'] });
  });

  it('the Feb–Apr 2023 wave leaves out GPT-3, CLIP and the other earlier items, saying so', () => {
    const s = buildTimelineSeries(ds, all, { lanes: 'kind', zoom: 'wave-2023' });
    expect(s.window).toEqual(WAVE_2023);
    expect(s.items).toHaveLength(19);
    const outside = s.leftOut.filter((l) => l.reason === 'outside-window');
    expect(ids(outside)).toEqual(['bloom-175b', 'chatgpt', 'clip', 'gpt-3', 'gpt-3.5', 'gpt-j-6b', 'lamda', 'midjourney', 'opt-175b']);
    // Papers and events outside the window are simply not marked: they are not systems left out.
    expect(ids(s.items.filter((i) => i.annotation))).toEqual(['ligo', 'pytorch-2']);
    expect(outside.find((l) => l.id === 'clip')?.release?.date).toBe('2021-01-05');
    expect(s.items.every((i) => i.release.start >= WAVE_2023.start && i.release.start < WAVE_2023.end)).toBe(true);
  });

  it('a dragged window overrides the zoom setting', () => {
    const w = { start: utc(2023, 3, 1), end: utc(2023, 4, 1) };
    const s = buildTimelineSeries(ds, all, { lanes: 'kind', zoom: 'all', customWindow: w });
    expect(s.window).toEqual(w);
    expect(s.items.map((i) => i.release.date.date).every((d) => d.startsWith('2023-03'))).toBe(true);
    expect(s.items.map((i) => i.id)).toContain('alpaca');
  });

  it('where the talk dates differently (Alpaca, Dolly 2.0, Sustainable AI) it carries the talk’s date; agreeing talk dates are not repeated', () => {
    const s = buildTimelineSeries(ds, all, KIND_ALL);
    const alpaca = s.items.find((i) => i.id === 'alpaca');
    expect(alpaca?.release.date.date).toBe('2023-03-13');
    expect(alpaca?.talk).toMatchObject({ text: '2023 年 3 月 28 日', start: utc(2023, 3, 28), date: { precision: 'day' } });
    expect(alpaca?.talk?.note).toMatch(/13 March/);
    const dolly2 = s.items.find((i) => i.id === 'dolly-2');
    expect(dolly2?.talk).toMatchObject({ start: utc(2023, 3, 1), end: utc(2023, 4, 1), date: { precision: 'month' } });
    expect(ids(s.items.filter((i) => i.talk))).toEqual(['alpaca', 'dolly-2', 'sustainable-ai']);
    expect(s.items.find((i) => i.id === 'vicuna-13b')?.talk).toBeUndefined();
  });

  it('links run base → derived', () => {
    const s = buildTimelineSeries(ds, all, KIND_ALL);
    const link = (from: string, to: string) => s.links.find((l) => l.from === from && l.to === to);
    expect(link('llama-7b', 'alpaca')).toEqual({ from: 'llama-7b', to: 'alpaca', relation: 'fine-tuned-from', via: [] });
    expect(link('vicuna-13b', 'llava')?.relation).toBe('fine-tuned-from');
    expect(link('clip', 'llava')?.relation).toBe('component');
    expect(link('gpt-3', 'gpt-3.5')?.via).toEqual([]);
    expect(link('gpt-3.5', 'chatgpt')).toEqual({ from: 'gpt-3.5', to: 'chatgpt', relation: 'fine-tuned-from', via: [] });
    expect(link('gpt-3', 'chatgpt')).toBeUndefined();
    expect(s.links.filter((l) => l.to === 'chatllama').map((l) => l.from)).toEqual(['llama-7b', 'llama-13b', 'llama-33b', 'llama-65b']);
    // Bard's base LaMDA and Dolly's bases GPT-J / Pythia are dated now: direct links.
    expect(link('lamda', 'bard')?.via).toEqual([]);
    expect(link('gpt-j-6b', 'dolly-1')?.via).toEqual([]);
    expect(link('pythia-12b', 'dolly-2')?.via).toEqual([]);
    const llava = s.items.find((i) => i.id === 'llava');
    expect(llava?.bases).toEqual([
      { id: 'vicuna-13b', name: 'Vicuna-13B', relation: 'fine-tuned-from', plotted: true },
      { id: 'clip', name: 'CLIP', relation: 'component', plotted: true },
    ]);
  });

  it('through an undated base a link skips to the nearest dated ancestor, naming the skipped base', () => {
    const undated: Dataset = {
      ...ds,
      systems: ds.systems.map((s) => (s.id === 'gpt-3.5' ? { ...s, release: { status: 'unknown', note: 'test: date removed' } } : s)),
    };
    const s = buildTimelineSeries(undated, selectFilteredSystems(undated, DEFAULT_FILTERS), KIND_ALL);
    expect(s.links.find((l) => l.to === 'chatgpt')).toEqual({
      from: 'gpt-3',
      to: 'chatgpt',
      relation: 'fine-tuned-from',
      via: ['gpt-3.5'],
    });
  });

  it('?base=llama leaves LLaMA and its descendants; CLIP is filtered out, so LLaVA keeps only the Vicuna link', () => {
    const llama = selectFilteredSystems(ds, { ...DEFAULT_FILTERS, bases: ['llama'] });
    const s = buildTimelineSeries(ds, llama, KIND_ALL);
    expect(ids(s.items)).toEqual([
      'alpaca',
      'chatllama',
      'colossalchat',
      'koala',
      'llama-13b',
      'llama-33b',
      'llama-65b',
      'llama-7b',
      'llava',
      'vicuna-13b',
      'vicuna-7b',
    ]);
    expect(s.leftOut).toEqual([
      { id: 'freedomgpt', name: 'FreedomGPT', reason: 'release-unknown', talk: { text: '2023 年 4 月', relation: 'unverified' } },
    ]);
    expect(s.links.filter((l) => l.to === 'llava').map((l) => l.from)).toEqual(['vicuna-13b']);
    expect(s.items.find((i) => i.id === 'llava')?.bases.find((b) => b.id === 'clip')?.plotted).toBe(false);
  });

  it('an empty filtered set gives an empty series, not an error', () => {
    const s = buildTimelineSeries(ds, [], KIND_ALL);
    expect(s).toMatchObject({ items: [], links: [], lanes: [], leftOut: [], total: 0 });
  });
});

describe('buildTimelineSeries on the mini fixture', () => {
  const mini = miniDataset();
  const s = buildTimelineSeries(mini, selectTimelineEntries(mini, DEFAULT_FILTERS), KIND_ALL);

  it('a month-precision release spans its month', () => {
    const child = s.items.find((i) => i.id === 'child');
    expect(child?.release).toMatchObject({ start: utc(2023, 3, 1), end: utc(2023, 4, 1), date: { date: '2023-03', precision: 'month' } });
  });

  it('an event without a date is not marked, and not counted as a system left out', () => {
    expect(s.leftOut).toEqual([]);
    expect(s.total).toBe(6);
    expect(s.items).toHaveLength(6);
    expect(s.items.some((i) => i.id === 'event')).toBe(false);
  });

  it('a system without a date is left out with the talk’s unverified claim', () => {
    const undated = { ...mini, systems: mini.systems.map((x) => (x.id === 'event' ? { ...x, kind: 'model' as const } : x)) };
    const u = buildTimelineSeries(undated, selectFilteredSystems(undated, DEFAULT_FILTERS), KIND_ALL);
    expect(u.leftOut).toEqual([
      { id: 'event', name: 'An Event', reason: 'release-unknown', talk: { text: '2023 年 4 月', relation: 'unverified' } },
    ]);
  });

  it('lanes and links', () => {
    expect(s.lanes.map((l) => [l.kind, l.itemIds])).toEqual([
      ['llm', ['closed', 'fam-small', 'fam-large', 'child']],
      ['multimodal', ['vision', 'grandchild']],
    ]);
    expect(s.links.map((l) => `${l.from}>${l.to}:${l.relation}`).sort()).toEqual([
      'child>grandchild:fine-tuned-from',
      'fam-small>child:fine-tuned-from',
      'vision>grandchild:component',
    ]);
  });
});
