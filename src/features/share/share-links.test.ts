// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../../store/filters-model';
import { DEFAULT_URL_STATE, fromUrl } from '../../store/url-state';
import { DEFAULT_EMBED_HEIGHT, embedLink, embedSnippet, MAX_EMBED_HEIGHT, MIN_EMBED_HEIGHT, suggestedEmbedHeight } from './share-links';

const base = 'https://example.org/dash/';

describe('embedLink', () => {
  it('carries the current state plus embed=<panel>, and drops presentation mode', () => {
    const state = {
      ...DEFAULT_URL_STATE,
      filters: { ...DEFAULT_FILTERS, organizations: ['Meta AI'] },
      language: 'zh-CN' as const,
      present: 'timeline' as const,
    };
    const url = embedLink(base, state, 'co2');
    expect(url).toBe('https://example.org/dash/?org=Meta+AI&lang=zh-CN&embed=co2');
    expect(fromUrl(new URL(url).searchParams)).toEqual({ state: { ...state, embed: 'co2', present: null }, problems: [] });
  });

  it('a default state gives just the panel', () => {
    expect(embedLink(base, DEFAULT_URL_STATE, 'overview')).toBe(`${base}?embed=overview`);
  });
});

describe('embedSnippet', () => {
  it('is a lazy, titled, full-width iframe with the URL and title escaped for an attribute', () => {
    const snippet = embedSnippet('https://example.org/?org=A&embed=co2', 'CO₂ "of" <training>', 600);
    expect(snippet).toBe(
      '<iframe src="https://example.org/?org=A&amp;embed=co2" width="100%" height="600" title="CO₂ &quot;of&quot; &lt;training&gt;" loading="lazy" style="border:0"></iframe>',
    );
    // What a browser reads back from the attribute is the original URL.
    const frame = new DOMParser().parseFromString(snippet, 'text/html').querySelector('iframe')!;
    expect(frame.getAttribute('src')).toBe('https://example.org/?org=A&embed=co2');
    expect(frame.getAttribute('title')).toBe('CO₂ "of" <training>');
  });
});

describe('suggestedEmbedHeight', () => {
  it('adds room for the filter line, rounds up to 40 px, stays within bounds; no measurement gives the default', () => {
    expect(suggestedEmbedHeight(561)).toBe(640);
    expect(suggestedEmbedHeight(600)).toBe(640);
    expect(suggestedEmbedHeight(601)).toBe(680);
    expect(suggestedEmbedHeight(10)).toBe(MIN_EMBED_HEIGHT);
    expect(suggestedEmbedHeight(99999)).toBe(MAX_EMBED_HEIGHT);
    expect(suggestedEmbedHeight(0)).toBe(DEFAULT_EMBED_HEIGHT);
    expect(suggestedEmbedHeight(undefined)).toBe(DEFAULT_EMBED_HEIGHT);
  });
});
