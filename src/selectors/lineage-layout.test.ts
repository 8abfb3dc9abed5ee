import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../tests/fixtures/bundled-dataset';
import { miniDataset } from '../../tests/fixtures/mini-dataset';
import { layoutLineage, memberLabel, separateLeastSquares, type LineageLayout } from './lineage-layout';

const ds = bundledDataset();
const measure = (s: string) => s.length * 7;
const layout = layoutLineage(ds, { measure });

function node(l: LineageLayout, id: string) {
  const n = l.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
}

function expectNoOverlaps(l: LineageLayout) {
  // Boxes that are not nested (family members sit inside their family box) never overlap.
  const boxes = [
    ...l.families.map((f) => ({ key: `family:${f.id}`, x: f.x, y: f.y, w: f.width, h: f.height, members: f.memberIds })),
    ...l.nodes.map((n) => ({ key: n.id, x: n.x, y: n.y, w: n.width, h: n.height, members: [] as string[], family: n.familyId })),
  ];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a.members.includes(b.key) || b.members.includes(a.key)) continue;
      const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
      if (overlap) throw new Error(`${a.key} overlaps ${b.key}`);
    }
  }
}

describe('layoutLineage on the bundled data', () => {
  it('layer = longest path from a root: GPT-3 → GPT-3.5 → ChatGPT; LLaMA → Alpaca → FreedomGPT; LLaMA → Vicuna → LLaVA (+ CLIP)', () => {
    expect(layout.layers).toBe(3);
    const layerOf = (id: string) => node(layout, id).layer;
    expect(['gpt-3', 'gpt-3.5', 'chatgpt'].map(layerOf)).toEqual([0, 1, 2]);
    expect(['llama-7b', 'alpaca', 'freedomgpt'].map(layerOf)).toEqual([0, 1, 2]);
    expect(['llama-13b', 'vicuna-13b', 'llava'].map(layerOf)).toEqual([0, 1, 2]);
    expect(['clip', 'gpt-j-6b', 'pythia-12b', 'lamda'].map(layerOf)).toEqual([0, 0, 0, 0]);
    expect(['koala', 'chatllama', 'colossalchat', 'dolly-1', 'dolly-2', 'bard'].map(layerOf)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('systems with no base and nothing built on them are not in the tree', () => {
    expect(layout.isolated.sort()).toEqual([
      'bloom-175b',
      'gpt-4',
      'ligo',
      'midjourney',
      'opt-175b',
      'patterson-2021',
      'pytorch-2',
      'replit-code-v1-3b',
      'sam',
      'sustainable-ai',
    ]);
    expect(layout.nodes).toHaveLength(22);
  });

  it('one edge per base link (17), each drawn left to right from the exact size it was built on', () => {
    expect(layout.edges).toHaveLength(17);
    for (const e of layout.edges) {
      for (let i = 1; i < e.points.length; i++) expect(e.points[i].x).toBeGreaterThan(e.points[i - 1].x);
      const from = node(layout, e.from);
      const to = node(layout, e.to);
      expect(e.points[0]).toEqual({ x: from.x + from.width, y: from.y + from.height / 2 });
      expect(e.points.at(-1)).toEqual({ x: to.x, y: to.y + to.height / 2 });
    }
    const alpaca = layout.edges.find((e) => e.to === 'alpaca');
    expect(alpaca).toMatchObject({ from: 'llama-7b', relation: 'fine-tuned-from' });
    expect(layout.edges.filter((e) => e.to === 'chatllama').map((e) => [e.from, e.relation])).toEqual([
      ['llama-7b', 'wraps'],
      ['llama-13b', 'wraps'],
      ['llama-33b', 'wraps'],
      ['llama-65b', 'wraps'],
    ]);
  });

  it('an edge that skips a layer (CLIP → LLaVA) is routed through a waypoint clear of the nodes there', () => {
    const clip = layout.edges.find((e) => e.from === 'clip' && e.to === 'llava')!;
    expect(clip.relation).toBe('component');
    expect(clip.points).toHaveLength(3);
    const wp = clip.points[1];
    for (const n of layout.nodes.filter((x) => x.layer === 1)) {
      const inside = wp.y > n.y - 2 && wp.y < n.y + n.height + 2;
      expect(inside).toBe(false);
    }
  });

  it('sizes of one model share a family box, in size order, with short member labels', () => {
    expect(layout.families.map((f) => [f.id, f.title, f.memberIds])).toEqual([
      ['llama', 'LLaMA', ['llama-7b', 'llama-13b', 'llama-33b', 'llama-65b']],
      ['vicuna', 'Vicuna', ['vicuna-7b', 'vicuna-13b']],
      ['dolly', 'Dolly', ['dolly-1', 'dolly-2']],
    ]);
    expect(['llama-7b', 'llama-65b', 'vicuna-13b', 'dolly-1'].map((id) => node(layout, id).label)).toEqual(['7B', '65B', '13B', '1.0']);
    expect(node(layout, 'gpt-3.5').label).toBe('GPT-3.5 series');
    for (const f of layout.families) {
      for (const id of f.memberIds) {
        const n = node(layout, id);
        expect(n.x).toBeGreaterThanOrEqual(f.x);
        expect(n.x + n.width).toBeLessThanOrEqual(f.x + f.width);
        expect(n.y).toBeGreaterThanOrEqual(f.y);
        expect(n.y + n.height).toBeLessThanOrEqual(f.y + f.height);
      }
    }
  });

  it('nothing overlaps, everything is inside the reported size, and the order leaves few crossings', () => {
    expectNoOverlaps(layout);
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeGreaterThanOrEqual(0);
      expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
    }
    // The only unavoidable crossings are the wrapper edges into ChatLLaMA meeting other LLaMA fine-tunes.
    expect(layout.crossings).toBeLessThanOrEqual(8);
  });

  it('children sit near their parents: Vicuna beside LLaMA, ChatGPT level with GPT-3.5', () => {
    const llama = layout.families.find((f) => f.id === 'llama')!;
    const vicuna = layout.families.find((f) => f.id === 'vicuna')!;
    expect(Math.abs(vicuna.y + vicuna.height / 2 - (llama.y + llama.height / 2))).toBeLessThan(llama.height);
    expect(node(layout, 'chatgpt').y).toBe(node(layout, 'gpt-3.5').y);
  });

  it('a wider column gap only widens the drawing', () => {
    const wide = layoutLineage(ds, { measure, columnGap: 120 });
    expect(wide.width).toBe(layout.width + 2 * (120 - 48));
    expect(wide.height).toBe(layout.height);
  });
});

describe('layoutLineage on the mini fixture', () => {
  const l = layoutLineage(miniDataset(), { measure });
  it('family → child → grandchild, with the vision component skipping a layer', () => {
    expect(l.nodes.map((n) => [n.id, n.layer])).toEqual(
      expect.arrayContaining([
        ['fam-small', 0],
        ['fam-large', 0],
        ['vision', 0],
        ['child', 1],
        ['grandchild', 2],
      ]),
    );
    expect(l.families).toHaveLength(1);
    expect(l.families[0].memberIds).toEqual(['fam-small', 'fam-large']);
    expect(l.isolated.sort()).toEqual(['closed', 'event']);
    expect(l.edges.find((e) => e.from === 'vision')?.points).toHaveLength(3);
    expectNoOverlaps(l);
  });
});

describe('helpers', () => {
  it('memberLabel drops the family name', () => {
    expect(memberLabel('LLaMA-13B', 'LLaMA')).toBe('13B');
    expect(memberLabel('Dolly 2.0 (dolly-v2-12b)', 'Dolly')).toBe('2.0');
    expect(memberLabel('Fam-Small', 'Fam')).toBe('Small');
    expect(memberLabel('Other', 'Fam')).toBe('Other');
  });

  it('separateLeastSquares keeps order and gaps, moving items as little as possible', () => {
    expect(separateLeastSquares([0, 0, 0], [0, 10, 10])).toEqual([-10, 0, 10]);
    expect(separateLeastSquares([0, 100], [0, 10])).toEqual([0, 100]);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -500, max: 500 }), fc.integer({ min: 0, max: 60 })), { minLength: 1, maxLength: 20 }),
        (pairs) => {
          const desired = pairs.map((p) => p[0]);
          const gaps = pairs.map((p) => p[1]);
          const out = separateLeastSquares(desired, gaps);
          for (let i = 1; i < out.length; i++) expect(out[i] - out[i - 1]).toBeGreaterThanOrEqual(gaps[i] - 1e-9);
          // The mean displacement is zero: the solution is not biased downwards.
          const shift = out.reduce((s, y, i) => s + (y - desired[i]), 0);
          expect(Math.abs(shift)).toBeLessThan(1e-6 * out.length + 1e-6);
        },
      ),
    );
  });
});
