import { describe, expect, it } from 'vitest';
import { placeTip } from './tooltip-layer';

const box = { left: 100, top: 200, right: 300, bottom: 220 };

describe('placeTip', () => {
  it('puts a hover tip right of the pointer, level with it', () => {
    expect(placeTip({ text: '', pointer: { x: 500, y: 400 }, box }, 200, 60, 1280, 900)).toEqual({ left: 512, top: 370 });
  });
  it('flips it to the left of the pointer near the right edge, and keeps it on screen vertically', () => {
    expect(placeTip({ text: '', pointer: { x: 1200, y: 880 }, box }, 200, 60, 1280, 900)).toEqual({ left: 988, top: 832 });
  });
  it('puts a focus tip right of its element, else under it, else above it', () => {
    expect(placeTip({ text: '', pointer: null, box }, 200, 60, 1280, 900)).toEqual({ left: 312, top: 200 });
    expect(placeTip({ text: '', pointer: null, box: { ...box, right: 1200 } }, 200, 60, 1280, 900)).toEqual({ left: 100, top: 226 });
    expect(placeTip({ text: '', pointer: null, box: { left: 100, top: 850, right: 1200, bottom: 870 } }, 200, 60, 1280, 900)).toEqual({
      left: 100,
      top: 784,
    });
  });
});
