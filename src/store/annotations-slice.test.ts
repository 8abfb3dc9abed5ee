import { beforeEach, describe, expect, it } from 'vitest';
import { resetAppStore, useAppStore } from './index';
import { MAX_ANNOTATIONS_PER_PANEL, type Annotation } from './annotations-model';

const callout = (id: string): Annotation => ({ type: 'callout', panel: 'training-cost', anchor: { kind: 'system', id }, text: id });

describe('annotations in the store', () => {
  beforeEach(resetAppStore);

  it('add, edit, delete, each undone in turn', () => {
    const s = () => useAppStore.getState();
    expect(s().addAnnotation(callout('llama-65b'))).toBe(true);
    s().addAnnotation({ type: 'note', panel: 'timeline', text: 'n' });
    s().updateAnnotation(0, { ...callout('llama-65b'), text: 'LLaMA released' });
    s().removeAnnotation(1);
    expect(s().annotations).toEqual([{ ...callout('llama-65b'), text: 'LLaMA released' }]);
    s().undoAnnotation();
    expect(s().annotations.map((a) => a.text)).toEqual(['LLaMA released', 'n']);
    s().undoAnnotation();
    expect(s().annotations.map((a) => a.text)).toEqual(['llama-65b', 'n']);
    s().undoAnnotation();
    s().undoAnnotation();
    expect(s().annotations).toEqual([]);
    s().undoAnnotation();
    expect(s().annotations).toEqual([]);
  });

  it('refuses what a panel cannot hold: past its cap, or an axis it does not have', () => {
    const s = () => useAppStore.getState();
    for (let i = 0; i < MAX_ANNOTATIONS_PER_PANEL; i++) expect(s().addAnnotation(callout(`m${i}`))).toBe(true);
    expect(s().addAnnotation(callout('one-more'))).toBe(false);
    expect(s().addAnnotation({ type: 'callout', panel: 'timeline', anchor: { kind: 'value', value: 1 }, text: 'x' })).toBe(false);
    expect(s().annotations).toHaveLength(MAX_ANNOTATIONS_PER_PANEL);
  });
});
