import { describe, expect, it } from 'vitest';
import { isPanelId, PANEL_IDS, stepPanel } from './panels';

describe('panels', () => {
  it('steps forward and back, stopping at the ends', () => {
    expect(stepPanel('overview', 1)).toBe('models-table');
    expect(stepPanel('models-table', -1)).toBe('overview');
    expect(stepPanel('overview', -1)).toBeNull();
    expect(stepPanel(PANEL_IDS[PANEL_IDS.length - 1], 1)).toBeNull();
  });

  it('knows its ids exactly', () => {
    expect(PANEL_IDS.every(isPanelId)).toBe(true);
    expect(isPanelId('Overview')).toBe(false);
    expect(isPanelId('')).toBe(false);
    expect(isPanelId('constructor')).toBe(false);
  });
});
