import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../tests/fixtures/bundled-dataset';
import { syntheticDataset } from '../../../tests/fixtures/synthetic-dataset';
import type { TimelinePlot } from '../../components/figure/figure-model';
import {
  timelineGeometry,
  timelineObstacles,
  timelineRoutes,
  timelineSizes,
  type TimelineGeometry,
} from '../../components/figure/plot-timeline';
import { segmentHitsBox } from '../../lib/orthogonal-route';
import { PRESETS, screenPreset, type Preset } from '../../components/figure/presets';
import { renderFigureSvg } from '../../components/figure/render-svg';
import { datasetSchema } from '../../data/schema';
import { translate, translatePlural, type Locale } from '../../i18n/i18n';
import { DEFAULT_FILTERS } from '../../store/filters-model';
import { buildTimelineFigure, type TimelineFigureInput } from './timeline-figure';
import type { Annotation } from '../../store/annotations-model';

const dataset = bundledDataset();
/** As the LLaMA story: a band and four callouts on releases of Feb–Apr 2023, two of them four days apart. */
const STORY: Annotation[] = [
  { type: 'band', panel: 'timeline', range: { kind: 'date', from: '2023-02-24', to: '2023-04-03' }, text: 'LLaMA to Koala in 38 days' },
  ...['llama-65b', 'alpaca', 'vicuna-13b', 'koala'].map((id): Annotation => ({
    type: 'callout',
    panel: 'timeline',
    anchor: { kind: 'system', id },
    text: `about ${id}`,
  })),
];
const big = datasetSchema.parse(syntheticDataset(3000, 1));
const LINK = 'https://llm-wave.example/?v=timeline';

const translator = (locale: Locale) => ({
  locale,
  t: (key: string, en: string, vars?: Record<string, string | number>) => translate(locale, key, en, vars),
  tn: (key: string, n: number, one: string, other: string, vars?: Record<string, string | number>) =>
    translatePlural(locale, key, n, one, other, vars),
});

function figure(over: Partial<Omit<TimelineFigureInput, 'translator'>> & { locale?: Locale } = {}) {
  const { locale = 'en', ...rest } = over;
  return buildTimelineFigure({
    dataset,
    filters: DEFAULT_FILTERS,
    lanes: 'kind',
    zoom: 'all',
    selectedId: null,
    link: LINK,
    translator: translator(locale),
    ...rest,
  });
}

/** The plot's box in a preset as the renderer gives it: the width inside the padding, the body size. */
function box(preset: Preset) {
  const pad = Math.round(Math.max(8, preset.baseFont * 1.1));
  return { x0: pad, width: preset.width - 2 * pad, base: preset.baseFont };
}

const overlaps = (a: { left: number; right: number }, b: { left: number; right: number }) => a.left < b.right && b.left < a.right;

/** No two names overlap, no name covers a mark, every name stays inside the plot, no two tick labels overlap. */
function expectClean(g: TimelineGeometry) {
  for (const lane of g.lanes) {
    for (const a of lane.marks) {
      if (a.label) {
        expect(a.label.left).toBeGreaterThanOrEqual(g.px0 - 0.5);
        expect(a.label.right).toBeLessThanOrEqual(g.px1 + 0.5);
      }
      for (const b of lane.marks) {
        if (a.row !== b.row) continue;
        if (a.label && overlaps(a.label, b)) throw new Error(`${a.mark.id}'s name covers ${b.mark.id}'s mark`);
        if (a !== b && a.label && b.label && overlaps(a.label, b.label)) throw new Error(`${a.mark.id} and ${b.mark.id}: names overlap`);
      }
    }
  }
  for (let i = 1; i < g.ticks.length; i++) expect(g.ticks[i].left).toBeGreaterThan(g.ticks[i - 1].right);
  for (const t of g.ticks) {
    expect(t.left).toBeGreaterThanOrEqual(g.px0 - 0.5);
    expect(t.right).toBeLessThanOrEqual(g.px1 + 0.5);
  }
}

const BOXES: [string, Preset, number | null][] = [
  ['screen 720', screenPreset(720), null],
  ['slide-16x9', PRESETS['slide-16x9'], 260],
  ['journal-1col', PRESETS['journal-1col'], null],
];

describe('the timeline plot layout', () => {
  const cases: [string, TimelinePlot][] = [
    ['bundled, kind lanes, all dates', figure().plot],
    ['bundled, organization lanes, Feb–Apr 2023', figure({ lanes: 'organization', zoom: 'wave-2023' }).plot],
    ['bundled, zh-CN', figure({ locale: 'zh-CN' }).plot],
    ['3,000 synthetic systems, organization lanes', figure({ dataset: big, lanes: 'organization' }).plot],
    ['bundled, the LLaMA story’s annotations', figure({ annotations: STORY }).plot],
    ['bundled, Feb–Apr 2023, the LLaMA story’s annotations', figure({ zoom: 'wave-2023', annotations: STORY }).plot],
  ];
  for (const [name, plot] of cases)
    for (const [boxName, preset, maxHeight] of BOXES)
      it(`${name} at ${boxName}: names never overlap or cover a mark, ticks never overlap`, () => {
        const { x0, width, base } = box(preset);
        const g = timelineGeometry(plot, x0, width, base, maxHeight);
        expectClean(g);
        // Every mark of a lane kept is drawn, named or counted as not named.
        const drawn = g.lanes.flatMap((l) => l.marks);
        expect(drawn.length + g.cut).toBe(plot.marks.length);
        expect(drawn.filter((p) => !p.label || p.label.text !== undefined).length).toBe(g.hidden);
        if (maxHeight !== null) expect(g.height).toBeLessThanOrEqual(maxHeight + 0.5);
        // No link or talk connector passes through a name, mark or lane heading other than its own ends'
        // (nor a mark drawn over one of its ends: in a full box, same-day marks may share a sub-row and touch).
        const all = timelineObstacles(plot, g, 0, x0, base);
        const endMarks = (ids: string[]) => all.filter((b) => b.kind === 'mark' && b.owner && ids.includes(b.owner));
        const touches = (a: (typeof all)[number], b: (typeof all)[number]) =>
          a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        const crossings: string[] = [];
        for (const [key, points] of timelineRoutes(plot, g, 0, x0, base)) {
          const ends = key.startsWith('talk:') ? [key.slice(5), `${key.slice(5)}:talk`] : key.split('>');
          const obstacles = all.filter((b) => !(b.kind === 'mark' && endMarks(ends).some((e) => touches(e, b))));
          for (const b of obstacles)
            if (!(b.owner && ends.includes(b.owner)))
              for (let i = 1; i < points.length; i++)
                if (segmentHitsBox(points[i - 1], points[i], b)) crossings.push(`${key} × ${b.kind} ${b.owner ?? ''}`);
        }
        expect([...new Set(crossings)]).toEqual([]);
      });

  it('labels days in a window of a few weeks, in the UI language', () => {
    const { x0, width, base } = box(PRESETS['slide-16x9']);
    const customWindow = { start: Date.UTC(2023, 2, 10), end: Date.UTC(2023, 2, 20) };
    const en = timelineGeometry(figure({ customWindow }).plot, x0, width, base, null);
    expect(en.ticks.length).toBeGreaterThanOrEqual(2);
    expect(en.ticks.map((t) => t.label)).toContain('Mar 15');
    const zh = timelineGeometry(figure({ customWindow, locale: 'zh-CN' }).plot, x0, width, base, null);
    expect(zh.ticks.map((t) => t.label)).toContain('3月15日');
    for (const g of [en, zh]) for (let i = 1; i < g.ticks.length; i++) expect(g.ticks[i].left).toBeGreaterThan(g.ticks[i - 1].right);
  });

  it('labels months in a short window and years in a long one', () => {
    const { x0, width, base } = box(PRESETS['slide-16x9']);
    const wave = timelineGeometry(figure({ zoom: 'wave-2023' }).plot, x0, width, base, null);
    expect(wave.ticks.map((t) => t.label)).toEqual(['Feb 2023', 'Mar 2023', 'Apr 2023', 'May 2023']);
    const long = timelineGeometry(figure({ dataset: big }).plot, x0, width, base, null);
    expect(long.ticks.length).toBeGreaterThan(3);
    for (const t of long.ticks) expect(t.label).toMatch(/^\d{4}$/);
  });

  it('in a small fixed box cuts sub-rows first, then lanes from the end, with "and N more"', () => {
    const plot = figure({ dataset: big, lanes: 'organization' }).plot;
    const { x0, width, base } = box(PRESETS['slide-16x9']);
    const s = timelineSizes(base);
    const g = timelineGeometry(plot, x0, width, base, s.axisH + 3 * (s.headH + s.minRow) + 2 * s.noteH + 1);
    expect(g.lanes.map((l) => l.lane)).toEqual([0, 1, 2]);
    expect(g.lanes.every((l) => l.rows === 1)).toBe(true);
    expect(g.cut).toBe(plot.marks.filter((m) => m.lane > 2).length);
    expectClean(g);
    const small = renderFigureSvg(figure({ dataset: big, lanes: 'organization' }), { ...PRESETS['slide-16x9'], height: 330 }).svg;
    expect(small).toMatch(/… and [\d,]+ more \(all in the data table and CSV\)/);
    const slide = renderFigureSvg(figure({ dataset: big, lanes: 'organization' }), PRESETS['slide-16x9']).svg;
    expect(slide).toMatch(/Names not shown for lack of room: [\d,]+; every system is in the data table and CSV\./);
  });
});

describe('buildTimelineFigure', () => {
  it('draws every dated system in the window as a mark in its lane, and counts only systems', () => {
    const m = figure();
    expect(m.id).toBe('timeline');
    expect(m.plot.kind).toBe('timeline');
    expect(m.plot.lanes).toEqual([
      'LLMs (text, code)',
      'Multimodal and vision',
      'Libraries and apps',
      'Papers and events (marked, not counted)',
    ]);
    const systems = m.plot.marks.filter((x) => !x.annotation && !x.talkFor);
    expect(systems.map((x) => x.id)).toEqual(expect.arrayContaining(['gpt-3', 'llama-7b', 'alpaca', 'chatgpt']));
    expect(m.notes.map((n) => n.text)).toContain(`${systems.length} of 28 systems shown`);
    const gptj = m.plot.marks.find((x) => x.id === 'gpt-j-6b')!;
    expect(gptj.precision).toBe('month');
  });

  it('marks papers and events as hollow diamonds in their own lane, not counted', () => {
    const m = figure({ lanes: 'organization' });
    const annotations = m.plot.marks.filter((x) => x.annotation && !x.talkFor);
    expect(annotations.length).toBeGreaterThan(0);
    const lane = m.plot.lanes.indexOf('Papers and events (marked, not counted)');
    expect(lane).toBe(m.plot.lanes.length - 1);
    expect(annotations.every((x) => x.lane === lane)).toBe(true);
    expect(m.plot.marks.filter((x) => x.lane === lane).every((x) => x.annotation)).toBe(true);
    const count = m.notes.find((n) => / of \d+ systems shown$/.test(n.text))!;
    expect(count.text).toBe(`${m.plot.marks.filter((x) => !x.annotation && !x.talkFor).length} of 28 systems shown`);
  });

  it('draws the talk’s differing dates beside their releases, and the lineage links between drawn marks', () => {
    const m = figure();
    const talk = m.plot.marks.filter((x) => x.talkFor).map((x) => x.talkFor);
    expect(talk.sort()).toEqual(['alpaca', 'dolly-2', 'sustainable-ai']);
    const ids = new Set(m.plot.marks.map((x) => x.id));
    expect(m.plot.links.length).toBeGreaterThan(5);
    for (const l of m.plot.links) expect(ids.has(l.from) && ids.has(l.to)).toBe(true);
    expect(m.plot.links).toContainEqual(expect.objectContaining({ from: 'llama-7b', to: 'alpaca' }));
  });

  it('lists the systems without a date as left out, with the reason', () => {
    const notes = figure().notes.map((n) => n.text);
    expect(notes).toContain('Not drawn — release date unknown: FreedomGPT, replit-code-v1-3b.');
    const wave = figure({ zoom: 'wave-2023' }).notes.map((n) => n.text);
    expect(wave.find((n) => n.startsWith('Not drawn — released outside the window shown: '))).toContain('GPT-3');
  });

  it('draws the window the screen shows: a dragged window overrides the zoom', () => {
    const customWindow = { start: Date.UTC(2023, 2, 1), end: Date.UTC(2023, 3, 1) };
    const m = figure({ customWindow });
    expect(m.plot.window).toEqual(customWindow);
    for (const x of m.plot.marks) expect(x.end > customWindow.start && x.start < customWindow.end).toBe(true);
    // The subtitle names the window beside the filters, as the screen's does; every date needs no word.
    expect(m.subtitle).toBe('All systems · Window: Mar 1, 2023 – Mar 31, 2023');
    expect(figure({ zoom: 'wave-2023' }).subtitle).toBe('All systems · Window: Feb–Apr 2023');
    expect(figure().subtitle).toBe('All systems');
    expect(figure({ customWindow, locale: 'zh-CN' }).subtitle).toContain('时间范围：2023年3月1日 – 2023年3月31日');
  });

  it('says when it is capped, first and essential, and keeps every system in its table', () => {
    const m = figure({ dataset: big });
    expect(m.notes[0].essential).toBe(true);
    expect(m.notes[0].text).toMatch(/^Showing the 120 largest models \(by parameter count\) of [\d,]+ dated systems in this window/);
    expect(m.plot.marks.filter((x) => !x.annotation && !x.talkFor)).toHaveLength(120);
    expect(m.table.rows.length).toBeGreaterThan(1000);
  });

  it('says nothing that only makes sense on screen, and speaks Chinese in zh-CN', () => {
    const screenOnly = /drag|click|tooltip|hover|enter selects|zoom|拖动|点击|按 Enter/i;
    for (const locale of ['en', 'zh-CN'] as const) {
      const m = figure({ locale });
      for (const text of [m.title, m.subtitle, m.description, m.sourceNote, ...m.notes.map((n) => n.text), ...m.legend.map((l) => l.label)])
        expect(text).not.toMatch(screenOnly);
    }
    const zh = figure({ locale: 'zh-CN' });
    expect(zh.title).toBe('发布时间线');
    expect(zh.plot.hiddenNames).toContain('因篇幅所限');
    expect(zh.notes.map((n) => n.text).join(' ')).toContain('显示 26 / 28 个系统');
  });
});

describe('annotations on the timeline', () => {
  for (const [boxName, preset, maxHeight] of BOXES)
    it(`at ${boxName}, each callout’s badge is in its release’s name, clear of every mark and name`, () => {
      const plot = figure({ zoom: 'wave-2023', annotations: STORY }).plot;
      const { x0, width, base } = box(preset);
      const g = timelineGeometry(plot, x0, width, base, maxHeight);
      expectClean(g);
      const named = g.lanes.flatMap((l) => l.marks).filter((p) => p.mark.named);
      // Named in full, or (where a later release needs the room) by its badge alone.
      expect(named.map((p) => [p.mark.id, p.label !== null])).toEqual([
        ['llama-65b', true],
        ['alpaca', true],
        ['vicuna-13b', true],
        ['koala', true],
      ]);
      expect(named.map((p) => p.mark.label.slice(-1))).toEqual(['②', '③', '④', '⑤']);
    });
});
