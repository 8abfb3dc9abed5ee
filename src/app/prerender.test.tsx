import { afterEach, describe, expect, it } from 'vitest';
import { bundledDataset } from '../../tests/fixtures/bundled-dataset';
import { resetAppStore } from '../store';
import { prerenderFirstScreen } from './prerender';

afterEach(() => resetAppStore());

describe('the build’s copy of the first screen', () => {
  const html = prerenderFirstScreen(bundledDataset());

  it('is the app’s first screen: header, intro, headline chart, filters and section links — nothing below', () => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const app = doc.querySelector('.app[data-prerendered]');
    expect(app).not.toBeNull();
    expect(app!.hasAttribute('inert')).toBe(true);
    expect(doc.querySelector('h1')?.textContent).toBe('The LLM wave, 2020–2023');
    expect(doc.querySelector('[data-testid="headline"]')?.textContent).toContain('as the talk “');
    expect(doc.querySelectorAll('[data-testid="section-nav"] a')).toHaveLength(10);
    expect(doc.querySelector('[data-testid="result-count"]')).not.toBeNull();
    // The views, the footer and the tooltip layer come with the app.
    expect(doc.querySelector('.views, .app-footer, [data-view]')).toBeNull();
  });

  it('draws the headline for a laptop and a phone, light and dark, each titled with the talk’s point', () => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const variants = [...doc.querySelectorAll('.headline-variant')].map((v) => v.className);
    expect(variants).toEqual([
      'headline-variant headline-wide headline-light',
      'headline-variant headline-wide headline-dark',
      'headline-variant headline-phone headline-light',
      'headline-variant headline-phone headline-dark',
    ]);
    for (const svg of doc.querySelectorAll('.headline-variant svg')) {
      expect(svg.querySelector('title')?.textContent).toMatch(/^Fine-tuning Alpaca took 24 GPU-hours/);
      expect(svg.querySelectorAll('#figure-plot g[id^="row-"]').length).toBeGreaterThan(5);
    }
    expect(doc.querySelector('.headline-wide svg')?.getAttribute('width')).toBe('1246');
    expect(doc.querySelector('.headline-phone svg')?.getAttribute('width')).toBe('353');
  });

  it('has no inline style attribute (the CSP would refuse it)', () => {
    expect(html).not.toMatch(/\sstyle="/);
  });
});
