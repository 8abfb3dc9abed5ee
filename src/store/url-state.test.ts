import fc from 'fast-check';
import { encodeAnnotations } from './annotations-model';
import { describe, expect, it } from 'vitest';
import { FIELD_IDS, MAX_COMPARE, MAX_SORT_KEYS } from '../data/fields';
import { DEFAULT_FILTERS, MODALITY_CATEGORIES, OPENNESS_FACETS, SYSTEM_KINDS } from './filters-model';
import { PANEL_IDS } from './panels';
import {
  DEFAULT_URL_STATE,
  fromUrl,
  hasControlCharacters,
  MAX_LIST_ITEMS,
  parseScalePeriod,
  parseWindow,
  reconcileWithDataset,
  THEME_CHOICES,
  toUrl,
  VIEW_SETTINGS,
  windowText,
  type UrlState,
} from './url-state';

const parse = (query: string) => fromUrl(new URLSearchParams(query));

describe('toUrl', () => {
  it('writes nothing for the default state', () => {
    expect(toUrl(DEFAULT_URL_STATE).toString()).toBe('');
  });

  it('writes only non-default values, lists as repeated keys', () => {
    const state: UrlState = {
      ...DEFAULT_URL_STATE,
      filters: { ...DEFAULT_FILTERS, organizations: ['Meta AI', 'OpenAI'], bases: ['llama'], dateFrom: '2023-02' },
      selectedId: 'llava',
      language: 'zh-CN',
    };
    expect(toUrl(state).toString()).toBe('org=Meta+AI&org=OpenAI&base=llama&from=2023-02&sel=llava&lang=zh-CN');
  });
});

describe('fromUrl', () => {
  it('reads a full link back', () => {
    const { state, problems } = parse(
      'org=Meta+AI&base=llama&mod=multimodal&open=weights&open=code&kind=model&from=2023-02&to=2023-04&q=chat&sel=llava&lang=zh-CN&theme=dark',
    );
    expect(parse('order=name').state.view.overviewOrder).toBe('name');
    expect(parse('order=sideways').problems).toEqual([{ param: 'order', value: 'sideways', reason: 'unknown-value' }]);
    expect(problems).toEqual([]);
    expect(state).toEqual({
      filters: {
        organizations: ['Meta AI'],
        bases: ['llama'],
        modalities: ['multimodal'],
        openness: ['weights', 'code'],
        kinds: ['model'],
        dateFrom: '2023-02',
        dateTo: '2023-04',
        query: 'chat',
      },
      selectedId: 'llava',
      language: 'zh-CN',
      theme: 'dark',
      view: DEFAULT_URL_STATE.view,
      sorting: [{ id: 'release', desc: false }],
      visibleColumns: DEFAULT_URL_STATE.visibleColumns,
      compareIds: [],
      embed: null,
      present: null,
      timelineWindow: null,
      scalePeriod: null,
      annotations: [],
    });
  });

  it('falls back to the default for each invalid value and says which', () => {
    const { state, problems } = parse(
      'mod=hologram&open=weights&from=2023-13&to=yesterday&lang=klingon&theme=neon&sel=%3Cscript%3E&bogus=1',
    );
    expect(state.filters.modalities).toEqual([]);
    expect(state.filters.openness).toEqual(['weights']);
    expect(state.filters.dateFrom).toBeNull();
    expect(state.filters.dateTo).toBeNull();
    expect(state.language).toBeNull();
    expect(state.theme).toBe('system');
    expect(state.selectedId).toBeNull();
    expect(problems.map((p) => `${p.param}:${p.reason}`).sort()).toEqual(
      [
        'bogus:unknown-value',
        'from:malformed',
        'lang:unknown-value',
        'mod:unknown-value',
        'sel:malformed',
        'theme:unknown-value',
        'to:malformed',
      ].sort(),
    );
  });

  it('drops a reversed date range', () => {
    const { state, problems } = parse('from=2023-04&to=2023-02');
    expect([state.filters.dateFrom, state.filters.dateTo]).toEqual([null, null]);
    expect(problems[0].reason).toBe('range-reversed');
  });

  it('refuses huge lists and overlong values', () => {
    const many = Array.from({ length: MAX_LIST_ITEMS + 1 }, (_, i) => `base=b${i}`).join('&');
    expect(parse(many).state.filters.bases).toEqual([]);
    expect(parse(many).problems[0].reason).toBe('too-many');
    const long = parse(`q=${'x'.repeat(5000)}&org=${'y'.repeat(500)}`);
    expect(long.state.filters.query).toBe('');
    expect(long.state.filters.organizations).toEqual([]);
    expect(long.problems.every((p) => p.reason === 'too-long')).toBe(true);
    expect(long.problems.every((p) => p.value.length <= 41)).toBe(true);
  });

  it('ignores duplicates and control characters', () => {
    const { state, problems } = parse('base=llama&base=llama&q=a%00b');
    expect(state.filters.bases).toEqual(['llama']);
    expect(state.filters.query).toBe('');
    expect(problems.map((p) => p.reason).sort()).toEqual(['duplicate', 'malformed']);
  });

  it('never throws on arbitrary query strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (raw) => {
        const { state } = parse(raw);
        expect(Array.isArray(state.filters.organizations)).toBe(true);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('round-trips any valid state', () => {
    const slug = fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,20}$/);
    const month = fc
      .tuple(fc.integer({ min: 2015, max: 2030 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
    const state = fc
      .record({
        filters: fc.record({
          organizations: fc.uniqueArray(
            fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && s.length > 0 && !hasControlCharacters(s)),
            { maxLength: 5 },
          ),
          bases: fc.uniqueArray(slug, { maxLength: 5 }),
          modalities: fc.uniqueArray(fc.constantFrom(...MODALITY_CATEGORIES)),
          openness: fc.uniqueArray(fc.constantFrom(...OPENNESS_FACETS)),
          kinds: fc.uniqueArray(fc.constantFrom(...SYSTEM_KINDS)),
          dateFrom: fc.option(month, { nil: null }),
          dateTo: fc.option(month, { nil: null }),
          query: fc
            .string({ maxLength: 40 })
            .map((s) => s.trim())
            .filter((s) => !hasControlCharacters(s)),
        }),
        selectedId: fc.option(slug, { nil: null }),
        language: fc.constantFrom(null, 'en' as const, 'zh-CN' as const),
        theme: fc.constantFrom(...THEME_CHOICES),
        view: fc.record({
          overviewOrder: fc.constantFrom(...VIEW_SETTINGS.overviewOrder.values),
          seedTablesMode: fc.constantFrom(...VIEW_SETTINGS.seedTablesMode.values),
          costScale: fc.constantFrom(...VIEW_SETTINGS.costScale.values),
          gpuHoursScale: fc.constantFrom(...VIEW_SETTINGS.gpuHoursScale.values),
          timelineLanes: fc.constantFrom(...VIEW_SETTINGS.timelineLanes.values),
          timelineZoom: fc.constantFrom(...VIEW_SETTINGS.timelineZoom.values),
          scaleMetric: fc.constantFrom(...VIEW_SETTINGS.scaleMetric.values),
          co2Method: fc.constantFrom(...VIEW_SETTINGS.co2Method.values),
          co2Grid: fc.constantFrom(...VIEW_SETTINGS.co2Grid.values),
          co2Development: fc.constantFrom(...VIEW_SETTINGS.co2Development.values),
        }),
        sorting: fc.uniqueArray(fc.record({ id: fc.constantFrom(...FIELD_IDS), desc: fc.boolean() }), {
          selector: (s) => s.id,
          maxLength: MAX_SORT_KEYS,
        }),
        visibleColumns: fc.subarray([...FIELD_IDS]).map((cols) => FIELD_IDS.filter((f) => f === 'name' || cols.includes(f))),
        compareIds: fc.uniqueArray(slug, { maxLength: MAX_COMPARE }),
        embed: fc.constantFrom(null, ...PANEL_IDS),
        present: fc.constantFrom(null, ...PANEL_IDS),
        // Whole UTC days from 1950 to 2030, the last on or after the first.
        timelineWindow: fc.option(
          fc
            .tuple(fc.integer({ min: -7305, max: 21914 }), fc.integer({ min: 0, max: 3000 }))
            .map(([day, days]) => ({ start: day * 86_400_000, end: (day + days + 1) * 86_400_000 })),
          { nil: null },
        ),
        scalePeriod: fc.option(
          fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 50 })).map(([from, span]) => ({
            from,
            to: Math.min(2100, from + span),
          })),
          { nil: null },
        ),
        annotations: fc.constantFrom<UrlState['annotations']>(
          [],
          [{ type: 'band', panel: 'timeline', range: { kind: 'date', from: '2023-02-01', to: '2023-04-30' }, text: 'the wave' }],
        ),
      })
      .filter((s) => !(s.filters.dateFrom && s.filters.dateTo && s.filters.dateFrom > s.filters.dateTo));
    fc.assert(
      fc.property(state, (s) => {
        const back = fromUrl(new URLSearchParams(toUrl(s).toString()));
        expect(back.problems).toEqual([]);
        expect(back.state).toEqual(s);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('table state in the URL', () => {
  it('sort, columns and compare set: written only when not default, read back in order', () => {
    const state: UrlState = {
      ...DEFAULT_URL_STATE,
      sorting: [
        { id: 'trainingCost', desc: true },
        { id: 'release', desc: false },
      ],
      visibleColumns: ['name', 'release', 'trainingCost'],
      compareIds: ['alpaca', 'vicuna-13b'],
    };
    const query = toUrl(state).toString();
    expect(query).toBe('sort=-trainingCost%2Crelease&cols=name%2Crelease%2CtrainingCost&cmp=alpaca%2Cvicuna-13b');
    expect(fromUrl(new URLSearchParams(query)).state).toEqual(state);
  });

  it('an explicitly unsorted table survives the round trip', () => {
    const query = toUrl({ ...DEFAULT_URL_STATE, sorting: [] }).toString();
    expect(query).toBe('sort=none');
    expect(parse(query).state.sorting).toEqual([]);
  });

  it('bad table values fall back and are reported', () => {
    const { state, problems } = parse('sort=-bogus,release,release&cols=name,secret,release&cmp=a,b,c,d,e');
    expect(state.sorting).toEqual([{ id: 'release', desc: false }]);
    expect(state.visibleColumns).toEqual(['name', 'release']);
    expect(state.compareIds).toEqual([]);
    expect(problems.map((p) => `${p.param}:${p.reason}`).sort()).toEqual([
      'cmp:too-many',
      'cols:unknown-value',
      'sort:duplicate',
      'sort:unknown-value',
    ]);
  });

  it('the name column cannot be hidden through the URL', () => {
    expect(parse('cols=release').state.visibleColumns).toEqual(['name', 'release']);
  });
});

describe('embed and presentation in the URL', () => {
  it('writes the panel last, after the state it shows, and reads it back', () => {
    const state: UrlState = {
      ...DEFAULT_URL_STATE,
      filters: { ...DEFAULT_FILTERS, organizations: ['OpenAI'] },
      language: 'en',
      embed: 'co2',
    };
    const query = toUrl(state).toString();
    expect(query).toBe('org=OpenAI&lang=en&embed=co2');
    expect(parse(query)).toEqual({ state, problems: [] });
    expect(parse('present=timeline').state.present).toBe('timeline');
    expect(toUrl({ ...DEFAULT_URL_STATE, present: 'timeline' }).toString()).toBe('present=timeline');
  });

  it('every panel id is accepted by both keys', () => {
    for (const id of PANEL_IDS) {
      expect(parse(`embed=${id}&present=${id}`)).toEqual({ state: { ...DEFAULT_URL_STATE, embed: id, present: id }, problems: [] });
    }
  });

  it('an unknown panel falls back to the full page and is reported; the rest of the link applies', () => {
    const { state, problems } = parse('embed=sidebar&present=%3Cscript%3E&org=OpenAI&cscale=linear');
    expect(state.embed).toBeNull();
    expect(state.present).toBeNull();
    expect(state.filters.organizations).toEqual(['OpenAI']);
    expect(state.view.costScale).toBe('linear');
    expect(problems).toEqual([
      { param: 'embed', value: 'sidebar', reason: 'unknown-value' },
      { param: 'present', value: '<script>', reason: 'unknown-value' },
    ]);
  });

  it('a panel id is matched exactly (no case folding, no second value)', () => {
    expect(parse('embed=CO2').state.embed).toBeNull();
    const twice = parse('embed=co2&embed=timeline');
    expect(twice.state.embed).toBe('co2');
    expect(twice.problems).toEqual([{ param: 'embed', value: '2 values', reason: 'duplicate' }]);
  });
});

describe('reconcileWithDataset', () => {
  // "OpenAI" is an id here; "Open AI" an older link's spelling of it.
  const organizationId = (v: string) => ({ OpenAI: 'OpenAI', 'Open AI': 'OpenAI' })[v];
  const known = { organizationId, baseOptionIds: new Set(['llama']), systemIds: new Set(['gpt-3']) };
  it('drops what the dataset does not know and reports it', () => {
    const r = reconcileWithDataset(
      {
        filters: { ...DEFAULT_FILTERS, organizations: ['OpenAI', 'Nobody'], bases: ['llama', 'ghost'] },
        selectedId: 'ghost-model',
        compareIds: ['gpt-3', 'ghost-2'],
      },
      known,
    );
    expect(r.filters.organizations).toEqual(['OpenAI']);
    expect(r.filters.bases).toEqual(['llama']);
    expect(r.selectedId).toBeNull();
    expect(r.compareIds).toEqual(['gpt-3']);
    expect(r.problems.map((p) => `${p.param}=${p.value}`)).toEqual(['org=Nobody', 'base=ghost', 'sel=ghost-model', 'cmp=ghost-2']);
  });
  it('keeps known values untouched', () => {
    const r = reconcileWithDataset(
      { filters: { ...DEFAULT_FILTERS, organizations: ['OpenAI'] }, selectedId: 'gpt-3', compareIds: [] },
      known,
    );
    expect(r.problems).toEqual([]);
    expect(r.selectedId).toBe('gpt-3');
  });
  it('turns a spelling into its id without a notice, once however often it is named', () => {
    const r = reconcileWithDataset(
      { filters: { ...DEFAULT_FILTERS, organizations: ['Open AI', 'OpenAI'] }, selectedId: null, compareIds: [] },
      known,
    );
    expect(r.filters.organizations).toEqual(['OpenAI']);
    expect(r.problems).toEqual([]);
  });
});

describe('the timeline window in the URL', () => {
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  it('round-trips as its first and last whole day', () => {
    const w = { start: day('2023-02-01'), end: day('2023-05-01') };
    expect(windowText(w)).toBe('2023-02-01..2023-04-30');
    expect(parseWindow('2023-02-01..2023-04-30')).toEqual(w);
    const { state, problems } = fromUrl(new URLSearchParams('tlw=2023-02-01..2023-04-30'));
    expect(problems).toEqual([]);
    expect(state.timelineWindow).toEqual(w);
  });

  it('a tampered window falls back to none and says why', () => {
    for (const [value, reason] of [
      ['2023-02-30..2023-04-30', 'malformed'],
      ['yesterday', 'malformed'],
      ['2023-05-01..2023-02-01', 'range-reversed'],
    ] as const) {
      const { state, problems } = fromUrl(new URLSearchParams({ tlw: value }));
      expect(state.timelineWindow).toBeNull();
      expect(problems).toEqual([{ param: 'tlw', value, reason }]);
    }
  });
});

describe('the scale chart in the URL', () => {
  it('the metric and the trend period round-trip; the defaults are not written', () => {
    const state: UrlState = {
      ...DEFAULT_URL_STATE,
      view: { ...DEFAULT_URL_STATE.view, scaleMetric: 'params' },
      scalePeriod: { from: 2018, to: 2023 },
    };
    const params = toUrl(state);
    expect(params.toString()).toBe('sm=params&st=2018..2023');
    expect(fromUrl(params)).toEqual({ state, problems: [] });
    expect(toUrl(DEFAULT_URL_STATE).toString()).toBe('');
    expect(parseScalePeriod('2020..2023')).toEqual({ from: 2020, to: 2023 });
  });

  it('a tampered metric or period falls back to the default and says why', () => {
    const { state, problems } = fromUrl(new URLSearchParams('sm=weight&st=2023..2018'));
    expect(state.view.scaleMetric).toBe('flop');
    expect(state.scalePeriod).toBeNull();
    expect(problems).toEqual([
      { param: 'sm', value: 'weight', reason: 'unknown-value' },
      { param: 'st', value: '2023..2018', reason: 'range-reversed' },
    ]);
    for (const value of ['2018-2023', '18..23', '1800..2023', 'all'])
      expect(fromUrl(new URLSearchParams({ st: value })).problems).toEqual([{ param: 'st', value, reason: 'malformed' }]);
  });
});

describe('annotations in the URL', () => {
  const wave: UrlState['annotations'][number] = {
    type: 'band',
    panel: 'timeline',
    range: { kind: 'date', from: '2023-02-01', to: '2023-04-30' },
    text: 'Feb–Apr 2023: the open-model wave',
  };

  it('are one versioned parameter, written only when there are any', () => {
    const state: UrlState = { ...DEFAULT_URL_STATE, annotations: [wave] };
    const params = toUrl(state);
    expect([...params.keys()]).toEqual(['ann']);
    expect(params.get('ann')).toMatch(/^1\./);
    expect(fromUrl(params)).toEqual({ state, problems: [] });
  });

  it('a tampered value is dropped whole with a notice; the rest of the link still applies', () => {
    const value = `${encodeAnnotations([wave]).slice(0, -3)}$$$`;
    const { state, problems } = fromUrl(new URLSearchParams({ ann: value, cscale: 'linear' }));
    expect(state.annotations).toEqual([]);
    expect(state.view.costScale).toBe('linear');
    expect(problems).toEqual([{ param: 'ann', value: `${value.slice(0, 40)}…`, reason: 'malformed' }]);
  });
});
